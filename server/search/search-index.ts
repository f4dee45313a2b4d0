/**
 * @module In-process Chinese full-text search over tasks: a character-bigram inverted index
 * (plus single characters for one-character queries) narrows the candidates, and an exact
 * substring check on the folded text confirms them, so any substring of a task's text finds it
 * without scanning every task. Queries that match nowhere as written are segmented into words
 * (jieba) and ranked by how many of the words a task contains.
 *
 * Ranking is BM25, but only the few candidates that can still reach the top `limit` are scored
 * on their text: each posting also records the gram's count in the task and whether the title has
 * it, which bounds a task's score from above without reading the task, and where the gram first
 * occurs, which confirms most longer matches without reading it either.
 *
 * Snippets mark matches with « and » (U+00AB, U+00BB) in plain text, never HTML: a client
 * splits on the markers and renders the parts as text.
 */
import { foldText, splitTerms } from './fold-text.js';
import { segmentWords } from './segment-words.js';
import { makeSnippet } from './snippet.js';

export interface SearchDocument {
  id: string;
  title: string;
  text: string;
  jurisdictionId: string;
}

export interface SearchOptions {
  /** Only tasks of this jurisdiction. */
  jurisdictionId?: string | null;
  /** @default 20 */
  limit?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Whether every term matched as written (else: some of the query's segmented words did). */
  exact: boolean;
  /** Task text around the first match, matches between « and ». */
  snippet: string;
}

export interface SearchIndex {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Re-reads the tasks it was built from, after an ingest (indexes built from a store). */
  refresh?(): Promise<void>;
}

/** BM25 constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * A posting's byte holds `min(count, COUNT_CAP) << 1 | inTitle`. COUNT_CAP means "at least
 * COUNT_CAP": the bound on the count then falls back to the task's length.
 */
const COUNT_CAP = 127;
/** First positions are stored up to POSITION_CAP, which means "at least POSITION_CAP". */
const POSITION_CAP = 0xffff;

/** The folded texts of all tasks, one after another: task `d` is `units[starts[d]]` to `units[starts[d + 1]]`. */
interface FoldedCorpus {
  units: Uint16Array;
  starts: Int32Array;
}

/** Tasks (ascending indexes) holding a gram or term, each with its posting byte and first position. */
interface Postings {
  docs: Int32Array;
  /** For a gram: its exact count and title presence. For a longer term: upper bounds on them. */
  info: Uint8Array;
  /** Where in the task's folded content it first occurs (capped at POSITION_CAP). */
  first: Uint16Array;
}

const NO_POSTINGS: Postings = { docs: new Int32Array(0), info: new Uint8Array(0), first: new Uint16Array(0) };

interface GramIndex {
  /** The postings of one character or one pair of characters, null if no task has it. */
  postingsOf(gram: string): Postings | null;
}

/** A candidate on its way into the results; `terms` are what its snippet highlights. */
interface RankedHit {
  index: number;
  score: number;
  terms: readonly string[];
}

interface WeightedTerm {
  term: string;
  idf: number;
}

export function createSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const ids = documents.map((doc) => doc.id);
  const titles = documents.map((doc) => doc.title);
  // What is searched: the text, preceded by the title when the text does not contain it.
  const contents = documents.map((doc) => (doc.text.includes(doc.title) ? doc.text : `${doc.title}\n${doc.text}`));
  const foldUnit = buildFoldTable();
  const corpus = foldCorpus(contents, foldUnit);
  const grams = buildGramIndex(corpus, foldCorpus(titles, foldUnit));
  const scopes = groupByJurisdiction(documents);
  const { units, starts } = corpus;

  const lengthOf = (index: number) => starts[index + 1]! - starts[index]!;
  const averageLength = units.length / Math.max(documents.length, 1);
  const lengthNorms = Float64Array.from(ids, (_, index) => 1 - B + (B * lengthOf(index)) / averageLength);

