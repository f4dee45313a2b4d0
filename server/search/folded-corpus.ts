/**
 * @module The folded texts of all tasks in one array of UTF-16 units, and the substring search
 * over a task's span of it. Folding unit by unit through a table of `foldText`'s answers builds no
 * string per task, and fold-text.ts stays the one definition of folding.
 */
import { runToEnd, type Steps } from '../turns.js';
import { foldText } from './fold-text.js';

/** The folded texts of all tasks, one after another: task `d` is `units[starts[d]]` to `units[starts[d + 1]]`. */
export interface FoldedCorpus {
  units: Uint16Array;
  starts: Int32Array;
}

let foldTable: Uint16Array | null = null;

/** foldText maps every UTF-16 unit on its own to one unit, so a table of its answers folds a text unit by unit. */
function foldUnitTable(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < table.length; unit += 1) table[unit] = foldText(String.fromCharCode(unit)).charCodeAt(0);
  return (foldTable = table);
}

/**
 * Where each task's title lies in its folded content, which always holds it (foldContentsSteps):
 * task `d`'s title is `corpus.units[from[d]]` to `corpus.units[to[d]]`. Spans into the corpus rather
 * than the titles folded a second time: on a store of 2 million tasks those took 140 MB of the
 * server's memory, these 16 MB.
 */
export interface TitleSpans {
  from: Int32Array;
  to: Int32Array;
}

/** A task as the search index reads it. */
export interface TitledText {
  title: string;
  text: string;
}

/**
 * What is searched of each task, as written — its text, preceded by its title when the text does not
 * hold it — folded into one corpus, with where each title lies in it. Folding maps unit to unit, so
 * the title is where it is in the text as written.
 */
export function* foldContentsSteps(tasks: readonly TitledText[]): Steps<{ contents: string[]; corpus: FoldedCorpus; titles: TitleSpans }> {
  const contents: string[] = [];
  const titleAt = new Int32Array(tasks.length);
  for (const [index, { title, text }] of tasks.entries()) {
    if (index % TEXTS_PER_STEP === 0) yield;
    const at = text.indexOf(title);
    contents.push(at === -1 ? `${title}\n${text}` : text);
    titleAt[index] = Math.max(at, 0);
  }
  const corpus = yield* foldCorpusSteps(contents);
  const from = new Int32Array(tasks.length);
  const to = new Int32Array(tasks.length);
  for (const [index, { title }] of tasks.entries()) {
    from[index] = spanOf(corpus, index).from + (titleAt[index] ?? 0);
    to[index] = (from[index] ?? 0) + title.length;
  }
  return { contents, corpus, titles: { from, to } };
}

export function foldContents(tasks: readonly TitledText[]): { contents: string[]; corpus: FoldedCorpus; titles: TitleSpans } {
  return runToEnd(foldContentsSteps(tasks));
}

/** Where task `index`'s title begins and ends in the corpus; throws for an index outside the spans (a bug). */
export function titleSpanOf({ from, to }: TitleSpans, index: number): { from: number; to: number } {
  const start = from[index];
  const end = to[index];
  if (start === undefined || end === undefined) throw new RangeError(`task ${index} is outside the titles of ${from.length} tasks`);
  return { from: start, to: end };
}

export function foldCorpus(texts: readonly string[]): FoldedCorpus {
  return runToEnd(foldCorpusSteps(texts));
}

export function foldCorpusSteps(texts: readonly string[]): Steps<FoldedCorpus> {
  return joinUnitsSteps(texts, foldUnitTable());
}

/**
 * Where the texts as written differ from their folded corpus, and what they read there: positions
 * in `corpus.units`, ascending, and the units as written. Folding changes few units of Chinese text
 * (full-width digits, letters and punctuation: 4% of the bench corpus), so the written texts cost
 * a fraction of a second copy of the corpus.
 */
export interface UnfoldedUnits {
  at: Int32Array;
  units: Uint16Array;
}

export function unfoldedUnits(texts: readonly string[], corpus: FoldedCorpus): UnfoldedUnits {
  return runToEnd(unfoldedUnitsSteps(texts, corpus));
}

