import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { runCli } from '../support/run-cli.js';
import { writeVariantDocuments } from '../support/variant-documents.js';

describe('two ingests started at once', () => {
  const work = mkdtempSync(join(tmpdir(), 'reformgraph-concurrent-'));
  const files = writeVariantDocuments(join(work, 'docs'), 12);
  const env = (db: string) => ({ REFORMGRAPH_DB: db });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  async function checksumOf(db: string) {
    const store = await openKuzuStore({ path: db });
    try {
      return (await graphSnapshot(store)).checksum;
    } finally {
      await store.close();
    }
  }

  it('are serialised and leave the same graph as one after the other', async () => {
    const together = join(work, 'together.kuzu');
    const [first, second] = await Promise.all([
      runCli('ingest/cli.ts', files.slice(0, 6), env(together)),
      runCli('ingest/cli.ts', files.slice(6), env(together)),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(`${first.stderr}${second.stderr}`).toMatch(/waiting for another process/);

    const sequential = join(work, 'sequential.kuzu');
    expect((await runCli('ingest/cli.ts', files, env(sequential))).code).toBe(0);
    expect(await checksumOf(together)).toBe(await checksumOf(sequential));
  }, 300_000);
});
