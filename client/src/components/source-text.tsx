/**
 * @module A policy's source text as the document shows it (paragraphs, tables), with the task's span and the
 * evidence words highlighted and the span scrolled into view inside the box. Text, never HTML.
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { cutAtMarks, layoutSource, type TextRange } from './source-layout.js';

export type SourceMark = TextRange & { name: 'span' | 'evidence' };

function Run({ text, range, marks }: { text: string; range: TextRange; marks: readonly SourceMark[] }) {
  return (
    <>
      {cutAtMarks(range, marks).map((run) => {
        const content = text.slice(run.start, run.end);
        if (run.marks.length === 0) return <Fragment key={run.start}>{content}</Fragment>;
        const inSpan = run.marks.includes('span');
        return (
          <mark
            key={run.start}
            className={run.marks.join(' ')}
            {...(inSpan ? { 'data-testid': 'source-span' } : { 'data-testid': 'source-evidence' })}
          >
            {content}
          </mark>
        );
      })}
    </>
  );
}

export function SourceText({ text, marks, label }: { text: string; marks: readonly SourceMark[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => layoutSource(text), [text]);
  const first = marks.find((mark) => mark.name === 'span')?.start;
  useEffect(() => {
    // Scroll only the text box (scrollIntoView would also scroll the panel away from the task's facts).
    const container = box.current;
    const mark = container?.querySelector('[data-testid=source-span]');
    if (!container || !mark) return;
    container.scrollTop += mark.getBoundingClientRect().top - container.getBoundingClientRect().top - container.clientHeight / 4;
  }, [text, first]);
  return (
    <div className="source-text" data-testid="source-text" tabIndex={0} ref={box} role="document" aria-label={label}>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            {block.pieces.map((piece, at) => (
              <Fragment key={piece.start}>
                {at > 0 && <br />}
                <Run text={text} range={piece} marks={marks} />
              </Fragment>
            ))}
          </p>
        ) : (
          <div key={index} className="source-table-wrap">
            <table className="source-table">
              <tbody>
                {block.rows.map((row, rowIndex) => (
                  <tr key={rowIndex}>
                    {row.map((cell, cellIndex) => (
                      <td key={cellIndex}>
                        {cell.map((piece) => (
                          <p key={piece.start}>
                            <Run text={text} range={piece} marks={marks} />
                          </p>
                        ))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </div>
  );
}

/**
 * Where each piece of evidence sits in the policy text: its offsets in the task's text moved by the task's
 * span when the characters agree, else the first occurrence of its words inside the span.
 */
export function evidenceMarks(
  policyText: string,
  span: TextRange,
  evidence: readonly { localText: string; localSpan: TextRange }[],
): SourceMark[] {
  const marks: SourceMark[] = [];
  for (const piece of evidence) {
    if (!piece.localText) continue;
    const moved = { start: span.start + piece.localSpan.start, end: span.start + piece.localSpan.end };
    if (policyText.slice(moved.start, moved.end) === piece.localText) {
      marks.push({ ...moved, name: 'evidence' });
      continue;
    }
    const found = policyText.indexOf(piece.localText, span.start);
    if (found !== -1 && found + piece.localText.length <= span.end)
      marks.push({ start: found, end: found + piece.localText.length, name: 'evidence' });
  }
  return marks;
}
