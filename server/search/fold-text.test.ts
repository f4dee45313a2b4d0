import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.js';

describe('foldText', () => {
  it('folds each UTF-16 unit to exactly one unit, as the index assumes', () => {
    const units = Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit));
    expect(units.filter((unit) => foldText(unit).length !== 1)).toEqual([]);
  });
});
