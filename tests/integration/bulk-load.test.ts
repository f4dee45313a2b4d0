/**
 * The bulk path (COPY into Kuzu) leaves the graph that document-by-document loading leaves, node
 * for node and property for property, on the development corpus of real documents (the seeds are
 * compared for every backend in the store contract).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus/generate-corpus.js';
import { ingestPaths, type BatchFallback, type FileReport, type IngestOptions } from '../../ingest/pipeline.js';
import { processFilesInPool } from '../../ingest/process-pool.js';
import type { TaskNode } from '../../graph-schema/model.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries } from '../../store/queries/index.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

const SEEDS = 'seeds';
const REAL = 'tests/fixtures/real';
const PARENT = 'tests/fixtures/parent/national-2024-key-tasks.txt';
/** A seed citing PARENT as its basis. */
const CHILD = 'seeds/003_94d87789946e72f3.txt';

const opened: TempStore[] = [];
afterEach(async () => {
  for (const temp of opened.splice(0)) await temp.close();
});

async function ingestInto(
  paths: readonly string[],
  options: IngestOptions,
  storeOptions: Parameters<typeof openTempKuzuStore>[0] = {},
): Promise<{ store: GraphStore; reports: FileReport[] }> {
  const temp = await openTempKuzuStore(storeOptions);
  opened.push(temp);
  const reports = await ingestPaths(temp.store, paths, { seedsDir: SEEDS, ...options });
  return { store: temp.store, reports };
}

/** Each file's outcome; a failure is reported when found, a loaded document when its batch commits, so the order differs. */
const outcomes = (reports: readonly FileReport[]) =>
  reports.map((report) => `${report.file}: ${report.ok ? report.outcome : report.code}`).sort();

/** Counts per label and type, then the graphs themselves: a difference is named before the whole dump is printed. */
async function expectSameGraph(actual: GraphStore, expected: GraphStore): Promise<void> {
  const [a, b] = [await graphSnapshot(actual), await graphSnapshot(expected)];
  const counts = (dump: typeof a.dump) => ({
    ...Object.fromEntries(Object.entries(dump.nodes).map(([label, rows]) => [label, rows.length])),
    ...Object.fromEntries(Object.entries(dump.relationships).map(([type, rows]) => [type, rows.length])),
  });
  expect(counts(a.dump)).toEqual(counts(b.dump));
  expect(a.dump.nodes.Task.length).toBeGreaterThan(0);
  if (a.checksum !== b.checksum) expect(a.dump).toEqual(b.dump);
  expect(a.checksum).toBe(b.checksum);
}

