/**
 * @module A policy's source text laid out as the document shows it, without changing a character offset:
 * each line a paragraph, consecutive lines holding tabs a table (a tab separates the cells of a row, as
 * a spreadsheet or a Word table pasted as text prints them), and HTML paragraph tags left in a cell by the
 * document's converter (`<p>①…</p> <p>②…</p>`) read as line breaks, never shown. Every visible piece is a
 * range of the original text, so spans and evidence offsets highlight exactly where they point.
 */

export interface TextRange {
  start: number;
  end: number;
}

export type SourceBlock =
  | { kind: 'paragraph'; pieces: TextRange[] }
  /** rows → cells → the cell's paragraphs */
  | { kind: 'table'; rows: TextRange[][][] };

/** `<p>`, `</p>` and `<br>` as converters leave them in text; any other markup stays visible text. */
const PARAGRAPH_TAG = /<\/?p\s*>|<br\s*\/?>/gi;

/** The parts of text[start, end) between paragraph tags, without their surrounding white space. */
export function visiblePieces(text: string, start: number, end: number): TextRange[] {
  const pieces: TextRange[] = [];
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text.charAt(from))) from += 1;
    while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
    if (to > from) pieces.push({ start: from, end: to });
  };
  const slice = text.slice(start, end);
  let at = 0;
  for (const match of slice.matchAll(PARAGRAPH_TAG)) {
    push(start + at, start + match.index);
    at = match.index + match[0].length;
  }
  push(start + at, end);
  return pieces;
}

export function layoutSource(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let table: TextRange[][][] | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const contentEnd = text.charAt(lineEnd - 1) === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    if (line.includes('\t')) {
      const row: TextRange[][] = [];
      let cellStart = lineStart;
      for (const cell of line.split('\t')) {
        row.push(visiblePieces(text, cellStart, cellStart + cell.length));
        cellStart += cell.length + 1;
      }
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push(row);
    } else {
      table = null;
      const pieces = visiblePieces(text, lineStart, contentEnd);
      if (pieces.length > 0) blocks.push({ kind: 'paragraph', pieces });
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

export interface Marked {
  start: number;
  end: number;
  /** Names of the marks covering this run, e.g. ['span', 'evidence']; empty for plain text. */
  marks: string[];
}

/** Cuts a range at the borders of the marks that overlap it. */
export function cutAtMarks(range: TextRange, marks: readonly (TextRange & { name: string })[]): Marked[] {
  const borders = new Set([range.start, range.end]);
  for (const mark of marks) {
    if (mark.start > range.start && mark.start < range.end) borders.add(mark.start);
    if (mark.end > range.start && mark.end < range.end) borders.add(mark.end);
  }
  const sorted = [...borders].sort((a, b) => a - b);
  const runs: Marked[] = [];
  for (let index = 0; index + 1 < sorted.length; index += 1) {
    const start = sorted[index] ?? 0;
    const end = sorted[index + 1] ?? 0;
    const names = [...new Set(marks.filter((mark) => mark.start <= start && mark.end >= end).map((mark) => mark.name))];
    runs.push({ start, end, marks: names });
  }
  return runs;
}
