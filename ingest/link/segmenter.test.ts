import { describe, expect, it } from 'vitest';
import { contentWords, wordBoundaries } from './segmenter.js';

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
});
