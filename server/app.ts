/**
 * @module The HTTP application: GraphQL at /graphql (with GraphiQL, read-only: no mutations),
 * exports at /export/…, the token-protected write endpoints at /api/…, the built explorer at /.
 * Everything it uses is passed in; nothing connects at import time, so tests build an app over a
 * temporary store and call `app.fetch(...)`. `main.ts` listens.
 */
import { rm } from 'node:fs/promises';
import { useCompiledQueries } from './compiled-queries.js';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { cueIndexFor } from '../ingest/link/cue-index.js';
import { loadLinkContext, type LinkContext } from '../ingest/link/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { createReadWriteLock, useSharedReads, withExclusiveCommits } from './context/read-write-lock.js';
import { createRequestContext, type ApiContext } from './context/request-context.js';
import { keepGraph, type SearchableTask } from './context/kept-graph.js';
import { jurisdictionsOfAnswer } from './context/answer-scope.js';
import { readKeptFile, writeKeptFile } from './context/kept-file.js';
import { keptSearchIndex, useSearchAfterIndexBuilt, type KeptSearchIndex } from './context/kept-search-index.js';
import {
  readSearchIndexFile,
  readWrittenDocumentsFile,
  writeSearchIndexFile,
  writeWrittenDocumentsFile,
  writtenFile,
} from './context/search-index-file.js';
import { useSharedAnswers } from './context/shared-answers.js';
import { openTaskRowsFile, writeTaskRowsFile } from './context/task-rows-file.js';
import { persistedStampOf } from './context/persisted-stamp.js';
import { useExportRoutes } from './export/export-routes.js';
import { useInstrumentsCsvRoute } from './export/instruments-csv.js';
import { defaultLimits, useQueryLimits, type ApiLimits } from './limits.js';
import { createConsoleLogger, type Logger } from './logger.js';
import { argSchemas } from './schema/args.js';
import { createApiSchema } from './schema/schema.js';
import type { BuiltSearchIndex, SearchIndex } from './search/search-index.js';
import { useClientFiles } from './static/serve-client.js';
import { createWriteContext, type WriteOptions } from './writes/write-context.js';
import { useWriteRoutes } from './writes/write-routes.js';

/**
 * After a write the kept rows are written beside the database once writes have stopped for this
 * long, not after each: on a national store of 3,000 documents the file took seconds of CPU to write
 * (under 50 clients while documents were uploaded, a quarter of the server's CPU), which readers
 * need. persisted() (and so closing the server) writes them at once.
 */
const PERSIST_AFTER_WRITES_MS = 30_000;

export interface AppOptions {
  store: GraphStore;
  /** @default a console logger at level info */
  logger?: Logger;
  /**
   * The search index. @default the kept graph's (see kept-search-index.ts), loaded or built by
   * `ready()` from the task rows the server keeps, and built again after each write; a search
   * while `ready()` runs waits for it.
   */
  searchIndex?: SearchIndex;
  /**
   * Origins allowed to call the API from a browser: a list, '*' for any, or false for same-origin
   * only (notebooks and scripts are not browsers and need no CORS).
   * @default false
   */
  cors?: readonly string[] | '*' | false;
  /** @default defaultLimits */
  limits?: Partial<ApiLimits>;
  /** Folder of the built explorer; not served when null. @default null */
  clientDir?: string | null;
  /** @default true */
  graphiql?: boolean;
  /**
   * Where the graph kept in memory is persisted beside an embedded database (see kept-file.ts):
   * `ready()` loads it when its version stamp is the database's, and it is written again after a
   * rebuild and once writes stop (PERSIST_AFTER_WRITES_MS). Nothing is persisted when null.
   * @default null
   */
  keptFile?: string | null;
  /** Over this many tasks, their rows are not kept (see server/context/kept-graph.ts). @default MAX_KEPT_TASKS */
  maxKeptTasks?: number;
  /**
   * Where the kept search index is persisted (see search-index-file.ts), with the same stamp:
   * `ready()` loads it when the kept rows were loaded from `keptFile`, else builds the index and
   * writes it. Nothing is persisted when null.
   * @default null
   */
  searchIndexFile?: string | null;
  /**
   * Over maxKeptTasks, where the rows about each document's tasks are kept on disk (see
   * task-rows-file.ts), with the same stamp: `ready()` opens it when its stamp is the database's,
   * else writes it in the background, reading every document's rows, while the database answers.
   * The database answers every task lookup when null.
   * @default null
   */
  taskRowsFile?: string | null;
  /**
   * Answers shared between requests until the next write (see shared-answers.ts): those of every
   * query (`every`, a search's only with the kept graph's own index, whose version is known) or
   * only the coverage matrix's and compare's, which cost every reader the same seconds of work;
   * at most `maxBytes` of them serialised.
   * @default { every: true, maxBytes: 64 MiB }
   */
  sharedAnswers?: { every?: boolean; maxBytes?: number };
  /** Queries executed compiled by graphql-jit (compiled-queries.ts), not by graphql-js. @default true */
  compiledQueries?: boolean;
  /**
   * Document upload and curation. Without a token (the default) the server is read-only and the
   * write endpoints answer 403.
   * @default { token: null }
   */
  writes?: WriteOptions;
}

