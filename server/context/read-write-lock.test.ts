import { describe, expect, it } from 'vitest';
import type { GraphStore, WriteTransaction } from '../../store/graph-store.js';
import { createReadWriteLock, withExclusiveCommits } from './read-write-lock.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('createReadWriteLock', () => {
  it('lets readers run together', async () => {
    const lock = createReadWriteLock();
    let inside = 0;
    let most = 0;
    const reader = () =>
      lock.read(async () => {
        inside += 1;
        most = Math.max(most, inside);
        await tick();
        inside -= 1;
      });
    await Promise.all([reader(), reader(), reader()]);
    expect(most).toBe(3);
  });

  it('starts a writer only after the running readers, and readers that came later only after the writer', async () => {
    const lock = createReadWriteLock();
    const events: string[] = [];
    const first = gate();
    const running = lock.read(async () => {
      events.push('read 1 start');
      await first.opened;
      events.push('read 1 end');
    });
    const writing = lock.write(async () => {
      events.push('write start');
      await tick();
      events.push('write end');
    });
    const later = lock.read(async () => {
      events.push('read 2');
    });
    await tick();
    expect(events).toEqual(['read 1 start']);
    first.open();
    await Promise.all([running, writing, later]);
    expect(events).toEqual(['read 1 start', 'read 1 end', 'write start', 'write end', 'read 2']);
  });

  it('releases the lock when the work fails', async () => {
    const lock = createReadWriteLock();
    await expect(lock.write(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.read(async () => 'still usable')).resolves.toBe('still usable');
  });
});

describe('withExclusiveCommits', () => {
  /** A store whose transactions log their start, the preparing of their commit and their commit. */
  function loggingStore(events: string[]): GraphStore {
    // The work below never writes or reads.
    const tx = {
      prepareCommit: async () => {
        events.push('prepare');
      },
    } as WriteTransaction;
    return {
      backend: 'kuzu',
      queryCount: 0,
      applySchema: async () => undefined,
      read: async () => [],
      async transaction(work) {
        events.push('begin');
        const value = await work(tx);
        events.push('commit');
        return value;
      },
      close: async () => undefined,
    };
  }

  it('runs a transaction and prepares its commit beside running requests, and commits it after them, before the requests that came later', async () => {
    const lock = createReadWriteLock();
    const events: string[] = [];
    const workMayEnd = gate();
    const store = withExclusiveCommits(loggingStore(events), lock);
    const request = gate();
    const running = lock.read(async () => {
      events.push('request 1 start');
      await request.opened;
      events.push('request 1 end');
    });
    await tick();
    const writing = store.transaction(async () => {
      events.push('work');
      await workMayEnd.opened;
      return 'written';
    });
    const during = lock.read(async () => {
      events.push('request 2 (during the work)');
    });
    await during;
    workMayEnd.open();
    await tick();
    const after = lock.read(async () => {
      events.push('request 3 (after the work)');
    });
    await tick();
    expect(events).toEqual(['request 1 start', 'begin', 'work', 'request 2 (during the work)', 'prepare']);
    request.open();
    expect(await writing).toBe('written');
    await Promise.all([running, after]);
    expect(events).toEqual([
      'request 1 start',
      'begin',
      'work',
      'request 2 (during the work)',
      'prepare',
      'request 1 end',
      'commit',
      'request 3 (after the work)',
    ]);
  });

  it('lets requests in again when the transaction fails', async () => {
    const lock = createReadWriteLock();
    const store = withExclusiveCommits(loggingStore([]), lock);
    await expect(store.transaction(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.read(async () => 'still usable')).resolves.toBe('still usable');
  });
});
