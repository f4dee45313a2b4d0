import { describe, expect, it } from 'vitest';
import { highlightTerms, splitSnippet } from './highlight.js';

describe('splitSnippet', () => {
  it('turns «…» markers into highlighted pieces and keeps the rest as text', () => {
    expect(splitSnippet('…推进«医保支付»方式改革，«DRG»付费')).toEqual([
      { text: '…推进', hit: false },
      { text: '医保支付', hit: true },
      { text: '方式改革，', hit: false },
      { text: 'DRG', hit: true },
      { text: '付费', hit: false },
    ]);
  });

  it('keeps markup in document text as plain text', () => {
    expect(splitSnippet('<script>alert(1)</script>«医改»')).toEqual([
      { text: '<script>alert(1)</script>', hit: false },
      { text: '医改', hit: true },
    ]);
  });

  it('highlights to the end when the closing marker was cut off', () => {
    expect(splitSnippet('公立«医院改革')).toEqual([
      { text: '公立', hit: false },
      { text: '医院改革', hit: true },
    ]);
  });
});

describe('highlightTerms', () => {
  it('prefers the longest term at a position', () => {
    expect(highlightTerms('医保支付改革', ['医保', '医保支付'])).toEqual([
      { text: '医保支付', hit: true },
      { text: '改革', hit: false },
    ]);
  });
});