describe('bulk loading', () => {
  it('gives the development corpus and a parent document cited by a seed the same graph, in one batch and in batches of three', async () => {
    // The child before its parent: the parent's tasks are linked from the child's in the same batch.
    const childFirst = [REAL, CHILD, PARENT];
    const perDocument = await ingestInto(childFirst, { loader: 'per-document', batchSize: 1 });
    expect((await graphSnapshot(perDocument.store)).dump.relationships.DERIVES_FROM.length).toBeGreaterThan(0);
    const oneBatch = await ingestInto(childFirst, { loader: 'bulk' });
    expect(outcomes(oneBatch.reports)).toEqual(outcomes(perDocument.reports));
    await expectSameGraph(oneBatch.store, perDocument.store);

    // Later batches COPY into tables that hold the earlier ones (every batch copied, however few
    // its rows: see COPIED_FROM_NODE_ROWS); the parent completes the stub the child's batch wrote
    // (alone, through loadDocuments) and a new document follows it.
    const inBatches = [REAL, CHILD, PARENT, 'seeds/000_aa2cf58d52cbffab.txt'];
    const reference = await ingestInto(inBatches, { loader: 'per-document', batchSize: 1 });
    const smallBatches = await ingestInto(inBatches, { loader: 'bulk', batchSize: 3 }, { copiedFromNodeRows: 0 });
    expect(outcomes(smallBatches.reports)).toEqual(outcomes(reference.reports));
    await expectSameGraph(smallBatches.store, reference.store);
  }, 480_000);

  it('gives the same graph with the text work on worker threads', async () => {
    const paths = [SEEDS, PARENT];
    const perDocument = await ingestInto(paths, { loader: 'per-document', batchSize: 1 });
    const pooled = await ingestInto(paths, { loader: 'bulk', processFiles: processFilesInPool({ seedsDir: SEEDS, workers: 2 }) });
    expect(outcomes(pooled.reports)).toEqual(outcomes(perDocument.reports));
    await expectSameGraph(pooled.store, perDocument.store);
  }, 240_000);

  describe('on a generated corpus whose county lists cite their prefecture’s', () => {
    const corpusDir = mkdtempSync(join(tmpdir(), 'reformgraph-corpus-'));
    afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));
    const entries = writeCorpus(corpusDir, { jurisdictions: 12, seed: 3 }).files;
    const pathsOf = (picked: typeof entries) => picked.map((entry) => join(corpusDir, entry.file));
    const files = pathsOf(entries);

    it('gives the same graph when a document cites one of the batch being written, with the links found in memory', async () => {
      // Prefectures come before their counties: a county's parent is in its batch, in the batch being written or committed.
      const perDocument = await ingestInto(files, { loader: 'per-document', batchSize: 1 });
      expect((await graphSnapshot(perDocument.store)).dump.relationships.DERIVES_FROM.length).toBeGreaterThan(0);
      const pooled = await ingestInto(files, {
        loader: 'bulk',
        batchSize: 3,
        processFiles: processFilesInPool({ seedsDir: SEEDS, workers: 2 }),
      });
      expect(outcomes(pooled.reports)).toEqual(outcomes(perDocument.reports));
      await expectSameGraph(pooled.store, perDocument.store);
    }, 240_000);

    it('gives the same graph when the documents citing one were committed by earlier batches', async () => {
      // Every county before every prefecture: a prefecture's citing counties are stored by then (batches of two).
      const countiesFirst = pathsOf([...entries.filter((entry) => entry.cites), ...entries.filter((entry) => !entry.cites)]);
      const perDocument = await ingestInto(countiesFirst, { loader: 'per-document', batchSize: 1 });
      expect((await graphSnapshot(perDocument.store)).dump.relationships.DERIVES_FROM.length).toBeGreaterThan(0);
      const inBatches = await ingestInto(countiesFirst, { loader: 'bulk', batchSize: 2 });
      expect(outcomes(inBatches.reports)).toEqual(outcomes(perDocument.reports));
      await expectSameGraph(inBatches.store, perDocument.store);
    }, 240_000);
  });

  it('writes every batch of documents sharing agencies in bulk into a fresh store, knowing the stored agencies without reading them', async () => {
    const temp = await openTempKuzuStore();
    opened.push(temp);
    const readsInTransactions: string[] = [];
    let failedTransactions = 0;
    // A bulk write that failed would fall back to document-by-document loading, giving the same graph.
    const watched: GraphStore = {
      ...temp.store,
      backend: temp.store.backend,
      queryCount: 0,
      read: (query, params) => temp.store.read(query, params),
      transaction: (work) =>
        temp.store
          .transaction((tx) =>
            work({
              read: (query, params) => {
                readsInTransactions.push(query.name);
                return tx.read(query, params);
              },
              write: (query, rows, params) => tx.write(query, rows, params),
            }),
          )
          .catch((error: unknown) => {
            failedTransactions += 1;
            throw error;
          }),
    };
    // The development corpus's documents of one city name the same agencies, batch after batch.
    const reports = await ingestPaths(watched, [REAL], { seedsDir: SEEDS, loader: 'bulk', batchSize: 3 });
    expect(reports.filter((report) => report.ok && report.outcome === 'created').length).toBeGreaterThan(6);
    const { dump } = await graphSnapshot(temp.store);
    const documentsPerAgency = new Map<string, Set<unknown>>();
    for (const edge of dump.relationships.RESPONSIBLE) {
      const policy = dump.nodes.Task.find((task) => task.id === edge.from)?.policyId;
      documentsPerAgency.set(String(edge.to), (documentsPerAgency.get(String(edge.to)) ?? new Set()).add(policy));
    }
    expect(Math.max(...[...documentsPerAgency.values()].map((documents) => documents.size))).toBeGreaterThan(3);
    expect(failedTransactions).toBe(0);
    expect(readsInTransactions).not.toContain(ingestQueries.agenciesExisting.name);
  }, 240_000);

  it('copies text with commas, quotes, backslashes and newlines, empty strings and nulls as they are', async () => {
    const temp = await openTempKuzuStore();
    opened.push(temp);
    const task = (id: string, text: string, deadline: string | null, parentId: string | null): TaskNode => ({
      ...{ id, key: '（一）', path: id, kind: 'item', title: text.slice(0, 4), text, seq: 1, depth: 1, spanStart: 0, spanEnd: text.length },
      ...{ deadline, deadlineText: deadline, policyId: 'p', jurisdictionId: '110000', parentId },
    });
    const tasks = [
      task('p#一', '牵头单位：区卫健委，配合单位："区医保局"', '2025-12-31', null),
      task('p#一/1', '第一行\n第二行\r\n路径 C:\\医改\\"任务"', null, 'p#一'),
      task('p#一/2', '', '', 'p#一'), // '' is not null: this row cannot go through a CSV file
    ];
    await temp.store.transaction(async (tx) => {
      await tx.write(ingestQueries.bulkCreate.Task, tasks);
      await tx.write(ingestQueries.bulkCreate.HAS_PART, [
        { from: 'p#一', to: 'p#一/1' },
        { from: 'p#一', to: 'p#一/2' },
      ]);
    });
    const { dump } = await graphSnapshot(temp.store);
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.id).localeCompare(String(b.id));
    expect([...dump.nodes.Task].sort(byId)).toEqual([...tasks].sort(byId));
    expect(dump.relationships.HAS_PART).toHaveLength(2);
  });

  it('changes nothing when the same documents are loaded again in bulk', async () => {
    const { store } = await ingestInto([PARENT, SEEDS], { loader: 'bulk' });
    const before = await graphSnapshot(store);
    const again = await ingestPaths(store, [PARENT, SEEDS], { seedsDir: SEEDS, loader: 'bulk' });
    expect(again.every((report) => report.ok && report.outcome === 'unchanged')).toBe(true);
    expect((await graphSnapshot(store)).checksum).toBe(before.checksum);
  }, 240_000);

  it('keeps what was stored and loads the good documents of a batch when one file is bad or a bulk write fails', async () => {
    const { store } = await ingestInto([PARENT], { loader: 'bulk' });
    const stored = await graphSnapshot(store);
    let failBulkWrites = true;
    // Every bulk creation fails while the flag is up: the batch falls back to document-by-document loading.
    const flaky: GraphStore = {
      ...store,
      backend: store.backend,
      queryCount: 0,
      read: (query, params) => store.read(query, params),
      transaction: (work) =>
        store.transaction((tx) =>
          work({
            read: (query, params) => tx.read(query, params),
            write: async (query, rows, params) => {
              if (failBulkWrites && query.bulkTable && rows.length > 0) throw new Error('disk full');
              await tx.write(query, rows, params);
            },
          }),
        ),
    };
    const fallbacks: BatchFallback[] = [];
    const reports = await ingestPaths(flaky, [SEEDS, 'tests/fixtures/bad/no-structure.txt'], {
      seedsDir: SEEDS,
      loader: 'bulk',
      onBatchFallback: (fallback) => fallbacks.push(fallback),
    });
    failBulkWrites = false;
    // The fallback is said, with its cause, never taken silently.
    expect(fallbacks.map(({ loader, reason }) => ({ loader, reason }))).toEqual([{ loader: 'bulk', reason: 'disk full' }]);
    expect(fallbacks[0]!.files.filter((file) => file.startsWith('seeds/'))).toHaveLength(5);
    expect(reports.filter((report) => !report.ok).map((report) => report.file)).toEqual(['tests/fixtures/bad/no-structure.txt']);
    expect(reports.filter((report) => report.ok && report.outcome === 'created')).toHaveLength(5);
    const after = await graphSnapshot(store);
    for (const parent of stored.dump.nodes.Task) expect(after.dump.nodes.Task).toContainEqual(parent);

    const reference = await ingestInto([PARENT, SEEDS], { loader: 'per-document', batchSize: 1 });
    await expectSameGraph(store, reference.store);
  }, 240_000);
});
