/**
 * @module Chooses the backend from the environment: Neo4j when NEO4J_URI is set, else the
 * embedded Kuzu database under ./data/.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { GraphStore } from './graph-store.js';
import { openKuzuStore } from './kuzu-store.js';

const storeEnv = z.object({
  NEO4J_URI: z.url().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  REFORMGRAPH_DB: z.string().default('./data/reformgraph.kuzu'),
  /** Most memory Kuzu's buffer pool takes, in MiB (see KuzuStoreOptions.bufferPoolBytes); unset: Kuzu's default. */
  KUZU_BUFFER_POOL_MB: z.coerce.number().int().positive().optional(),
});

export type StoreConfig =
  | { backend: 'kuzu'; path: string; bufferPoolBytes?: number }
  | { backend: 'neo4j'; uri: string; user: string; password: string; database: string };

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const parsed = storeEnv.parse(env);
  if (parsed.NEO4J_URI) {
    return {
      backend: 'neo4j',
      uri: parsed.NEO4J_URI,
      user: parsed.NEO4J_USER,
      password: parsed.NEO4J_PASSWORD,
      database: parsed.NEO4J_DATABASE,
    };
  }
  const bufferPool = parsed.KUZU_BUFFER_POOL_MB;
  return { backend: 'kuzu', path: resolve(parsed.REFORMGRAPH_DB), ...(bufferPool ? { bufferPoolBytes: bufferPool * 2 ** 20 } : {}) };
}

export interface OpenOptions {
  /** Embedded database only: wait this long for another process to release it. @default 0 */
  lockWaitMs?: number;
  onLockWait?: () => void;
}

/** Opens the configured store and applies the schema (idempotent). */
export async function openStore(
  config: StoreConfig = storeConfigFromEnv(),
  { lockWaitMs = 0, onLockWait }: OpenOptions = {},
): Promise<GraphStore> {
  const store =
    config.backend === 'neo4j'
      ? // The driver is imported only when Neo4j is configured: the embedded default starts without it.
        await (await import('./neo4j-store.js')).openNeo4jStore(config)
      : await openKuzuStore({
          path: config.path,
          lockWaitMs,
          ...(config.bufferPoolBytes ? { bufferPoolBytes: config.bufferPoolBytes } : {}),
          ...(onLockWait ? { onLockWait } : {}),
        });
  await store.applySchema();
  return store;
}
