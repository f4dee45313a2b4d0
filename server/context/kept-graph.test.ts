import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../ingest/fingerprint.js';
import { loadNationalCatalogue } from '../../ingest/load/load-catalogue.js';
import { ingestBytes, loadStageContext } from '../../ingest/pipeline.js';
import type { GraphStore } from '../../store/graph-store.js';
import { curationQueries, ingestQueries, readQueries, type ReadQuery } from '../../store/queries/index.js';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';
import { keptRows as declaredKeptRows, lookups as declaredLookups, type Lookup } from '../../store/queries/lookups.js';
import { keepGraph as keepGraphOf, withDocumentsReplaced, type KeptGraph } from './kept-graph.js';
import { rowComparator } from '../../store/queries/row-order.js';
import { randomSource } from '../testing/random-source.js';
import { evidenceSpansOf } from './compact-evidence.js';
import { ColumnRows, objectsOf, type KeptSet } from './column-rows.js';
import { createReadWriteLock, withExclusiveCommits } from './read-write-lock.js';

let graph: SampleGraph;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 40 });
});

afterAll(async () => {
  await graph.dispose();
});

/** Database statements `work` costs. */
/** Kept graphs of the test running: their background reads end before the next test counts statements. */
const kept: KeptGraph[] = [];
const keepGraph = (...args: Parameters<typeof keepGraphOf>) => {
  const graph = keepGraphOf(...args);
  kept.push(graph);
  return graph;
};
afterEach(async () => {
  await Promise.all(kept.splice(0).map((graph) => graph.settled()));
});

async function statementsOf(store: GraphStore, work: () => Promise<unknown>): Promise<number> {
  const before = store.queryCount;
  await work();
  return store.queryCount - before;
}

