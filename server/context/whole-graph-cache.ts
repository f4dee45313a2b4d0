/**
 * @module Reads kept in memory between writes, for a store this process alone writes.
 *
 * - Whole-graph reads: the coverage matrix's triples (every IMPLEMENTS edge, 211,000 rows and
 *   seconds on a national store), every national item, jurisdiction and document. Lookups of
 *   jurisdictions, documents and national items by id, and of the triples by jurisdiction, are
 *   answered from them.
 * - Every task, with its agencies, targets, national items and parent tasks: nearly every answer
 *   shows them, and on Kuzu each lookup costs about a millisecond per task (20 search hits: 60 ms).
 *
 * Kuzu locks an embedded database to one process, so every change passes through `transaction`
 * here. A write drops everything: whole-graph reads are read again when next asked for; the task
 * rows are read again in the background, a few documents per query so that requests are not
 * held up, and lookups go to the database until that is done. A Neo4j database may have
 * other writers, so a server on Neo4j keeps nothing (see cachingFor).
 */
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries, type ReadQuery } from '../../store/queries/index.js';

/** The parameterless reads worth keeping: each reads a whole label or relationship type. */
const WHOLE_GRAPH_READS: readonly ReadQuery<unknown>[] = [
  readQueries.allCoverageTriples,
  readQueries.allNationalItems,
  readQueries.allJurisdictions,
  readQueries.allPolicies,
  readQueries.jurisdictionIdsWithTasks,
];

/** Keyed reads answered from a kept whole-graph read with the same columns: the ids are values of `keyColumn`. */
const KEYED_FROM_WHOLE = new Map<string, { whole: ReadQuery<unknown>; keyColumn: string }>([
  [readQueries.jurisdictionsByIds.name, { whole: readQueries.allJurisdictions, keyColumn: 'id' }],
  [readQueries.policiesByIds.name, { whole: readQueries.allPolicies, keyColumn: 'id' }],
  [readQueries.nationalItemsByIds.name, { whole: readQueries.allNationalItems, keyColumn: 'id' }],
  [readQueries.coverageTriples.name, { whole: readQueries.allCoverageTriples, keyColumn: 'jurisdictionId' }],
]);

/**
 * Rows about tasks kept in memory: read for every task at start-up, for a few documents at a time
 * after a write, and grouped by a column for each keyed read they answer.
 */
interface KeptTaskRows {
  everyTask: ReadQuery<unknown>;
  byPolicies: ReadQuery<unknown>;
  lookups: readonly { query: ReadQuery<unknown>; keyColumn: string }[];
}

export const KEPT_TASK_ROWS: readonly KeptTaskRows[] = [
  {
    everyTask: readQueries.allTasks,
    byPolicies: readQueries.tasksByPolicies,
    lookups: [
      { query: readQueries.tasksByIds, keyColumn: 'id' },
      { query: readQueries.tasksByPolicies, keyColumn: 'policyId' },
    ],
  },
  { everyTask: readQueries.allResponsible, byPolicies: readQueries.responsibleByPolicies, lookups: [{ query: readQueries.responsibleByTasks, keyColumn: 'taskId' }] },
  { everyTask: readQueries.allTargets, byPolicies: readQueries.targetsByPolicies, lookups: [{ query: readQueries.targetsByTasks, keyColumn: 'taskId' }] },
  { everyTask: readQueries.allImplements, byPolicies: readQueries.implementsByPolicies, lookups: [{ query: readQueries.implementsByTasks, keyColumn: 'fromId' }] },
  { everyTask: readQueries.allDerivesFrom, byPolicies: readQueries.derivesFromByPolicies, lookups: [{ query: readQueries.derivesFromByTasks, keyColumn: 'fromId' }] },
];

/**
 * Documents read per query when the task rows are read again after a write: a query
 * holds the database for its duration (up to a few hundred milliseconds for 8 documents).
 */
const REFILL_POLICIES = 8;

export interface CachingStore extends GraphStore {
  /** Reads everything kept now, so that the first requests do not wait for it. */
  warm(): Promise<void>;
  /** Resolves when the task rows are kept again after the last write (for tests and the benchmark). */
  settled(): Promise<void>;
}

export interface CacheOptions {
  wholeGraphReads?: readonly ReadQuery<unknown>[];
  taskRows?: readonly KeptTaskRows[];
}

const cachingStores = new WeakSet<GraphStore>();

/** The store requests should read: Kuzu's with reads kept, Neo4j's with none. A wrapped store is returned as it is. */
export function cachingFor(store: GraphStore): CachingStore {
  if (cachingStores.has(store)) return store as CachingStore;
  return store.backend === 'kuzu' ? withWholeGraphCache(store) : withWholeGraphCache(store, { wholeGraphReads: [], taskRows: [] });
}

/** Rows shared by every request are frozen: code that sorts or edits them in place fails at once. */
function frozen<Row>(rows: Row[]): Row[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as Row[];
}

type RowsByKey = Map<string, unknown[]>;

function groupBy(rows: readonly unknown[], column: string, into: RowsByKey = new Map()): RowsByKey {
  for (const row of rows) {
    const key = (row as Record<string, string>)[column]!;
    const list = into.get(key);
    if (list) list.push(row);
    else into.set(key, [row]);
  }
  return into;
}

