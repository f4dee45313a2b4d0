/**
 * @module `npx tsx bench/start-and-readers.ts [--jurisdictions N] [--seconds S]`: one section of
 * the bench, side by side in one run over one store: the server's start with the kept graph
 * persisted beside the database against a cold start (reading it from the database), 50 clients
 * against one, and the server's resident memory. Prints a Markdown table.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openKuzuStore } from '../store/kuzu-store.js';
import { writeCorpus } from './corpus/generate-corpus.js';
import { createRandom } from './corpus/prng.js';
import { loadBodies, readSamples, runChild, runLoad } from './run.js';
import type { LoadResult } from './steps/load-step.js';
import { startServer, type ServerProcess } from './support/server-process.js';

async function timedStart(db: string): Promise<{ server: ServerProcess; seconds: number }> {
  const started = performance.now();
  const server = await startServer({ db });
  return { server, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { jurisdictions: { type: 'string', default: '30' }, seconds: { type: 'string', default: '10' }, seed: { type: 'string', default: '1' } } });
  const jurisdictions = Number(values.jurisdictions);
  const seconds = Number(values.seconds);
  const workDir = resolve('data/bench', `readers-${jurisdictions}`);
  const seedsDir = resolve('seeds');
  const db = join(workDir, 'store', 'db.kuzu');
  const keptFile = `${db}.kept.jsonl`;
  mkdirSync(workDir, { recursive: true });
  const random = createRandom(Number(values.seed));
  const corpusDir = join(workDir, 'corpus');
  const manifest = writeCorpus(corpusDir, { jurisdictions, seed: Number(values.seed), seedsDir, years: 1 });
  if (!existsSync(db)) {
    process.stderr.write(`corpus ingest: ${manifest.documents} documents\n`);
    await runChild('bench/steps/ingest-step.ts', ['--mode', 'corpus', '--db', db, '--corpus', corpusDir, '--seeds', seedsDir], join(workDir, 'corpus-result.json'));
  }
  const store = await openKuzuStore({ path: db });
  const samples = await readSamples(store, manifest, random.fork('samples'), 40);
  await store.close();
  const bodies = loadBodies(samples, random.fork('load'));

  rmSync(keptFile, { force: true });
  process.stderr.write('cold start (kept graph read from the database)\n');
  const cold = await timedStart(db);
  const coldRss = cold.server.rssMiB();
  await cold.server.stop();

  process.stderr.write('persisted start (kept graph loaded from its file)\n');
  const warm = await timedStart(db);
  const warmRss = warm.server.rssMiB();
  let one: LoadResult;
  let fifty: LoadResult;
  let loadedRss: number;
  try {
    process.stderr.write(`load: 1 client, then 50, ${seconds} s each\n`);
    one = await runLoad(warm.server, bodies, workDir, { connections: 1, seconds });
    fifty = await runLoad(warm.server, bodies, workDir, { connections: 50, seconds });
    loadedRss = warm.server.rssMiB();
  } finally {
    await warm.server.stop();
  }
  const row = (name: string, value: string, against: string, ratio: string) => `| ${name} | ${value} | ${against} | ${ratio} |`;
  const load = (result: LoadResult) => `${result.requestsPerSec.toFixed(0)} req/s, p50 ${result.latencyP50Ms.toFixed(0)} ms, p99 ${result.latencyP99Ms.toFixed(0)} ms, ${result.errors + result.non2xx + result.graphqlErrors + result.timeouts} errors`;
  process.stdout.write(
    [
      `Store: ${manifest.documents} documents, ${manifest.units} tasks and sub-measures (${jurisdictions} jurisdictions)`,
      '',
      '| measure | this design | baseline | ratio |',
      '|---|---|---|---|',
      row('start until ready (search and coverage from memory)', `${warm.seconds.toFixed(1)} s persisted`, `${cold.seconds.toFixed(1)} s cold`, `${(cold.seconds / warm.seconds).toFixed(1)}× faster`),
      row('server RSS when ready', `${warmRss.toFixed(0)} MiB persisted`, `${coldRss.toFixed(0)} MiB cold`, `${(warmRss / coldRss).toFixed(2)}`),
      row('mixed search/lineage/compare/tasks load', `50 clients: ${load(fifty)}`, `1 client: ${load(one)}`, `${(fifty.requestsPerSec / one.requestsPerSec).toFixed(1)}× the throughput`),
      row('server RSS after the load', `${loadedRss.toFixed(0)} MiB`, '', ''),
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench section failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
