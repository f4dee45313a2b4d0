/**
 * @module The calibrated score of a link: the estimated share of links like it that a reviewer
 * accepts. A logistic model over what the linker found for the item in the task — cues in the
 * heading, cues in the body, strong cues, copied national wording, whether the item is what one of
 * the task's clauses is about, how much of the item's wording the task shares beside its other
 * candidates, and the task's length — whose weights and Platt scaling were fitted on the tuning half
 * of the topic set (tests/lineage/topics, `npm run eval -- --fit` refits and prints them).
 */

/** What the linker found for one item in one task. */
export interface CandidateEvidence {
  /** Cue weight in the task's heading (×titleBoost). */
  titleSum: number;
  /** Cue and shared-phrase weight in the body, before saturation. */
  bodySum: number;
  /** Weight of strong cues (keywords, not related wordings). */
  strong: number;
  /** Longest run of national wording the task copies. */
  longestPhrase: number;
  /** Longest strong cue matched, in characters. */
  longestCue: number;
  /** Whether a strong cue matched is the concept the item's title names (家庭医生 of 做实家庭医生签约服务). */
  namesItem: boolean;
  /** Whether the item has a strong cue or a long copied phrase at all. */
  eligible: boolean;
  /** Length of the task's own text. */
  textLength: number;
  /** Chinese characters of the task's text outside its responsibility notes (see contentLengthOf in link-tasks.ts). */
  contentLength: number;
  /** Whether the item scores best among the eligible items of one of the task's clauses (see clausesOf). */
  leadsClause: boolean;
  /** Content words the task shares with the item's title and text, each weighed by how few items use it. */
  sharedWording: number;
  /** The most shared wording of any candidate of the task. */
  mostShared: number;
  /** Over the task's clauses, the most the item shares with one of them against the best candidate of that clause. */
  clauseShare: number;
}

export const FEATURE_NAMES = [
  'bias',
  'heading cues',
  'log(1 + body cues)',
  'strong cues (capped at 4)',
  'longest copied phrase / 10 (capped at 2)',
  'eligible',
  'log(1 + task length)',
  'log(1 + content length)',
  'longest strong cue / 4 (capped at 2)',
  'a cue names the item',
  'best item of a clause',
  'log(1 + shared wording)',
  'shared wording / the most a candidate of the task shares',
  'most shared wording of a clause / the most a candidate shares with it',
] as const;

export function featuresOf(c: CandidateEvidence): number[] {
  return [
    1,
    c.titleSum,
    Math.log1p(c.bodySum),
    Math.min(c.strong, 4),
    Math.min(c.longestPhrase, 20) / 10,
    c.eligible ? 1 : 0,
    // A task long in words touches more topics in passing, so one more cue in it says less; a task long
    // in numbers, scores and notes of who does it ("≥95%，得1分", "（市卫健委负责）") is not (the fitted
    // weight of the whole length is positive beside the negative one of the content's).
    Math.log1p(c.textLength),
    Math.log1p(c.contentLength),
    // A long specific keyword (家庭医生团队) says more than a short general one (基层).
    Math.min(c.longestCue, 8) / 4,
    // The concept an item's title names is what a task mentioning it most likely takes up.
    c.namesItem ? 1 : 0,
    // A cue that is the gist of a clause ("推进DRG支付方式改革；") is meant, not mentioned in passing.
    c.leadsClause ? 1 : 0,
    // A task that uses the item's other wording too (医联体 … 双向转诊、资源下沉) is about it; a cue in a
    // task whose wording is another item's (医联体内全部参加医疗责任保险) is a mention in passing.
    Math.log1p(c.sharedWording),
    c.mostShared > 0 ? c.sharedWording / c.mostShared : 0,
    // A sentence of the task that is more about this item than any other takes it up, even when the
    // task as a whole is mostly about another item.
    c.clauseShare,
  ];
}

/**
 * Weights of FEATURE_NAMES, fitted by L2-regularised (λ = 1) logistic regression, Newton's method,
 * on every candidate (item with evidence) of every labelled item and measure of the tuning half of
 * the topic set, a candidate counting as accepted when the hand labels list its item. λ = 1: the
 * leave-one-document-out log-loss on the tuning half was 0.331, 0.331, 0.330, 0.334 at λ = 0.3, 1, 3, 10
 * (measured before the clause-share feature; with it, at λ = 1, 0.3285). The content length took the
 * Platt-scaled leave-one-document-out log-loss from 0.3236 (refitting the features before it) to 0.3179.
 */
export const SCORE_WEIGHTS: readonly number[] = [
  -0.245, 0.952, 1.699, -0.206, 0.893, 0.45, 0.601, -1.799, 0.276, 0.555, 0.54, 0.467, 1.808, 0.943,
];

/** A link is made when its calibrated score reaches this: a reviewer is more likely to accept it than not. */
export const LINK_THRESHOLD = 0.5;

