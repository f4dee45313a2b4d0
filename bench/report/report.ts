/**
 * @module The shape of bench/results/latest.json and the goals of issues 7 and 15, each with pass or
 * miss and by how much. Where both issues set a limit on the same figure, issue 15's holds.
 */
import { READER_P95_GOALS_MS, type StartAndReaders } from '../start-and-readers.js';
import type { LoadResult } from '../steps/load-step.js';
import type { MemorySample, SeedsIngestResult } from '../steps/ingest-step.js';
import type { UiResult } from '../steps/ui-step.js';
import type { LatencySummary } from '../support/stats.js';

export interface GoalResult {
  goal: string;
  measured: number;
  limit: number;
  unit: string;
  pass: boolean;
  /** measured / limit: below 1 passes an upper bound. */
  ratio: number;
  /** "under by 0.4 s" or "over by 12.3 s (4.1×)". */
  margin: string;
}

export interface LoaderFigures {
  seconds: number;
  tasksPerSec: number;
  loaded: number;
  tasksInStore: number;
}

export interface BenchReport {
  meta: { date: string; mode: 'quick' | 'full'; node: string; cpus: number; seed: number; runSeconds: number };
  seeds: SeedsIngestResult;
  corpus: {
    jurisdictions: number;
    documents: number;
    generatedUnits: number;
    loaded: number;
    failed: number;
    tasksInStore: number;
    jurisdictionMismatches: number;
    totalSeconds: number;
    docsPerSec: number;
    tasksPerSec: number;
    firstTenthDocsPerSec: number;
    lastTenthDocsPerSec: number;
    storeSeconds: number;
    peakRssMiB: number;
    slowestQueries: { name: string; calls: number; ms: number }[];
    /** The ingest process's memory as documents accumulated. */
    memory: MemorySample[];
  };
  loading: {
    sizes: {
      documents: number;
      tasks: number;
      workers: number;
      perDocument: LoaderFigures;
      bulk: LoaderFigures;
      bulkWorkers: LoaderFigures;
      /** Of the process that ran the three, one after the other. */
      peakRssMiB: number;
      /** per-document time / bulk time */
      bulkRatio: number;
      /** bulk time / bulk-with-workers time */
      workersRatio: number;
      /** per-document time / bulk-with-workers time */
      totalRatio: number;
    }[];
  };
  writes: {
    documents: number;
    rows: number;
    batchedMs: number;
    rowAtATimeMs: number;
    batchedStatements: number;
    rowAtATimeStatements: number;
    ratio: number;
  };
  search: { tasks: number; queries: number; buildMs: number; indexed: LatencySummary; scan: LatencySummary; ratioP50: number };
  resolvers: {
    pages: { pageSize: number; rows: number; batchedQueries: number; naiveQueries: number; batchedMs: number; naiveMs: number }[];
    queryRatio: number;
    timeRatio: number;
  };
  http: Record<string, LatencySummary & { errors: number }>;
  load: LoadResult;
  serverRssMiB: number;
  /** Persisted start against a cold one, 50 clients against one (see bench/start-and-readers.ts). */
  startAndReaders: StartAndReaders;
  /** How each cost grows with the corpus: the first year's documents beside every year's (`--years`); one size when a year. */
  growth: GrowthRow[];
  ui: Record<string, UiResult>;
  neo4j:
    | { skipped: string }
    | { documents: number; ingestMs: number; neo4jWritesMs: number; kuzuWritesMs: number; writesRatio: number; tasksPage: LatencySummary };
  goals: GoalResult[];
  notes: string[];
}

/** The costs of one corpus size: its load and the server over its store. */
export interface GrowthRow {
  documents: number;
  tasks: number;
  /** Bulk load with worker threads into a fresh store. */
  loadSeconds: number;
  loadPeakRssMiB: number;
  coldStartSeconds: number;
  persistedStartSeconds: number;
  /** The larger of the server's RSS when ready (persisted start) and after 50 clients. */
  serverRssMiB: number;
  /** Sequential requests over HTTP, each not asked before (coverage: the count matrix, repeated). */
  p95Ms: { search: number; lineage: number; compare: number; coverage: number };
  /** 50 clients of the mix (see start-and-readers.ts): asked again, asked new, and while documents are uploaded (null: not measured). */
  readers: {
    repeated: ReaderFigures;
    askingNew: ReaderFigures;
    whileUploading: (ReaderFigures & { uploads: number; uploadMedianMs: number; uploadMaxMs: number }) | null;
  };
}

