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
import {
  citedPolicyIds,
  linkToLoadedParents,
  storedTasks,
  storedTasksOfRun,
  withPendingTasks,
  type LoadedTask,
  type LoadedTasks,
} from './load/parent-links.js';
import { loadDocumentsInBulk } from './load/bulk-load.js';
import { buildGraphRows, type GraphRows } from './load/graph-rows.js';
import { loadedPolicyIdOf, taskIdOf } from './load/ids.js';
import { loadDocument, loadDocuments, type LoadOutcome } from './load/load-document.js';
import { loadNationalCatalogue } from './load/load-catalogue.js';
import { assessQuality, type DocumentQuality } from './quality-report.js';
import { normaliseDoc } from './normalise/index.js';
import { inputFormatOf, readSource, readSourceFile, withReadingNotes } from './read/index.js';
import { loadAgencyTable, resolveDoc, type AgencyTable } from './resolve/index.js';
import { segmentDoc } from './segment/index.js';

export interface IngestOptions {
  /** Folder holding agencies.json, glossary.json, national/ and reviewed-links.json. @default 'seeds' */
  seedsDir?: string;
  /** Largest file accepted, in bytes. @default 20 MiB */
  maxBytes?: number;
  /**
   * Documents written per transaction. In bulk, a commit rewrites the last chunk of every table it appends
   * to (Kuzu keeps a column in chunks of 131,072 rows), so fewer, larger batches rewrite less: loading
   * 30,000 documents, batches of 1,000 committed in 244 s against 399 s for batches of 500.
   * @default 1000 in bulk, 25 per document
   */
  batchSize?: number;
  /** How batches are written (see ingestPaths). @default 'bulk' */
  loader?: 'bulk' | 'per-document';
  /** Runs the text work of the files (see processFilesInOrder; a worker pool's runs it on every core). */
  processFiles?: FileProcessor;
  /** Called once per file with its outcome, when it is committed (or has failed). */
  onProgress?: (report: FileReport) => void;
  /**
   * Called when a batch's write failed as a whole and its documents are loaded one by one instead (slower;
   * the reason may be a fault of the store, not of a document), before they are.
   */
  onBatchFallback?: (fallback: BatchFallback) => void;
}

/** A batch whose write failed as a whole: its files, and why it failed. */
export interface BatchFallback {
  files: string[];
  loader: 'bulk' | 'per-document';
  reason: string;
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
  const segmented = segmentDoc(normaliseDoc(withReadingNotes(doc)));
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
        // A link is listed as the file it names (a folder of links to documents kept elsewhere); a broken
        // one is then reported by the reader as missing, with its name, not left out without a word.
        .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && inputFormatOf(entry.name) !== undefined)
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

/** The loaded tasks a document is linked with (see linkToLoadedParents), gathered by the writer. */
export interface ParentTasks {
  /** Tasks of the documents it cites, document by document in the order of its citedIds. */
  cited: LoadedTask[];
  /** Tasks of loaded documents citing it. */
  citing: LoadedTask[];
}

/** A document linked to its loaded parents and children, as rows to write, or why it cannot be loaded. */
export type LinkedRows = { ok: true; rows: GraphRows; summary: DocumentSummary } | { ok: false; report: FileReport };

/** What the writer needs to know of a processed document to gather its ParentTasks. */
export interface ProcessedDocument {
  policyId: string;
  /** Ids of the documents it cites (see citedPolicyIds). */
  citedIds: string[];
  /** Its tasks as they will be stored, which documents linked after it may link to. */
  tasks: LoadedTask[];
}

/** A file after the text work, as a worker thread sends it: failed, already loaded with the same key, or processed. */
export type ProcessedFileMessage =
  | { file: string; outcome: 'failed'; report: FileReport }
  | { file: string; outcome: 'unchanged'; title: string }
  | ({ file: string; outcome: 'processed' } & ProcessedDocument);

/**
 * A file after the text work; a processed one is linked to its loaded parents and becomes rows with
 * `linkRows`, where the text work ran (a worker thread keeps the document until then).
 */
export type ProcessedFile =
  | Exclude<ProcessedFileMessage, { outcome: 'processed' }>
  | (Extract<ProcessedFileMessage, { outcome: 'processed' }> & { linkRows: (parents: ParentTasks) => Promise<LinkedRows> });

