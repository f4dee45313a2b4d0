import { describe, expect, it } from 'vitest';
import { diffChars, sharedShare } from './char-diff.js';

describe('diffChars', () => {
  it('keeps shared characters together and marks what only one side says', () => {
    expect(diffChars('推进DRG付费改革，不低于30%', '推进按病种付费改革，不低于70%')).toEqual([
      { text: '推进', side: 'both' },
      { text: 'DRG', side: 'a' },
      { text: '按病种', side: 'b' },
      { text: '付费改革，不低于', side: 'both' },
      { text: '3', side: 'a' },
      { text: '7', side: 'b' },
      { text: '0%', side: 'both' },
    ]);
  });

  it('rebuilds each side from its runs', () => {
    const a = '全面推行按病种付费为主的多元复合式医保支付方式';
    const b = '推行以按病种付费为主的多元复合式支付方式改革';
    const runs = diffChars(a, b);
    expect(
      runs
        .filter((run) => run.side !== 'b')
        .map((run) => run.text)
        .join(''),
    ).toBe(a);
    expect(
      runs
        .filter((run) => run.side !== 'a')
        .map((run) => run.text)
        .join(''),
    ).toBe(b);
    expect(sharedShare(runs)).toBeGreaterThan(0.6);
  });

  it('handles an empty side', () => {
    expect(diffChars('', '医改')).toEqual([{ text: '医改', side: 'b' }]);
    expect(sharedShare(diffChars('', ''))).toBe(1);
  });
});
