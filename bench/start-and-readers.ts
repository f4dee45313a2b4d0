/**
 * @module One section of the bench (`npm run bench` runs it over its store; alone:
 * `npx tsx bench/start-and-readers.ts [--jurisdictions N] [--years Y] [--seconds S] [--while-uploading]`), side by side in one run
 * over one store: the server's start as `npm start` runs it (the seeds ingested when they changed)
 * with the kept graph and search index persisted beside the database against a cold start
 * (reading and indexing it from the database), 50 clients against one, and the server's resident
 * memory. Alone, it prints its Markdown table; with --while-uploading, only the readers' load while
 * documents are uploaded, as JSON.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openKuzuStore } from '../store/kuzu-store.js';
import { writeCorpus } from './corpus/generate-corpus.js';
import { createRandom } from './corpus/prng.js';
import { loadBodies, READERS_MIX_REQUESTS, readSamples, runChild, runLoad, uploadDocuments } from './run.js';
import type { LoadBody, LoadResult } from './steps/load-step.js';
import { startServer, type ServerProcess } from './support/server-process.js';
import { summarise, type LatencySummary } from './support/stats.js';

export interface StartAndReaders {
  coldStartSeconds: number;
  persistedStartSeconds: number;
  coldRssMiB: number;
  persistedRssMiB: number;
  /** What each start printed once ready: where it had the kept graph and search index from. */
  coldReadyLine: string | null;
  persistedReadyLine: string | null;
  oneClient: LoadResult;
  fiftyClients: LoadResult;
  /**
   * 50 clients of the same mix on a server asked nothing before (another persisted start): every
   * answer computed, none shared yet, as after a write.
   */
  fiftyClientsAskingNew: LoadResult;
  /** 50 clients of the mix while documents are uploaded one after another, on a copy of the store; null when no documents were given. */
  whileUploading: { load: LoadResult; uploads: LatencySummary & { failed: number } } | null;
  loadedRssMiB: number;
  /** The server's CPU time (user and system) per request answered under each load, in ms. */
  oneClientCpuMsPerRequest: number;
  fiftyClientsCpuMsPerRequest: number;
}

/** CPU seconds a process has used, user and system (Linux /proc, in clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The load and the server's CPU time per request it answered, in ms. */
async function loadWithCpu(
  server: ServerProcess,
  bodies: LoadBody[],
  workDir: string,
  options: Parameters<typeof runLoad>[3],
): Promise<{ load: LoadResult; cpuMsPerRequest: number }> {
  const before = cpuSecondsOf(server.pid);
  const load = await runLoad(server, bodies, workDir, options);
  return { load, cpuMsPerRequest: ((cpuSecondsOf(server.pid) - before) * 1000) / Math.max(1, load.requests) };
}

async function timedStart(db: string): Promise<{ server: ServerProcess; seconds: number }> {
  const started = performance.now();
  const server = await startServer({ db, ingestOnStart: true });
  return { server, seconds: (performance.now() - started) / 1000 };
}

/**
 * Cold start, then persisted start over the files the cold one wrote, then 1 and 50 clients on it;
 * then 50 clients on a server started again from those files.
 */
