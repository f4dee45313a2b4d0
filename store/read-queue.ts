/**
 * @module Reads of several readers (a server's requests) on a few connections: the oldest reader's first.
 *
 * A compare of two jurisdictions reads per document and relationship (tens of reads, one after
 * another), a lineage a few. Queued read by read, first come first served, each next read of a
 * request waited behind every read queued meanwhile: under a burst that asks more than the
 * connections can answer, every request took many queue lengths and most ran into the 15 s limit.
 * Served oldest request first, a request's next read goes before those of requests that came
 * after it, so requests finish in about the order they came and the time one waits is the work
 * of those ahead of it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a read is for, and when that reader came: one per request. */
interface Reader {
  since: number;
}
const currentReader = new AsyncLocalStorage<Reader>();
let readersMade = 0;

/** Runs `work` as one reader: every read it makes, awaited or not, has the place of its first. */
export function asOneReader<T>(work: () => T): T {
  return currentReader.run({ since: readersMade++ }, work);
}

/** The reader a read made now is for; outside `asOneReader` (background refills), a reader of its own that comes now. */
export function readerOfCall(): Reader {
  return currentReader.getStore() ?? { since: readersMade++ };
}

export interface ReadQueue<Connection> {
  /** Runs `read` on a free connection, when no read of an older reader waits. */
  take<T>(read: (connection: Connection) => Promise<T>): Promise<T>;
  /** Settles when no read is running or waiting. */
  idle(): Promise<void>;
}

interface WaitingRead<Connection> {
  reader: Reader;
  start: (connection: Connection) => void;
}

/** Each connection runs one read at a time; a freed one takes the waiting read of the oldest reader (the earliest asked among its reads). */
export function readQueue<Connection>(connections: readonly Connection[]): ReadQueue<Connection> {
  const free = [...connections];
  // In the order they were asked; a few dozen at most (one or two per request running).
  const waiting: WaitingRead<Connection>[] = [];
  const whenIdle: (() => void)[] = [];

  function release(connection: Connection): void {
    if (waiting.length === 0) {
      free.push(connection);
      if (free.length === connections.length) for (const settle of whenIdle.splice(0)) settle();
      return;
    }
    let oldest = 0;
    waiting.forEach((each, i) => {
      if (each.reader.since < (waiting[oldest]?.reader.since ?? Infinity)) oldest = i;
    });
    waiting.splice(oldest, 1)[0]?.start(connection);
  }

  return {
    take<T>(read: (connection: Connection) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (connection: Connection) => {
          read(connection)
            .then(resolve, reject)
            .finally(() => release(connection));
        };
        const connection = free.shift();
        if (connection !== undefined) start(connection);
        else waiting.push({ reader: readerOfCall(), start });
      });
    },
    idle() {
      if (free.length === connections.length) return Promise.resolve();
      return new Promise((resolve) => whenIdle.push(resolve));
    },
  };
}
