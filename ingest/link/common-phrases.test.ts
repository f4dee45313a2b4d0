import { describe, expect, it } from 'vitest';
import { commonPhrases, gramStarts, indexPhrases, maximalPhrases } from './common-phrases.js';
import { MASK } from './mask-boilerplate.js';

describe('gramStarts', () => {
  it('leaves out every gram holding punctuation or a masked character', () => {
    expect(gramStarts('推进集采，扩面', 2).map(({ start, gram }) => [start, gram])).toEqual([
      [0, '推进'],
      [1, '进集'],
      [2, '集采'],
      [5, '扩面'],
    ]);
    expect(gramStarts(`集采${MASK}扩面`, 2).map(({ gram }) => gram)).toEqual(['集采', '扩面']);
  });
});

describe('commonPhrases', () => {
  it('finds the longest shared wording once, at its offsets on both sides', () => {
    const national = '推进药品耗材集中带量采购提质扩面。';
    const local = '全面推进药品耗材集中带量采购工作，确保提质扩面。';
    expect(commonPhrases(local, indexPhrases(national, 4))).toEqual([
      { text: '推进药品耗材集中带量采购', a: 2, b: 0 },
      { text: '提质扩面', a: 19, b: 12 },
    ]);
  });

  it('gives the same phrases from the matching gram starts (maximalPhrases)', () => {
    const national = '加强医改组织领导，落实地方各级政府深化医改责任。';
    const local = '落实地方各级政府深化医改责任，加强医改组织领导。';
    const index = indexPhrases(national, 4);
    const matches = gramStarts(local, 4).flatMap(({ start, gram }) => (index.grams.get(gram) ?? []).flatMap((j) => [start, j]));
    expect(maximalPhrases(local, national, matches, 4)).toEqual(commonPhrases(local, index));
    expect(commonPhrases(local, index).map((p) => p.text)).toEqual(['落实地方各级政府深化医改责任', '加强医改组织领导']);
  });
});
