/**
 * @module The graph kept in memory between writes, for a store this process alone writes: the
 * rows declared in store/queries/lookups.ts (`keptRows`), from which the lookups declaring them
 * and the whole reads themselves are answered.
 *
 * Kuzu locks an embedded database to one process, so every change passes through `transaction`
 * here. A write drops everything (a transaction that writes no row, nothing) but what it made ready
 * before its commit: when the server writes (withExclusiveCommits calls prepareCommit), the
 * transaction reads what the write changed, which requests need not wait for — the whole-graph rows
 * (those updated by document, such as coverage, from the ones kept: see updatedWhole) and the task
 * rows of the documents it changed (see changedDocuments) — and its commit puts them in place in one
 * step, so requests read the graph before the write until the commit and the graph after it, kept,
 * from then on. Otherwise (or when that is not possible: a refill under way) whole-graph rows are
 * read again when next asked for and the task rows in the background, those of the documents the
 * write changed or, when that is not known, every document's, a few documents per query so that
 * requests are not held up. Meanwhile lookups go to the database, but those of the documents the
 * write did not change, once these are known: their rows before the write answer them. A Neo4j
 * database may have other writers, so a server on Neo4j keeps nothing (see keepGraph).
 *
 * Kept rows grow with the corpus: a 3,000-document store (207,791 tasks) takes 250 MiB of heap, its
 * search index another 230 MiB outside it; kept in full, one of 30,000 documents took 457 s to read
 * and index, and 12.4 GiB resident, its heap (4.4 GiB) over V8's default limit. Over `maxKeptTasks`
 * the task rows are not kept, and their lookups go to the database (the rows of the keys read are
 * kept until the next write, see MAX_REMEMBERED_KEYS); whole-graph rows
 * (jurisdictions, documents, coverage) are kept at any size (that store: ready in 149 s, 7.8 GiB).
 */
import type { NationalItemNode, PolicyNode, TaskNode } from '../../graph-schema/model.js';
import type { GraphStore, Params, WriteTransaction } from '../../store/graph-store.js';
import { readQueries, type ReadQuery } from '../../store/queries/index.js';
import {
  keptRows as declaredKeptRows,
  keptNationalItems,
  keptPolicies,
  keptTasks,
  lookups,
  type KeptRows,
  type Lookup,
} from '../../store/queries/lookups.js';
import { byCodePoints, rowComparator } from '../../store/queries/row-order.js';
import { ColumnRows, objectsOf, type KeptSet } from './column-rows.js';
import { spansOfEvidence, textsById, withEvidenceSpans } from './compact-evidence.js';
import { withSharedStrings } from './shared-strings.js';
import { nextTurn, runInTurns, type Steps } from '../turns.js';
import { newReader, type Reader } from '../../store/read-queue.js';
import type { DocumentsToWrite, DocumentTaskRows, TaskRowsFile } from './task-rows-file.js';

/**
 * Documents read per query when the task rows are read again after a write: a query
 * holds the database for its duration (up to a few hundred milliseconds for 8 documents).
 */
const REFILL_POLICIES = 8;
/** Reads of a query asked at once when the rows of the documents a write changed are read again (see readOfDocuments). */
const READS_AT_ONCE = 4;

/** What a search index is built from: a task's id, text and order (see kept-search-index.ts). */
export type SearchableTask = Pick<TaskNode, 'id' | 'title' | 'text' | 'jurisdictionId' | 'policyId' | 'seq'>;

/** Tasks whose rows a server keeps at most: 2.5 times a 3,000-document store. */
export const MAX_KEPT_TASKS = 500_000;

/**
 * Over maxKeptTasks, the keys (a task's id, per lookup) whose rows read from the database are kept
 * until the next write, those used least recently let go first: a few tens of MB. Lineages meet in the
 * few documents they derive from, and readers ask for the same documents' tasks again.
 */
const MAX_REMEMBERED_KEYS = 100_000;

export interface KeptGraph extends GraphStore {
  /** Reads everything kept now, so that the first requests do not wait for it. */
  warm(): Promise<void>;
  /** Resolves when the task rows are kept again after the last write (for tests and the benchmark). */
  settled(): Promise<void>;
  /** Every task's text, in document order: from the kept rows, or one read when they are not kept. */
  tasks(): Promise<readonly SearchableTask[]>;
  /** The tasks of these documents now: from the kept rows, or read from the database. */
  tasksOf(policyIds: readonly string[]): Promise<readonly SearchableTask[]>;
  /**
   * Every string the writes since `version` wrote (see withWrittenIds): among them the ids of the
   * documents and tasks they wrote or deleted. Null when that is not known: a write whose strings
   * were not noted (a failed transaction, a large one), writes too many to remember, or nothing kept.
   */
  writtenSince(version: number): ReadonlySet<string> | null;
  /**
   * Whether the writes since `version` may have changed anything of these jurisdictions (see
   * jurisdictionsOfWrite); null when that is not known (see writtenSince), or a write changed the
   * national items, which every jurisdiction's answers show.
   */
  touchedSince(version: number, jurisdictionIds: readonly string[]): boolean | null;
  /**
   * The version of the graph this process has seen: changes with each of its transactions that
   * writes rows.
   * Null when nothing is kept, as other processes may write the database.
   */
  readonly version: number | null;
  /** Every set of kept rows by the name of its whole read, once all are kept; null when some are not (yet). */
  rowSets(): Promise<Map<string, KeptSet> | null>;
  /**
   * Keeps rows read earlier instead of reading them; false, keeping nothing, when a set is missing.
   * The rows are readKeptFile's, whose strings are one string per value already (its string
   * table): they are kept as they come, not shared again (3 s of 20 on a store of 30,000 documents).
   */
  restore(sets: ReadonlyMap<string, KeptSet>): boolean;
  /**
   * The lookup's answer for each key from the rows kept now, as `lookup.answer` gives it over the
   * rows the database would read for the keys; null when they must come from the database. Each
   * key's answer is made once per version of the graph and shared, frozen, by every request.
   */
  answerNow<Row, Answer>(lookup: Lookup<Row, Answer>, keys: readonly string[]): readonly Answer[] | null;
  /**
   * The rows of a whole read kept now (see KeptRows.every), each made as it is reached where they are
   * kept by column: a reader going through them once holds no more than a row at a time. Null when
   * they are not kept now.
   */
  eachRowNow<Row>(query: ReadQuery<Row>): Iterable<Row> | null;
  /** Whether the task rows are kept now (false while they are read at start or again after a write). */
  readonly taskRowsKept: boolean;
  /** Whether the graph has more tasks than maxKeptTasks, as last counted (at start, and after each write). */
  readonly taskRowsOverBudget: boolean;
  /**
   * Every document's tasks, in order, each with its rows of every set by the set's name, a few
   * documents per read: what a TaskRowsFile holds. Documents a write changes while they are read
   * are read again after it.
   */
  taskRowsByDocument(): DocumentsToWrite;
  /**
   * Over maxKeptTasks: answers the task lookups of the documents on `file` that no write changed
   * since `version` (the version its rows were read at) from it rather than from the database.
   */
  useTaskRowsFile(file: TaskRowsFile, version: number): void;
  /**
   * A page of task ids as `taskIdsPage` (one jurisdiction) or `allTaskIdsPage` (null) answers it:
   * ordered by jurisdiction, document and position. Null when the task rows are not kept now.
   */
  taskIdsPageNow(jurisdictionId: string | null, skip: number, limit: number): string[] | null;
}

export interface KeepOptions {
  /** @default every set declared in store/queries/lookups.ts on Kuzu, none on Neo4j */
  keptRows?: readonly KeptRows<object>[];
  /** Called each time the task rows are kept again after a write, or found over maxKeptTasks (to persist what is kept). */
  onTaskRowsKept?: () => void;
  /** Over this many tasks, task rows are not kept (see the module's comment). @default MAX_KEPT_TASKS */
  maxKeptTasks?: number;
}

type AnyKept = KeptRows<object>;
type AnyLookup = Lookup<object, unknown>;

const keptGraphs = new WeakSet<GraphStore>();

/** The store requests should read: Kuzu's with the graph kept, Neo4j's with nothing kept. A kept graph is returned as it is. */
export function keepGraph(
  store: GraphStore,
  { keptRows = store.backend === 'kuzu' ? declaredKeptRows : [], onTaskRowsKept, maxKeptTasks = MAX_KEPT_TASKS }: KeepOptions = {},
): KeptGraph {
  if (keptGraphs.has(store)) return store as KeptGraph;
  const kept = withKeptRows(store, keptRows, { onTaskRowsKept, maxKeptTasks });
  keptGraphs.add(kept);
  return kept;
}

/** Rows shared by every request are frozen: code that sorts or edits them in place fails at once. */
function frozen<Row>(rows: Row[]): Row[] {
  for (const row of rows) Object.freeze(row);
  return Object.freeze(rows) as Row[];
}

/** Whole-graph rows read from the database as they are kept: strings shared, then frozen, or by column where declared so. */
function keptWhole(rows: AnyKept, read: object[], strings: Map<string, string>): KeptSet {
  const shared = withSharedStrings(read, strings);
  return rows.byColumn ? ColumnRows.of(shared, rows.byColumn.split) : frozen(shared);
}

type RowsByKey = Map<string, object[]>;

/** Kept rows grouped by each lookup's key, once per answer (a write replaces the answer). */
const groupsOfRows = new WeakMap<readonly object[], Map<AnyLookup, RowsByKey>>();

