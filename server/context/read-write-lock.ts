/**
 * @module Keeps a request's reads on one version of the graph. The store gives each query a
 * snapshot, but a GraphQL request runs several (a policy's tasks, then their targets, …); were a
 * document replaced between two of them, one answer would mix the old and the new version. Only
 * a commit replaces anything: until then the database's read connections and the kept rows give
 * the committed graph, whatever the open write transaction has written. So requests hold the
 * lock shared while they execute, and a write transaction takes it alone only for its commit and
 * for the kept graph to put in place what the transaction made ready for it (see kept-graph.ts). Waiters are served in arrival order, so a
 * stream of readers cannot starve a commit.
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../store/graph-store.js';

export interface ReadWriteLock {
  /** Runs `work` alongside other readers, never during a writer. */
  read<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `work` alone: after the readers before it have finished, before the ones after it start. */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** Waits as `write` does, then holds the lock alone until the function it resolves to is called. */
  hold(): Promise<() => void>;
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

  function release(): void {
    writing = false;
    grantWaiting();
  }

  const lock: ReadWriteLock = {
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
        release();
      }
    },
    async hold() {
      await acquire(true);
      let held = true;
      return () => {
        if (held) release();
        held = false;
      };
    },
  };
  return lock;
}

/**
 * The store with each write transaction's commit under the lock's exclusive side: the
 * transaction's work runs beside the requests, which read the committed graph meanwhile, and so
 * does the kept graph's preparing of what it will keep (prepareCommit); then the commit waits for
 * the requests running, and the requests after it wait until the commit is done and the kept graph
 * (`store`, see kept-graph.ts) holds the new version.
 */
export function withExclusiveCommits(store: GraphStore, lock: ReadWriteLock): GraphStore {
  return {
    backend: store.backend,
    get queryCount() {
      return store.queryCount;
    },
    applySchema: () => lock.write(() => store.applySchema()),
    read: (query, params, reader) => store.read(query, params, reader),
    async transaction(work) {
      const commit: { release?: () => void } = {};
      try {
        return await store.transaction(async (tx) => {
          const value = await work(tx);
          // Before waiting for the readers: they go on reading the graph before the write meanwhile.
          await tx.prepareCommit?.();
          // A driver that runs the work again (Neo4j, on a transient error) holds the lock already.
          commit.release ??= await lock.hold();
          return value;
        });
      } finally {
        commit.release?.();
      }
    },
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
