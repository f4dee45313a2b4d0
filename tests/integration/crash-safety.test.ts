import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { runCli } from '../support/run-cli.js';
import { writeVariantDocuments } from '../support/variant-documents.js';

const DOCUMENTS = 30;
const KILL_AFTER = 8;
/** Documents per transaction: the kill falls after the first batch committed and before the last. */
const BATCH = ['--batch-size', '10'];

async function snapshotOf(db: string) {
  const store = await openKuzuStore({ path: db });
  try {
    return await graphSnapshot(store);
  } finally {
    await store.close();
  }
}

/** Starts an ingest and SIGKILLs it once `afterDocuments` documents have been reported. */
function ingestAndKill(
  args: string[],
  env: NodeJS.ProcessEnv,
  afterDocuments: number,
): Promise<{ signal: NodeJS.Signals | null; reported: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', ...args], { env: { ...process.env, ...env } });
    let reported = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      reported += (chunk.toString().match(/^✓/gm) ?? []).length;
      if (reported >= afterDocuments) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, reported }));
  });
}

describe('an ingest killed in the middle of a batch', () => {
  const work = mkdtempSync(join(tmpdir(), 'reformgraph-crash-'));
  const files = writeVariantDocuments(join(work, 'docs'), DOCUMENTS);
  const env = (db: string) => ({ REFORMGRAPH_DB: db });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('leaves no half-written document and ends identical to an uninterrupted run', async () => {
    expect(files).toHaveLength(DOCUMENTS);
    const reference = join(work, 'reference.kuzu');
    const uninterrupted = await runCli('ingest/cli.ts', [join(work, 'docs')], env(reference));
    expect(uninterrupted.code).toBe(0);
    const expected = await snapshotOf(reference);

    const crashed = join(work, 'crashed.kuzu');
    const killed = await ingestAndKill([join(work, 'docs'), ...BATCH], env(crashed), KILL_AFTER);
    expect(killed.signal).toBe('SIGKILL');

    // Every document that survived the kill is whole: the same tasks as in the reference.
    const afterKill = await snapshotOf(crashed);
    const tasksOf = (dump: typeof expected.dump, policyId: unknown) =>
      dump.nodes.Task.filter((task) => task.policyId === policyId)
        .map((task) => task.id)
        .sort();
    const loaded = afterKill.dump.nodes.Policy.filter((policy) => policy.stub === false);
    expect(loaded.length).toBeGreaterThanOrEqual(KILL_AFTER - 1);
    expect(loaded.length).toBeLessThan(DOCUMENTS);
    for (const policy of loaded) {
      expect(tasksOf(afterKill.dump, policy.id)).toEqual(tasksOf(expected.dump, policy.id));
    }

    const resumed = await runCli('ingest/cli.ts', [join(work, 'docs'), ...BATCH], env(crashed));
    expect(resumed.code).toBe(0);
    expect((await snapshotOf(crashed)).checksum).toBe(expected.checksum);
  }, 300_000);
});
