/**
 * @module `npm run ingest -- <files or folders>`: ingest documents into the configured store,
 * one progress line per document (✓ loaded, = unchanged, ✗ failed) followed, for a loaded one, by
 * its quality report (see quality-report.ts); exits non-zero when any document failed. Documents
 * are written in batches through the database's bulk path (--loader per-document: each with its own
 * writes); a batch's lines appear when it commits. The text work runs on a worker thread per core
 * (--workers 0: on the main thread).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { openStore } from '../store/open-store.js';
import { limitHeapGrowth } from './heap-growth.js';
import { ingestPaths, type FileReport } from './pipeline.js';
import { processFilesInPool } from './process-pool.js';
import { formatQuality } from './quality-report.js';

export function formatReport(report: FileReport): string {
  if (!report.ok) return `✗ ${report.error}`;
  if (report.outcome === 'unchanged') return `= ${report.file}: unchanged (${report.title})`;
  const s = report.summary;
  return [
    `✓ ${report.file}: ${report.outcome} “${s.title}” [${s.jurisdictionId}${s.jurisdictionName ? ` ${s.jurisdictionName}` : ''}] — ` +
      `${s.sections} sections, ${s.items} items, ${s.subMeasures} sub-measures, ${s.agencies} agencies, ${s.targets} targets, ` +
      `${s.links} links, ${s.warnings} warnings`,
    ...formatQuality(s, { items: s.items }),
  ].join('\n');
}

async function main(): Promise<number> {
  limitHeapGrowth();
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      seeds: { type: 'string', default: 'seeds' },
      'max-bytes': { type: 'string' },
      'batch-size': { type: 'string' },
      loader: { type: 'string', default: 'bulk' },
      workers: { type: 'string' },
    },
  });
  const loader = values.loader;
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  const valid =
    positionals.length > 0 &&
    (loader === 'bulk' || loader === 'per-document') &&
    (batchSize === undefined || batchSize >= 1) &&
    Number.isInteger(workers) &&
    workers >= 0;
  if (!valid) {
    process.stderr.write(
      `usage: npm run ingest -- <files or folders> [--seeds DIR] [--max-bytes N] [--batch-size N] [--loader bulk|per-document] [--workers N (0: the main thread)]\n`,
    );
    return 2;
  }
  const maxBytes = values['max-bytes'] ? Number(values['max-bytes']) : undefined;
  // A second ingest waits for the first one to finish with the embedded database.
  const store = await openStore(undefined, {
    lockWaitMs: 10 * 60_000,
    onLockWait: () => process.stderr.write('waiting for another process to release the database…\n'),
  });
  try {
    const reports = await ingestPaths(store, positionals, {
      seedsDir: values.seeds,
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(batchSize === undefined ? {} : { batchSize }),
      loader,
      ...(workers > 0 ? { processFiles: processFilesInPool({ seedsDir: values.seeds, workers }) } : {}),
      onProgress: (report) => (report.ok ? process.stdout : process.stderr).write(`${formatReport(report)}\n`),
      onBatchFallback: ({ files, loader: failedLoader, reason }) =>
        process.stderr.write(
          `! the ${failedLoader} write of a batch of ${files.length} documents failed (${reason}); loading them one by one\n`,
        ),
    });
    const failed = reports.filter((report) => !report.ok).length;
    process.stdout.write(`${reports.length - failed} of ${reports.length} documents loaded\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
