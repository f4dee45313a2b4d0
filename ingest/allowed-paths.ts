/**
 * @module Ingest reads only below allowed folders: the working directory and the folders named
 * in REFORMGRAPH_INGEST_ROOTS (separated by ":"). Links are followed before the check, so a
 * symlink cannot lead outside.
 */
import { realpath } from 'node:fs/promises';
import { delimiter, isAbsolute, relative, resolve } from 'node:path';
import { IngestError } from './document.js';

export function allowedRootsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.REFORMGRAPH_INGEST_ROOTS ?? '').split(delimiter).filter(Boolean);
  return [process.cwd(), ...extra].map((root) => resolve(root));
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Throws an IngestError naming the file when it lies outside every allowed root. */
export async function assertAllowedPath(file: string, roots: readonly string[]): Promise<void> {
  const real = await realpath(file).catch(() => resolve(file));
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => resolve(root))));
  if (!realRoots.some((root) => isInside(real, root))) {
    throw new IngestError(file, `outside the allowed folders (${roots.join(', ')}); set REFORMGRAPH_INGEST_ROOTS to allow it`, 'forbidden-path');
  }
}