function groupedOnce(rows: readonly object[], lookup: AnyLookup): RowsByKey {
  let byLookup = groupsOfRows.get(rows);
  if (!byLookup) groupsOfRows.set(rows, (byLookup = new Map<AnyLookup, RowsByKey>()));
  let groups = byLookup.get(lookup);
  if (!groups) {
    groups = new Map();
    for (const row of rows) {
      const key = lookup.keyOf(row) ?? '';
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    byLookup.set(lookup, groups);
  }
  return groups;
}

/** The positions of the rows of each key of a lookup, over rows kept by column, once per set. */
const positionsOfRows = new WeakMap<ColumnRows, Map<AnyLookup, Map<string | null, Int32Array>>>();

/** The rows of the given keys, each key once, in the order asked, made from rows kept by column. */
function rowsOfKeys(rows: ColumnRows, lookup: AnyLookup, keys: readonly unknown[]): object[] {
  let byLookup = positionsOfRows.get(rows);
  if (!byLookup) positionsOfRows.set(rows, (byLookup = new Map<AnyLookup, Map<string | null, Int32Array>>()));
  let positions = byLookup.get(lookup);
  if (!positions) byLookup.set(lookup, (positions = rows.positionsBy(lookup.key)));
  const found = positions;
  return [...new Set(keys)].flatMap((key) => {
    const at = found.get(key as string);
    return at ? rows.rows(at) : [];
  });
}

/** Frozen to one level below a list: answers shared by every request must not be edited by one. */
function frozenAnswer<Answer>(answer: Answer): Answer {
  if (Array.isArray(answer)) for (const item of answer as unknown[]) Object.freeze(item);
  return Object.freeze(answer);
}

/** Link rows compacted per turn of the event loop when the rows come from the database (a few milliseconds). */
const COMPACT_ROWS_PER_TURN = 2_000;

/** The texts of rows with `id` and `text`, once per set of rows while links are compacted (tasks are both sides of a derivation). */
function textsOnce(rows: readonly object[], made: Map<readonly object[], Map<string, string>>): Map<string, string> {
  let texts = made.get(rows);
  if (!texts) made.set(rows, (texts = textsById(rows)));
  return texts;
}

/**
 * Rows `from` to `to` of a set of links read from the database, written into `out` with their
 * evidence kept as offsets into the two texts (see compact-evidence.ts) where the offsets give the
 * stored string back; as they are otherwise.
 */
function compactLinkRows(
  rows: readonly object[],
  texts: { from: ReadonlyMap<string, string>; to: ReadonlyMap<string, string> },
  range: { from: number; to: number },
  out: object[],
): void {
  for (let i = range.from; i < range.to; i += 1) {
    const row = rows[i] as { fromId: string; toId: string; evidence: unknown };
    const localText = texts.from.get(row.fromId);
    const otherText = texts.to.get(row.toId);
    const spans =
      // Only evidence stored with its texts (`[{"localText":…`, by the code before spans) is worth keeping as offsets.
      typeof row.evidence === 'string' && row.evidence.startsWith('[{') && localText !== undefined && otherText !== undefined
        ? spansOfEvidence(row.evidence, localText, otherText)
        : null;
    out[i] = spans && localText !== undefined && otherText !== undefined ? withEvidenceSpans(row, localText, otherText, spans) : row;
  }
}

/** Task ids in the order of the page queries, for every jurisdiction and each, once per set of kept task rows. */
interface PageOrder {
  every: string[];
  byJurisdiction: Map<string, string[]>;
}

const pageOrders = new WeakMap<readonly object[], PageOrder>();

/** Tasks in the order the page queries give them: by jurisdiction, document, then document order. */
function byPageOrder(a: TaskNode, b: TaskNode): number {
  return byCodePoints(a.jurisdictionId, b.jurisdictionId) || byCodePoints(a.policyId, b.policyId) || a.seq - b.seq;
}

function pageOrderOf(byJurisdiction: Map<string, string[]>): PageOrder {
  const every = ([] as string[]).concat(...[...byJurisdiction.keys()].sort(byCodePoints).map((id) => byJurisdiction.get(id) ?? []));
  return { every, byJurisdiction };
}

function pageOrderOnce(rows: readonly TaskNode[]): PageOrder {
  let order = pageOrders.get(rows);
  if (!order) {
    const byJurisdiction = new Map<string, string[]>();
    for (const task of [...rows].sort(byPageOrder)) {
      const ids = byJurisdiction.get(task.jurisdictionId);
      if (ids) ids.push(task.id);
      else byJurisdiction.set(task.jurisdictionId, [task.id]);
    }
    order = pageOrderOf(byJurisdiction);
    pageOrders.set(rows, order);
  }
  return order;
}

/**
 * The page order of the task rows `next`, made from that of `previous` when it was made: only the
 * places of the tasks `removed` and `added` are sorted again (a sort of every task took 50-100 ms
 * per write on a 3,000-document store).
 */
function updatePageOrder(
  previous: readonly TaskNode[],
  next: readonly TaskNode[],
  removed: readonly TaskNode[],
  added: readonly TaskNode[],
  taskById: RowsByKey,
): void {
  const before = pageOrders.get(previous);
  if (!before) return;
  const gone = new Set(removed.map((task) => task.id));
  const byJurisdiction = new Map(before.byJurisdiction);
  for (const jurisdictionId of new Set([...removed, ...added].map((task) => task.jurisdictionId))) {
    const kept = (before.byJurisdiction.get(jurisdictionId) ?? []).flatMap((id) =>
      gone.has(id) ? [] : ((taskById.get(id) ?? []) as TaskNode[]),
    );
    const tasks = [...kept, ...added.filter((task) => task.jurisdictionId === jurisdictionId)].sort(byPageOrder);
    if (tasks.length > 0)
      byJurisdiction.set(
        jurisdictionId,
        tasks.map((task) => task.id),
      );
    else byJurisdiction.delete(jurisdictionId);
  }
  pageOrders.set(next, pageOrderOf(byJurisdiction));
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key])
  );
}

/**
 * The answer with each row the lookup copied unchanged (withLists copies a row with a null list) replaced by the
 * kept row itself: answers kept for every request then cost no second copy of the rows.
 */
function withoutCopies(answer: unknown, group: readonly object[]): unknown {
  if (Array.isArray(answer)) return answer.map((item: unknown, i) => withoutCopies(item, group.slice(i, i + 1)));
  const [row] = group;
  // The row itself needs no comparing: sameFields would read every field, a link's evidence
  // included, which is made again from its offsets (compact-evidence.ts) at each read.
  if (answer === row) return row;
  return group.length === 1 && row && typeof answer === 'object' && answer !== null && sameFields(answer, row) ? row : answer;
}

/** Each lookup's answer per key, made from one set of kept rows (a write replaces the set). */
const answersOfRows = new WeakMap<readonly object[], Map<AnyLookup, Map<string, unknown>>>();

function answerOnce(rows: KeptSet, lookup: AnyLookup, key: string): unknown {
  // Rows kept by column are made for each answer and let go with it: kept, the answers of every key
  // would be every row as an object again.
  if (rows instanceof ColumnRows) return lookup.answer(rowsOfKeys(rows, lookup, [key]), [key])[0];
  let byLookup = answersOfRows.get(rows);
  if (!byLookup) answersOfRows.set(rows, (byLookup = new Map<AnyLookup, Map<string, unknown>>()));
  let answers = byLookup.get(lookup);
  if (!answers) byLookup.set(lookup, (answers = new Map<string, unknown>()));
  if (answers.has(key)) return answers.get(key);
  // The lookup's own answer over the rows the database would give for this key alone.
  const group = groupedOnce(rows, lookup).get(key) ?? [];
  const answer = frozenAnswer(withoutCopies(lookup.answer(group, [key])[0], group));
  answers.set(key, answer);
  return answer;
}

/**
 * An answer from memory, given after the I/O callbacks waiting (the database's, the sockets'):
 * requests answered from memory alone would otherwise keep a writer's queries from completing.
 */
function afterPendingIO<T>(answer: Promise<T>): Promise<T> {
  return answer.then((value) => new Promise((resolve) => setImmediate(() => resolve(value))));
}

/** The columns of a row that hold ids: `id`, `taskId`, `toId`… (see read-queries.ts). */
function idColumnsOf(row: object): string[] {
  return Object.keys(row).filter((column) => column === 'id' || column.endsWith('Id'));
}

/** Every id the rows hold in those columns. */
function* idsIn(rows: readonly object[]): Generator<string> {
  const columns = rows[0] ? idColumnsOf(rows[0]) : [];
  for (const row of rows) {
    for (const column of columns) {
      const value = (row as Record<string, unknown>)[column];
      if (typeof value === 'string') yield value;
    }
  }
}

/**
 * The groups of `lookup` over `next` (see groupedOnce), made from those over `previous`: the keys of
 * the rows `removed` dropped, the rows `added` grouped. Each key's rows are of one document (a task, or
 * a document), so a key of a changed document is gone whole and comes back whole. The groups are
 * taken from `previous`, not copied (a copy of a map of every task costs tens of milliseconds per
 * lookup): `previous` is grouped again if it is asked for.
 */
function regroup(
  previous: readonly object[],
  next: readonly object[],
  lookup: AnyLookup,
  removed: readonly object[],
  added: readonly object[],
): void {
  const ofPrevious = groupsOfRows.get(previous);
  const groups = ofPrevious?.get(lookup);
  // Not grouped before: grouped when first asked for.
  if (!groups) return;
  ofPrevious?.delete(lookup);
  for (const row of removed) groups.delete(lookup.keyOf(row) ?? '');
  // Lists made here; the others are shared with answers given before, which stay as they are.
  const made = new Set<string>();
  for (const row of added) {
    const key = lookup.keyOf(row) ?? '';
    const list = made.has(key) ? groups.get(key) : undefined;
    if (list) list.push(row);
    else {
      groups.set(key, [...(groups.get(key) ?? []), row]);
      made.add(key);
    }
  }
  let byLookup = groupsOfRows.get(next);
  if (!byLookup) groupsOfRows.set(next, (byLookup = new Map<AnyLookup, RowsByKey>()));
  byLookup.set(lookup, groups);
}

