import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint.js';

const dir = mkdtempSync(join(tmpdir(), 'reformgraph-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the seeds' reference data in a folder of its own. */
function seedsCopy(name: string): string {
  const copy = join(dir, name);
  cpSync('seeds', copy, { recursive: true, filter: (source) => !source.endsWith('.txt') });
  return copy;
}

describe('the ingest fingerprint', () => {
  it('is the same for the same reference data in another folder, so a clone or a moved checkout loads nothing again', async () => {
    expect(await fingerprintOf(seedsCopy('elsewhere'))).toBe(await fingerprintOf('seeds'));
  });

  it('changes when a reference file changes, or is named otherwise', async () => {
    const original = await fingerprintOf('seeds');
    const edited = seedsCopy('edited');
    writeFileSync(join(edited, 'glossary.json'), '{}');
    expect(await fingerprintOf(edited)).not.toBe(original);
    const renamed = seedsCopy('renamed');
    cpSync(join(renamed, 'glossary.json'), join(renamed, 'glossary-2.json'));
    rmSync(join(renamed, 'glossary.json'));
    expect(await fingerprintOf(renamed)).not.toBe(original);
  });
});
