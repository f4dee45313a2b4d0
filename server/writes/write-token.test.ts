import { describe, expect, it } from 'vitest';
import { bearerToken, checkWriteAccess } from './write-token.js';

const TOKEN = 'correct-horse-battery-staple';

describe('checkWriteAccess', () => {
  it('refuses every write with 403 when no token is configured, even one that carries a token', () => {
    for (const configured of [null, '']) {
      expect(checkWriteAccess(`Bearer ${TOKEN}`, configured)).toMatchObject({ allowed: false, status: 403, code: 'WRITES_DISABLED' });
      expect(checkWriteAccess(null, configured)).toMatchObject({ allowed: false, status: 403 });
    }
  });

  it('answers 401 to a missing, wrong, prefixed, extended or differently cased token', () => {
    for (const header of [
      null,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      `Bearer ${TOKEN.toUpperCase()}`,
      `Token ${TOKEN}`,
      TOKEN,
      `Bearer ${TOKEN} extra`,
    ]) {
      expect(checkWriteAccess(header, TOKEN), String(header)).toMatchObject({ allowed: false, status: 401, code: 'UNAUTHORIZED' });
    }
  });

  it('lets the configured token through, whatever the case of the scheme', () => {
    expect(checkWriteAccess(`Bearer ${TOKEN}`, TOKEN)).toEqual({ allowed: true });
    expect(checkWriteAccess(`bearer  ${TOKEN} `, TOKEN)).toEqual({ allowed: true });
  });
});

describe('bearerToken', () => {
  it('reads the token after the Bearer scheme and nothing else', () => {
    expect(bearerToken('Bearer abc.def-123')).toBe('abc.def-123');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
