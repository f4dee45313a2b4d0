/**
 * @module Store wrappers for measuring: one records the time spent in each named query (to find
 * where an ingest spends its time), one sends every batched write one row at a time (the baseline
 * that batched `UNWIND $rows` writes are compared with), one splits every `$ids` lookup into one
 * query per id (what resolvers without DataLoader batching would send).
 */
import type { GraphStore, Params, WriteTransaction } from '../../store/graph-store.js';
import type { ReadQuery, WriteQuery } from '../../store/queries/define.js';

export interface QueryTiming {
  name: string;
  kind: 'read' | 'write';
  calls: number;
  rows: number;
  ms: number;
}

export interface TimedStore {
  store: GraphStore;
  timings(): QueryTiming[];
}

interface StoreWrapOptions {
  read?: <R>(inner: GraphStore['read'], query: ReadQuery<R>, params: Params | undefined) => Promise<R[]>;
  write?: <Row extends object>(
    inner: WriteTransaction,
    query: WriteQuery<Row>,
    rows: readonly Row[],
    params: Params | undefined,
  ) => Promise<void>;
  txRead?: <R>(inner: WriteTransaction, query: ReadQuery<R>, params: Params | undefined) => Promise<R[]>;
}

function wrapStore(store: GraphStore, { read, write, txRead }: StoreWrapOptions): GraphStore {
  return {
    backend: store.backend,
    get queryCount() {
      return store.queryCount;
    },
    applySchema: () => store.applySchema(),
    read: (query, params, reader) => (read ? read((q, p) => store.read(q, p, reader), query, params) : store.read(query, params, reader)),
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          write: (query, rows, params) => (write ? write(tx, query, rows, params) : tx.write(query, rows, params)),
          read: (query, params) => (txRead ? txRead(tx, query, params) : tx.read(query, params)),
        }),
      ),
    close: () => store.close(),
    // The server's files beside the database are stamped with it: without it a server on this store reads everything again at each start.
    ...(store.graphVersion ? { graphVersion: () => (store.graphVersion as () => Promise<string | null>)() } : {}),
  };
}

export function timedStore(store: GraphStore): TimedStore {
  const table = new Map<string, QueryTiming>();
  const record = (name: string, kind: 'read' | 'write', rows: number, ms: number) => {
    const entry = table.get(`${kind}:${name}`) ?? { name, kind, calls: 0, rows: 0, ms: 0 };
    entry.calls += 1;
    entry.rows += rows;
    entry.ms += ms;
    table.set(`${kind}:${name}`, entry);
  };
  const timeRead = async <R>(run: () => Promise<R[]>, name: string): Promise<R[]> => {
    const started = performance.now();
    const result = await run();
    record(name, 'read', result.length, performance.now() - started);
    return result;
  };
  const wrapped = wrapStore(store, {
    read: (inner, query, params) => timeRead(() => inner(query, params), query.name),
    txRead: (tx, query, params) => timeRead(() => tx.read(query, params), query.name),
    write: async (tx, query, rows, params) => {
      const started = performance.now();
      await tx.write(query, rows, params);
      record(query.name, 'write', rows.length, performance.now() - started);
    },
  });
  return { store: wrapped, timings: () => [...table.values()].sort((a, b) => b.ms - a.ms) };
}

/** Every write sent one row per statement: the baseline for batched UNWIND writes. */
export function rowAtATimeStore(store: GraphStore): GraphStore {
  return wrapStore(store, {
    write: async (tx, query, rows, params) => {
      for (const row of rows) await tx.write(query, [row], params);
    },
  });
}

/** Every lookup by an `$ids` list sent as one query per id: resolvers without DataLoader. */
export function perIdReadStore(store: GraphStore): GraphStore {
  return wrapStore(store, {
    read: async (inner, query, params) => {
      const ids = params?.ids;
      if (!Array.isArray(ids) || ids.length <= 1) return inner(query, params);
      const results = [];
      for (const id of ids) results.push(...(await inner(query, { ...params, ids: [id] })));
      return results;
    },
  });
}
