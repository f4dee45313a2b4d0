/** A temporary Kuzu store with the five seed documents ingested through the real pipeline. */
import { ingestSeedsIfChanged } from '../../ingest/bootstrap.js';
import type { FileReport } from '../../ingest/pipeline.js';
import { openTempKuzuStore, type TempStore } from './temp-kuzu.js';

export interface SeededStore extends TempStore {
  reports: FileReport[];
}

export async function openSeededStore(): Promise<SeededStore> {
  const temp = await openTempKuzuStore();
  const reports = await ingestSeedsIfChanged(temp.store, { seedsDir: 'seeds' });
  const failed = reports.filter((report) => !report.ok);
  if (failed.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(failed)}`);
  return { ...temp, reports };
}
