/**
 * @module The search index of the kept graph's tasks: built from the same task rows the server
 * keeps (no second read of every task), or loaded from its file (search-index-file.ts). Until the
 * first index is there, searches wait for it (useSearchAfterIndexBuilt) rather than answer that
 * nothing matched.
 *
 * After a write the index is kept up to date in parts (search-index.ts, searchParts): the index
 * built whole, without the tasks of the documents written since; an index of those documents'
 * tasks as they were when it was built, past MAX_TASKS_RECENT, without the documents written
 * again since; and an index of the documents written since that, built again at each write. An
 * upload then costs an index of a few thousand tasks at most, not of every task: on a store of
 * 30,000 documents (2 million tasks), building the whole index again took 171 s of an upload. Past MAX_TASKS_WRITTEN the index is built whole
 * again in the background, writes going on in parts meanwhile; when the writes are not known, it is
 * built whole before the refresh ends.
 */
import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { readQueries } from '../../store/queries/index.js';
import {
  createSearchIndex,
  searchIndexSteps,
  searchParts,
  type BuiltSearchIndex,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchOptions,
} from '../search/search-index.js';
import { segmentWords } from '../search/segment-words.js';
import { runInTurns } from '../turns.js';
import { documentsAmong, type KeptGraph, type SearchableTask } from './kept-graph.js';

export interface KeptSearchIndex extends SearchIndex {
  /**
   * Brings the index up to the kept graph after warm or a write; searches answer from the old one
   * meanwhile. Refreshes run one after another.
   */
  refresh(): Promise<void>;
  /**
   * Answers from `index` (one loaded from its file) from now on, and from the documents written
   * since it was built, with their tasks, when given (see onWritten).
   */
  restore(index: BuiltSearchIndex, written?: ReadonlyMap<string, readonly SearchableTask[]>): Promise<void>;
  /** Resolves once no index is being built whole in the background (see MAX_TASKS_WRITTEN). */
  settled(): Promise<void>;
  /** Whether an index was built or restored; before that, `search` knows of no task. */
  readonly built: boolean;
  /** Changes with each index built, restored or brought up to date: a search's answer is the same until it does. */
  readonly generation: number;
}

export interface KeptSearchIndexOptions {
  /** @default MAX_TASKS_WRITTEN */
  maxTasksWritten?: number;
  /** @default MAX_TASKS_RECENT */
  maxTasksRecent?: number;
  /** Called with each index built whole and the kept graph's version it was built at (to persist it). */
  onBuilt?: (index: BuiltSearchIndex, version: number | null) => void;
  /** Called after each update in parts: the documents written since `whole` was built, with their tasks now (to persist them). */
  onWritten?: (written: ReadonlyMap<string, readonly SearchableTask[]>, whole: BuiltSearchIndex, version: number | null) => void;
}

/**
 * Tasks of the documents written since the index was last built whole, past which it is built whole
 * again, in the background while writes go on in parts: the written documents' index is built again
 * every MAX_TASKS_RECENT tasks (1.3-1.5 s for 50,000 tasks), and the whole index of a store of 2
 * million tasks takes minutes.
 */
export const MAX_TASKS_WRITTEN = 50_000;

/**
 * Tasks of the documents written since the written documents' index was built, past which it is
 * built again from every document written: each write indexes these tasks again (0.1-0.24 s for
 * 5,000 on a 2-core machine), and the written documents' index is built once per 5,000 tasks
 * written, not at each write.
 */
export const MAX_TASKS_RECENT = 5_000;

/** Tasks in the order the search index has always been built in: by jurisdiction, then document order. */
export function searchDocumentsOf(tasks: readonly SearchableTask[]): SearchDocument[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...tasks].sort((a, b) => compare(a.jurisdictionId, b.jurisdictionId) || compare(a.policyId, b.policyId) || a.seq - b.seq);
}

/** The index built whole, and where each document's tasks are in it (in one run: the index is in document order). */
interface WholeIndex {
  index: BuiltSearchIndex;
  spans: Map<string, { from: number; to: number }>;
}

