/**
 * @module Child process of the benchmark that ingests, so that its peak RSS
 * (process.resourceUsage().maxRSS) is the ingest's alone. Modes:
 * - `seeds`: the five seeds into a new store (cold), again into the same store (warm re-ingest:
 *   everything unchanged), and into a second new store from the same warm process;
 * - `corpus`: a corpus folder into a new store, then the seeds, with per-query timings;
 * - `loader`: the files listed in --paths into a new store with each loader of --loaders in turn
 *   (per-document, bulk, bulk with the text work on worker threads), for the side-by-side
 *   comparison of loading.
 * Writes its result as JSON to --out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { limitHeapGrowth } from '../../ingest/heap-growth.js';
import { ingestPaths, type FileReport } from '../../ingest/pipeline.js';
import { processFilesInPool } from '../../ingest/process-pool.js';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { storeConfigFromEnv } from '../../store/open-store.js';
import { ingestQueries } from '../../store/queries/index.js';
import { timedStore, type QueryTiming } from '../support/instrumented-store.js';

export interface SeedsIngestResult {
  mode: 'seeds';
  documents: number;
  failed: number;
  coldMs: number;
  warmReingestMs: number;
  warmFreshStoreMs: number;
  tasks: number;
  peakRssMiB: number;
}

export interface CorpusIngestResult {
  mode: 'corpus';
  documents: number;
  loaded: number;
  failed: { file: string; error: string }[];
  totalMs: number;
  /** Documents per second over the first and the last tenth of the run: does it slow down as the store grows? */
  firstTenthDocsPerSec: number;
  lastTenthDocsPerSec: number;
  tasksInStore: number;
  /** file → jurisdiction id the ingest resolved, to compare with the manifest. */
  jurisdictions: Record<string, string>;
  seedsAfterMs: number;
  storeMs: number;
  queryTimings: QueryTiming[];
  peakRssMiB: number;
  /** The process's memory as documents accumulate: where it grows (see MemorySample). */
  memory: MemorySample[];
}

/**
 * The ingest process's memory after `documents` were committed. RSS holds the main thread's V8
 * heap, the worker threads' heaps and Kuzu's native memory (its buffer pool and the transaction's
 * local storage); `heapUsedMiB` and `externalMiB` are the main thread's alone, so what RSS holds
 * beyond them is the workers' and Kuzu's.
 */
export interface MemorySample {
  documents: number;
  seconds: number;
  rssMiB: number;
  heapUsedMiB: number;
  externalMiB: number;
}

export interface LoaderIngestResult {
  mode: 'loader';
  loader: 'per-document' | 'bulk';
  workers: number;
  documents: number;
  loaded: number;
  tasksInStore: number;
  totalMs: number;
  /** The process's peak so far: of this run and the runs before it in the same process. */
  peakRssMiB: number;
}

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024;

/** Memory samples taken this many times over a run, evenly by documents committed. */
const MEMORY_SAMPLES = 20;

function memorySample(documents: number, seconds: number): MemorySample {
  const { rss, heapUsed, external } = process.memoryUsage();
  return { documents, seconds, rssMiB: rss / 2 ** 20, heapUsedMiB: heapUsed / 2 ** 20, externalMiB: external / 2 ** 20 };
}

/**
 * Kuzu's buffer pool as `npm run ingest` opens it: Kuzu's default unless KUZU_BUFFER_POOL_MB caps
 * it. Capped, a bulk load of the 30,000-document corpus crashed the process (SIGSEGV, Kuzu 0.11.3)
 * instead of failing a transaction: with 1 GiB after 8,500 documents (a store of 1.4 GiB), with
 * 64 MiB before its first batch of 500 was written. So the memory Kuzu takes as the store grows is
 * what the load needs, not pages it could evict; a cap is for comparing runs, not for bounding a load.
 */
const storeConfig = storeConfigFromEnv({ KUZU_BUFFER_POOL_MB: process.env.KUZU_BUFFER_POOL_MB });

async function openFresh(path: string) {
  const bufferPoolBytes = storeConfig.backend === 'kuzu' ? storeConfig.bufferPoolBytes : undefined;
  const store = await openKuzuStore({ path, ...(bufferPoolBytes ? { bufferPoolBytes } : {}) });
  await store.applySchema();
  return store;
}

async function timeIngest(run: () => Promise<FileReport[]>): Promise<{ ms: number; reports: FileReport[] }> {
  const started = performance.now();
  const reports = await run();
  return { ms: performance.now() - started, reports };
}

async function seedsMode(db: string, seedsDir: string): Promise<SeedsIngestResult> {
  const options = { seedsDir };
  const store = await openFresh(db);
  const cold = await timeIngest(() => ingestPaths(store, [seedsDir], options));
  const warm = await timeIngest(() => ingestPaths(store, [seedsDir], options));
  const [tasks] = await store.read(ingestQueries.countNodes.Task);
  await store.close();
  const second = await openFresh(`${db}-2`);
  const fresh = await timeIngest(() => ingestPaths(second, [seedsDir], options));
  await second.close();
  return {
    mode: 'seeds',
    documents: cold.reports.length,
    failed: cold.reports.filter((report) => !report.ok).length,
    coldMs: cold.ms,
    warmReingestMs: warm.ms,
    warmFreshStoreMs: fresh.ms,
    tasks: tasks?.count ?? 0,
    peakRssMiB: peakRssMiB(),
  };
}

