/**
 * @module A policy's source text cut into the parts the store keeps it in (PolicyTextPart, see
 * graph-schema/model.ts), and put back together.
 */
import type { EdgeRow, NodeRow } from './model.js';

/**
 * UTF-16 code units per part. A Kuzu commit rewrites the last chunk (131,072 rows) of a table it
 * appends to, and pays for each row: with 256 units (at most 768 bytes of UTF-8) the chunk stays
 * under 100 MB, and a batch of 500 documents adds about 16,000 rows. On a store of 20,000
 * documents such a batch's parts committed in 0.6–1.4 s (half of it the chunk), against 1.6–2.1 s
 * for parts of 64 units.
 */
export const TEXT_PART_LENGTH = 256;

export function textPartIdOf(policyId: string, seq: number): string {
  return `${policyId}#text${seq}`;
}

/** The text in consecutive parts; a part never ends inside a surrogate pair, so each part is well-formed UTF-16. */
export function textPartsOf(policyId: string, text: string | null): TextParts {
  const parts: NodeRow<'PolicyTextPart'>[] = [];
  const whole = text ?? '';
  for (let start = 0; start < whole.length;) {
    let end = Math.min(start + TEXT_PART_LENGTH, whole.length);
    if (end < whole.length && isHighSurrogate(whole.charCodeAt(end - 1))) end -= 1;
    parts.push({ id: textPartIdOf(policyId, parts.length), seq: parts.length, text: whole.slice(start, end) });
    start = end;
  }
  return { parts, edges: parts.map((part) => ({ from: policyId, to: part.id })) };
}

export interface TextParts {
  parts: NodeRow<'PolicyTextPart'>[];
  edges: EdgeRow<'HAS_TEXT_PART'>[];
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The text of parts read in order of their seq; null when there are none (a stub). */
export function textOfParts(parts: readonly { text: string }[]): string | null {
  return parts.length === 0 ? null : parts.map((part) => part.text).join('');
}
