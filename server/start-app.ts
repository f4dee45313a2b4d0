/**
 * @module What `npm start` does before it listens: opens the store, loads the seed documents when
 * they changed, and creates the app with what it keeps persisted beside an embedded database.
 * main.ts reads the settings and listens; tests start the app the same way.
 */
import { resolve } from 'node:path';
import { ingestSeedsIfChanged } from '../ingest/bootstrap.js';
import type { FileReport } from '../ingest/pipeline.js';
import type { GraphStore } from '../store/graph-store.js';
import { openStore, type StoreConfig } from '../store/open-store.js';
import { createApp, type App } from './app.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './logger.js';

export interface StartedApp {
  store: GraphStore;
  app: App;
  /** The first-run ingest's reports; empty when it is off. */
  ingestReports: FileReport[];
  /** Closes the store once what the app persists beside it is written. */
  close: () => Promise<void>;
}

export async function startApp({
  config,
  storeConfig,
  logger,
}: {
  config: ServerConfig;
  storeConfig: StoreConfig;
  logger: Logger;
}): Promise<StartedApp> {
  // Each phase's time goes to the log (LOG_LEVEL=debug), so a slow start says where it went.
  let phaseStarted = performance.now();
  const phaseDone = (phase: string) => {
    const now = performance.now();
    logger.debug(`start: ${phase} in ${Math.round(now - phaseStarted)} ms (${Math.round(now)} ms since the process started)`);
    phaseStarted = now;
  };
  const store = await openStore(storeConfig);
  phaseDone('store opened');
  let ingestReports: FileReport[] = [];
  if (config.ingestOnStart) {
    try {
      ingestReports = await ingestSeedsIfChanged(store, {
        seedsDir: config.seedsDir,
        onProgress: (report) => {
          if (report.ok) logger.info(`ingest ${report.file}: ${report.outcome}`);
          else logger.warn(`ingest ${report.file} failed (${report.code}): ${report.error}`);
        },
      });
    } catch (error) {
      await store.close();
      throw error;
    }
    const failed = ingestReports.filter((report) => !report.ok).length;
    logger.info(`ingest: ${ingestReports.length} files, ${failed} failed`);
    phaseDone('seeds checked');
  }
  const app = createApp({
    store,
    logger,
    cors: config.cors,
    limits: config.limits,
    clientDir: resolve(config.clientDir),
    writes: config.writes,
    sharedAnswers: config.sharedAnswers,
    maxKeptTasks: config.maxKeptTasks,
    compiledQueries: config.compiledQueries,
    // Beside the database file, as Kuzu keeps its WAL.
    keptFile: storeConfig.backend === 'kuzu' ? `${storeConfig.path}.kept.jsonl` : null,
    searchIndexFile: storeConfig.backend === 'kuzu' ? `${storeConfig.path}.search-index` : null,
    taskRowsFile: storeConfig.backend === 'kuzu' ? `${storeConfig.path}.task-rows` : null,
  });
  phaseDone('app created');
  return {
    store,
    app,
    ingestReports,
    close: async () => {
      await app.stop();
      await store.close();
    },
  };
}
