/**
 * @module BM25 ranking of the tasks that hold a query's terms, with a bonus for terms in the
 * title. Only the few candidates that can still reach the top `limit` are scored on their text:
 * a posting's byte bounds a task's score from above without reading the task.
 */
import { gallopTo, intersectPositions } from './ascending-lists.js';
import { COUNT_CAP, type Postings } from './bigram-postings.js';
import {
  countOccurrences,
  indexOfUnits,
  spanOf,
  taskCountOf,
  titleSpanOf,
  toUnits,
  type FoldedCorpus,
  type TitleSpans,
} from './folded-corpus.js';
import { TopHits, type RankedHit } from './top-hits.js';

/** BM25 constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** Groups of task lengths for the bounds of termBounds: the last holds every task of 5,400 units or more. */
const LENGTH_GROUPS = 32;

export interface WeightedTerm {
  term: string;
  idf: number;
}

/** Adds one term's BM25 to `score`, then half its weight when the title holds it. */
export function addTermScore(
  score: number,
  { weight, count, inTitle, lengthNorm }: { weight: number; count: number; inTitle: boolean; lengthNorm: number },
): number {
  // Always in this order of operations: a bound that is tight must equal the score bit for bit.
  let sum = score + (weight * count * (K1 + 1)) / (count + K1 * lengthNorm);
  if (inTitle) sum += weight * 0.5;
  return sum;
}

/** BM25 over one corpus: term weights, scores and their upper bounds from posting bytes. */
export interface Scorer {
  idf(matches: number): number;
  /** `addTermScore` with the most a posting byte allows: never less than what `scoreOf` adds. */
  addTermBound(score: number, weight: number, byte: number, index: number): number;
  /**
   * At least what a term of `weight` adds to `addTermBound`, for each posting byte and group of
   * tasks of about the same length (`lengthGroupOf`): entry `group * 256 + byte`, with the group's
   * shortest length norm and, for a capped count, its longest length. Summed over a query's terms,
   * it turns most tasks away with two reads each.
   */
  termBounds(weight: number): Float64Array;
  /** Each task's group of lengths for `termBounds`. */
  readonly lengthGroupOf: Uint8Array;
  /** BM25 of a task over terms it contains, with a bonus for terms in the title. */
  scoreOf(index: number, terms: readonly WeightedTerm[]): number;
}

/** What term weights and length norms are taken over: every task searched, in one corpus or several (search-index.ts, searchParts). */
export interface CorpusStatistics {
  taskCount: number;
  /** Of the tasks' folded contents, in UTF-16 units. */
  totalLength: number;
}

export function statisticsOf(corpus: FoldedCorpus): CorpusStatistics {
  return { taskCount: taskCountOf(corpus), totalLength: corpus.units.length };
}

/** The weight of a term that `matches` of the tasks hold. */
export function idfOf({ taskCount }: CorpusStatistics, matches: number): number {
  return Math.log(1 + (taskCount - matches + 0.5) / (matches + 0.5));
}

/**
 * What a corpus's task lengths give the bounds of termBounds, whatever the other parts searched with
 * it: each task's group of lengths, and each group's shortest and longest task.
 */
interface LengthGroups {
  groupOf: Uint8Array;
  /** Infinity for a group no task is in. */
  shortest: Float64Array;
  longest: Float64Array;
}

/**
 * Made once per corpus: a search index is searched in parts (search-index.ts, searchParts), and after
 * each write the index of the tasks kept from before is searched with new statistics. Recomputed per
 * write, these took 360 ms of the server's one thread for each upload to a store of 2 million tasks.
 */
const lengthGroupsMade = new WeakMap<FoldedCorpus, LengthGroups>();

function lengthGroupsOf(corpus: FoldedCorpus): LengthGroups {
  let made = lengthGroupsMade.get(corpus);
  if (made) return made;
  const { starts } = corpus;
  const tasks = taskCountOf(corpus);
  const groupOf = new Uint8Array(tasks);
  const shortest = new Float64Array(LENGTH_GROUPS).fill(Infinity);
  const longest = new Float64Array(LENGTH_GROUPS);
  for (let index = 0; index < tasks; index += 1) {
    const length = (starts[index + 1] ?? 0) - (starts[index] ?? 0);
    // Groups of lengths growing by a third from one to the next: the bounds of a group are near those of its tasks.
    const group = Math.min(LENGTH_GROUPS - 1, Math.floor(Math.log2(length + 1) * 2.5));
    groupOf[index] = group;
    shortest[group] = Math.min(shortest[group] ?? Infinity, length);
    longest[group] = Math.max(longest[group] ?? 0, length);
  }
  lengthGroupsMade.set(corpus, (made = { groupOf, shortest, longest }));
  return made;
}

