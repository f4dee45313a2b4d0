/**
 * @module Search snippets: a window of a task's text around its first match, every match inside
 * the window between « and » (the markers are the client's contract: graph-schema/search-snippet.ts).
 */
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../graph-schema/search-snippet.js';

export interface SnippetOptions {
  /** Characters shown before the first match. @default 30 */
  before?: number;
  /** Length of the window. @default 120 */
  length?: number;
}

/**
 * `text` is the original, `folded` its folded form (same length); `terms` are folded.
 * Overlapping matches merge into one highlighted run.
 */
export function makeSnippet(
  text: string,
  folded: string,
  terms: readonly string[],
  { before = 30, length = 120 }: SnippetOptions = {},
): string {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const first = merged[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - before, text.length - length));
  const end = Math.min(text.length, start + length);
  let out = start > 0 ? '…' : '';
  let cursor = start;
  for (const [from, to] of merged) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    out += text.slice(cursor, a) + HIGHLIGHT_OPEN + text.slice(a, b) + HIGHLIGHT_CLOSE;
    cursor = b;
  }
  out += text.slice(cursor, end) + (end < text.length ? '…' : '');
  return out.replace(/\s+/gu, ' ');
}
