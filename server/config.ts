/**
 * @module Server settings from the environment, validated once with zod. The store's own
 * settings (REFORMGRAPH_DB, NEO4J_*) are read by store/open-store.ts.
 */
import { z } from 'zod';
import { defaultLimits, type ApiLimits } from './limits.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';
import { MAX_KEPT_TASKS } from './context/kept-graph.js';
import { DEFAULT_MAX_UPLOAD_BYTES, type WriteOptions } from './writes/write-context.js';

const positiveInt = z.coerce.number().int().positive();

const serverEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** Comma-separated origins allowed by CORS, "*" for any; unset: same-origin only. */
  CORS_ORIGINS: z.string().optional(),
  SEEDS_DIR: z.string().default('seeds'),
  CLIENT_DIR: z.string().default('client/dist'),
  /** Set to 0 to serve the store as it is, without the first-run ingest. */
  INGEST_ON_START: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  QUERY_TIMEOUT_MS: positiveInt.default(defaultLimits.timeoutMs),
  MAX_QUERY_DEPTH: positiveInt.default(defaultLimits.maxDepth),
  MAX_QUERY_COST: positiveInt.default(defaultLimits.maxCost),
  MAX_PAGE_SIZE: positiveInt.default(defaultLimits.maxPageSize),
  MAX_REQUEST_BYTES: positiveInt.default(defaultLimits.maxRequestBytes),
  /**
   * Bearer token for uploads and curation; unset or empty: the server is read-only. Short tokens
   * are refused rather than accepted weak.
   */
  REFORMGRAPH_WRITE_TOKEN: z
    .string()
    .optional()
    .transform((token) => (token ? token : undefined))
    .refine((token) => token === undefined || token.length >= 16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)'),
  MAX_UPLOAD_BYTES: positiveInt.default(DEFAULT_MAX_UPLOAD_BYTES),
  /** Which answers are shared between requests until the next write: every query's, or only coverage's and compare's. */
  SHARED_ANSWERS: z.enum(['all', 'coverage-compare']).default('all'),
  /** MiB of serialised shared answers kept at most, long ones counted gzip-compressed. */
  SHARED_ANSWERS_MB: z.coerce.number().int().min(0).default(64),
  /** Over this many tasks, an embedded store's task rows are not kept in memory (see server/context/kept-graph.ts). */
  KEPT_TASKS_MAX: z.coerce.number().int().min(0).default(MAX_KEPT_TASKS),
  /** Set to 0 to execute queries with graphql-js rather than compiled by graphql-jit (server/compiled-queries.ts). */
  COMPILED_QUERIES: z.enum(['0', '1']).default('1'),
});

export interface ServerConfig {
  port: number;
  host: string;
  cors: readonly string[] | '*' | false;
  seedsDir: string;
  clientDir: string;
  ingestOnStart: boolean;
  logLevel: LogLevel;
  limits: Partial<ApiLimits>;
  writes: WriteOptions;
  sharedAnswers: { every: boolean; maxBytes: number };
  maxKeptTasks: number;
  compiledQueries: boolean;
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = serverEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  const origins =
    e.CORS_ORIGINS?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean) ?? [];
  return {
    port: e.PORT,
    host: e.HOST,
    cors: origins.includes('*') ? '*' : origins.length > 0 ? origins : false,
    seedsDir: e.SEEDS_DIR,
    clientDir: e.CLIENT_DIR,
    ingestOnStart: e.INGEST_ON_START === '1',
    logLevel: e.LOG_LEVEL,
    limits: {
      timeoutMs: e.QUERY_TIMEOUT_MS,
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxPageSize: e.MAX_PAGE_SIZE,
      maxRequestBytes: e.MAX_REQUEST_BYTES,
    },
    writes: { token: e.REFORMGRAPH_WRITE_TOKEN ?? null, seedsDir: e.SEEDS_DIR, maxUploadBytes: e.MAX_UPLOAD_BYTES },
    sharedAnswers: { every: e.SHARED_ANSWERS === 'all', maxBytes: e.SHARED_ANSWERS_MB * 2 ** 20 },
    maxKeptTasks: e.KEPT_TASKS_MAX,
    compiledQueries: e.COMPILED_QUERIES === '1',
  };
}
