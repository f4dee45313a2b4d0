import { describe, expect, it } from 'vitest';
import { calibratedScore, featuresOf, fitScoreWeights, type CandidateEvidence } from './link-score.js';

const found = (overrides: Partial<CandidateEvidence> = {}): CandidateEvidence => ({
  titleSum: 0, bodySum: 1, strong: 1, longestPhrase: 0, longestCue: 4, namesItem: false, raw: 1, best: 1, eligible: true, textLength: 60,
  clauseRaw: 1, clauseBest: 1, clauseLength: 20, underHeading: false, inDocumentTitle: false, ...overrides,
});

describe('calibratedScore', () => {
  it('rises with a cue in the heading and with more cues in the body', () => {
    expect(calibratedScore(found({ titleSum: 3 }))).toBeGreaterThan(calibratedScore(found()));
    expect(calibratedScore(found({ bodySum: 3 }))).toBeGreaterThan(calibratedScore(found()));
  });

  it('gives the same evidence less weight in a long task than in a short one', () => {
    expect(calibratedScore(found({ textLength: 600 }))).toBeLessThan(calibratedScore(found({ textLength: 60 })));
  });

  it('gives an item below the task’s best less than the best item with the same evidence', () => {
    expect(calibratedScore(found({ best: 4 }))).toBeLessThan(calibratedScore(found()));
  });

  it('gives an item that is what one clause is about more than one mentioned beside a stronger topic', () => {
    expect(calibratedScore(found({ clauseBest: 3 }))).toBeLessThan(calibratedScore(found()));
  });
});

describe('fitScoreWeights', () => {
  it('recovers the weights of a logistic model from its expected acceptances', () => {
    // Feature rows with acceptance counts proportional to a known model: 1000 copies each.
    const truth = [-1, 0.8, 1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const rows: number[][] = [];
    const accepted: boolean[] = [];
    for (const titleSum of [0, 1, 2, 3]) {
      for (const bodySum of [0, 1, 3, 7]) {
        const x = featuresOf(found({ titleSum, bodySum }));
        const p = calibratedScore(found({ titleSum, bodySum }), truth);
        for (let i = 0; i < 1000; i += 1) {
          rows.push(x);
          accepted.push(i < Math.round(p * 1000));
        }
      }
    }
    const fitted = fitScoreWeights(rows, accepted, { lambda: 0.001 });
    for (const { titleSum, bodySum } of [{ titleSum: 0, bodySum: 1 }, { titleSum: 2, bodySum: 3 }]) {
      expect(calibratedScore(found({ titleSum, bodySum }), fitted)).toBeCloseTo(calibratedScore(found({ titleSum, bodySum }), truth), 2);
    }
  });
});
