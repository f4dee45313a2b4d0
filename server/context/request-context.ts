/**
 * @module What a resolver receives: the store (wrapped to count this request's queries), fresh
 * DataLoaders, the search index and the validated-argument schemas.
 */
import type { LinkContext } from '../../ingest/link/index.js';
import type { GraphStore } from '../../store/graph-store.js';
import { newReader } from '../../store/read-queue.js';
import type { Lookup } from '../../store/queries/lookups.js';
import type { ReadQuery } from '../../store/queries/define.js';
import type { KeptGraph } from './kept-graph.js';
import type { SearchIndex } from '../search/search-index.js';
import type { ArgSchemas } from '../schema/args.js';
import type { Logger } from '../logger.js';
import { createLoaders, loadNow, type AnswerNow, type LoadNow, type Loaders } from './loaders.js';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  /** The same lookups, answered at once where the graph is kept (not counted as store queries: nothing is read). */
  load: LoadNow;
  /** The kept graph while its task rows are kept, for whole answers from memory (as `load`, not counted); else null. */
  kept: Pick<KeptGraph, 'taskIdsPageNow'> | null;
  /**
   * Every row of a whole read (one with no parameter), to go through once: from the kept graph, each
   * row made as it is reached where it keeps them by column (column-rows.ts); else read.
   */
  eachRow<Row>(query: ReadQuery<Row>): Iterable<Row> | Promise<Row[]>;
  /** The kept graph's version and what the writes since one changed, to bring an answer of an earlier version up to date; null when nothing is kept. */
  changes: Pick<KeptGraph, 'version' | 'touchedSince'> | null;
  searchIndex: SearchIndex;
  args: ArgSchemas;
  logger: Logger;
  /** The catalogue and glossary the linker reads (for the gap audit), loaded once. */
  linkContext: () => Promise<LinkContext>;
  /** Store queries this request has sent so far. */
  storeQueries(): number;
  /**
   * The execution's abort signal (the timeout, the client gone: limits.ts), once it runs; a read
   * asked after it fired is refused, so resolvers stop under an executor that does not watch it
   * (compiled-queries.ts).
   */
  execution: { signal: AbortSignal | null };
}

/**
 * A view of the store for one request: it counts the reads made through it (the store's own count
 * is global), and makes them all the reads of one reader (see store/read-queue.ts).
 */
export function countingStore(
  store: GraphStore,
  beforeRead: () => void = () => undefined,
): { store: GraphStore; count: () => number; answerNow: AnswerNow | null; eachRow: ApiContext['eachRow'] } {
  let count = 0;
  const reader = newReader();
  const kept = store as GraphStore & { answerNow?: AnswerNow } & Partial<Pick<KeptGraph, 'eachRowNow'>>;
  /** An answer from the kept graph counts as the read it stands for, as when the kept graph answered the read. */
  const answerNow: AnswerNow | null = kept.answerNow
    ? <Row, Answer>(lookup: Lookup<Row, Answer>, keys: readonly string[]) => {
        const answers = kept.answerNow?.(lookup, keys) ?? null;
        if (answers) count += 1;
        return answers;
      }
    : null;
  const counted: GraphStore = {
    backend: store.backend,
    get queryCount() {
      return store.queryCount;
    },
    applySchema: () => store.applySchema(),
    read: (query, params) => {
      try {
        beforeRead();
      } catch (error) {
        // Refused as a read fails, not thrown at once: in `Promise.all([inputs(), store.read(…)])` a throw
        // leaves the promise made before it, rejected by the same refusal, to no handler.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the abort signal's reason, as throwIfAborted throws it
        return Promise.reject(error);
      }
      count += 1;
      return store.read(query, params, reader);
    },
    transaction: (work) => store.transaction(work),
    close: () => store.close(),
  };
  const eachRow: ApiContext['eachRow'] = (query) => {
    const rows = kept.eachRowNow?.(query);
    if (!rows) return counted.read(query);
    count += 1;
    return rows;
  };
  return { store: counted, count: () => count, answerNow, eachRow };
}

export function createRequestContext(options: {
  store: GraphStore;
  searchIndex: SearchIndex;
  args: ArgSchemas;
  logger: Logger;
  linkContext: () => Promise<LinkContext>;
}): ApiContext {
  const execution: ApiContext['execution'] = { signal: null };
  const { store, count, answerNow, eachRow } = countingStore(options.store, () => execution.signal?.throwIfAborted());
  let yielded: Promise<void> | null = null;
  // Once per request: its later answers from memory need not wait for another turn of the event loop.
  const afterPendingIO = () => (yielded ??= new Promise<void>((resolve) => setImmediate(resolve)));
  const loaders = createLoaders(store, { answerNow, afterPendingIO });
  const kept = options.store as GraphStore &
    Partial<Pick<KeptGraph, 'answerNow' | 'taskRowsKept' | 'taskIdsPageNow' | 'version' | 'touchedSince'>>;
  // Only once the task rows are kept: until then most fields go to the database, batched by the
  // loaders, and a request should not mix the two (its count of store queries would depend on which
  // rows happened to be kept).
  const keptNow = kept.taskRowsKept === true ? kept : null;
  return {
    store,
    loaders,
    load: loadNow(loaders, keptNow?.answerNow ? (lookup, keys) => keptNow.answerNow?.(lookup, keys) ?? null : null),
    kept: keptNow?.taskIdsPageNow ? { taskIdsPageNow: keptNow.taskIdsPageNow.bind(keptNow) } : null,
    eachRow,
    changes: kept.touchedSince && kept.version !== undefined ? (kept as Pick<KeptGraph, 'version' | 'touchedSince'>) : null,
    searchIndex: options.searchIndex,
    args: options.args,
    logger: options.logger,
    linkContext: options.linkContext,
    storeQueries: count,
    execution,
  };
}
