/**
 * @module First-run ingest for `npm start`: loads the seed documents into the store when it is
 * empty or when the seeds (or the code that reads them) changed; otherwise nothing is redone.
 */
import { resolve } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import { ingestPaths, type FileReport } from './pipeline.js';

export interface BootstrapOptions {
  /** @default 'seeds' */
  seedsDir?: string;
  onProgress?: (report: FileReport) => void;
}

export async function ingestSeedsIfChanged(
  store: GraphStore,
  { seedsDir = 'seeds', onProgress }: BootstrapOptions = {},
): Promise<FileReport[]> {
  const dir = resolve(seedsDir);
  return ingestPaths(store, [dir], { seedsDir: dir, ...(onProgress ? { onProgress } : {}) });
}
