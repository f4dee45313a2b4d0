/**
 * A long shared answer (a compare of two jurisdictions) over a real HTTP server: sent gzipped to a
 * client that takes gzip once compressed, and read back by Node's fetch as the same answer; sent as
 * it is to a client that does not.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE } from '../../client/src/api/queries.js';
import { createApp } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';

let seeded: SeededStore;
let server: Server;
let url: string;

beforeAll(async () => {
  seeded = await openSeededStore();
  server = createServer(createApp({ store: seeded.store, logger: silentLogger }).requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await seeded.close();
});

const ask = (acceptEncoding: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding },
    body: JSON.stringify({ query: COMPARE, variables: { a: '350400', b: '341324' } }),
  });

const dataOf = (text: string) => (JSON.parse(text) as { data: unknown; errors?: unknown }).data;

describe('a long shared answer', () => {
  it('is sent gzipped once compressed, and is the same answer gzipped or not', async () => {
    const first = await (await ask('identity')).text();
    expect(first.length).toBeGreaterThan(1024);
    let gzipped: Response | null = null;
    for (let attempt = 0; attempt < 200 && !gzipped; attempt += 1) {
      const response = await ask('gzip, deflate');
      if (response.headers.get('content-encoding') === 'gzip') gzipped = response;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(gzipped, 'an answer sent gzipped').not.toBeNull();
    const compressedLength = gzipped!.headers.get('content-length');
    expect(compressedLength).not.toBeNull();
    expect(Number(compressedLength)).toBeLessThan(Buffer.byteLength(first) / 3);
    // fetch decompresses it: the body read is the JSON.
    expect(dataOf(await gzipped!.text())).toEqual(dataOf(first));
    const identity = await ask('identity');
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(dataOf(await identity.text())).toEqual(dataOf(first));
  });
});
