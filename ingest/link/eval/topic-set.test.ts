import { describe, expect, it } from 'vitest';
import { measureTopics, withLabelsOfPartsBelow, type JudgedUnit } from './topic-set.js';

const unit = (path: string, gold: string[], predicted: string[], file = 'a.txt'): JudgedUnit => ({
  file,
  path,
  kind: 'item',
  gold,
  predicted: predicted.map((itemId) => ({ itemId, score: 0.9 })),
});

describe('withLabelsOfPartsBelow', () => {
  const units = [
    unit('一', ['x'], ['x', 'y']),
    unit('一/1', ['y'], ['y']),
    unit('一/1/①', ['z'], []),
    unit('一1', ['w'], []),
    unit('一/1', ['v'], [], 'b.txt'),
  ];

  it('adds to a unit the labels of every unit numbered under it in the same document, and nothing else', () => {
    const gold = new Map(withLabelsOfPartsBelow(units).map((judged) => [`${judged.file} ${judged.path}`, [...judged.gold].sort()]));
    expect(gold.get('a.txt 一')).toEqual(['x', 'y', 'z']);
    expect(gold.get('a.txt 一/1')).toEqual(['y', 'z']);
    expect(gold.get('a.txt 一/1/①')).toEqual(['z']);
    expect(gold.get('a.txt 一1')).toEqual(['w']);
  });

  it('turns a link taken over from a part below from a false link into a right one', () => {
    // Own wording only: 一 links x (right) and y (not in its labels); 一/1 links y. 3 links, 2 right.
    expect(measureTopics(units).micro.precision).toBeCloseTo(2 / 3);
    expect(measureTopics(withLabelsOfPartsBelow(units)).micro.precision).toBe(1);
  });
});
