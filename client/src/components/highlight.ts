/**
 * @module Highlighting without HTML: a snippet's markers are split into text pieces that React
 * renders as text, so document text containing `<script>` or `<b>` shows as typed.
 */
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../../graph-schema/search-snippet.js';

export interface Piece {
  text: string;
  hit: boolean;
}

/** The markers the server wraps matches in (« and »). */
export const SNIPPET_MARKERS: readonly (readonly [string, string])[] = [[HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE]];

/** Splits `snippet` at the markers; an unclosed marker highlights to the end. */
export function splitSnippet(snippet: string, markers = SNIPPET_MARKERS): Piece[] {
  const pair = markers.find(([open]) => snippet.includes(open));
  if (!pair) return snippet ? [{ text: snippet, hit: false }] : [];
  const [open, close] = pair;
  const pieces: Piece[] = [];
  let at = 0;
  while (at < snippet.length) {
    const start = snippet.indexOf(open, at);
    if (start === -1) {
      pieces.push({ text: snippet.slice(at), hit: false });
      break;
    }
    if (start > at) pieces.push({ text: snippet.slice(at, start), hit: false });
    const end = snippet.indexOf(close, start + open.length);
    const stop = end === -1 ? snippet.length : end;
    pieces.push({ text: snippet.slice(start + open.length, stop), hit: true });
    at = end === -1 ? snippet.length : end + close.length;
  }
  return pieces.filter((piece) => piece.text.length > 0);
}

/** Highlights every occurrence of any of `terms` (longest first) in plain `text`. */
export function highlightTerms(text: string, terms: readonly string[]): Piece[] {
  const wanted = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return text ? [{ text, hit: false }] : [];
  const pieces: Piece[] = [];
  let plainFrom = 0;
  let at = 0;
  while (at < text.length) {
    const term = wanted.find((candidate) => text.startsWith(candidate, at));
    if (!term) {
      at += 1;
      continue;
    }
    if (at > plainFrom) pieces.push({ text: text.slice(plainFrom, at), hit: false });
    pieces.push({ text: term, hit: true });
    at += term.length;
    plainFrom = at;
  }
  if (plainFrom < text.length) pieces.push({ text: text.slice(plainFrom), hit: false });
  return pieces;
}
