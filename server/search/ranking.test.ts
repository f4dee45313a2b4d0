import { describe, expect, it } from 'vitest';
import { buildGramIndex, COUNT_CAP, postingsOfGram } from './bigram-postings.js';
import { foldContents } from './folded-corpus.js';
import { createScorer, essentialWords } from './ranking.js';

describe('essentialWords', () => {
  it('leaves out the lightest words while together they weigh less than required', () => {
    expect(essentialWords([3, 1, 2, 5], 0)).toEqual([0, 1, 2, 3]);
    // 1 + 2 < 3.5, 1 + 2 + 3 is not: a task needs word 0 or word 3.
    expect(essentialWords([3, 1, 2, 5], 3.5)).toEqual([0, 3]);
    expect(essentialWords([3, 1, 2, 5], 11.5)).toEqual([]);
  });
});

describe('createScorer', () => {
  const { corpus, titles } = foldContents([
    { title: '医保', text: '医保医保支付' },
    { title: '其他', text: '其他工作提到医保' },
  ]);
  const scorer = createScorer(corpus, titles);

  it('scores BM25 with k1 = 1.2 and b = 0.75, and half the weight again for a term in the title', () => {
    // Task 0: two occurrences, length 6 of an average 7; task 1: one occurrence, length 8.
    const norm0 = 0.25 + (0.75 * 6) / 7;
    const norm1 = 0.25 + (0.75 * 8) / 7;
    expect(scorer.scoreOf(0, [{ term: '医保', idf: 2 }])).toBeCloseTo((2 * 2 * 2.2) / (2 + 1.2 * norm0) + 1, 12);
    expect(scorer.scoreOf(1, [{ term: '医保', idf: 2 }])).toBeCloseTo((2 * 1 * 2.2) / (1 + 1.2 * norm1), 12);
    expect(scorer.scoreOf(1, [{ term: '支付', idf: 2 }])).toBe(0);
  });

  it("gives the title's half weight to a term the title holds written otherwise (full-width letters)", () => {
    const scorerWithTitles = (titles: string[]) => {
      const folded = foldContents([
        { title: titles[0] ?? '', text: 'ＤＲＧ付费改革' },
        { title: titles[1] ?? '', text: '其他工作' },
      ]);
      return createScorer(folded.corpus, folded.titles);
    };
    const withTitle = scorerWithTitles(['ＤＲＧ付费', '其他']);
    const withoutTitle = scorerWithTitles(['付费', '其他']);
    const terms = [{ term: 'drg', idf: 2 }];
    expect(withTitle.scoreOf(0, terms) - withoutTitle.scoreOf(0, terms)).toBeCloseTo(1, 12);
  });

  it('weighs a term held by fewer tasks more', () => {
    expect(scorer.idf(1)).toBeGreaterThan(scorer.idf(2));
    expect(scorer.idf(2)).toBeCloseTo(Math.log(1 + 0.5 / 2.5), 12);
  });

  it('bounds each score from a posting byte with exactly the score when the count is exact', () => {
    const grams = buildGramIndex(corpus, titles);
    const postings = postingsOfGram(grams, '医保')!;
    Array.from(postings.docs).forEach((index, k) => {
      expect(scorer.addTermBound(0, 2, postings.info[k]!, index)).toBe(scorer.scoreOf(index, [{ term: '医保', idf: 2 }]));
    });
  });

  it("bounds a term's bound for every task and posting byte from the byte and the task's group of lengths, capped counts included", () => {
    // Tasks longer than a capped count, whose capped counts stand for their lengths: two of about
    // the same length (one group), and a short and a long one.
    const texts = ['任务文本，'.repeat(40), '任务文本，'.repeat(42), '任务', '任务文本，'.repeat(400)];
    const folded = foldContents(texts.map((text) => ({ title: '', text })));
    const lengthScorer = createScorer(folded.corpus, folded.titles);
    const { lengthGroupOf } = lengthScorer;
    expect(lengthGroupOf[0]).toBe(lengthGroupOf[1]);
    expect(new Set(lengthGroupOf).size).toBe(3);
    const bounds = lengthScorer.termBounds(2.5);
    for (let byte = 0; byte < 256; byte += 1) {
      for (let index = 0; index < texts.length; index += 1) {
        const bound = bounds[lengthGroupOf[index]! * 256 + byte];
        expect(bound).toBeGreaterThanOrEqual(lengthScorer.addTermBound(0, 2.5, byte, index));
        // Barely above the bound of the shortest task of its group.
        if (byte >> 1 < COUNT_CAP && index !== 1) expect(bound).toBeCloseTo(lengthScorer.addTermBound(0, 2.5, byte, index), 6);
      }
    }
  });

  it('refuses titles that do not match the corpus', () => {
    expect(() => createScorer(corpus, foldContents([{ title: '医保', text: '医保' }]).titles)).toThrow(RangeError);
  });

  it('refuses a task outside the corpus (a damaged index) rather than scoring it NaN', () => {
    expect(() => scorer.addTermBound(0, 2, 2, 2)).toThrow(/task 2 is outside a corpus of 2 tasks/u);
    expect(() => scorer.scoreOf(-1, [{ term: '医保', idf: 2 }])).toThrow(RangeError);
  });
});
