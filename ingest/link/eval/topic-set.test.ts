import { describe, expect, it } from 'vitest';
import { measureCells, measureTopics, withLabelsOfPartsBelow, type JudgedUnit } from './topic-set.js';

const unit = (path: string, gold: string[], predicted: string[], file = 'a.txt', kind = 'item', possible: string[] = []): JudgedUnit => ({
  possible,
  file,
  jurisdictionId: file === 'c.txt' ? '341100' : '340722',
  path,
  kind,
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

describe('measureCells', () => {
  it('reads labels and links per jurisdiction and item as the matrix does: a document of the same place fills the cell, a heading does not', () => {
    const figures = measureCells([
      // 一/1 is labelled x and y; y is linked by another document of the same jurisdiction only.
      unit('一/1', ['x', 'y'], ['x'], 'a.txt'),
      unit('二/1', [], ['y'], 'b.txt'),
      // A heading's label and link count in no cell.
      unit('三', ['z'], ['w'], 'a.txt', 'section'),
      // Another jurisdiction: x labelled and not linked, v linked and not labelled.
      unit('一/1', ['x'], ['v'], 'c.txt'),
      // A possible link makes a cell no link covers POSSIBLE, and no false gap; one where a link is, nothing.
      unit('一/2', ['u'], [], 'c.txt', 'item', ['u', 'v', 't']),
    ]);
    expect(figures.labelled).toBe(4);
    expect(figures.falseGaps).toEqual(['341100 x']);
    expect(figures.possible).toEqual(['341100 t', '341100 u']);
    expect(figures.possibleLabelled).toBe(1);
    expect(figures.unlabelledCovered).toEqual(['341100 v']);
  });
});
