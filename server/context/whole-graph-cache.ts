/**
 * @module Whole-graph reads kept in memory between writes: the coverage matrix's triples (every
 * IMPLEMENTS edge, 211,000 rows and several seconds on a national store), every national item,
 * every jurisdiction. Their answer stays the same until the graph changes.
 *
 * Only for a store that this process alone writes: Kuzu locks an embedded database to one
 * process, so every change passes through `transaction` here and clears the cache. A Neo4j
 * database may have other writers, so the server reads it every time (see app.ts).
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

/**
 * Keyed reads answered from a kept whole-label read with the same columns: nearly every answer
 * names jurisdictions, documents and national items, and each lookup is a database round trip.
 */
const KEYED_FROM_WHOLE = new Map<string, ReadQuery<unknown>>([
  [readQueries.jurisdictionsByIds.name, readQueries.allJurisdictions],
  [readQueries.policiesByIds.name, readQueries.allPolicies],
  [readQueries.nationalItemsByIds.name, readQueries.allNationalItems],
]);

export interface CachingStore extends GraphStore {
  /** Reads every cached query now, so that the first request does not wait for them. */
  warm(): Promise<void>;
}

/**
 * The store requests should read: Kuzu's with the whole-graph reads cached, Neo4j's with none.
 * A store already wrapped is returned as it is.
 */
export function cachingFor(store: GraphStore): CachingStore {
  if (cachingStores.has(store)) return store as CachingStore;
  return withWholeGraphCache(store, store.backend === 'kuzu' ? WHOLE_GRAPH_READS : []);
}

const cachingStores = new WeakSet<GraphStore>();

export function withWholeGraphCache(store: GraphStore, queries: readonly ReadQuery<unknown>[] = WHOLE_GRAPH_READS): CachingStore {
  const cachedNames = new Set(queries.map((query) => query.name));
  let answers = new Map<string, Promise<unknown[]>>();

  const read = <Result>(query: ReadQuery<Result>, params?: Record<string, unknown>): Promise<Result[]> => {
    const whole = KEYED_FROM_WHOLE.get(query.name);
    if (whole && cachedNames.has(whole.name) && Array.isArray(params?.['ids'])) {
      const ids = new Set(params['ids']);
      return read(whole).then((rows) => rows.filter((row) => ids.has((row as { id: unknown }).id)) as Result[]);
    }
    if (!cachedNames.has(query.name) || (params && Object.keys(params).length > 0)) return store.read(query, params);
    let answer = answers.get(query.name);
    if (!answer) {
      const cache = answers;
      // Every request shares the rows, so they are frozen: code that sorts or edits them in
      // place fails at once instead of changing the next request's answer.
      answer = store.read(query).then((rows) => Object.freeze(rows.map((row) => Object.freeze(row))) as unknown[]);
      cache.set(query.name, answer);
      // A failed read is not kept: the next request tries again.
      answer.catch(() => cache.get(query.name) === answer && cache.delete(query.name));
    }
    return answer as Promise<Result[]>;
  };

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
        // Even a failed transaction may have been a commit the driver reported late; read again.
        answers = new Map();
      }
    },
    close: () => store.close(),
    async warm() {
      await Promise.all(queries.map((query) => read(query)));
    },
  };
  cachingStores.add(caching);
  return caching;
}
