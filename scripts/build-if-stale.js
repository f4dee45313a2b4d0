// @ts-check
/**
 * @module Runs a build only when its inputs changed since the last one that succeeded: a digest
 * of every input file (path and bytes) is kept in the build's output folder. `npm start` checks
 * the explorer's and the server's builds this way (scripts/start.js), so an unchanged checkout
 * starts without building. Plain JavaScript: it runs before anything is built or transpiled.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where the digest of the inputs of the last successful build is kept, inside its output folder. */
export const DIGEST_FILE = '.build-inputs-sha256';

/** Tests and earlier build output never change what a build writes. */
const IGNORED = /(^|\/)dist(\/|$)|\.test\.tsx?$/u;

/** Files under `path` (a folder or a file), sorted, as paths relative to `root`. */
function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((file) => !IGNORED.test(file))
    .sort();
}

/**
 * SHA-256 over the path and bytes of every file under `inputs` (folders or files, relative to `root`).
 * @param {{ root: string, inputs: readonly string[] }} options
 * @returns {string}
 */
export function inputsDigest({ root, inputs }) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(root, input))) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Runs `build` unless `outDir` holds the digest of the same inputs; records the digest after a
 * build that succeeded. Resolves to whether it built.
 * @param {{ root: string, inputs: readonly string[], outDir: string, build: () => boolean }} options
 * @returns {boolean}
 */
export function buildIfStale({ root, inputs, outDir, build }) {
  const digest = inputsDigest({ root, inputs });
  const digestFile = join(root, outDir, DIGEST_FILE);
  if (existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest) return false;
  if (!build()) throw new Error(`the build of ${outDir} failed`);
  writeFileSync(digestFile, digest);
  return true;
}

// A change of a dependency's version changes what is bundled (the explorer) or imported (the server).
const DEPENDENCIES = ['package.json', 'package-lock.json'];

/** What `npm start` builds: the npm script, the folders and files it reads, where it writes. */
export const BUILDS = {
  client: { script: 'build:client', inputs: ['client', 'graph-schema', ...DEPENDENCIES], outDir: 'client/dist' },
  server: { script: 'build:server', inputs: ['server', 'store', 'ingest', 'graph-schema', ...DEPENDENCIES], outDir: 'dist/server' },
};

/** The built server's entry, relative to the repository (see server/vite.config.ts). */
export const BUILT_SERVER = 'dist/server/main.js';

/**
 * Node's flags for the server, which `npm start` gives node too (V8 sizes its heap as the process
 * starts). Semi-spaces of 64 MB, not 16: an answer being built (a compare of 3 MB of JSON is
 * hundreds of thousands of objects, alive until serialised) outlived the young generation's
 * scavenges, which took 20–80 ms each on a store of 30,000 documents. With 64 MB, 50 clients asking
 * questions not asked before got 10–11.4 requests/s there, against 6.2–6.4 (two alternate runs each).
 *
 * The old generation grown to 1.5 times what a full collection leaves, not the up to 4 times V8
 * chooses by itself: answers not asked before leave garbage (rows of the documents compared,
 * read from the task rows file), and V8 grew the heap around it. On a store of 30,000 documents,
 * after 200 compares the server's heap held 1,106 MB of which a collection left 333, and it stayed
 * 2,118 MiB resident; with this flag 550 MB and 1,492 MiB, compares taking as long (p50 28.9 and
 * 28.5 ms, p95 59 and 63 ms).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=50'];

/**
 * The environment `npm start` gives the server's node besides. glibc's allocator asks the kernel
 * for transparent huge pages for the memory it maps (typed arrays and buffers: the search index,
 * shared answers), where the kernel grants them on request (`madvise`, as Debian's does): touching
 * memory for the first time costs a page fault per 4 KiB page otherwise, 3.4 s per GB read into
 * fresh memory on a 2-core virtual machine against 0.66 s. A store of 30,000 documents was ready
 * 9.7-11.1 s after start with it, 11.3-14.3 s without (three alternate runs each). glibc before
 * 2.35, other C libraries and kernels that grant no huge pages ignore it.
 */
export const SERVER_ENVIRONMENT = { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };

/**
 * Runs one of BUILDS with `npm run`, its output shown, unless its sources are unchanged since its last build.
 * @param {keyof typeof BUILDS} name
 * @param {string} root
 * @returns {boolean}
 */
export function ensureBuilt(name, root) {
  const { script, inputs, outDir } = BUILDS[name];
  const build = () => spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' }).status === 0;
  return buildIfStale({ root, inputs, outDir, build });
}