export type App = YogaServerInstance<Record<string, never>, ApiContext> & {
  /**
   * Loads what the server keeps in memory (see server/context/kept-graph.ts) from `keptFile` when
   * it is of the database's version, else reads it, each row once; then loads the search index
   * from `searchIndexFile` (only along with the kept rows) or builds it. Until then requests are
   * answered from the database, and searches wait. Runs once (again after a failure); resolves
   * to what was loaded from the files.
   */
  ready(): Promise<{ loaded: boolean; searchIndexLoaded: boolean }>;
  /** Resolves once the files being written beside the database (`keptFile`, `searchIndexFile`, `taskRowsFile`) are written. */
  persisted(): Promise<void>;
  /** The same, but the task rows file, minutes of reading on a large store, is given up if still being written: await it before closing the store. */
  stop(): Promise<void>;
};

/**
 * Adds `extensions.storeQueries` to every result with data: how many store queries the request
 * cost. After the result, not after execution: a shared answer sent again is not executed (see
 * shared-answers.ts), nor is its request context made, and it cost none.
 */
function useStoreQueryCount(): Plugin<ApiContext> {
  return {
    onExecutionResult(payload) {
      const { result, context } = payload;
      // Streamed results (subscriptions, @defer) and batches are not used by this API; requests
      // refused before execution (a parse or validation error) carry no data and no count.
      if (!result || Array.isArray(result) || Symbol.asyncIterator in result || !('data' in result)) return;
      const count = (context as Partial<ApiContext>).storeQueries?.() ?? 0;
      payload.setResult({ ...result, extensions: { ...result.extensions, storeQueries: count } });
    },
  };
}

function corsOption(cors: AppOptions['cors']) {
  if (cors === false || cors === undefined) return false as const;
  return { origin: cors === '*' ? '*' : [...cors], methods: ['GET', 'POST', 'OPTIONS'] };
}

/** The questions a notebook asks first, ready to run in GraphiQL. */
const GRAPHIQL_EXAMPLES = /* GraphQL */ `
  # Examples: run one by selecting its name in the ▶ menu.

  # Full-text search (Chinese), with where each task comes from
  query Search {
    search(text: "家庭医生签约", limit: 5) {
      id
      key
      title
      jurisdiction {
        name
        nameEn
      }
      policy {
        title
        docNumber
      }
    }
  }

  # Coverage of national items per jurisdiction, over the documents in force in 2021—2025:
  # a matrix of task counts, each cell COVERED, POSSIBLE, GAP or NO_DOCUMENT, each column with its documents
  query Coverage {
    coverage(jurisdictionIds: ["350400", "141000"], period: { from: 2021, to: 2025 }) {
      columns {
        jurisdiction {
          name
          nameEn
        }
        documents {
          title
          docNumber
          issuedOn
          coversFrom
          coversTo
          status
        }
      }
      nationalItems {
        id
        titleZh
        titleEn
      }
      counts
      cells {
        nationalItemId
        jurisdictionId
        status
      }
    }
  }

  # The evidence behind a gap: near-miss tasks with their scores and matched wording, and keyword hits
  query GapAudit {
    gapAudit(nationalItemId: "hierarchical-care.family-doctor", jurisdictionId: "141000") {
      status
      candidates {
        score
        task {
          key
          title
        }
        evidence {
          localText
          nationalText
        }
      }
      keywordHits {
        keyword
        snippet
        task {
          key
        }
      }
    }
  }

  # Two jurisdictions side by side: shared national items and each side's own
  query Compare {
    compare(a: "350400", b: "141000") {
      shared {
        nationalItem {
          titleZh
        }
        tasksA {
          key
          title
        }
        tasksB {
          key
          title
        }
      }
      onlyA {
        nationalItem {
          titleZh
        }
      }
      onlyB {
        nationalItem {
          titleZh
        }
      }
    }
  }

  # Lineage of one task: every path up to national items (take an id from Search)
  query Lineage($taskId: ID!) {
    lineage(taskId: $taskId) {
      paths {
        score
        nationalItem {
          titleZh
          titleEn
        }
        links {
          relation
          score
        }
      }
    }
  }

  # Export: GET /export/graph.json, /export/graph.csv or /export/graph.graphml
`;

