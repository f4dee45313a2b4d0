import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeConfigFromEnv } from './open-store.js';

describe('storeConfigFromEnv', () => {
  it('leaves the buffer pool to Kuzu unless KUZU_BUFFER_POOL_MB caps it', () => {
    expect(storeConfigFromEnv({ REFORMGRAPH_DB: 'data/x.kuzu' })).toEqual({ backend: 'kuzu', path: resolve('data/x.kuzu') });
    expect(storeConfigFromEnv({ REFORMGRAPH_DB: 'data/x.kuzu', KUZU_BUFFER_POOL_MB: '256' })).toEqual({
      backend: 'kuzu',
      path: resolve('data/x.kuzu'),
      bufferPoolBytes: 256 * 1024 * 1024,
    });
  });

  it('refuses a buffer pool that is not a positive number of MiB', () => {
    expect(() => storeConfigFromEnv({ KUZU_BUFFER_POOL_MB: '0' })).toThrow();
    expect(() => storeConfigFromEnv({ KUZU_BUFFER_POOL_MB: 'lots' })).toThrow();
  });
});
