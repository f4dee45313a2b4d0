import { describe, expect, it } from 'vitest';
import { lookupMany, lookupOne, lookups, withLists } from './lookups.js';
import { readQueries } from './index.js';

describe('a lookup declaration', () => {
  it('answers each key asked, in order, with its row or null', () => {
    const rows = [
      { id: 'b', title: 'B' },
      { id: 'a', title: 'A' },
    ];
    expect(lookups.policy.answer(rows as never, ['a', 'none', 'b']).map((row) => row?.title ?? null)).toEqual(['A', null, 'B']);
  });

  it("answers a policy's text joined from its parts in the order read, null without parts", () => {
    const rows = [
      { id: 'b', seq: 0, text: '一、' },
      { id: 'a', seq: 0, text: 'A' },
      { id: 'b', seq: 1, text: '深化改革' },
    ];
    expect(lookups.policyText.answer(rows, ['a', 'none', 'b'])).toEqual(['A', null, '一、深化改革']);
  });

  it('answers each key with its rows in the order read', () => {
    const rows = [
      { fromId: 't1', toId: 'p1', context: 'x' },
      { fromId: 't2', toId: 'p2', context: 'y' },
      { fromId: 't1', toId: 'p3', context: 'z' },
    ];
    expect(lookups.cites.answer(rows, ['t1', 'none']).map((list) => list.map((row) => row.toId))).toEqual([['p1', 'p3'], []]);
  });

  it('refuses, at compile time, a key column its rows do not have or that holds no ids', () => {
    // @ts-expect-error: a task row has no column taskId
    const wrongColumn = lookupMany({ query: readQueries.tasksByIds, key: 'taskId' });
    // @ts-expect-error: seq holds numbers, not ids
    const notAnId = lookupOne({ query: readQueries.tasksByIds, key: 'seq' });
    expect(wrongColumn.keyOf({ id: 't' } as never)).toBeUndefined();
    expect(notAnId.keyOf({ seq: 1 } as never)).toBe(1);
  });
});

describe('withLists', () => {
  it('answers a row whose lists are all there as it is, not a copy per row', () => {
    const agency = { id: 'a1', name: '县卫生健康局', aliases: ['县卫健局'] };
    expect(withLists('Agency', agency)).toBe(agency);
  });

  it('fills a list Kuzu read as null in a copy, leaving the row read as it was', () => {
    const agency = { id: 'a1', name: '县卫生健康局', aliases: null };
    expect(withLists('Agency', agency)).toEqual({ id: 'a1', name: '县卫生健康局', aliases: [] });
    expect(agency.aliases).toBeNull();
  });
});