  /** Tasks whose folded content contains `term` exactly, found through the index. */
  function containing(term: string): Postings {
    // A gram's postings are exact, and so are its counts, except capped ones and those of a
    // repeated character such as "00", whose overlapping occurrences make them upper bounds.
    if (term.length <= 2) return grams.postingsOf(term) ?? NO_POSTINGS;
    const lists: Postings[] = [];
    for (let i = 0; i + 1 < term.length; i += 1) {
      const postings = grams.postingsOf(term.slice(i, i + 2));
      if (!postings) return NO_POSTINGS;
      lists.push(postings);
    }
    const termUnits = toUnits(term);
    const positions = intersectPositions(lists.map((list) => list.docs));
    const shared = positions[0]!.length;
    const docs = new Int32Array(shared);
    const info = new Uint8Array(shared);
    const first = new Uint16Array(shared);
    let found = 0;
    for (let k = 0; k < shared; k += 1) {
      const doc = lists[0]!.docs[positions[0]![k]!]!;
      // Bigrams in any order admit false positives (e.g. 支付医保 for 医保支付): verify. An
      // occurrence at q has bigram i at q + i, so it cannot start before any bigram's first
      // position minus i; when those first positions follow one another, that is the occurrence.
      let earliest = 0;
      let count = COUNT_CAP;
      let inTitle = 1;
      for (let i = 0; i < lists.length; i += 1) {
        const at = positions[i]![k]!;
        earliest = Math.max(earliest, lists[i]!.first[at]! - i);
        // Every occurrence of the term holds each of its bigrams, and the title must hold them all.
        count = Math.min(count, lists[i]!.info[at]! >> 1);
        inTitle &= lists[i]!.info[at]!;
      }
      let consecutive = earliest + lists.length <= POSITION_CAP;
      for (let i = 0; consecutive && i < lists.length; i += 1) consecutive = lists[i]!.first[positions[i]![k]!] === earliest + i;
      const occurrence = consecutive ? earliest : indexOfUnits(units, termUnits, starts[doc]! + earliest, starts[doc + 1]!) - starts[doc]!;
      if (occurrence < 0) continue;
      docs[found] = doc;
      info[found] = (count << 1) | inTitle;
      first[found] = Math.min(occurrence, POSITION_CAP);
      found += 1;
    }
    return { docs: docs.subarray(0, found), info: info.subarray(0, found), first: first.subarray(0, found) };
  }

  function idf(matches: number): number {
    return Math.log(1 + (documents.length - matches + 0.5) / (matches + 0.5));
  }

  /** `addTermScore` with the most a posting byte allows: never less than what `scoreOf` adds. */
  function addTermBound(score: number, weight: number, byte: number, index: number): number {
    const count = byte >> 1;
    const inTitle = (byte & 1) === 1;
    return addTermScore(score, { weight, count: count < COUNT_CAP ? count : lengthOf(index), inTitle, lengthNorm: lengthNorms[index]! });
  }

  /** BM25 of a task over terms it contains, with a bonus for terms in the title. */
  function scoreOf(index: number, terms: readonly WeightedTerm[]): number {
    const title = foldText(titles[index]!);
    let score = 0;
    for (const { term, idf: weight } of terms) {
      const count = countOccurrences(units, toUnits(term), starts[index]!, starts[index + 1]!);
      if (count === 0) continue;
      score = addTermScore(score, { weight, count, inTitle: title.includes(term), lengthNorm: lengthNorms[index]! });
    }
    return score;
  }

  /** Tasks containing every term as written (in scope), best first. */
  function rankExact(termPostings: readonly Postings[], weighted: readonly WeightedTerm[], scope: Int32Array | null, limit: number) {
    const positions = intersectPositions([...termPostings.map((postings) => postings.docs), ...(scope ? [scope] : [])]);
    const docs = positions[0]!.map((position) => termPostings[0]!.docs[position]!);
    const top = new TopHits(limit);
    const terms = weighted.map(({ term }) => term);
    for (let k = 0; k < docs.length; k += 1) {
      const index = docs[k]!;
      let bound = 0;
      for (let i = 0; i < weighted.length; i += 1) bound = addTermBound(bound, weighted[i]!.idf, termPostings[i]!.info[positions[i]![k]!]!, index);
      if (top.admits(index, bound)) top.offer({ index, score: scoreOf(index, weighted), terms });
    }
    return { docs, hits: top.sorted() };
  }