/** `titles` are where the tasks' titles lie in the corpus; `statistics` those of everything searched along with it. */
export function createScorer(corpus: FoldedCorpus, titles: TitleSpans, statistics = statisticsOf(corpus)): Scorer {
  const corpusTasks = taskCountOf(corpus);
  if (titles.from.length !== corpusTasks) throw new RangeError(`${titles.from.length} titles for ${corpusTasks} tasks`);
  // Indexes come from the postings, which a damaged index read from bytes may hold out of range:
  // spanOf throws for them, so that they fail here rather than score NaN.
  const lengthOf = (index: number) => {
    const { from, to } = spanOf(corpus, index);
    return to - from;
  };
  const { taskCount } = statistics;
  const averageLength = statistics.totalLength / Math.max(taskCount, 1);
  const normOfLength = (length: number) => 1 - B + (B * length) / averageLength;
  const lengthNormOf = (index: number) => normOfLength(lengthOf(index));
  const { groupOf: lengthGroupOf, shortest, longest } = lengthGroupsOf(corpus);
  // The norm grows with the length, so a group's least norm is its shortest task's, to the bit.
  const shortestNorm = shortest.map((length) => (length === Infinity ? Infinity : normOfLength(length)));
  return {
    idf: (matches) => idfOf(statistics, matches),
    lengthGroupOf,
    termBounds(weight) {
      const bounds = new Float64Array(LENGTH_GROUPS * 256);
      for (let group = 0; group < LENGTH_GROUPS; group += 1) {
        // A group no task is in: no bound is read.
        const lengthNorm = shortestNorm[group] ?? Infinity;
        if (lengthNorm === Infinity) continue;
        for (let byte = 0; byte < 256; byte += 1) {
          const count = byte >> 1 < COUNT_CAP ? byte >> 1 : (longest[group] ?? 0);
          const bound = addTermScore(0, { weight, count, inTitle: (byte & 1) === 1, lengthNorm });
          // Above by a margin: a sum of these must stay above the sum of the bounds it stands for, whatever the rounding.
          bounds[group * 256 + byte] = bound + Math.abs(bound) * 1e-9;
        }
      }
      return bounds;
    },
    addTermBound(score, weight, byte, index) {
      const count = byte >> 1;
      const inTitle = (byte & 1) === 1;
      const lengthNorm = lengthNormOf(index);
      return addTermScore(score, { weight, count: count < COUNT_CAP ? count : lengthOf(index), inTitle, lengthNorm });
    },
    scoreOf(index, terms) {
      const lengthNorm = lengthNormOf(index);
      const { from, to } = spanOf(corpus, index);
      const title = titleSpanOf(titles, index);
      let score = 0;
      for (const { term, idf: weight } of terms) {
        const units = toUnits(term);
        const count = countOccurrences(corpus.units, units, from, to);
        if (count === 0) continue;
        const inTitle = indexOfUnits(corpus.units, units, title.from, title.to) !== -1;
        score = addTermScore(score, { weight, count, inTitle, lengthNorm });
      }
      return score;
    },
  };
}

/**
 * Tasks containing every term as written (in scope), best first, and all such tasks (`docs`).
 * `termPostings[i]` are the postings of `weighted[i]`.
 */
