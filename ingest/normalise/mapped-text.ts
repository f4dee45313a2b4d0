/**
 * @module Text that remembers, for every character, where it came from in the source. Every edit in
 * normalise goes through these helpers so the offset map stays complete.
 */

export interface MappedText {
  text: string;
  /** `offsets[i]` is the source offset of `text[i]`; same length as `text`. */
  offsets: number[];
}

export function mappedFrom(text: string, start = 0): MappedText {
  // A plain loop: Array.from with a callback per character is several times slower.
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) offsets.push(start + i);
  return { text, offsets };
}

export function slice(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), offsets: m.offsets.slice(start, end) };
}

export function concat(parts: readonly MappedText[]): MappedText {
  // A plain loop: flatMap over thousands of parts dominated normalisation time.
  const offsets: number[] = [];
  for (const part of parts) for (const offset of part.offsets) offsets.push(offset);
  return { text: parts.map((p) => p.text).join(''), offsets };
}

/** A run of inserted characters attributed to one source offset. */
export function inserted(text: string, offset: number): MappedText {
  return { text, offsets: new Array<number>(text.length).fill(offset) };
}

/**
 * Replace every match of a global regex. The callback returns the replacement (characters of the
 * replacement map to the match's first source offset) or null to keep the match.
 */
export function replaceMatches(
  m: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray, sourceOffset: number) => string | null,
): MappedText {
  const parts: MappedText[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(m.text); match; match = pattern.exec(m.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replace(match, m.offsets[match.index] ?? 0);
    if (replacement === null) continue;
    parts.push(slice(m, last, match.index));
    // Keep identity mapping where the replacement has the same length (character-for-character).
    parts.push(
      replacement.length === match[0].length
        ? { text: replacement, offsets: m.offsets.slice(match.index, match.index + match[0].length) }
        : inserted(replacement, m.offsets[match.index] ?? 0),
    );
    last = match.index + match[0].length;
  }
  // Nothing replaced: the text as it is (no helper changes a mapped text in place).
  if (parts.length === 0) return m;
  parts.push(slice(m, last));
  return concat(parts);
}

export function trimMapped(m: MappedText, chars = /[ \u3000]/u): MappedText {
  let start = 0;
  let end = m.text.length;
  while (start < end && chars.test(m.text.charAt(start))) start++;
  while (end > start && chars.test(m.text.charAt(end - 1))) end--;
  return slice(m, start, end);
}

/** Split on a separator character, keeping each piece's mapping. */
export function splitMapped(m: MappedText, separator: string): MappedText[] {
  const pieces: MappedText[] = [];
  let last = 0;
  for (let i = 0; i < m.text.length; i++) {
    if (m.text[i] === separator) {
      pieces.push(slice(m, last, i));
      last = i + 1;
    }
  }
  pieces.push(slice(m, last));
  return pieces;
}

export function joinMapped(parts: readonly MappedText[], separator: string): MappedText {
  const out: MappedText[] = [];
  let previous: MappedText | undefined;
  for (const part of parts) {
    if (previous) {
      const previousEnd = previous.offsets.at(-1);
      const at = previousEnd !== undefined ? previousEnd + 1 : (part.offsets[0] ?? 0);
      out.push(inserted(separator, at));
    }
    out.push(part);
    previous = part;
  }
  return concat(out);
}
