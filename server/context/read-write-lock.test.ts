import { describe, expect, it } from 'vitest';
import { createReadWriteLock } from './read-write-lock.js';

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
