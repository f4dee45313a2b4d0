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
 *
 * A request hands its reader to each read (GraphStore.read's `reader`, made by the request's
 * context), not through AsyncLocalStorage: on Node 20 that runs hooks on every promise made, and
 * a compare of two jurisdictions of the 30,000-document store, thousands of promises, took a third
 * longer with it (mean 276-282 ms against 205-214 ms, two alternate runs of 60 compares in one process).
 */

/** Who a read is for, and when that reader came: one per request. */
export interface Reader {
  readonly since: number;
}
let readersMade = 0;

/** A reader that comes now: made once for all the reads of a request, or of a refill after a write. */
export function newReader(): Reader {
  return { since: readersMade++ };
}

export interface ReadQueue<Connection> {
  /** Runs `read` on a free connection, when no read of an older reader waits; without a reader, as one that comes now. */
  take<T>(read: (connection: Connection) => Promise<T>, reader?: Reader): Promise<T>;
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
    take<T>(read: (connection: Connection) => Promise<T>, reader = newReader()): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (connection: Connection) => {
          read(connection)
            .then(resolve, reject)
            .finally(() => release(connection));
        };
        const connection = free.shift();
        if (connection !== undefined) start(connection);
        else waiting.push({ reader, start });
      });
    },
    idle() {
      if (free.length === connections.length) return Promise.resolve();
      return new Promise((resolve) => whenIdle.push(resolve));
    },
  };
}
