/** @module A store that records the name of every read sent through it, for tests of what a server reads. */
import type { GraphStore, Params } from '../../store/graph-store.js';
import type { ReadQuery } from '../../store/queries/index.js';
import type { Reader } from '../../store/read-queue.js';

export function recordingStore(store: GraphStore): { store: GraphStore; names: string[] } {
  const names: string[] = [];
  const read = <Result>(query: ReadQuery<Result>, params?: Params, reader?: Reader) => {
    names.push(query.name);
    return store.read(query, params, reader);
  };
  return { store: { ...store, backend: store.backend, queryCount: 0, read }, names };
}