  /**
   * Tasks (in scope, not in `exclude`) containing enough of the words, best first: the score is
   * BM25 over the words found times the share of the total weight they carry, at least half of it
   * when there are several words (a single common word out of several is noise, not an answer).
   *
   * Tasks are visited in order through the lists of the words that can still lift a task into the
   * results (MaxScore): a word adds at most (K1 + 1.5) × its weight (BM25 saturates below K1 + 1,
   * the title adds 0.5), so a task whose words weigh s in all scores at most (K1 + 1.5) s² / total,
   * and the lightest words, together under what the list's floor requires, cannot do it alone.
   */
  function rankSimilar(
    words: readonly string[],
    wordPostings: readonly Postings[],
    { scope, exclude, limit }: { scope: Int32Array | null; exclude: Int32Array; limit: number },
  ): RankedHit[] {
    const weights = wordPostings.map((postings) => idf(postings.docs.length));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    const minCoverage = words.length > 1 ? 0.5 : 0;
    const top = new TopHits(limit);
    // The margin keeps rounding from ruling out a task that could tie.
    const requiredWeight = () =>
      Math.max(minCoverage * totalWeight, Math.sqrt((Math.max(top.floor, 0) * totalWeight) / (K1 + 1.5))) * (1 - 1e-9);
    let essential = essentialWords(weights, requiredWeight());
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
        bound = addTermBound(bound, weights[j]!, postings.info[at]!, index);
      }
      const coverage = covered / (totalWeight || 1);
      if (matched > 0 && coverage >= minCoverage && top.admits(index, coverage * bound)) {
        const found = words.flatMap((term, j) => (wordPostings[j]!.docs[cursors[j]!] === index ? [{ term, idf: weights[j]! }] : []));
        const floor = top.floor;
        top.offer({ index, score: coverage * scoreOf(index, found), terms: found.map(({ term }) => term) });
        if (top.floor !== floor) essential = essentialWords(weights, requiredWeight());
      }
      skipPast(index);
    }
    return top.sorted();

    function skipPast(index: number) {
      for (let j = 0; j < words.length; j += 1) if (wordPostings[j]!.docs[cursors[j]!] === index) cursors[j]! += 1;
    }
  }

  function search(query: string, { jurisdictionId = null, limit = 20 }: SearchOptions = {}): SearchHit[] {
    const terms = splitTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const scope = jurisdictionId == null ? null : (scopes.get(jurisdictionId) ?? new Int32Array(0));
    // A term can come back as a jieba word: find it once.
    const found = new Map<string, Postings>();
    const postingsOf = (term: string) => {
      let postings = found.get(term);
      if (!postings) found.set(term, (postings = containing(term)));
      return postings;
    };

    // Every term as written: the tasks containing all of them.
    const termPostings = terms.map(postingsOf);
    const weighted = terms.map((term, i) => ({ term, idf: idf(termPostings[i]!.docs.length) }));
    const exact = rankExact(termPostings, weighted, scope, limit);

    // Fill up with tasks sharing the query's words, each term segmented by jieba.
    let similar: RankedHit[] = [];
    if (exact.docs.length < limit) {
      const words = [...new Set(terms.flatMap((term) => (term.length > 2 ? segmentWords(term) : [term])))];
      similar = rankSimilar(words, words.map(postingsOf), { scope, exclude: exact.docs, limit: limit - exact.docs.length });
    }

    const ranked = [...exact.hits.map((hit) => ({ hit, exact: true })), ...similar.map((hit) => ({ hit, exact: false }))];
    return ranked.slice(0, limit).map(({ hit, exact }) => ({
      id: ids[hit.index]!,
      score: hit.score,
      exact,
      snippet: makeSnippet(contents[hit.index]!, fromUnits(units.subarray(starts[hit.index], starts[hit.index + 1])), hit.terms),
    }));
  }

  return { size: documents.length, search };
}