/** Rows indexed per turn of the event loop when the documents of their ids are noted (see DocumentsOfRows). */
const ROWS_SCANNED_PER_TURN = 20_000;

/**
 * Which document each id of a set of kept task rows is of, to find the documents a write changed
 * without a scan of every row (see changedDocuments). Made once from the rows, then updated with
 * each write's documents: an upload on a 3,000-document store scanned a million rows twice.
 */
interface DocumentsOfRows {
  /** The task rows it describes. */
  rows: ReadonlyMap<AnyKept, readonly object[]>;
  /** The tasks of each document with tasks. */
  tasksOfPolicy: Map<string, string[]>;
  policyOfTask: Map<string, string>;
  /**
   * Each id the rows name (their id columns: agencyId, toId…) but their own document and its tasks:
   * an agency, a national item, a jurisdiction, a target, another document's task. Its value: the
   * documents of the rows naming it, one as itself, more as a set.
   */
  namedBy: Map<string, string | Set<string>>;
}

function addNamed(namedBy: DocumentsOfRows['namedBy'], id: string, policyId: string): void {
  const found = namedBy.get(id);
  if (found === undefined) namedBy.set(id, policyId);
  else if (typeof found !== 'string') found.add(policyId);
  else if (found !== policyId) namedBy.set(id, new Set([found, policyId]));
}

function deleteNamed(namedBy: DocumentsOfRows['namedBy'], id: string, policyId: string): void {
  const found = namedBy.get(id);
  if (found === policyId) namedBy.delete(id);
  else if (typeof found !== 'string' && found?.delete(policyId) && found.size === 0) namedBy.delete(id);
}

function addTask(index: DocumentsOfRows, { id, policyId }: TaskNode): void {
  index.policyOfTask.set(id, policyId);
  const tasks = index.tasksOfPolicy.get(policyId);
  if (tasks) tasks.push(id);
  else index.tasksOfPolicy.set(policyId, [id]);
}

/** Notes (`addNamed`) or un-notes (`deleteNamed`) the ids the rows name, of documents whose tasks `index` holds. */
function noteNamed(
  index: DocumentsOfRows,
  rows: readonly object[],
  taskOf: (row: object) => string | null | undefined,
  note: typeof addNamed,
  range: { from: number; to: number } = { from: 0, to: rows.length },
): void {
  const columns = rows[0] ? idColumnsOf(rows[0]) : [];
  for (let at = range.from; at < range.to; at += 1) {
    const row = rows[at] as Record<string, unknown>;
    const policyId = index.policyOfTask.get(taskOf(row) ?? '');
    if (policyId === undefined) continue;
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string' && value !== policyId && index.policyOfTask.get(value) !== policyId)
        note(index.namedBy, value, policyId);
    }
  }
}

/** Rows kept per step when the rows of the documents a write changed are taken out (see withRowsReplaced). */
const ROWS_PER_STEP = 10_000;

/**
 * `all` without the rows `gone`, then `fresh`, in steps (see runInTurns): the kept rows of a set are
 * hundreds of thousands, and taking a document's out of them at once (130 ms per upload on a
 * national store) held every reader.
 */
function* withRowsReplaced(all: readonly object[], gone: ReadonlySet<object>, fresh: readonly object[]): Steps<object[]> {
  // concat, not a spread: a copy of hundreds of thousands of rows, half the time.
  if (gone.size === 0) return all.concat(fresh);
  const kept: object[] = [];
  for (let from = 0; from < all.length; from += ROWS_PER_STEP) {
    for (let at = from; at < Math.min(all.length, from + ROWS_PER_STEP); at += 1) {
      const row = all[at] as object;
      if (!gone.has(row)) kept.push(row);
    }
    yield;
  }
  for (const row of fresh) kept.push(row);
  return kept;
}

/** What applyTaskRowsUpdate needs to replace the changed documents' task rows: read, its evidence compacted. */
interface TaskRowsUpdate {
  previous: ReadonlyMap<AnyKept, readonly object[]>;
  index: DocumentsOfRows;
  changed: ReadonlySet<string>;
  /** The kept rows of the changed documents' tasks, per set. */
  removed: Map<AnyKept, object[]>;
  /** Their rows now, per set. */
  added: Map<AnyKept, object[]>;
  /** Each set's rows after the write: the kept ones but `removed`, then `added`. */
  next: Map<AnyKept, object[]>;
}

/** What a write's transaction made ready before its commit (see prepare in withKeptRows). */
interface Prepared {
  /** The version it was made from: put in place only when the commit follows it. */
  started: number;
  /** Whole-graph rows after the write: every set read whole, but those updated by document, from the ones kept. */
  wholeRows: ReadonlyMap<AnyKept, KeptSet>;
  /** The changed documents' task rows, ready to replace theirs; null when the refill is to do it. */
  tasks: TaskRowsUpdate | null;
  /** Over maxKeptTasks: the rows remembered (see MAX_REMEMBERED_KEYS) that the write did not change. */
  remembered: Map<string, readonly object[]> | null;
}

/** Strings a write noted at most; a larger write (a bulk load) reads every document again. */
const MAX_WRITTEN_IDS = 100_000;
/** Writes whose strings writtenSince remembers at most. */
const REMEMBERED_WRITES = 64;

/** What writes wrote, as readChangedDocuments reads it. */
interface WrittenIds {
  /** Every string of the rows and parameters: among them the documents and tasks written, and the tasks whose links were. */
  strings: Set<string>;
  /**
   * Ids of the nodes written (each row's `id`) and the parameters' strings (a document's id whose
   * tasks are deleted): not the other ends of links written, which change nothing about the rows of
   * the national item or parent task they point to.
   */
  nodes: Set<string>;
}

/** Adds a write's ids to `ids`; null once there are more than MAX_WRITTEN_IDS strings. */
function withWrittenIds(ids: WrittenIds, rows: readonly object[], params: Params | undefined): WrittenIds | null {
  const note = (value: unknown, nodes: boolean) => {
    for (const each of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof each !== 'string') continue;
      ids.strings.add(each);
      if (nodes) ids.nodes.add(each);
    }
  };
  for (const row of rows) for (const [column, value] of Object.entries(row)) note(value, column === 'id');
  for (const value of Object.values(params ?? {})) note(value, true);
  return ids.strings.size > MAX_WRITTEN_IDS ? null : ids;
}

/**
 * `rows` (in the order of `compare`) without those of the documents changed, with `fresh` (their rows
 * now) put in their places: what reading every row again would give.
 */
export function withDocumentsReplaced(
  rows: readonly object[],
  changed: ReadonlySet<string>,
  fresh: readonly object[],
  compare: (a: object, b: object) => number,
): object[];
export function withDocumentsReplaced(
  rows: KeptSet,
  changed: ReadonlySet<string>,
  fresh: readonly object[],
  compare: (a: object, b: object) => number,
): KeptSet;
export function withDocumentsReplaced(
  rows: KeptSet,
  changed: ReadonlySet<string>,
  fresh: readonly object[],
  compare: (a: object, b: object) => number,
): KeptSet {
  const present = documentsWithRows(rows);
  // An upload of a new document has no rows to drop: the rows are not read one by one for it.
  const dropping = [...changed].some((policyId) => present.has(policyId));
  const sorted = [...fresh].sort(compare);
  let merged: KeptSet;
  if (rows instanceof ColumnRows) {
    const keep = rows.positionsWithout('policyId', dropping ? changed : new Set());
    merged = rows.merged(
      keep,
      sorted,
      placer(keep.length, (i) => rows.rowOf(keep[i] as number), compare),
    );
  } else {
    const kept = dropping ? rows.filter((row) => !changed.has(policyIdOf(row))) : rows;
    // Laid out at its length, not pushed row by row: 3 million rows took 110 ms grown, 45 ms so.
    const list = new Array<object>(kept.length + sorted.length);
    const placeOf = placer(kept.length, (i) => kept[i] as object, compare);
    let written = 0;
    let from = 0;
    for (const row of sorted) {
      for (const to = placeOf(row); from < to; from += 1) list[written++] = kept[from] as object;
      list[written++] = row;
    }
    for (; from < kept.length; from += 1) list[written++] = kept[from] as object;
    merged = list;
  }
  const documents = new Set(present);
  for (const policyId of changed) documents.delete(policyId);
  for (const row of fresh) documents.add(policyIdOf(row));
  documentsWithRowsMade.set(merged, documents);
  return merged;
}

/**
 * For each row of ascending `compare` order, how many of `length` rows (in that order, the i-th given
 * by `rowAt`) go before it: by binary search from the last place found, a few comparisons per row.
 */
function placer(length: number, rowAt: (i: number) => object, compare: (a: object, b: object) => number): (row: object) => number {
  let from = 0;
  return (row) => {
    let low = from;
    let high = length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(rowAt(middle), row) <= 0) low = middle + 1;
      else high = middle;
    }
    return (from = low);
  };
}

const policyIdOf = (row: object) => (row as { policyId: string }).policyId;

/**
 * The documents a set of whole-graph rows about documents' tasks has rows of, found once per set and
 * carried to the set a write makes of it (withDocumentsReplaced): on a store of 30,000 documents the
 * coverage triples are 3 million rows, and reading every one for each upload took 130 ms of the
 * server's one thread.
 */
const documentsWithRowsMade = new WeakMap<KeptSet, ReadonlySet<string>>();

function documentsWithRows(rows: KeptSet): ReadonlySet<string> {
  let documents = documentsWithRowsMade.get(rows);
  if (!documents) {
    documents = new Set(rows instanceof ColumnRows ? ((rows.column('policyId') ?? []) as string[]) : rows.map(policyIdOf));
    documentsWithRowsMade.set(rows, documents);
  }
  return documents;
}