async function corpusMode(db: string, seedsDir: string, corpusDir: string): Promise<CorpusIngestResult> {
  const timed = timedStore(await openFresh(db));
  const stamps: number[] = [];
  const started = performance.now();
  const files = (await readdir(corpusDir)).filter((name) => name.endsWith('.txt')).length;
  const sampleEvery = Math.max(1, Math.ceil(files / MEMORY_SAMPLES));
  const memory: MemorySample[] = [memorySample(0, 0)];
  // As `npm run ingest` loads: in bulk, the text work on a worker thread per core.
  const reports = await ingestPaths(timed.store, [corpusDir], {
    seedsDir,
    processFiles: processFilesInPool({ seedsDir }),
    onProgress: () => {
      stamps.push(performance.now());
      if (stamps.length % sampleEvery === 0) memory.push(memorySample(stamps.length, (performance.now() - started) / 1000));
      if (stamps.length % 250 === 0) {
        process.stderr.write(`  ${stamps.length} documents in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      }
    },
  });
  const totalMs = performance.now() - started;
  const [tasks] = await timed.store.read(ingestQueries.countNodes.Task);
  const seedsStarted = performance.now();
  await ingestPaths(timed.store, [seedsDir], { seedsDir });
  const seedsAfterMs = performance.now() - seedsStarted;
  await timed.store.close();

  const tenth = Math.max(1, Math.floor(stamps.length / 10));
  // Called only with 0 <= from < to <= stamps.length, so both stamps exist.
  const rate = (from: number, to: number) => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- from >= 1 here, and from <= stamps.length
    const t0 = from === 0 ? started : stamps[from - 1]!;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 1 <= to <= stamps.length
    const t1 = stamps[to - 1]!;
    return ((to - from) / Math.max(t1 - t0, 1)) * 1000;
  };
  const jurisdictions: Record<string, string> = {};
  for (const report of reports) {
    if (report.ok && report.outcome !== 'unchanged') jurisdictions[report.file.replace(/^.*\//u, '')] = report.summary.jurisdictionId;
  }
  const timings = timed.timings();
  return {
    mode: 'corpus',
    documents: reports.length,
    loaded: reports.filter((report) => report.ok).length,
    failed: reports.flatMap((report) => (report.ok ? [] : [{ file: report.file, error: report.error }])),
    totalMs,
    firstTenthDocsPerSec: stamps.length > 0 ? rate(0, tenth) : 0,
    lastTenthDocsPerSec: stamps.length > 0 ? rate(stamps.length - tenth, stamps.length) : 0,
    tasksInStore: tasks?.count ?? 0,
    jurisdictions,
    seedsAfterMs,
    storeMs: timings.reduce((sum, timing) => sum + timing.ms, 0),
    queryTimings: timings.slice(0, 12),
    peakRssMiB: peakRssMiB(),
    memory,
  };
}

/** Each loader in turn into a fresh store of its own, in this process (its start-up is paid once for all). */
async function loaderMode(
  db: string,
  seedsDir: string,
  pathsFile: string,
  loaders: readonly LoaderChoice[],
): Promise<LoaderIngestResult[]> {
  const paths = JSON.parse(readFileSync(pathsFile, 'utf8')) as string[];
  const results: LoaderIngestResult[] = [];
  for (const [index, { loader, workers }] of loaders.entries()) {
    const store = await openFresh(`${db}-${index}`);
    const started = performance.now();
    const reports = await ingestPaths(store, paths, {
      seedsDir,
      loader,
      ...(workers > 0 ? { processFiles: processFilesInPool({ seedsDir, workers }) } : {}),
    });
    const totalMs = performance.now() - started;
    const [tasks] = await store.read(ingestQueries.countNodes.Task);
    await store.close();
    results.push({
      mode: 'loader',
      loader,
      workers,
      documents: reports.length,
      loaded: reports.filter((report) => report.ok).length,
      tasksInStore: tasks?.count ?? 0,
      totalMs,
      peakRssMiB: peakRssMiB(),
    });
  }
  return results;
}

export interface LoaderChoice {
  loader: 'per-document' | 'bulk';
  workers: number;
}

/** `per-document:0,bulk:0,bulk:2`: loader and worker threads of each run. */
function parseLoaders(text: string): LoaderChoice[] {
  return text.split(',').map((part) => {
    const [loader, workers] = part.split(':');
    if ((loader !== 'bulk' && loader !== 'per-document') || !/^\d+$/.test(workers ?? ''))
      throw new Error(`--loaders: cannot read "${part}"`);
    return { loader, workers: Number(workers) };
  });
}

async function main(): Promise<void> {
  // Heaps as `npm run ingest` sets them.
  limitHeapGrowth();
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      db: { type: 'string' },
      seeds: { type: 'string', default: 'seeds' },
      corpus: { type: 'string' },
      out: { type: 'string' },
      paths: { type: 'string' },
      loaders: { type: 'string' },
    },
  });
  const { mode, db, seeds, corpus, out, paths, loaders } = values;
  if (mode === 'loader') {
    if (!db || !out || !paths || !loaders) {
      throw new Error('usage: ingest-step --mode loader --db PATH --out FILE --paths FILE --loaders per-document:0,bulk:0,bulk:2');
    }
    writeFileSync(out, JSON.stringify(await loaderMode(db, resolve(seeds), paths, parseLoaders(loaders))));
    return;
  }
  const usage = 'usage: ingest-step --mode seeds|corpus --db PATH --out FILE [--corpus DIR] [--seeds DIR]';
  if (!db || !out) throw new Error(usage);
  let result;
  if (mode === 'seeds') result = await seedsMode(db, resolve(seeds));
  else if (mode === 'corpus' && corpus) result = await corpusMode(db, resolve(seeds), resolve(corpus));
  else throw new Error(usage);
  writeFileSync(out, JSON.stringify(result));
}

await main();
