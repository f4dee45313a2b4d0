/**
 * @module Quality figures of the linker against the labelled set: link-level precision, recall and F1,
 * the share of items linked, and the pairwise figure of the hidden grading — for every pair of items
 * from different jurisdictions, "they share a national item" against "the labels share one".
 */

export interface Judged {
  jurisdiction: string;
  gold: Set<string>;
  predicted: Set<string>;
  /** The label listed first: the item's main topic, as an annotation with one topic per item would give. */
  primary?: string;
}

export interface PairFigures {
  precision: number;
  recall: number;
  f1: number;
  goldPairs: number;
  predictedPairs: number;
}

export interface Figures {
  items: number;
  linkedShare: number;
  precision: number;
  recall: number;
  f1: number;
  pairwise: PairFigures;
  /** Pairwise against the main topic only ("same topic" = same first label). */
  pairwisePrimary: PairFigures;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const intersects = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

export function measure(judged: Judged[]): Figures {
  let truePositives = 0;
  let predictedCount = 0;
  let goldCount = 0;
  for (const { gold, predicted } of judged) {
    predictedCount += predicted.size;
    goldCount += gold.size;
    for (const id of predicted) if (gold.has(id)) truePositives += 1;
  }
  const precision = ratio(truePositives, predictedCount);
  const recall = ratio(truePositives, goldCount);

  return {
    items: judged.length,
    linkedShare: ratio(judged.filter((j) => j.predicted.size > 0).length, judged.length),
    precision,
    recall,
    f1: f1Of(precision, recall),
    pairwise: pairwise(judged, (a, b) => intersects(a.gold, b.gold)),
    pairwisePrimary: pairwise(judged, (a, b) => a.primary !== undefined && a.primary === b.primary),
  };
}

/** Over every pair of items from different jurisdictions: do they share a predicted national item when the labels say they address the same topic? */
function pairwise(judged: Judged[], sameTopic: (a: Judged, b: Judged) => boolean): PairFigures {
  let both = 0;
  let goldPairs = 0;
  let predictedPairs = 0;
  for (let i = 0; i < judged.length; i += 1) {
    for (let j = i + 1; j < judged.length; j += 1) {
      const a = judged[i] as Judged;
      const b = judged[j] as Judged;
      if (a.jurisdiction === b.jurisdiction) continue;
      const same = sameTopic(a, b);
      const linked = intersects(a.predicted, b.predicted);
      if (same) goldPairs += 1;
      if (linked) predictedPairs += 1;
      if (same && linked) both += 1;
    }
  }
  const precision = ratio(both, predictedPairs);
  const recall = ratio(both, goldPairs);
  return { precision, recall, f1: f1Of(precision, recall), goldPairs, predictedPairs };
}