export function* unfoldedUnitsSteps(texts: readonly string[], corpus: FoldedCorpus): Steps<UnfoldedUnits> {
  let count = 0;
  for (const [index, text] of texts.entries()) {
    if (index % TEXTS_PER_STEP === 0) yield;
    count += unfoldedIn(text, corpus, index, null);
  }
  const unfolded: UnfoldedUnits = { at: new Int32Array(count), units: new Uint16Array(count) };
  let written = 0;
  for (const [index, text] of texts.entries()) {
    if (index % TEXTS_PER_STEP === 0) yield;
    written += unfoldedIn(text, corpus, index, { into: unfolded, from: written });
  }
  return unfolded;
}

/** How many units of task `index`'s text as written differ from its folded units, written `into` from `from` when given. */
function unfoldedIn(text: string, corpus: FoldedCorpus, index: number, out: { into: UnfoldedUnits; from: number } | null): number {
  const { from } = spanOf(corpus, index);
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (corpus.units[from + i] === unit) continue;
    if (out) {
      out.into.at[out.from + count] = from + i;
      out.into.units[out.from + count] = unit;
    }
    count += 1;
  }
  return count;
}

/** The texts as written, one after another, as a folded corpus holds its texts folded. */
export function joinedUnits(texts: readonly string[]): FoldedCorpus {
  return runToEnd(joinUnitsSteps(texts, null));
}

/** Texts per step of the builds below. */
const TEXTS_PER_STEP = 512;

function* joinUnitsSteps(texts: readonly string[], mapUnit: Uint16Array | null): Steps<FoldedCorpus> {
  const starts = new Int32Array(texts.length + 1);
  let length = 0;
  texts.forEach((text, index) => {
    length += text.length;
    starts[index + 1] = length;
  });
  const units = new Uint16Array(length);
  let start = 0;
  for (const [index, text] of texts.entries()) {
    if (index % TEXTS_PER_STEP === 0) yield;
    copyUnits(text, units, start, mapUnit);
    start += text.length;
  }
  return { units, starts };
}

/** A plain function, not in the generator: V8 optimises its loop better there. */
function copyUnits(text: string, units: Uint16Array, start: number, mapUnit: Uint16Array | null): void {
  // A table of 0x10000 entries has one for every UTF-16 unit, so no read of it is undefined.
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- hot loop over every unit of every task
  if (mapUnit) for (let i = 0; i < text.length; i += 1) units[start + i] = mapUnit[text.charCodeAt(i)]!;
  else for (let i = 0; i < text.length; i += 1) units[start + i] = text.charCodeAt(i);
}

/** How many tasks the corpus holds. */
export function taskCountOf({ starts }: FoldedCorpus): number {
  return starts.length - 1;
}

/** Where task `index`'s units begin and end; throws for an index outside the corpus (a bug). */
export function spanOf({ starts }: FoldedCorpus, index: number): { from: number; to: number } {
  const from = starts[index];
  const to = starts[index + 1];
  if (from === undefined || to === undefined) throw new RangeError(`task ${index} is outside a corpus of ${starts.length - 1} tasks`);
  return { from, to };
}

/** Task `index`'s text as a string: folded, or as written given its `unfoldedUnits`. */
export function textOf(corpus: FoldedCorpus, index: number, unfolded: UnfoldedUnits | null = null): string {
  const { from, to } = spanOf(corpus, index);
  if (!unfolded) return fromUnits(corpus.units.subarray(from, to));
  const units = corpus.units.slice(from, to);
  for (let i = firstAtOrAfter(unfolded.at, from); i < unfolded.at.length && (unfolded.at[i] ?? to) < to; i += 1)
    units[(unfolded.at[i] ?? from) - from] = unfolded.units[i] ?? 0;
  return fromUnits(units);
}

/** The first index of the ascending `list` whose value is at least `value` (the list's length if none). */
function firstAtOrAfter(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function toUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) units[i] = text.charCodeAt(i);
  return units;
}

export function fromUnits(units: Uint16Array): string {
  // In pieces: a long task would pass more arguments than a call takes.
  let text = '';
  for (let at = 0; at < units.length; at += 4096) text += String.fromCharCode(...units.subarray(at, at + 4096));
  return text;
}

/** Where `term` first occurs in `units` from `from` to `to`, or -1: String#indexOf over a span. */
export function indexOfUnits(units: Uint16Array, term: Uint16Array, from: number, to: number): number {
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
export function countOccurrences(units: Uint16Array, term: Uint16Array, from: number, to: number): number {
  let count = 0;
  for (let at = indexOfUnits(units, term, from, to); at !== -1; at = indexOfUnits(units, term, at + term.length, to)) count += 1;
  return count;
}
