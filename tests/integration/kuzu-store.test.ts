import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKuzuStore } from '../../store/kuzu-store.js';
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
