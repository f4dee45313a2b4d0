/** A real Kuzu database in a temporary directory, removed on close. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../../store/graph-store.js';
import { openKuzuStore, type KuzuStoreOptions } from '../../store/kuzu-store.js';

export interface TempStore {
  store: GraphStore;
  dir: string;
  close(): Promise<void>;
}

export async function openTempKuzuStore(options: Omit<KuzuStoreOptions, 'path'> = {}): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'reformgraph-'));
  const store = await openKuzuStore({ path: join(dir, 'db.kuzu'), ...options });
  await store.applySchema();
  return {
    store,
    dir,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
