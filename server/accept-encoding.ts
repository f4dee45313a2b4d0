/** @module The content encoding a response may be sent in, read from the request's Accept-Encoding. */

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header, the first of `offered` the client takes
 * (brotli before gzip by default), nothing refused with `q=0` (RFC 9110 §12.5.3); `*` stands for any
 * encoding not named.
 */
export function chooseEncoding(acceptEncoding: string | null, offered: readonly Encoding[] = ['br', 'gzip']): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: Encoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  return offered.find((encoding) => weight(encoding) > 0) ?? null;
}