describe('the kept graph', () => {
  it('reads a whole-graph query once until a write, and other reads every time', async () => {
    const cached = keepGraph(graph.store);
    expect(await statementsOf(graph.store, () => cached.warm())).toBeGreaterThan(0);
    expect(await statementsOf(graph.store, () => cached.read(readQueries.allJurisdictions))).toBe(0);
    expect(await statementsOf(graph.store, () => cached.read(readQueries.policyTextParts, { ids: ['p-sm'] }))).toBe(1);

    const before = (await cached.read(readQueries.allJurisdictions)).map((row) => row.id);
    await cached.transaction((tx) =>
      tx.write(ingestQueries.upsert.Jurisdiction, [
        { id: '350500', name: '泉州市', nameEn: 'Quanzhou City', level: 'city', parentId: '350000' },
      ]),
    );
    const after = (await cached.read(readQueries.allJurisdictions)).map((row) => row.id);
    expect(after).toEqual([...before, '350500'].sort());
  });

  it('answers lookups of jurisdictions, documents, national items and coverage triples from the kept rows, as the database would', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    const lookups: [ReadQuery<object>, string[], number][] = [
      [readQueries.jurisdictionsByIds, ['350400', '510100', 'none'], 2],
      [readQueries.policiesByIds, ['p-fj', 'p-sm', 'none'], 2],
      [readQueries.nationalItemsByIds, ['N-PAY', 'N-HOSP', 'none'], 2],
      [readQueries.coverageTriples, ['350400', '510100', 'none'], 44],
      [readQueries.possibleTriples, ['350400', '510100', 'none'], 1],
    ];
    for (const [query, ids, count] of lookups) {
      const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
      const fromDatabase = sorted(await graph.store.read(query, { ids }));
      expect(fromDatabase.length, query.name).toBe(count);
      let fromCache: object[] = [];
      expect(await statementsOf(graph.store, async () => (fromCache = await cached.read(query, { ids })))).toBe(0);
      expect(sorted(fromCache), query.name).toEqual(fromDatabase);
    }
  });

  it('answers each kept lookup as the lookup answers the database rows, once per key for every request until a write (rows kept as objects)', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    async function expectAnswered<Row, Answer>(lookup: Lookup<Row, Answer>, keys: string[]) {
      const fromDatabase = lookup.answer(await graph.store.read(lookup.query, { ids: keys }), keys);
      const now = cached.answerNow(lookup, keys);
      expect(now, lookup.query.name).toEqual(fromDatabase);
      if (lookup.kept?.byColumn) {
        // Made for each answer from rows kept by column (column-rows.ts), and let go with it.
        expect(cached.answerNow(lookup, keys)?.[0], lookup.query.name).not.toBe(now?.[0]);
        return;
      }
      expect(cached.answerNow(lookup, keys)?.[0], lookup.query.name).toBe(now?.[0]);
      expect(Object.isFrozen(now?.[0]), lookup.query.name).toBe(true);
    }
    await expectAnswered(declaredLookups.jurisdiction, ['350400', 'none']);
    await expectAnswered(declaredLookups.nationalItem, ['N-PAY', 'none']);
    await expectAnswered(declaredLookups.coverageOfJurisdiction, ['350400', 'none']);
    await expectAnswered(declaredLookups.possibleOfJurisdiction, ['510100', '350400', 'none']);
    // Read backward over IMPLEMENTS, which is stored forward only (graph-schema: intoFewNodes).
    await expectAnswered(declaredLookups.implementationsOfNationalItem, ['N-PAY', 'N-TIER', 'none']);
    expect(cached.answerNow(declaredLookups.policyText, ['p-sm'])).toBeNull();
    await cached.transaction((tx) =>
      tx.write(ingestQueries.upsert.Jurisdiction, [
        { id: '350600', name: '漳州市', nameEn: 'Zhangzhou City', level: 'city', parentId: '350000' },
      ]),
    );
    expect(cached.answerNow(declaredLookups.jurisdiction, ['350400'])).toBeNull();
  });

  it('keeps its rows, answers and version through a transaction that writes no row', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    const version = cached.version;
    const answer = cached.answerNow(declaredLookups.jurisdiction, ['350400']);
    expect(answer).not.toBeNull();
    // What ingest does for a document or catalogue that has not changed: reads, and writes nothing.
    await cached.transaction(async (tx) => {
      await tx.read(readQueries.allJurisdictions);
      await tx.write(ingestQueries.upsert.Jurisdiction, []);
    });
    expect(cached.version).toBe(version);
    expect(cached.taskRowsKept).toBe(true);
    expect(cached.answerNow(declaredLookups.jurisdiction, ['350400'])?.[0]).toBe(answer?.[0]);
    expect(await statementsOf(graph.store, () => cached.read(readQueries.allJurisdictions))).toBe(0);
  });

  it('drops what it keeps after a transaction that failed, as it may have committed', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    const version = cached.version;
    await expect(cached.transaction(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(cached.version).not.toBe(version);
    expect(cached.answerNow(declaredLookups.jurisdiction, ['350400'])).toBeNull();
    await cached.settled();
  });

  it('pages task ids from the kept rows as the page queries page them', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    const pages: [string | null, number, number][] = [
      ['350400', 0, 5],
      ['350400', 3, 50],
      ['510100', 0, 500],
      ['none', 0, 10],
      [null, 0, 30],
      [null, 17, 25],
    ];
    for (const [jurisdictionId, skip, limit] of pages) {
      const fromDatabase = jurisdictionId
        ? await graph.store.read(readQueries.taskIdsPage, { jurisdictionIds: [jurisdictionId], skip, limit })
        : await graph.store.read(readQueries.allTaskIdsPage, { skip, limit });
      expect(cached.taskIdsPageNow(jurisdictionId, skip, limit), `${String(jurisdictionId)} ${skip} ${limit}`).toEqual(
        fromDatabase.map((row) => row.id),
      );
    }
    await cached.transaction((tx) =>
      tx.write(ingestQueries.upsert.Jurisdiction, [
        { id: '350700', name: '南平市', nameEn: 'Nanping City', level: 'city', parentId: '350000' },
      ]),
    );
    expect(cached.taskIdsPageNow(null, 0, 10)).toBeNull();
  });

  it('shares frozen rows: a caller sorting or editing them fails instead of changing the next answer', async () => {
    const cached = keepGraph(graph.store);
    const rows = await cached.read(readQueries.allJurisdictions);
    expect(() => rows.reverse()).toThrow(TypeError);
    expect(() => Object.assign(rows[0]!, { name: 'changed' })).toThrow(TypeError);
    expect(await cached.read(readQueries.allJurisdictions)).toBe(rows);
  });

  it('keeps nothing for a store other processes may write (Neo4j)', async () => {
    const neo4jLike: GraphStore = { ...graph.store, backend: 'neo4j', read: (query, params) => graph.store.read(query, params) };
    const cached = keepGraph(neo4jLike);
    await cached.warm();
    expect(await statementsOf(graph.store, () => cached.read(readQueries.allJurisdictions))).toBe(1);
  });

  it('tells which jurisdictions the writes since a version may have changed: those named, and those of the documents written', async () => {
    const own = await openSampleGraph();
    try {
      const cached = keepGraph(own.store);
      await cached.warm();
      // As the server writes: the rows after a write are made ready in its transaction.
      const writer = withExclusiveCommits(cached, createReadWriteLock());
      const start = cached.version!;
      // A link of a task of 三明's document (350400): the task's id names neither the document nor the place.
      await writer.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-1', to: 'N-PAY' }]));
      expect(cached.touchedSince(start, ['350400'])).toBe(true);
      expect(cached.touchedSince(start, ['510100', '350000'])).toBe(false);
      const afterLink = cached.version!;
      await writer.transaction((tx) =>
        tx.write(ingestQueries.upsert.Jurisdiction, [
          { id: '350500', name: '泉州市', nameEn: 'Quanzhou City', level: 'city', parentId: '350000' },
        ]),
      );
      expect([cached.touchedSince(afterLink, ['350000']), cached.touchedSince(afterLink, ['510100'])]).toEqual([true, false]);
      expect(cached.touchedSince(start, ['350400'])).toBe(true);
      expect(cached.touchedSince(cached.version!, ['350400'])).toBe(false);

      // National items are in every jurisdiction's answers.
      const [item] = await own.store.read(readQueries.nationalItemsByIds, { ids: ['N-PAY'] });
      const beforeItem = cached.version!;
      await writer.transaction((tx) => tx.write(ingestQueries.upsert.NationalItem, [{ ...item!, titleZh: `${item!.titleZh}（改）` }]));
      expect(cached.touchedSince(beforeItem, ['510100'])).toBeNull();
      // A write whose rows after it were not made ready in its transaction: not known.
      await cached.warm();
      const beforeUnprepared = cached.version!;
      await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'cd-1-1', to: 'N-PAY' }]));
      expect(cached.touchedSince(beforeUnprepared, ['350400'])).toBeNull();
    } finally {
      await own.dispose();
    }
  });

  it('wraps a store once', () => {
    const cached = keepGraph(graph.store);
    expect(keepGraph(cached)).toBe(cached);
  });
});

