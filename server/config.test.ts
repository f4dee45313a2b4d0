import { describe, expect, it } from 'vitest';
import { serverConfigFromEnv } from './config.js';

describe('serverConfigFromEnv', () => {
  it('is read-only unless REFORMGRAPH_WRITE_TOKEN is set', () => {
    expect(serverConfigFromEnv({}).writes.token).toBeNull();
    expect(serverConfigFromEnv({ REFORMGRAPH_WRITE_TOKEN: '' }).writes.token).toBeNull();
    expect(serverConfigFromEnv({ REFORMGRAPH_WRITE_TOKEN: 'a-long-enough-token-value' }).writes).toEqual({
      token: 'a-long-enough-token-value',
      seedsDir: 'seeds',
      maxUploadBytes: 20 * 1024 * 1024,
    });
  });

  it('refuses a short write token without printing it', () => {
    expect(() => serverConfigFromEnv({ REFORMGRAPH_WRITE_TOKEN: 'secret12' })).toThrow(
      /REFORMGRAPH_WRITE_TOKEN: must be at least 16 characters/,
    );
    try {
      serverConfigFromEnv({ REFORMGRAPH_WRITE_TOKEN: 'secret12' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret12');
    }
  });

  it('reads the upload and request size limits', () => {
    const config = serverConfigFromEnv({ MAX_UPLOAD_BYTES: '1000', MAX_REQUEST_BYTES: '2000' });
    expect(config.writes.maxUploadBytes).toBe(1000);
    expect(config.limits.maxRequestBytes).toBe(2000);
  });
});
