import { describe, expect, it } from 'vitest';
import type { CompareRow, TaskTarget } from '../api/queries.js';
import { bestPair, metricRows } from './compare-parts.js';

const target = (id: string, metric: string, value: number): TaskTarget => ({
  id,
  text: `${value}%`,
  metric,
  op: '>=',
  value,
  unit: '%',
  by: null,
});
const task = (id: string, title: string, targets: TaskTarget[], score = 0.5) => ({
  score,
  targets,
  task: { id, key: '1.', title, kind: 'item' as const, policy: { id: 'p' } },
});
type Link = ReturnType<typeof task>;
const row = (linksA: Link[], linksB: Link[]): CompareRow => ({
  nationalItem: { id: 'NI', titleZh: '深化医保支付方式改革', titleEn: '', pillar: '', pillarZh: '', pillarEn: '' },
  linksA,
  linksB,
  leadAgencyTypesA: [],
  leadAgencyTypesB: [],
  targetDifferences: [],
});

describe('metricRows', () => {
  it('puts DRG payment beside payment by disease under one item and leaves an unrelated metric on its own row', () => {
    const a = task('a', '按病种付费', [target('ta', '县级公立医院实施按病种（床日）付费的出院病例数占出院病例数的比例', 70)]);
    const b = task('b', 'DRG付费', [
      target('tb', 'DRG付费的医保基金占全部符合条件住院医保基金支出的比例', 30),
      target('tc', '医用耗材', 70),
    ]);
    const rows = metricRows([row([a], [b])], () => 'item');
    expect(rows.map((entry) => [entry.a?.target.id ?? null, entry.b?.target.id ?? null])).toEqual([
      ['ta', 'tb'],
      [null, 'tc'],
    ]);
  });
});

describe('bestPair', () => {
  it("takes each side's best-linked task, and nothing when a side has none", () => {
    const weak = task('weak', '弱', [], 0.3);
    const strong = task('strong', '强', [], 0.9);
    expect(bestPair(row([weak, strong], [weak]))?.map((picked) => picked.id)).toEqual(['strong', 'weak']);
    expect(bestPair(row([strong], []))).toBeNull();
  });
});
