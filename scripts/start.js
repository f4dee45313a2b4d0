// @ts-check
/**
 * @module `npm start`: builds the explorer (client/dist) and the server (dist/server) when their
 * sources changed since their last build, then runs the built server in this process (see
 * server/main.ts). Plain JavaScript: it runs before anything is built.
 */
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { BUILT_SERVER, ensureBuilt } from './build-if-stale.js';

const root = fileURLToPath(new URL('..', import.meta.url));
ensureBuilt('client', root);
ensureBuilt('server', root);
// Errors logged with a stack name the source files' lines (the build writes its source map).
process.setSourceMapsEnabled(true);
await import(new URL(`../${BUILT_SERVER}`, import.meta.url).href);