/** Adds one term's BM25 to `score`, then half its weight when the title holds it. */
function addTermScore(
  score: number,
  { weight, count, inTitle, lengthNorm }: { weight: number; count: number; inTitle: boolean; lengthNorm: number },
): number {
  // Always in this order of operations: a bound that is tight must equal the score bit for bit.
  let sum = score + (weight * count * (K1 + 1)) / (count + K1 * lengthNorm);
  if (inTitle) sum += weight * 0.5;
  return sum;
}

/**
 * foldText maps every UTF-16 unit on its own to one unit, so a table of its answers folds a text
 * unit by unit: no string is built per task, and fold-text.ts stays the one definition.
 */
function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < table.length; unit += 1) table[unit] = foldText(String.fromCharCode(unit)).charCodeAt(0);
  return table;
}

function foldCorpus(texts: readonly string[], foldUnit: Uint16Array): FoldedCorpus {
  const starts = new Int32Array(texts.length + 1);
  texts.forEach((text, index) => (starts[index + 1] = starts[index]! + text.length));
  const units = new Uint16Array(starts[texts.length]!);
  texts.forEach((text, index) => {
    const start = starts[index]!;
    for (let i = 0; i < text.length; i += 1) units[start + i] = foldUnit[text.charCodeAt(i)]!;
  });
  return { units, starts };
}

function toUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) units[i] = text.charCodeAt(i);
  return units;
}

function fromUnits(units: Uint16Array): string {
  // In pieces: a long task would pass more arguments than a call takes.
  let text = '';
  for (let at = 0; at < units.length; at += 4096) text += String.fromCharCode(...units.subarray(at, at + 4096));
  return text;
}

/** Where `term` first occurs in `units` from `from` to `to`, or -1: String#indexOf over a span. */
function indexOfUnits(units: Uint16Array, term: Uint16Array, from: number, to: number): number {
  const first = term[0];
  for (let at = from; at + term.length <= to; at += 1) {
    if (units[at] !== first) continue;
    let matched = 1;
    while (matched < term.length && units[at + matched] === term[matched]) matched += 1;
    if (matched === term.length) return at;
  }
  return -1;
}

/** Occurrences of `term` that do not overlap, counted left to right. */
function countOccurrences(units: Uint16Array, term: Uint16Array, from: number, to: number): number {
  let count = 0;
  for (let at = indexOfUnits(units, term, from, to); at !== -1; at = indexOfUnits(units, term, at + term.length, to)) count += 1;
  return count;
}

/**
 * Indexes (ascending) of the words a task must contain at least one of when the words it
 * contains must weigh `requiredWeight` in all: the lightest words, together lighter than that,
 * cannot make it on their own.
 */
export function essentialWords(weights: readonly number[], requiredWeight: number): number[] {
  const lightestFirst = weights.map((_, j) => j).sort((a, b) => weights[a]! - weights[b]!);
  let optionalWeight = 0;
  let optional = 0;
  while (optional < lightestFirst.length && optionalWeight + weights[lightestFirst[optional]!]! < requiredWeight) {
    optionalWeight += weights[lightestFirst[optional]!]!;
    optional += 1;
  }
  return lightestFirst.slice(optional).sort((a, b) => a - b);
}

/** The first position at or after `from` whose value is at least `target` (`list.length` if none). */
export function gallopTo(list: Int32Array, from: number, target: number): number {
  if (from >= list.length || list[from]! >= target) return from;
  // Doubling steps bracket the target, binary search finds it: O(log distance), not O(distance).
  let below = from;
  let step = 1;
  let above = from + 1;
  while (above < list.length && list[above]! < target) {
    below = above;
    step *= 2;
    above = below + step;
  }
  above = Math.min(above, list.length);
  while (below + 1 < above) {
    const middle = (below + above) >>> 1;
    if (list[middle]! < target) below = middle;
    else above = middle;
  }
  return above;
}

/**
 * For each ascending list, the positions of the values all lists share, in ascending order. The
 * shortest list drives and the others are galloped through, so a rare gram next to a common one
 * costs little.
 */
