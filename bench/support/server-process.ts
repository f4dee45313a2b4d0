/**
 * @module The API server (server/main.ts built as `npm start` runs it, see scripts/start.js) in a
 * child process over a given store, on a free loopback port, without the first-run ingest unless
 * asked for. One node process, so its pid is the server's and /proc/<pid>/status gives the
 * server's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BUILT_SERVER, ensureBuilt, SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../../scripts/build-if-stale.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** The line main.ts printed once ready (how the kept graph and search index were had), when waited for. */
  readyLine: string | null;
  /** The line main.ts printed once the files beside the database were written, when waited for (`untilPersisted`). */
  persistedLine: string | null;
  /** Resident set size now, in MiB (Linux /proc). */
  rssMiB(): number;
  /** Whether it still runs (or how it exited) and the end of what it printed, for an error message. */
  describe(): string;
  stop(): Promise<void>;
}

/** The bench store is an embedded Kuzu database whatever the caller's environment says. */
export function withoutNeo4j(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('NEO4J_')));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}: ${log()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms: ${log()}`);
}

/** The line main.ts prints once the kept graph and the search index are ready (see app.ready). */
const READY_LINE = /^ready\s.*$/mu;
/** The line main.ts prints once the kept graph and search index files are written (or were up to date). */
const PERSISTED_LINE = /^persisted\s.*$/mu;

/**
 * Starts `npm start` over `db`, resolving once it answers GraphQL and, with `untilReady`, once it
 * has the graph in memory and its search index built (before that it answers from the database).
 */
export async function startServer({
  db,
  timeoutMs = 300_000,
  untilReady = true,
  ingestOnStart = false,
  serverDir = fileURLToPath(new URL('../..', import.meta.url)),
  nodeFlags = [],
  untilPersisted = false,
  writeToken,
  environment = {},
}: {
  db: string;
  timeoutMs?: number;
  untilReady?: boolean;
  /** Load the seeds folder's documents on start when they changed, as `npm start` does by default. */
  ingestOnStart?: boolean;
  /** The checkout whose server runs, built there as `npm start` builds it (another branch's, to measure it side by side). @default this checkout */
  serverDir?: string;
  /** Flags for node before the script (--cpu-prof), after those `npm start` gives it (SERVER_NODE_FLAGS). @default [] */
  nodeFlags?: readonly string[];
  /**
   * Also wait until the kept graph and search index are written beside the database: after a
   * cold start that one-time work runs between requests, and a latency measured meanwhile is not
   * the server's steady state. @default false
   */
  untilPersisted?: boolean;
  /** The token uploads need (REFORMGRAPH_WRITE_TOKEN); without it the server is read-only. */
  writeToken?: string;
  /** More of the server's settings (server/config.ts), to measure one against its default. @default {} */
  environment?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  ensureBuilt('server', serverDir);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeFlags, '--enable-source-maps', BUILT_SERVER], {
    cwd: serverDir,
    env: {
      ...withoutNeo4j(process.env),
      ...SERVER_ENVIRONMENT,
      REFORMGRAPH_DB: db,
      PORT: String(port),
      HOST: '127.0.0.1',
      INGEST_ON_START: ingestOnStart ? '1' : '0',
      ...(writeToken ? { REFORMGRAPH_WRITE_TOKEN: writeToken } : {}),
      ...environment,
      LOG_LEVEL: 'warn',
      // As `npm start` runs it: graphql-js skips its development-only checks.
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitUntilServing(url, child, timeoutMs, () => output);
    const deadline = Date.now() + timeoutMs;
    while (untilReady && !READY_LINE.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not get ready: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    while (untilPersisted && !PERSISTED_LINE.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not write its kept files: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error(`the server process has no pid: ${output}`);
  return {
    url,
    pid,
    readyLine: READY_LINE.exec(output)?.[0] ?? null,
    persistedLine: PERSISTED_LINE.exec(output)?.[0] ?? null,
    describe() {
      const state =
        child.exitCode === null && child.signalCode === null ? 'still running' : `exited (${String(child.exitCode ?? child.signalCode)})`;
      return `the server at ${url} is ${state}; it printed: ${output || '(nothing)'}`;
    },
    rssMiB() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        // SIGTERM lets it write the kept rows and search index beside the database first (see
        // server/main.ts): hundreds of MB on a national store, which the next start loads.
        const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
