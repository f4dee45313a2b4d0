import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Test layers, read from what each test file does rather than from a list kept by hand:
 * - e2e: tests/e2e/ (real headless Chromium against a real server);
 * - integration: a file that opens a real store (Kuzu, the sample graph, the seeded store), starts
 *   the server, runs a CLI or the benchmark, or lives in tests/integration/ or bench/;
 * - unit: the rest — no database, no browser, seconds in all.
 */
const STORE_OR_PROCESS = /openTempKuzuStore|openSeededStore|openSampleGraph|openKuzuStore|startServer|runCli|from ['"]kuzu['"]|runBench/u;
const testFiles = readdirSync('.', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !/(^|\/)(node_modules|dist|data)\//u.test(file));
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
      { extends: true, test: { name: 'unit', include: unit } },
      { extends: true, test: { name: 'integration', include: integration } },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