export async function measureStartAndReaders({
  db,
  bodies,
  workDir,
  seconds,
  log = (line) => process.stderr.write(`${line}\n`),
  beforeLoads,
  uploads = [],
}: {
  db: string;
  bodies: LoadBody[];
  workDir: string;
  seconds: number;
  log?: (line: string) => void;
  /** Documents to upload while 50 clients read (issue 15: the readers' load while documents are uploaded). */
  uploads?: readonly UploadDocument[];
  /** Asked of the persisted start's server once its RSS is read, before the loads: a server started from its kept files, not asked anything yet. */
  beforeLoads?: (url: string) => Promise<void>;
}): Promise<StartAndReaders> {
  // The files the server keeps beside a Kuzu database (see server/start-app.ts).
  for (const file of [`${db}.kept.jsonl`, `${db}.search-index`]) rmSync(file, { force: true });
  log('start: cold (kept graph read from the database, search index built)');
  const cold = await timedStart(db);
  const coldRssMiB = cold.server.rssMiB();
  await cold.server.stop();

  log('start: persisted (kept graph and search index loaded from their files)');
  const persisted = await timedStart(db);
  const persistedRssMiB = persisted.server.rssMiB();
  try {
    await beforeLoads?.(persisted.server.url);
    log(`readers: 1 client, then 50, ${seconds} s each`);
    const one = await loadWithCpu(persisted.server, bodies, workDir, { connections: 1, seconds });
    const fifty = await loadWithCpu(persisted.server, bodies, workDir, { connections: 50, seconds });
    const loadedRssMiB = persisted.server.rssMiB();
    await persisted.server.stop();
    log(`readers: 50 clients on a server asked nothing before, ${seconds} s`);
    const fresh = await startServer({ db, ingestOnStart: true });
    const fiftyAskingNew = await runLoad(fresh, bodies, workDir, { connections: 50, seconds }).finally(() => fresh.stop());
    const whileUploading = uploads.length > 0 ? await readersWhileUploading({ db, bodies, workDir, seconds, uploads, log }) : null;
    return {
      coldStartSeconds: cold.seconds,
      persistedStartSeconds: persisted.seconds,
      coldRssMiB,
      persistedRssMiB,
      coldReadyLine: cold.server.readyLine,
      persistedReadyLine: persisted.server.readyLine,
      oneClient: one.load,
      fiftyClients: fifty.load,
      fiftyClientsAskingNew: fiftyAskingNew,
      whileUploading,
      loadedRssMiB,
      oneClientCpuMsPerRequest: one.cpuMsPerRequest,
      fiftyClientsCpuMsPerRequest: fifty.cpuMsPerRequest,
    };
  } finally {
    await persisted.server.stop();
  }
}

export interface UploadDocument {
  name: string;
  text: string;
}

/**
 * 50 clients of the mix while the documents are uploaded one after another (POST /api/documents,
 * each when the one before is answered) until the load ends, on a copy of the store beside
 * `workDir`: the store measured stays as it was. An upload is answered once the new document is
 * searchable.
 */
async function readersWhileUploading({
  db,
  bodies,
  workDir,
  seconds,
  uploads,
  log,
}: {
  db: string;
  bodies: LoadBody[];
  workDir: string;
  seconds: number;
  uploads: readonly UploadDocument[];
  log: (line: string) => void;
}): Promise<NonNullable<StartAndReaders['whileUploading']>> {
  log(`readers: 50 clients while ${uploads.length} documents are uploaded one after another, ${seconds} s`);
  const copyDir = join(workDir, 'upload-store');
  rmSync(copyDir, { recursive: true, force: true });
  mkdirSync(copyDir, { recursive: true });
  const copy = join(copyDir, 'db.kuzu');
  // With the kept files, so that the copy starts as the store did (see server/start-app.ts).
  for (const suffix of ['', '.wal', '.kept.jsonl', '.search-index', '.task-rows', '.task-rows.index.json'])
    if (existsSync(db + suffix)) cpSync(db + suffix, copy + suffix);
  const token = randomBytes(16).toString('hex');
  const server = await startServer({ db: copy, writeToken: token });
  try {
    const readers = { done: false };
    const load = runLoad(server, bodies, workDir, { connections: 50, seconds }).finally(() => (readers.done = true));
    const times: number[] = [];
    let failed = 0;
    for (const { name, text } of uploads) {
      if (readers.done) break;
      const started = performance.now();
      const response = await fetch(server.url.replace(/\/graphql$/u, '/api/documents'), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-file-name': encodeURIComponent(name) },
        body: text,
      });
      await response.text();
      times.push(performance.now() - started);
      if (!response.ok) failed += 1;
    }
    return { load: await load, uploads: { ...summarise(times), failed } };
  } finally {
    await server.stop();
    rmSync(copyDir, { recursive: true, force: true });
  }
}

