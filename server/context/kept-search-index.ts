/**
 * @module The search index of the kept graph's tasks: built from the same task rows the server
 * keeps (no second read of every task), or loaded from its file (search-index-file.ts), and built
 * again once they are kept again after a write. Until the first index is there, searches wait for
 * it (useSearchAfterIndexBuilt) rather than answer that nothing matched.
 */
import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  createSearchIndex,
  searchIndexSteps,
  type BuiltSearchIndex,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchOptions,
} from '../search/search-index.js';
import { segmentWords } from '../search/segment-words.js';
import { runInTurns } from '../turns.js';
import type { KeptGraph, SearchableTask } from './kept-graph.js';

export interface KeptSearchIndex extends SearchIndex {
  /** Builds the index from the kept tasks (after warm or a write); searches answer from the old one meanwhile. */
  refresh(): Promise<void>;
  /** Answers from `index` (one loaded from its file) from now on. */
  restore(index: BuiltSearchIndex): void;
  /** Whether an index was built or restored; before that, `search` knows of no task. */
  readonly built: boolean;
  /** Changes with each index built or restored: a search's answer is the same until it does. */
  readonly generation: number;
}

export interface KeptSearchIndexOptions {
  /** Called with each index built and the kept graph's version it was built at (to persist it). */
  onBuilt?: (index: BuiltSearchIndex, version: number | null) => void;
}

/** Tasks in the order the search index has always been built in: by jurisdiction, then document order. */
export function searchDocumentsOf(tasks: readonly SearchableTask[]): SearchDocument[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...tasks].sort((a, b) => compare(a.jurisdictionId, b.jurisdictionId) || compare(a.policyId, b.policyId) || a.seq - b.seq);
}

export function keptSearchIndex(kept: KeptGraph, { onBuilt }: KeptSearchIndexOptions = {}): KeptSearchIndex {
  let current: SearchIndex = createSearchIndex([]);
  let built = false;
  let generation = 0;
  let buildsStarted = 0;
  let buildShown = 0;
  return {
    get size() {
      return current.size;
    },
    get built() {
      return built;
    },
    get generation() {
      return generation;
    },
    search(query: string, options?: SearchOptions): SearchHit[] {
      return current.search(query, options);
    },
    async refresh() {
      const build = (buildsStarted += 1);
      await kept.settled();
      const version = kept.version;
      // In turns of the event loop, so that requests are answered from the old index meanwhile.
      const index = await runInTurns(searchIndexSteps(searchDocumentsOf(await kept.tasks())));
      // A refresh started later may finish first: an older index never replaces a newer one.
      if (build < buildShown) return;
      buildShown = build;
      current = index;
      built = true;
      generation += 1;
      // Load jieba's dictionary now rather than during the first search.
      segmentWords('预热');
      onBuilt?.(index, version);
    },
    restore(index) {
      current = index;
      built = true;
      generation += 1;
      segmentWords('预热');
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
