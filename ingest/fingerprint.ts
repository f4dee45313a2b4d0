/**
 * @module What a loaded document was made with. A document is processed again when its bytes,
 * the reference data in seeds/ (alias table, catalogue, glossary, reviewed links) or the ingest
 * code itself change; otherwise re-ingesting it changes nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files under `dir` whose names `accept` takes, each as its path from `dir` (sorted) and where it is. */
async function filesUnder(dir: string, accept: (name: string) => boolean): Promise<{ name: string; path: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ name: relative(dir, path), path }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Of the files' names and bytes, not of where they lie: the same code and seeds in another
 * checkout (a clone, a moved folder) load nothing again, where the absolute paths it hashed
 * before rewrote every document, and so changed the graph's version and the files the server
 * keeps beside the database.
 */
export async function fingerprintOf(seedsDir: string): Promise<string> {
  const ingestDir = dirname(fileURLToPath(import.meta.url));
  const parts = [
    { label: 'ingest', files: await filesUnder(ingestDir, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')) },
    { label: 'seeds', files: await filesUnder(seedsDir, (name) => name.endsWith('.json')) },
  ];
  const hash = createHash('sha256');
  for (const { label, files } of parts) {
    for (const { name, path } of files) hash.update(`${label}/${name}\0`).update(await readFile(path));
  }
  return hash.digest('hex');
}

export function ingestKeyOf(fileSha256: string, fingerprint: string): string {
  return createHash('sha256').update(fileSha256).update(fingerprint).digest('hex');
}
