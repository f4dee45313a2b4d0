/** @module A store that records the name of every read sent through it, for tests of what a server reads. */
import type { GraphStore, Params } from '../../store/graph-store.js';
import type { ReadQuery } from '../../store/queries/index.js';

export function recordingStore(store: GraphStore): { store: GraphStore; names: string[] } {
  const names: string[] = [];
  const read = <Result>(query: ReadQuery<Result>, params?: Params) => {
    names.push(query.name);
    return store.read(query, params);
  };
  return { store: { ...store, backend: store.backend, queryCount: 0, read }, names };
}
