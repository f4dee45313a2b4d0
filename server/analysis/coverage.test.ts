import { describe, expect, it } from 'vitest';
import { buildCoverageCells, compareCells, differingTargets, rankLeadTypes } from './coverage.js';

describe('buildCoverageCells', () => {
  it('gives every (item, jurisdiction) pair a cell and counts a task once however often it is listed', () => {
    const cells = buildCoverageCells(['N1', 'N2'], ['A', 'B'], [
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' },
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' },
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't2' },
      { nationalItemId: 'N2', jurisdictionId: 'B', taskId: 't3' },
    ]);
    expect(cells).toEqual([
      { nationalItemId: 'N1', jurisdictionId: 'A', taskCount: 2, taskIds: ['t1', 't2'] },
      { nationalItemId: 'N1', jurisdictionId: 'B', taskCount: 0, taskIds: [] },
      { nationalItemId: 'N2', jurisdictionId: 'A', taskCount: 0, taskIds: [] },
      { nationalItemId: 'N2', jurisdictionId: 'B', taskCount: 1, taskIds: ['t3'] },
    ]);
  });
});

describe('compareCells', () => {
  it('puts an item in shared, onlyA or onlyB by which side has tasks, and leaves out items neither covers', () => {
    const cells = buildCoverageCells(['N1', 'N2', 'N3', 'N4'], ['A', 'B'], [
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 'a1' },
      { nationalItemId: 'N1', jurisdictionId: 'B', taskId: 'b1' },
      { nationalItemId: 'N2', jurisdictionId: 'A', taskId: 'a2' },
      { nationalItemId: 'N3', jurisdictionId: 'B', taskId: 'b3' },
    ]);
    expect(compareCells(cells, 'A', 'B')).toEqual({
      shared: [{ nationalItemId: 'N1', taskIdsA: ['a1'], taskIdsB: ['b1'] }],
      onlyA: [{ nationalItemId: 'N2', taskIdsA: ['a2'], taskIdsB: [] }],
      onlyB: [{ nationalItemId: 'N3', taskIdsA: [], taskIdsB: ['b3'] }],
    });
  });
});

describe('differingTargets', () => {
  const t = (metric: string | null, value: number | null, unit = '%', op = '>=') => ({ metric, value, unit, op });

  it('reports a metric both sides quantify with different figures', () => {
    expect(differingTargets([t('DRG付费占比', 30)], [t('DRG 付费占比', 50)])).toEqual([
      { metric: 'DRG付费占比', targetsA: [t('DRG付费占比', 30)], targetsB: [t('DRG 付费占比', 50)] },
    ]);
  });

  it('treats a metric named inside a longer one as the same metric', () => {
    expect(differingTargets([t('按DRG付费占比', 30)], [t('DRG付费占比', 50)])).toHaveLength(1);
  });

  it('says nothing when the figures agree, the metrics differ, or one side has no number', () => {
    expect(differingTargets([t('DRG付费占比', 30)], [t('DRG付费占比', 30)])).toEqual([]);
    expect(differingTargets([t('家庭医生签约率', 30)], [t('DRG付费占比', 50)])).toEqual([]);
    expect(differingTargets([t('DRG付费占比', null)], [t('DRG付费占比', 50)])).toEqual([]);
    expect(differingTargets([t('率', 30)], [t('签约率', 50)])).toEqual([]);
  });
});

describe('rankLeadTypes', () => {
  it('lists the agency types of lead roles only, most frequent first', () => {
    expect(
      rankLeadTypes([
        [{ role: 'lead', agencyType: 'HEALTH' }, { role: 'support', agencyType: 'FINANCE' }],
        [{ role: 'lead', agencyType: 'MEDICAL_INSURANCE' }, { role: 'responsible', agencyType: 'EDUCATION' }],
        [{ role: 'lead', agencyType: 'MEDICAL_INSURANCE' }],
      ]),
    ).toEqual(['MEDICAL_INSURANCE', 'HEALTH']);
  });

  it('takes the bodies a task names responsible where it marks no lead', () => {
    expect(
      rankLeadTypes([
        [{ role: 'responsible', agencyType: 'HEALTH' }, { role: 'responsible', agencyType: 'FINANCE' }],
        [{ role: 'support', agencyType: 'EDUCATION' }],
      ]),
    ).toEqual(['HEALTH', 'FINANCE']);
  });
});
