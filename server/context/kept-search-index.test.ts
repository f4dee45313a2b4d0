import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fingerprintOf } from '../../ingest/fingerprint.js';
import { loadNationalCatalogue } from '../../ingest/load/load-catalogue.js';
import { ingestBytes, loadStageContext } from '../../ingest/pipeline.js';
import { ingestQueries, readQueries } from '../../store/queries/index.js';
import { recordingStore as recording } from '../testing/recording-store.js';
import { randomSource } from '../testing/random-source.js';
import { createApp } from '../app.js';
import { silentLogger } from '../logger.js';
import { createSearchIndex, type SearchIndex, type SearchOptions } from '../search/search-index.js';
import { buildSearchIndex } from '../search/store-search-index.js';
import { keepGraph, type KeptGraph, type SearchableTask } from './kept-graph.js';
import { keptSearchIndex, searchDocumentsOf } from './kept-search-index.js';
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

  it('shows the graph as the last refresh asked found it, whatever the refreshes before it were building', async () => {
    // The first refresh reads many tasks; a write then leaves one, and a second refresh is asked
    // while the first is still building in turns.
    let tasks = Array.from({ length: 20_000 }, (_, i) => taskOf(`t${i}`, `第${i}项：推进紧密型县域医共体建设。`));
    const kept = { version: 1, settled: async () => undefined, tasks: async () => tasks, writtenSince: () => null } as unknown as KeptGraph;
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

/** A sample graph kept, with the national catalogue, ready for seeds to be loaded into it; its reads' names recorded. */
async function keptSampleGraph(maxKeptTasks?: number) {
  // More tasks than the documents loaded hold: building the index whole again would cost more than those documents'.
  const own = await openSampleGraph({ extraTasks: 1000 });
  const stage = await loadStageContext('seeds');
  const context = { ...stage, fingerprint: await fingerprintOf('seeds') };
  const { store, names } = recording(own.store);
  const kept = keepGraph(store, maxKeptTasks === undefined ? {} : { maxKeptTasks });
  await loadNationalCatalogue(kept, stage.linkContext.catalogue);
  await kept.settled();
  await kept.warm();
  return { own, kept, context, names };
}

const sixian = readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8');
const ziyang = readFileSync('seeds/000_aa2cf58d52cbffab.txt', 'utf8');
const sixianReplaced = sixian.slice(0, sixian.lastIndexOf('\n（'));

/** The tasks of sixian.txt without its last item, as a graph of its own holds them. */
async function tasksOfSixianReplaced(): Promise<number> {
  const { own, kept, context } = await keptSampleGraph();
  try {
    const before = (await own.store.read(readQueries.searchableTasks)).length;
    expect(await ingestBytes(kept, 'sixian.txt', Buffer.from(sixianReplaced), context)).toMatchObject({ ok: true });
    return (await own.store.read(readQueries.searchableTasks)).length - before;
  } finally {
    await own.dispose();
  }
}

describe('keptSearchIndex after writes', () => {
  it.each([
    ['task rows kept', undefined, undefined],
    ['task rows over the budget', 0, undefined],
    // Past it, each refresh answers in parts at once, and the whole index is built in the background.
    ['more tasks written than the index takes in parts', undefined, 10],
    // As many as the replaced document holds: the written documents' index is built at the first
    // load, the replaced document is answered from the recent part and not from it, and the second
    // load builds it again.
    ['more tasks written since the written documents were indexed than that index lets be', undefined, undefined, 'replaced'],
  ] as const)(
    'answers after documents are loaded, replaced and deleted as an index built from every task would, reading no other document (%s)',
    async (_, maxKeptTasks, maxTasksWritten, recentLimit?: 'replaced') => {
      const maxTasksRecent = recentLimit === 'replaced' ? await tasksOfSixianReplaced() : undefined;
      const { own, kept, context, names } = await keptSampleGraph(maxKeptTasks);
      try {
        const index = keptSearchIndex(kept, {
          ...(maxTasksWritten === undefined ? {} : { maxTasksWritten }),
          ...(maxTasksRecent === undefined ? {} : { maxTasksRecent }),
        });
        await index.refresh();
        const sampleDocuments = (await own.store.read(readQueries.allPolicies)).filter((policy) => !policy.stub).map((policy) => policy.id);
        expect(sampleDocuments).toContain('p-sm');
        const wholeReads = vi.spyOn(kept, 'tasks');
        const documentReads = vi.spyOn(kept, 'tasksOf');
        const random = randomSource(20261205);
        const writes: [string, () => Promise<unknown>][] = [
          ['load', () => ingestBytes(kept, 'sixian.txt', Buffer.from(sixian), context)],
          // Its last item gone.
          ['replace', () => ingestBytes(kept, 'sixian.txt', Buffer.from(sixianReplaced), context)],
          ['load another', () => ingestBytes(kept, 'ziyang.txt', Buffer.from(ziyang), context)],
          ['delete', () => kept.transaction((tx) => tx.write(ingestQueries.deletePolicyTasks, [{ policyId: 'p-fj' }]))],
        ];
        /** Answers to phrases of the tasks, and to a phrase of many, as those of `fresh`. */
        const expectAnswersOf = (fresh: SearchIndex, tasks: readonly SearchableTask[], step: string) => {
          expect(index.size, step).toBe(fresh.size);
          const texts = tasks.map((task) => task.text).filter((text) => text.length >= 2);
          for (let k = 0; k < 200; k += 1) {
            const text = random.pick(texts);
            const length = random.int(2, 6);
            const start = random.int(0, text.length - length);
            const options: SearchOptions = { limit: random.pick([5, 20, 100]) };
            if (random.next() < 0.3) options.jurisdictionId = random.pick(tasks).jurisdictionId;
            const query = text.slice(start, start + length);
            expect(index.search(query, options), `${step}: ${query}`).toEqual(fresh.search(query, options));
          }
          expect(index.search('紧密型县域医共体', { limit: 100 }), step).toEqual(fresh.search('紧密型县域医共体', { limit: 100 }));
        };
        for (const [step, write] of writes) {
          await write();
          names.length = 0;
          documentReads.mockClear();
          const generation = index.generation;
          wholeReads.mockClear();
          await index.refresh();
          expect(index.generation, step).toBe(generation + 1);
          const documentsRead = documentReads.mock.calls.flatMap(([ids]) => ids);
          // Not the sample's documents the write did not touch.
          expect(
            documentsRead.filter((id) => sampleDocuments.includes(id)),
            step,
          ).toEqual(step === 'delete' ? ['p-fj'] : []);
          const tasks = await own.store.read(readQueries.searchableTasks);
          const fresh = createSearchIndex(searchDocumentsOf(tasks));
          expectAnswersOf(fresh, tasks, step);
          if (maxTasksWritten === undefined) {
            // Nor every task.
            expect(names, step).not.toContain('searchableTasks');
            expect(names, step).not.toContain('allTasks');
            expect(wholeReads, step).not.toHaveBeenCalled();
          } else {
            await index.settled();
            // Deleting a document's tasks writes no task.
            expect(wholeReads, step).toHaveBeenCalledTimes(step === 'delete' ? 0 : 1);
            expectAnswersOf(fresh, tasks, `${step}, built whole`);
          }
        }
        expect(index.search('医', { limit: 1000 }).map((hit) => hit.id)).not.toContain('fj-1-1');
      } finally {
        await own.dispose();
      }
    },
  );

  it('brings in the documents written while the index was built whole in the background', async () => {
    const { own, kept, context } = await keptSampleGraph();
    let release: () => void = () => undefined;
    try {
      const index = keptSearchIndex(kept, { maxTasksWritten: 10 });
      await index.refresh();
      // The whole index read after the first upload, and held until the second is searchable.
      const released = new Promise<void>((resolve) => (release = resolve));
      const everyTask = kept.tasks.bind(kept);
      vi.spyOn(kept, 'tasks').mockImplementationOnce(async () => {
        const tasks = await everyTask();
        await released;
        return tasks;
      });
      await ingestBytes(kept, 'sixian.txt', Buffer.from(sixian), context);
      await index.refresh();
      await ingestBytes(kept, 'ziyang.txt', Buffer.from(ziyang), context);
      await index.refresh();
      release();
      await index.settled();
      const fresh = createSearchIndex(searchDocumentsOf(await own.store.read(readQueries.searchableTasks)));
      expect(index.size).toBe(fresh.size);
      for (const query of ['推广三明医改经验', '紧密型县域医共体', '家庭医生签约服务', '托育']) {
        expect(index.search(query, { limit: 100 }), query).toEqual(fresh.search(query, { limit: 100 }));
      }
    } finally {
      release();
      await own.dispose();
    }
  });
});