/**
 * The documents among strings a write noted: a document's id, or a task's, which is its document's
 * id, '#', its path (ingest/load/ids.ts); a document's id may itself hold a '#'.
 */
export function documentsAmong(strings: Iterable<string>, isDocument: (id: string) => boolean): Set<string> {
  const found = new Set<string>();
  for (const each of strings) {
    if (isDocument(each)) found.add(each);
    for (let at = each.indexOf('#'); at !== -1; at = each.indexOf('#', at + 1)) {
      if (isDocument(each.slice(0, at))) found.add(each.slice(0, at));
    }
  }
  return found;
}

/** Whether one of the rows holds an id that `matches` (see idsIn). */
function namesAny(rows: readonly object[], matches: (id: string) => boolean): boolean {
  for (const id of idsIn(rows)) if (matches(id)) return true;
  return false;
}

/** Whether `id` is one of the documents or of their tasks (see documentsAmong). */
function isOfDocumentIn(id: string, documents: ReadonlySet<string>): boolean {
  if (documents.has(id)) return true;
  for (let at = id.indexOf('#'); at !== -1; at = id.indexOf('#', at + 1)) if (documents.has(id.slice(0, at))) return true;
  return false;
}

/**
 * The jurisdictions the documents a write changed (`documents`, see documentsNamed) were of before it,
 * from the documents kept before (`before`). Every other row of a jurisdiction names it (a document's
 * or an agency's jurisdictionId, a jurisdiction's id or parent), so with the strings written these are
 * all the jurisdictions a write can change. Null when that is not known: the documents before or the
 * national items before and after (`after`: what the write made ready, see prepare) are not kept, or
 * the write changed national items, which every answer shows.
 */
function jurisdictionsOfWrite(
  written: WrittenIds,
  documents: (known: ReadonlySet<string>) => ReadonlySet<string>,
  before: ReadonlyMap<AnyKept, KeptSet>,
  after: ReadonlyMap<AnyKept, KeptSet> | undefined,
): Set<string> | null {
  const policies = before.get(keptPolicies) as readonly PolicyNode[] | undefined;
  const itemsBefore = before.get(keptNationalItems) as readonly NationalItemNode[] | undefined;
  const itemsAfter = after?.get(keptNationalItems) as readonly NationalItemNode[] | undefined;
  if (!policies || !itemsBefore || !itemsAfter) return null;
  if ([...itemsBefore, ...itemsAfter].some((item) => written.nodes.has(item.id))) return null;
  const jurisdictionOf = new Map(policies.map((policy) => [policy.id, policy.jurisdictionId]));
  const jurisdictions = new Set<string>();
  for (const policyId of documents(new Set(jurisdictionOf.keys()))) {
    const jurisdictionId = jurisdictionOf.get(policyId);
    if (jurisdictionId) jurisdictions.add(jurisdictionId);
  }
  return jurisdictions;
}

/** Rows of the given keys, each key once, in the order asked. */
function rowsOf(groups: RowsByKey, keys: readonly unknown[]): object[] {
  return [...new Set(keys)].flatMap((key) => groups.get(key as string) ?? []);
}