/** The positions of the documents' tasks in an index, in ascending order. */
function positionsOf(spans: WholeIndex['spans'], policyIds: Iterable<string>): Int32Array {
  const positions: number[] = [];
  for (const policyId of policyIds) {
    const span = spans.get(policyId);
    for (let at = span?.from ?? 0; at < (span?.to ?? 0); at += 1) positions.push(at);
  }
  return Int32Array.from(positions).sort();
}

function wholeIndexOf(index: BuiltSearchIndex): WholeIndex {
  const spans = new Map<string, { from: number; to: number }>();
  const { policyIds } = index.data;
  for (let at = 0; at < policyIds.length; at += 1) {
    const policyId = policyIds.at(at) ?? '';
    const span = spans.get(policyId);
    if (span) span.to = at + 1;
    else spans.set(policyId, { from: at, to: at + 1 });
  }
  return { index, spans };
}

export function keptSearchIndex(
  kept: KeptGraph,
  { maxTasksWritten = MAX_TASKS_WRITTEN, maxTasksRecent = MAX_TASKS_RECENT, onBuilt, onWritten }: KeptSearchIndexOptions = {},
): KeptSearchIndex {
  let current: SearchIndex = createSearchIndex([]);
  let whole: WholeIndex | null = null;
  /** Each document written since `whole` was built, with its tasks now (none once they are deleted). */
  let written: ReadonlyMap<string, readonly SearchableTask[]> = new Map();
  /** An index of the documents written, with their tasks when it was built (past maxTasksRecent); null until then. */
  let writtenIndex: WholeIndex | null = null;
  /** The documents written since `writtenIndex` was built: every one of `written` while it is null. */
  let recent: ReadonlySet<string> = new Set();
  /** The kept graph's version `current` is up to date with. */
  let upTo: number | null = null;
  let generation = 0;
  let refreshing: Promise<void> = Promise.resolve();
  /** The index being built whole in the background; null when none is. */
  let buildingAside: Promise<void> | null = null;

  /** Runs `work` after the refreshes before it, one at a time. */
  function inTurn(work: () => Promise<void>): Promise<void> {
    const next = refreshing.then(work);
    refreshing = next.catch(() => undefined);
    return next;
  }

  function show(index: SearchIndex, version: number | null): void {
    current = index;
    upTo = version;
    generation += 1;
    // Load jieba's dictionary now rather than during the first search.
    segmentWords('预热');
  }

  /** The index of every task kept at the graph's version now, and that version. */
  async function indexOfEveryTask(): Promise<{ index: BuiltSearchIndex; version: number | null }> {
    await kept.settled();
    const version = kept.version;
    // In turns of the event loop, so that requests are answered from the old index meanwhile.
    return { index: await runInTurns(searchIndexSteps(searchDocumentsOf(await kept.tasks()))), version };
  }

  async function buildWhole(): Promise<void> {
    const { index, version } = await indexOfEveryTask();
    whole = wholeIndexOf(index);
    forgetWritten();
    show(index, version);
    onBuilt?.(index, version);
  }

  /**
   * Builds the index whole while updates go on in parts, then takes it, with the documents written
   * since it was read brought in (not shown before they are: an upload answered is searchable).
   */
  async function buildWholeAside(): Promise<void> {
    const { index, version } = await indexOfEveryTask();
    await inTurn(async () => {
      whole = wholeIndexOf(index);
      forgetWritten();
      upTo = version;
      onBuilt?.(index, version);
      if (kept.version === version) show(index, version);
      else await update();
    });
  }

  /** The documents among `strings`: written, deleted, or holding a task written. */
  async function documentsWritten(strings: ReadonlySet<string>, { spans }: WholeIndex): Promise<string[]> {
    const known = new Set((await kept.read(readQueries.allPolicies)).map((policy) => policy.id));
    return [...documentsAmong(strings, (id) => known.has(id) || spans.has(id) || written.has(id))];
  }

  async function update(): Promise<void> {
    await kept.settled();
    const version = kept.version;
    const strings = whole && upTo !== null && version !== null ? kept.writtenSince(upTo) : null;
    if (!whole || strings === null) return buildWhole();
    const policyIds = await documentsWritten(strings, whole);
    const tasks = await kept.tasksOf(policyIds);
    const now = new Map<string, SearchableTask[]>(policyIds.map((policyId) => [policyId, []]));
    for (const task of tasks) now.get(task.policyId)?.push(task);
    const next = new Map<string, readonly SearchableTask[]>([...written, ...now]);
    await showInParts(whole, next, now.keys(), version);
    onWritten?.(next, whole.index, version);
    const tasksWritten = [...next.values()].reduce((sum, each) => sum + each.length, 0);
    if (tasksWritten > Math.min(maxTasksWritten, whole.index.size))
      // A failure leaves the index in parts; the next write past the limit tries again.
      buildingAside ??= buildWholeAside()
        .catch(() => undefined)
        .finally(() => (buildingAside = null));
  }

  /** No document written since the index was built whole. */
  function forgetWritten(): void {
    written = new Map();
    writtenIndex = null;
    recent = new Set();
  }

  /**
   * Answers from `whole` without the documents `next` holds; from the written documents' index
   * without those written since it was built (`recent`, with `changed`); and from an index of those
   * documents' tasks now. Past maxTasksRecent, the written documents' index is built again from
   * every document `next` holds.
   */
  async function showInParts(
    { index, spans }: WholeIndex,
    next: ReadonlyMap<string, readonly SearchableTask[]>,
    changed: Iterable<string>,
    version: number | null,
  ): Promise<void> {
    const tasksOf = (policyIds: Iterable<string>) => [...policyIds].flatMap((policyId) => next.get(policyId) ?? []);
    const indexOf = (tasks: readonly SearchableTask[]) => runInTurns(searchIndexSteps(searchDocumentsOf(tasks)));
    let recentNow = new Set([...recent, ...changed]);
    let writtenIndexNow = writtenIndex;
    if (tasksOf(recentNow).length > maxTasksRecent) {
      writtenIndexNow = wholeIndexOf(await indexOf(tasksOf(next.keys())));
      recentNow = new Set();
    }
    const since = await indexOf(tasksOf(recentNow));
    written = next;
    writtenIndex = writtenIndexNow;
    recent = recentNow;
    show(
      searchParts([
        { data: index.data, removed: positionsOf(spans, next.keys()) },
        ...(writtenIndexNow ? [{ data: writtenIndexNow.index.data, removed: positionsOf(writtenIndexNow.spans, recentNow) }] : []),
        { data: since.data, removed: new Int32Array(0) },
      ]),
      version,
    );
  }

  return {
    get size() {
      return current.size;
    },
    get built() {
      return whole !== null;
    },
    get generation() {
      return generation;
    },
    search(query: string, options?: SearchOptions): SearchHit[] {
      return current.search(query, options);
    },
    refresh: () => inTurn(update),
    restore: (index, restored = new Map()) =>
      inTurn(async () => {
        const version = kept.version;
        whole = wholeIndexOf(index);
        forgetWritten();
        if (restored.size === 0) show(index, version);
        else await showInParts(whole, restored, restored.keys(), version);
      }),
    async settled() {
      while (buildingAside) await buildingAside.catch(() => undefined);
    },
  };
}

/**
 * Makes an operation with a `search` at its root wait for `whenBuilt()` (null once the index is
 * there) before it runs, outside the read lock: during a cold start a search is answered late,
 * never with an empty list as if nothing matched.
 */
export function useSearchAfterIndexBuilt(whenBuilt: () => Promise<unknown> | null): Plugin {
  return {
    async onExecute({ args }) {
      const waiting = whenBuilt();
      if (!waiting) return;
      // The hook's arguments come typed as any: named here.
      const operation = getOperationAST(args.document as DocumentNode, args.operationName as string | null | undefined);
      // Fragments at the root may hold a search too: they wait as well.
      const searches = operation?.selectionSet.selections.some(
        (selection) => selection.kind !== Kind.FIELD || selection.name.value === 'search',
      );
      if (searches) await waiting;
    },
  };
}