export interface ReaderFigures {
  requestsPerSec: number;
  p99Ms: number;
  /** Failed requests: errors, non-2xx answers, timeouts and GraphQL errors alike. */
  failed: number;
}

export function failedRequestsOf(run: Pick<LoadResult, 'errors' | 'non2xx' | 'timeouts' | 'graphqlErrors'>): number {
  return run.errors + run.non2xx + run.timeouts + run.graphqlErrors;
}

export function readerFiguresOf(run: LoadResult): ReaderFigures {
  return { requestsPerSec: run.requestsPerSec, p99Ms: run.latencyP99Ms, failed: failedRequestsOf(run) };
}

function goal(goalText: string, measured: number, limit: number, unit: string, scale = 1): GoalResult {
  const pass = measured < limit;
  const difference = Math.abs(measured - limit) / scale;
  const unitText = scale === 1000 && unit === 'ms' ? 's' : unit;
  const amount = `${difference.toFixed(difference < 10 ? 1 : 0)} ${unitText}`;
  return {
    goal: goalText,
    measured,
    limit,
    unit,
    pass,
    ratio: measured / limit,
    margin: pass ? `under by ${amount}` : `over by ${amount} (${(measured / limit).toFixed(1)}× the goal)`,
  };
}

/** Issue 15: 50 clients on the mixed load (start-and-readers), overall and per kind. */
export function readerGoals(fifty: LoadResult): GoalResult[] {
  const throughput = goal('50 clients, mixed load: requests/s (at least)', fifty.requestsPerSec, 500, 'req/s');
  // A lower bound: passes above the limit.
  const enough = fifty.requestsPerSec >= 500;
  const short = Math.abs(500 - fifty.requestsPerSec).toFixed(0);
  return [
    { ...throughput, pass: enough, margin: enough ? `over by ${short} req/s` : `short by ${short} req/s` },
    goal('50 clients, mixed load: p99', fifty.latencyP99Ms, 200, 'ms'),
    noErrorsGoal('50 clients, mixed load: errors', fifty),
    ...Object.entries(READER_P95_GOALS_MS).map(([kind, limit]) =>
      goal(`50 clients, mixed load: ${kind} p95`, fifty.byKind[kind]?.p95 ?? NaN, limit, 'ms'),
    ),
  ];
}

/** Zero failed requests of a load: errors, non-2xx answers, timeouts and GraphQL errors alike. */
function noErrorsGoal(name: string, run: Pick<LoadResult, 'errors' | 'non2xx' | 'timeouts' | 'graphqlErrors'>): GoalResult {
  const errors = failedRequestsOf(run);
  return { ...goal(name, errors, 1, 'errors'), margin: errors === 0 ? 'zero errors' : `${errors} errors` };
}

/** Issue 15's corpus sizes: 3,000 documents, and ten years of them (`--years 10`). */
const NATIONAL_DOCUMENTS = 3000;

/**
 * Issue 15: 3,000 documents loaded and linked into a fresh store in ≤ 60 s; 30,000 in ≤ 10 min with
 * peak RSS ≤ 4 GiB. A corpus of up to 3,000 documents is held to the first, a larger one to the
 * second; at the smaller size the peak RSS keeps issue 7's 2 GiB.
 */
export function corpusGoals(
  corpus: Pick<BenchReport['corpus'], 'documents' | 'totalSeconds' | 'peakRssMiB'>,
  mode: 'quick' | 'full',
): GoalResult[] {
  const large = corpus.documents > NATIONAL_DOCUMENTS;
  const size = large ? '30,000-document goal' : '3,000-document goal';
  const load = goal(`corpus of ${corpus.documents} documents loaded and linked (${size})`, corpus.totalSeconds, large ? 600 : 60, 's');
  if (mode === 'quick') load.goal += ' (quick corpus: not the size of the goal)';
  return [load, goal(`corpus load peak RSS (${size})`, corpus.peakRssMiB, large ? 4096 : 2048, 'MiB')];
}

