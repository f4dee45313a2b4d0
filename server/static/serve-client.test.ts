import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYoga, createSchema } from 'graphql-yoga';
import { useClientFiles } from './serve-client.js';

describe('serving the built explorer', () => {
  let dir: string;
  let app: ReturnType<typeof createYoga>;
  const script = `export const words = ${JSON.stringify('医改政策图谱 reformgraph '.repeat(400))};\n`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reformgraph-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><div id="root"></div>${'<!-- padding -->'.repeat(100)}`);
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), script);
    writeFileSync(join(dir, 'assets', 'tiny-Ab12Cd34.js'), 'export {};\n');
    writeFileSync(join(dir, 'assets', 'logo-Ab12Cd34.png'), Buffer.alloc(4096, 7));
    app = createYoga({
      schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
      plugins: [useClientFiles({ dir })],
      logging: false,
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (path: string, headers: Record<string, string> = {}) => app.fetch(`http://localhost${path}`, { headers });

  it('sends a hashed script brotli-compressed to a browser that accepts br, cached for good', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(brotliDecompressSync(body).toString('utf8')).toBe(script);
  });

  it('sends gzip to a browser that accepts only gzip, and the file as it is to one that accepts neither', async () => {
    const gzipped = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8')).toBe(script);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('revalidates index.html on every visit and compresses it too', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await get(path, { 'accept-encoding': 'br', accept: 'text/html' });
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toContain('id="root"');
    }
  });

  it('leaves images and tiny files uncompressed', async () => {
    const image = await get('/assets/logo-Ab12Cd34.png', { 'accept-encoding': 'br, gzip' });
    expect(image.headers.get('content-encoding')).toBeNull();
    expect(image.headers.get('cache-control')).toContain('immutable');
    const tiny = await get('/assets/tiny-Ab12Cd34.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
  });

  it('compresses a file again after it changed on disk (a rebuild)', async () => {
    await (await get('/index.html', { 'accept-encoding': 'gzip' })).arrayBuffer();
    const rebuilt = `<!doctype html><div id="root" data-build="2"></div>${'<!-- padding -->'.repeat(100)}`;
    writeFileSync(join(dir, 'index.html'), rebuilt);
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5000));
    const response = await get('/index.html', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(rebuilt);
  });
});
