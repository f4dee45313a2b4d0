/**
 * @module Maximal common substrings of two texts — the "same wording" evidence behind verbatim and
 * adapted links. Found through an index of the second text's n-grams, so a task of a few hundred
 * characters is compared with a catalogue item in well under a millisecond.
 */
import { MASK } from './mask-boilerplate.js';

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

export interface PhraseIndex {
  text: string;
  grams: Map<string, number[]>;
  minLength: number;
}

export function indexPhrases(text: string, minLength: number): PhraseIndex {
  const grams = new Map<string, number[]>();
  for (let i = 0; i + minLength <= text.length; i += 1) {
    const gram = text.slice(i, i + minLength);
    if (BREAK.test(gram)) continue;
    const list = grams.get(gram);
    if (list) list.push(i);
    else grams.set(gram, [i]);
  }
  return { text, grams, minLength };
}

/**
 * Maximal common substrings of `a` and the indexed text, at least `minLength` long, without
 * punctuation, longest first and not overlapping on either side.
 */
export function commonPhrases(a: string, index: PhraseIndex): CommonPhrase[] {
  const { text: b, grams, minLength } = index;
  const found: CommonPhrase[] = [];
  for (let i = 0; i + minLength <= a.length; i += 1) {
    const positions = grams.get(a.slice(i, i + minLength));
    if (!positions) continue;
    for (const j of positions) {
      // Only maximal matches: skip a start that extends one character to the left.
      if (i > 0 && j > 0 && a.charAt(i - 1) === b.charAt(j - 1) && !BREAK.test(a.charAt(i - 1))) continue;
      let length = minLength;
      while (
        i + length < a.length &&
        j + length < b.length &&
        a.charAt(i + length) === b.charAt(j + length) &&
        !BREAK.test(a.charAt(i + length)) &&
        a.charAt(i + length) !== MASK
      )
        length += 1;
      found.push({ text: a.slice(i, i + length), a: i, b: j });
    }
  }
  found.sort((x, y) => y.text.length - x.text.length || x.a - y.a);
  const kept: CommonPhrase[] = [];
  const overlaps = (s: number, e: number, t: number, f: number) => s < f && t < e;
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
