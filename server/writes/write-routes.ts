/**
 * @module The only ways to change the graph over HTTP, both behind the write token:
 *   POST /api/documents   upload a document (see upload-route.ts)
 *   POST /api/curation    accept, reject or add a task → national item link (see curation-route.ts)
 * Without a configured token they answer 403; with one, a request without the right bearer
 * token answers 401 before its body is read. GraphQL itself has no mutations.
 */
import type { Plugin } from 'graphql-yoga';
import { handleCuration } from './curation-route.js';
import { handleUpload } from './upload-route.js';
import type { WriteContext } from './write-context.js';
import { checkWriteAccess } from './write-token.js';
import { refusal, WriteRefused, type WriteReply } from './write-reply.js';

const PREFIX = '/api';

const handlers: Record<string, (request: Request, context: WriteContext) => Promise<WriteReply>> = {
  '/api/documents': handleUpload,
  '/api/curation': handleCuration,
};

async function route(request: Request, path: string, context: WriteContext): Promise<WriteReply> {
  const handler = handlers[path];
  if (!handler) return refusal(404, 'NOT_FOUND', `No endpoint at ${path}; the write endpoints are ${Object.keys(handlers).join(' and ')}.`);
  if (request.method !== 'POST') return refusal(405, 'METHOD_NOT_ALLOWED', `${path} accepts POST only.`, { allow: 'POST' });
  const access = checkWriteAccess(request.headers.get('authorization'), context.token);
  if (!access.allowed) {
    return refusal(
      access.status,
      access.code,
      access.message,
      access.status === 401 ? { 'www-authenticate': 'Bearer realm="reformgraph"' } : undefined,
    );
  }
  try {
    return await handler(request, context);
  } catch (error) {
    if (error instanceof WriteRefused) return error.reply;
    // Unexpected (store, disk, bug): logged with its details, masked for the client.
    context.logger.error(`${request.method} ${path} failed`, error);
    return refusal(500, 'INTERNAL', 'The write failed because of a server error; see the server log.');
  }
}

export function useWriteRoutes(context: WriteContext): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- declared with method syntax, endResponse is a closure that never reads `this`
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return;
      const reply = await route(request, url.pathname, context);
      endResponse(
        new fetchAPI.Response(JSON.stringify(reply.body), {
          status: reply.status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...reply.headers },
        }),
      );
    },
  };
}