/** The store, recording the documents whose task rows are read (the keys of each set's read by document). */
function recordingDocumentsRead(store: GraphStore): { store: GraphStore; documentsRead: string[]; queriesRead: string[] } {
  const documentsRead: string[] = [];
  const queriesRead: string[] = [];
  const perDocument = new Set<ReadQuery<unknown>>(
    declaredKeptRows.flatMap((rows) => [rows.ofPolicies, rows.updatedByPolicies].filter((query) => query !== undefined)),
  );
  const read: GraphStore['read'] = (query, params) => {
    queriesRead.push(query.name);
    if (perDocument.has(query)) documentsRead.push(...(params?.ids as string[]));
    return store.read(query, params);
  };
  return { store: { ...store, read }, documentsRead, queriesRead };
}

describe('task rows kept in memory', () => {
  const lookups = (Object.values(declaredLookups) as Lookup<object, unknown>[]).filter((lookup) => lookup.kept?.ofPolicies);
  /** Keys of every lookup: every task, or every document, and one that does not exist. */
  async function keysOf(lookup: Lookup<object, unknown>): Promise<string[]> {
    const tasks = await graph.store.read(readQueries.searchableTasks);
    const keys = lookup === declaredLookups.tasksOfPolicy ? tasks.map((task) => task.policyId) : tasks.map((task) => task.id);
    return [...new Set(keys), 'none'];
  }
  /** Each lookup's answer for the given keys, as rows per key in each key's own order: how the loaders use it. */
  async function answers(store: GraphStore, only?: string[]): Promise<Record<string, Record<string, unknown[]>>> {
    const out: Record<string, Record<string, unknown[]>> = {};
    for (const lookup of lookups) {
      const groups: Record<string, unknown[]> = {};
      for (const row of await store.read(lookup.query, { ids: only ?? (await keysOf(lookup)) })) {
        (groups[lookup.keyOf(row)!] ??= []).push({ ...row });
      }
      out[lookup.query.name] = groups;
    }
    return out;
  }
  const implementsOf = async (store: GraphStore, taskId: string) =>
    (await store.read(readQueries.implementsByTasks, { ids: [taskId] })).map((row) => row.toId);

  it('answers every task, with its agencies, targets, national items and parent tasks, without the database, as the database would', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    const fromDatabase = await answers(graph.store);
    expect(Object.keys(fromDatabase.tasksByIds!).length).toBeGreaterThan(40);
    expect(Object.keys(fromDatabase.derivesFromByTasks!)).toEqual(['sm-1-1']);
    let fromCache = {};
    const keyReads = lookups.length; // reading the keys themselves
    expect(await statementsOf(graph.store, async () => (fromCache = await answers(cached)))).toBe(keyReads);
    expect(fromCache).toEqual(fromDatabase);
  });

  it('after a write, asks the database until it has read them again document by document, then answers as before', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-1', to: 'N-PAY' }]));
    // The write is visible at once: the lookup goes to the database (as does the refill, meanwhile).
    let afterWrite: string[] = [];
    expect(await statementsOf(graph.store, async () => (afterWrite = await implementsOf(cached, 'sm-1-1')))).toBeGreaterThan(0);
    expect(afterWrite).toEqual([]);

    await cached.settled();
    expect(await statementsOf(graph.store, () => implementsOf(cached, 'sm-1-1'))).toBe(0);
    expect(await answers(cached)).toEqual(await answers(graph.store));
  });

  it("keeps link evidence as offsets into the task's and the national item's texts, giving the stored string back", async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    const [task] = await graph.store.read(readQueries.tasksByIds, { ids: ['sm-1-2'] });
    const [item] = await graph.store.read(readQueries.nationalItemsByIds, { ids: ['N-PAY'] });
    const phrase = { localSpan: { start: 2, end: 6 }, nationalSpan: { start: 1, end: 5 } };
    const evidence = JSON.stringify([
      {
        localText: task!.text.slice(2, 6),
        localSpan: phrase.localSpan,
        nationalText: item!.text.slice(1, 5),
        nationalSpan: phrase.nationalSpan,
      },
    ]);
    const link = { from: 'sm-1-2', to: 'N-PAY', score: 0.4, method: 'test', kind: 'paraphrase' as const, evidence, curated: false };
    await cached.transaction((tx) => tx.write(ingestQueries.merge.IMPLEMENTS, [link]));
    await cached.settled();

    const kept = await cached.read(readQueries.implementsByTasks, { ids: ['sm-1-2', 'cd-1-2'] });
    const compact = kept.find((row) => row.toId === 'N-PAY');
    expect(compact && evidenceSpansOf(compact)).toEqual([2, 6, 1, 5]);
    expect(compact?.evidence).toBe(evidence);
    // The sample's own evidence is not the task's text at its spans: kept as the string it is.
    const asStored = kept.find((row) => row.fromId === 'cd-1-2');
    expect(asStored && evidenceSpansOf(asStored)).toBeNull();
    // Each task's links as the database gives them (a keyed read is answered key by key, so only
    // the order within a key is the query's).
    for (const id of ['sm-1-2', 'cd-1-2'])
      expect(kept.filter((row) => row.fromId === id).map((row) => ({ ...row }))).toEqual(
        await graph.store.read(readQueries.implementsByTasks, { ids: [id] }),
      );
  });

  it('after a write, reads again only the documents it changed (and those linked to their tasks), then answers as the database does', async () => {
    const own = await openSampleGraph({ extraTasks: 40 });
    try {
      const { store, documentsRead } = recordingDocumentsRead(own.store);
      const cached = keepGraph(store);
      await cached.warm();
      const readAfter = async (write: Parameters<GraphStore['transaction']>[0]) => {
        documentsRead.length = 0;
        await cached.transaction(write);
        await cached.settled();
        expect(await answers(cached)).toEqual(await answers(own.store));
        return [...new Set(documentsRead)].sort();
      };
      // A link of one task: its document.
      expect(await readAfter((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-1', to: 'N-PAY' }]))).toEqual(['p-sm']);
      // The tasks of the provincial plan gone: it, and the city plan whose task derived from one of them.
      expect(await readAfter((tx) => tx.write(ingestQueries.deletePolicyTasks, [{ policyId: 'p-fj' }]))).toEqual(['p-fj', 'p-sm']);
      expect(await cached.read(readQueries.derivesFromByTasks, { ids: ['sm-1-1'] })).toEqual([]);
    } finally {
      await own.dispose();
    }
  });

  it('while it reads the documents a write changed again, answers the keys of the other documents from the rows before it, as the database would', async () => {
    const own = await openSampleGraph({ extraTasks: 40 });
    let release: () => void = () => undefined;
    try {
      // The refill held at its first read of a document's rows: the documents changed are known by then.
      const perDocument = new Set<ReadQuery<unknown>>(declaredKeptRows.flatMap((rows) => (rows.ofPolicies ? [rows.ofPolicies] : [])));
      let reached: () => void = () => undefined;
      const atFirstRead = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const read: GraphStore['read'] = async (query, params) => {
        if (perDocument.has(query)) {
          reached();
          await released;
        }
        return own.store.read(query, params);
      };
      const cached = keepGraph({ ...own.store, read });
      await cached.warm();
      await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-1', to: 'N-PAY' }]));
      await atFirstRead;
      const fresh = keepGraphOf(own.store);
      await fresh.warm();
      const unchangedTasks = (await own.store.read(readQueries.tasksByPolicies, { ids: ['p-cd'] })).map((task) => task.id);
      expect(unchangedTasks.length).toBeGreaterThan(1);
      for (const lookup of lookups) {
        const unchanged = lookup === declaredLookups.tasksOfPolicy ? ['p-cd'] : unchangedTasks;
        expect(cached.answerNow(lookup, unchanged), lookup.query.name).toEqual(fresh.answerNow(lookup, unchanged));
        expect(cached.answerNow(lookup, unchanged), lookup.query.name).not.toBeNull();
        // The changed document's keys, and a key of no document known, go to the database.
        expect(cached.answerNow(lookup, lookup === declaredLookups.tasksOfPolicy ? ['p-sm'] : ['sm-1-1']), lookup.query.name).toBeNull();
        expect(cached.answerNow(lookup, [...unchanged, 'none']), lookup.query.name).toBeNull();
      }
      release();
      await cached.settled();
      expect(await implementsOf(cached, 'sm-1-1')).not.toContain('N-PAY');
    } finally {
      release();
      await own.dispose();
    }
  });

  it.each([
    ['after the commit, reading only those documents again', false],
    // As the server writes (withExclusiveCommits): the rows are read in the transaction and are in place at its commit.
    ['at the commit, read in the transaction before it', true],
  ])('keeps after documents are loaded, replaced and loaded again the same rows as a fresh read: %s', async (_, inTransaction) => {
    const own = await openSampleGraph();
    try {
      const stage = await loadStageContext('seeds');
      const context = { ...stage, fingerprint: await fingerprintOf('seeds') };
      const { store, documentsRead, queriesRead } = recordingDocumentsRead(own.store);
      const cached = keepGraph(store);
      await loadNationalCatalogue(cached, stage.linkContext.catalogue);
      await cached.settled();
      await cached.warm();
      const canonical = (sets: ReadonlyMap<string, KeptSet> | null) =>
        Object.fromEntries(
          [...(sets ?? [])].map(([name, rows]) => [
            name,
            objectsOf(rows)
              .map((row) => JSON.stringify({ ...row }))
              .sort(),
          ]),
        );
      const sixian = readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8');
      for (const [name, text, outcome] of [
        ['sixian.txt', sixian, 'created'],
        // Its last item gone: its rows, and its tasks' links, go too.
        ['sixian.txt', sixian.slice(0, sixian.lastIndexOf('\n（')), 'replaced'],
        ['ziyang.txt', readFileSync('seeds/000_aa2cf58d52cbffab.txt', 'utf8'), 'created'],
      ] as const) {
        documentsRead.length = 0;
        queriesRead.length = 0;
        // The page order made before the write, to be updated by it.
        expect(cached.taskIdsPageNow(null, 0, 1)).not.toBeNull();
        const report = await ingestBytes(
          inTransaction ? withExclusiveCommits(cached, createReadWriteLock()) : cached,
          name,
          Buffer.from(text),
          context,
        );
        expect(report).toMatchObject({ ok: true, outcome });
        // Kept at the commit, nothing read after it; or read again after it.
        expect(cached.taskRowsKept).toBe(inTransaction);
        await cached.settled();
        // The document loaded (its place's), not the sample's documents of other places.
        const place = report.ok && 'summary' in report ? report.summary.jurisdictionId : null;
        const loaded = (await own.store.read(readQueries.allPolicies)).filter((policy) => !policy.stub && policy.jurisdictionId === place);
        expect(loaded).not.toEqual([]);
        if (inTransaction) expect(documentsRead).toEqual([]);
        else expect(documentsRead).toEqual(expect.arrayContaining(loaded.map((policy) => policy.id)));
        expect(documentsRead.filter((id) => ['p-sm', 'p-fj', 'p-cd'].includes(id))).toEqual([]);
        const fresh = keepGraphOf({ ...own.store, read: (query, params) => own.store.read(query, params) });
        await fresh.warm();
        expect(canonical(await cached.rowSets()), name).toEqual(canonical(await fresh.rowSets()));
        for (const jurisdictionId of [null, place, 'none'])
          expect(cached.taskIdsPageNow(jurisdictionId, 0, 100_000), String(jurisdictionId)).toEqual(
            fresh.taskIdsPageNow(jurisdictionId, 0, 100_000),
          );
        // Coverage triples updated with the document's, in the order of a read of them all, not read again.
        expect(await cached.read(readQueries.allCoverageTriples)).toEqual(await own.store.read(readQueries.allCoverageTriples));
        expect(queriesRead).not.toContain(readQueries.allCoverageTriples.name);
      }
    } finally {
      await own.dispose();
    }
  });

  it('discards a refill that a later write overtook', async () => {
    const cached = keepGraph(graph.store);
    await cached.warm();
    await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-2', to: 'N-TIER' }]));
    await cached.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'cd-1-2', to: 'N-DRUG' }]));
    await cached.settled();
    expect(await answers(cached)).toEqual(await answers(graph.store));
    expect(await implementsOf(cached, 'cd-1-2')).toEqual([]);
  });
});

