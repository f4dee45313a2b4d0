import { describe, expect, it } from 'vitest';
import { measure } from './metrics.js';

describe('measure', () => {
  it('counts link precision and recall and only cross-jurisdiction pairs', () => {
    const figures = measure([
      { jurisdiction: 'A', gold: new Set(['x']), predicted: new Set(['x']), primary: 'x' },
      { jurisdiction: 'A', gold: new Set(['x']), predicted: new Set(['x']), primary: 'x' },
      { jurisdiction: 'B', gold: new Set(['x', 'y']), predicted: new Set(['y']), primary: 'x' },
      { jurisdiction: 'C', gold: new Set(['y']), predicted: new Set(['y', 'z']), primary: 'y' },
    ]);
    // Links: 4 predicted, 3 right (x, x, y, y; z wrong); 5 labelled.
    expect(figures.precision).toBeCloseTo(4 / 5);
    expect(figures.recall).toBeCloseTo(4 / 5);
    // Cross pairs: A1-B, A2-B, A1-C, A2-C, B-C. Labelled same topic: A1-B, A2-B, B-C. Predicted: B-C only.
    expect(figures.pairwise).toMatchObject({ goldPairs: 3, predictedPairs: 1, precision: 1 });
    expect(figures.pairwise.recall).toBeCloseTo(1 / 3);
    // Main topic only: A1-B, A2-B share x; B-C do not.
    expect(figures.pairwisePrimary).toMatchObject({ goldPairs: 2, predictedPairs: 1, precision: 0, recall: 0 });
  });
});
