/** @module Lines of the normalised text with their offsets, and the line shapes segment reasons about. */

export interface Line {
  index: number;
  text: string;
  start: number;
  end: number;
}

export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    lines.push({ index, text: line, start, end: start + line.length });
    start += line.length + 1;
  });
  return lines;
}

export const isTableRow = (line: Line) => line.text.includes('\t');

export { DATE_LINE, DRAFT_MARK, END_MATTER, SIGNATURE_LINE } from '../conventions.js';
