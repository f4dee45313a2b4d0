import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module) builds; Node loads the CommonJS one for
    // graphql-yoga and @graphql-tools, so tests must too, or GraphQLError instanceof checks fail
    // ("Duplicate graphql modules").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Kuzu holds a file lock per database directory; test files use their own temp directories.
    pool: 'forks',
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
