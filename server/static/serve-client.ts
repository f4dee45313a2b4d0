/**
 * @module Serves the built explorer (client/dist) at /: files as they are, and index.html for any
 * other GET that accepts HTML, so that client-side routes survive a reload.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface ServeClientOptions {
  /** Folder of the built client. */
  dir: string;
  /** Paths left to other handlers. @default ['/graphql', '/export'] */
  reserved?: readonly string[];
}

export function useClientFiles({ dir, reserved = ['/graphql', '/export'] }: ServeClientOptions): Plugin {
  const root = resolve(dir);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (reserved.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return;
      let relative: string;
      try {
        relative = decodeURIComponent(url.pathname);
      } catch {
        return;
      }
      const candidate = resolve(join(root, relative));
      // Never outside the client folder, whatever "../" the path holds.
      const inside = candidate === root || candidate.startsWith(root + sep);
      const indexFile = join(root, 'index.html');
      let file: string | null = null;
      if (inside && (await isFile(candidate))) file = candidate;
      else if ((request.headers.get('accept') ?? '').includes('text/html') || extname(relative) === '') {
        file = (await isFile(indexFile)) ? indexFile : null;
      }
      if (!file) {
        const message = (await isFile(indexFile))
          ? `Not found: ${url.pathname}`
          : 'The explorer is not built: run "npm run build:client" (GraphQL is at /graphql).';
        endResponse(new fetchAPI.Response(message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const body = await readFile(file);
      const hashed = file.includes(`${sep}assets${sep}`);
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
        }),
      );
    },
  };
}
