/**
 * @module An instrument's evidence as readable pieces: each clause the evidence stands in, once, with the
 * evidence words marked (overlapping evidence spans merged), in text order.
 */
import type { Span } from '../api/queries.js';
import type { Piece } from './highlight.js';

export interface EvidenceSpan {
  span: Span;
  clause: Span;
}

export function evidenceClauses(text: string, evidence: readonly EvidenceSpan[]): Piece[][] {
  const clauses = new Map<string, { clause: Span; spans: Span[] }>();
  for (const { span, clause } of evidence) {
    const key = `${clause.start}:${clause.end}`;
    const entry = clauses.get(key) ?? { clause, spans: [] };
    entry.spans.push(span);
    clauses.set(key, entry);
  }
  return [...clauses.values()]
    .sort((a, b) => a.clause.start - b.clause.start)
    .map(({ clause, spans }) => {
      const merged: Span[] = [];
      for (const span of [...spans].sort((a, b) => a.start - b.start)) {
        const last = merged[merged.length - 1];
        if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
        else merged.push({ start: Math.max(span.start, clause.start), end: Math.min(span.end, clause.end) });
      }
      const pieces: Piece[] = [];
      let at = clause.start;
      for (const span of merged) {
        if (span.start > at) pieces.push({ text: text.slice(at, span.start), hit: false });
        if (span.end > span.start) pieces.push({ text: text.slice(span.start, span.end), hit: true });
        at = Math.max(at, span.end);
      }
      if (at < clause.end) pieces.push({ text: text.slice(at, clause.end), hit: false });
      return pieces;
    });
}