/** Tells whether a file with this ingest key is loaded already, with its title. */
export type KnownKeyLookup = (ingestKey: string) => Promise<string | undefined>;

/** Links a processed document to the given loaded tasks (as linkToLoadedParents finds them in the store) and builds its rows. */
async function linkRows(doc: LinkedDoc, { cited, citing }: ParentTasks, ingestKey: string, context: SourceContext): Promise<LinkedRows> {
  try {
    const loaded: LoadedTasks = { ofPolicies: async () => cited, ofCitingPolicies: async () => citing };
    const withParents = await linkToLoadedParents(loaded, doc, context.linkContext);
    const rows = buildGraphRows(withParents, { ingestKey, knownDocuments: context.linkContext.catalogue.documents });
    return { ok: true, rows, summary: summarise(withParents) };
  } catch (error) {
    return { ok: false, report: failureReport(doc.source.path, error) };
  }
}

/** Reads and processes one file; the text work of the pipeline, free of the store but for `knownTitle`. */
export async function processFile(file: string, context: SourceContext, knownTitle: KnownKeyLookup): Promise<ProcessedFile> {
  const { maxBytes } = context;
  try {
    const source = await readSourceFile(file, maxBytes === undefined ? {} : { maxBytes });
    const ingestKey = ingestKeyOf(source.sha256, context.fingerprint);
    const title = await knownTitle(ingestKey);
    if (title !== undefined) return { file, outcome: 'unchanged', title };
    const doc = processDocument({ source, messages: [] }, context);
    const policyId = loadedPolicyIdOf(doc.meta, doc.source.sha256);
    return {
      file,
      outcome: 'processed',
      policyId,
      citedIds: citedPolicyIds(doc, context.linkContext),
      tasks: doc.tasks.map(({ path, title: taskTitle, text }) => ({ id: taskIdOf(policyId, path), path, title: taskTitle, text })),
      linkRows: (parents) => linkRows(doc, parents, ingestKey, context),
    };
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

/** A processed document of a batch: its rows once linked, its tasks as the batch's later documents see them. */
interface PendingDocument {
  file: string;
  processed: ProcessedDocument;
  linked: Promise<LinkedRows>;
}

/** A pending document as withPendingTasks sees it: the tasks and citations it will store. */
const pendingTasksOf = ({ processed }: PendingDocument) => ({
  policy: { id: processed.policyId },
  tasks: processed.tasks,
  cites: processed.citedIds.map((to) => ({ to })),
});

/**
 * Ingests files and folders; the national catalogue is (re)loaded first. Documents are written
 * `batchSize` at a time in one transaction, while the next batch is processed and linked; its
 * documents are linked where their text work ran (see ProcessedFile.linkRows), with the loaded
 * tasks gathered here in input order, as document-by-document loading would find them.
 * - `loader: 'bulk'` (the default) writes a batch through the database's bulk path (see
 *   load/bulk-load.ts) and links a document to the earlier documents of its batch and of the batch
 *   being written in memory, as it would find them in the store had they been loaded one by one.
 * - `loader: 'per-document'` writes each document with its own anchored writes; a document that
 *   cites one of its batch (or is cited by one) waits for the batch to commit, so links between
 *   them are found in the store.
 * When a batch fails as a whole, its documents are loaded one by one, so only a bad one fails.
 * At most two batches are held: the one being written and the one being filled.
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
    onBatchFallback,
    loader = 'bulk',
    batchSize = loader === 'bulk' ? 1000 : 25,
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
  // Into a store without tasks, every document citing another is one this run loaded: on Kuzu,
  // whose database one process at a time opens; other servers may write to Neo4j meanwhile.
  const stored = bulk && !storeHasTasks && store.backend === 'kuzu' ? storedTasksOfRun(store) : null;
  // Likewise, into a store without agencies the stored ones are those this run wrote.
  const [agencyCount] = stored ? await store.read(ingestQueries.countNodes.Agency) : [];
  const agenciesOfRun = stored && agencyCount?.count === 0 ? new Set<string>() : null;
  const loadBatch: typeof loadDocuments = bulk
    ? (into, documents) => loadDocumentsInBulk(into, documents, agenciesOfRun ? { storedAgencyIds: agenciesOfRun } : {})
    : loadDocuments;
  const knownTitle: KnownKeyLookup = knownKeys
    ? async (ingestKey) => knownKeys.get(ingestKey)
    : async (ingestKey) => (await store.read(ingestQueries.findPolicyByIngestKey, { ingestKey }))[0]?.title;
  // The bulk path takes documents whose policy is not stored; one replacing a stored document or completing a stub is loaded alone (see bulk-load.ts).
  const storedPolicies = bulk ? new Set((await store.read(ingestQueries.storedPolicyIds)).map((row) => row.id)) : null;

  const write = async (pending: readonly PendingDocument[], load: typeof loadDocuments) => {
    const linked = [];
    for (const item of pending) {
      const outcome = await item.linked.catch((error: unknown): LinkedRows => ({ ok: false, report: failureReport(item.file, error) }));
      if (outcome.ok) linked.push({ ...item, ...outcome });
      else report(outcome.report);
    }
    if (linked.length === 0) return;
    const files = linked.map((item) => item.file);
    const outcomes = await load(
      store,
      linked.map((item) => item.rows),
    ).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      onBatchFallback?.({ files, loader: load === loadDocuments ? 'per-document' : loader, reason });
      return null;
    });
    for (const [index, item] of linked.entries()) {
      let outcome = outcomes?.[index];
      if (!outcome) {
        // The batch failed as a whole: load its documents one by one, so only a bad one fails.
        outcome = await loadDocument(store, item.rows).catch((error: unknown) => {
          report(failureReport(item.file, error));
          return undefined;
        });
      }
      if (!outcome) continue;
      report(
        outcome === 'unchanged'
          ? { file: item.file, ok: true, outcome, title: item.summary.title }
          : { file: item.file, ok: true, outcome, summary: item.summary },
      );
      knownKeys?.set(item.rows.policy.ingestKey ?? '', item.rows.policy.title);
      for (const policy of [item.rows.policy, ...item.rows.citedPolicies]) storedPolicies?.add(policy.id);
      for (const agency of item.rows.agencies) agenciesOfRun?.add(agency.id);
      stored?.loaded(item.processed.policyId, item.processed.citedIds, item.processed.tasks);
      storeHasTasks = true;
    }
  };

  let batch: PendingDocument[] = [];
  // The batch being written: its documents count as pending until it is settled.
  let writing: { documents: PendingDocument[]; done: Promise<void> } | undefined;
  const settle = async () => {
    await writing?.done;
    writing = undefined;
  };
  /** Starts writing the batch once the one before is written; `wait` waits for it too. */
  const flush = async ({ wait = false, load = loadBatch } = {}) => {
    await settle();
    const documents = batch;
    batch = [];
    if (documents.length === 0) return;
    const done = write(documents, load);
    done.catch(() => undefined); // awaited by the next settle; not an unhandled rejection meanwhile
    writing = { documents, done };
    if (wait) await settle();
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
      const { policyId, citedIds, tasks } = processed;
      const related = [...(writing?.documents ?? []), ...batch].some(
        ({ processed: item }) =>
          item.policyId === policyId || (!bulk && (citedIds.includes(item.policyId) || item.citedIds.includes(policyId))),
      );
      if (related || storedPolicies?.has(policyId)) await flush({ wait: true });
      const pendingDocuments = [...(writing?.documents ?? []), ...batch].map(pendingTasksOf);
      const loadedTasks = bulk ? withPendingTasks(stored ?? storedTasks(store), pendingDocuments, { storeHasTasks }) : storedTasks(store);
      const parents: ParentTasks = {
        cited: citedIds.length > 0 ? await loadedTasks.ofPolicies(citedIds) : [],
        citing: await loadedTasks.ofCitingPolicies(policyId),
      };
      batch.push({ file, processed: { policyId, citedIds, tasks }, linked: processed.linkRows(parents) });
      if (storedPolicies?.has(policyId)) await flush({ wait: true, load: loadDocuments });
      else if (batch.length >= batchSize) await flush();
    } catch (error) {
      report(failureReport(file, error));
    }
  }
  await flush({ wait: true });
  return reports;
}
