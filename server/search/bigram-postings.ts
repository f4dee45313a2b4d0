/**
 * @module Character-bigram postings of a folded corpus: for every character and pair of
 * characters, the tasks holding it (ascending), the gram's count in the task, whether the title
 * holds it and where it first occurs. Any substring of two or more characters is found by
 * intersecting its bigrams' lists and confirming the candidates, mostly from first positions
 * alone, so no task is scanned that cannot hold the term.
 *
 * Reads of typed arrays at positions bounded by the loop that makes them use `!` (lint allowed
 * for those loops alone): a check per element in these loops would cost time and catch nothing.
 */
import { runToEnd, type Steps } from '../turns.js';
import { gallopTo, intersectPositions, positionsOfShared } from './ascending-lists.js';
import { indexOfUnits, spanOf, taskCountOf, titleSpanOf, toUnits, type FoldedCorpus, type TitleSpans } from './folded-corpus.js';

/**
 * A posting's byte holds `min(count, COUNT_CAP) << 1 | inTitle`. COUNT_CAP means "at least
 * COUNT_CAP": the bound on the count then falls back to the task's length.
 */
export const COUNT_CAP = 127;
/** First positions are stored up to POSITION_CAP, which means "at least POSITION_CAP". */
export const POSITION_CAP = 0xffff;

/** Tasks (ascending indexes) holding a gram or term, each with its posting byte and first position. */
export interface Postings {
  docs: Int32Array;
  /** For a gram: its exact count and title presence. For a longer term: upper bounds on them. */
  info: Uint8Array;
  /** Where in the task's folded content it first occurs (capped at POSITION_CAP). */
  first: Uint16Array;
}

export const NO_POSTINGS: Postings = { docs: new Int32Array(0), info: new Uint8Array(0), first: new Uint16Array(0) };

/**
 * The postings of every character and character pair of the corpus, in one flat array per field
 * (no array per gram): gram `g`'s postings are positions `postingStarts[g]` to `postingStarts[g + 1]`.
 * Plain typed arrays, so that the index can be written to bytes and read back as it is.
 */
export interface GramIndex {
  /** The gram id of each UTF-16 unit, -1 where no task holds it. */
  charIds: Int32Array;
  /** Every pair of units a task holds, as `first << 16 | second`, ascending; `pairIds` aligned with it. */
  pairKeys: Int32Array;
  pairIds: Int32Array;
  postingStarts: Int32Array;
  /** Every gram's postings, gram after gram: in memory, or read from the index's file when a gram is asked for. */
  postings: Postings | PostingsReader;
}

/**
 * The flat postings of an index left in its file (search-index-file.ts): most of an index's bytes
 * (1.9 GB of 2.5 for 2 million tasks), of which a search reads a few grams' lists.
 */
export interface PostingsReader {
  readonly length: number;
  /** Positions `from` to `to` of the flat lists. */
  read(from: number, to: number): Postings;
}

/** Postings `from` to `to` of an index's flat lists: views of them in memory, or read from its file. */
export function postingsBetween(postings: Postings | PostingsReader, from: number, to: number): Postings {
  if ('read' in postings) return postings.read(from, to);
  return { docs: postings.docs.subarray(from, to), info: postings.info.subarray(from, to), first: postings.first.subarray(from, to) };
}

const pairKey = (first: number, second: number) => (first << 16) | second;

/** The postings of one character or one pair of characters, null if no task has it. */
export function postingsOfGram(grams: GramIndex, gram: string): Postings | null {
  if (gram.length !== 1 && gram.length !== 2) throw new RangeError(`a gram is one or two characters, not ${JSON.stringify(gram)}`);
  let id: number | undefined;
  if (gram.length === 1) id = grams.charIds[gram.charCodeAt(0)];
  else {
    const key = pairKey(gram.charCodeAt(0), gram.charCodeAt(1));
    const at = gallopTo(grams.pairKeys, 0, key);
    id = grams.pairKeys[at] === key ? grams.pairIds[at] : undefined;
  }
  if (id === undefined || id === -1) return null;
  const from = grams.postingStarts[id];
  const to = grams.postingStarts[id + 1];
  // Without this check a bad id would answer every posting of the index (subarray(undefined)).
  if (from === undefined || to === undefined) throw new RangeError(`gram id ${id} is outside the index`);
  return postingsBetween(grams.postings, from, to);
}

