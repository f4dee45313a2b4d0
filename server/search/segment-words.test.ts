import { describe, expect, it } from 'vitest';
import { fillUpWords, segmentWords } from './segment-words.js';

describe('segmentWords', () => {
  it('cuts a phrase into its words, without stop words and punctuation', () => {
    expect(segmentWords('药品和耗材')).toEqual(['药品', '耗材']);
    expect(segmentWords('医保，支付')).toEqual(['医保', '支付']);
  });
});

describe('fillUpWords', () => {
  const holding = (counts: Record<string, number>) => (word: string) => counts[word] ?? 0;

  it('leaves out a single character more tasks hold than every longer word beside it', () => {
    expect(fillUpWords(['作', '机制', '推'], holding({ 作: 900, 机制: 120, 推: 700 }))).toEqual(['机制']);
    expect(fillUpWords(['三', '深化', '公'], holding({ 三: 300, 深化: 400, 公: 800 }))).toEqual(['三', '深化']);
  });

  it('keeps a single character fewer tasks hold than a longer word, and single characters alone', () => {
    expect(fillUpWords(['委', '配合'], holding({ 委: 40, 配合: 600 }))).toEqual(['委', '配合']);
    expect(fillUpWords(['县', '乡'], holding({ 县: 900, 乡: 800 }))).toEqual(['县', '乡']);
  });
});
