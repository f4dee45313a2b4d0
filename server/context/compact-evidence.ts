/**
 * @module Link evidence kept as offsets, for a store written before evidence was stored as spans
 * (graph-schema/evidence-spans.ts), whose links hold the phrases' texts too. Each phrase of a
 * link's evidence (graph-schema/payloads.ts) is a span of the task's text and a span of the other
 * side's text (the national item's, or the parent task's for a derivation) with the text of each
 * span, stored by that code as one JSON string: most of the kept rows' characters (212 M on a
 * national store). A kept link row holds the spans' offsets and the two texts (the kept task and
 * national item rows' own strings, not copies) and makes the stored string again each time it is
 * read. A row is kept so only when the string made from its offsets is the stored one, character
 * for character; any other keeps its string.
 */
import { evidenceOfSpans, type EvidenceSpans } from '../../graph-schema/evidence-spans.js';

export type { EvidenceSpans } from '../../graph-schema/evidence-spans.js';

/** The two texts, then the offsets: one array per row. */
type Packed = readonly [localText: string, otherText: string, ...spans: number[]];

const PACKED = Symbol('evidence spans and texts');

interface PackedRow {
  readonly [PACKED]: Packed;
}

function isOffset(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function spanOf(value: unknown): [number, number] | null {
  const span = value as { start?: unknown; end?: unknown } | null;
  return typeof span === 'object' && span !== null && isOffset(span.start) && isOffset(span.end) ? [span.start, span.end] : null;
}

/**
 * The offsets of stored evidence into the task's text and the other side's, when the string made
 * from them is `evidence` itself; null when it is not (another shape, a span off its text).
 */
export function spansOfEvidence(evidence: string, localText: string, otherText: string): number[] | null {
  let phrases: unknown;
  try {
    phrases = JSON.parse(evidence);
  } catch {
    return null;
  }
  if (!Array.isArray(phrases)) return null;
  const spans: number[] = [];
  for (const phrase of phrases as unknown[]) {
    if (typeof phrase !== 'object' || phrase === null) return null;
    const { localSpan, nationalSpan } = phrase as { localSpan?: unknown; nationalSpan?: unknown };
    const local = spanOf(localSpan);
    const other = spanOf(nationalSpan);
    if (!local || !other) return null;
    spans.push(...local, ...other);
  }
  return evidenceOfSpans(localText, otherText, spans) === evidence ? spans : null;
}

function evidenceOfRow(this: PackedRow): string {
  const packed = this[PACKED];
  return evidenceOfSpans(packed[0], packed[1], packed as unknown as EvidenceSpans, 2);
}

/** One descriptor for every row: rows then share their hidden class. */
const EVIDENCE_PROPERTY: PropertyDescriptor = { get: evidenceOfRow, enumerable: true, configurable: false };

/**
 * A copy of the link row whose `evidence` is made from the offsets when read: the same keys in the
 * same order, so that spreads, Object.keys and JSON see the row the database gives.
 */
export function withEvidenceSpans<Row extends object>(row: Row, localText: string, otherText: string, spans: EvidenceSpans): Row {
  const compact: Record<string, unknown> = {};
  // for…in allocates nothing per row (Object.entries would, for hundreds of thousands of rows); rows are plain objects.
  for (const key in row) {
    if (key === 'evidence') Object.defineProperty(compact, key, EVIDENCE_PROPERTY);
    else compact[key] = (row as Record<string, unknown>)[key];
  }
  Object.defineProperty(compact, PACKED, { value: [localText, otherText, ...spans] satisfies Packed });
  return compact as Row;
}

/**
 * Row `at` of a kept file's columns as withEvidenceSpans makes it, its evidence from `spans` (the
 * evidence column's value): made at once, without a plain row first (hundreds of thousands of links
 * on a national store).
 */
export function linkRowFromColumns(
  columns: readonly string[],
  values: readonly (readonly unknown[])[],
  at: number,
  texts: { localText: string; otherText: string; spans: EvidenceSpans },
): object {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i] as string;
    if (column === 'evidence') Object.defineProperty(row, column, EVIDENCE_PROPERTY);
    else row[column] = (values[i] as readonly unknown[])[at];
  }
  Object.defineProperty(row, PACKED, { value: [texts.localText, texts.otherText, ...texts.spans] satisfies Packed });
  return row;
}

/** The offsets a row made by withEvidenceSpans keeps (to persist them); null for any other row. */
export function evidenceSpansOf(row: object): EvidenceSpans | null {
  const packed = (row as Partial<PackedRow>)[PACKED];
  return packed ? (packed.slice(2) as number[]) : null;
}

/** Whether `value` can be evidence offsets read back from a file: four non-negative integers per phrase. */
export function isEvidenceSpans(value: unknown): value is EvidenceSpans {
  return Array.isArray(value) && value.length % 4 === 0 && value.every(isOffset);
}

/** Whether `value` is offsets of phrases within the two texts (each phrase: local start and end, then the other side's). */
export function spansFit(value: unknown, localText: string, otherText: string): value is EvidenceSpans {
  if (!isEvidenceSpans(value)) return false;
  for (let at = 0; at < value.length; at += 4) {
    const [localStart, localEnd, otherStart, otherEnd] = value.slice(at, at + 4) as [number, number, number, number];
    if (localStart > localEnd || localEnd > localText.length || otherStart > otherEnd || otherEnd > otherText.length) return false;
  }
  return true;
}

/** The texts of rows with `id` and `text` by id (tasks, national items). */
export function textsById(rows: readonly object[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const row of rows as readonly { id: string; text?: unknown }[]) if (typeof row.text === 'string') texts.set(row.id, row.text);
  return texts;
}
