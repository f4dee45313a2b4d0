/**
 * @module Maximal common substrings of two texts — the "same wording" evidence behind verbatim and
 * adapted links. Found through an index of the second text's n-grams, so a task of a few hundred
 * characters is compared with a catalogue item in well under a millisecond.
 */
import { LRUCache } from 'lru-cache';
import { MASK } from './mask-boilerplate.js';

const MASK_CODE = MASK.charCodeAt(0);

export interface CommonPhrase {
  text: string;
  /** Offset in the first text. */
  a: number;
  /** Offset in the second text. */
  b: number;
}

/** Punctuation, spaces and masked characters never belong to a phrase. */
// eslint-disable-next-line no-control-regex -- masked characters are NUL (MASK in mask-boilerplate.ts)
const BREAK = /[\s\u0000，。、；：,.;:！？!?“”‘’"'（）()〔〕【】《》<>\-—…·/|]/u;

/**
 * BREAK as a table of UTF-16 code units, built from BREAK itself so the two cannot differ: the
 * phrase scans test every character, and a table look-up costs far less than a regular expression.
 * (BREAK holds no character outside the BMP, and no lone surrogate, so a code unit decides.)
 */
const BREAK_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < table.length; unit += 1) table[unit] = BREAK.test(String.fromCharCode(unit)) ? 1 : 0;
  return table;
})();

const isBreak = (text: string, at: number) => BREAK_UNITS[text.charCodeAt(at)] === 1;

/** Whether `text` holds a character that never belongs to a phrase (BREAK). */
export function hasBreak(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) if (isBreak(text, at)) return true;
  return false;
}

export interface PhraseIndex {
  text: string;
  grams: Map<string, number[]>;
  minLength: number;
}

/** Where a gram of a text without a break character starts, and the gram. */
export interface GramStart {
  start: number;
  gram: string;
}

/**
 * Where each `minLength`-gram of `text` without a break character starts, with the gram: the only
 * grams an index holds. A break character at k rules out the starts k - minLength + 1 … k.
 */
function scanGramStarts(text: string, minLength: number): GramStart[] {
  const starts: GramStart[] = [];
  forEachGramStart(text, minLength, (start) => starts.push({ start, gram: text.slice(start, start + minLength) }));
  return starts;
}

/**
 * Calls `visit` with each start scanGramStarts finds, in order, without making the grams: a caller that
 * looks up few of them slices only those.
 */
export function forEachGramStart(text: string, minLength: number, visit: (start: number) => void): void {
  let clearFrom = 0;
  for (let k = 0; k < text.length; k += 1) {
    if (isBreak(text, k)) {
      clearFrom = k + 1;
      continue;
    }
    const start = k - minLength + 1;
    if (start >= clearFrom) visit(start);
  }
}

/** The gram starts of the texts scanned last, by gram length and text: a task is compared with many items in a row. */
const recentStarts = new LRUCache<string, readonly GramStart[]>({ max: 64 });

/** scanGramStarts, kept for the texts scanned last. */
export function gramStarts(text: string, minLength: number): readonly GramStart[] {
  const key = `${minLength}\u0000${text}`;
  let starts = recentStarts.get(key);
  if (!starts) recentStarts.set(key, (starts = scanGramStarts(text, minLength)));
  return starts;
}

export function indexPhrases(text: string, minLength: number): PhraseIndex {
  const grams = new Map<string, number[]>();
  for (const { start, gram } of scanGramStarts(text, minLength)) {
    const list = grams.get(gram);
    if (list) list.push(start);
    else grams.set(gram, [start]);
  }
  return { text, grams, minLength };
}

/** Whether [s, e) and [t, f) overlap. */
const overlaps = (s: number, e: number, t: number, f: number) => s < f && t < e;

/**
 * Maximal common substrings of `a` and the indexed text, at least `minLength` long, without
 * punctuation, longest first and not overlapping on either side.
 */
export function commonPhrases(a: string, index: PhraseIndex): CommonPhrase[] {
  const { text: b, grams, minLength } = index;
  const matches: number[] = [];
  for (const { start: i, gram } of gramStarts(a, minLength)) {
    for (const j of grams.get(gram) ?? []) matches.push(i, j);
  }
  return maximalPhrases(a, b, matches, minLength);
}

/**
 * The phrases of commonPhrases from the matching gram starts, given as pairs i (in a), j (in b) one
 * after the other, in the order of i, then j: for comparing one text with many indexed texts at once
 * (see link-to-parent-tasks.ts).
 */
export function maximalPhrases(a: string, b: string, matches: readonly number[], minLength: number): CommonPhrase[] {
  const found: CommonPhrase[] = [];
  for (let m = 0; m + 1 < matches.length; m += 2) {
    const i = matches[m] ?? 0;
    const j = matches[m + 1] ?? 0;
    // Only maximal matches: skip a start that extends one character to the left.
    if (i > 0 && j > 0 && a.charCodeAt(i - 1) === b.charCodeAt(j - 1) && !isBreak(a, i - 1)) continue;
    let length = minLength;
    while (
      i + length < a.length &&
      j + length < b.length &&
      a.charCodeAt(i + length) === b.charCodeAt(j + length) &&
      !isBreak(a, i + length) &&
      a.charCodeAt(i + length) !== MASK_CODE
    )
      length += 1;
    found.push({ text: a.slice(i, i + length), a: i, b: j });
  }
  found.sort((x, y) => y.text.length - x.text.length || x.a - y.a);
  const kept: CommonPhrase[] = [];
  for (const phrase of found) {
    const clash = kept.some(
      (k) =>
        overlaps(phrase.a, phrase.a + phrase.text.length, k.a, k.a + k.text.length) ||
        overlaps(phrase.b, phrase.b + phrase.text.length, k.b, k.b + k.text.length),
    );
    if (!clash) kept.push(phrase);
  }
  return kept;
}
