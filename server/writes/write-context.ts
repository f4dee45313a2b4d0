/**
 * @module What the write endpoints share: the store they write through, the reference data an
 * ingest needs (read from the seeds folder on the first write and again after a curation changed
 * it), and the queue that lets one upload be processed at a time.
 */
import { join, resolve } from 'node:path';
import { fingerprintOf } from '../../ingest/fingerprint.js';
import { loadNationalCatalogue } from '../../ingest/load/load-catalogue.js';
import { loadStageContext, type SourceContext } from '../../ingest/pipeline.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { Logger } from '../logger.js';
import type { SearchIndex } from '../search/search-index.js';

export interface WriteOptions {
  /** The bearer token writes require (REFORMGRAPH_WRITE_TOKEN); null or empty: writes are refused. */
  token: string | null;
  /** Folder of agencies.json, glossary.json, national/ and reviewed-links.json. @default 'seeds' */
  seedsDir?: string;
  /** Largest document accepted by upload, in bytes. @default 20 MiB */
  maxUploadBytes?: number;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface WriteContext {
  token: string | null;
  maxUploadBytes: number;
  /** Where curation decisions are appended. */
  reviewedLinksFile: string;
  /** The store whose commits wait for running GraphQL requests (see read-write-lock.ts). */
  store: GraphStore;
  searchIndex: SearchIndex;
  logger: Logger;
  /** Reference data and fingerprint for the pipeline; loads the national catalogue on first use. */
  sourceContext(): Promise<SourceContext>;
  /** Reference data changed (a curation): read it again before the next write. */
  invalidate(): void;
  /** Runs uploads one at a time, so at most one document is being processed in memory. */
  oneAtATime<T>(work: () => Promise<T>): Promise<T>;
}

export function createWriteContext({
  options: { token, seedsDir = 'seeds', maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES },
  store,
  searchIndex,
  logger,
}: {
  options: WriteOptions;
  store: GraphStore;
  searchIndex: SearchIndex;
  logger: Logger;
}): WriteContext {
  const dir = resolve(seedsDir);
  let loaded: Promise<SourceContext> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<SourceContext> {
    const stage = await loadStageContext(dir);
    const fingerprint = await fingerprintOf(dir);
    await loadNationalCatalogue(store, stage.linkContext.catalogue);
    return { ...stage, fingerprint, maxBytes: maxUploadBytes };
  }

  return {
    token: token || null,
    maxUploadBytes,
    reviewedLinksFile: join(dir, 'reviewed-links.json'),
    store,
    searchIndex,
    logger,
    sourceContext() {
      loaded ??= load().catch((error: unknown) => {
        loaded = null;
        throw error;
      });
      return loaded;
    },
    invalidate() {
      loaded = null;
    },
    oneAtATime(work) {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
