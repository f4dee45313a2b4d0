import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignTexts, type AlignedPassage } from './align-texts.js';
import { toComparable } from './comparable-text.js';

const lines = (file: string) => readFileSync(file, 'utf8').split('\n');
/** 泗县's item on the emergency-care system (seeds/002), a real provision of 330 characters. */
const provision = lines('seeds/002_c6b286a5770366cf.txt').find((line) => line.startsWith('（四）完善应急医疗救治体系'))!;
const source = provision.slice('（四）'.length, provision.indexOf('（责任单位'));
/** Text of other documents around the copy: 枞阳's plan (seeds/000) and 三明's 2017 notice. */
const before = lines('seeds/000_aa2cf58d52cbffab.txt').slice(6, 9).join('\n') + '\n';
const after = '\n' + lines('tests/fixtures/real/sanming-2017-general-practitioner-workforce-notice.txt').slice(4, 8).join('\n');

function expectTiled(passage: AlignedPassage, a: string, b: string) {
  expect(passage.aText).toBe(a.slice(passage.a.start, passage.a.end));
  expect(passage.bText).toBe(b.slice(passage.b.start, passage.b.end));
  expect(passage.segments.map((segment) => segment.aText).join('')).toBe(passage.aText);
  expect(passage.segments.map((segment) => segment.bText).join('')).toBe(passage.bText);
}

describe('aligning a passage copied with edits', () => {
  // The copy swaps a word, adds a clause, drops one and changes punctuation and line breaks.
  const copy = source
    .replace('加强基础设施建设', '强化基础设施建设')
    .replace('增强重大疫情动员能力，', '增强重大疫情动员能力，各乡镇要结合实际制定应急预案，')
    .replace('强化中西医结合，', '')
    .replace('设立院前急救站，', '设立院前急救站;\n');
  const host = before + copy + after;
  const reuse = alignTexts(source, host);

  it('finds the copy as one passage whose spans are exact in both texts', () => {
    expect(reuse.passages).toHaveLength(1);
    const [passage] = reuse.passages;
    // The provision's last character is 。, which the aligner does not compare: the passage ends before it.
    expect(passage!.a).toEqual({ start: 0, end: source.length - 1 });
    expect(passage!.b).toEqual({ start: before.length, end: before.length + copy.length - 1 });
    expectTiled(passage!, source, host);
  });

  it('marks the changed, inserted and deleted wording and leaves the rest the same', () => {
    const edits = reuse.passages[0]!.segments.filter((segment) => segment.kind !== 'same');
    expect(edits.map((segment) => segment.kind)).toEqual(['changed', 'inserted', 'deleted']);
    expect(edits[0]).toMatchObject({ aText: '加强', bText: '强化' });
    expect(edits[1]!.bText).toContain('各乡镇要结合实际制定应急预案');
    expect(edits[2]!.aText).toContain('强化中西医结合');
    expect(reuse.passages[0]!.identity).toBeGreaterThan(0.85);
    expect(reuse.passages[0]!.identity).toBeLessThan(1);
  });

  it('gives the reuse share of each text', () => {
    expect(reuse.shareA).toBeGreaterThan(0.97);
    const comparableHost = toComparable(host).chars.length;
    const comparableCopy = toComparable(copy).chars.length;
    expect(reuse.shareB).toBeCloseTo(comparableCopy / comparableHost, 1);
  });
});

describe('aligning text that was not copied', () => {
  it('finds nothing between two unrelated provisions of different documents', () => {
    const other = lines('tests/fixtures/real/sanming-2021-medical-insurance-fund-supervision-opinions.txt').slice(10, 30).join('\n');
    const reuse = alignTexts(source, other);
    expect(reuse.passages).toEqual([]);
    expect(reuse.shareA).toBe(0);
  });

  it('finds nothing between two whole plans of different counties beyond shared stock phrases', () => {
    const reuse = alignTexts(
      readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8'),
      readFileSync('tests/fixtures/real/sanming-2017-medical-consumables-rectification-plan.txt', 'utf8'),
    );
    expect(reuse.shareA).toBeLessThan(0.02);
    for (const passage of reuse.passages) expect(passage.score).toBeLessThan(60);
  });
});

describe('comparing wording, not punctuation', () => {
  it('aligns two copies differing only in punctuation, spaces and full-width digits as the same', () => {
    const a = '到2025年，家庭医生签约服务覆盖率达到45%以上。';
    const b = '到２０２５年  家庭医生签约服务覆盖率达到４５％以上；';
    const [passage] = alignTexts(a, b, { minScore: 10 }).passages;
    expect(passage!.identity).toBe(1);
    expect(passage!.segments.map((segment) => segment.kind)).toEqual(['same']);
    expect(passage!.aText).toBe('到2025年，家庭医生签约服务覆盖率达到45%以上');
    expect(passage!.bText).toBe('到２０２５年  家庭医生签约服务覆盖率达到４５％以上');
  });

  it('finds a whole document in a copy of itself with a paragraph inserted', () => {
    const plan = readFileSync('seeds/001_8b093ff0cb75f7ca.txt', 'utf8');
    const middle = plan.indexOf('\n', plan.length >> 1);
    const copy = plan.slice(0, middle) + '\n各县（区）可结合本地实际增加工作措施并报市医改办备案。' + plan.slice(middle);
    const reuse = alignTexts(plan, copy);
    expect(reuse.shareA).toBeGreaterThan(0.99);
    for (const passage of reuse.passages) expectTiled(passage, plan, copy);
  });
});
