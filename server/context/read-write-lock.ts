/**
 * @module Keeps a request's reads on one version of the graph. The store gives each query a
 * snapshot, but a GraphQL request runs several (a policy's tasks, then their targets, …); were a
 * document replaced between two of them, one answer would mix the old and the new version. So
 * requests hold the lock shared while they execute and the server's write transactions hold it
 * alone. Waiters are served in arrival order, so a stream of readers cannot starve a writer.
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../store/graph-store.js';

export interface ReadWriteLock {
  /** Runs `work` alongside other readers, never during a writer. */
  read<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `work` alone: after the readers before it have finished, before the ones after it start. */
  write<T>(work: () => Promise<T>): Promise<T>;
}

interface Waiter {
  exclusive: boolean;
  grant: () => void;
}

export function createReadWriteLock(): ReadWriteLock {
  let readers = 0;
  let writing = false;
  const queue: Waiter[] = [];

  function grantWaiting(): void {
    while (!writing) {
      const next = queue[0];
      if (!next) return;
      if (next.exclusive) {
        if (readers > 0) return;
        writing = true;
      } else {
        readers += 1;
      }
      queue.shift();
      next.grant();
    }
  }

  function acquire(exclusive: boolean): Promise<void> {
    return new Promise((grant) => {
      queue.push({ exclusive, grant });
      grantWaiting();
    });
  }

  return {
    async read(work) {
      await acquire(false);
      try {
        return await work();
      } finally {
        readers -= 1;
        grantWaiting();
      }
    },
    async write(work) {
      await acquire(true);
      try {
        return await work();
      } finally {
        writing = false;
        grantWaiting();
      }
    },
  };
}

/** The store with every write transaction taken under the lock's exclusive side. */
export function withExclusiveWrites(store: GraphStore, lock: ReadWriteLock): GraphStore {
  return {
    backend: store.backend,
    get queryCount() {
      return store.queryCount;
    },
    applySchema: () => lock.write(() => store.applySchema()),
    read: (query, params) => store.read(query, params),
    transaction: (work) => lock.write(() => store.transaction(work)),
    close: () => store.close(),
  };
}

/** Executes every GraphQL operation under the lock's shared side. */
export function useSharedReads(lock: ReadWriteLock): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => lock.read(async (): Promise<Awaited<ReturnType<typeof executeFn>>> => executeFn(args)));
    },
  };
}
