import { defineConfig } from 'vitest/config';

export default defineConfig({
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
