import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../store/graph-store.js';
import { curationQueries, ingestQueries, readQueries, type ReadQuery } from '../../store/queries/index.js';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';
import { cachingFor, KEPT_RELATIONS } from './whole-graph-cache.js';

let graph: SampleGraph;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 40 });
});

afterAll(async () => {
  await graph.dispose();
});

/** Database statements `work` costs. */
async function statementsOf(store: GraphStore, work: () => Promise<unknown>): Promise<number> {
  const before = store.queryCount;
  await work();
  return store.queryCount - before;
}

describe('whole-graph cache', () => {
  it('reads a whole-graph query once until a write, and other reads every time', async () => {
    const cached = cachingFor(graph.store);
    expect(await statementsOf(graph.store, () => cached.warm())).toBeGreaterThan(0);
    expect(await statementsOf(graph.store, () => cached.read(readQueries.allJurisdictions))).toBe(0);
    expect(await statementsOf(graph.store, () => cached.read(readQueries.tasksByIds, { ids: ['sm-1'] }))).toBe(1);

    const before = (await cached.read(readQueries.allJurisdictions)).map((row) => row.id);
    await cached.transaction((tx) =>
      tx.write(ingestQueries.upsert.Jurisdiction, [{ id: '350500', name: '泉州市', nameEn: 'Quanzhou City', level: 'city', parentId: '350000' }]),
    );
    const after = (await cached.read(readQueries.allJurisdictions)).map((row) => row.id);
    expect(after).toEqual([...before, '350500'].sort());
  });

  it('answers lookups of jurisdictions, documents and national items from the kept rows, as the database would', async () => {
    const cached = cachingFor(graph.store);
    await cached.warm();
    const lookups: [ReadQuery<{ id: string }>, string[]][] = [
      [readQueries.jurisdictionsByIds, ['350400', '510100', 'none']],
      [readQueries.policiesByIds, ['p-fj', 'p-sm', 'none']],
      [readQueries.nationalItemsByIds, ['N-PAY', 'N-HOSP', 'none']],
    ];
    for (const [query, ids] of lookups) {
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
      const fromDatabase = byId(await graph.store.read(query, { ids }));
      expect(fromDatabase.length, query.name).toBe(2);
      let fromCache: { id: string }[] = [];
      expect(await statementsOf(graph.store, async () => (fromCache = await cached.read(query, { ids })))).toBe(0);
      expect(byId(fromCache), query.name).toEqual(fromDatabase);
    }
  });

  it('shares frozen rows: a caller sorting or editing them fails instead of changing the next answer', async () => {
    const cached = cachingFor(graph.store);
    const rows = await cached.read(readQueries.allJurisdictions);
    expect(() => rows.reverse()).toThrow(TypeError);
    expect(() => Object.assign(rows[0]!, { name: 'changed' })).toThrow(TypeError);
    expect(await cached.read(readQueries.allJurisdictions)).toBe(rows);
  });

  it('keeps nothing for a store other processes may write (Neo4j)', async () => {
    const neo4jLike: GraphStore = { ...graph.store, backend: 'neo4j', read: (query, params) => graph.store.read(query, params) };
    const cached = cachingFor(neo4jLike);
    await cached.warm();
    expect(await statementsOf(graph.store, () => cached.read(readQueries.allJurisdictions))).toBe(1);
  });

  it('wraps a store once', () => {
    const cached = cachingFor(graph.store);
    expect(cachingFor(cached)).toBe(cached);
  });
});

describe('task relationships kept in memory', () => {
  const taskIds = async () => (await graph.store.read(readQueries.searchableTasks)).map((task) => task.id).concat('no-such-task');
  /** Rows per task, in each task's own order: how the loaders use an answer. */
  const perTask = (rows: unknown[], column: string) => {
    const groups: Record<string, unknown[]> = {};
    for (const row of rows) (groups[(row as Record<string, string>)[column]!] ??= []).push({ ...(row as object) });
    return groups;
  };
  const answers = async (store: GraphStore, ids: string[]) =>
    Promise.all(KEPT_RELATIONS.map(async (relation) => perTask(await store.read(relation.byTasks, { ids }), relation.taskColumn)));

  it('answers every task’s agencies, targets and national items without the database, as the database would', async () => {
    const cached = cachingFor(graph.store);
    await cached.warm();
    const ids = await taskIds();
    const fromDatabase = await answers(graph.store, ids);
    expect(Object.keys(fromDatabase[0]!).length).toBeGreaterThan(40);
    let fromCache: unknown[] = [];
    expect(await statementsOf(graph.store, async () => (fromCache = await answers(cached, ids)))).toBe(0);
    expect(fromCache).toEqual(fromDatabase);
  });

  it('after a write, asks the database until it has read them again document by document, then answers as before', async () => {
    const cached = cachingFor(graph.store);
    await cached.warm();
    const ids = await taskIds();
    await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-1', to: 'N-PAY' }]));
    // The write is visible at once: the lookup goes to the database.
    let afterWrite: unknown[] = [];
    expect(await statementsOf(graph.store, async () => (afterWrite = await answers(cached, ['sm-1-1'])))).toBeGreaterThan(0);
    expect(afterWrite[2]).toEqual({});

    await cached.settled();
    let refilled: unknown[] = [];
    expect(await statementsOf(graph.store, async () => (refilled = await answers(cached, ids)))).toBe(0);
    expect(refilled).toEqual(await answers(graph.store, ids));
    expect((refilled[2] as Record<string, unknown>)['sm-1-1']).toBeUndefined();
  });

  it('discards a refill that a later write overtook', async () => {
    const cached = cachingFor(graph.store);
    await cached.warm();
    await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-2', to: 'N-TIER' }]));
    await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'cd-1-2', to: 'N-DRUG' }]));
    await cached.settled();
    const ids = await taskIds();
    expect(await answers(cached, ids)).toEqual(await answers(graph.store, ids));
    expect((await answers(cached, ['cd-1-2']))[2]).toEqual({});
  });
});

