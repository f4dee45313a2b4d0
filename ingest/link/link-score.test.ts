import { describe, expect, it } from 'vitest';
import { calibratedScore, featuresOf, fitScoreModel, fitScoreWeights, type CandidateEvidence, type FitGroup } from './link-score.js';

const found = (overrides: Partial<CandidateEvidence> = {}): CandidateEvidence => ({
  titleSum: 0,
  bodySum: 1,
  strong: 1,
  longestPhrase: 0,
  longestCue: 4,
  namesItem: false,
  eligible: true,
  textLength: 60,
  contentLength: 50,
  leadsClause: true,
  sharedWording: 4,
  mostShared: 4,
  clauseShare: 1,
  ...overrides,
});

describe('calibratedScore', () => {
  it('rises with a cue in the heading and with more cues in the body', () => {
    expect(calibratedScore(found({ titleSum: 3 }))).toBeGreaterThan(calibratedScore(found()));
    expect(calibratedScore(found({ bodySum: 3 }))).toBeGreaterThan(calibratedScore(found()));
  });

  it('gives the same evidence less weight in a long task than in a short one', () => {
    expect(calibratedScore(found({ textLength: 600, contentLength: 500 }))).toBeLessThan(
      calibratedScore(found({ textLength: 60, contentLength: 50 })),
    );
  });

  it('gives the same evidence more weight in a task long for its numbers and notes than in one long for its words', () => {
    expect(calibratedScore(found({ textLength: 300, contentLength: 120 }))).toBeGreaterThan(
      calibratedScore(found({ textLength: 300, contentLength: 280 })),
    );
  });

  it('gives an item that no clause of the task is about less than one that a clause is about', () => {
    expect(calibratedScore(found({ leadsClause: false }))).toBeLessThan(calibratedScore(found()));
  });

  it('gives an item less when the task shares less of its wording than of another candidate’s', () => {
    expect(calibratedScore(found({ sharedWording: 1 }))).toBeLessThan(calibratedScore(found()));
  });
});

describe('fitScoreWeights', () => {
  it('recovers the weights of a logistic model from its expected acceptances', () => {
    // Feature rows with acceptance counts proportional to a known model: 1000 copies each.
    const truth = [-1, 0.8, 1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const rows: number[][] = [];
    const accepted: boolean[] = [];
    for (const titleSum of [0, 1, 2, 3]) {
      for (const bodySum of [0, 1, 3, 7]) {
        const x = featuresOf(found({ titleSum, bodySum }));
        const p = calibratedScore(found({ titleSum, bodySum }), truth, [0, 1]);
        for (let i = 0; i < 1000; i += 1) {
          rows.push(x);
          accepted.push(i < Math.round(p * 1000));
        }
      }
    }
    const fitted = fitScoreWeights(rows, accepted, { lambda: 0.001 });
    for (const { titleSum, bodySum } of [
      { titleSum: 0, bodySum: 1 },
      { titleSum: 2, bodySum: 3 },
    ]) {
      expect(calibratedScore(found({ titleSum, bodySum }), fitted, [0, 1])).toBeCloseTo(
        calibratedScore(found({ titleSum, bodySum }), truth, [0, 1]),
        2,
      );
    }
  });
});

describe('fitScoreModel', () => {
  // Four documents whose candidates follow one known model: weights fitted on three score the fourth
  // as they score their own, so the Platt scaling of those held-out log-odds is close to none.
  const truth = [-1, 0.8, 1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const groups: FitGroup[] = [0, 1, 2, 3].map((shift) => {
    const group: FitGroup = { rows: [], accepted: [] };
    for (const titleSum of [0, 1, 2]) {
      for (const bodySum of [0, 1, 3, 7]) {
        const evidence = found({ titleSum, bodySum, textLength: 40 + 20 * shift });
        const p = calibratedScore(evidence, truth, [0, 1]);
        for (let i = 0; i < 200; i += 1) {
          group.rows.push(featuresOf(evidence));
          group.accepted.push(i < Math.round(p * 200));
        }
      }
    }
    return group;
  });

  it('finds no scaling to do when every document follows the same model', () => {
    const { scaling } = fitScoreModel(groups, { lambda: 0.001 });
    expect(scaling[0]).toBeCloseTo(0, 1);
    expect(scaling[1]).toBeCloseTo(1, 1);
  });

  it('shrinks the scores of a model that is surer on the documents it was fitted on than on a new one', () => {
    // One document's labels say the opposite of the others': the rest are over-confident about it.
    const contrary = groups.map((group, i) => (i === 0 ? { ...group, accepted: group.accepted.map((y) => !y) } : group));
    const { scaling, heldOutLogLoss } = fitScoreModel(contrary, { lambda: 0.001 });
    expect(scaling[1]).toBeLessThan(1);
    expect(heldOutLogLoss.scaled).toBeLessThan(heldOutLogLoss.unscaled);
  });
});
