/**
 * Weight of the explorer's first screen, measured in headless Chromium against the real server: what the
 * coverage matrix loads, compressed as the browser receives it, and what it leaves for later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExplorer } from '../support/explorer-browser.js';

const explorer = useExplorer();

interface Loaded {
  url: string;
  encoding: string | null;
  bytes: number;
  cacheControl: string | null;
}

async function scriptsLoadedBy(hash: string, ready: string): Promise<Loaded[]> {
  const context = await explorer.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const scripts: Promise<Loaded>[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    scripts.push(
      (async () => {
        const headers = await response.allHeaders();
        // Bytes on the wire: the compressed body as sent (content-length of the encoded answer).
        return {
          url: response.url(),
          encoding: headers['content-encoding'] ?? null,
          bytes: Number(headers['content-length']),
          cacheControl: headers['cache-control'] ?? null,
        };
      })(),
    );
  });
  try {
    await page.goto(`${explorer.server.url}${hash}`);
    await page.locator(ready).first().waitFor();
    return await Promise.all(scripts);
  } finally {
    await context.close();
  }
}

describe('the first screen', () => {
  it('loads under 300 kB of compressed JavaScript for the coverage matrix, brotli-encoded and cached by hash', async () => {
    const scripts = await scriptsLoadedBy('#/coverage', '[data-testid=coverage-cell]');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.encoding, script.url).toBe('br');
      expect(script.cacheControl, script.url).toContain('immutable');
    }
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    expect(total).toBeGreaterThan(10_000);
    expect(total).toBeLessThan(300_000);
  });

  it('leaves Cytoscape to the graph views: the matrix never loads it, the lineage graph does', async () => {
    const chunks = readdirSync(join(explorer.clientDir, 'assets')).filter((name) => name.endsWith('.js'));
    const withCytoscape = chunks.filter((name) => readFileSync(join(explorer.clientDir, 'assets', name), 'utf8').includes('cytoscape'));
    expect(withCytoscape.length).toBeGreaterThan(0);
    const loadedByMatrix = (await scriptsLoadedBy('#/coverage', '[data-testid=coverage-cell]')).map((script) =>
      script.url.split('/').pop(),
    );
    expect(loadedByMatrix.filter((name) => withCytoscape.includes(name ?? ''))).toEqual([]);
    const loadedByLineage = (await scriptsLoadedBy('#/lineage/overview', '[data-testid=graph-canvas]')).map((script) =>
      script.url.split('/').pop(),
    );
    expect(loadedByLineage.some((name) => withCytoscape.includes(name ?? ''))).toBe(true);
  });

  it('keeps zod out of every chunk of the client', () => {
    const chunks = readdirSync(join(explorer.clientDir, 'assets')).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const name of chunks)
      expect(readFileSync(join(explorer.clientDir, 'assets', name), 'utf8'), name).not.toMatch(/ZodError|zod\.dev/);
  });

  it('serves index.html for revalidation, never cached as immutable', async () => {
    const response = await fetch(explorer.server.url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<div id="root">');
  });
});
