import { describe, expect, it } from 'vitest';
import { CN_NUMERAL, CN_SMALL_NUMERAL, markerAt, parseChineseNumeral } from './numbering.js';

const whole = (source: string) => new RegExp(`^${source}$`, 'u');

describe('Chinese numerals of the outline', () => {
  it('reads the numbers outlines print, up to the hundreds', () => {
    expect(['一', '十二', '二十', '一百零三'].map(parseChineseNumeral)).toEqual([1, 12, 20, 103]);
    expect(['一', '十二', '一百零三'].every((numeral) => whole(CN_NUMERAL).test(numeral))).toBe(true);
  });

  it('keeps the small numerals of dates and inline markers apart from a year in Chinese numerals', () => {
    expect(whole(CN_SMALL_NUMERAL).test('二十四')).toBe(true);
    expect(whole(CN_SMALL_NUMERAL).test('二〇二〇')).toBe(false);
    expect(whole(CN_NUMERAL).test('二〇二〇')).toBe(true);
  });

  it('finds the marker of every level at the start of a unit', () => {
    expect(['第二章 指导思想', '一、加强', '（一）健全', '1.加强', '（1）推进', '①深入'].map((text) => markerAt(text)?.style)).toEqual([
      'chapter',
      'cn',
      'cnParen',
      'arabic',
      'arabicParen',
      'circled',
    ]);
  });
});