/** Tasks whose folded content contains `term` exactly, found through the bigram postings. */
export function postingsOfTerm(grams: GramIndex, corpus: FoldedCorpus, term: string): Postings {
  // A gram's postings are exact, and so are its counts, except capped ones and those of a
  // repeated character such as "00", whose overlapping occurrences make them upper bounds.
  if (term.length <= 2) return postingsOfGram(grams, term) ?? NO_POSTINGS;
  const lists: Postings[] = [];
  for (let i = 0; i + 1 < term.length; i += 1) {
    const postings = postingsOfGram(grams, term.slice(i, i + 2));
    if (!postings) return NO_POSTINGS;
    lists.push(postings);
  }
  const termUnits = toUnits(term);
  // Bigram i's postings and, for each shared task k, its position in them: lists[i], positions[i][k].
  const positions = intersectPositions(lists.map((list) => list.docs));
  const [leadingPositions] = positions;
  const [leading] = lists;
  if (!leadingPositions || !leading) return NO_POSTINGS;
  const shared = leadingPositions.length;
  const docs = new Int32Array(shared);
  const info = new Uint8Array(shared);
  const first = new Uint16Array(shared);
  let found = 0;
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loop: k < shared, the length of
     every positions[i], whose entries are positions in lists[i]; i < lists.length = positions.length */
  for (let k = 0; k < shared; k += 1) {
    const doc = leading.docs[leadingPositions[k]!]!;
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
    let occurrence = earliest;
    if (!consecutive) {
      const { from, to } = spanOf(corpus, doc);
      const at = indexOfUnits(corpus.units, termUnits, from + earliest, to);
      if (at < 0) continue;
      occurrence = at - from;
    }
    docs[found] = doc;
    info[found] = (count << 1) | inTitle;
    first[found] = Math.min(occurrence, POSITION_CAP);
    found += 1;
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  return { docs: docs.subarray(0, found), info: info.subarray(0, found), first: first.subarray(0, found) };
}

/**
 * Builds the postings of every character and character pair of `corpus`, with title presence
 * read from the `titles` spans of it. Two passes: count each gram's tasks, then fill
 * each gram's slot in task order, so every list comes out ascending.
 */
export function buildGramIndex(corpus: FoldedCorpus, titles: TitleSpans): GramIndex {
  return runToEnd(gramIndexSteps(corpus, titles));
}

/** Tasks per step of gramIndexSteps. */
const TASKS_PER_STEP = 512;

export function* gramIndexSteps(corpus: FoldedCorpus, titles: TitleSpans): Steps<GramIndex> {
  const taskCount = taskCountOf(corpus);
  if (titles.from.length !== taskCount) throw new RangeError(`${titles.from.length} titles for ${taskCount} tasks`);
  // Gram ids: a table slot per UTF-16 unit, a map for pairs keyed by both units in one int32.
  const charIds = new Int32Array(0x10000).fill(-1);
  const pairIdOf = new Map<number, number>();
  let gramCount = 0;

  let longest = 0;
  for (let task = 0; task < taskCount; task += 1) {
    const text = spanOf(corpus, task);
    const title = titleSpanOf(titles, task);
    longest = Math.max(longest, text.to - text.from, title.to - title.from);
  }
  const gramsOfText = new Int32Array(2 * longest);
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops over every unit of the
     corpus: units are read within a task's span, charIds has a slot for every UTF-16 unit,
     gramsOfText below the size readGrams returns, and gram ids are below gramCount, the length
     of every per-gram array (taskCounts and lastTask are grown to it first) */
  /**
   * Writes the gram ids of the text from `from` to `to` into `gramsOfText`, the unit at position p
   * at slot 2p and the pair starting there at 2p + 1 (-1 if unknown); returns how many slots.
   */
  function readGrams(text: Uint16Array, { from, to }: { from: number; to: number }, { addNew }: { addNew: boolean }): number {
    let size = 0;
    for (let i = from; i < to; i += 1) {
      const unit = text[i]!;
      if (charIds[unit] === -1 && addNew) charIds[unit] = gramCount++;
      gramsOfText[size++] = charIds[unit]!;
      if (i + 1 === to) break;
      const key = pairKey(unit, text[i + 1]!);
      let id = pairIdOf.get(key);
      if (id === undefined && addNew) pairIdOf.set(key, (id = gramCount++));
      gramsOfText[size++] = id ?? -1;
    }
    return size;
  }

  // Pass 1: tasks per gram.
  const taskCounts: number[] = [];
  const lastTask: number[] = [];
  // Each task's work in a plain function: V8 optimises a loop in it better than one in a generator.
  function countGramsOf(task: number): void {
    const size = readGrams(corpus.units, spanOf(corpus, task), { addNew: true });
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
  for (let task = 0; task < taskCount; task += 1) {
    if (task % TASKS_PER_STEP === 0) yield;
    countGramsOf(task);
  }
  /* eslint-enable @typescript-eslint/no-non-null-assertion */

  const postingStarts = new Int32Array(gramCount + 1);
  let postingCount = 0;
  taskCounts.forEach((count, id) => {
    postingCount += count;
    postingStarts[id + 1] = postingCount;
  });
  const docs = new Int32Array(postingCount);
  const info = new Uint8Array(postingCount);
  const first = new Uint16Array(postingCount);

  // Pass 2: each task appended to its grams' lists, with the gram's count, title presence and first position.
  const next = postingStarts.slice(0, gramCount);
  const seenIn = new Int32Array(gramCount).fill(-1);
  const inTitleOf = new Int32Array(gramCount).fill(-1);
  const counts = new Int32Array(gramCount);
  const firstPositions = new Int32Array(gramCount);
  const distinct = new Int32Array(gramsOfText.length);
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops, bounded as in pass 1; every
     gram of the corpus has an id by now, so none of its ids is -1 */
  function appendPostingsOf(task: number): void {
    const titleSize = readGrams(corpus.units, titleSpanOf(titles, task), { addNew: false });
    for (let k = 0; k < titleSize; k += 1) if (gramsOfText[k]! >= 0) inTitleOf[gramsOfText[k]!] = task;
    const size = readGrams(corpus.units, spanOf(corpus, task), { addNew: false });
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
  /* eslint-enable @typescript-eslint/no-non-null-assertion */
  for (let task = 0; task < taskCount; task += 1) {
    if (task % TASKS_PER_STEP === 0) yield;
    appendPostingsOf(task);
  }

  yield;
  const pairs = [...pairIdOf].sort(([a], [b]) => a - b);
  const pairKeys = Int32Array.from(pairs, ([key]) => key);
  const pairIds = Int32Array.from(pairs, ([, id]) => id);
  return { charIds, pairKeys, pairIds, postingStarts, postings: { docs, info, first } };
}

/** The postings but those of the `removed` tasks (ascending): the same object when it holds none of them. */
export function postingsWithout(postings: Postings, removed: Int32Array): Postings {
  if (removed.length === 0 || postings.docs.length === 0) return postings;
  const dropped = positionsOfShared(postings.docs, removed);
  if (dropped.length === 0) return postings;
  const length = postings.docs.length - dropped.length;
  const kept: Postings = { docs: new Int32Array(length), info: new Uint8Array(length), first: new Uint16Array(length) };
  let from = 0;
  let written = 0;
  // The runs between dropped positions, copied whole.
  for (const at of [...dropped, postings.docs.length]) {
    kept.docs.set(postings.docs.subarray(from, at), written);
    kept.info.set(postings.info.subarray(from, at), written);
    kept.first.set(postings.first.subarray(from, at), written);
    written += at - from;
    from = at + 1;
  }
  return kept;
}
