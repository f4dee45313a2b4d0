/**
 * @module A worker thread of the text pool (see process-pool.ts): reads and processes the files it
 * is sent with the run's reference data, asking the main thread whether a file's ingest key is
 * loaded already before doing the work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadStageContext, processFile, type SourceContext } from './pipeline.js';
import type { FromWorker, ToWorker, WorkerSetup } from './process-pool.js';

const port = parentPort;
if (!port) throw new Error('process-worker runs as a worker thread of process-pool');
const setup = workerData as WorkerSetup;
const context: SourceContext = { ...(await loadStageContext(setup.seedsDir)), fingerprint: setup.fingerprint, maxBytes: setup.maxBytes };

const pendingAnswers = new Map<number, (title: string | undefined) => void>();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.kind === 'known') {
    pendingAnswers.get(message.index)?.(message.title ?? undefined);
    pendingAnswers.delete(message.index);
    return;
  }
  const { index, file } = message;
  const knownTitle = (ingestKey: string) =>
    new Promise<string | undefined>((resolve) => {
      pendingAnswers.set(index, resolve);
      send({ kind: 'ask', index, ingestKey });
    });
  void processFile(file, context, knownTitle).then((result) => send({ kind: 'done', index, result }));
});
send({ kind: 'ready' });
