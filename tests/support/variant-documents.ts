/**
 * A batch of distinct documents made from one seed by naming other counties in it, for tests
 * that need many documents (crash safety, concurrency) without the benchmark's generator.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allJurisdictions } from '../../ingest/resolve/jurisdiction-registry.js';

const SEED = 'seeds/002_c6b286a5770366cf.txt';
const SEED_COUNTY = '泗县';

/** Writes `count` variants of a county task list into `dir`; returns their paths. */
export function writeVariantDocuments(dir: string, count: number): string[] {
  const text = readFileSync(SEED, 'utf8');
  // Counties whose short name (泗县 → 泗) does not occur in the seed, so replacing is unambiguous.
  const all = allJurisdictions();
  const counties = all
    .filter((node) => node.level === 'county' && node.name.endsWith('县') && node.name.length === 3)
    .filter((node) => !text.includes(node.name.slice(0, 2)) && all.filter((other) => other.name === node.name).length === 1)
    .slice(0, count);
  mkdirSync(dir, { recursive: true });
  return counties.map((county, index) => {
    const path = join(dir, `variant-${String(index).padStart(3, '0')}.txt`);
    writeFileSync(path, text.replaceAll(SEED_COUNTY, county.name));
    return path;
  });
}