export function rankExact(
  scorer: Scorer,
  {
    termPostings,
    weighted,
    scope,
    limit,
  }: { termPostings: readonly Postings[]; weighted: readonly WeightedTerm[]; scope: Int32Array | null; limit: number },
): { docs: Int32Array; hits: RankedHit[] } {
  if (termPostings.length !== weighted.length) throw new RangeError(`${termPostings.length} posting lists for ${weighted.length} terms`);
  // Term i's postings, weight and, for each task k holding every term, its position in them.
  const positions = intersectPositions([...termPostings.map((postings) => postings.docs), ...(scope ? [scope] : [])]);
  const [leadingPositions] = positions;
  const [leading] = termPostings;
  if (!leadingPositions || !leading) return { docs: new Int32Array(0), hits: [] };
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loop over every task holding all
     terms: i < weighted.length = termPostings.length (checked above) <= positions.length, k below the
     length of every positions[i], whose entries are positions in termPostings[i] */
  const docs = new Int32Array(leadingPositions.length);
  for (let k = 0; k < docs.length; k += 1) docs[k] = leading.docs[leadingPositions[k]!]!;
  const top = new TopHits(limit);
  const terms = weighted.map(({ term }) => term);
  const quickBounds = weighted.map(({ idf }) => scorer.termBounds(idf));
  const { lengthGroupOf } = scorer;
  let floor = top.floor;
  for (let k = 0; k < docs.length; k += 1) {
    const index = docs[k]!;
    if (floor > -Infinity) {
      const group = lengthGroupOf[index]! * 256;
      let quick = 0;
      for (let i = 0; i < weighted.length; i += 1) quick += quickBounds[i]![group + termPostings[i]!.info[positions[i]![k]!]!]!;
      if (quick < floor) continue;
    }
    let bound = 0;
    for (let i = 0; i < weighted.length; i += 1)
      bound = scorer.addTermBound(bound, weighted[i]!.idf, termPostings[i]!.info[positions[i]![k]!]!, index);
    if (!top.admits(index, bound)) continue;
    top.offer({ index, score: scorer.scoreOf(index, weighted), terms });
    floor = top.floor;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  return { docs, hits: top.sorted() };
}

/**
 * Tasks (in scope, not in `exclude`) containing enough of the words (`weights[j]` the weight of
 * `words[j]`), best first: the score is
 * BM25 over the words found times the share of the total weight they carry, at least half of it
 * when there are several words (a single common word out of several is noise, not an answer).
 *
 * Tasks are visited in order through the lists of the words that can still lift a task into the
 * results (MaxScore): a word adds at most (K1 + 1.5) × its weight (BM25 saturates below K1 + 1,
 * the title adds 0.5), so a task whose words weigh s in all scores at most (K1 + 1.5) s² / total,
 * and the lightest words, together under what the list's floor requires, cannot do it alone.
 */
export function rankSimilar(
  scorer: Scorer,
  {
    words,
    wordPostings,
    weights,
    scope,
    exclude,
    limit,
  }: {
    words: readonly string[];
    wordPostings: readonly Postings[];
    weights: readonly number[];
    scope: Int32Array | null;
    exclude: Int32Array;
    limit: number;
  },
): RankedHit[] {
  if (wordPostings.length !== words.length || weights.length !== words.length)
    throw new RangeError(`${wordPostings.length} posting lists and ${weights.length} weights for ${words.length} words`);
  // Word j's postings and weight; cursors[j] its position in them.
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const minCoverage = words.length > 1 ? 0.5 : 0;
  const top = new TopHits(limit);
  // The margin keeps rounding from ruling out a task that could tie.
  const requiredWeight = () =>
    Math.max(minCoverage * totalWeight, Math.sqrt((Math.max(top.floor, 0) * totalWeight) / (K1 + 1.5))) * (1 - 1e-9);
  let essential = essentialWords(weights, requiredWeight());
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loop over the words' postings:
     every j is below words.length = wordPostings.length (checked above) = weights.length =
     cursors.length; the scope is read below its length; a cursor may pass its list's end, so
     docs[cursor] is compared, never asserted, and info[at] is read only where docs[at] matched */
  // A jurisdiction with fewer tasks than the words' lists is cheaper to walk whole.
  const walkScope = scope !== null && scope.length < essential.reduce((sum, j) => sum + wordPostings[j]!.docs.length, 0);
  const cursors = new Int32Array(words.length);
  let scopeAt = 0;
  let excludeAt = 0;
  for (;;) {
    let index = Infinity;
    if (walkScope) index = scopeAt < scope.length ? scope[scopeAt++]! : Infinity;
    else for (const j of essential) index = Math.min(index, wordPostings[j]!.docs[cursors[j]!] ?? Infinity);
    if (index === Infinity) break;
    excludeAt = gallopTo(exclude, excludeAt, index);
    if (exclude[excludeAt] === index || (scope && !walkScope && scope[gallopTo(scope, 0, index)] !== index)) {
      skipPast(index);
      continue;
    }
    // Summed in word order, as scoreOf sums, so that a tight bound equals the score bit for bit.
    let matched = 0;
    let covered = 0;
    let bound = 0;
    for (let j = 0; j < words.length; j += 1) {
      const postings = wordPostings[j]!;
      const at = (cursors[j] = gallopTo(postings.docs, cursors[j]!, index));
      if (postings.docs[at] !== index) continue;
      matched += 1;
      covered += weights[j]!;
      bound = scorer.addTermBound(bound, weights[j]!, postings.info[at]!, index);
    }
    const coverage = covered / (totalWeight || 1);
    if (matched > 0 && coverage >= minCoverage && top.admits(index, coverage * bound)) {
      const found = words.flatMap((term, j) => (wordPostings[j]!.docs[cursors[j]!] === index ? [{ term, idf: weights[j]! }] : []));
      const floor = top.floor;
      top.offer({ index, score: coverage * scorer.scoreOf(index, found), terms: found.map(({ term }) => term) });
      if (top.floor !== floor) essential = essentialWords(weights, requiredWeight());
    }
    skipPast(index);
  }
  return top.sorted();

  function skipPast(index: number) {
    for (let j = 0; j < words.length; j += 1) if (wordPostings[j]!.docs[cursors[j]!] === index) cursors[j]! += 1;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
}

/**
 * Indexes (ascending) of the words a task must contain at least one of when the words it
 * contains must weigh `requiredWeight` in all: the lightest words, together lighter than that,
 * cannot make it on their own.
 */
export function essentialWords(weights: readonly number[], requiredWeight: number): number[] {
  const lightestFirst = weights.map((weight, j) => ({ weight, j })).sort((a, b) => a.weight - b.weight);
  let optionalWeight = 0;
  let optional = 0;
  for (const { weight } of lightestFirst) {
    if (!(optionalWeight + weight < requiredWeight)) break;
    optionalWeight += weight;
    optional += 1;
  }
  return lightestFirst
    .slice(optional)
    .map(({ j }) => j)
    .sort((a, b) => a - b);
}
