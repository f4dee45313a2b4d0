/**
 * @module Serves the built explorer (client/dist) at /: files as they are, and index.html for any
 * other GET that accepts HTML, so that client-side routes survive a reload. Text files go out brotli- or
 * gzip-compressed when the browser accepts it, compressed once on first request and kept; files under
 * assets/ carry a content hash in their name (Vite) and are cached for good, index.html is revalidated.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { chooseEncoding, type Encoding } from '../accept-encoding.js';

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

/** Images and fonts are compressed already; compressing them again only costs time. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);
/** Below this size the headers of a compressed answer outweigh what it saves. */
const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function fileStat(path: string) {
  try {
    const info = await stat(path);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

interface Compressed {
  /** Size and modification time of the file the bodies were made from: a rebuild invalidates them. */
  version: string;
  bodies: Map<Encoding, Promise<Buffer>>;
}

export interface ServeClientOptions {
  /** Folder of the built client. */
  dir: string;
  /** Paths left to other handlers. @default ['/graphql', '/export'] */
  reserved?: readonly string[];
}

export function useClientFiles({ dir, reserved = ['/graphql', '/export'] }: ServeClientOptions): Plugin {
  const root = resolve(dir);
  const compressedFiles = new Map<string, Compressed>();

  const compressedBody = (file: string, version: string, body: Buffer, encoding: Encoding): Promise<Buffer> => {
    let entry = compressedFiles.get(file);
    if (entry?.version !== version) {
      entry = { version, bodies: new Map() };
      compressedFiles.set(file, entry);
    }
    let pending = entry.bodies.get(encoding);
    if (!pending) {
      pending =
        encoding === 'br'
          ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipAsync(body, { level: 9 });
      entry.bodies.set(encoding, pending);
    }
    return pending;
  };

  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- declared with method syntax, endResponse is a closure that never reads `this`
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
      let info = inside ? await fileStat(candidate) : null;
      if (info) file = candidate;
      else if ((request.headers.get('accept') ?? '').includes('text/html') || extname(relative) === '') {
        info = await fileStat(indexFile);
        file = info ? indexFile : null;
      }
      if (!file || !info) {
        const message = (await fileStat(indexFile))
          ? `Not found: ${url.pathname}`
          : 'The explorer is not built: run "npm run build:client" (GraphQL is at /graphql).';
        endResponse(new fetchAPI.Response(message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const extension = extname(file);
      const hashed = file.startsWith(join(root, 'assets') + sep);
      const headers: Record<string, string> = {
        'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        // Vite names every file under assets/ by its content hash, so a changed file has a new name.
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      let body: Buffer = await readFile(file);
      if (COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESS_BYTES) {
        headers.vary = 'Accept-Encoding';
        const encoding = chooseEncoding(request.headers.get('accept-encoding'));
        if (encoding) {
          body = await compressedBody(file, `${info.size}:${info.mtimeMs}`, body, encoding);
          headers['content-encoding'] = encoding;
        }
      }
      headers['content-length'] = String(body.length);
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers }));
    },
  };
}
