import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { readQueries } from '../../store/queries/index.js';
import { describeStoreContract } from '../support/store-contract.js';

const dirs = new Map<object, string>();

describeStoreContract(
  'Kuzu',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reformgraph-kuzu-'));
    const store = await openKuzuStore({ path: join(dir, 'db.kuzu') });
    await store.applySchema();
    dirs.set(store, dir);
    return store;
  },
  async (store) => {
    await store.close();
    rmSync(dirs.get(store) ?? '', { recursive: true, force: true });
  },
);

describe('Kuzu store, closed while reads wait their turn', () => {
  it('fails the waiting reads with a store error instead of crashing the process', async () => {
    // Before the guard, this ended the process with SIGSEGV (a call on a closed connection).
    const dir = mkdtempSync(join(tmpdir(), 'reformgraph-kuzu-'));
    try {
      const store = await openKuzuStore({ path: join(dir, 'db.kuzu') });
      await store.applySchema();
      const reads = Array.from({ length: 20 }, () => store.read(readQueries.allJurisdictions));
      // Settled before closing: the reads refused during close() are then handled, not reported as unhandled.
      const settling = Promise.allSettled(reads);
      await store.close();
      const settled = await settling;
      const refused = settled.filter((result) => result.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      for (const result of refused) expect(String(result.reason)).toMatch(/the Kuzu store is closed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
