import { Jieba } from '@node-rs/jieba';
import { describe, expect, it, vi } from 'vitest';
import { contentWords, wordBoundaries, wordsOf } from './segmenter.js';

describe('segmenter', () => {
  it('answers a text segmented before as the first time, whatever the caller did with that answer', () => {
    const text = '推进县域医共体建设，加强家庭医生签约服务。';
    const first = contentWords(text);
    expect(first.has('家庭医生') || first.has('签约')).toBe(true);
    const expected = [...first];
    first.clear();
    expect([...contentWords(text)]).toEqual(expected);
    const boundaries = wordBoundaries(text);
    const expectedBoundaries = [...boundaries];
    boundaries.add(3);
    boundaries.delete(0);
    expect([...wordBoundaries(text)]).toEqual(expectedBoundaries);
  });

  it('keeps the cut of a sentence that keeps recurring among thousands of others, and cuts it once', () => {
    const recurring = '落实公立医院党委领导下的院长负责制。';
    const expected = [...wordsOf(recurring)];
    const cut = vi.spyOn(Jieba.prototype, 'cut');
    try {
      for (let other = 0; other < 3000; other += 1) {
        wordsOf(`第${other}项：推进分级诊疗制度建设。`);
        if (other % 500 === 0) expect([...wordsOf(recurring)]).toEqual(expected);
      }
      expect(cut.mock.calls.filter(([text]) => text === recurring)).toHaveLength(0);
      expect(cut.mock.calls.length).toBeGreaterThanOrEqual(3000);
    } finally {
      cut.mockRestore();
    }
  });
});
