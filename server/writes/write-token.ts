/**
 * @module Who may write: a request carrying `Authorization: Bearer <token>` with the token the
 * server was given (REFORMGRAPH_WRITE_TOKEN). Without a configured token there is no writing at
 * all, whatever the request carries.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type WriteAccess =
  { allowed: true } | { allowed: false; status: 401 | 403; code: 'WRITES_DISABLED' | 'UNAUTHORIZED'; message: string };

/**
 * Compares digests rather than the tokens themselves: timingSafeEqual needs equal lengths, and
 * comparing digests of equal length leaks neither the token's characters nor its length.
 */
function sameToken(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token of an `Authorization: Bearer …` header (scheme case-insensitive), else null. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

export function checkWriteAccess(authorization: string | null, token: string | null): WriteAccess {
  if (!token) {
    return {
      allowed: false,
      status: 403,
      code: 'WRITES_DISABLED',
      message: 'This server is read-only: writes are disabled. Start it with REFORMGRAPH_WRITE_TOKEN set to enable uploads and curation.',
    };
  }
  const presented = bearerToken(authorization);
  if (presented === null || !sameToken(presented, token)) {
    return {
      allowed: false,
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Writing needs the header "Authorization: Bearer <token>" with the server\'s write token.',
    };
  }
  return { allowed: true };
}
