/**
 * @module `npm run bench [-- --quick | --soak] [--jurisdictions N] [--years Y] [--seed S]`: every figure of
 * issues 7 and 15 in one run, each design choice beside its baseline, written to bench/results/latest.json
 * and latest.md. The ingests run in child processes (their peak RSS is their own), the server runs
 * as `npm start` would over the bench store, the load comes from a second process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { COMPARE, COVERAGE, COVERAGE_COUNTS, LINEAGE, SEARCH } from '../client/src/api/queries.js';
import { ingestPaths } from '../ingest/pipeline.js';
import { createApp } from '../server/app.js';
import { silentLogger } from '../server/logger.js';
import { foldText, splitTerms } from '../server/search/fold-text.js';
import { createSearchIndex, type SearchDocument } from '../server/search/search-index.js';
import { segmentWords } from '../server/search/segment-words.js';
import { makeSnippet } from '../server/search/snippet.js';
import type { GraphStore } from '../store/graph-store.js';
import { openKuzuStore } from '../store/kuzu-store.js';
import { openStore, storeConfigFromEnv } from '../store/open-store.js';
import { readQueries } from '../store/queries/index.js';
import { writeCorpus, type CorpusManifest } from './corpus/generate-corpus.js';
import { createRandom, type Random } from './corpus/prng.js';
import { formatMarkdown } from './report/format-markdown.js';
import { evaluateGoals, readerFiguresOf, type BenchReport, type GrowthRow } from './report/report.js';
import type { CorpusIngestResult, LoaderIngestResult, SeedsIngestResult } from './steps/ingest-step.js';
import { measureStartAndReaders, type StartAndReaders, type UploadDocument } from './start-and-readers.js';
import type { LoadBody, LoadResult } from './steps/load-step.js';
import { measureLineageDraw } from './steps/ui-step.js';
import { perIdReadStore, rowAtATimeStore, timedStore } from './support/instrumented-store.js';
import { startServer, withoutNeo4j, type ServerProcess } from './support/server-process.js';
import { slope, summarise, type LatencySummary } from './support/stats.js';

const cliArgs = z.object({
  quick: z.boolean(),
  soak: z.boolean(),
  jurisdictions: z.coerce.number().int().min(2).max(3300).optional(),
  seed: z.coerce.number().int().min(0),
  years: z.coerce.number().int().min(1).max(30),
  'soak-minutes': z.coerce.number().positive(),
  'reuse-store': z.boolean(),
});

export interface BenchOptions {
  quick: boolean;
  jurisdictions: number;
  seed: number;
  /** Documents per jurisdiction, one a year (see generate-corpus). @default 1 */
  years?: number;
  /** @default 'data/bench' */
  workDir?: string;
  /** @default 'bench/results' */
  resultsDir?: string;
  log?: (line: string) => void;
  /** Skip the corpus ingest when the previous run's store and figures are there. @default false */
  reuseStore?: boolean;
}

/**
 * Sizes of each measurement. A quick run (the bench test's, in CI) keeps the report's shape and
 * runs each code path once at the smallest size that still gives its figure: a few requests of
 * each kind, loads of 2 s, one document for the writes, one loader comparison, the layouts'
 * baseline (fcose) at the smaller size of the lineage view only.
 */
function plan(quick: boolean) {
  return quick
    ? {
        requests: 10,
        coverageRequests: 3,
        loadSeconds: 2,
        writeDocs: 1,
        searchQueries: 40,
        uiRuns: 1,
        uiSizes: [1000, 5000],
        uiBaselineSizes: [1000],
        loaderShares: [1],
      }
    : {
        requests: 200,
        coverageRequests: 20,
        loadSeconds: 20,
        writeDocs: 20,
        searchQueries: 200,
        // Issue 15: under 3 s in every one of five runs.
        uiRuns: 5,
        uiSizes: [1000, 5000],
        uiBaselineSizes: [1000, 5000],
        loaderShares: [0.1, 1],
      };
}

export function runChild(
  script: string,
  args: readonly string[],
  outFile: string,
  { nodeFlags = [] }: { /** Flags for node before the script (V8's heap sizes). @default [] */ nodeFlags?: readonly string[] } = {},
): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args, '--out', outFile], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: withoutNeo4j(process.env),
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
      // Progress lines of a long ingest ("  250 documents in 80 s") are passed on.
      for (const line of chunk.toString().split('\n')) if (/^ {2}\d+ documents in/u.test(line)) process.stderr.write(`${line}\n`);
    });
    child.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`${script} exited with ${String(code)}: ${stderr}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(readFileSync(outFile, 'utf8')));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

// --- GraphQL bodies -----------------------------------------------------------------------------

/** A page of tasks with everything the task list shows: agencies, targets and links. */
export const TASK_PAGE = /* GraphQL */ `
  query TaskPage($jurisdictionId: ID, $limit: Int, $offset: Int) {
    tasks(jurisdictionId: $jurisdictionId, limit: $limit, offset: $offset) {
      id
      key
      title
      kind
      order
      policy {
        id
        title
      }
      jurisdiction {
        id
        name
      }
      parent {
        id
        key
      }
      agencies {
        name
        type
        role
        agency {
          id
          name
          nameEn
        }
      }
      targets {
        text
        metric
        op
        value
        unit
        by
      }
      implements {
        nationalItem {
          id
          titleZh
          pillar
        }
        score
        method
        kind
      }
      derivesFrom {
        to {
          id
        }
        score
      }
    }
  }
