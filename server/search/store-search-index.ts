/**
 * @module The search index of a store's tasks: built with one read at start-up, rebuilt by
 * `refresh()` after an ingest. Searches keep answering from the old index during a rebuild.
 */
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries } from '../../store/queries/index.js';
import { createSearchIndex, type SearchHit, type SearchIndex, type SearchOptions } from './search-index.js';
import { segmentWords } from './segment-words.js';

export interface StoreSearchIndex extends SearchIndex {
  /** Re-reads every task from the store and swaps the new index in. */
  refresh(): Promise<void>;
}

export async function buildSearchIndex(store: GraphStore): Promise<StoreSearchIndex> {
  const load = async () => createSearchIndex(await store.read(readQueries.searchableTasks));
  let current = await load();
  // Load jieba's dictionary now rather than during the first search.
  segmentWords('预热');
  return {
    get size() {
      return current.size;
    },
    search(query: string, options?: SearchOptions): SearchHit[] {
      return current.search(query, options);
    },
    async refresh() {
      current = await load();
    },
  };
}
