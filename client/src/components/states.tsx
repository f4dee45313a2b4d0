/**
 * @module Loading, empty and error states shared by every view.
 */
import type { ReactNode } from 'react';
import { useT } from '../i18n.js';
import { splitSnippet, highlightTerms, type Piece } from './highlight.js';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const t = useT();
  return <div className="state state-empty">{children ?? t('empty')}</div>;
}

export function ErrorNotice({ error }: { error: Error }) {
  const t = useT();
  return (
    <div className="state state-error" role="alert">
      <strong>{t('error')}:</strong> {error.message}
    </div>
  );
}

export function Pieces({ pieces }: { pieces: Piece[] }) {
  return <>{pieces.map((piece, index) => (piece.hit ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>))}</>;
}

/** A server snippet with its markers turned into <mark>; falls back to highlighting the query terms. */
export function Snippet({ snippet, terms }: { snippet: string; terms: readonly string[] }) {
  const pieces = splitSnippet(snippet);
  const hasHit = pieces.some((piece) => piece.hit);
  return <Pieces pieces={hasHit ? pieces : highlightTerms(snippet, terms)} />;
}
