import { describe, expect, it } from 'vitest';
import { cutAtMarks, layoutSource, visiblePieces } from './source-layout.js';

const show = (text: string, ranges: { start: number; end: number }[]) => ranges.map((range) => text.slice(range.start, range.end));

describe('layoutSource', () => {
  it('reads tab-separated lines as one table and <p> tags in a cell as its paragraphs, never as text', () => {
    const text =
      '一、总体要求\n工作任务\t细化措施\t责任单位\n1. 加强统筹。\t<p>① 深入开展。</p> <p>② 优化服务。</p>\t市卫健委\n\t<p>③ 推行家庭病床。</p>\t\n二、保障措施';
    const blocks = layoutSource(text);
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((row) => row.map((cell) => show(text, cell)))).toEqual([
      [['工作任务'], ['细化措施'], ['责任单位']],
      [['1. 加强统筹。'], ['① 深入开展。', '② 优化服务。'], ['市卫健委']],
      [[], ['③ 推行家庭病床。'], []],
    ]);
  });

  it('keeps every offset of the original text (a span still points at the same characters)', () => {
    const text = '标题\r\n甲\t<p>乙丙</p>';
    const blocks = layoutSource(text);
    const table = blocks[1];
    if (table?.kind !== 'table') throw new Error('no table');
    const cell = table.rows[0]?.[1]?.[0];
    expect(cell && text.slice(cell.start, cell.end)).toBe('乙丙');
    expect(show(text, blocks[0]?.kind === 'paragraph' ? blocks[0].pieces : [])).toEqual(['标题']);
  });

  it('leaves markup other than paragraph tags as visible text', () => {
    const text = '<b>粗体</b><p>段落</p>';
    expect(show(text, visiblePieces(text, 0, text.length))).toEqual(['<b>粗体</b>', '段落']);
  });
});

describe('cutAtMarks', () => {
  it('cuts a range where the task span and an evidence word begin and end', () => {
    const runs = cutAtMarks({ start: 0, end: 10 }, [
      { start: 2, end: 8, name: 'span' },
      { start: 4, end: 6, name: 'evidence' },
      { start: 20, end: 30, name: 'span' },
    ]);
    expect(runs).toEqual([
      { start: 0, end: 2, marks: [] },
      { start: 2, end: 4, marks: ['span'] },
      { start: 4, end: 6, marks: ['span', 'evidence'] },
      { start: 6, end: 8, marks: ['span'] },
      { start: 8, end: 10, marks: [] },
    ]);
  });
});
