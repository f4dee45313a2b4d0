import { describe, expect, it } from 'vitest';
import { COUNT_CAP, POSITION_CAP, buildGramIndex, postingsOfGram, postingsOfTerm } from './bigram-postings.js';
import { foldContents } from './folded-corpus.js';

const { corpus, titles } = foldContents([
  { title: '医保支付', text: '深化医保支付方式改革' },
  { title: '', text: '支付医保的反例' },
  { title: '医保', text: '医保'.repeat(200) },
  { title: 'ＤＲＧ', text: 'ＤＲＧ付费' },
]);
const grams = buildGramIndex(corpus, titles);

const asRows = ({ docs, info, first }: { docs: Int32Array; info: Uint8Array; first: Uint16Array }) =>
  Array.from(docs, (doc, k) => ({ doc, count: info[k]! >> 1, inTitle: (info[k]! & 1) === 1, first: first[k] }));

describe('buildGramIndex', () => {
  it('records for each pair of characters its tasks, count, title presence and first position', () => {
    expect(asRows(postingsOfGram(grams, '医保')!)).toEqual([
      { doc: 0, count: 1, inTitle: true, first: 2 },
      { doc: 1, count: 1, inTitle: false, first: 2 },
      { doc: 2, count: COUNT_CAP, inTitle: true, first: 0 },
    ]);
  });

  it('indexes single characters and folded forms, and knows no gram that no task holds', () => {
    expect(Array.from(postingsOfGram(grams, '改')!.docs)).toEqual([0]);
    expect(Array.from(postingsOfGram(grams, 'rg')!.docs)).toEqual([3]);
    expect(postingsOfGram(grams, 'ＲＧ')).toBeNull();
    expect(postingsOfGram(grams, '卫生')).toBeNull();
  });

  it('refuses a gram of more than two characters', () => {
    expect(() => postingsOfGram(grams, '医保支付')).toThrow(RangeError);
  });
});

describe('postingsOfTerm', () => {
  it('keeps only tasks holding the term as written, not its bigrams in another order', () => {
    expect(asRows(postingsOfTerm(grams, corpus, '医保支付'))).toEqual([{ doc: 0, count: 1, inTitle: true, first: 2 }]);
    expect(postingsOfTerm(grams, corpus, '支付医保的').docs).toEqual(Int32Array.from([1]));
    expect(postingsOfTerm(grams, corpus, '医保改革').docs.length).toBe(0);
  });

  it('finds an occurrence that starts after the capped first positions of its bigrams', () => {
    const filler = '甲'.repeat(70_000);
    const { corpus: long, titles: noTitle } = foldContents([{ title: '', text: `医保，${filler}保支，支付，${filler}医保支付。` }]);
    const longGrams = buildGramIndex(long, noTitle);
    // Each of its bigrams occurs twice: for a longer term the count is an upper bound.
    expect(asRows(postingsOfTerm(longGrams, long, '医保支付'))).toEqual([{ doc: 0, count: 2, inTitle: false, first: POSITION_CAP }]);
  });
});
