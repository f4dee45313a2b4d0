/**
 * @module The ingest pipeline: read → normalise → segment → extract → resolve → link → load.
 * Each file is processed on its own: a bad file fails alone, with its name and the reason, and
 * nothing of it is stored; the others still load.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import { ingestQueries } from '../store/queries/index.js';
import { fingerprintOf, ingestKeyOf } from './fingerprint.js';
import { IngestError, type IngestDoc, type LinkedDoc, type ReadDoc, type SourceFile } from './document.js';
import { extractDoc } from './extract/index.js';
import { linkDoc, loadLinkContext, type LinkContext } from './link/index.js';
import { citedPolicyIds, linkToLoadedParents, storedTasks, withPendingTasks } from './load/parent-links.js';
import { loadDocumentsInBulk } from './load/bulk-load.js';
import { buildGraphRows, type GraphRows } from './load/graph-rows.js';
import { loadedPolicyIdOf } from './load/ids.js';
import { loadDocument, loadDocuments, type LoadOutcome } from './load/load-document.js';
import { loadNationalCatalogue } from './load/load-catalogue.js';
import { assessQuality, type DocumentQuality } from './quality-report.js';
import { normaliseDoc } from './normalise/index.js';
import { inputFormatOf, readSource, readSourceFile } from './read/index.js';
import { loadAgencyTable, resolveDoc, type AgencyTable } from './resolve/index.js';
import { segmentDoc } from './segment/index.js';

export interface IngestOptions {
  /** Folder holding agencies.json, glossary.json, national/ and reviewed-links.json. @default 'seeds' */
  seedsDir?: string;
  /** Largest file accepted, in bytes. @default 20 MiB */
  maxBytes?: number;
  /** Documents written per transaction. @default 500 in bulk, 25 per document */
  batchSize?: number;
  /** How batches are written (see ingestPaths). @default 'bulk' */
  loader?: 'bulk' | 'per-document';
  /** Runs the text work of the files (see processFilesInOrder; a worker pool's runs it on every core). */
  processFiles?: FileProcessor;
  /** Called once per file with its outcome, when it is committed (or has failed). */
  onProgress?: (report: FileReport) => void;
}

/** Counts and the quality report of a loaded document (see quality-report.ts). */
export interface DocumentSummary extends DocumentQuality {
  title: string;
  jurisdictionId: string;
  sections: number;
  items: number;
  subMeasures: number;
  agencies: number;
  targets: number;
  links: number;
  warnings: number;
}

export type FileReport =
  | { file: string; ok: true; outcome: 'unchanged'; title: string }
  | { file: string; ok: true; outcome: Exclude<LoadOutcome, 'unchanged'>; summary: DocumentSummary }
  | { file: string; ok: false; error: string; code: string };

/** Reference data read once per run. */
export interface StageContext {
  linkContext: LinkContext;
  agencyTable: AgencyTable;
}

export async function loadStageContext(seedsDir: string): Promise<StageContext> {
  return {
    linkContext: await loadLinkContext(seedsDir),
    agencyTable: loadAgencyTable(join(seedsDir, 'agencies.json')),
  };
}

/** The pure part: every stage up to the rows to write. */
export function processDocument(doc: ReadDoc, { linkContext, agencyTable }: StageContext): LinkedDoc {
  const segmented = segmentDoc(normaliseDoc(doc));
  if (segmented.tasks.length === 0) {
    throw new IngestError(doc.source.path, 'no numbered work items were found (not a task list?)', 'NO_STRUCTURE');
  }
  return linkDoc(resolveDoc(extractDoc(segmented), { table: agencyTable }), linkContext);
}

export function summarise(doc: IngestDoc): DocumentSummary {
  const tasks = doc.tasks ?? [];
  return {
    title: doc.meta?.title ?? '',
    jurisdictionId: doc.meta?.jurisdictionId ?? '',
    sections: tasks.filter((task) => task.kind === 'section').length,
    items: tasks.filter((task) => task.kind === 'item').length,
    subMeasures: tasks.filter((task) => task.kind === 'measure').length,
    agencies: new Set([...(doc.agencies?.values() ?? [])].map((agency) => agency.id)).size,
    targets: tasks.reduce((sum, task) => sum + task.targets.length, 0),
    links: doc.links?.length ?? 0,
    warnings: doc.messages.length,
    ...assessQuality(doc),
  };
}

/** Files under the given paths with a registered format's extension (read/formats.ts), in a stable order. */
export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      files.push(path); // reported as missing by the reader, with its name
    } else if (info.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      const nested = entries
        .filter((entry) => entry.isFile() && inputFormatOf(entry.name) !== undefined)
        .map((entry) => join(path, entry.name));
      files.push(...nested);
    } else {
      files.push(path);
    }
  }
  return files;
}