/**
 * Platt scaling [a, b] of the model's log-odds z: the score is σ(a + b·z). A model scores the
 * candidates it was fitted on more confidently than new ones, so a and b were fitted to the
 * leave-one-document-out log-odds of the tuning half (each document scored by weights fitted on the
 * others): b < 1 shrinks the scores towards what a new document's links bear out.
 */
export const SCORE_SCALING: readonly [number, number] = [-0.05, 0.979];

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logOddsOf = (x: readonly number[], weights: readonly number[]) => x.reduce((sum, xi, i) => sum + xi * (weights[i] ?? 0), 0);

export function calibratedScore(
  c: CandidateEvidence,
  weights: readonly number[] = SCORE_WEIGHTS,
  [a, b]: readonly [number, number] = SCORE_SCALING,
): number {
  return sigmoid(a + b * logOddsOf(featuresOf(c), weights));
}

/** The candidates of one labelled document: feature rows and whether the labels confirm each. */
export interface FitGroup {
  rows: number[][];
  accepted: boolean[];
}

/**
 * The weights on every group, and the Platt scaling of them fitted to each group's log-odds under
 * weights fitted on the other groups; with the mean log-loss of those held-out scores before and
 * after scaling, which says whether a feature carries over to new documents.
 */
export function fitScoreModel(
  groups: readonly FitGroup[],
  { lambda = 1 } = {},
): {
  weights: number[];
  scaling: [number, number];
  heldOutLogLoss: { unscaled: number; scaled: number };
} {
  const weights = fitScoreWeights(
    groups.flatMap((g) => g.rows),
    groups.flatMap((g) => g.accepted),
    { lambda },
  );
  const heldOut: { z: number; y: boolean }[] = [];
  groups.forEach((group, i) => {
    const others = groups.filter((_, j) => j !== i);
    const w = fitScoreWeights(
      others.flatMap((g) => g.rows),
      others.flatMap((g) => g.accepted),
      { lambda },
    );
    group.rows.forEach((x, r) => heldOut.push({ z: logOddsOf(x, w), y: group.accepted[r] ?? false }));
  });
  // Two parameters on many rows: a negligible penalty.
  const [a = 0, b = 1] = fitScoreWeights(
    heldOut.map(({ z }) => [1, z]),
    heldOut.map(({ y }) => y),
    { lambda: 1e-6 },
  );
  const logLoss = (p: (z: number) => number) =>
    heldOut.reduce((sum, { z, y }) => sum - Math.log(Math.min(Math.max(y ? p(z) : 1 - p(z), 1e-12), 1)), 0) / Math.max(heldOut.length, 1);
  return {
    weights,
    scaling: [a, b],
    heldOutLogLoss: { unscaled: logLoss(sigmoid), scaled: logLoss((z) => sigmoid(a + b * z)) },
  };
}

/**
 * Logistic regression by Newton's method with an L2 penalty on every weight: how SCORE_WEIGHTS were
 * fitted. `rows` are feature vectors, `accepted` whether the labels confirm each.
 */
export function fitScoreWeights(rows: number[][], accepted: boolean[], { lambda = 1, iterations = 60 } = {}): number[] {
  const n = rows[0]?.length ?? 0;
  let w = new Array<number>(n).fill(0);
  for (let step = 0; step < iterations; step += 1) {
    const gradient = w.map((wi) => lambda * wi);
    const hessian = w.map((_, i) => w.map((__, j) => (i === j ? lambda : 0)));
    rows.forEach((x, r) => {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, xi, i) => sum + xi * (w[i] ?? 0), 0)));
      const y = accepted[r] ? 1 : 0;
      for (let i = 0; i < n; i += 1) {
        gradient[i] = (gradient[i] ?? 0) + (p - y) * (x[i] ?? 0);
        const row = hessian[i] as number[];
        for (let j = 0; j < n; j += 1) row[j] = (row[j] ?? 0) + p * (1 - p) * (x[i] ?? 0) * (x[j] ?? 0);
      }
    });
    const delta = solve(hessian, gradient);
    w = w.map((wi, i) => wi - (delta[i] ?? 0));
  }
  return w;
}

/** Gaussian elimination with partial pivoting; the Hessian of a penalised fit is positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    for (let r = col + 1; r < n; r += 1) {
      const row = a[r] as number[];
      const factor = (row[col] ?? 0) / (top[col] ?? 1);
      for (let k = col; k <= n; k += 1) row[k] = (row[k] ?? 0) - factor * (top[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r -= 1) {
    const row = a[r] as number[];
    let sum = row[n] ?? 0;
    for (let k = r + 1; k < n; k += 1) sum -= (row[k] ?? 0) * (x[k] ?? 0);
    x[r] = sum / (row[r] ?? 1);
  }
  return x;
}