/** What each kind of request of the sequential run (bench/run.ts) asks for. */
const LATENCY_KINDS: Readonly<Record<string, string>> = {
  search: 'search',
  lineage: 'lineage',
  coverage: 'coverage of all jurisdictions (count matrix)',
  compare: 'compare',
};

/** Issue 15's p95 limits per kind (the 50 clients' too, see READER_P95_GOALS_MS), here one request at a time. */
export function latencyGoals(http: Readonly<Record<string, { p95: number } | undefined>>, ofSize = ''): GoalResult[] {
  return Object.entries(READER_P95_GOALS_MS).map(([kind, limit]) =>
    goal(`${LATENCY_KINDS[kind] ?? kind} p95 over HTTP${ofSize}`, http[kind]?.p95 ?? NaN, limit, 'ms'),
  );
}

/**
 * Issue 15's goals at the smaller size of a run over several years (the first year's documents, a
 * national corpus): the latencies are set "at both corpus sizes", and the server's start and memory
 * "on the national store". A run of one year has no smaller size.
 */
export function smallerSizeGoals(growth: readonly GrowthRow[]): GoalResult[] {
  if (growth.length < 2) return [];
  const [small] = [...growth].sort((a, b) => a.documents - b.documents);
  if (!small) return [];
  const ofSize = `, ${small.documents} documents`;
  return [
    ...latencyGoals(Object.fromEntries(Object.entries(small.p95Ms).map(([kind, p95]) => [kind, { p95 }])), ofSize),
    goal(`server ready (search and coverage from memory) after a persisted start${ofSize}`, small.persistedStartSeconds, 15, 's'),
    goal(`server RSS when ready and after 50 clients, the larger${ofSize}`, small.serverRssMiB, 1536, 'MiB'),
  ];
}

/** Issue 15: the 5,000-element lineage view under 3 s in every one of its runs, so the slowest run is the figure. */
export function lineageViewGoal(ui: BenchReport['ui']): GoalResult {
  const largest = ui['dagre:5000'];
  const runs = largest?.runs ?? 0;
  return goal(
    `lineage view with 5,000 elements drawn and laid out, slowest of ${runs} run${runs === 1 ? '' : 's'}`,
    largest?.slowestDrawMs ?? NaN,
    3000,
    'ms',
    1000,
  );
}

export function evaluateGoals(report: BenchReport): GoalResult[] {
  const { seeds, corpus, http, load, ui } = report;
  const goals = [
    goal('seeds ingest + link, warm (re-ingest)', seeds.warmReingestMs, 1000, 'ms'),
    goal('seeds ingest + link, warm process on a fresh store', seeds.warmFreshStoreMs, 1000, 'ms'),
    ...corpusGoals(corpus, report.meta.mode),
    ...latencyGoals(http),
    noErrorsGoal('errors under 50 concurrent clients', load),
    lineageViewGoal(ui),
    ...readerGoals(report.startAndReaders.fiftyClients),
    // Every answer computed (a server just started, or after a write): issue 15's 0 errors all the same.
    noErrorsGoal('50 clients asking new questions (a server asked nothing before): errors', report.startAndReaders.fiftyClientsAskingNew),
    // Issue 15's check: the same load while documents are uploaded.
    ...(report.startAndReaders.whileUploading
      ? [noErrorsGoal('50 clients while documents are uploaded: errors', report.startAndReaders.whileUploading.load)]
      : []),
    // Issue 15: the server's start and memory, at the size of the corpus this run loaded.
    goal(
      `server ready (search and coverage from memory) after a persisted start, ${corpus.documents} documents`,
      report.startAndReaders.persistedStartSeconds,
      15,
      's',
    ),
    goal(
      `server RSS when ready and after 50 clients, the larger, ${corpus.documents} documents`,
      Math.max(report.startAndReaders.persistedRssMiB, report.startAndReaders.loadedRssMiB),
      1536,
      'MiB',
    ),
    ...smallerSizeGoals(report.growth),
  ];
  return goals;
}