`;

const SEARCH_PHRASES = [
  '医保支付',
  '家庭医生签约',
  '公立医院薪酬制度改革',
  'DRG付费',
  '分级诊疗',
  '紧密型县域医共体',
  '药品耗材集中采购',
  '疾病预防控制',
  '中医药',
  '县域内就诊率',
  '按病种付费',
  '互联网+医疗健康',
];

interface Samples {
  taskIds: string[];
  jurisdictionIds: string[];
  phrases: string[];
  documents: SearchDocument[];
}

/** Substrings of task texts that a researcher might type: 2–6 Chinese characters. */
function phrasesFrom(documents: readonly SearchDocument[], random: Random, count: number): string[] {
  const phrases = [...SEARCH_PHRASES];
  while (phrases.length < count && documents.length > 0) {
    const text = random.pick(documents).text.replace(/[^\u4e00-\u9fff]/gu, '');
    if (text.length < 8) continue;
    const length = random.int(2, 6);
    const start = random.int(0, text.length - length);
    phrases.push(text.slice(start, start + length));
  }
  return phrases;
}

export async function readSamples(store: GraphStore, manifest: CorpusManifest, random: Random, phraseCount: number): Promise<Samples> {
  const rows = await store.read(readQueries.searchableTasks);
  const documents = rows.map(({ id, title, text, jurisdictionId }) => ({ id, title, text, jurisdictionId }));
  return {
    documents,
    taskIds: random.sample(documents, 500).map((doc) => doc.id),
    // Once each: over several years a jurisdiction has a file a year, and a compare of it with itself is no compare.
    jurisdictionIds: [...new Set(manifest.files.map((file) => file.jurisdictionId))],
    phrases: phrasesFrom(documents, random, phraseCount),
  };
}

// --- Side-by-side measurements in process ----------------------------------------------------------

/**
 * The search index against a scan doing the same work without it: every task's folded text is
 * checked for the terms, jieba words fill up a short result as the index does, the hits are ranked
 * by occurrences and get a snippet. Only the inverted index is missing.
 */
function compareSearch(documents: readonly SearchDocument[], phrases: readonly string[], limit = 20) {
  const buildStarted = performance.now();
  const index = createSearchIndex(documents);
  const buildMs = performance.now() - buildStarted;
  const folded = documents.map((doc) => {
    const content = doc.text.includes(doc.title) ? doc.text : `${doc.title}\n${doc.text}`;
    return { id: doc.id, content, folded: foldText(content) };
  });
  const occurrences = (text: string, term: string) => {
    let count = 0;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) count += 1;
    return count;
  };
  const scan = (query: string) => {
    const terms = splitTerms(query);
    const hits: { doc: (typeof folded)[number]; score: number; terms: string[] }[] = [];
    for (const doc of folded) {
      if (terms.every((term) => doc.folded.includes(term)))
        hits.push({ doc, score: terms.reduce((sum, term) => sum + occurrences(doc.folded, term), 0), terms });
    }
    if (hits.length < limit) {
      const words = [...new Set(terms.flatMap((term) => (term.length > 2 ? segmentWords(term) : [term])))];
      const exact = new Set(hits.map((hit) => hit.doc.id));
      for (const doc of folded) {
        if (exact.has(doc.id)) continue;
        const found = words.filter((word) => doc.folded.includes(word));
        if (found.length > 0 && (words.length === 1 || found.length * 2 >= words.length)) {
          hits.push({ doc, score: found.reduce((sum, word) => sum + occurrences(doc.folded, word), 0) / 10, terms: found });
        }
      }
    }
    return hits
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((hit) => ({ id: hit.doc.id, snippet: makeSnippet(hit.doc.content, hit.doc.folded, hit.terms) }));
  };
  const indexed: number[] = [];
  const scanned: number[] = [];
  for (const phrase of phrases) {
    let started = performance.now();
    index.search(phrase, { limit });
    indexed.push(performance.now() - started);
    started = performance.now();
    scan(phrase);
    scanned.push(performance.now() - started);
  }
  const indexedSummary = summarise(indexed);
  const scanSummary = summarise(scanned);
  return {
    tasks: documents.length,
    queries: phrases.length,
    buildMs,
    indexed: indexedSummary,
    scan: scanSummary,
    ratioP50: scanSummary.p50 / indexedSummary.p50,
  };
}

async function postApp(app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown>) {
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { errors?: { message: string }[]; data?: Record<string, unknown[]> };
  const [firstError] = answer.errors ?? [];
  if (firstError) throw new Error(`GraphQL error: ${firstError.message}`);
  return answer;
}

/** Store queries and time for a page of tasks, with DataLoader batching and with one query per id. */
async function compareResolvers(store: GraphStore, pageSizes: readonly number[]) {
  // One query per id is the baseline's cost, not an error: on the full store it outlasts the API's 15 s timeout.
  const limits = { timeoutMs: 30 * 60_000 };
  const batched = createApp({ store, logger: silentLogger, limits });
  const naive = createApp({ store: perIdReadStore(store), logger: silentLogger, limits });
  const rows = [];
  for (const limit of pageSizes) {
    const measure = async (app: typeof batched) => {
      await postApp(app, TASK_PAGE, { limit: 2 }); // warm the prepared statements
      const before = store.queryCount;
      const started = performance.now();
      const answer = await postApp(app, TASK_PAGE, { limit });
      return { ms: performance.now() - started, queries: store.queryCount - before, rows: answer.data?.tasks?.length ?? 0 };
    };
    const a = await measure(batched);
    const b = await measure(naive);
    rows.push({ pageSize: limit, rows: a.rows, batchedQueries: a.queries, naiveQueries: b.queries, batchedMs: a.ms, naiveMs: b.ms });
  }
  const last = rows.at(-1);
  if (!last) throw new Error('compareResolvers: no page sizes to measure');
  return { pages: rows, queryRatio: last.naiveQueries / last.batchedQueries, timeRatio: last.naiveMs / last.batchedMs };
}

/** The same documents loaded with batched UNWIND writes and with one statement per row. */
async function compareWrites(corpusDir: string, files: readonly string[], workDir: string, seedsDir: string) {
  const paths = files.map((file) => join(corpusDir, file));
  const run = async (name: string, wrap: (store: GraphStore) => GraphStore) => {
    const path = join(workDir, `writes-${name}`, 'db.kuzu');
    rmSync(join(workDir, `writes-${name}`), { recursive: true, force: true });
    const inner = await openKuzuStore({ path });
    await inner.applySchema();
    const timed = timedStore(wrap(inner));
    await ingestPaths(timed.store, paths, { seedsDir });
    await inner.close();
    const writes = timed.timings().filter((timing) => timing.kind === 'write');
    return {
      ms: writes.reduce((sum, timing) => sum + timing.ms, 0),
      rows: writes.reduce((sum, timing) => sum + timing.rows, 0),
      statements: inner.queryCount,
    };
  };
  const batched = await run('batched', (store) => store);
  const rowAtATime = await run('row-at-a-time', rowAtATimeStore);
  return {
    documents: files.length,
    rows: batched.rows,
    batchedMs: batched.ms,
    rowAtATimeMs: rowAtATime.ms,
    batchedStatements: batched.statements,
    rowAtATimeStatements: rowAtATime.statements,
    ratio: rowAtATime.ms / batched.ms,
  };
}

/**
 * Each loader into a fresh store, at each corpus size (the first `documents` files of the corpus):
 * the per-document path, the bulk path, and the bulk path with the text work on a worker thread per
 * core. The three share one child process per size (one start-up, paid before the first, the
 * baseline); its peak RSS is the largest of the three.
 */
export async function compareLoaders(
  corpusDir: string,
  manifest: CorpusManifest,
  workDir: string,
  seedsDir: string,
  sizes: readonly number[],
  /** Where to keep the store the last size's bulk load with worker threads wrote (else it is removed). */
  keepStore?: string,
) {
  const workers = availableParallelism();
  const rows = [];
  for (const documents of sizes) {
    const files = manifest.files.slice(0, documents).map((file) => join(corpusDir, file.file));
    const pathsFile = join(workDir, `loader-paths-${documents}.json`);
    writeFileSync(pathsFile, JSON.stringify(files));
    const dir = join(workDir, 'loaders');
    rmSync(dir, { recursive: true, force: true });
    const args = [
      '--mode',
      'loader',
      '--db',
      join(dir, 'db.kuzu'),
      '--seeds',
      seedsDir,
      '--paths',
      pathsFile,
      '--loaders',
      `per-document:0,bulk:0,bulk:${workers}`,
    ];
    const [perDocument, bulk, bulkWorkers] = (await runChild(
      'bench/steps/ingest-step.ts',
      args,
      join(workDir, 'loaders.json'),
    )) as LoaderIngestResult[];
    if (keepStore && documents === sizes.at(-1)) {
      // The third loader's store (ingest-step names the stores of its runs `<db>-<index>`), its WAL and shadow file too.
      rmSync(dirname(keepStore), { recursive: true, force: true });
      mkdirSync(dirname(keepStore), { recursive: true });
      for (const name of readdirSync(dir).filter((each) => each.startsWith('db.kuzu-2'))) {
        renameSync(join(dir, name), `${keepStore}${name.slice('db.kuzu-2'.length)}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (!perDocument || !bulk || !bulkWorkers) throw new Error('the loader comparison returned fewer than three runs');
    const rate = (result: LoaderIngestResult) => ({
      seconds: result.totalMs / 1000,
      tasksPerSec: result.tasksInStore / (result.totalMs / 1000),
      loaded: result.loaded,
      tasksInStore: result.tasksInStore,
    });
    rows.push({
      documents: files.length,
      tasks: manifest.files.slice(0, documents).reduce((sum, file) => sum + file.units, 0),
      workers,
      perDocument: rate(perDocument),
      bulk: rate(bulk),
      bulkWorkers: rate(bulkWorkers),
      peakRssMiB: bulkWorkers.peakRssMiB,
      bulkRatio: perDocument.totalMs / bulk.totalMs,
      workersRatio: bulk.totalMs / bulkWorkers.totalMs,
      totalRatio: perDocument.totalMs / bulkWorkers.totalMs,
    });
  }
  return { sizes: rows };
}

