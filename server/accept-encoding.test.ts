import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './accept-encoding.js';

describe('chooseEncoding', () => {
  it('prefers brotli, falls back to gzip and honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeNull();
    expect(chooseEncoding(null)).toBeNull();
  });

  it('chooses among the encodings offered only', () => {
    expect(chooseEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
    expect(chooseEncoding('*', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('gzip;q=0, *', ['gzip'])).toBeNull();
  });
});
