import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Test layers, read from what each test file does rather than from a list kept by hand:
 * - e2e: tests/e2e/ (real headless Chromium against a real server);
 * - integration: a file that opens a real store (Kuzu, the sample graph, the seeded store), starts
 *   the server, runs a CLI, worker threads or the benchmark, checks every query against the Neo4j 5
 *   language service (about 80 ms a statement), or lives in tests/integration/ or bench/;
 * - unit: the rest — no database, no browser, no thread of its own, seconds in all.
 */
const STORE_OR_PROCESS =
  /openTempKuzuStore|openSeededStore|openSampleGraph|openKuzuStore|startServer|runCli|from ['"]kuzu['"]|runBench|processFilesInPool|workerBundle|neo4jProblems/u;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'data', '.git', '.cache']);
function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '.' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
const testFiles = findTests('.');
const e2e = testFiles.filter((file) => file.startsWith('tests/e2e/'));
const integration = testFiles.filter(
  (file) => !e2e.includes(file) && (/^(tests\/integration|bench)\//u.test(file) || STORE_OR_PROCESS.test(readFileSync(file, 'utf8'))),
);
const unit = testFiles.filter((file) => !e2e.includes(file) && !integration.includes(file));

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module) builds; Node loads the CommonJS one for
    // graphql-yoga and @graphql-tools, so tests must too, or GraphQLError instanceof checks fail
    // ("Duplicate graphql modules").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Kuzu holds a file lock per database directory; test files use their own temp directories.
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      // Unit tests hold no file lock and no global state, so they share one module graph on threads:
      // importing the pipeline once instead of once a file is most of the layer's time.
      // A project with its own maxWorkers runs as its own group, before the others.
      { extends: true, test: { name: 'unit', include: unit, pool: 'threads', isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'integration', include: integration, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'e2e', include: e2e, sequence: { groupOrder: 1 } } },
    ],
  },
});