// --- Over HTTP ---------------------------------------------------------------------------------------

async function postHttp(url: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { ms, ok: response.ok && !text.includes('"errors"') };
}

async function latency(
  url: string,
  count: number,
  next: () => { query: string; variables: Record<string, unknown> },
): Promise<LatencySummary & { errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < Math.min(3, count); i += 1) {
    const { query, variables } = next();
    await postHttp(url, query, variables); // warm-up, not counted
  }
  for (let i = 0; i < count; i += 1) {
    const { query, variables } = next();
    const result = await postHttp(url, query, variables);
    times.push(result.ms);
    if (!result.ok) errors += 1;
  }
  return { ...summarise(times), errors };
}

function requestMakers(samples: Samples, random: Random) {
  return {
    search: () => ({ query: SEARCH, variables: { text: random.pick(samples.phrases), limit: 20 } }),
    lineage: () => ({ query: LINEAGE, variables: { taskId: random.pick(samples.taskIds) } }),
    /** The counts of every jurisdiction, as the explorer's overview asks for them. */
    coverage: () => ({ query: COVERAGE_COUNTS, variables: {} }),
    /** The same matrix as the coverage view asks for it (a status and count per cell, each column's documents), for every jurisdiction. */
    coverageCells: () => ({ query: COVERAGE, variables: {} }),
    /** The same with each cell's task ids (211,000 on the full corpus). */
    coverageWithTaskIds: () => ({ query: COVERAGE.replace(/taskCount/u, 'taskCount\n        taskIds'), variables: {} }),
    compare: () => {
      const [a, b] = random.sample(samples.jurisdictionIds, 2);
      return { query: COMPARE, variables: { a, b } };
    },
    tasksPage: () => ({ query: TASK_PAGE, variables: { jurisdictionId: random.pick(samples.jurisdictionIds), limit: 50 } }),
  };
}

