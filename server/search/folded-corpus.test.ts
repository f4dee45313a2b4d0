import { describe, expect, it } from 'vitest';
import {
  countOccurrences,
  foldContents,
  foldCorpus,
  indexOfUnits,
  spanOf,
  textOf,
  titleSpanOf,
  toUnits,
  unfoldedUnits,
} from './folded-corpus.js';

describe('foldCorpus', () => {
  it('lays the folded texts one after another, each findable by its span', () => {
    const corpus = foldCorpus(['ＤＲＧ付费', '', '覆盖率３０％']);
    expect(textOf(corpus, 0)).toBe('drg付费');
    expect(textOf(corpus, 1)).toBe('');
    expect(textOf(corpus, 2)).toBe('覆盖率30%');
    expect(spanOf(corpus, 2)).toEqual({ from: 5, to: 11 });
  });

  it('keeps the texts as written where they differ from their folded forms, and only there', () => {
    const texts = ['ＤＲＧ付费', '', '覆盖率３０％', 'Drg', '不变'];
    const corpus = foldCorpus(texts);
    const unfolded = unfoldedUnits(texts, corpus);
    expect(texts.map((_, index) => textOf(corpus, index, unfolded))).toEqual(texts);
    expect([...unfolded.at]).toEqual([0, 1, 2, 8, 9, 10, 11]);
    expect(String.fromCharCode(...unfolded.units)).toBe('ＤＲＧ３０％D');
  });

  it('refuses a task outside the corpus rather than answering an empty text', () => {
    expect(() => spanOf(foldCorpus(['医保']), 1)).toThrow(RangeError);
  });
});

describe('foldContents', () => {
  it('searches the text, preceded by the title where the text does not hold it as written, and spans each title where it lies', () => {
    const { contents, corpus, titles } = foldContents([
      { title: 'ＤＲＧ付费', text: '推进ＤＲＧ付费改革' },
      { title: 'DRG付费', text: '推进ＤＲＧ付费改革' },
      { title: '', text: '医保' },
    ]);
    expect(contents).toEqual(['推进ＤＲＧ付费改革', 'DRG付费\n推进ＤＲＧ付费改革', '医保']);
    const titleOf = (task: number) => {
      const { from, to } = titleSpanOf(titles, task);
      return String.fromCharCode(...corpus.units.subarray(from, to));
    };
    expect([0, 1, 2].map(titleOf)).toEqual(['drg付费', 'drg付费', '']);
    expect(titleSpanOf(titles, 0)).toEqual({ from: 2, to: 7 });
    expect(titleSpanOf(titles, 1).from).toBe(spanOf(corpus, 1).from);
    expect(() => titleSpanOf(titles, 3)).toThrow(RangeError);
  });
});

describe('substring search over a span of units', () => {
  const units = toUnits('医保医保支付医保');

  it('finds the first occurrence inside the span only', () => {
    expect(indexOfUnits(units, toUnits('医保'), 0, units.length)).toBe(0);
    expect(indexOfUnits(units, toUnits('医保'), 1, units.length)).toBe(2);
    expect(indexOfUnits(units, toUnits('支付医保'), 0, 7)).toBe(-1);
  });

  it('counts occurrences that do not overlap', () => {
    expect(countOccurrences(units, toUnits('医保'), 0, units.length)).toBe(3);
    expect(countOccurrences(toUnits('000'), toUnits('00'), 0, 3)).toBe(1);
  });
});
