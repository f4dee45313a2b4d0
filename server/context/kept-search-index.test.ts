import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingStore as recording } from '../testing/recording-store.js';
import { createApp } from '../app.js';
import { silentLogger } from '../logger.js';
import { buildSearchIndex } from '../search/store-search-index.js';
import type { KeptGraph } from './kept-graph.js';
import { keptSearchIndex } from './kept-search-index.js';
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

describe('keptSearchIndex.refresh', () => {
  const taskOf = (id: string, text: string) => ({
    id,
    title: text,
    text,
    jurisdictionId: '110000',
    policyId: 'p',
    seq: Number(id.slice(1)),
  });

  it('never lets an older build, finished last, replace the index of a newer one', async () => {
    // The first refresh reads many tasks; a write then leaves one, and the second refresh, started
    // while the first is still building in turns, finishes first.
    let tasks = Array.from({ length: 20_000 }, (_, i) => taskOf(`t${i}`, `第${i}项：推进紧密型县域医共体建设。`));
    const kept = { version: 1, settled: async () => undefined, tasks: async () => tasks } as unknown as KeptGraph;
    const index = keptSearchIndex(kept);
    const older = index.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    tasks = [taskOf('t0', '做实家庭医生签约服务')];
    await index.refresh();
    await older;
    expect(index.search('家庭医生').map((hit) => hit.id)).toEqual(['t0']);
    expect(index.search('医共体')).toEqual([]);
  });
});
