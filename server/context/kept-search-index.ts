/**
 * @module The search index of the kept graph's tasks: built from the same task rows the server
 * keeps (no second read of every task), and built again once they are kept again after a write.
 */
import type { TaskNode } from '../../graph-schema/model.js';
import { createSearchIndex, type SearchDocument, type SearchHit, type SearchIndex, type SearchOptions } from '../search/search-index.js';
import { segmentWords } from '../search/segment-words.js';
import type { KeptGraph } from './kept-graph.js';

export interface KeptSearchIndex extends SearchIndex {
  /** Builds the index from the kept tasks (after warm or a write); searches answer from the old one meanwhile. */
  refresh(): Promise<void>;
}

/** Tasks in the order the search index has always been built in: by jurisdiction, then document order. */
export function searchDocumentsOf(tasks: readonly TaskNode[]): SearchDocument[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...tasks].sort(
    (a, b) => compare(a.jurisdictionId, b.jurisdictionId) || compare(a.policyId, b.policyId) || a.seq - b.seq,
  );
}

export function keptSearchIndex(kept: KeptGraph): KeptSearchIndex {
  let current: SearchIndex = createSearchIndex([]);
  return {
    get size() {
      return current.size;
    },
    search(query: string, options?: SearchOptions): SearchHit[] {
      return current.search(query, options);
    },
    async refresh() {
      await kept.settled();
      current = createSearchIndex(searchDocumentsOf(await kept.tasks()));
      // Load jieba's dictionary now rather than during the first search.
      segmentWords('预热');
    },
  };
}