/** Issue 15's p95 goal for each kind of the readers' mix, in ms (the page of tasks has none). */
export const READER_P95_GOALS_MS: Readonly<Record<string, number>> = { search: 20, lineage: 10, compare: 50, coverage: 100 };

/** Latency per kind of request: 50 clients asking again, asking new questions, and one client, against each kind's goal. */
function formatKinds({ fiftyClients, fiftyClientsAskingNew, oneClient }: StartAndReaders): string[] {
  const cell = (summary: LatencySummary | undefined) =>
    summary && summary.n > 0
      ? `${summary.p50.toFixed(0)} / ${summary.p95.toFixed(0)} / ${summary.p99.toFixed(0)} ms (n ${summary.n})`
      : '—';
  const overall = (run: LoadResult) =>
    `${run.latencyP50Ms.toFixed(0)} / ${run.latencyP95Ms.toFixed(0)} / ${run.latencyP99Ms.toFixed(0)} ms (n ${run.requests})`;
  const runs = [fiftyClients, fiftyClientsAskingNew, oneClient];
  const kinds = [...new Set(runs.flatMap((run) => Object.keys(run.byKind)))];
  return [
    '| kind | 50 clients p50 / p95 / p99 | 50 clients asking new questions | 1 client p50 / p95 / p99 | goal |',
    '|---|---|---|---|---|',
    ...kinds.map((kind) => {
      const goal = READER_P95_GOALS_MS[kind];
      return `| ${kind} | ${runs.map((run) => cell(run.byKind[kind])).join(' | ')} | ${goal === undefined ? '' : `p95 ≤ ${goal} ms`} |`;
    }),
    `| all | ${runs.map(overall).join(' | ')} | 50 clients: ≥ 500 requests/s, p99 ≤ 200 ms |`,
  ];
}

