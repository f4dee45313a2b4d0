// @ts-check
/**
 * @module `npm start`: builds the explorer (client/dist) and the server (dist/server) when their
 * sources changed since their last build, then runs the built server in this process (see
 * server/main.ts). Plain JavaScript: it runs before anything is built.
 */
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { buildIfStale, npmRun } from './build-if-stale.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// A change of a dependency's version changes what is bundled (the explorer) or imported (the server).
const dependencies = ['package.json', 'package-lock.json'];

buildIfStale({ root, inputs: ['client', 'graph-schema', ...dependencies], outDir: 'client/dist', build: npmRun('build:client', root) });
buildIfStale({
  root,
  inputs: ['server', 'store', 'ingest', 'graph-schema', ...dependencies],
  outDir: 'dist/server',
  build: npmRun('build:server', root),
});
// Errors logged with a stack name the source files' lines (the build writes its source map).
process.setSourceMapsEnabled(true);
await import('../dist/server/main.js');
