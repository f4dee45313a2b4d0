/**
 * @module The one interface between the application and a graph database.
 * Resolvers and ingest never import a driver; they run named queries from `store/queries`.
 */
import type { ReadQuery, WriteQuery } from './queries/define.js';
import type { Reader } from './read-queue.js';

export type Params = Record<string, unknown>;

/** Writes inside one transaction: all of them land, or none. */
export interface WriteTransaction {
  write<Row extends object>(query: WriteQuery<Row>, rows: readonly NoInfer<Row>[], params?: Params): Promise<void>;
  read<Result>(query: ReadQuery<Result>, params?: Params): Promise<Result[]>;
  /**
   * Called once the transaction's work is done, before the commit waits for the requests reading
   * (see withExclusiveCommits): a store keeping the graph in memory reads there what the write
   * changed, so that the commit puts it in place at once (server/context/kept-graph.ts).
   */
  prepareCommit?(): Promise<void>;
}

export interface GraphStore {
  readonly backend: 'kuzu' | 'neo4j';
  /** Creates tables, constraints and indexes; a no-op when they exist. */
  applySchema(): Promise<void>;
  /**
   * `reader`: the request the read is for, whose reads wait only for those of older readers when
   * the database's connections are busy (see read-queue.ts); without one, a reader that comes now.
   * A store that wraps another hands it on.
   */
  read<Result>(query: ReadQuery<Result>, params?: Params, reader?: Reader): Promise<Result[]>;
  /** Runs `work` in one write transaction; writes are serialised. */
  transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /**
   * A stamp of the graph's version, changed in the same transaction as every write of rows (a
   * transaction that writes none keeps it): what a server persisted beside the database is valid
   * while the stamp is the same. Absent or null where nothing is persisted (Neo4j, which other
   * processes write).
   */
  graphVersion?(): Promise<string | null>;
  /** Number of queries sent to the database since the store was opened (for batching checks). */
  readonly queryCount: number;
  close(): Promise<void>;
}

/** An expected database failure, with the named query that caused it; the driver's error is kept as cause. */
export class StoreError extends Error {
  readonly code = 'STORE_ERROR';
  constructor(
    readonly queryName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${queryName}: ${message}`, options);
    this.name = 'StoreError';
  }
}
