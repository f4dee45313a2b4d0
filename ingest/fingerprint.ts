/**
 * @module What a loaded document was made with. A document is processed again when its bytes,
 * the reference data in seeds/ (alias table, catalogue, glossary, reviewed links) or the ingest
 * code itself change; otherwise re-ingesting it changes nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

async function filesUnder(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export async function fingerprintOf(seedsDir: string): Promise<string> {
  const ingestDir = dirname(fileURLToPath(import.meta.url));
  const files = [
    ...(await filesUnder(ingestDir, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))),
    ...(await filesUnder(seedsDir, (name) => name.endsWith('.json'))),
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(file));
  return hash.digest('hex');
}

export function ingestKeyOf(fileSha256: string, fingerprint: string): string {
  return createHash('sha256').update(fileSha256).update(fingerprint).digest('hex');
}
