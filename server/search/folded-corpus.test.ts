import { describe, expect, it } from 'vitest';
import { countOccurrences, foldCorpus, indexOfUnits, spanOf, textOf, toUnits, unfoldedUnits } from './folded-corpus.js';

describe('foldCorpus', () => {
  it('lays the folded texts one after another, each findable by its span', () => {
    const corpus = foldCorpus(['ＤＲＧ付费', '', '覆盖率３０％']);
    expect(textOf(corpus, 0)).toBe('drg付费');
    expect(textOf(corpus, 1)).toBe('');
    expect(textOf(corpus, 2)).toBe('覆盖率30%');
    expect(spanOf(corpus, 2)).toEqual({ from: 5, to: 11 });
  });

  it('keeps the texts as written at the same positions as their folded forms', () => {
    const texts = ['ＤＲＧ付费', '', '覆盖率３０％'];
    const corpus = foldCorpus(texts);
    expect([0, 1, 2].map((index) => textOf(corpus, index, unfoldedUnits(texts)))).toEqual(texts);
  });

  it('refuses a task outside the corpus rather than answering an empty text', () => {
    expect(() => spanOf(foldCorpus(['医保']), 1)).toThrow(RangeError);
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
