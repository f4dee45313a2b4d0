/**
 * @module Build of the API server for `npm start` (`npm run build:server`): server/main.ts and the
 * project's modules it imports in one ES module, dist/server/main.js, that plain node runs with no
 * run-time transpiling; packages stay imports from node_modules.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each module's `import.meta.url` stays its source file's: the paths modules find beside them
 * (seeds/ from ingest/resolve/, the ingest code that fingerprint.ts hashes, the worker thread's
 * entry in ingest/worker-bundle.ts) resolve as they do when run from source.
 */
function keepSourceImportMetaUrl(): Plugin {
  return {
    name: 'keep-source-import-meta-url',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(root) || !id.endsWith('.ts') || !code.includes('import.meta.url')) return null;
      return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)), map: null };
    },
  };
}

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [keepSourceImportMetaUrl()],
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    // Stack traces name lines of the source files.
    sourcemap: true,
  },
});
