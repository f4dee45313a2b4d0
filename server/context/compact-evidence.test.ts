import { describe, expect, it } from 'vitest';
import { evidenceSpansOf, isEvidenceSpans, spansOfEvidence, withEvidenceSpans } from './compact-evidence.js';

const taskText = '推进按疾病诊断相关分组付费改革，开展DRG付费试点。';
const itemText = '深化医保支付方式改革，推行DRG付费。';
/** Written as the linker writes it (JSON.stringify of LinkEvidence objects), by hand here. */
const stored =
  '[{"localText":"DRG付费","localSpan":{"start":18,"end":23},"nationalText":"DRG付费","nationalSpan":{"start":13,"end":18}},' +
  '{"localText":"付费","localSpan":{"start":11,"end":13},"nationalText":"支付","nationalSpan":{"start":4,"end":6}}]';
const row = { fromId: 't-1', toId: 'N-PAY', score: 0.8, method: 'phrase', kind: 'adapted', evidence: stored, curated: false };

describe('link evidence kept as offsets', () => {
  it('finds the offsets of stored evidence and gives the stored string back from them', () => {
    const spans = spansOfEvidence(stored, taskText, itemText);
    expect(spans).toEqual([18, 23, 13, 18, 11, 13, 4, 6]);
    const compact = withEvidenceSpans(row, taskText, itemText, spans ?? []);
    expect(compact.evidence).toBe(stored);
    expect(evidenceSpansOf(compact)).toEqual(spans);
  });

  it('keeps the row as the database gives it: keys in order, spreads and JSON alike', () => {
    const compact = withEvidenceSpans(row, taskText, itemText, spansOfEvidence(stored, taskText, itemText) ?? []);
    expect(Object.keys(compact)).toEqual(Object.keys(row));
    expect({ ...compact }).toEqual(row);
    expect(JSON.stringify(compact)).toBe(JSON.stringify(row));
    expect(evidenceSpansOf({ ...compact })).toBeNull();
  });

  it('gives no offsets when a phrase is not the text at its span, or the JSON is written otherwise', () => {
    expect(spansOfEvidence(stored.replace('"支付"', '"付费"'), taskText, itemText)).toBeNull();
    expect(spansOfEvidence(stored.replace('{"localText":"付费",', '{ "localText":"付费",'), taskText, itemText)).toBeNull();
    expect(spansOfEvidence(stored, taskText, itemText.slice(0, 10))).toBeNull();
    expect(spansOfEvidence('[{"localText":"DRG付费"}]', taskText, itemText)).toBeNull();
    expect(spansOfEvidence('not json', taskText, itemText)).toBeNull();
    expect(spansOfEvidence('[]', taskText, itemText)).toEqual([]);
  });

  it('accepts four non-negative integers per phrase as offsets read back from a file', () => {
    expect(isEvidenceSpans([1, 2, 3, 4])).toBe(true);
    expect(isEvidenceSpans([])).toBe(true);
    expect(isEvidenceSpans([1, 2, 3])).toBe(false);
    expect(isEvidenceSpans([1, 2, 3, -4])).toBe(false);
    expect(isEvidenceSpans([1, 2, 3, '4'])).toBe(false);
    expect(isEvidenceSpans('[1,2,3,4]')).toBe(false);
  });
});