describe('a graph over the budget of kept tasks', () => {
  it('updates the coverage rows after a write with the written documents, in the order of a read of them all, not reading them all', async () => {
    const own = await openSampleGraph({ extraTasks: 40 });
    try {
      const { store, queriesRead } = recordingDocumentsRead(own.store);
      const taskCount = (await own.store.read(readQueries.allTasks)).length;
      const over = keepGraphOf(store, { maxKeptTasks: taskCount - 1 });
      await over.warm();
      const before = await over.read(readQueries.allCoverageTriples);
      expect(before.filter((row) => row.policyId === 'p-fj')).not.toEqual([]);
      queriesRead.length = 0;
      await over.transaction((tx) => tx.write(ingestQueries.deletePolicyTasks, [{ policyId: 'p-fj' }]));
      const after = await over.read(readQueries.allCoverageTriples);
      expect(after).toEqual(await own.store.read(readQueries.allCoverageTriples));
      expect(after.filter((row) => row.policyId === 'p-fj')).toEqual([]);
      expect(after.length).toBeGreaterThan(0);
      expect(queriesRead).not.toContain(readQueries.allCoverageTriples.name);
    } finally {
      await own.dispose();
    }
  });

  it('keeps across a write prepared in its transaction the rows read of the keys it did not change, and reads the others again', async () => {
    const own = await openSampleGraph({ extraTasks: 40 });
    try {
      const taskCount = (await own.store.read(readQueries.allTasks)).length;
      const over = keepGraph(own.store, { maxKeptTasks: taskCount - 1 });
      await over.warm();
      const writing = withExclusiveCommits(over, createReadWriteLock());
      const links = (ids: string[]) => over.read(readQueries.implementsByTasks, { ids });
      const tasks = (ids: string[]) => over.read(readQueries.tasksByIds, { ids });
      const [chengdu] = await own.store.read(readQueries.tasksByIds, { ids: ['cd-1-1'] });
      const [sanming] = await own.store.read(readQueries.tasksByIds, { ids: ['sm-1-2'] });
      expect(chengdu?.jurisdictionId).not.toBe(sanming?.jurisdictionId);
      await links(['sm-1-1', 'sm-1-2', 'cd-1-2']);
      await tasks(['sm-1-2', 'cd-1-1']);

      // A link of a 三明 task: that task's links are read again; the other keys' rows stay.
      await writing.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: 'sm-1-1', to: 'N-PAY' }]));
      expect(await statementsOf(own.store, () => links(['sm-1-2', 'cd-1-2']))).toBe(0);
      expect(await statementsOf(own.store, () => tasks(['sm-1-2', 'cd-1-1']))).toBe(0);
      let after: unknown[] = [];
      expect(await statementsOf(own.store, async () => (after = await links(['sm-1-1'])))).toBe(1);
      expect(after).toEqual(await own.store.read(readQueries.implementsByTasks, { ids: ['sm-1-1'] }));
      expect(after).not.toContainEqual(expect.objectContaining({ toId: 'N-PAY' }));

      // A node the rows name written (成都's jurisdiction): the rows naming it are read again.
      const [place] = await own.store.read(readQueries.jurisdictionsByIds, { ids: [chengdu?.jurisdictionId ?? ''] });
      await writing.transaction((tx) => tx.write(ingestQueries.upsert.Jurisdiction, [{ ...place!, nameEn: 'Chengdu (renamed)' }]));
      expect(await statementsOf(own.store, () => tasks(['cd-1-1']))).toBe(1);
      expect(await statementsOf(own.store, () => tasks(['sm-1-2']))).toBe(0);
      // A keyed read is answered key by key: the database's order across keys is its own.
      for (const id of ['sm-1-2', 'cd-1-1']) expect(await tasks([id])).toEqual(await own.store.read(readQueries.tasksByIds, { ids: [id] }));
    } finally {
      await own.dispose();
    }
  });

  it('keeps whole-graph rows only, answers task lookups from the database as they are, each key once until a write, and persists and restores that', async () => {
    const taskCount = (await graph.store.read(readQueries.allTasks)).length;
    const over = keepGraph(graph.store, { maxKeptTasks: taskCount - 1 });
    await over.warm();
    expect(over.taskRowsKept).toBe(false);
    expect(await statementsOf(graph.store, () => over.read(readQueries.allJurisdictions))).toBe(0);
    let fromDatabase: unknown[] = [];
    expect(await statementsOf(graph.store, async () => (fromDatabase = await over.read(readQueries.tasksByIds, { ids: ['sm-1-1'] })))).toBe(
      1,
    );
    expect(fromDatabase).toEqual(await graph.store.read(readQueries.tasksByIds, { ids: ['sm-1-1'] }));
    // Keys read once are answered from memory until the next write; the others from the database.
    const links = (ids: string[]) => over.read(readQueries.implementsByTasks, { ids });
    const asStored = async (ids: string[]) =>
      (await graph.store.read(readQueries.implementsByTasks, { ids })).sort((a, b) => ids.indexOf(a.fromId) - ids.indexOf(b.fromId));
    expect(await statementsOf(graph.store, () => links(['sm-1-1', 'sm-1-2']))).toBe(1);
    expect(await statementsOf(graph.store, () => over.read(readQueries.tasksByIds, { ids: ['sm-1-1'] }))).toBe(0);
    let again: unknown[] = [];
    expect(await statementsOf(graph.store, async () => (again = await links(['sm-1-2', 'sm-1-1'])))).toBe(0);
    expect(again).toEqual(await asStored(['sm-1-2', 'sm-1-1']));
    expect(again.length).toBeGreaterThan(0);
    expect(await statementsOf(graph.store, () => links(['sm-1-1', 'cd-1']))).toBe(1);
    await over.transaction((tx) =>
      tx.write(ingestQueries.upsert.Jurisdiction, [
        { id: '350600', name: '漳州市', nameEn: 'Zhangzhou City', level: 'city', parentId: '350000' },
      ]),
    );
    await over.settled();
    expect(await statementsOf(graph.store, () => links(['sm-1-1']))).toBe(1);
    // The search index is built from every task's text, read once.
    expect((await over.tasks()).map((task) => task.id).sort()).toEqual(
      (await graph.store.read(readQueries.allTasks)).map((task) => task.id).sort(),
    );

    const persisted = await over.rowSets();
    expect(persisted && [...persisted.keys()]).toEqual([
      'allJurisdictions',
      'allPolicies',
      'allNationalItems',
      'allCoverageTriples',
      'allPossibleTriples',
      'jurisdictionIdsWithTasks',
    ]);
    const restored = keepGraph(graph.store, { maxKeptTasks: taskCount - 1 });
    expect(restored.restore(new Map([...persisted!].map(([name, rows]) => [name, objectsOf(rows).map((row) => ({ ...row }))])))).toBe(true);
    expect(restored.taskRowsKept).toBe(false);
    expect(await statementsOf(graph.store, () => restored.read(readQueries.allCoverageTriples))).toBe(0);

    // Rows persisted with the task rows, by a server with a larger budget, are restored without them.
    const within = keepGraph(graph.store, { maxKeptTasks: taskCount });
    await within.warm();
    expect(within.taskRowsKept).toBe(true);
    const everything = await within.rowSets();
    const smaller = keepGraph(graph.store, { maxKeptTasks: taskCount - 1 });
    expect(smaller.restore(new Map([...everything!].map(([name, rows]) => [name, objectsOf(rows).map((row) => ({ ...row }))])))).toBe(true);
    expect(smaller.taskRowsKept).toBe(false);
  });
});

