/**
 * @module A worker thread of the text pool (see process-pool.ts): reads and processes the files it
 * is sent with the run's reference data, asking the main thread whether a file's ingest key is
 * loaded already before doing the work.
 */
import { parentPort } from 'node:worker_threads';
import { loadStageContext, processFile, type LinkedRows, type ParentTasks, type SourceContext } from './pipeline.js';
import type { FromWorker, ToWorker } from './process-pool.js';

const port = parentPort;
if (!port) throw new Error('process-worker runs as a worker thread of process-pool');
// The pool starts a worker before it knows the run (see processFilesInPool): the run's setup comes first.
const first = await new Promise<ToWorker>((resolve) => port.once('message', resolve));
if (first.kind !== 'setup') throw new Error(`process-worker expects its setup first, not a ${first.kind} message`);
const { setup } = first;
const context: SourceContext = { ...(await loadStageContext(setup.seedsDir)), fingerprint: setup.fingerprint, maxBytes: setup.maxBytes };

const pendingAnswers = new Map<number, (title: string | undefined) => void>();
/** Processed documents kept until the writer links them (see ProcessedFile.linkRows). */
const unlinked = new Map<number, (parents: ParentTasks) => Promise<LinkedRows>>();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.kind === 'setup') throw new Error('a text worker is set up once');
  if (message.kind === 'link') {
    const { index, parents } = message;
    const linkRows = unlinked.get(index);
    unlinked.delete(index);
    if (!linkRows) throw new Error(`no processed document ${index} to link`);
    void linkRows(parents).then((result) => send({ kind: 'linked', index, result }));
    return;
  }
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
  void processFile(file, context, knownTitle).then((processed) => {
    if (processed.outcome !== 'processed') {
      send({ kind: 'done', index, result: processed });
      return;
    }
    const { linkRows, ...result } = processed;
    unlinked.set(index, linkRows);
    send({ kind: 'done', index, result });
  });
});
send({ kind: 'ready' });