function withKeptRows(
  store: GraphStore,
  keptRows: readonly AnyKept[],
  { onTaskRowsKept, maxKeptTasks }: { onTaskRowsKept: (() => void) | undefined; maxKeptTasks: number },
): KeptGraph {
  const kept = new Set(keptRows);
  const byEvery = new Map(keptRows.map((rows) => [rows.every as ReadQuery<unknown>, rows]));
  const lookupOf = new Map(
    (Object.values(lookups) as AnyLookup[])
      .filter((lookup) => lookup.kept && kept.has(lookup.kept))
      .map((lookup) => [lookup.query as ReadQuery<unknown>, lookup]),
  );
  const taskRowSets = keptRows.filter((rows) => rows.ofPolicies);
  const setOfPolicies = new Map(taskRowSets.map((rows) => [rows.ofPolicies as ReadQuery<unknown>, rows]));
  /** Whole-graph rows, read when first asked for. */
  let whole = new Map<AnyKept, Promise<KeptSet>>();
  /** The same once read, for answers given without waiting. */
  let wholeNow = new Map<AnyKept, KeptSet>();
  /** Rows about tasks, each set in full; null until read, and while the graph has more than maxKeptTasks tasks. */
  let taskRows: Map<AnyKept, object[]> | null = null;
  /** False while the graph has more than maxKeptTasks tasks: then the task rows are neither read nor persisted. */
  let keepsTaskRows = true;
  /** Changes with every write; a refill started before the last write is discarded. */
  let version = 0;
  let refill: Promise<void> = Promise.resolve();
  /** Strings shared by the rows read while warming (see shared-strings.ts); rows read later share among their set. */
  let warmingStrings: Map<string, string> | null = null;
  /** Over the budget: rows of task lookups read from the database by `${query} ${key}`, in order of last use (see MAX_REMEMBERED_KEYS). */
  let remembered = new Map<string, readonly object[]>();
  /**
   * Since the task rows were last kept whole: those rows, and every id the writes since then wrote
   * (see withWrittenIds); null when a write's ids are not known (a failed transaction, a large one).
   */
  let sinceKept: { rows: Map<AnyKept, object[]>; written: WrittenIds } | null = null;
  /**
   * Since whole-graph rows updated by document (see KeptRows.updatedByPolicies) were last kept: those
   * rows, and every string the writes since then wrote; null when a write's strings are not known.
   */
  let sinceWholeKept: { rows: Map<AnyKept, KeptSet>; strings: Set<string> } | null = null;
  /**
   * While the rows of the documents a write changed are read again: the rows before it, and which
   * document each key is of. The keys of the other documents are answered from them, as their rows
   * are the same (see changedDocuments). Null until the documents changed are known.
   */
  let unchangedSince: { rows: ReadonlyMap<AnyKept, object[]>; isUnchanged: (key: string) => boolean } | null = null;
  /**
   * The last writes' strings (see writtenSince) and the jurisdictions of the documents they wrote (see
   * jurisdictionsOfWrite), each by the version it made; null where not known.
   */
  const recentWrites: {
    version: number;
    strings: ReadonlySet<string> | null;
    /** The write's `nodes` (see WrittenIds), null with its strings. */
    nodes: ReadonlySet<string> | null;
    jurisdictions: ReadonlySet<string> | null;
  }[] = [];
  /** Of each set of task rows, its lookup by task, and so the task a row is about. */
  const lookupByTask = new Map<AnyKept, AnyLookup>();
  const taskOfRow = new Map<AnyKept, (row: object) => string | null | undefined>();
  for (const lookup of lookupOf.values()) {
    if (!lookup.kept?.ofPolicies || lookup.query === lookup.kept.ofPolicies) continue;
    lookupByTask.set(lookup.kept, lookup);
    taskOfRow.set(lookup.kept, (row) => lookup.keyOf(row));
  }
  /** The documents of the ids of the task rows last kept (or being read again after a write), once asked for. */
  let documentsOf: DocumentsOfRows | null = null;
  /** Whether the tasks are kept and every set of task rows says which task a row is about: what readChangedDocuments needs. */
  const canReadChanged = taskRowSets.includes(keptTasks) && taskRowSets.every((rows) => taskOfRow.has(rows));

  /**
   * Whole-graph rows of the graph now: `updated` from those before the last write when it gives them
   * (see readChangedDocuments), read from the database otherwise.
   */
  function readWhole(rows: AnyKept, updated?: Promise<KeptSet | null>): Promise<KeptSet> {
    let answer = whole.get(rows);
    if (!answer) {
      const cache = whole;
      const readNow = wholeNow;
      const strings = warmingStrings ?? new Map<string, string>();
      const readFromStore = () => store.read(rows.every).then((read) => keptWhole(rows, read, strings));
      // Not updated as a later write came first: the rows of the graph now answer.
      answer = updated ? updated.then((found) => found ?? (cache === whole ? readFromStore() : readWhole(rows))) : readFromStore();
      cache.set(rows, answer);
      void answer.then(
        (read) => cache === whole && readNow.set(rows, read),
        () => undefined,
      );
      // A failed read is not kept: the next request tries again.
      answer.catch(() => cache.get(rows) === answer && cache.delete(rows));
    }
    return answer;
  }

  /** The kept rows of a set, without waiting; null when they are not kept now (being read, or after a write). */
  function rowsKeptNow(rows: AnyKept): KeptSet | null {
    return (rows.ofPolicies ? taskRows?.get(rows) : wholeNow.get(rows)) ?? null;
  }

  /** The kept rows of a set now, or null when they must come from the database. */
  function rowsNow(rows: AnyKept): Promise<KeptSet> | null {
    if (!rows.ofPolicies) return readWhole(rows);
    const found = taskRows?.get(rows);
    return found ? Promise.resolve(found) : null;
  }

  /** Over maxKeptTasks, the task rows on file and the version they were read at; null when there is none. */
  let onFile: {
    file: TaskRowsFile;
    version: number;
    /** Whether what the writes since `version` wrote changed an id's rows (see rememberedUnchanged), as of the version noted. */
    written: { version: number; isChanged: (id: string) => boolean } | null;
  } | null = null;

  /** The document on file of a task (its id is its document's id, '#', its path: ingest/load/ids.ts). */
  function documentOnFile(taskId: string): string | null {
    const file = onFile?.file;
    if (!file) return null;
    for (let at = taskId.lastIndexOf('#'); at > 0; at = taskId.lastIndexOf('#', at - 1))
      if (file.has(taskId.slice(0, at))) return taskId.slice(0, at);
    return null;
  }

  /**
   * Whether a write since the file's version may have changed rows on file, by the rule
   * rememberedUnchanged follows: the row's task or document, or a node one of its rows names (an
   * agency renamed, a parent task deleted), written. Null when no write came since; undefined, and
   * the file no longer used, once which documents the writes changed is not known: the database
   * answers from then on.
   */
  function changedSinceFile(): ((id: string) => boolean) | null | undefined {
    if (!onFile) return undefined;
    if (version === onFile.version) return null;
    const { file } = onFile;
    if (onFile.written?.version !== version) {
      const after = writesSince(onFile.version);
      if (after === null || after.some((write) => write.strings === null)) {
        onFile = null;
        return undefined;
      }
      const changed = documentsAmong(
        after.flatMap((write) => [...(write.strings ?? [])]),
        (id) => file.has(id),
      );
      const nodes = new Set(after.flatMap((write) => [...(write.nodes ?? [])]));
      onFile.written = { version, isChanged: (id) => nodes.has(id) || isOfDocumentIn(id, changed) };
    }
    return onFile.written.isChanged;
  }

  /** Whether none of the rows names a node a write since the file changed (see changedSinceFile). */
  const namesNoChange = (rows: DocumentTaskRows, isChanged: ((id: string) => boolean) | null) =>
    isChanged === null || !Object.values(rows).some((each) => namesAny(each, isChanged));

  /** The blocks on file of these documents that no write since the file's version changed (see changedSinceFile). */
  async function unchangedBlocks(policyIds: Iterable<string>): Promise<Map<string, DocumentTaskRows>> {
    const isChanged = changedSinceFile();
    const file = onFile?.file;
    if (isChanged === undefined || !file) return new Map();
    const wanted = [...new Set(policyIds)].filter((id) => file.has(id) && !isChanged?.(id));
    // A block that cannot be read (the file damaged since) is the database's to answer.
    const blocks = await Promise.all(wanted.map((id) => file.rowsOf(id).catch(() => null)));
    const found = new Map<string, DocumentTaskRows>();
    wanted.forEach((id, i) => {
      const block = blocks[i];
      if (block && namesNoChange(block, isChanged)) found.set(id, block);
    });
    return found;
  }

  /** The rows on file of these tasks that no write since the file's version changed, and which tasks they answer. */
  async function unchangedTaskRows(taskIds: readonly string[]): Promise<{ keys: Set<string>; rows: DocumentTaskRows[] }> {
    const isChanged = changedSinceFile();
    const file = onFile?.file;
    const found = { keys: new Set<string>(), rows: [] as DocumentTaskRows[] };
    if (isChanged === undefined || !file) return found;
    const byDocument = new Map<string, string[]>();
    for (const taskId of taskIds) {
      const policyId = documentOnFile(taskId);
      if (policyId === null || isChanged?.(policyId) || isChanged?.(taskId)) continue;
      const tasks = byDocument.get(policyId);
      if (tasks) tasks.push(taskId);
      else byDocument.set(policyId, [taskId]);
    }
    await Promise.all(
      [...byDocument].map(async ([policyId, tasks]) => {
        // Rows that cannot be read (the file damaged since) are the database's to give.
        const rows = await file.rowsOfTasks(policyId, tasks).catch(() => null);
        if (!rows || !namesNoChange(rows, isChanged)) return;
        for (const taskId of tasks) found.keys.add(taskId);
        found.rows.push(rows);
      }),
    );
    return found;
  }

  /** A task lookup's rows over the budget: those of keys read since the last write from memory, the others from the file or the database. */
  async function readRemembering(
    lookup: AnyLookup,
    query: ReadQuery<unknown>,
    ids: readonly unknown[],
    reader?: Reader,
  ): Promise<object[]> {
    const cache = remembered;
    const keys = [...new Set(ids)] as string[];
    const found = new Map<string, readonly object[]>();
    const missing: string[] = [];
    for (const key of keys) {
      const name = `${query.name} ${key}`;
      const rows = cache.get(name);
      if (rows === undefined) missing.push(key);
      else {
        // Used again: last to be let go.
        cache.delete(name);
        cache.set(name, rows);
        found.set(key, rows);
      }
    }
    if (missing.length > 0) {
      const onDisk = await unchangedTaskRows(missing);
      const fromDatabase = missing.filter((key) => !onDisk.keys.has(key));
      const rowsRead = fromDatabase.length > 0 ? ((await store.read(query, { ids: fromDatabase }, reader)) as object[]) : [];
      const setName = lookup.kept?.every.name ?? '';
      const groups = new Map<string, object[]>();
      for (const row of rowsRead.concat(...onDisk.rows.map((rows) => rows[setName] ?? []))) {
        const key = lookup.keyOf(row) ?? '';
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      for (const key of missing) {
        const rows = frozen(groups.get(key) ?? []);
        found.set(key, rows);
        // Rows read across a write are not kept for the new version, nor those the file answers again at once.
        if (cache !== remembered || !fromDatabase.includes(key)) continue;
        cache.set(`${query.name} ${key}`, rows);
        if (cache.size > MAX_REMEMBERED_KEYS) cache.delete(cache.keys().next().value as string);
      }
    }
    return keys.flatMap((key) => found.get(key) ?? []);
  }

  /** Over the budget, a read of whole documents' task rows (a set's `ofPolicies`): those on file from it, the others from the database. */
  async function readOfDocumentsOnFile(
    query: ReadQuery<unknown>,
    rows: AnyKept,
    ids: readonly unknown[],
    reader?: Reader,
  ): Promise<object[]> {
    const blocks = await unchangedBlocks(ids as string[]);
    const fromDatabase = (ids as string[]).filter((id) => !blocks.has(id));
    const rowsRead = fromDatabase.length > 0 ? ((await store.read(query, { ids: fromDatabase }, reader)) as object[]) : [];
    const found = rowsRead.concat(...[...blocks.values()].map((block) => block[rows.every.name] ?? []));
    // In the read's own order, as the store gives it (see row-order.ts).
    const order = rowComparator(query.order ?? []);
    return order ? found.sort(order) : found;
  }

  function read<Result>(query: ReadQuery<Result>, params?: Params, reader?: Reader): Promise<Result[]> {
    const ids = params?.ids;
    const ofDocuments = setOfPolicies.get(query);
    if (ofDocuments && onFile && !keepsTaskRows && Array.isArray(ids))
      return readOfDocumentsOnFile(query, ofDocuments, ids, reader) as Promise<Result[]>;
    const lookup = lookupOf.get(query);
    if (lookup?.kept && Array.isArray(ids)) {
      const rows = rowsNow(lookup.kept);
      if (rows)
        return afterPendingIO(
          rows.then(
            (all) => (all instanceof ColumnRows ? rowsOfKeys(all, lookup, ids) : rowsOf(groupedOnce(all, lookup), ids)) as Result[],
          ),
        );
      if (lookup.kept.ofPolicies && !keepsTaskRows) return readRemembering(lookup, query, ids, reader) as Promise<Result[]>;
    }
    const every = byEvery.get(query);
    if (every && (!params || Object.keys(params).length === 0)) {
      const rows = rowsNow(every);
      if (rows) return afterPendingIO(rows.then(objectsOf) as Promise<Result[]>);
    }
    return store.read(query, params, reader);
  }

  /** The rows holding the texts a set's evidence indexes into: among `sets`, or read whole. */
  async function evidenceTextsOf(
    sets: ReadonlyMap<AnyKept, object[]>,
    rows: AnyKept,
    made: Map<readonly object[], Map<string, string>>,
    wholeRows?: ReadonlyMap<AnyKept, KeptSet>,
  ): Promise<Map<string, string>> {
    return textsOnce(objectsOf(sets.get(rows) ?? wholeRows?.get(rows) ?? (rows.ofPolicies ? [] : await readWhole(rows))), made);
  }

  /** Link rows read from the database, their evidence kept as offsets, a few thousand rows per turn of the event loop. */
  async function compactEvidence(next: Map<AnyKept, object[]>, wholeRows?: ReadonlyMap<AnyKept, KeptSet>): Promise<void> {
    const made = new Map<readonly object[], Map<string, string>>();
    for (const [rows, links] of next) {
      if (!rows.evidenceTexts) continue;
      const texts = {
        from: await evidenceTextsOf(next, rows.evidenceTexts.from, made, wholeRows),
        to: await evidenceTextsOf(next, rows.evidenceTexts.to, made, wholeRows),
      };
      const compact: object[] = new Array<object>(links.length);
      for (let from = 0; from < links.length; from += COMPACT_ROWS_PER_TURN) {
        compactLinkRows(links, texts, { from, to: Math.min(links.length, from + COMPACT_ROWS_PER_TURN) }, compact);
        await new Promise((resolve) => setImmediate(resolve));
      }
      next.set(rows, compact);
    }
  }

  /** Keeps `next` (its strings shared already) and groups every lookup of its rows now, so that the first request does not pay for it. */
  function keepTaskRows(next: Map<AnyKept, object[]>): void {
    for (const rows of next.values()) frozen(rows);
    for (const lookup of lookupOf.values()) {
      const rows = lookup.kept && next.get(lookup.kept);
      if (rows) groupedOnce(rows, lookup);
    }
    taskRows = next;
    documentsOf = null;
  }

  /** Whether the graph has more tasks than the server keeps rows of (see maxKeptTasks); noted in `keepsTaskRows`. */
  async function overBudget(): Promise<boolean> {
    const [count] = await store.read(readQueries.taskCount);
    keepsTaskRows = (count?.tasks ?? 0) <= maxKeptTasks;
    return !keepsTaskRows;
  }

  /** Every task's rows in one read each: quickest, but holds the database meanwhile (start-up). */
  async function readTaskRowsWhole(strings: Map<string, string>): Promise<void> {
    const started = version;
    if (await overBudget()) return;
    const next = new Map<AnyKept, object[]>();
    // Strings shared as each set comes, not once all are read: every set as the database answers it would not fit in the heap of a large store.
    for (const rows of taskRowSets) next.set(rows, withSharedStrings(await store.read(rows.every), strings));
    await compactEvidence(next);
    if (started === version) keepTaskRows(next);
  }

  /** The same, a few documents per read, so that requests get their turn in between (after a write). */
  async function readTaskRowsByDocument(started: number, reader: Reader): Promise<void> {
    if (await overBudget()) {
      // Nothing to read, but the whole-graph rows are to be persisted again.
      if (started === version) onTaskRowsKept?.();
      return;
    }
    const policyIds = (await read(readQueries.allPolicies)).filter((policy) => !policy.stub).map((policy) => policy.id);
    const next = new Map<AnyKept, object[]>(taskRowSets.map((rows) => [rows, []]));
    for (let offset = 0; offset < policyIds.length; offset += REFILL_POLICIES) {
      for (const [rows, collected] of next) {
        if (started !== version) return;
        if (rows.ofPolicies)
          collected.push(...(await store.read(rows.ofPolicies, { ids: policyIds.slice(offset, offset + REFILL_POLICIES) }, reader)));
      }
    }
    if (started !== version) return;
    await compactEvidence(next);
    if (started === version) {
      const strings = new Map<string, string>();
      for (const rows of next.values()) withSharedStrings(rows, strings);
      keepTaskRows(next);
      onTaskRowsKept?.();
    }
  }

  /**
   * After writes whose ids are known: the rows of the documents they changed read again, the
   * others kept. On a 3,000-document store, an upload under 50 clients waited 75 s for every
   * document to be read again; one document is a few reads.
   */
  async function readChangedDocuments(
    started: number,
    { rows: previous, written }: NonNullable<typeof sinceKept>,
    reader: Reader,
  ): Promise<void> {
    if (await overBudget()) {
      if (started === version) onTaskRowsKept?.();
      return;
    }
    const policyIds = (await read(readQueries.allPolicies)).filter((policy) => !policy.stub).map((policy) => policy.id);
    const { index, changed } = await documentsChanged(previous, written, policyIds);
    if (started !== version) return;
    unchangedSince = {
      rows: previous,
      // A key is a task's id or a document's.
      isUnchanged: (key) => {
        const policyId = index.policyOfTask.get(key) ?? (index.tasksOfPolicy.has(key) ? key : undefined);
        return policyId !== undefined && !changed.has(policyId);
      },
    };
    const rowsRead = await readOfDocuments(
      started,
      [...changed],
      taskRowSets.map((rows) => rows.ofPolicies as ReadQuery<object>),
      reader,
    );
    if (!rowsRead) return;
    const update = await taskRowsUpdate({ previous, index, changed, rowsRead });
    if (started !== version) return;
    applyTaskRowsUpdate(update);
    onTaskRowsKept?.();
  }

  /** The index of the documents of the rows kept (made when first needed), and the documents `written` changed. */
  async function documentsChanged(
    previous: ReadonlyMap<AnyKept, readonly object[]>,
    written: WrittenIds,
    policyIds: readonly string[],
  ): Promise<{ index: DocumentsOfRows; changed: Set<string> }> {
    const index = documentsOf?.rows === previous ? documentsOf : (documentsOf = await documentsOfRows(previous));
    return { index, changed: changedDocuments(index, written, policyIds) };
  }

  /**
   * The rows of the changed documents (`rowsRead`, one list per set of task rows) made ready to
   * replace theirs: strings shared, link evidence compacted against the texts of `wholeRows` (read
   * in the same transaction, see prepare) or of the whole rows kept.
   */
  async function taskRowsUpdate({
    previous,
    index,
    changed,
    rowsRead,
    wholeRows,
  }: Pick<TaskRowsUpdate, 'previous' | 'index' | 'changed'> & {
    rowsRead: readonly object[][];
    wholeRows?: ReadonlyMap<AnyKept, KeptSet>;
  }): Promise<TaskRowsUpdate> {
    const fresh = new Map<AnyKept, object[]>(taskRowSets.map((rows, i) => [rows, rowsRead[i] ?? []]));
    const strings = new Map<string, string>();
    for (const rows of fresh.values()) withSharedStrings(rows, strings);
    // The rows of the changed documents' tasks, found by the lookups by task, not by a scan.
    const changedTasks = [...changed].flatMap((policyId) => index.tasksOfPolicy.get(policyId) ?? []);
    const removed = new Map<AnyKept, object[]>();
    for (const [rows, all] of previous) {
      const byTask = lookupByTask.get(rows);
      const groups = byTask ? groupedOnce(all, byTask) : null;
      removed.set(rows, groups ? changedTasks.flatMap((task) => groups.get(task) ?? []) : []);
    }
    // The new link rows' evidence kept as offsets into the texts of the tasks they link (the new
    // tasks, and kept parent tasks).
    const freshTasks = fresh.get(keptTasks) ?? [];
    const linked = idsIn([...fresh].flatMap(([rows, read]) => (rows.evidenceTexts ? read : [])));
    const taskById = groupedOnce(previous.get(keptTasks) ?? [], lookupByTask.get(keptTasks) as AnyLookup);
    const changedTaskIds = new Set(changedTasks);
    const keptLinked = [...new Set(linked)].flatMap((id) => (changedTaskIds.has(id) ? [] : (taskById.get(id) ?? [])));
    const added = new Map(fresh);
    added.set(keptTasks, [...keptLinked, ...freshTasks]);
    await compactEvidence(added, wholeRows);
    added.set(keptTasks, freshTasks);
    const next = new Map<AnyKept, object[]>();
    for (const [rows, all] of previous) {
      const gone = new Set(removed.get(rows));
      const fresh = frozen(added.get(rows) ?? []);
      next.set(rows, Object.freeze(await runInTurns(withRowsReplaced(all, gone, fresh))) as object[]);
    }
    return { previous, index, changed, removed, added, next };
  }

  /**
   * The task rows kept made those of the graph now (`next`), the lookups' groups and the index of
   * documents updated. In one turn: the groups are taken from the rows before (see regroup).
   */
  function applyTaskRowsUpdate({ previous, index, changed, removed, added, next }: TaskRowsUpdate): void {
    for (const [rows, all] of next) {
      // Each lookup's groups: the kept ones, but those of the rows gone, with the new rows'.
      for (const lookup of lookupOf.values()) {
        if (lookup.kept === rows) regroup(previous.get(rows) ?? [], all, lookup, removed.get(rows) ?? [], added.get(rows) ?? []);
      }
    }
    const tasksNow = (next.get(keptTasks) ?? []) as TaskNode[];
    const byTask = lookupByTask.get(keptTasks);
    if (byTask)
      updatePageOrder(
        (previous.get(keptTasks) ?? []) as TaskNode[],
        tasksNow,
        (removed.get(keptTasks) ?? []) as TaskNode[],
        (added.get(keptTasks) ?? []) as TaskNode[],
        // The groups regroup took over from the rows before.
        groupedOnce(tasksNow, byTask),
      );
    updateDocumentsOfRows(index, changed, removed, added, next);
    taskRows = next;
    sinceKept = null;
    unchangedSince = null;
  }

  /**
   * Whole-graph rows updated by document after writes (see KeptRows.updatedByPolicies): the rows of
   * the documents among the strings written replaced by theirs now; null once a later write came. Rows
   * of one document's tasks change only with a write naming the document or one of its tasks (their
   * links' `from`), whether or not the task rows are kept (over maxKeptTasks).
   */
  async function updatedWhole(
    started: number,
    since: NonNullable<typeof sinceWholeKept>,
    reader: Reader,
  ): Promise<Map<AnyKept, KeptSet> | null> {
    const known = new Set((await read(readQueries.allPolicies)).map((policy) => policy.id));
    const changed = documentsNamed(since.strings, known);
    const sets = [...since.rows];
    const rowsRead = await readOfDocuments(
      started,
      [...changed],
      sets.map(([rows]) => rows.updatedByPolicies as ReadQuery<object>),
      reader,
    );
    return rowsRead && wholeRowsUpdated(sets, changed, rowsRead);
  }

  /** The documents among the strings written, and a task's document as the kept rows last knew it, for a task id not of that form. */
  function documentsNamed(strings: ReadonlySet<string>, known: ReadonlySet<string>): Set<string> {
    const changed = documentsAmong(strings, (id) => known.has(id));
    for (const id of strings) {
      const policyId = documentsOf?.policyOfTask.get(id);
      if (policyId !== undefined) changed.add(policyId);
    }
    return changed;
  }

  /** Each set's rows `before`, those of the documents changed replaced by `rowsRead` (theirs now, a list per set). */
  function wholeRowsUpdated(
    sets: readonly (readonly [AnyKept, KeptSet])[],
    changed: ReadonlySet<string>,
    rowsRead: readonly object[][],
  ): Map<AnyKept, KeptSet> {
    return new Map(
      sets.map(([rows, before], i) => {
        const fresh = frozen(withSharedStrings(rowsRead[i] ?? [], new Map()));
        // The rows kept from before were frozen when they were kept: the list is all that is new.
        return [
          rows,
          Object.freeze(withDocumentsReplaced(before, changed, fresh, rowComparator(rows.every.order ?? []) ?? (() => 0))) as KeptSet,
        ];
      }),
    );
  }

  /**
   * What is kept made ready, in a write's transaction before its commit (its reads see what it
   * wrote): the whole-graph rows (those updated by document from the ones kept, the others read
   * whole) and the changed documents' task rows, which the commit puts in place at once (see
   * dropKept). Requests then never wait for a refill: they read the graph before the write until
   * the commit, and the graph after it, kept, from then on. Asked for only where the write's ids are
   * known; the task rows null where they are not kept whole now (a refill under way) or would be over
   * maxKeptTasks: the refill after the commit does that part.
   */
  async function prepare(tx: WriteTransaction, written: WrittenIds): Promise<Prepared> {
    const started = version;
    const previous = taskRows;
    const policies = await tx.read(readQueries.allPolicies);
    const strings = new Map<string, string>();
    const wholeRows = new Map<AnyKept, KeptSet>();
    const known = new Set(policies.map((policy) => policy.id));
    const changedWhole = documentsNamed(written.strings, known);
    for (const rows of keptRows) {
      if (rows.ofPolicies) continue;
      const before = wholeNow.get(rows);
      if (rows.updatedByPolicies) {
        // Not kept now: read when first asked for after the commit.
        if (!before) continue;
        const rowsRead = await readInTransaction(tx, [rows.updatedByPolicies], [...changedWhole]);
        wholeRows.set(rows, wholeRowsUpdated([[rows, before]], changedWhole, rowsRead).get(rows) ?? []);
      } else {
        const found = rows.every === readQueries.allPolicies ? policies : await tx.read(rows.every);
        wholeRows.set(rows, keptWhole(rows, found, strings));
      }
    }
    if (!keepsTaskRows) return { started, wholeRows, tasks: null, remembered: await rememberedUnchanged(written, known) };
    if (previous === null || !canReadChanged) return { started, wholeRows, tasks: null, remembered: null };
    const [count] = await tx.read(readQueries.taskCount);
    if ((count?.tasks ?? 0) > maxKeptTasks) return { started, wholeRows, tasks: null, remembered: null };
    const policyIds = policies.filter((policy) => !policy.stub).map((policy) => policy.id);
    const { index, changed } = await documentsChanged(previous, written, policyIds);
    const rowsRead = await readInTransaction(
      tx,
      taskRowSets.map((rows) => rows.ofPolicies as ReadQuery<object>),
      [...changed],
    );
    return { started, wholeRows, tasks: await taskRowsUpdate({ previous, index, changed, rowsRead, wholeRows }), remembered: null };
  }

  /**
   * Over maxKeptTasks, the rows remembered that a write did not change. Without the index of the
   * kept rows' documents, each key is judged on its rows, by the rule changedDocuments follows: a
   * key's rows change only with a write naming the key, or its document (a task's id is its
   * document's id, '#', its path: ingest/load/ids.ts), or a node one of its rows names, or that
   * node's document. On a store of 30,000 documents an upload let go of every key read, and the
   * lookups after it read them all from the database again.
   */
  async function rememberedUnchanged(written: WrittenIds, known: ReadonlySet<string>): Promise<Map<string, readonly object[]>> {
    const changed = documentsAmong(written.strings, (id) => known.has(id));
    const isChanged = (id: string) => written.nodes.has(id) || isOfDocumentIn(id, changed);
    const unchanged = new Map<string, readonly object[]>();
    let checked = 0;
    // The entries as they are now: reads go on meanwhile, and move the keys they use to the end.
    for (const [name, rows] of [...remembered]) {
      const key = name.slice(name.indexOf(' ') + 1);
      if (!written.strings.has(key) && !isChanged(key) && !namesAny(rows, isChanged)) unchanged.set(name, rows);
      checked += rows.length + 1;
      if (checked >= ROWS_SCANNED_PER_TURN) {
        checked = 0;
        await nextTurn();
      }
    }
    return unchanged;
  }

  /** The rows of each query for the documents, REFILL_POLICIES documents per read, in the transaction (one read at a time). */
  async function readInTransaction(
    tx: WriteTransaction,
    queries: readonly ReadQuery<object>[],
    ids: readonly string[],
  ): Promise<object[][]> {
    const found = queries.map((): object[] => []);
    for (const [i, query] of queries.entries())
      for (let at = 0; at < ids.length; at += REFILL_POLICIES)
        found[i]?.push(...(await tx.read(query, { ids: ids.slice(at, at + REFILL_POLICIES) })));
    return found;
  }

  /**
   * The rows of each query for the documents, REFILL_POLICIES documents per read, the reads of every
   * query asked together, READS_AT_ONCE per query: under load each read waited for the one before
   * took a turn of a busy event loop, hundreds of milliseconds. Null once a later write came.
   */
  async function readOfDocuments(
    started: number,
    ids: readonly string[],
    queries: readonly ReadQuery<object>[],
    reader?: Reader,
  ): Promise<object[][] | null> {
    const found = queries.map((): object[] => []);
    const wave = REFILL_POLICIES * READS_AT_ONCE;
    for (let offset = 0; offset < ids.length; offset += wave) {
      if (started !== version) return null;
      const chunks: string[][] = [];
      for (let at = offset; at < Math.min(ids.length, offset + wave); at += REFILL_POLICIES)
        chunks.push(ids.slice(at, at + REFILL_POLICIES));
      const rowsRead = await Promise.all(queries.flatMap((query) => chunks.map((chunk) => store.read(query, { ids: chunk }, reader))));
      queries.forEach((_, i) => {
        for (let chunk = 0; chunk < chunks.length; chunk += 1) found[i]?.push(...(rowsRead[i * chunks.length + chunk] ?? []));
      });
    }
    return started === version ? found : null;
  }

  /** The index of the documents of the rows' ids, a few thousand rows per turn of the event loop. */
  async function documentsOfRows(rows: ReadonlyMap<AnyKept, readonly object[]>): Promise<DocumentsOfRows> {
    const index: DocumentsOfRows = { rows, tasksOfPolicy: new Map(), policyOfTask: new Map(), namedBy: new Map() };
    for (const task of (rows.get(keptTasks) ?? []) as TaskNode[]) addTask(index, task);
    for (const [set, all] of rows) {
      const taskOf = taskOfRow.get(set);
      if (!taskOf) continue;
      for (let from = 0; from < all.length; from += ROWS_SCANNED_PER_TURN) {
        noteNamed(index, all, taskOf, addNamed, { from, to: Math.min(all.length, from + ROWS_SCANNED_PER_TURN) });
        await nextTurn();
      }
    }
    return index;
  }

  /** The index made to describe `next`: the changed documents' rows `removed`, their rows now `added`. */
  function updateDocumentsOfRows(
    index: DocumentsOfRows,
    changed: ReadonlySet<string>,
    removed: ReadonlyMap<AnyKept, readonly object[]>,
    added: ReadonlyMap<AnyKept, readonly object[]>,
    next: ReadonlyMap<AnyKept, readonly object[]>,
  ): void {
    // Their names first, while the index still holds their tasks.
    for (const [set, rows] of removed) {
      const taskOf = taskOfRow.get(set);
      if (taskOf) noteNamed(index, rows, taskOf, deleteNamed);
    }
    for (const policyId of changed) {
      for (const task of index.tasksOfPolicy.get(policyId) ?? []) index.policyOfTask.delete(task);
      index.tasksOfPolicy.delete(policyId);
    }
    for (const task of (added.get(keptTasks) ?? []) as TaskNode[]) addTask(index, task);
    for (const [set, rows] of added) {
      const taskOf = taskOfRow.get(set);
      if (taskOf) noteNamed(index, rows, taskOf, addNamed);
    }
    index.rows = next;
  }

  /**
   * The documents whose task rows the written ids may have changed: a document written, or one of its
   * tasks; a document new since (or without tasks); a document with a row whose id columns name a
   * written id (an agency, a national item, a jurisdiction, a task); and a document with a row naming
   * a task of those (another document's parent link to a task its document replaced).
   */
  function changedDocuments(index: DocumentsOfRows, written: WrittenIds, policyIds: readonly string[]): Set<string> {
    const changed = new Set(policyIds.filter((id) => !index.tasksOfPolicy.has(id)));
    for (const id of written.strings) {
      if (index.tasksOfPolicy.has(id)) changed.add(id);
      const policy = index.policyOfTask.get(id);
      if (policy !== undefined) changed.add(policy);
    }
    // Only ids of nodes written: the other ends of links written change nothing about the rows naming them.
    const documentsNaming = (id: string) => {
      const found = index.namedBy.get(id);
      if (typeof found === 'string') changed.add(found);
      else for (const policyId of found ?? []) changed.add(policyId);
    };
    for (const id of written.nodes) documentsNaming(id);
    for (const policyId of [...changed]) for (const task of index.tasksOfPolicy.get(policyId) ?? []) documentsNaming(task);
    return changed;
  }

  /**
   * After a write: a new version, whole-graph rows read again when asked for, task rows in the
   * background: those of the documents the write changed when its ids are known (`written`) and the
   * rows before it were kept whole, every document's otherwise.
   */
  function dropKept(written: WrittenIds | null, prepared: Prepared | null = null): void {
    // Made ready for the graph kept now, with no write or refill since (a refill under way has no task rows kept).
    const ready = prepared?.started === version ? prepared : null;
    version += 1;
    // A copy: the strings of a write during a refill are added to sinceKept's (below).
    recentWrites.push({
      version,
      strings: written && new Set(written.strings),
      nodes: written && new Set(written.nodes),
      jurisdictions:
        written && jurisdictionsOfWrite(written, (known) => documentsNamed(written.strings, known), wholeNow, ready?.wholeRows),
    });
    let stringsNoted = recentWrites.reduce((sum, { strings }) => sum + (strings?.size ?? 0), 0);
    while (recentWrites.length > REMEMBERED_WRITES || stringsNoted > MAX_WRITTEN_IDS)
      stringsNoted -= recentWrites.shift()?.strings?.size ?? 0;
    const wholeBefore = new Map([...wholeNow].filter(([rows]) => rows.updatedByPolicies));
    whole = new Map();
    wholeNow = new Map();
    remembered = ready?.remembered ?? new Map<string, readonly object[]>();
    if (ready) {
      for (const [rows, found] of ready.wholeRows) {
        whole.set(rows, Promise.resolve(found));
        wholeNow.set(rows, found);
      }
      sinceWholeKept = null;
    } else if (written === null) sinceWholeKept = null;
    else if (wholeBefore.size > 0) sinceWholeKept = { rows: wholeBefore, strings: new Set(written.strings) };
    // A write before the rows were updated after an earlier one: both writes' documents are updated.
    else for (const id of written.strings) sinceWholeKept?.strings.add(id);
    if (ready?.tasks?.previous === taskRows) {
      applyTaskRowsUpdate(ready.tasks);
      refill = Promise.resolve();
      onTaskRowsKept?.();
      return;
    }
    if (written === null || !canReadChanged) sinceKept = null;
    else if (taskRows !== null) sinceKept = { rows: taskRows, written };
    else if (sinceKept !== null) {
      // A write during the refill of an earlier one: both writes' documents are read again.
      for (const id of written.strings) sinceKept.written.strings.add(id);
      for (const id of written.nodes) sinceKept.written.nodes.add(id);
    }
    taskRows = null;
    unchangedSince = null;
    const started = version;
    // The reads after a write, as one reader that came at the write: they go before those of the
    // requests after it, which they answer from memory once done (see read-queue.ts).
    const reader = newReader();
    const wholeSince = sinceWholeKept;
    if (wholeSince) {
      const updated = updatedWhole(started, wholeSince, reader).catch(() => null);
      // Kept for requests from now on (a failed read is let go in readWhole).
      for (const rows of wholeSince.rows.keys())
        void readWhole(
          rows,
          updated.then((sets) => sets?.get(rows) ?? null),
        );
    }
    if (taskRowSets.length > 0) {
      const since = sinceKept;
      // Until the refill is done, lookups go to the database; a failure leaves it that way.
      refill = (since ? readChangedDocuments(started, since, reader) : readTaskRowsByDocument(started, reader)).catch(() => undefined);
    }
  }

  /** The writes since `since`, each remembered; null when one is not (or nothing is kept). */
  function writesSince(since: number): typeof recentWrites | null {
    if (keptRows.length === 0) return null;
    const after = recentWrites.filter((write) => write.version > since);
    if (version > since && after[0]?.version !== since + 1) return null;
    return after;
  }

  return {
    backend: store.backend,
    get queryCount() {
      return store.queryCount;
    },
    applySchema: () => store.applySchema(),
    read,
    async transaction(work) {
      let rowsWritten = 0;
      let committed = false;
      let written: WrittenIds | null = { strings: new Set(), nodes: new Set() };
      const ready: { prepared: Prepared | null } = { prepared: null };
      try {
        const value = await store.transaction((tx) =>
          work({
            write(query, rows, params) {
              rowsWritten += rows.length;
              written = written && withWrittenIds(written, rows, params);
              // Written after it was prepared: what was prepared is not the graph committed.
              ready.prepared = null;
              return tx.write(query, rows, params);
            },
            read: (query, params) => tx.read(query, params),
            async prepareCommit() {
              // A failure to prepare leaves the refill after the commit to do it.
              ready.prepared = rowsWritten > 0 && written && keptRows.length > 0 ? await prepare(tx, written).catch(() => null) : null;
            },
          }),
        );
        committed = true;
        return value;
      } finally {
        // A transaction that wrote no row left the graph as it was (an unchanged document or
        // catalogue, as the store's version stamp says too): everything kept stays. Even a failed
        // transaction may have been a commit the driver reported late: read again.
        if (!committed || rowsWritten > 0) dropKept(committed ? written : null, committed ? ready.prepared : null);
      }
    },
    close: async () => {
      version += 1;
      await refill;
      await onFile?.file.close();
      await store.close();
    },
    async warm() {
      const strings = (warmingStrings = new Map<string, string>());
      try {
        await Promise.all(keptRows.filter((rows) => !rows.ofPolicies).map((rows) => readWhole(rows)));
        if (taskRowSets.length > 0) await readTaskRowsWhole(strings);
      } finally {
        warmingStrings = null;
      }
    },
    settled: () => refill,
    get version() {
      return keptRows.length > 0 ? version : null;
    },
    async rowSets() {
      const started = version;
      const sets = new Map<string, KeptSet>();
      for (const rows of keptRows) {
        if (rows.ofPolicies && !keepsTaskRows) continue;
        const now = rowsNow(rows);
        if (!now) return null;
        sets.set(rows.every.name, await now);
      }
      return started === version ? sets : null;
    },
    restore(sets) {
      const next = new Map<AnyKept, object[]>();
      const nextWhole = new Map<AnyKept, KeptSet>();
      for (const rows of keptRows) {
        const found = sets.get(rows.every.name);
        if (!found) {
          if (!rows.ofPolicies) return false;
        } else if (rows.ofPolicies) next.set(rows, [...objectsOf(found)]);
        else nextWhole.set(rows, rows.byColumn && !(found instanceof ColumnRows) ? ColumnRows.of(found, rows.byColumn.split) : found);
      }
      if (next.size > 0 && next.size < taskRowSets.length) return false;
      // Rows persisted without the task rows are of a graph over the budget (see rowSets), and so
      // is this one, of the same version; task rows persisted under a larger budget are let go.
      keepsTaskRows = taskRowSets.length === 0 || (next.size > 0 && (next.get(keptTasks)?.length ?? 0) <= maxKeptTasks);
      for (const [rows, found] of nextWhole) {
        const keptSet = found instanceof ColumnRows ? found : frozen([...found]);
        whole.set(rows, Promise.resolve(keptSet));
        wholeNow.set(rows, keptSet);
      }
      if (keepsTaskRows) keepTaskRows(next);
      return true;
    },
    answerNow<Row, Answer>(lookup: Lookup<Row, Answer>, keys: readonly string[]): readonly Answer[] | null {
      const declared = lookup as unknown as AnyLookup;
      if (!declared.kept || !kept.has(declared.kept)) return null;
      const rows =
        rowsKeptNow(declared.kept) ??
        (keys.every((key) => unchangedSince?.isUnchanged(key)) ? unchangedSince?.rows.get(declared.kept) : null);
      if (!rows) return null;
      return keys.map((key) => answerOnce(rows, declared, key) as Answer);
    },
    eachRowNow<Row>(query: ReadQuery<Row>) {
      const every = byEvery.get(query);
      return ((every && rowsKeptNow(every)) ?? null) as Iterable<Row> | null;
    },
    get taskRowsKept() {
      return taskRows !== null;
    },
    get taskRowsOverBudget() {
      return !keepsTaskRows;
    },
    async *taskRowsByDocument() {
      if (!canReadChanged) throw new Error('the kept rows do not say which document each task row is of');
      // Cited documents not loaded (stubs) too: none of their rows is then asked of the database.
      const policyIds = (await read(readQueries.allPolicies)).map((policy) => policy.id);
      const wave = REFILL_POLICIES * READS_AT_ONCE;
      for (let offset = 0; offset < policyIds.length;) {
        const ids = policyIds.slice(offset, offset + wave);
        const rowsRead = await readOfDocuments(
          version,
          ids,
          taskRowSets.map((rows) => rows.ofPolicies as ReadQuery<object>),
        );
        // A write came meanwhile: these documents again, as they are after it.
        if (!rowsRead) continue;
        // Each document's tasks in the order read (its position), each with its rows of every set.
        const documents = new Map(ids.map((id) => [id, new Map<string, Record<string, object[]>>()]));
        const rowsOfTask = new Map<string, Record<string, object[]>>();
        for (const task of (rowsRead[taskRowSets.indexOf(keptTasks)] ?? []) as TaskNode[]) {
          const rows = Object.fromEntries(taskRowSets.map((set) => [set.every.name, [] as object[]]));
          documents.get(task.policyId)?.set(task.id, rows);
          rowsOfTask.set(task.id, rows);
        }
        taskRowSets.forEach((rows, i) => {
          const taskOf = taskOfRow.get(rows);
          for (const row of rowsRead[i] ?? []) rowsOfTask.get(taskOf?.(row) ?? '')?.[rows.every.name]?.push(row);
        });
        yield* documents;
        offset += wave;
      }
    },
    useTaskRowsFile(file, at) {
      onFile = { file, version: at, written: null };
    },
    taskIdsPageNow(jurisdictionId, skip, limit) {
      const rows = kept.has(keptTasks) ? (taskRows?.get(keptTasks) as TaskNode[] | undefined) : undefined;
      if (!rows) return null;
      const order = pageOrderOnce(rows);
      const ids = jurisdictionId === null ? order.every : (order.byJurisdiction.get(jurisdictionId) ?? []);
      return ids.slice(skip, skip + limit);
    },
    async tasks() {
      const rows = kept.has(keptTasks) ? taskRows?.get(keptTasks) : undefined;
      return (rows as TaskNode[] | undefined) ?? store.read(readQueries.searchableTasks);
    },
    async tasksOf(policyIds) {
      const ids = [...new Set(policyIds)];
      const rows = kept.has(keptTasks) ? (taskRows?.get(keptTasks) as TaskNode[] | undefined) : undefined;
      if (rows) {
        const wanted = new Set(ids);
        return rows.filter((task) => wanted.has(task.policyId));
      }
      const found: TaskNode[] = [];
      for (let at = 0; at < ids.length; at += REFILL_POLICIES)
        found.push(...(await store.read(readQueries.tasksByPolicies, { ids: ids.slice(at, at + REFILL_POLICIES) })));
      return found;
    },
    writtenSince(since) {
      const after = writesSince(since);
      if (after === null) return null;
      const strings = new Set<string>();
      for (const write of after) {
        if (write.strings === null) return null;
        for (const each of write.strings) strings.add(each);
      }
      return strings;
    },
    touchedSince(since, jurisdictionIds) {
      const after = writesSince(since);
      if (after === null) return null;
      let touched = false;
      for (const { strings, jurisdictions } of after) {
        if (strings === null || jurisdictions === null) return null;
        touched ||= jurisdictionIds.some((id) => strings.has(id) || jurisdictions.has(id));
      }
      return touched;
    },
  };
}
