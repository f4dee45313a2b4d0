import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WriteQuery } from './queries/define.js';
import { writeCsvOfRows } from './kuzu-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'reformgraph-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  id: string;
  text: string | null;
  seq: number | null;
  score: number | null;
  stub: boolean | null;
}
const query: WriteQuery<Row> = {
  kind: 'write',
  name: 'bulkCreateTest',
  cypher: 'UNWIND $rows AS r CREATE (:Test {id: r.id})',
  rowTypes: { id: 'STRING', text: 'STRING', seq: 'INT64', score: 'DOUBLE', stub: 'BOOLEAN' },
  bulkTable: 'Task',
};

function written(rows: Row[], name: string) {
  const file = join(dir, name);
  const result = writeCsvOfRows(query, rows, file);
  return { ...result, csv: readFileSync(file, 'utf8') };
}

describe('CSV files for a bulk COPY', () => {
  it('quotes strings, escapes their quotes and backslashes with a backslash, leaves nulls empty and keeps a row that holds "" for the parameter path', () => {
    const rows: Row[] = [
      { id: 'p#一', text: '牵头单位：区卫健委，配合单位："区医保局"\n第二行', seq: 1, score: 0.5, stub: false },
      { id: 'p#二', text: null, seq: null, score: null, stub: null },
      { id: 'p#三', text: '', seq: 3, score: 1, stub: true },
      { id: 'p#四', text: 'C:\\文件\\"附件1"\\', seq: 4, score: null, stub: null },
    ];
    const { csv, rest, written: count } = written(rows, 'quotes.csv');
    expect(csv).toBe(
      '"p#一","牵头单位：区卫健委，配合单位：\\"区医保局\\"\n第二行",1,0.5,false\n"p#二",,,,\n' +
        '"p#四","C:\\\\文件\\\\\\"附件1\\"\\\\",4,,\n',
    );
    expect([count, rest]).toEqual([3, [rows[2]]]);
  });

  it("tells whether a written field holds a line break, which Kuzu's parallel reader would take for the end of a row", () => {
    const oneLine: Row = { id: 'p#一', text: '牵头单位：区卫健委，配合单位："区医保局"', seq: 1, score: 0.5, stub: false };
    const lineBreakIn = (text: string) => ({ ...oneLine, id: `p#${text.length}`, text });
    expect(written([oneLine], 'one-line.csv').lineBreaks).toBe(false);
    expect(written([oneLine, lineBreakIn('第一行\n第二行')], 'newline.csv').lineBreaks).toBe(true);
    expect(written([lineBreakIn('第一行\r第二行'), oneLine], 'carriage-return.csv').lineBreaks).toBe(true);
    // A row left to the parameter path is not in the file, nor are its line breaks.
    expect(written([oneLine, { ...lineBreakIn('第一行\n第二行'), seq: 1.5 }], 'rest.csv').lineBreaks).toBe(false);
  });

  it('leaves a number that does not fit its column to the parameter path', () => {
    const rows: Row[] = [
      { id: 'a', text: 'x', seq: 1.5, score: 1, stub: true },
      { id: 'b', text: 'x', seq: 2, score: Infinity, stub: true },
    ];
    expect(written(rows, 'numbers.csv')).toEqual({ written: 0, rest: rows, csv: '', lineBreaks: false });
  });

  it('writes texts longer than its buffer and rows across its boundary whole', () => {
    const long = '深化医药卫生体制改革'.repeat(50_000); // 1.5 MB of UTF-8
    const rows: Row[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `t${i}`,
      text: i === 1500 ? long : `第${i}项任务`,
      seq: i,
      score: null,
      stub: false,
    }));
    const expected = rows.map((row) => `"${row.id}","${row.text ?? ''}",${row.seq ?? ''},,false\n`).join('');
    const { csv, written: count } = written(rows, 'long.csv');
    expect(count).toBe(3000);
    expect(csv.length).toBe(expected.length);
    expect(csv === expected).toBe(true);
  });

  it('writes a list whose every element reads back as itself, and leaves one that would not to the parameter path', () => {
    interface ListRow {
      id: string;
      aliases: string[] | null;
    }
    const listQuery: WriteQuery<ListRow> = { ...query, rowTypes: { id: 'STRING', aliases: 'STRING[]' } };
    const fits: ListRow[] = [
      { id: 'a', aliases: ['区卫健委', '区卫生健康局（区中医药管理局）', 'null', 'x\\y z'] },
      { id: 'b', aliases: [] },
      { id: 'c', aliases: null },
    ];
    // Kuzu splits at a comma or bracket, keeps quotes, trims spaces: each of these would come back otherwise.
    const unfit = ['a,b', '[x]', '"x"', "x's", ' x', 'x ', '', '第一行\n第二行'].map((alias, i) => ({
      id: `u${i}`,
      aliases: ['区医保局', alias],
    }));
    const file = join(dir, 'lists.csv');
    const result = writeCsvOfRows(listQuery, [...fits, ...unfit], file);
    expect(readFileSync(file, 'utf8')).toBe('"a","[区卫健委,区卫生健康局（区中医药管理局）,null,x\\\\y z]"\n"b",\n"c",\n');
    expect(result).toEqual({ written: 3, rest: unfit, lineBreaks: false });
  });
});