export function intersectPositions(lists: readonly Int32Array[]): Int32Array[] {
  if (lists.length === 0) return [];
  const order = lists.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const driverIndex = order[0]!;
  const driver = lists[driverIndex]!;
  const others = order.slice(1);
  const positions = lists.map(() => new Int32Array(driver.length));
  const cursors = new Int32Array(lists.length);
  let shared = 0;
  let at = 0;
  scan: while (at < driver.length) {
    const value = driver[at]!;
    for (const i of others) {
      const list = lists[i]!;
      const cursor = (cursors[i] = gallopTo(list, cursors[i]!, value));
      if (cursor === list.length) break scan;
      if (list[cursor] !== value) {
        at = gallopTo(driver, at + 1, list[cursor]!);
        continue scan;
      }
    }
    cursors[driverIndex] = at;
    for (let i = 0; i < lists.length; i += 1) positions[i]![shared] = cursors[i]!;
    shared += 1;
    at += 1;
  }
  return positions.map((list) => list.subarray(0, shared));
}

/** The best hits offered, by score descending then index ascending; the worst sits at the heap's root. */
class TopHits {
  private readonly heap: RankedHit[] = [];

  constructor(private readonly capacity: number) {}

  /** The score a hit must reach to enter (reaching it, the earlier task wins); -Infinity while there is room. */
  get floor(): number {
    return this.heap.length < this.capacity ? -Infinity : (this.heap[0]?.score ?? Infinity);
  }

  /** Whether a hit scoring at most `bound` could still enter: if not, it need not be scored. */
  admits(index: number, bound: number): boolean {
    if (this.heap.length < this.capacity) return true;
    const worst = this.heap[0];
    return worst !== undefined && (bound > worst.score || (bound === worst.score && index < worst.index));
  }

  offer(hit: RankedHit): void {
    if (!this.admits(hit.index, hit.score)) return;
    if (this.heap.length < this.capacity) {
      this.heap.push(hit);
      this.siftUp(this.heap.length - 1);
    } else {
      this.heap[0] = hit;
      this.siftDown(0);
    }
  }

  sorted(): RankedHit[] {
    return [...this.heap].sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
  }

  private siftUp(at: number): void {
    const { heap } = this;
    let child = at;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!ranksBefore(heap[parent]!, heap[child]!)) return;
      [heap[parent], heap[child]] = [heap[child]!, heap[parent]!];
      child = parent;
    }
  }

  private siftDown(at: number): void {
    const { heap } = this;
    let parent = at;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let worst = parent;
      if (left < heap.length && ranksBefore(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && ranksBefore(heap[worst]!, heap[right]!)) worst = right;
      if (worst === parent) return;
      [heap[parent], heap[worst]] = [heap[worst]!, heap[parent]!];
      parent = worst;
    }
  }
}

/** Result order: higher score first, then the earlier task. */
function ranksBefore(a: { index: number; score: number }, b: { index: number; score: number }): boolean {
  return a.score > b.score || (a.score === b.score && a.index < b.index);
}

