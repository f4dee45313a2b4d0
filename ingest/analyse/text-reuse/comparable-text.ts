/**
 * @module Text as the aligner compares it: letters and digits only, full-width forms folded to
 * half-width (NFKC), with the offset in the original text of every character kept, so that an
 * alignment found on the comparable text maps back to exact spans of the original.
 */

export interface ComparableText {
  /** Letters and digits of the original, folded. */
  chars: string;
  /** For each character of `chars`, where the original character starts … */
  starts: Int32Array;
  /** … and where it ends (exclusive). */
  ends: Int32Array;
  /** The original text. */
  original: string;
}

/**
 * Punctuation, spaces and line breaks are left out: copies of a passage differ in them more than in
 * wording (a web copy's line breaks, "，" for "、", half- and full-width brackets), and a reader
 * judges reuse by the words. Digits and Latin letters stay: "2025年" and "DRG" are wording.
 */
export function toComparable(original: string): ComparableText {
  const known = original.length >= LONG_TEXT ? recentLongTexts.get(original) : undefined;
  if (known) return known;
  const comparable = computeComparable(original);
  if (original.length >= LONG_TEXT) {
    const oldest = recentLongTexts.keys().next();
    if (recentLongTexts.size >= KEPT_LONG_TEXTS && !oldest.done) recentLongTexts.delete(oldest.value);
    recentLongTexts.set(original, comparable);
  }
  return comparable;
}

/**
 * A document is aligned with each of its tasks' texts in turn (Task.bestAlignment over a page of
 * tasks): the last few long texts are kept so that it is prepared once.
 */
const LONG_TEXT = 2000;
const KEPT_LONG_TEXTS = 8;
const recentLongTexts = new Map<string, ComparableText>();

function computeComparable(original: string): ComparableText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const symbol of original) {
    const end = offset + symbol.length;
    for (const folded of symbol.normalize('NFKC').toLowerCase()) {
      if (!/[\p{L}\p{N}]/u.test(folded)) continue;
      // One entry per UTF-16 unit, so that indices into `chars` index `starts` and `ends` too.
      // (`folded` is one code point, so a for-of over it would give one entry, not one per unit.)
      for (let units = folded.length; units > 0; units--) {
        starts.push(offset);
        ends.push(end);
      }
      chars.push(folded);
    }
    offset = end;
  }
  return { chars: chars.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), original };
}

/** Span in the original of the comparable characters [from, to); empty at `from` when from === to. */
export function originalSpan(text: ComparableText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < text.starts.length ? text.starts[from] : text.original.length;
    if (at === undefined) throw new RangeError(`originalSpan: comparable offset ${from} is negative`);
    return { start: at, end: at };
  }
  const start = text.starts[from];
  const end = text.ends[to - 1];
  if (start === undefined || end === undefined) {
    throw new RangeError(`originalSpan: comparable characters [${from}, ${to}) lie outside a text of ${text.chars.length}`);
  }
  return { start, end };
}
