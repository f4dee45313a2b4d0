import { describe, expect, it } from 'vitest';
import { evidenceClauses } from './evidence-clauses.js';

const TEXT = '推进医共体建设；县域内就诊率占比47.5%以上，按病种打包付费。';

describe('evidenceClauses', () => {
  it('marks the evidence words inside their clause and merges overlapping evidence', () => {
    const clause = { start: 8, end: 32 };
    const pieces = evidenceClauses(TEXT, [
      { span: { start: 14, end: 21 }, clause },
      { span: { start: 16, end: 23 }, clause },
    ]);
    expect(pieces).toEqual([
      [
        { text: '县域内就诊率', hit: false },
        { text: '占比47.5%以上', hit: true },
        { text: '，按病种打包付费。', hit: false },
      ],
    ]);
  });

  it('lists each clause once, in text order', () => {
    const pieces = evidenceClauses(TEXT, [
      { span: { start: 27, end: 29 }, clause: { start: 8, end: 32 } },
      { span: { start: 2, end: 5 }, clause: { start: 0, end: 8 } },
      { span: { start: 29, end: 31 }, clause: { start: 8, end: 32 } },
    ]);
    expect(pieces.map((clause) => clause.filter((piece) => piece.hit).map((piece) => piece.text))).toEqual([['医共体'], ['打包', '付费']]);
  });
});
