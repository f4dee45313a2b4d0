/**
 * @module The real app on a free port over a temporary Kuzu store with the seed documents ingested,
 * serving the built explorer from client/dist. For browser tests (tests/e2e).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingestSeedsIfChanged } from '../../ingest/bootstrap.js';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { createApp } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { buildSearchIndex } from '../../server/search/store-search-index.js';

export interface TestServer {
  /** Base URL ending in '/', e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export async function startTestServer({
  port = 0,
  dataDir,
  seedsDir = 'seeds',
  clientDir = 'client/dist',
  writeToken = null,
}: {
  port?: number;
  dataDir?: string;
  seedsDir?: string;
  clientDir?: string;
  /** Accept writes with this bearer token; curations are appended to seedsDir's reviewed-links.json, so give a copy. */
  writeToken?: string | null;
} = {}): Promise<TestServer> {
  const ownDir = dataDir === undefined;
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'reformgraph-e2e-'));
  const store = await openKuzuStore({ path: join(dir, 'db.kuzu') });
  await store.applySchema();
  const reports = await ingestSeedsIfChanged(store, { seedsDir });
  const failed = reports.filter((report) => !report.ok);
  if (failed.length > 0) {
    await store.close();
    throw new Error(`seed ingest failed: ${JSON.stringify(failed)}`);
  }
  const searchIndex = await buildSearchIndex(store);
  const app = createApp({
    store,
    logger: silentLogger,
    searchIndex,
    clientDir: resolve(clientDir),
    writes: { token: writeToken, seedsDir },
  });
  const server = createServer(app.requestListener);
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
