import { describe, expect, it } from 'vitest';
import { byCodePoints, orderOfCypher, rowComparator } from './row-order.js';
import { keyedReadQuery, readQuery } from './define.js';

describe('the order a read declares', () => {
  it('reads the keys of the final ORDER BY, with their direction', () => {
    expect(orderOfCypher('q', 'MATCH (t:Task) RETURN t.id AS fromId, t.seq AS seq\n   ORDER BY fromId, score DESC, `to`')).toEqual([
      { column: 'fromId', descending: false },
      { column: 'score', descending: true },
      { column: 'to', descending: false },
    ]);
    expect(orderOfCypher('q', 'MATCH (t:Task) RETURN t.id AS id')).toEqual([]);
  });

  it('refuses an ORDER BY of an expression, which the rows do not hold', () => {
    expect(() => orderOfCypher('q', 'MATCH (t:Task) RETURN t.id AS id ORDER BY t.seq')).toThrow(/returned alias/);
  });

  it('leaves the order of a page to the database', () => {
    expect(readQuery('page', 'MATCH (t:Task) RETURN t.id AS id ORDER BY id SKIP $skip LIMIT $limit').order).toEqual([]);
    expect(keyedReadQuery('keyed', 'UNWIND $ids AS key MATCH (t:Task {id: key}) RETURN t.id AS id ORDER BY id').order).toEqual([
      { column: 'id', descending: false },
    ]);
  });
});

describe('rows compared by the declared keys', () => {
  const compare = rowComparator(orderOfCypher('links', 'RETURN 1 ORDER BY fromId, score DESC, toId'));
  const sorted = (rows: object[]) => [...rows].sort(compare ?? undefined);

  it('breaks a tie of score by the next key, whatever order the rows came in', () => {
    const a = { fromId: 'doc:某府办发〔2024〕1号#一/（一）', score: 0.597, toId: 'doc:上级#二/（二）/2' };
    const b = { fromId: 'doc:某府办发〔2024〕1号#一/（一）', score: 0.597, toId: 'doc:上级#一/（一）/1' };
    const c = { fromId: 'doc:某府办发〔2024〕1号#一/（一）', score: 0.9, toId: 'doc:上级#三' };
    expect(sorted([a, b, c])).toEqual([c, b, a]);
    expect(sorted([b, a, c])).toEqual([c, b, a]);
  });

  it('orders strings by code point, as the databases do, also past U+FFFF', () => {
    // U+FF5E (～) is one UTF-16 unit above the surrogates of U+20000 (𠀀), but a lower code point.
    expect(byCodePoints('～', '𠀀')).toBeLessThan(0);
    expect(byCodePoints('三', '二')).toBeLessThan(0);
    expect(byCodePoints('ab', 'abc')).toBeLessThan(0);
  });

  it('puts nulls after every value in ascending order', () => {
    const byParent = rowComparator([{ column: 'parentId', descending: false }]);
    expect([{ parentId: null }, { parentId: 'x' }].sort(byParent ?? undefined)).toEqual([{ parentId: 'x' }, { parentId: null }]);
  });
});