describe('withDocumentsReplaced', () => {
  it('gives the rows of the documents not changed and the fresh ones in the order sorting them all gives', () => {
    const compare = rowComparator(readQueries.allCoverageTriples.order ?? []) ?? (() => 0);
    const random = randomSource(20261205);
    const documents = ['p-a', 'p-b', 'p-c', 'p-d', 'p-e'];
    const row = (policyId: string) => ({
      nationalItemId: random.pick(['N-1', 'N-2', 'N-10', '国-1']),
      jurisdictionId: random.pick(['110101', '341722']),
      policyId,
      taskId: `${policyId}#${random.int(0, 99)}`,
      seq: random.int(0, 30),
    });
    const orderOf = (rows: readonly object[]) =>
      rows.map((each) =>
        JSON.stringify(readQueries.allCoverageTriples.order?.map(({ column }) => (each as Record<string, unknown>)[column])),
      );
    for (let round = 0; round < 200; round += 1) {
      const before = Array.from({ length: random.int(0, 40) }, () => row(random.pick(documents))).sort(compare);
      const changed = new Set(documents.filter(() => random.next() < 0.4));
      // Unsorted, as rows read a few documents at a time are.
      const fresh = Array.from({ length: random.int(0, 20) }, () => row(random.pick([...changed, 'p-new'])));
      const expected = [...before.filter((each) => !changed.has(each.policyId)), ...fresh].sort(compare);
      const replaced = withDocumentsReplaced(before, changed, fresh, compare);
      expect(orderOf(replaced)).toEqual(orderOf(expected));
      // The same rows kept by column.
      expect(objectsOf(withDocumentsReplaced(ColumnRows.of(before), changed, fresh, compare))).toEqual(replaced);
      expect(
        [...replaced]
          .sort(compare)
          .map((each) => JSON.stringify(each))
          .sort(),
      ).toEqual(expected.map((each) => JSON.stringify(each)).sort());
    }
  });

  it('drops the rows of a document the replacements before it brought in, as the server does write after write', () => {
    const compare = rowComparator(readQueries.allCoverageTriples.order ?? []) ?? (() => 0);
    const random = randomSource(20261207);
    const documents = ['p-a', 'p-b', 'p-c', 'p-d'];
    const row = (policyId: string) => ({
      nationalItemId: random.pick(['N-1', 'N-2']),
      jurisdictionId: '110101',
      policyId,
      taskId: `${policyId}#${random.int(0, 9)}`,
      seq: random.int(0, 9),
    });
    const canonical = (rows: readonly object[]) => rows.map((each) => JSON.stringify(each)).sort();
    let rows: readonly (ReturnType<typeof row> | object)[] = [];
    let expected: ReturnType<typeof row>[] = [];
    // From no row at all, as on a server started over an empty store.
    let byColumn: KeptSet = ColumnRows.of([]);
    for (let write = 0; write < 100; write += 1) {
      // One document a write, new or replaced: an upload.
      const changed = new Set([random.pick(documents)]);
      const fresh = Array.from({ length: random.int(0, 4) }, () => row([...changed][0] ?? ''));
      expected = [...expected.filter((each) => !changed.has(each.policyId)), ...fresh].sort(compare);
      rows = withDocumentsReplaced(rows, changed, fresh, compare);
      expect(canonical(rows)).toEqual(canonical(expected));
      byColumn = withDocumentsReplaced(byColumn, changed, fresh, compare);
      expect(objectsOf(byColumn)).toEqual(rows);
    }
  });
});
