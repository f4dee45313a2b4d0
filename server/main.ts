/**
 * @module `npm start`: opens the store, loads the seed documents when they changed, builds the
 * search index and listens. Settings come from the environment (see config.ts).
 */
import { createServer } from 'node:http';
import { storeConfigFromEnv } from '../store/open-store.js';
import { serverConfigFromEnv } from './config.js';
import { createConsoleLogger } from './logger.js';
import { startApp } from './start-app.js';

async function main(): Promise<void> {
  const config = serverConfigFromEnv();
  const logger = createConsoleLogger({ level: config.logLevel });
  logger.debug(`start: modules imported ${Math.round(performance.now())} ms after the process started`);
  const { app, close: closeStore } = await startApp({ config, storeConfig: storeConfigFromEnv(), logger });
  logger.info(
    config.writes.token ? 'writes: enabled (POST /api/documents, /api/curation with the write token)' : 'writes: disabled (read-only)',
  );
  // Yoga answers each request itself, errors included: the listener need not await it.
  const server = createServer((request, response) => void app(request, response));
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const base = `http://localhost:${port}`;
    console.log(`reformgraph explorer  ${base}/`);
    console.log(`GraphQL (GraphiQL)    ${base}/graphql`);
    console.log(`export                ${base}/export/graph.json  ${base}/export/graph.graphml  ${base}/export/csv/Task.csv`);
  });
  // Requests are answered from the database until the kept graph is ready; searches wait for the index.
  const started = performance.now();
  app.ready().then(
    ({ loaded, searchIndexLoaded }) => {
      console.log(
        `ready                 graph kept in memory (${loaded ? 'loaded from its file' : 'read from the database'}) and search index ${searchIndexLoaded ? 'loaded from its file' : 'built'} in ${Math.round(performance.now() - started)} ms (${(performance.now() / 1000).toFixed(1)} s after the process started)`,
      );
      // What holds the memory: the kept rows and the index are JavaScript heap; the rest is mostly Kuzu's buffer pool.
      const { rss, heapUsed, external } = process.memoryUsage();
      const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
      logger.debug(`start: memory when ready: resident ${mib(rss)}, JavaScript heap ${mib(heapUsed)}, external ${mib(external)}`);
      // After a cold start the kept rows and index are then written beside the database, in slices
      // between requests; the next start loads them.
      void app
        .persisted()
        .then(() =>
          console.log(
            `persisted             kept graph, search index and task rows files up to date (${(performance.now() / 1000).toFixed(1)} s after the process started)`,
          ),
        );
    },
    (error: unknown) => logger.error('reading the graph into memory failed; requests keep going to the database', error),
  );

  const shutdown = (signal: string) => {
    logger.info(`${signal}: closing`);
    server.close();
    closeStore().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('closing the store failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('reformgraph could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