/** Rows of the given keys, each key once, in the order asked. */
function rowsOf(groups: RowsByKey, keys: readonly unknown[]): unknown[] {
  return [...new Set(keys)].flatMap((key) => groups.get(key as string) ?? []);
}

/** Kept rows grouped by a column, once per answer (a write replaces the answer). */
const groupsOfAnswer = new WeakMap<readonly unknown[], Map<string, RowsByKey>>();

function groupedOnce(rows: readonly unknown[], column: string): RowsByKey {
  let byColumn = groupsOfAnswer.get(rows);
  if (!byColumn) groupsOfAnswer.set(rows, (byColumn = new Map()));
  let groups = byColumn.get(column);
  if (!groups) byColumn.set(column, (groups = groupBy(rows, column)));
  return groups;
}

export function withWholeGraphCache(store: GraphStore, { wholeGraphReads = WHOLE_GRAPH_READS, taskRows = KEPT_TASK_ROWS }: CacheOptions = {}): CachingStore {
  const wholeNames = new Set(wholeGraphReads.map((query) => query.name));
  const lookups = taskRows.flatMap((kept) => kept.lookups);
  const lookupNames = new Set(lookups.map((lookup) => lookup.query.name));
  let answers = new Map<string, Promise<unknown[]>>();
  /** The kept task rows grouped for each keyed read they answer, by its name; null until read. */
  let byKey: Map<string, RowsByKey> | null = null;
  /** Changes with every write; a refill started before the last write is discarded. */
  let version = 0;
  let refill: Promise<void> = Promise.resolve();

  function readWhole<Result>(query: ReadQuery<Result>): Promise<Result[]> {
    let answer = answers.get(query.name);
    if (!answer) {
      const cache = answers;
      answer = store.read(query).then(frozen);
      cache.set(query.name, answer);
      // A failed read is not kept: the next request tries again.
      answer.catch(() => cache.get(query.name) === answer && cache.delete(query.name));
    }
    return answer as Promise<Result[]>;
  }

  function read<Result>(query: ReadQuery<Result>, params?: Record<string, unknown>): Promise<Result[]> {
    const ids = params?.['ids'];
    if (byKey && lookupNames.has(query.name) && Array.isArray(ids)) return Promise.resolve(rowsOf(byKey.get(query.name)!, ids) as Result[]);
    const kept = KEYED_FROM_WHOLE.get(query.name);
    if (kept && wholeNames.has(kept.whole.name) && Array.isArray(ids)) {
      return readWhole(kept.whole).then((rows) => rowsOf(groupedOnce(rows, kept.keyColumn), ids) as Result[]);
    }
    if (wholeNames.has(query.name) && (!params || Object.keys(params).length === 0)) return readWhole(query);
    return store.read(query, params);
  }

  /** Fresh groups for every keyed read the kept task rows answer. */
  const emptyGroups = () => new Map(lookups.map((lookup) => [lookup.query.name, new Map() as RowsByKey]));

  function addRows(groups: Map<string, RowsByKey>, kept: KeptTaskRows, rows: unknown[]): void {
    frozen(rows);
    for (const lookup of kept.lookups) groupBy(rows, lookup.keyColumn, groups.get(lookup.query.name));
  }

  /** Every task's rows in one read each: quickest, but holds the database meanwhile (start-up). */
  async function readTaskRowsWhole(): Promise<void> {
    const started = version;
    const next = emptyGroups();
    for (const kept of taskRows) addRows(next, kept, await store.read(kept.everyTask));
    if (started === version) byKey = next;
  }

  /** The same, a few documents per read, so that requests get their turn in between (after a write). */
  async function readTaskRowsByDocument(started: number): Promise<void> {
    const policyIds = (await readWhole(readQueries.allPolicies)).filter((policy) => !policy.stub).map((policy) => policy.id);
    const next = emptyGroups();
    for (let offset = 0; offset < policyIds.length; offset += REFILL_POLICIES) {
      for (const kept of taskRows) {
        if (started !== version) return;
        addRows(next, kept, await store.read(kept.byPolicies, { ids: policyIds.slice(offset, offset + REFILL_POLICIES) }));
      }
    }
    if (started === version) byKey = next;
  }

  const caching: CachingStore = {
    backend: store.backend,
    get queryCount() {
      return store.queryCount;
    },
    applySchema: () => store.applySchema(),
    read,
    async transaction(work) {
      try {
        return await store.transaction(work);
      } finally {
        // Even a failed transaction may have been a commit the driver reported late: read again.
        version += 1;
        answers = new Map();
        byKey = null;
        if (taskRows.length > 0) {
          const started = version;
          // Until the refill is done, lookups go to the database; a failure leaves it that way.
          refill = readTaskRowsByDocument(started).catch(() => undefined);
        }
      }
    },
    close: async () => {
      version += 1;
      await refill;
      await store.close();
    },
    async warm() {
      await Promise.all(wholeGraphReads.map((query) => readWhole(query)));
      if (taskRows.length > 0) await readTaskRowsWhole();
    },
    settled: () => refill,
  };
  cachingStores.add(caching);
  return caching;
}