/**
 * The sequential section's requests, each asking what this server process was not asked before:
 * answers are shared per version of the graph (server/context/shared-answers.ts), so a request
 * repeated is answered with bytes ready, and a latency over repeats measures that cache, not the
 * search, lineage or compare a researcher waits for. `searchAgain` asks the searches already
 * asked, to show the difference. When a kind has fewer distinct requests than asked for (a quick
 * corpus's pairs of jurisdictions), they come round again.
 */
function newRequestMakers(samples: Samples, random: Random, count: number) {
  const cycle = <T>(items: readonly T[]) => {
    let at = 0;
    return () => {
      const item = items[at % items.length];
      at += 1;
      if (item === undefined) throw new Error('newRequestMakers: nothing to ask');
      return item;
    };
  };
  const phrases = [...new Set(samples.phrases)];
  const asked: string[] = [];
  const nextPhrase = cycle(phrases);
  const jurisdictions = samples.jurisdictionIds;
  const pairs = new Map<string, [string, string]>();
  const possiblePairs = (jurisdictions.length * (jurisdictions.length - 1)) / 2;
  while (pairs.size < Math.min(count, possiblePairs)) {
    const [a, b] = random.sample(jurisdictions, 2);
    if (a !== undefined && b !== undefined) pairs.set([a, b].sort().join(' '), [a, b]);
  }
  const nextPair = cycle([...pairs.values()]);
  const again = cycle(asked);
  return {
    search: () => {
      const text = nextPhrase();
      asked.push(text);
      return { query: SEARCH, variables: { text, limit: 20 } };
    },
    searchAgain: () => ({ query: SEARCH, variables: { text: again(), limit: 20 } }),
    lineage: (() => {
      const next = cycle(random.shuffle(samples.taskIds));
      return () => ({ query: LINEAGE, variables: { taskId: next() } });
    })(),
    compare: () => {
      const [a, b] = nextPair();
      return { query: COMPARE, variables: { a, b } };
    },
  };
}

/** Requests in the readers' mix, cycled for the whole of a load run. */
export const READERS_MIX_REQUESTS = 200;

/** The readers' mix: the issue's search, lineage, compare and coverage counts of every jurisdiction, and a page of tasks, in turn. */
export function loadBodies(samples: Samples, random: Random, count = READERS_MIX_REQUESTS): LoadBody[] {
  const make = requestMakers(samples, random);
  const kinds = (['search', 'lineage', 'compare', 'coverage', 'tasksPage'] as const).map((kind) => ({ kind, make: make[kind] }));
  return Array.from({ length: count }, (_, i) => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i % kinds.length is an index of kinds
    const { kind, make: next } = kinds[i % kinds.length]!;
    return { kind, body: JSON.stringify(next()) };
  });
}

export async function runLoad(
  server: ServerProcess,
  bodies: LoadBody[],
  workDir: string,
  options: { connections: number; seconds: number; rate?: number },
): Promise<LoadResult> {
  const bodiesFile = join(workDir, 'load-bodies.json');
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const args = [
    '--url',
    server.url,
    '--bodies',
    bodiesFile,
    '--connections',
    String(options.connections),
    '--duration',
    String(options.seconds),
  ];
  if (options.rate) args.push('--rate', String(options.rate));
  return (await runChild('bench/steps/load-step.ts', args, join(workDir, 'load-result.json'), {
    // autocannon makes a string of every answer's body (hundreds of KB for a compare or a coverage,
    // hundreds of MB a second): with V8's default young generation the client spent half its CPU
    // collecting them and, on the same two cores as the server, took more CPU per request than the
    // server did (2.4 ms against 0.4–0.9 ms; 1.3 ms with 64 MiB semi-spaces).
    nodeFlags: ['--max-semi-space-size=64'],
  })) as LoadResult;
}

/** Runs `measure` against a started server, then stops it; a failed request says what the server was doing. */
async function measureServer<T>(server: ServerProcess, measure: (url: string, server: ServerProcess) => Promise<T>): Promise<T> {
  try {
    return await measure(server.url, server);
  } catch (error) {
    // A failed fetch says only "fetch failed": say why (its cause) and what the server was doing.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${cause}; ${server.describe()}`, { cause: error });
  } finally {
    await server.stop();
  }
}

