/**
 * @module The text worker's modules (process-worker.ts and the project's modules it imports) bundled
 * into one plain ES module by esbuild, so a worker thread loads one file with no run-time
 * transpiling. Loaded through tsx, each worker spent seconds of CPU compiling and resolving module
 * by module and ran every function through tsx's name-keeping wrapper. The bundle is built from the
 * sources on first use in a process, so tests and CLIs run from source always get the current code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Under the project root, so the bundle's imports of packages resolve to its node_modules. */
const BUNDLE_DIR = join(root, 'dist', 'ingest-worker');

/**
 * Each module's `import.meta.url` stays its source file's: the files modules find beside them
 * (seeds/ from ingest/resolve/ and ingest/link/, the ingest code fingerprint.ts hashes) resolve as
 * they do from source (server/vite.config.ts does the same for the server's build).
 */
const keepSourceImportMetaUrl: Plugin = {
  name: 'keep-source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const code = await readFile(path, 'utf8');
      if (!path.startsWith(root) || !code.includes('import.meta.url')) return { contents: code, loader: 'ts' };
      return { contents: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: 'ts' };
    });
  },
};

async function buildWorkerBundle(): Promise<URL> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./process-worker.ts', import.meta.url))],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: join(BUNDLE_DIR, 'process-worker.mjs'),
    logLevel: 'silent',
    plugins: [keepSourceImportMetaUrl],
  });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error('esbuild returned no bundle of the text worker');
  // Named by its content: processes running different code (a test while the sources change) never load each other's.
  const name = `process-worker-${createHash('sha256').update(bundle.contents).digest('hex').slice(0, 16)}.mjs`;
  const file = join(BUNDLE_DIR, name);
  if (!existsSync(file) || !readFileSync(file).equals(bundle.contents)) {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    // Written whole under another name first: a process starting a worker meanwhile never loads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bundle.contents);
    renameSync(partial, file);
  }
  return pathToFileURL(file);
}

let built: Promise<URL> | undefined;

/** The URL of the text worker's bundle, built once per process. */
export function workerBundle(): Promise<URL> {
  built ??= buildWorkerBundle().catch((error: unknown) => {
    built = undefined; // the next pool tries again
    throw error;
  });
  return built;
}