/** Each jurisdiction's tasks, ascending. */
function groupByJurisdiction(documents: readonly SearchDocument[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  documents.forEach((doc, index) => {
    const list = lists.get(doc.jurisdictionId);
    if (list) list.push(index);
    else lists.set(doc.jurisdictionId, [index]);
  });
  return new Map([...lists].map(([jurisdictionId, list]) => [jurisdictionId, Int32Array.from(list)]));
}

/**
 * The postings of every character and character pair of the corpus, in one flat array per field
 * (no array per gram). Two passes: count each gram's tasks, then fill each gram's slot in task
 * order, so every list comes out ascending.
 */
function buildGramIndex({ units, starts }: FoldedCorpus, titles: FoldedCorpus): GramIndex {
  const taskCount = starts.length - 1;
  // Gram ids: a table slot per UTF-16 unit, a map for pairs keyed by both units in one int32.
  const charIds = new Int32Array(0x10000).fill(-1);
  const pairIds = new Map<number, number>();
  const pairKey = (first: number, second: number) => (first << 16) | second;
  let gramCount = 0;

  let longest = 0;
  for (let task = 0; task < taskCount; task += 1) {
    longest = Math.max(longest, starts[task + 1]! - starts[task]!, titles.starts[task + 1]! - titles.starts[task]!);
  }
  const gramsOfText = new Int32Array(2 * longest);
  /**
   * Writes the gram ids of the text from `from` to `to` into `gramsOfText`, the unit at position p
   * at slot 2p and the pair starting there at 2p + 1 (-1 if unknown); returns how many slots.
   */
  function readGrams(text: Uint16Array, from: number, to: number, { addNew }: { addNew: boolean }): number {
    let size = 0;
    for (let i = from; i < to; i += 1) {
      const unit = text[i]!;
      if (charIds[unit] === -1 && addNew) charIds[unit] = gramCount++;
      gramsOfText[size++] = charIds[unit]!;
      if (i + 1 === to) break;
      const key = pairKey(unit, text[i + 1]!);
      let id = pairIds.get(key);
      if (id === undefined && addNew) pairIds.set(key, (id = gramCount++));
      gramsOfText[size++] = id ?? -1;
    }
    return size;
  }

  // Pass 1: tasks per gram.
  const taskCounts: number[] = [];
  const lastTask: number[] = [];
  for (let task = 0; task < taskCount; task += 1) {
    const size = readGrams(units, starts[task]!, starts[task + 1]!, { addNew: true });
    for (let k = 0; k < size; k += 1) {
      const id = gramsOfText[k]!;
      while (id >= taskCounts.length) {
        taskCounts.push(0);
        lastTask.push(-1);
      }
      if (lastTask[id] === task) continue;
      lastTask[id] = task;
      taskCounts[id]! += 1;
    }
  }

  const postingStarts = new Int32Array(gramCount + 1);
  taskCounts.forEach((count, id) => (postingStarts[id + 1] = postingStarts[id]! + count));
  const docs = new Int32Array(postingStarts[gramCount]!);
  const info = new Uint8Array(postingStarts[gramCount]!);
  const first = new Uint16Array(postingStarts[gramCount]!);

  // Pass 2: each task appended to its grams' lists, with the gram's count, title presence and first position.
  const next = postingStarts.slice(0, gramCount);
  const seenIn = new Int32Array(gramCount).fill(-1);
  const inTitleOf = new Int32Array(gramCount).fill(-1);
  const counts = new Int32Array(gramCount);
  const firstPositions = new Int32Array(gramCount);
  const distinct = new Int32Array(gramsOfText.length);
  for (let task = 0; task < taskCount; task += 1) {
    const titleSize = readGrams(titles.units, titles.starts[task]!, titles.starts[task + 1]!, { addNew: false });
    for (let k = 0; k < titleSize; k += 1) if (gramsOfText[k]! >= 0) inTitleOf[gramsOfText[k]!] = task;
    const size = readGrams(units, starts[task]!, starts[task + 1]!, { addNew: false });
    let distinctSize = 0;
    for (let k = 0; k < size; k += 1) {
      const id = gramsOfText[k]!;
      if (seenIn[id] === task) {
        counts[id]! += 1;
        continue;
      }
      seenIn[id] = task;
      counts[id] = 1;
      firstPositions[id] = k >> 1;
      distinct[distinctSize++] = id;
    }
    for (let k = 0; k < distinctSize; k += 1) {
      const id = distinct[k]!;
      const at = next[id]!++;
      docs[at] = task;
      info[at] = (Math.min(counts[id]!, COUNT_CAP) << 1) | (inTitleOf[id] === task ? 1 : 0);
      first[at] = Math.min(firstPositions[id]!, POSITION_CAP);
    }
  }

  return {
    postingsOf(gram) {
      const id = gram.length === 1 ? charIds[gram.charCodeAt(0)]! : pairIds.get(pairKey(gram.charCodeAt(0), gram.charCodeAt(1)));
      if (id === undefined || id === -1) return null;
      const [from, to] = [postingStarts[id], postingStarts[id + 1]];
      return { docs: docs.subarray(from, to), info: info.subarray(from, to), first: first.subarray(from, to) };
    },
  };
}
