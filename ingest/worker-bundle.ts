/**
 * @module The text worker's modules (process-worker.ts and the project's modules it imports) bundled
 * into one plain ES module by esbuild, so a worker thread loads one file with no run-time
 * transpiling. Loaded through tsx, each worker spent seconds of CPU compiling and resolving module
 * by module and ran every function through tsx's name-keeping wrapper. The bundle is built from the
 * sources on first use in a process, so tests and CLIs run from source always get the current code.
 * It carries a source map, so a worker's stack trace names the source files (see process-pool.ts).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
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

/** A bundle file of a process (see bundleFile): `process-worker-<pid>-<thread>.mjs`, or a `.partial` one being written. */
const PROCESS_BUNDLE = /^process-worker-(\d+)-\d+\.mjs(?:\.partial)?$/u;
/** Named by content, as bundles were before each process had its own: left by a process of older code. */
const CONTENT_NAMED_BUNDLE = /^process-worker-[0-9a-f]{16}\.mjs$/u;
/** A content-named bundle untouched this long is no longer loaded by anyone. */
const CONTENT_NAMED_KEPT_MS = 24 * 60 * 60 * 1000;

/** Whether a process with this id is running (signal 0 checks without sending; EPERM: running, someone else's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the bundles no process will load again: those of processes that have ended. Each process
 * writes its own bundle and loads only that one, so a bundle of a running process (a second ingest,
 * a test while the sources change) is never removed under it, whatever code it runs.
 */
export function removeStaleBundles(dir: string = BUNDLE_DIR, now: number = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no bundle written yet
  }
  for (const name of names) {
    const pid = PROCESS_BUNDLE.exec(name)?.[1];
    const file = join(dir, name);
    try {
      if (
        pid !== undefined
          ? !isRunning(Number(pid))
          : CONTENT_NAMED_BUNDLE.test(name) && now - statSync(file).mtimeMs > CONTENT_NAMED_KEPT_MS
      ) {
        rmSync(file, { force: true });
      }
    } catch {
      // removed meanwhile by another process cleaning up
    }
  }
}

/**
 * This thread's bundle: a file of its own, which no other process removes while it runs (see
 * removeStaleBundles), nor another thread of it rewrites (test files run on threads of one process).
 */
const bundleFile = () => join(BUNDLE_DIR, `process-worker-${process.pid}-${threadId}.mjs`);

async function buildWorkerBundle(): Promise<URL> {
  const file = bundleFile();
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./process-worker.ts', import.meta.url))],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: file,
    // Inline, so the map is never apart from its bundle; the sources are read from disk when a stack is printed.
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [keepSourceImportMetaUrl],
  });
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error('esbuild returned no bundle of the text worker');
  mkdirSync(BUNDLE_DIR, { recursive: true });
  // Written whole under another name first: a worker starting meanwhile never loads half a file.
  const partial = `${file}.partial`;
  writeFileSync(partial, bundle.contents);
  renameSync(partial, file);
  removeStaleBundles();
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