/** Root fields whose answers cost every reader the same seconds of work: shared even under SHARED_ANSWERS=coverage-compare. */
const COSTLY_ANSWERS: ReadonlySet<string> = new Set(['coverage', 'compare']);

/**
 * What a shared answer was read from: the graph's version; for a search the index's generation (null
 * for other answers: an index brought up to date after a write changes no other answer); and the
 * jurisdictions it rests on, if not the whole graph (see answer-scope.ts): it holds after writes to
 * others.
 */
interface AnswerStamp {
  graph: number;
  index: number | null;
  jurisdictions: readonly string[] | null;
}

export function createApp({
  store,
  logger = createConsoleLogger(),
  searchIndex,
  cors = false,
  limits = {},
  clientDir = null,
  graphiql = true,
  writes = { token: null },
  keptFile = null,
  searchIndexFile = null,
  taskRowsFile = null,
  sharedAnswers: { every: shareEvery = true, maxBytes: sharedBytes } = {},
  maxKeptTasks,
  compiledQueries = true,
}: AppOptions): App {
  const effectiveLimits: ApiLimits = { ...defaultLimits, ...limits };
  const args = argSchemas(effectiveLimits);
  // A request reads one version of the graph: the server's own commits wait for the requests running (see read-write-lock.ts).
  const lock = createReadWriteLock();
  let persisting: Promise<void> = Promise.resolve();
  /** The search index last written to its file, and its stamp: the documents written since go in a file beside it. */
  let wholeOnFile: { index: BuiltSearchIndex; stamp: string } | null = null;
  /** Writes the kept rows with the stamp of the version they were read at; skipped when a write came in between. */
  const persist = () =>
    (persisting = persisting
      .then(async () => {
        if (!keptFile) return;
        const version = served.version;
        const stamp = await persistedStamp();
        const sets = await served.rowSets();
        if (stamp === null || sets === null || served.version !== version) return;
        await writeKeptFile(keptFile, stamp, sets);
      })
      .catch((error: unknown) => logger.warn(`could not write ${String(keptFile)}`, error)));
  /** The same for a search index built from the kept tasks at `version`. */
  const persistIndex = (built: BuiltSearchIndex, version: number | null) =>
    (persisting = persisting
      .then(async () => {
        if (!searchIndexFile || version === null) return;
        const stamp = await persistedStamp();
        if (stamp === null || served.version !== version) return;
        await writeSearchIndexFile(searchIndexFile, stamp, built);
        wholeOnFile = { index: built, stamp };
        await rm(writtenFile(searchIndexFile), { force: true });
      })
      .catch((error: unknown) => logger.warn(`could not write ${String(searchIndexFile)}`, error)));
  /** The documents written since the index in the file, at `version` (see kept-search-index.ts). */
  const persistWritten = (written: ReadonlyMap<string, readonly SearchableTask[]>, whole: BuiltSearchIndex, version: number | null) =>
    (persisting = persisting
      .then(async () => {
        if (!searchIndexFile || version === null || wholeOnFile?.index !== whole) return;
        const stamp = await persistedStamp();
        if (stamp === null || served.version !== version) return;
        await writeWrittenDocumentsFile(writtenFile(searchIndexFile), stamp, { wholeStamp: wholeOnFile.stamp, written });
      })
      .catch((error: unknown) => logger.warn(`could not write ${writtenFile(String(searchIndexFile))}`, error)));
  /**
   * Over maxKeptTasks: the task rows on file (task-rows-file.ts), written whole when the file is of
   * another version (9 minutes for 30,000 documents, in the background, the database answering
   * meanwhile). After a write, the documents it did not change are still answered from it (see
   * KeptGraph.useTaskRowsFile); the file is written again at the next start. Not in `persisting`:
   * the kept rows written after a write need not wait for it.
   */
  let taskRowsOnFile: Promise<void> = Promise.resolve();
  /** Set by stop(): the task rows file being written is given up, and written again at the next start. */
  let stopping = false;
  async function* untilStopped<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const item of items) {
      if (stopping) throw new Error('the server is stopping; it is written again at the next start');
      yield item;
    }
  }
  const keepTaskRowsOnFile = () =>
    (taskRowsOnFile = taskRowsOnFile
      .then(async () => {
        const version = served.version;
        if (!taskRowsFile || !served.taskRowsOverBudget || version === null) return;
        const stamp = await graphStamp();
        if (stamp === null || served.version !== version) return;
        let file = await openTaskRowsFile(taskRowsFile, stamp);
        if (!file) {
          const started = performance.now();
          await writeTaskRowsFile(taskRowsFile, stamp, untilStopped(served.taskRowsByDocument()));
          file = await openTaskRowsFile(taskRowsFile, stamp);
          logger.info(`task rows written to ${taskRowsFile} in ${Math.round(performance.now() - started)} ms`);
        }
        if (file) served.useTaskRowsFile(file, version);
      })
      .catch((error: unknown) => logger.warn(`could not write ${String(taskRowsFile)}`, error)));
  /** A persist waiting for writes to stop (see PERSIST_AFTER_WRITES_MS); null when none is. */
  let persistLater: ReturnType<typeof setTimeout> | null = null;
  const persistOnceWritesStop = () => {
    if (persistLater) clearTimeout(persistLater);
    persistLater = setTimeout(() => {
      persistLater = null;
      void persist();
    }, PERSIST_AFTER_WRITES_MS);
    // Closing the store writes it at once (persisted()); the timer keeps no process alive.
    persistLater.unref();
  };
  const served = keepGraph(store, {
    onTaskRowsKept: persistOnceWritesStop,
    ...(maxKeptTasks === undefined ? {} : { maxKeptTasks }),
  });
  /** The kept graph's index, unless one was passed in. */
  let ownIndex: KeptSearchIndex | null = null;
  const index: SearchIndex =
    searchIndex ??
    (ownIndex = keptSearchIndex(served, {
      onBuilt: (built, version) => void persistIndex(built, version),
      onWritten: (written, whole, version) => void persistWritten(written, whole, version),
    }));
  const writeContext = createWriteContext({ options: writes, store: withExclusiveCommits(served, lock), searchIndex: index, logger });
  let linkContext: Promise<LinkContext> | null = null;
  const loadLinks = () =>
    (linkContext ??= loadLinkContext(writes.seedsDir).catch((error: unknown) => {
      linkContext = null;
      throw error;
    }));
  const yoga = createYoga<Record<string, never>, ApiContext>({
    schema: createApiSchema(),
    context: () => createRequestContext({ store: served, searchIndex: index, args, logger, linkContext: loadLinks }),
    logging: logger,
    graphqlEndpoint: '/graphql',
    // GraphiQL from the package, not a CDN: the page works with no network beyond this server.
    // Its bundle (9 MB of JavaScript) is imported when the page is first asked for, not at start.
    graphiql: graphiql ? { title: 'reformgraph', defaultQuery: GRAPHIQL_EXAMPLES } : false,
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    cors: corsOption(cors),
    // Unexpected errors (store failures, bugs) reach clients as "Unexpected error." without a
    // stack or Cypher, whatever NODE_ENV says; expected ones carry a code and stay readable.
    maskedErrors: { isDev: false },
    // Request bodies are limited by useRequestSizeLimit (limits.ts) to maxRequestBytes; graphql-yoga's
    // own limit (25 MB) would pipe every body through a stream transform besides (a tenth of the CPU under load).
    maxRequestBodySize: false,
    plugins: [
      // Request phase: routes outside /graphql (the analyses' CSV before the graph exports' 404).
      useInstrumentsCsvRoute({ store, logger, lock }),
      useExportRoutes({ store, logger, lock }),
      useWriteRoutes(writeContext),
      ...(clientDir ? [useClientFiles({ dir: clientDir })] : []),
      // Parse, validation and execution phase.
      ...(compiledQueries ? [useCompiledQueries()] : []),
      ...useQueryLimits(effectiveLimits),
      useSharedAnswers<AnswerStamp>({
        stampOf: (query) =>
          served.version === null
            ? null
            : {
                graph: served.version,
                // A search answers from the index, brought up to date after a write while requests read the new graph.
                index: query.roots.some(({ name }) => name === 'search') ? (ownIndex?.generation ?? 0) : null,
                jurisdictions: jurisdictionsOfAnswer(query),
              },
        holds: ({ graph, index, jurisdictions }) =>
          (index === null || index === (ownIndex?.generation ?? 0)) &&
          (graph === served.version || (jurisdictions !== null && served.touchedSince(graph, jurisdictions) === false)),
        shares: (field) => COSTLY_ANSWERS.has(field) || (shareEvery && (field !== 'search' || ownIndex !== null)),
        whileReading: (lookup) => lock.read(lookup),
        ...(sharedBytes === undefined ? {} : { maxBytes: sharedBytes }),
      }),
      // Before the read lock is taken: a search waiting for the index must not hold writes back.
      useSearchAfterIndexBuilt(() => (ownIndex && !ownIndex.built ? readying : null)),
      useSharedReads(lock),
      useStoreQueryCount(),
    ],
  });
  /** The stamp of the files kept beside the database (see persistedStamp), when the server keeps any; null when it does not. */
  async function graphStamp(): Promise<string | null> {
    if (!keptFile || served.version === null) return null;
    let stamp = await persistedStamp();
    if (stamp === null) {
      // A store last written before stamps existed: an empty transaction stamps it.
      await store.transaction(async () => undefined);
      stamp = await persistedStamp();
    }
    return stamp;
  }
  /** The stamp of the files kept beside the database (see persisted-stamp.ts); null for a store without versions. */
  async function persistedStamp(): Promise<string | null> {
    const version = (await store.graphVersion?.()) ?? null;
    return version === null ? null : persistedStampOf(version);
  }
  /** The search index on file that goes with the kept rows of `stamp`, and the documents written since it; null when there is none. */
  async function readIndexFiles(stamp: string) {
    if (!ownIndex || !searchIndexFile) return null;
    const since = await readWrittenDocumentsFile(writtenFile(searchIndexFile), stamp);
    const wholeStamp = since?.wholeStamp ?? stamp;
    const index = await readSearchIndexFile(searchIndexFile, wholeStamp);
    return index && { index, wholeStamp, written: since?.written };
  }
  async function loadOrBuild(): Promise<{ loaded: boolean; searchIndexLoaded: boolean }> {
    const version = served.version;
    const stamp = await graphStamp();
    // Both files at once: reading the index's arrays waits on the disk and the kernel (page
    // faults) while parsing the kept rows keeps this thread busy: about 3 s less of 28 on a store
    // of 30,000 documents than one after the other.
    const [sets, onFile] =
      stamp === null ? [null, null] : await Promise.all([readKeptFile(keptFile as string, stamp), readIndexFiles(stamp)]);
    // A write that came in meanwhile (the server answers from the database while loading) wins.
    const loaded = sets !== null && served.version === version && served.restore(sets);
    if (!loaded) {
      await served.warm();
      // Written while the index is built, not before: searches need the index, not the file
      // (hundreds of MB on a national store); persisted() waits for it.
      void persist();
    } else if (ownIndex && onFile && served.version === version) {
      await ownIndex.restore(onFile.index, onFile.written);
      wholeOnFile = { index: onFile.index, stamp: onFile.wholeStamp };
      return { loaded: true, searchIndexLoaded: true };
    }
    await ownIndex?.refresh();
    return { loaded, searchIndexLoaded: false };
  }
  /**
   * The linker's cue index and word segmenter, which the coverage's and compare's title links and
   * the gap audit read: built once while starting (about a second on one core), not during the
   * first of those requests, which would hold every request behind it meanwhile.
   */
  async function prepareLinker(): Promise<void> {
    try {
      const { catalogue, glossary } = await loadLinks();
      cueIndexFor(catalogue, glossary);
    } catch (error) {
      // The first request that needs the catalogue reports it; answering everything else goes on.
      logger.warn('could not load the national catalogue for the linker', error);
    }
  }
  let readying: ReturnType<typeof loadOrBuild> | null = null;
  function ready(): ReturnType<typeof loadOrBuild> {
    readying ??= Promise.all([loadOrBuild(), prepareLinker()]).then(
      ([loaded]) => {
        void keepTaskRowsOnFile();
        return loaded;
      },
      (error: unknown) => {
        readying = null;
        throw error;
      },
    );
    return readying;
  }
  async function persisted(): Promise<void> {
    if (persistLater) {
      clearTimeout(persistLater);
      persistLater = null;
      void persist();
    }
    // A write queued while waiting (the index built after the kept rows) is waited for too.
    let last: Promise<void>;
    do {
      last = persisting;
      await Promise.all([last, taskRowsOnFile]);
    } while (last !== persisting);
  }
  async function stop(): Promise<void> {
    stopping = true;
    await persisted();
  }
  return Object.assign(yoga, { ready, persisted, stop });
}
