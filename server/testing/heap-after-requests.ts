/**
 * Run by server/limits.test.ts in a child process with --expose-gc: sends `count` GraphQL
 * requests to an app over the sample graph and prints the growth of the collected heap in bytes.
 * A request must leave nothing behind once answered.
 */
import { createApp } from '../app.js';
import { silentLogger } from '../logger.js';
import { postGraphQL } from './graphql-request.js';
import { openSampleGraph } from './sample-graph.js';

const count = Number(process.argv[2] ?? 2000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const collectedHeap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const graph = await openSampleGraph();
const app = createApp({ store: graph.store, logger: silentLogger });
const query = `query($a: ID!, $b: ID!) { compare(a: $a, b: $b) { shared { tasksA { id title agencies { name } } } } }`;
for (let i = 0; i < 200; i += 1) await postGraphQL(app, query, { a: '350400', b: '510100' }); // warm caches and the JIT
const before = collectedHeap();
for (let i = 0; i < count; i += 1) await postGraphQL(app, query, { a: '350400', b: '510100' });
const growth = collectedHeap() - before;
await graph.dispose();
process.stdout.write(`${growth}\n`);
