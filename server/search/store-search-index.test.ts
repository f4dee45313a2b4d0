import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestQueries } from '../../store/queries/index.js';
import { openSampleGraph, sampleTasks, type SampleGraph } from '../testing/sample-graph.js';
import { buildSearchIndex } from './store-search-index.js';

let graph: SampleGraph;

beforeAll(async () => {
  graph = await openSampleGraph();
});

afterAll(async () => {
  await graph.dispose();
});

describe('buildSearchIndex', () => {
  it('indexes every task of the store and sees tasks ingested later only after refresh', async () => {
    const index = await buildSearchIndex(graph.store);
    expect(index.size).toBe(sampleTasks.length);
    const added = { ...sampleTasks[2]!, id: 'sm-new', text: '建立健全城市医疗集团。', title: '建立健全城市医疗集团', seq: 9 };
    await graph.store.transaction((tx) => tx.write(ingestQueries.upsert.Task, [added]));
    expect(index.search('城市医疗集团')).toEqual([]);
    await index.refresh();
    expect(index.size).toBe(sampleTasks.length + 1);
    expect(index.search('城市医疗集团').map((hit) => hit.id)).toEqual(['sm-new']);
  });
});
