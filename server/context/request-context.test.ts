import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../store/graph-store.js';
import { allNationalItems, allPolicies } from '../../store/queries/read-queries.js';
import { countingStore } from './request-context.js';

const store: GraphStore = {
  backend: 'kuzu',
  queryCount: 0,
  applySchema: () => Promise.resolve(),
  read: () => Promise.resolve([]),
  transaction: () => Promise.reject(new Error('a request store does not write')),
  close: () => Promise.resolve(),
};

/** The store of a request whose execution was stopped (the client gone, the timeout: limits.ts) before it read. */
function storeOfStoppedRequest() {
  const controller = new AbortController();
  controller.abort(new Error('the client went away'));
  return { ...countingStore(store, () => controller.signal.throwIfAborted()), reason: controller.signal.reason as Error };
}

describe("a request's store once its execution is stopped", () => {
  let unhandled: unknown[] = [];
  const note = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', note);
  });
  afterEach(() => {
    process.off('unhandledRejection', note);
  });

  it('refuses a read as a failed read, later, not with a throw, and counts none', async () => {
    const { store: stopped, count, reason } = storeOfStoppedRequest();
    let read: Promise<unknown> | undefined;
    expect(() => (read = stopped.read(allNationalItems))).not.toThrow();
    await expect(read).rejects.toBe(reason);
    expect(count()).toBe(0);
  });

  // As coverageOf reads (resolvers.ts): a read thrown at once while the array is being made left the
  // async function's rejected promise before it to no handler, and an unhandled rejection failed a CI run.
  it("leaves no rejection unhandled when an async function's read and a plain read are awaited together", async () => {
    const { store: stopped, reason } = storeOfStoppedRequest();
    const inputs = async () => stopped.read(allNationalItems);
    const both = () => Promise.all([inputs(), stopped.read(allPolicies)]);
    await expect(both()).rejects.toBe(reason);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});
