import { describe, expect, it } from 'vitest';
import { segmentWords } from './segment-words.js';

describe('segmentWords', () => {
  it('leaves out a single character cut off at the edge of a phrase when the phrase has a longer word', () => {
    // Cut by jieba as 作/机制/推 and 办/配合/单位/市.
    expect(segmentWords('作机制推')).toEqual(['机制']);
    expect(segmentWords('办配合单位市')).toEqual(['配合', '单位']);
  });

  it('keeps single characters when the phrase has no longer word', () => {
    expect(segmentWords('县与乡')).toEqual(['县', '乡']);
  });

  it('leaves out stop words and punctuation', () => {
    expect(segmentWords('药品和耗材')).toEqual(['药品', '耗材']);
    expect(segmentWords('医保，支付')).toEqual(['医保', '支付']);
  });
});