/** What processing one document needs besides the store: reference data and the run's fingerprint. */
export interface SourceContext extends StageContext {
  /** See fingerprintOf: equal fingerprints and bytes mean nothing to redo. */
  fingerprint: string;
  /** Largest input accepted, in bytes. @default 20 MiB (the reader's) */
  maxBytes?: number | undefined;
}

function failureReport(file: string, error: unknown): FileReport {
  if (error instanceof IngestError) return { file, ok: false, error: error.message, code: error.code };
  const reason = error instanceof Error ? error.message : String(error);
  return { file, ok: false, error: `${file}: ${reason}`, code: 'UNEXPECTED' };
}

/** Everything after reading: skipped when already loaded with the same key, else processed and loaded in one transaction. */
async function ingestSource(store: GraphStore, source: SourceFile, context: SourceContext): Promise<FileReport> {
  const file = source.path;
  const ingestKey = ingestKeyOf(source.sha256, context.fingerprint);
  const [known] = await store.read(ingestQueries.findPolicyByIngestKey, { ingestKey });
  if (known) return { file, ok: true, outcome: 'unchanged', title: known.title };
  const processed = processDocument({ source, messages: [] }, context);
  const withParents = await linkToLoadedParents(store, processed, context.linkContext);
  const rows = buildGraphRows(withParents, { ingestKey, knownDocuments: context.linkContext.catalogue.documents });
  const outcome = await loadDocument(store, rows);
  if (outcome === 'unchanged') return { file, ok: true, outcome, title: withParents.meta.title };
  return { file, ok: true, outcome, summary: summarise(withParents) };
}

/**
 * Ingests a document received as bytes (an upload), never touching the disk: `name` gives the
 * format by its extension and names the document in messages and in Policy.sourceFile. The
 * caller loads the national catalogue (see loadNationalCatalogue) and computes the fingerprint.
 */
export async function ingestBytes(store: GraphStore, name: string, bytes: Uint8Array, context: SourceContext): Promise<FileReport> {
  const { maxBytes } = context;
  try {
    const source = await readSource(name, bytes, maxBytes === undefined ? {} : { maxBytes });
    return await ingestSource(store, source, context);
  } catch (error) {
    return failureReport(name, error);
  }
}

/** A processed document waiting for its batch's transaction. */
interface PendingDocument {
  file: string;
  rows: GraphRows;
  doc: LinkedDoc;
  citedIds: string[];
}

function loadedReport({ file, doc }: PendingDocument, outcome: LoadOutcome): FileReport {
  if (outcome === 'unchanged') return { file, ok: true, outcome, title: doc.meta.title };
  return { file, ok: true, outcome, summary: summarise(doc) };
}

/** A file after the text work: failed, already loaded with the same key, or processed and waiting to be linked and loaded. */
export type ProcessedFile =
  | { file: string; outcome: 'failed'; report: FileReport }
  | { file: string; outcome: 'unchanged'; title: string }
  | { file: string; outcome: 'processed'; doc: LinkedDoc; ingestKey: string };

/** Tells whether a file with this ingest key is loaded already, with its title. */
export type KnownKeyLookup = (ingestKey: string) => Promise<string | undefined>;

/** Reads and processes one file; the text work of the pipeline, free of the store but for `knownTitle`. */
export async function processFile(file: string, context: SourceContext, knownTitle: KnownKeyLookup): Promise<ProcessedFile> {
  const { maxBytes } = context;
  try {
    const source = await readSourceFile(file, maxBytes === undefined ? {} : { maxBytes });
    const ingestKey = ingestKeyOf(source.sha256, context.fingerprint);
    const title = await knownTitle(ingestKey);
    if (title !== undefined) return { file, outcome: 'unchanged', title };
    return { file, outcome: 'processed', doc: processDocument({ source, messages: [] }, context), ingestKey };
  } catch (error) {
    return { file, outcome: 'failed', report: failureReport(file, error) };
  }
}

/** Processes files one after the other, in order; a worker pool yields the same, in the same order (see process-pool.ts). */
export async function* processFilesInOrder(
  files: readonly string[],
  context: SourceContext,
  knownTitle: KnownKeyLookup,
): AsyncGenerator<ProcessedFile> {
  for (const file of files) yield await processFile(file, context, knownTitle);
}

/** Yields every file's ProcessedFile in input order, given the run's context and the key lookup. */
export type FileProcessor = (files: readonly string[], context: SourceContext, knownTitle: KnownKeyLookup) => AsyncIterable<ProcessedFile>;

