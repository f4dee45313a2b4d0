/**
 * @module The text work of an ingest (read, decode, normalise, segment, extract, resolve, link) on
 * every core: a pool of worker threads processes files in parallel and hands them back in input
 * order to the single writer, so a run gives what processFilesInOrder gives. At most `queueDepth`
 * files are in the pool or waiting for the writer, so memory is bounded by the queue, not by the
 * corpus.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type {
  FileProcessor,
  KnownKeyLookup,
  LinkedRows,
  ParentTasks,
  ProcessedFile,
  ProcessedFileMessage,
  SourceContext,
} from './pipeline.js';
import { workerBundle } from './worker-bundle.js';

/** What a worker needs to rebuild the run's context (reference data is read from seedsDir again). */
export interface WorkerSetup {
  seedsDir: string;
  fingerprint: string;
  maxBytes: number | undefined;
}

export type ToWorker =
  | { kind: 'setup'; setup: WorkerSetup }
  | { kind: 'file'; index: number; file: string }
  | { kind: 'known'; index: number; title: string | null }
  | { kind: 'link'; index: number; parents: ParentTasks };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'ask'; index: number; ingestKey: string }
  | { kind: 'done'; index: number; result: ProcessedFileMessage }
  | { kind: 'linked'; index: number; result: LinkedRows };

export interface PoolOptions {
  /** Folder of the reference data, as given to ingestPaths. */
  seedsDir: string;
  /** @default one per core */
  workers?: number;
  /** Files dispatched but not yet taken by the writer, at most. @default 4 per worker */
  queueDepth?: number;
}

/**
 * The worker is TypeScript, run as one plain ES module bundled from the sources (see
 * worker-bundle.ts). The worker starts at once and waits, on a channel of its own, for the
 * bundle's URL; meanwhile the pool's messages to it (its setup first) queue on its parentPort until
 * process-worker.ts listens there.
 */
function startWorker(): StartedWorker {
  const { port1: bundleUrls, port2: bundleUrl } = new MessageChannel();
  // Source maps on before the bundle loads, so that its stack traces name the source files (see worker-bundle.ts).
  const bootstrap = `import('node:worker_threads').then(({ workerData }) => workerData.bundleUrl.once('message', (answer) => {
    workerData.bundleUrl.close();
    if (answer.error) throw new Error('the text worker could not be built: ' + answer.error);
    process.setSourceMapsEnabled(true);
    return import(answer.url);
  }))`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { bundleUrl }, transferList: [bundleUrl] });
  const started: StartedWorker = { worker, failure: undefined };
  worker.on('error', (error) => {
    started.failure = error;
  });
  workerBundle()
    .then(
      (url) => bundleUrls.postMessage({ url: url.href }),
      (error: unknown) => bundleUrls.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => bundleUrls.close());
  return started;
}

/** A worker started before its run, and what failed it meanwhile. */
interface StartedWorker {
  worker: Worker;
  failure: Error | undefined;
}

/** A link asked of a worker, settled by its answer (or its failure). */
interface PendingLink {
  linked: Promise<LinkedRows>;
  resolve: (rows: LinkedRows) => void;
  reject: (error: Error) => void;
}

function pendingLink(): PendingLink {
  let resolve!: PendingLink['resolve'];
  let reject!: PendingLink['reject'];
  const linked = new Promise<LinkedRows>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { linked, resolve, reject };
}

/**
 * A FileProcessor running on a pool of worker threads, stopped when a run ends. The first run's
 * workers start here, loading their modules while the caller
 * opens the store and loads the national catalogue; they keep no process alive until a run takes
 * them. Later runs start their own.
 */
export function processFilesInPool({ seedsDir, workers = availableParallelism(), queueDepth = workers * 4 }: PoolOptions): FileProcessor {
  const size = Math.max(1, workers);
  let started = Array.from({ length: size }, () => {
    const each = startWorker();
    each.worker.unref();
    return each;
  });
  return (files, context, knownTitle) => {
    const early = started;
    started = [];
    return runPool(files, context, knownTitle, { seedsDir: resolve(seedsDir), workers: size, queueDepth: Math.max(1, queueDepth), early });
  };
}

async function* runPool(
  files: readonly string[],
  context: SourceContext,
  knownTitle: KnownKeyLookup,
  { seedsDir, workers: size, queueDepth, early }: Required<PoolOptions> & { early: StartedWorker[] },
): AsyncGenerator<ProcessedFile> {
  const count = Math.min(size, files.length);
  const taken = early.splice(0, count);
  await Promise.all(early.map(({ worker }) => worker.terminate()));
  if (files.length === 0) return;
  const started = [...taken, ...Array.from({ length: count - taken.length }, startWorker)];
  const setup: WorkerSetup = { seedsDir, fingerprint: context.fingerprint, maxBytes: context.maxBytes };
  const pool = started.map(({ worker }) => worker);
  const idle: Worker[] = [];
  const results = new Map<number, ProcessedFile>();
  let failure = started.find((each) => each.failure)?.failure;
  // A processed document stays on its worker until the writer has gathered its parents and links it there.
  const links = new Map<number, PendingLink>();
  const linkOn =
    (worker: Worker, index: number) =>
    (parents: ParentTasks): Promise<LinkedRows> => {
      const link = pendingLink();
      if (failure) {
        link.reject(new Error(`a text worker failed: ${failure.message}`, { cause: failure }));
        return link.linked;
      }
      links.set(index, link);
      worker.postMessage({ kind: 'link', index, parents } satisfies ToWorker);
      return link.linked;
    };
  let next = 0;
  let yielded = 0;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const dispatch = () => {
    while (idle.length > 0 && next < files.length && next - yielded < queueDepth) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- idle.length > 0
      const worker = idle.pop()!;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- next < files.length
      const message: ToWorker = { kind: 'file', index: next, file: files[next]! };
      next += 1;
      worker.postMessage(message);
    }
  };

  for (const worker of pool) {
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ask') {
        void knownTitle(message.ingestKey).then((title) =>
          worker.postMessage({ kind: 'known', index: message.index, title: title ?? null } satisfies ToWorker),
        );
        return;
      }
      if (message.kind === 'linked') {
        links.get(message.index)?.resolve(message.result);
        links.delete(message.index);
        return;
      }
      if (message.kind === 'done') {
        const { result, index } = message;
        results.set(index, result.outcome === 'processed' ? { ...result, linkRows: linkOn(worker, index) } : result);
      }
      idle.push(worker);
      dispatch();
      notify();
    });
    worker.ref();
    worker.postMessage({ kind: 'setup', setup } satisfies ToWorker);
    worker.on('error', (error) => {
      failure = error;
      for (const link of links.values()) link.reject(new Error(`a text worker failed: ${error.message}`, { cause: error }));
      links.clear();
      notify();
    });
  }

  try {
    while (yielded < files.length) {
      const result = results.get(yielded);
      if (result) {
        results.delete(yielded);
        yielded += 1;
        dispatch();
        yield result;
        continue;
      }
      if (failure) throw new Error(`a text worker failed: ${failure.message}`, { cause: failure });
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // The writer links the last documents after taking them: their workers stop once they are linked.
    await Promise.allSettled([...links.values()].map((link) => link.linked));
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
