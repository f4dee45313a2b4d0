import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, ingestKeyOf } from './fingerprint.js';
import {
  listInputFiles,
  loadStageContext,
  processFilesInOrder,
  type KnownKeyLookup,
  type ProcessedFile,
  type SourceContext,
} from './pipeline.js';
import { processFilesInPool } from './process-pool.js';
import { readSourceFile } from './read/index.js';

/** Each file's result with, for a processed one, its rows linked to no loaded parent (where the text work ran, before the pool stops). */
async function collect(results: AsyncIterable<ProcessedFile>) {
  const all = [];
  for await (const result of results) {
    if (result.outcome !== 'processed') {
      all.push(result);
      continue;
    }
    const { linkRows, ...processed } = result;
    all.push({ ...processed, linked: linkRows({ cited: [], citing: [] }) });
  }
  return Promise.all(all.map(async (result) => ('linked' in result ? { ...result, linked: await result.linked } : result)));
}

describe('the text work on a pool of worker threads', () => {
  it('gives what one thread gives, file for file and in input order, bad files and known ones included', async () => {
    const seedsDir = resolve('seeds');
    const files = await listInputFiles(['seeds', 'tests/fixtures/bad', 'tests/fixtures/real']);
    const context: SourceContext = { ...(await loadStageContext(seedsDir)), fingerprint: await fingerprintOf(seedsDir) };
    // One file counts as loaded already: both must skip it the same way.
    const knownKey = ingestKeyOf((await readSourceFile(files[1]!)).sha256, context.fingerprint);
    const knownTitle: KnownKeyLookup = async (ingestKey) => (ingestKey === knownKey ? 'already loaded' : undefined);

    const oneThread = await collect(processFilesInOrder(files, context, knownTitle));
    const pooled = await collect(processFilesInPool({ seedsDir, workers: 2, queueDepth: 3 })(files, context, knownTitle));

    expect(oneThread.map((result) => result.outcome)).toEqual(expect.arrayContaining(['processed', 'failed', 'unchanged']));
    expect(pooled.map((result) => result.file)).toEqual(files);
    expect(pooled.filter((result) => 'linked' in result && result.linked.ok)).not.toHaveLength(0);
    expect(pooled).toEqual(oneThread);
  }, 240_000);
});
