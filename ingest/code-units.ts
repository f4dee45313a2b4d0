/**
 * @module Characters tested by their UTF-16 code. The text stages test every character of a document,
 * and `text.charAt(i)` makes a new string of each CJK character (V8 keeps ready-made strings of
 * one-byte characters only): reading codes instead allocates nothing.
 */

/** The UTF-16 codes of `chars`, each a character of the BMP. */
export function codeUnitsOf(chars: string): ReadonlySet<number> {
  return new Set(Array.from({ length: chars.length }, (_, at) => chars.charCodeAt(at)));
}
