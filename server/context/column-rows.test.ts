import { describe, expect, it } from 'vitest';
import { ColumnRows, kindOfValues } from './column-rows.js';

const triples = [
  { nationalItemId: 'N-PAY', jurisdictionId: '350400', taskId: 'p-sm#1', policyId: 'p-sm', kind: 'item', seq: 1 },
  { nationalItemId: 'N-PAY', jurisdictionId: '510100', taskId: 'p-cd#4', policyId: 'p-cd', kind: 'measure', seq: 4 },
  { nationalItemId: 'N-TIER', jurisdictionId: '350400', taskId: 'p-sm#1', policyId: 'p-sm', kind: 'item', seq: 1 },
  { nationalItemId: 'N-TIER', jurisdictionId: null, taskId: 'p-x#0', policyId: 'p-x', kind: 'section', seq: null },
];

describe('ColumnRows', () => {
  it('gives back each row as it was given, strings, integers and nulls', () => {
    const rows = ColumnRows.of(triples);
    expect(rows.length).toBe(4);
    expect(rows.rows()).toEqual(triples);
    expect(rows.rowOf(3)).toEqual(triples[3]);
    expect(rows.rows([2, 0])).toEqual([triples[2], triples[0]]);
    expect(rows.column('seq')).toEqual([1, 4, 1, null]);
    expect(rows.column('none')).toBeUndefined();
    // A row made for each read: an answer edited by one request is not another's.
    expect(rows.rowOf(0)).not.toBe(rows.rowOf(0));
  });

  it('groups the positions of the rows by a column of strings, in row order, null a key of its own', () => {
    const rows = ColumnRows.of(triples);
    const byJurisdiction = rows.positionsBy('jurisdictionId');
    expect([...byJurisdiction].map(([key, at]) => [key, [...at]])).toEqual([
      [null, [3]],
      ['350400', [0, 2]],
      ['510100', [1]],
    ]);
    expect(() => rows.positionsBy('seq')).toThrow(/column of strings/);
  });

  it('merges kept rows and fresh ones in the places given, the fresh rows’ strings appended to the table it shares', () => {
    const rows = ColumnRows.of(triples);
    const fresh = [{ nationalItemId: 'N-NEW', jurisdictionId: '350400', taskId: 'p-sm#9', policyId: 'p-sm', kind: 'item', seq: 9 }];
    const places = [1];
    const merged = rows.merged([0, 2, 3], fresh, () => places.shift() ?? 0);
    expect(merged.rows()).toEqual([triples[0], fresh[0], triples[2], triples[3]]);
    // The rows before are unchanged.
    expect(rows.rows()).toEqual(triples);
    // A key whose string is in the table twice (the fresh rows' are appended, not searched) is one group.
    const again = merged.merged([0, 1, 2, 3], [{ ...triples[1], jurisdictionId: '350400' }], () => 4);
    expect([...(again.positionsBy('jurisdictionId').get('350400') ?? [])]).toEqual([0, 1, 2, 4]);
  });

  it('finds the rows whose value is not among some, as a filter of every row would', () => {
    const rows = ColumnRows.of(triples);
    expect([...rows.positionsWithout('policyId', new Set(['p-sm']))]).toEqual([1, 3]);
    expect([...rows.positionsWithout('jurisdictionId', new Set(['510100', 'none']))]).toEqual([0, 2, 3]);
    expect([...rows.positionsWithout('policyId', new Set())]).toEqual([0, 1, 2, 3]);
    expect(() => rows.positionsWithout('seq', new Set())).toThrow(/column of strings/);
  });

  it('holds a column in wider codes once its strings outgrow the narrower ones', () => {
    const few = ColumnRows.of([{ id: 'a', seq: 1 }]);
    const many = Array.from({ length: 70_000 }, (_, i) => ({ id: `t-${i}`, seq: i - 5 }));
    const merged = few.merged([0], many, () => 1);
    expect(merged.length).toBe(70_001);
    expect(merged.rowOf(0)).toEqual({ id: 'a', seq: 1 });
    expect(merged.rowOf(300)).toEqual(many[299]);
    expect(merged.rowOf(70_000)).toEqual(many[69_999]);
    expect(ColumnRows.of(many).rows()).toEqual(many);
  });

  it('takes the columns of the fresh rows when it had none (no row yet)', () => {
    const merged = ColumnRows.of([]).merged([], triples.slice(0, 2), () => 0);
    expect(merged.rows()).toEqual(triples.slice(0, 2));
  });

  describe('a column kept split at the last separator', () => {
    const ids = [
      { taskId: 'doc:资府发〔2017〕23号#1.2', seq: 0 },
      { taskId: 'doc:资府发〔2017〕23号#1.3', seq: 1 },
      { taskId: 'title:350400:关于#创新#1.2', seq: 2 },
      { taskId: 'no-separator', seq: 3 },
      { taskId: null, seq: 4 },
      { taskId: 'ends-with#', seq: 5 },
    ];
    const split = { taskId: '#' };

    it('gives back every value whole, from a head per document and a tail per path', () => {
      const rows = ColumnRows.of(ids, split);
      expect(rows.rows()).toEqual(ids);
      expect(rows.column('taskId')).toEqual(ids.map((row) => row.taskId));
      expect(rows.partsOf('taskId')).toEqual({
        heads: ['doc:资府发〔2017〕23号#', 'doc:资府发〔2017〕23号#', 'title:350400:关于#创新#', '', null, 'ends-with#'],
        tails: ['1.2', '1.3', '1.2', 'no-separator', null, ''],
      });
      expect(ColumnRows.of(ids).partsOf('taskId')).toBeUndefined();
    });

    it('codes fresh rows in parts when merged, from no row too, and is not grouped by', () => {
      const fresh = [{ taskId: 'doc:资府发〔2017〕23号#2', seq: 9 }];
      const merged = ColumnRows.of(ids, split).merged([0, 5], fresh, () => 1);
      expect(merged.rows()).toEqual([ids[0], fresh[0], ids[5]]);
      expect(merged.partsOf('taskId')?.tails).toEqual(['1.2', '2', '']);
      expect(
        ColumnRows.of([], split)
          .merged([], fresh, () => 0)
          .partsOf('taskId')?.heads,
      ).toEqual(['doc:资府发〔2017〕23号#']);
      expect(() => merged.positionsBy('taskId')).toThrow(/kept whole/);
    });

    it('is read from codes only as declared', () => {
      const codes = Int32Array.of(1);
      const stored = [{ table: ['p#'], codes, tails: { table: ['1'], codes } }];
      expect(ColumnRows.fromCodes(['taskId'], stored, split).rows()).toEqual([{ taskId: 'p#1' }]);
      expect(() => ColumnRows.fromCodes(['taskId'], stored)).toThrow(/split otherwise than declared/);
      expect(() => ColumnRows.fromCodes(['taskId'], [{ table: ['p#1'], codes }], split)).toThrow(/split otherwise than declared/);
    });
  });

  it('refuses values it cannot keep by column', () => {
    expect(kindOfValues(['a', null, 'b'])).toBe('strings');
    expect(kindOfValues([1, null, -3])).toBe('integers');
    expect(kindOfValues([1.5])).toBeNull();
    expect(kindOfValues(['a', 1])).toBeNull();
    expect(() => ColumnRows.of([{ score: 0.5 }])).toThrow(/score/);
    expect(() => ColumnRows.of([{ id: 'a' }]).merged([0], [{ id: 3 }], () => 1)).toThrow(/strings given 3/);
  });
});