// --- Growth with the corpus ------------------------------------------------------------------------

type SequentialLatencies = Pick<BenchReport['http'], 'search' | 'lineage' | 'compare' | 'coverage'>;

/**
 * Documents new to the bench's store (the corpus of another seed) for the readers' load while
 * documents are uploaded: more than a load's time has uploads.
 */
export function uploadDocuments(dir: string, { seed, seedsDir }: { seed: number; seedsDir: string }): UploadDocument[] {
  const manifest = writeCorpus(dir, { jurisdictions: 30, seed: seed + 1, seedsDir, years: 1 });
  return manifest.files.map((entry) => ({ name: entry.file, text: readFileSync(join(dir, entry.file), 'utf8') }));
}

/**
 * The server over the store of the corpus's first `documents` documents, measured as the full
 * store is (start and readers; sequential search, lineage, compare and coverage, each search,
 * lineage and compare not asked before), for the growth section.
 */
async function measureServingAt(
  db: string,
  manifest: CorpusManifest,
  documents: number,
  random: Random,
  {
    workDir,
    sizes,
    log,
    uploads,
  }: { workDir: string; sizes: ReturnType<typeof plan>; log: (line: string) => void; uploads: readonly UploadDocument[] },
): Promise<{ startAndReaders: StartAndReaders; http: SequentialLatencies }> {
  const files = manifest.files.slice(0, documents);
  const store = await openKuzuStore({ path: db });
  const samples = await readSamples(store, { ...manifest, documents: files.length, files }, random.fork('samples'), sizes.searchQueries);
  await store.close();
  const extra = phrasesFrom(samples.documents, random.fork('http-phrases'), sizes.requests * 2);
  const httpSamples = { ...samples, phrases: [...new Set([...samples.phrases, ...extra])], documents: [] };
  samples.documents = [];
  let http: SequentialLatencies | undefined;
  const startAndReaders = await measureStartAndReaders({
    db,
    bodies: loadBodies(samples, random.fork('load')),
    workDir,
    seconds: sizes.loadSeconds,
    log,
    uploads,
    // On the persisted start's server, as the full store's are asked of a server started from its kept files.
    beforeLoads: async (url) => {
      const make = requestMakers(samples, random.fork('http'));
      const fresh = newRequestMakers(httpSamples, random.fork('http'), sizes.requests + 3);
      http = {
        search: await latency(url, sizes.requests, fresh.search),
        lineage: await latency(url, sizes.requests, fresh.lineage),
        compare: await latency(url, sizes.requests, fresh.compare),
        coverage: await latency(url, sizes.coverageRequests, make.coverage),
      };
    },
  });
  if (!http) throw new Error('measureServingAt: the sequential requests were not measured');
  return { startAndReaders, http };
}

function growthRow(
  { documents, tasks, loadSeconds, loadPeakRssMiB }: Pick<GrowthRow, 'documents' | 'tasks' | 'loadSeconds' | 'loadPeakRssMiB'>,
  startAndReaders: StartAndReaders,
  http: SequentialLatencies,
): GrowthRow {
  const uploading = startAndReaders.whileUploading;
  return {
    documents,
    tasks,
    loadSeconds,
    loadPeakRssMiB,
    coldStartSeconds: startAndReaders.coldStartSeconds,
    persistedStartSeconds: startAndReaders.persistedStartSeconds,
    serverRssMiB: Math.max(startAndReaders.persistedRssMiB, startAndReaders.loadedRssMiB),
    p95Ms: { search: http.search.p95, lineage: http.lineage.p95, compare: http.compare.p95, coverage: http.coverage.p95 },
    readers: {
      repeated: readerFiguresOf(startAndReaders.fiftyClients),
      askingNew: readerFiguresOf(startAndReaders.fiftyClientsAskingNew),
      whileUploading: uploading && {
        ...readerFiguresOf(uploading.load),
        uploads: uploading.uploads.n,
        uploadMedianMs: uploading.uploads.p50,
        uploadMaxMs: uploading.uploads.max,
      },
    },
  };
}

// --- Neo4j ---------------------------------------------------------------------------------------

async function compareNeo4j(corpusDir: string, files: readonly string[], seedsDir: string, kuzuWritesMs: number) {
  const config = storeConfigFromEnv();
  if (config.backend !== 'neo4j') return { skipped: 'NEO4J_URI is not set: Kuzu against Neo4j not measured' };
  const store = await openStore(config);
  try {
    const timed = timedStore(store);
    const started = performance.now();
    await ingestPaths(
      timed.store,
      files.map((file) => join(corpusDir, file)),
      { seedsDir },
    );
    const ingestMs = performance.now() - started;
    const writesMs = timed
      .timings()
      .filter((timing) => timing.kind === 'write')
      .reduce((sum, timing) => sum + timing.ms, 0);
    const app = createApp({ store, logger: silentLogger });
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const t0 = performance.now();
      await postApp(app, TASK_PAGE, { limit: 50 });
      times.push(performance.now() - t0);
    }
    return {
      documents: files.length,
      ingestMs,
      neo4jWritesMs: writesMs,
      kuzuWritesMs,
      writesRatio: writesMs / kuzuWritesMs,
      tasksPage: summarise(times),
    };
  } finally {
    await store.close();
  }
}

// --- The run -----------------------------------------------------------------------------------------