/** The section's tables, each figure beside its baseline. */
export function formatStartAndReaders(result: StartAndReaders): string[] {
  const row = (name: string, value: string, against: string, ratio: string) => `| ${name} | ${value} | ${against} | ${ratio} |`;
  const load = (run: LoadResult) =>
    `${run.requestsPerSec.toFixed(0)} req/s, p50 ${run.latencyP50Ms.toFixed(0)} ms, p99 ${run.latencyP99Ms.toFixed(0)} ms, ${run.errors + run.non2xx + run.graphqlErrors + run.timeouts} errors`;
  const { coldStartSeconds: cold, persistedStartSeconds: persisted, coldRssMiB, persistedRssMiB, oneClient, fiftyClients } = result;
  return [
    '| measure | this design | baseline | ratio |',
    '|---|---|---|---|',
    row(
      'start until ready (search and coverage from memory)',
      `${persisted.toFixed(1)} s persisted`,
      `${cold.toFixed(1)} s cold`,
      `${(cold / persisted).toFixed(1)}× faster`,
    ),
    row('how the start got ready', result.persistedReadyLine ?? '?', result.coldReadyLine ?? '?', ''),
    row(
      'server RSS when ready',
      `${persistedRssMiB.toFixed(0)} MiB persisted`,
      `${coldRssMiB.toFixed(0)} MiB cold`,
      (persistedRssMiB / coldRssMiB).toFixed(2),
    ),
    row(
      'mixed search/lineage/compare/coverage/tasks load',
      `50 clients: ${load(fiftyClients)}`,
      `1 client: ${load(oneClient)}`,
      `${(fiftyClients.requestsPerSec / oneClient.requestsPerSec).toFixed(1)}× the throughput`,
    ),
    row(
      '50 clients on a server asked nothing before (every answer computed, as after a write)',
      load(result.fiftyClientsAskingNew),
      `asking again: ${load(fiftyClients)}`,
      `${(result.fiftyClientsAskingNew.requestsPerSec / fiftyClients.requestsPerSec).toFixed(2)}× the throughput`,
    ),
    ...(result.whileUploading
      ? [
          row(
            '50 clients while documents are uploaded one after another (a copy of the store)',
            load(result.whileUploading.load),
            `asking again: ${load(fiftyClients)}`,
            `${(result.whileUploading.load.requestsPerSec / fiftyClients.requestsPerSec).toFixed(2)}× the throughput`,
          ),
          row(
            'an upload under that load, until the document is searchable',
            `${result.whileUploading.uploads.n} uploads: p50 ${(result.whileUploading.uploads.p50 / 1000).toFixed(1)} s, slowest ${(result.whileUploading.uploads.max / 1000).toFixed(1)} s, ${result.whileUploading.uploads.failed} refused`,
            '',
            '',
          ),
        ]
      : []),
    row('server RSS after the load', `${result.loadedRssMiB.toFixed(0)} MiB`, '', ''),
    row(
      "server's CPU time per request",
      `50 clients: ${result.fiftyClientsCpuMsPerRequest.toFixed(2)} ms`,
      `1 client: ${result.oneClientCpuMsPerRequest.toFixed(2)} ms`,
      (result.fiftyClientsCpuMsPerRequest / result.oneClientCpuMsPerRequest).toFixed(2),
    ),
    '',
    // What the per-kind figures are: loadBodies cycles the same 200 requests for the whole run.
    `The mix cycles the same ${READERS_MIX_REQUESTS} requests (${READERS_MIX_REQUESTS / 5} of each kind) for ${oneClient.durationS} s: after the first round each is answered with the bytes of its shared answer (computed once per version of the graph), so these figures are those of repeated questions, except for the 50 clients on a server started again; the sequential section times new ones one at a time.`,
    '',
    ...formatKinds(result),
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      jurisdictions: { type: 'string', default: '30' },
      seconds: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '1' },
      'while-uploading': { type: 'boolean', default: false },
    },
  });
  const jurisdictions = Number(values.jurisdictions);
  const years = Number(values.years);
  const workDir = resolve('data/bench', `readers-${jurisdictions}${years > 1 ? `-y${years}` : ''}`);
  const seedsDir = resolve('seeds');
  const db = join(workDir, 'store', 'db.kuzu');
  mkdirSync(workDir, { recursive: true });
  const random = createRandom(Number(values.seed));
  const corpusDir = join(workDir, 'corpus');
  const manifest = writeCorpus(corpusDir, { jurisdictions, seed: Number(values.seed), seedsDir, years });
  if (!existsSync(db)) {
    process.stderr.write(`corpus ingest: ${manifest.documents} documents\n`);
    await runChild(
      'bench/steps/ingest-step.ts',
      ['--mode', 'corpus', '--db', db, '--corpus', corpusDir, '--seeds', seedsDir],
      join(workDir, 'corpus-result.json'),
    );
  }
  const store = await openKuzuStore({ path: db });
  const samples = await readSamples(store, manifest, random.fork('samples'), 40);
  await store.close();
  if (values['while-uploading']) {
    // The kept files written first, as `npm start` leaves them: the copy uploaded to starts from them.
    await (await startServer({ db })).stop();
    const uploads = uploadDocuments(join(workDir, 'uploads'), { seed: Number(values.seed), seedsDir });
    const { load, uploads: times } = await readersWhileUploading({
      db,
      bodies: loadBodies(samples, random.fork('load')),
      workDir,
      seconds: Number(values.seconds),
      uploads,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const { requestsPerSec, latencyP50Ms, latencyP99Ms, errors, byKind } = load;
    process.stdout.write(`${JSON.stringify({ requestsPerSec, latencyP50Ms, latencyP99Ms, errors, uploads: times, byKind })}\n`);
    return;
  }
  const result = await measureStartAndReaders({
    db,
    bodies: loadBodies(samples, random.fork('load')),
    workDir,
    seconds: Number(values.seconds),
  });
  const storeLine = `Store: ${manifest.documents} documents, ${manifest.units} tasks and sub-measures (${jurisdictions} jurisdictions)`;
  process.stdout.write([storeLine, '', ...formatStartAndReaders(result), ''].join('\n'));
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench section failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
