/** @module bench/results/latest.md: the report as markdown tables, each design choice beside its baseline. */
import { formatStartAndReaders } from '../start-and-readers.js';
import type { BenchReport, GrowthRow, ReaderFigures } from './report.js';

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
const n = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** A ratio, or a dash where there is none (0 against 0 failed requests). */
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}×` : '—');

/** The ingest's memory as documents accumulated: what RSS holds beyond the main thread's heap is the worker threads' heaps and Kuzu's. */
function formatMemory(memory: BenchReport['corpus']['memory']): string[] {
  if (memory.length === 0) return [];
  return [
    "Memory of the corpus ingest as documents accumulate (RSS: the process; heap: the main thread's V8 heap in use, garbage not yet collected included):",
    '',
    '| Documents | Seconds | RSS | Main heap | External |',
    '|---|---|---|---|---|',
    ...memory.map(
      (sample) =>
        `| ${n(sample.documents)} | ${n(sample.seconds, 1)} | ${n(sample.rssMiB)} MiB | ${n(sample.heapUsedMiB)} MiB | ${n(sample.externalMiB)} MiB |`,
    ),
    '',
  ];
}

/** Each cost at the first year's documents beside every year's, and how much it grew. */
function formatGrowth(growth: readonly GrowthRow[]): string[] {
  const [small, large] = [...growth].sort((a, b) => a.documents - b.documents);
  if (!small || !large) return [];
  const row = (name: string, pick: (size: GrowthRow) => number, format: (value: number) => string) =>
    `| ${name} | ${format(pick(small))} | ${format(pick(large))} | ${ratio(pick(large) / pick(small))} |`;
  const seconds = (value: number) => `${n(value, 1)} s`;
  const mib = (value: number) => `${n(value)} MiB`;
  return [
    `## Growth with the corpus: ${n(small.documents)} documents (the first year) beside ${n(large.documents)} (every year)`,
    '',
    `The smaller size's load is the bulk load with worker threads of the loading section (its peak RSS: of the process that ran the three loaders); the larger's, the corpus ingest. Latencies: sequential, each search, lineage and compare not asked before.`,
    '',
    `| Cost | ${n(small.documents)} documents | ${n(large.documents)} documents | growth |`,
    '|---|---|---|---|',
    row(
      'tasks in the store',
      (size) => size.tasks,
      (value) => n(value),
    ),
    row('load into a fresh store', (size) => size.loadSeconds, seconds),
    row('load peak RSS', (size) => size.loadPeakRssMiB, mib),
    row('server start until ready, cold', (size) => size.coldStartSeconds, seconds),
    row('server start until ready, persisted', (size) => size.persistedStartSeconds, seconds),
    row('server RSS (ready, after 50 clients: the larger)', (size) => size.serverRssMiB, mib),
    row('search p95', (size) => size.p95Ms.search, ms),
    row('lineage p95', (size) => size.p95Ms.lineage, ms),
    row('compare p95', (size) => size.p95Ms.compare, ms),
    row('coverage counts of every jurisdiction p95', (size) => size.p95Ms.coverage, ms),
    ...readerRows('50 clients, the mix asked again', (size) => size.readers.repeated),
    ...readerRows('50 clients asking new questions', (size) => size.readers.askingNew),
    ...readerRows('50 clients while documents are uploaded', (size) => size.readers.whileUploading),
    ...(small.readers.whileUploading && large.readers.whileUploading
      ? [
          row('an upload under their load, median', (size) => size.readers.whileUploading?.uploadMedianMs ?? NaN, ms),
          row('an upload under their load, slowest', (size) => size.readers.whileUploading?.uploadMaxMs ?? NaN, ms),
        ]
      : []),
    '',
  ];

  /** Throughput, p99 and failed requests of a load, when both sizes measured it. */
  function readerRows(name: string, pick: (size: GrowthRow) => ReaderFigures | null): string[] {
    if (!small || !large || !pick(small) || !pick(large)) return [];
    const of = (size: GrowthRow) => pick(size) ?? { requestsPerSec: NaN, p99Ms: NaN, failed: NaN };
    return [
      row(
        `${name}: requests/s`,
        (size) => of(size).requestsPerSec,
        (value) => n(value),
      ),
      row(`${name}: p99`, (size) => of(size).p99Ms, ms),
      row(
        `${name}: failed requests`,
        (size) => of(size).failed,
        (value) => n(value),
      ),
    ];
  }
}

