import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingStore as recording } from '../testing/recording-store.js';
import { createApp } from '../app.js';
import { silentLogger } from '../logger.js';
import { buildSearchIndex } from '../search/store-search-index.js';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';

let graph: SampleGraph;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 40 });
});

afterAll(async () => {
  await graph.dispose();
});

describe('an app that keeps the graph', () => {
  it('reads each kept row once at start and builds the search index from the kept tasks', async () => {
    const { store, names } = recording(graph.store);
    const app = createApp({ store, logger: silentLogger });
    await app.ready();
    expect(names.filter((name) => name === 'allTasks')).toEqual(['allTasks']);
    expect(names).not.toContain('searchableTasks');
    expect(new Set(names).size).toBe(names.length);

    const fromStore = await buildSearchIndex(graph.store);
    for (const text of ['DRG付费', '家庭医生签约', '医保']) {
      const response = await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ search(text: ${JSON.stringify(text)}) { id } }` }),
      });
      const { data } = (await response.json()) as { data: { search: { id: string }[] } };
      expect(data.search.length, text).toBeGreaterThan(0);
      expect(
        data.search.map((hit) => hit.id),
        text,
      ).toEqual(fromStore.search(text).map((hit) => hit.id));
    }
  });
});