/**
 * Ingests files and folders; the national catalogue is (re)loaded first. Documents are written
 * `batchSize` at a time in one transaction.
 * - `loader: 'bulk'` (the default) writes a batch through the database's bulk path (see
 *   load/bulk-load.ts) and links a document to the batch's earlier documents in memory, as it
 *   would find them in the store had they been loaded one by one.
 * - `loader: 'per-document'` writes each document with its own anchored writes; a document that
 *   cites one of its batch (or is cited by one) waits for the batch to commit, so links between
 *   them are found in the store.
 * When a batch fails as a whole, its documents are loaded one by one, so only a bad one fails.
 * Any path the caller names is read: this is the user's own command on the user's own files.
 * Untrusted input (an upload) never reaches here; it goes through ingestBytes as bytes only.
 */
export async function ingestPaths(
  store: GraphStore,
  paths: readonly string[],
  {
    seedsDir = 'seeds',
    maxBytes,
    onProgress,
    loader = 'bulk',
    batchSize = loader === 'bulk' ? 500 : 25,
    processFiles = processFilesInOrder,
  }: IngestOptions = {},
): Promise<FileReport[]> {
  const bulk = loader === 'bulk';
  const stageContext = await loadStageContext(resolve(seedsDir));
  const context: SourceContext = { ...stageContext, fingerprint: await fingerprintOf(resolve(seedsDir)), maxBytes };
  await loadNationalCatalogue(store, stageContext.linkContext.catalogue);
  const reports: FileReport[] = [];
  const report = (each: FileReport) => {
    onProgress?.(each);
    reports.push(each);
  };

  // A bulk load reads the loaded documents' keys once, and skips the store's task reads while it holds none.
  const knownKeys = bulk ? new Map((await store.read(ingestQueries.loadedIngestKeys)).map((row) => [row.ingestKey, row.title])) : null;
  const [taskCount] = bulk ? await store.read(ingestQueries.countNodes.Task) : [];
  let storeHasTasks = !bulk || (taskCount?.count ?? 0) > 0;
  const knownTitle: KnownKeyLookup = knownKeys
    ? async (ingestKey) => knownKeys.get(ingestKey)
    : async (ingestKey) => (await store.read(ingestQueries.findPolicyByIngestKey, { ingestKey }))[0]?.title;
  // The bulk path takes documents whose policy is not stored; one replacing a stored document or completing a stub is loaded alone (see bulk-load.ts).
  const storedPolicies = bulk ? new Set((await store.read(ingestQueries.storedPolicyIds)).map((row) => row.id)) : null;

  let batch: PendingDocument[] = [];
  const flush = async (load = bulk ? loadDocumentsInBulk : loadDocuments) => {
    const pending = batch;
    batch = [];
    if (pending.length === 0) return;
    const outcomes = await load(
      store,
      pending.map((item) => item.rows),
    ).catch(() => null);
    for (const [index, item] of pending.entries()) {
      let outcome = outcomes?.[index];
      if (outcome) {
        report(loadedReport(item, outcome));
      } else {
        // The batch failed as a whole: load its documents one by one, so only a bad one fails.
        outcome = await loadDocument(store, item.rows).catch((error: unknown) => {
          report(failureReport(item.file, error));
          return undefined;
        });
        if (outcome) report(loadedReport(item, outcome));
      }
      if (outcome) {
        knownKeys?.set(item.rows.policy.ingestKey ?? '', item.rows.policy.title);
        for (const policy of [item.rows.policy, ...item.rows.citedPolicies]) storedPolicies?.add(policy.id);
        storeHasTasks = true;
      }
    }
  };

  for await (const processed of processFiles(await listInputFiles(paths), context, knownTitle)) {
    const { file } = processed;
    if (processed.outcome === 'failed') {
      report(processed.report);
      continue;
    }
    if (processed.outcome === 'unchanged') {
      report({ file, ok: true, outcome: 'unchanged', title: processed.title });
      continue;
    }
    try {
      const { doc, ingestKey } = processed;
      const policyId = loadedPolicyIdOf(doc.meta, doc.source.sha256);
      const citedIds = citedPolicyIds(doc, context.linkContext);
      const related = batch.some(
        (item) =>
          item.rows.policy.id === policyId || (!bulk && (citedIds.includes(item.rows.policy.id) || item.citedIds.includes(policyId))),
      );
      if (related || storedPolicies?.has(policyId)) await flush();
      const loadedTasks = bulk
        ? withPendingTasks(
            storedTasks(store),
            batch.map((item) => item.rows),
            { storeHasTasks },
          )
        : storedTasks(store);
      const withParents = await linkToLoadedParents(loadedTasks, doc, context.linkContext);
      const rows = buildGraphRows(withParents, { ingestKey, knownDocuments: context.linkContext.catalogue.documents });
      batch.push({ file, rows, doc: withParents, citedIds });
      if (storedPolicies?.has(policyId)) await flush(loadDocuments);
      else if (batch.length >= batchSize) await flush();
    } catch (error) {
      report(failureReport(file, error));
    }
  }
  await flush();
  return reports;
}
