/**
 * @module Two aligned passages side by side, source (side a) and target (side b), their segments marked:
 * the same wording, changed wording, wording only in the source (struck out) and only in the target.
 */
import type { AlignedPassage as Passage, SegmentKind } from '../api/analyses-queries.js';
import { useT } from '../i18n.js';

const CLASS_OF: Record<SegmentKind, string> = {
  SAME: 'seg-same',
  CHANGED: 'seg-changed',
  INSERTED: 'seg-inserted',
  DELETED: 'seg-deleted',
};

/** One side's text from the segments; a segment with no text on this side leaves nothing. */
function Side({ passage, side }: { passage: Passage; side: 'a' | 'b' }) {
  return (
    <>
      {passage.segments.map((segment, index) => {
        const text = side === 'a' ? segment.textA : segment.textB;
        if (!text) return null;
        const className = CLASS_OF[segment.kind];
        if (segment.kind === 'DELETED')
          return (
            <del key={index} className={className}>
              {text}
            </del>
          );
        if (segment.kind === 'INSERTED')
          return (
            <ins key={index} className={className}>
              {text}
            </ins>
          );
        return (
          <mark key={index} className={className} data-kind={segment.kind}>
            {text}
          </mark>
        );
      })}
    </>
  );
}

export function AlignedPassage({
  passage,
  labelA,
  labelB,
  contextB,
}: {
  passage: Passage;
  labelA: string;
  labelB: string;
  /** The whole text side b stands in, shown around the passage (a task's text). */
  contextB?: string;
}) {
  const before = contextB ? contextB.slice(0, passage.spanB.start) : '';
  const after = contextB ? contextB.slice(passage.spanB.end) : '';
  return (
    <div className="aligned-passage" data-testid="aligned-passage">
      <div className="aligned-side" data-testid="aligned-a">
        <div className="aligned-label">{labelA}</div>
        <p>
          <Side passage={passage} side="a" />
        </p>
      </div>
      <div className="aligned-side" data-testid="aligned-b">
        <div className="aligned-label">{labelB}</div>
        <p>
          {before && <span className="muted">{before}</span>}
          <Side passage={passage} side="b" />
          {after && <span className="muted">{after}</span>}
        </p>
      </div>
    </div>
  );
}

export function AlignmentLegend({ documents = false }: { documents?: boolean }) {
  const t = useT();
  return <p className="muted small alignment-legend">{t(documents ? 'documentAlignmentLegend' : 'alignmentLegend')}</p>;
}

/** 0.1234 → "12%", 0.0054 → "0.5%": small shares keep a decimal so they do not read as 0 or 1. */
export const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