export async function runBench({
  quick,
  jurisdictions,
  seed,
  years = 1,
  workDir: baseDir = 'data/bench',
  resultsDir = 'bench/results',
  reuseStore = false,
  log = (line) => process.stderr.write(`${line}\n`),
}: BenchOptions): Promise<BenchReport> {
  const sizes = plan(quick);
  const workDir = resolve(baseDir, quick ? 'quick' : 'full');
  const seedsDir = resolve('seeds');
  mkdirSync(workDir, { recursive: true });
  const random = createRandom(seed);
  const started = performance.now();
  const notes: string[] = [];

  log(`corpus: ${jurisdictions} jurisdictions${years > 1 ? ` × ${years} years` : ''}, seed ${seed}`);
  const corpusDir = join(workDir, 'corpus');
  const manifest = writeCorpus(corpusDir, { jurisdictions, seed, seedsDir, years });
  const uploads = uploadDocuments(join(workDir, 'uploads'), { seed, seedsDir });

  log('seeds: cold, warm re-ingest, warm process on a fresh store');
  rmSync(join(workDir, 'seeds-store'), { recursive: true, force: true });
  const seeds = (await runChild(
    'bench/steps/ingest-step.ts',
    ['--mode', 'seeds', '--db', join(workDir, 'seeds-store', 'db.kuzu'), '--seeds', seedsDir],
    join(workDir, 'seeds-result.json'),
  )) as SeedsIngestResult;

  const storeDir = join(workDir, 'store');
  const db = join(storeDir, 'db.kuzu');
  const corpusResultFile = join(workDir, 'corpus-result.json');
  let corpus: CorpusIngestResult;
  if (reuseStore && existsSync(db) && existsSync(corpusResultFile)) {
    log('corpus ingest: reusing the store and figures of the previous run (--reuse-store)');
    // A store of a run before memory was sampled has none.
    const reused = JSON.parse(readFileSync(corpusResultFile, 'utf8')) as Omit<CorpusIngestResult, 'memory'> & Partial<CorpusIngestResult>;
    corpus = { ...reused, memory: reused.memory ?? [] };
    notes.push('corpus ingest figures are from the previous run (--reuse-store), measured with the same code and corpus');
  } else {
    log(`corpus ingest: ${manifest.documents} documents, ${manifest.units} tasks and sub-measures`);
    rmSync(storeDir, { recursive: true, force: true });
    corpus = (await runChild(
      'bench/steps/ingest-step.ts',
      ['--mode', 'corpus', '--db', db, '--corpus', corpusDir, '--seeds', seedsDir],
      corpusResultFile,
    )) as CorpusIngestResult;
  }
  const jurisdictionMismatches = manifest.files.filter(
    (file) => corpus.jurisdictions[file.file] !== undefined && corpus.jurisdictions[file.file] !== file.jurisdictionId,
  ).length;
  const corpusSeconds = corpus.totalMs / 1000;

  // Over several years, the loaders are compared on the first year's documents (a national corpus:
  // each jurisdiction's list once, the generator's first documents) and the corpus ingest above is
  // the bulk load with worker threads of them all; the per-document and one-thread baselines of
  // every year's documents would take hours. That first year's store is kept for the growth section.
  const firstYear = years > 1 ? Math.round(manifest.documents / years) : null;
  const loaderSizes = firstYear
    ? [firstYear]
    : [...new Set(sizes.loaderShares.map((share) => Math.max(1, Math.round(manifest.documents * share))))];
  log(`loading: per document, bulk, bulk with worker threads, at ${loaderSizes.map(String).join(' and ')} documents`);
  const firstYearDb = firstYear ? join(workDir, 'first-year-store', 'db.kuzu') : undefined;
  const loading = await compareLoaders(corpusDir, manifest, workDir, seedsDir, loaderSizes, firstYearDb);

  log('writes: batched UNWIND against row at a time');
  const writeFiles = manifest.files.slice(0, sizes.writeDocs).map((file) => file.file);
  const writes = await compareWrites(corpusDir, writeFiles, workDir, seedsDir);

  log('search index against scan; batched against naive resolvers');
  const store = await openKuzuStore({ path: db });
  const samples = await readSamples(store, manifest, random.fork('samples'), sizes.searchQueries);
  // Over several years, the index is compared with a scan over as many tasks as a year has, drawn at
  // random from every year's: over all 2 million tasks of 30,000 documents, the index and the scan's
  // folded texts ran this process out of heap (4 GiB). The server's index of every year's tasks is
  // measured over HTTP below.
  const searched = firstYear
    ? random.fork('search-share').sample(samples.documents, Math.round(samples.documents.length / years))
    : samples.documents;
  const search = compareSearch(searched, samples.phrases);
  const resolvers = await compareResolvers(store, [10, 50, 200]);
  await store.close();
  // A phrase for each search timed over HTTP, none asked twice (the warm-ups' too).
  const httpSamples = {
    ...samples,
    phrases: [...new Set([...samples.phrases, ...phrasesFrom(samples.documents, random.fork('http-phrases'), sizes.requests * 2)])],
  };
  // The client timing requests should not hold every task's text: its own garbage collection would count in the latency.
  samples.documents = [];
  httpSamples.documents = [];

  log('server: latency over HTTP and concurrent load');
  // A server that read the graph from the database and built its index (the first start after an
  // ingest), once ready and its kept files written; then the same after a start from those files,
  // as every later start is, which the goal rows, the rest of the section and the readers' section measure.
  // The files the server keeps beside a Kuzu database (see server/start-app.ts): a store reused from the last run has them.
  // Over the kept tasks' budget a task rows file is written too, from every document (server/context/task-rows-file.ts): minutes on 30,000 documents.
  for (const suffix of ['.kept.jsonl', '.search-index', '.task-rows', '.task-rows.index.json']) rmSync(`${db}${suffix}`, { force: true });
  // Loading the seeds when they changed, as the starts of the readers' section do (timedStart): in a store
  // reused from an earlier run, seeds an older ingest code loaded are loaded again here, before the files
  // are written, not by the readers' cold start, which left the task rows file of another version: the
  // readers were then answered from the database while it was written again (a quarter of the throughput).
  const coldServer = await startServer({ db, ingestOnStart: true, untilPersisted: true, timeoutMs: 45 * 60_000 });
  notes.push(
    `the first start over the store, its files written beside the database: ${coldServer.readyLine ?? '?'}; ${coldServer.persistedLine ?? '?'}`,
  );
  const afterColdStart = await measureServer(coldServer, async (url) => {
    const make = newRequestMakers(httpSamples, random.fork('http-cold'), sizes.requests + 3);
    return {
      searchAfterColdStart: await latency(url, sizes.requests, make.search),
      lineageAfterColdStart: await latency(url, sizes.requests, make.lineage),
      compareAfterColdStart: await latency(url, sizes.requests, make.compare),
    };
  });
  let serverRssMiB = 0;
  const { http, load } = await measureServer(await startServer({ db }), async (url, server) => {
    const make = requestMakers(samples, random.fork('http'));
    const fresh = newRequestMakers(httpSamples, random.fork('http'), sizes.requests + 3);
    const http: Record<string, LatencySummary & { errors: number }> = {
      search: await latency(url, sizes.requests, fresh.search),
      searchAgain: await latency(url, sizes.requests, fresh.searchAgain),
      lineage: await latency(url, sizes.requests, fresh.lineage),
      coverage: await latency(url, sizes.coverageRequests, make.coverage),
      coverageCells: await latency(url, sizes.coverageRequests, make.coverageCells),
      coverageWithTaskIds: await latency(url, sizes.coverageRequests, make.coverageWithTaskIds),
      compare: await latency(url, sizes.requests, fresh.compare),
      tasksPage: await latency(url, sizes.requests, make.tasksPage),
      ...afterColdStart,
    };
    const load = await runLoad(server, loadBodies(samples, random.fork('load')), workDir, { connections: 50, seconds: sizes.loadSeconds });
    serverRssMiB = server.rssMiB();
    return { http, load };
  });
  // The baseline of compiled queries: the same compares, new to a server executing them with graphql-js.
  http.compareUncompiled = await measureServer(await startServer({ db, environment: { COMPILED_QUERIES: '0' } }), (url) =>
    latency(url, sizes.requests, newRequestMakers(httpSamples, random.fork('http'), sizes.requests + 3).compare),
  );

  log('start and readers: persisted start against a cold one, 50 clients against one');
  const startAndReaders = await measureStartAndReaders({
    db,
    bodies: loadBodies(samples, random.fork('load')),
    workDir,
    seconds: sizes.loadSeconds,
    log,
    uploads,
  });

  const growth = [
    growthRow(
      { documents: manifest.documents, tasks: corpus.tasksInStore, loadSeconds: corpusSeconds, loadPeakRssMiB: corpus.peakRssMiB },
      startAndReaders,
      { search: http.search, lineage: http.lineage, compare: http.compare, coverage: http.coverage } as SequentialLatencies,
    ),
  ];
  const [firstYearLoad] = loading.sizes;
  if (firstYear && firstYearDb && firstYearLoad) {
    log(`growth: the server over the first year's ${firstYear} documents, measured as over all ${manifest.documents}`);
    const smaller = await measureServingAt(firstYearDb, manifest, firstYear, random.fork('first-year'), { workDir, sizes, log, uploads });
    const load = { documents: firstYear, tasks: firstYearLoad.bulkWorkers.tasksInStore, loadPeakRssMiB: firstYearLoad.peakRssMiB };
    growth.unshift(growthRow({ ...load, loadSeconds: firstYearLoad.bulkWorkers.seconds }, smaller.startAndReaders, smaller.http));
  }

  log('UI: lineage view draw and layout in headless Chromium');
  const ui = await measureLineageDraw({
    sizes: sizes.uiSizes,
    baselineSizes: sizes.uiBaselineSizes,
    runs: sizes.uiRuns,
    outDir: join(workDir, 'ui-dist'),
    layouts: ['dagre', 'fcose'],
    warmUp: !quick,
  });

  log('Kuzu against Neo4j');
  const neo4j = await compareNeo4j(corpusDir, writeFiles, seedsDir, writes.batchedMs);
  if ('skipped' in neo4j) notes.push(neo4j.skipped);

  const [firstFailure] = corpus.failed;
  if (firstFailure) notes.push(`${corpus.failed.length} corpus documents failed to load, e.g. ${firstFailure.error}`);
  if (corpus.tasksInStore !== manifest.units) {
    notes.push(`the store holds ${corpus.tasksInStore} corpus tasks where the generator wrote ${manifest.units}`);
  }
  if (jurisdictionMismatches > 0)
    notes.push(`${jurisdictionMismatches} corpus documents resolved to another jurisdiction than the one they were written for`);

  const report: BenchReport = {
    meta: {
      date: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      seed,
      runSeconds: 0,
    },
    seeds,
    corpus: {
      jurisdictions,
      documents: manifest.documents,
      generatedUnits: manifest.units,
      loaded: corpus.loaded,
      failed: corpus.failed.length,
      tasksInStore: corpus.tasksInStore,
      jurisdictionMismatches,
      totalSeconds: corpusSeconds,
      docsPerSec: corpus.loaded / corpusSeconds,
      tasksPerSec: corpus.tasksInStore / corpusSeconds,
      firstTenthDocsPerSec: corpus.firstTenthDocsPerSec,
      lastTenthDocsPerSec: corpus.lastTenthDocsPerSec,
      storeSeconds: corpus.storeMs / 1000,
      peakRssMiB: corpus.peakRssMiB,
      slowestQueries: corpus.queryTimings.slice(0, 6).map((timing) => ({ name: timing.name, calls: timing.calls, ms: timing.ms })),
      memory: corpus.memory,
    },
    loading,
    writes,
    search,
    resolvers,
    http,
    load,
    serverRssMiB,
    startAndReaders,
    growth,
    ui,
    neo4j,
    goals: [],
    notes,
  };
  report.goals = evaluateGoals(report);
  report.meta.runSeconds = (performance.now() - started) / 1000;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), formatMarkdown(report));
  return report;
}

