import { describe, expect, it } from 'vitest';
import { newReader, readQueue } from './read-queue.js';

/** A read that runs until the test lets it finish, recording where and when it started. */
function heldReads() {
  const started: string[] = [];
  const running = new Map<string, () => void>();
  const read = (name: string) => (connection: string) =>
    new Promise<string>((resolve) => {
      started.push(name);
      running.set(name, () => resolve(`${name} on ${connection}`));
    });
  const finish = async (name: string) => {
    running.get(name)!();
    running.delete(name);
    // The freed connection starts the next read a few microtasks later.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, running, read, finish };
}

describe('reads of several readers queued for a pool of connections', () => {
  it("runs the waiting read of the oldest reader first, a request's later reads before those of requests that came after it", async () => {
    const queue = readQueue(['x', 'y']);
    const { started, read, finish } = heldReads();
    const [a, b] = [newReader(), newReader()];
    const reads = [queue.take(read('a1'), a), queue.take(read('b1'), b), queue.take(read('b2'), b)];
    reads.push(queue.take(read('background')), queue.take(read('a2'), a));
    for (const name of ['a1', 'b1', 'a2', 'b2', 'background']) await finish(name);
    // First come first served would have run a2 last.
    expect(started).toEqual(['a1', 'b1', 'a2', 'b2', 'background']);
    expect(await Promise.all(reads)).toEqual(['a1 on x', 'b1 on y', 'b2 on y', 'background on x', 'a2 on x']);
  });

  it('runs at most one read per connection and settles idle() when the last one is done', async () => {
    const queue = readQueue(['x', 'y']);
    const { started, running, read, finish } = heldReads();
    const reads = ['r1', 'r2', 'r3', 'r4'].map((name) => queue.take(read(name), newReader()));
    let idle = false;
    void queue.idle().then(() => (idle = true));
    expect([...running.keys()]).toEqual(['r1', 'r2']);
    await finish('r2');
    expect([...running.keys()]).toEqual(['r1', 'r3']);
    for (const name of ['r1', 'r3', 'r4']) await finish(name);
    expect(started).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(await Promise.all(reads)).toEqual(['r1 on x', 'r2 on y', 'r3 on y', 'r4 on x']);
    expect(idle).toBe(true);
  });

  it("rejects only the failing read's promise and gives its connection to the next read", async () => {
    const queue = readQueue(['only']);
    const failing = queue.take(() => Promise.reject(new Error('no such table')));
    const next = queue.take((connection) => Promise.resolve(`read on ${connection}`));
    await expect(failing).rejects.toThrow('no such table');
    expect(await next).toBe('read on only');
    await queue.idle();
  });
});
