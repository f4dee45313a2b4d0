/**
 * @module Reads kept in memory between writes, for a store this process alone writes.
 *
 * - Whole-graph reads: the coverage matrix's triples (every IMPLEMENTS edge, 211,000 rows and
 *   seconds on a national store), every national item, jurisdiction and document. Lookups of
 *   jurisdictions, documents and national items by id are answered from them.
 * - Each task's agencies, targets, national items and parent tasks: nearly every answer shows
 *   them, and on Kuzu each lookup costs about a millisecond per task (20 search hits: 60 ms).
 *
 * Kuzu locks an embedded database to one process, so every change passes through `transaction`
 * here. A write drops everything: whole-graph reads are read again when next asked for; the task
 * relationships are read again in the background, a few documents per query so that requests
 * are not held up, and lookups go to the database until that is done. A Neo4j database may have
 * other writers, so a server on Neo4j keeps nothing (see cachingFor).
 */
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries, type ReadQuery } from '../../store/queries/index.js';

/** The parameterless reads worth keeping: each reads a whole label or relationship type. */
export const WHOLE_GRAPH_READS: readonly ReadQuery<unknown>[] = [
  readQueries.allCoverageTriples,
  readQueries.allNationalItems,
  readQueries.allJurisdictions,
  readQueries.allPolicies,
  readQueries.jurisdictionIdsWithTasks,
];

/** Keyed reads answered from a kept whole-graph read with the same columns. */
const KEYED_FROM_WHOLE = new Map<string, ReadQuery<unknown>>([
  [readQueries.jurisdictionsByIds.name, readQueries.allJurisdictions],
  [readQueries.policiesByIds.name, readQueries.allPolicies],
  [readQueries.nationalItemsByIds.name, readQueries.allNationalItems],
]);

/** A relationship of tasks kept by task id: the keyed read it answers and the reads that fill it. */
interface KeptRelation {
  byTasks: ReadQuery<unknown>;
  byPolicies: ReadQuery<unknown>;
  everyTask: ReadQuery<unknown>;
  /** The column holding the task id. */
  taskColumn: string;
}

export const KEPT_RELATIONS: readonly KeptRelation[] = [
  { byTasks: readQueries.responsibleByTasks, byPolicies: readQueries.responsibleByPolicies, everyTask: readQueries.allResponsible, taskColumn: 'taskId' },
  { byTasks: readQueries.targetsByTasks, byPolicies: readQueries.targetsByPolicies, everyTask: readQueries.allTargets, taskColumn: 'taskId' },
  { byTasks: readQueries.implementsByTasks, byPolicies: readQueries.implementsByPolicies, everyTask: readQueries.allImplements, taskColumn: 'fromId' },
  { byTasks: readQueries.derivesFromByTasks, byPolicies: readQueries.derivesFromByPolicies, everyTask: readQueries.allDerivesFrom, taskColumn: 'fromId' },
];

/**
 * Documents read per query when the task relationships are read again after a write: a query
 * holds the database for its duration (up to a few hundred milliseconds for 8 documents).
 */
const REFILL_POLICIES = 8;

export interface CachingStore extends GraphStore {
  /** Reads everything kept now, so that the first requests do not wait for it. */
  warm(): Promise<void>;
  /** Resolves when the task relationships are kept again after the last write (for tests and the benchmark). */
  settled(): Promise<void>;
}

export interface CacheOptions {
  wholeGraphReads?: readonly ReadQuery<unknown>[];
  relations?: readonly KeptRelation[];
}

const cachingStores = new WeakSet<GraphStore>();

/** The store requests should read: Kuzu's with reads kept, Neo4j's with none. A wrapped store is returned as it is. */
export function cachingFor(store: GraphStore): CachingStore {
  if (cachingStores.has(store)) return store as CachingStore;
  return store.backend === 'kuzu' ? withWholeGraphCache(store) : withWholeGraphCache(store, { wholeGraphReads: [], relations: [] });
}

/** Rows shared by every request are frozen: code that sorts or edits them in place fails at once. */
function frozen<Row>(rows: Row[]): Row[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as Row[];
}

type RowsByTask = Map<string, unknown[]>;

function groupByTask(rows: readonly unknown[], column: string, into: RowsByTask = new Map()): RowsByTask {
  for (const row of rows) {
    const taskId = (row as Record<string, string>)[column]!;
    const list = into.get(taskId);
    if (list) list.push(row);
    else into.set(taskId, [row]);
  }
  return into;
}

export function withWholeGraphCache(store: GraphStore, { wholeGraphReads = WHOLE_GRAPH_READS, relations = KEPT_RELATIONS }: CacheOptions = {}): CachingStore {
  const wholeNames = new Set(wholeGraphReads.map((query) => query.name));
  const relationByName = new Map(relations.map((relation) => [relation.byTasks.name, relation]));
  let answers = new Map<string, Promise<unknown[]>>();
  /** Rows of each kept relationship by task id, by the keyed read's name; null until read. */
  let byTask: Map<string, RowsByTask> | null = null;
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
    const relation = relationByName.get(query.name);
    if (relation && byTask && Array.isArray(ids)) {
      const rowsOf = byTask.get(query.name)!;
      return Promise.resolve([...new Set(ids)].flatMap((id) => rowsOf.get(id as string) ?? []) as Result[]);
    }
    const whole = KEYED_FROM_WHOLE.get(query.name);
    if (whole && wholeNames.has(whole.name) && Array.isArray(ids)) {
      const wanted = new Set(ids);
      return readWhole(whole).then((rows) => rows.filter((row) => wanted.has((row as { id: unknown }).id)) as Result[]);
    }
    if (wholeNames.has(query.name) && (!params || Object.keys(params).length === 0)) return readWhole(query);
    return store.read(query, params);
  }

  /** Every task's relationships in one read each: quickest, but holds the database meanwhile (start-up). */
  async function readRelationsWhole(): Promise<void> {
    const started = version;
    const next = new Map<string, RowsByTask>();
    for (const relation of relations) next.set(relation.byTasks.name, groupByTask(frozen(await store.read(relation.everyTask)), relation.taskColumn));
    if (started === version) byTask = next;
  }

  /** The same, a few documents per read, so that requests get their turn in between (after a write). */
  async function readRelationsByDocument(started: number): Promise<void> {
    const policyIds = (await readWhole(readQueries.allPolicies)).filter((policy) => !policy.stub).map((policy) => policy.id);
    const next = new Map(relations.map((relation) => [relation.byTasks.name, new Map() as RowsByTask]));
    for (let offset = 0; offset < policyIds.length; offset += REFILL_POLICIES) {
      for (const relation of relations) {
        if (started !== version) return;
        const rows = await store.read(relation.byPolicies, { ids: policyIds.slice(offset, offset + REFILL_POLICIES) });
        groupByTask(frozen(rows), relation.taskColumn, next.get(relation.byTasks.name));
      }
    }
    if (started === version) byTask = next;
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
        byTask = null;
        if (relations.length > 0) {
          const started = version;
          // Until the refill is done, lookups go to the database; a failure leaves it that way.
          refill = readRelationsByDocument(started).catch(() => undefined);
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
      if (relations.length > 0) await readRelationsWhole();
    },
    settled: () => refill,
  };
  cachingStores.add(caching);
  return caching;
}