/** Issue 8 item 8: moderate load for a while, sampling the server's memory; flat memory and no errors. */
export async function runSoak({
  minutes,
  quick,
  seed,
  log = (line: string) => process.stderr.write(`${line}\n`),
}: {
  minutes: number;
  quick: boolean;
  seed: number;
  log?: (line: string) => void;
}) {
  const workDir = resolve('data/bench', quick ? 'quick' : 'full');
  const db = join(workDir, 'store', 'db.kuzu');
  if (!existsSync(join(workDir, 'corpus', 'manifest.json')) || !existsSync(db)) {
    throw new Error(`the soak runs over the store of an earlier \`npm run bench${quick ? ' -- --quick' : ''}\`; none in ${workDir}`);
  }
  const manifest = JSON.parse(readFileSync(join(workDir, 'corpus', 'manifest.json'), 'utf8')) as CorpusManifest;
  const random = createRandom(seed);
  const store = await openKuzuStore({ path: db, readOnly: true });
  const samples = await readSamples(store, manifest, random.fork('samples'), 100);
  await store.close();
  const server = await startServer({ db });
  const rss: { x: number; y: number }[] = [];
  try {
    const started = Date.now();
    const sampler = setInterval(() => rss.push({ x: (Date.now() - started) / 60_000, y: server.rssMiB() }), 5_000);
    log(`soak: ${minutes} min at 5 connections, 10 requests/s`);
    const load = await runLoad(server, loadBodies(samples, random.fork('load')), workDir, {
      connections: 5,
      seconds: Math.round(minutes * 60),
      rate: 10,
    });
    clearInterval(sampler);
    // The first minute fills caches and the JIT; the slope is taken over the rest.
    const steady = rss.filter((point) => point.x >= Math.min(1, minutes / 4));
    const result = {
      minutes,
      load,
      rssSamples: rss.length,
      rssStartMiB: steady[0]?.y ?? NaN,
      rssEndMiB: steady.at(-1)?.y ?? NaN,
      rssMaxMiB: Math.max(...rss.map((point) => point.y)),
      rssSlopeMiBPerMin: slope(steady),
      errors: load.errors + load.non2xx + load.timeouts + load.graphqlErrors,
    };
    // A leak shows as memory that keeps growing; memory handed back after the warm-up is not one.
    const flat = result.rssSlopeMiBPerMin < 2;
    const md = [
      '# Soak (issue 8, item 8)',
      '',
      '| Measure | Value |',
      '|---|---|',
      `| Duration | ${minutes} min, 5 connections at 10 requests/s |`,
      `| Requests | ${load.requests} (${load.requestsPerSec.toFixed(1)}/s), p99 ${load.latencyP99Ms} ms |`,
      `| Errors | ${result.errors} |`,
      `| Server RSS | ${result.rssStartMiB.toFixed(0)} → ${result.rssEndMiB.toFixed(0)} MiB (max ${result.rssMaxMiB.toFixed(0)}) |`,
      `| RSS slope after warm-up | ${result.rssSlopeMiBPerMin.toFixed(2)} MiB/min — ${flat ? (result.rssSlopeMiBPerMin < -2 ? 'falling' : 'flat') : 'growing'} (goal: not growing, < 2 MiB/min) |`,
      `| Result | ${flat && result.errors === 0 ? 'pass' : 'miss'} |`,
      '',
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/soak.json', `${JSON.stringify({ ...result, rss }, null, 2)}\n`);
    writeFileSync('bench/results/soak.md', md);
    return result;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      jurisdictions: { type: 'string' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '1' },
      'soak-minutes': { type: 'string', default: '10' },
      'reuse-store': { type: 'boolean', default: false },
    },
  });
  const args = cliArgs.parse(values);
  if (args.soak) {
    const result = await runSoak({ minutes: args['soak-minutes'], quick: args.quick, seed: args.seed });
    process.stdout.write(
      `soak: ${result.errors} errors, RSS slope ${result.rssSlopeMiBPerMin.toFixed(2)} MiB/min; bench/results/soak.md\n`,
    );
    return;
  }
  const report = await runBench({
    quick: args.quick,
    jurisdictions: args.jurisdictions ?? (args.quick ? 30 : 3000),
    seed: args.seed,
    years: args.years,
    reuseStore: args['reuse-store'],
  });
  process.stdout.write(formatMarkdown(report));
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
