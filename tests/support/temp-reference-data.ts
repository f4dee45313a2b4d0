/**
 * A copy of the seeds folder's reference data (alias table, national catalogue, glossary,
 * reviewed links) in a temporary folder, for tests that append curation decisions: the
 * repository's seeds/reviewed-links.json is never written by a test.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempReferenceData {
  dir: string;
  reviewedLinksFile: string;
  remove(): void;
}

export function copyReferenceData(from = 'seeds'): TempReferenceData {
  const dir = mkdtempSync(join(tmpdir(), 'reformgraph-seeds-'));
  for (const name of ['agencies.json', 'glossary.json', 'reviewed-links.json', 'national']) {
    cpSync(join(from, name), join(dir, name), { recursive: true });
  }
  return { dir, reviewedLinksFile: join(dir, 'reviewed-links.json'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
