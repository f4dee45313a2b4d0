import { describe, expect, it } from 'vitest';
import { withSharedStrings } from './shared-strings.js';

/** Two equal strings made at run time, so that they are distinct objects (as the database answers them). */
const fresh = (text: string) => [...text].join('');

describe('withSharedStrings', () => {
  it('pools the short values of every set sharing a pool, leaving the values equal', () => {
    const pool = new Map<string, string>();
    const tasks = withSharedStrings([{ id: fresh('110102-t1'), jurisdictionId: fresh('110102') }], pool);
    const links = withSharedStrings([{ fromId: fresh('110102-t1'), toId: fresh('N1') }], pool);
    expect(tasks).toEqual([{ id: '110102-t1', jurisdictionId: '110102' }]);
    expect(links).toEqual([{ fromId: '110102-t1', toId: 'N1' }]);
    // Whether two equal strings are one object is not observable in JavaScript (=== compares
    // contents); the pool holding each value once is.
    expect([...pool.keys()].sort()).toEqual(['110102', '110102-t1', 'N1']);
  });

  it('leaves long values, numbers and lists as they are', () => {
    const pool = new Map<string, string>();
    const text = '推进'.repeat(40);
    const [row] = withSharedStrings([{ text, seq: 3, keywords: ['医保'] }], pool);
    expect(row).toEqual({ text, seq: 3, keywords: ['医保'] });
    expect(pool.size).toBe(0);
  });
});
