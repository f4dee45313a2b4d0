/**
 * @module The calibrated score of a link: the estimated share of links like it that a reviewer
 * accepts. A logistic model over what the linker found for the item in the task — cues in the
 * heading, cues in the body, strong cues, shared national wording, the item's standing beside the
 * task's other candidates and the task's length — whose weights were fitted on the tuning half of
 * the topic set (tests/lineage/topics, `npm run eval -- --fit` refits and prints them).
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
  /** The item's raw score and the best raw score of an eligible item of the task. */
  raw: number;
  best: number;
  /** Whether the item has a strong cue or a long copied phrase at all. */
  eligible: boolean;
  /** Length of the task's own text. */
  textLength: number;
  /** The item's raw score in the clause of the task where it scores best, that clause's best raw score of an eligible item, and its length. */
  clauseRaw: number;
  clauseBest: number;
  clauseLength: number;
  /** Whether a heading the task is numbered under, or the document's title, has a strong cue of the item. */
  underHeading: boolean;
  inDocumentTitle: boolean;
}

export const FEATURE_NAMES = [
  'bias',
  'heading cues',
  'log(1 + body cues)',
  'strong cues (capped at 4)',
  'best item of the task',
  'raw score / best raw score',
  'longest copied phrase / 10 (capped at 2)',
  'eligible',
  'log(1 + task length)',
  'longest strong cue / 4 (capped at 2)',
  'a cue names the item',
  'best item of a clause',
  'clause raw score / its best raw score',
  'log(1 + clause length)',
  'an enclosing heading names the item',
  'the document title names the item',
] as const;

export function featuresOf(c: CandidateEvidence): number[] {
  return [
    1,
    c.titleSum,
    Math.log1p(c.bodySum),
    Math.min(c.strong, 4),
    c.best > 0 && c.raw >= c.best ? 1 : 0,
    c.best > 0 ? Math.min(c.raw / c.best, 1) : 0,
    Math.min(c.longestPhrase, 20) / 10,
    c.eligible ? 1 : 0,
    // A long task touches more topics in passing, so one more cue in it says less.
    Math.log1p(c.textLength),
    // A long specific keyword (家庭医生团队) says more than a short general one (基层).
    Math.min(c.longestCue, 8) / 4,
    // The concept an item's title names is what a task mentioning it most likely takes up.
    c.namesItem ? 1 : 0,
    // A cue that is the gist of a clause ("推进DRG支付方式改革；") is meant, not mentioned in passing.
    c.clauseBest > 0 && c.clauseRaw >= c.clauseBest ? 1 : 0,
    c.clauseBest > 0 ? Math.min(c.clauseRaw / c.clauseBest, 1) : 0,
    Math.log1p(c.clauseLength),
    // A heading ("二、加强医保基金监管") and a document's title ("关于加强医疗保障基金监管的实施意见")
    // name the reform the measures under them carry out.
    c.underHeading ? 1 : 0,
    c.inDocumentTitle ? 1 : 0,
  ];
}

/**
 * Weights of FEATURE_NAMES, fitted by L2-regularised (λ = 1) logistic regression, Newton's method,
 * on every candidate (item with evidence) of every labelled item and measure of the tuning half of
 * the topic set, a candidate counting as accepted when the hand labels list its item. λ = 1: the
 * leave-one-document-out log-loss on the tuning half is flat from λ = 0.3 to 1 and worse above.
 */
export const SCORE_WEIGHTS: readonly number[] = [1.399, 1.041, 2.465, -0.099, -0.081, 0.449, 0.866, 0.577, -0.928, 0.505, 0.338, 0.761, -0.430, -0.152, 0.554, -0.278];

/** A link is made when its calibrated score reaches this: a reviewer is more likely to accept it than not. */
export const LINK_THRESHOLD = 0.5;

export function calibratedScore(c: CandidateEvidence, weights: readonly number[] = SCORE_WEIGHTS): number {
  const z = featuresOf(c).reduce((sum, x, i) => sum + x * (weights[i] ?? 0), 0);
  return 1 / (1 + Math.exp(-z));
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