export function formatMarkdown(report: BenchReport): string {
  const { meta, seeds, corpus, writes, search, resolvers, http, load, ui, neo4j } = report;
  const lines: string[] = [
    `# reformgraph benchmark (${meta.mode})`,
    '',
    `${meta.date} · Node ${meta.node} · ${meta.cpus} CPUs · seed ${meta.seed} · run took ${n(meta.runSeconds / 60, 1)} min`,
    '',
    '## Goals',
    '',
    '| Goal | Measured | Limit | Result |',
    '|---|---|---|---|',
    ...report.goals.map(
      (g) =>
        `| ${g.goal} | ${g.unit === 'ms' ? ms(g.measured) : `${n(g.measured, 1)} ${g.unit}`} | ${g.unit === 'ms' ? ms(g.limit) : `${n(g.limit)} ${g.unit}`} | ${g.pass ? '✅ pass' : '❌ miss'}: ${g.margin} |`,
    ),
    '',
    '## Ingest',
    '',
    '| Measure | Value |',
    '|---|---|',
    `| Seeds (${seeds.documents} documents, ${seeds.tasks} tasks): cold store, cold process | ${ms(seeds.coldMs)} |`,
    `| Seeds: warm re-ingest (all unchanged) | ${ms(seeds.warmReingestMs)} |`,
    `| Seeds: warm process, fresh store | ${ms(seeds.warmFreshStoreMs)} |`,
    `| Corpus: ${n(corpus.jurisdictions)} jurisdictions, ${n(corpus.documents)} documents, ${n(corpus.generatedUnits)} tasks and sub-measures written | ${n(corpus.loaded)} loaded, ${corpus.failed} failed, ${n(corpus.tasksInStore)} tasks in the store, ${corpus.jurisdictionMismatches} jurisdiction mismatches |`,
    `| Corpus ingest + link, total | ${n(corpus.totalSeconds, 1)} s (${n(corpus.storeSeconds, 1)} s in store queries) |`,
    `| Throughput | ${n(corpus.docsPerSec, 2)} documents/s, ${n(corpus.tasksPerSec, 0)} tasks/s (first tenth ${n(corpus.firstTenthDocsPerSec, 2)}, last tenth ${n(corpus.lastTenthDocsPerSec, 2)} documents/s) |`,
    `| Peak RSS of the ingest process | ${n(corpus.peakRssMiB)} MiB |`,
    `| Slowest store queries | ${corpus.slowestQueries.map((q) => `${q.name} ${n(q.ms / 1000, 1)} s/${n(q.calls)}`).join(', ')} |`,
    '',
    ...formatMemory(corpus.memory),
    '## Loading: per document, bulk, bulk with worker threads (each into a fresh store)',
    '',
    '| Documents (tasks) | Per document | Bulk | Bulk + worker threads | Bulk ÷ per document | Workers ÷ bulk | Overall | Peak RSS |',
    '|---|---|---|---|---|---|---|---|',
    ...report.loading.sizes.map((size) => {
      const cell = (figures: typeof size.bulk) => `${n(figures.seconds, 1)} s, ${n(figures.tasksPerSec)} tasks/s`;
      return `| ${n(size.documents)} (${n(size.tasks)}) | ${cell(size.perDocument)} | ${cell(size.bulk)} | ${cell(size.bulkWorkers)} (${size.workers} workers) | ${ratio(size.bulkRatio)} faster | ${ratio(size.workersRatio)} faster | ${ratio(size.totalRatio)} faster | ${n(size.peakRssMiB)} MiB |`;
    }),
    '',
    '## Design choices beside their baselines',
    '',
    '| Choice | Measured | Baseline | Ratio |',
    '|---|---|---|---|',
    `| Batched \`UNWIND $rows\` writes (${writes.documents} documents, ${n(writes.rows)} rows) | ${ms(writes.batchedMs)}, ${n(writes.batchedStatements)} statements | row at a time: ${ms(writes.rowAtATimeMs)}, ${n(writes.rowAtATimeStatements)} statements | ${ratio(writes.ratio)} faster |`,
    `| Search index (${n(search.tasks)} tasks, ${search.queries} queries, built in ${ms(search.buildMs)}) | p50 ${ms(search.indexed.p50)}, p95 ${ms(search.indexed.p95)} | scan: p50 ${ms(search.scan.p50)}, p95 ${ms(search.scan.p95)} | ${ratio(search.ratioP50)} faster (p50) |`,
    ...resolvers.pages.map(
      (page) =>
        `| DataLoader batching, page of ${page.pageSize} tasks (${page.rows} returned) | ${page.batchedQueries} store queries, ${ms(page.batchedMs)} | one query per id: ${n(page.naiveQueries)} queries, ${ms(page.naiveMs)} | ${ratio(page.naiveQueries / Math.max(page.batchedQueries, 1))} fewer queries, ${ratio(page.naiveMs / page.batchedMs)} faster |`,
    ),
    ...(http.compareUncompiled && http.compare
      ? [
          `| Queries compiled by graphql-jit: compare of two jurisdictions, ${http.compare.n} new to the server | p50 ${ms(http.compare.p50)}, p95 ${ms(http.compare.p95)} | graphql-js: p50 ${ms(http.compareUncompiled.p50)}, p95 ${ms(http.compareUncompiled.p95)} | ${ratio(http.compareUncompiled.p50 / http.compare.p50)} faster (p50) |`,
        ]
      : []),
    ...Object.entries(ui)
      .filter(([key]) => key.startsWith('fcose:'))
      .map(([key, fcose]) => {
        const size = key.slice('fcose:'.length);
        const dagre = ui[`dagre:${size}`];
        return dagre
          ? `| Lineage layout dagre (the view's), ${n(dagre.elements)} elements | ${ms(dagre.drawMs)} | fcose: ${ms(fcose.drawMs)} | ${ratio(dagre.drawMs / fcose.drawMs)} of fcose's time |`
          : '';
      }),
    'skipped' in neo4j
      ? `| Kuzu against Neo4j | — | ${neo4j.skipped} | — |`
      : `| Kuzu against Neo4j (${neo4j.documents} documents) | Kuzu writes ${ms(neo4j.kuzuWritesMs)} | Neo4j writes ${ms(neo4j.neo4jWritesMs)}, task page p50 ${ms(neo4j.tasksPage.p50)} | ${ratio(neo4j.writesRatio)} |`,
    '',
    '## GraphQL over HTTP (sequential, one client)',
    '',
    "Each search, lineage and compare asks what the server was not asked before: it computes the answer (answers are shared until the next write, so a repeated request is answered with bytes ready, as `searchAgain` shows, and as most requests of the readers' mix below are). A server started from its kept files, as every start after the first is; the `…AfterColdStart` rows: a server that read the graph from the database and built its index, once ready.",
    '',
    '| Query | n | p50 | p95 | p99 | errors |',
    '|---|---|---|---|---|---|',
    ...Object.entries(http).map(([name, s]) => `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.errors} |`),
    '',
    `Concurrent load (autocannon, second process): ${load.connections} clients for ${load.durationS} s, ${n(load.requests)} requests, ${n(load.requestsPerSec, 1)} requests/s, p50 ${load.latencyP50Ms} ms, p99 ${load.latencyP99Ms} ms, errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}, GraphQL errors ${load.graphqlErrors}; server RSS after ${n(report.serverRssMiB)} MiB.`,
    '',
    `## Start and readers over the store of ${n(report.corpus.documents)} documents (persisted start against a cold one, 50 clients against one)`,
    '',
    ...formatStartAndReaders(report.startAndReaders),
    '',
    ...formatGrowth(report.growth),
    '## Lineage view in headless Chromium',
    '',
    '| Layout | Elements (nodes) | Layout done | First frame (median) | First frame (slowest run) | Renderer |',
    '|---|---|---|---|---|---|',
    ...Object.entries(ui).map(
      ([key, u]) =>
        `| ${key.split(':')[0] ?? key} | ${n(u.elements)} (${n(u.nodes)}) | ${ms(u.layoutMs)} | ${ms(u.drawMs)} | ${ms(u.slowestDrawMs)} of ${u.runs} | ${u.renderer} |`,
    ),
    '',
  ];
  if (report.notes.length > 0) lines.push('## Notes', '', ...report.notes.map((note) => `- ${note}`), '');
  return lines.filter((line) => line !== '').length > 0 ? lines.join('\n') : '';
}
