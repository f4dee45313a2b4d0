import { describe, expect, it } from 'vitest';
import {
  buildCoverageCells,
  compareCells,
  consideredPolicies,
  countedTriples,
  differingTargets,
  rankLeadTypes,
  withColumnsReplaced,
} from './coverage.js';

describe('buildCoverageCells', () => {
  it('gives every (item, jurisdiction) pair a cell and counts a task once however often it is listed', () => {
    const cells = buildCoverageCells(
      ['N1', 'N2'],
      ['A', 'B'],
      [
        { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' },
        { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' },
        { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't2' },
        { nationalItemId: 'N2', jurisdictionId: 'B', taskId: 't3' },
      ],
    );
    expect(cells).toEqual([
      {
        nationalItemId: 'N1',
        jurisdictionId: 'A',
        taskCount: 2,
        taskIds: ['t1', 't2'],
        possibleTaskIds: [],
        documentIds: [],
        status: 'COVERED',
      },
      { nationalItemId: 'N1', jurisdictionId: 'B', taskCount: 0, taskIds: [], possibleTaskIds: [], documentIds: [], status: 'GAP' },
      { nationalItemId: 'N2', jurisdictionId: 'A', taskCount: 0, taskIds: [], possibleTaskIds: [], documentIds: [], status: 'GAP' },
      { nationalItemId: 'N2', jurisdictionId: 'B', taskCount: 1, taskIds: ['t3'], possibleTaskIds: [], documentIds: [], status: 'COVERED' },
    ]);
  });

  it('counts without keeping ids when asked, a task listed twice in a row counted once, as the reads order triples', () => {
    const triples = [
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' },
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' },
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't2' },
      { nationalItemId: 'N2', jurisdictionId: 'A', taskId: 't2' },
      { nationalItemId: 'N2', jurisdictionId: 'B', taskId: 't3' },
    ];
    const kept = buildCoverageCells(['N1', 'N2'], ['A', 'B'], triples);
    const counted = buildCoverageCells(['N1', 'N2'], ['A', 'B'], triples, undefined, [], [], { taskIds: false });
    expect(counted.map((cell) => cell.taskIds)).toEqual([null, null, null, null]);
    expect(counted.map((cell) => [cell.taskCount, cell.status])).toEqual(kept.map((cell) => [cell.taskCount, cell.status]));
    expect(counted.map((cell) => cell.taskCount)).toEqual([2, 0, 1, 1]);
  });

  it('marks possible a cell no task covers that a possible link names, and leaves a covered cell covered whatever names it', () => {
    const cells = buildCoverageCells(
      ['N1', 'N2'],
      ['A', 'B'],
      [{ nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' }],
      new Set(['A']),
      [],
      [
        { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't2' },
        { nationalItemId: 'N2', jurisdictionId: 'A', taskId: 't2' },
        { nationalItemId: 'N2', jurisdictionId: 'A', taskId: 't3' },
        { nationalItemId: 'N2', jurisdictionId: 'A', taskId: 't2' },
        // A jurisdiction without a document has nothing to say, possible or not.
        { nationalItemId: 'N2', jurisdictionId: 'B', taskId: 't9' },
      ],
    );
    expect(cells.map((cell) => `${cell.nationalItemId}/${cell.jurisdictionId}:${cell.status}:${cell.possibleTaskIds.join('+')}`)).toEqual([
      'N1/A:COVERED:',
      'N1/B:NO_DOCUMENT:',
      'N2/A:POSSIBLE:t2+t3',
      'N2/B:NO_DOCUMENT:',
    ]);
  });

  it('marks every cell of a jurisdiction without a document NO_DOCUMENT, not a gap', () => {
    const cells = buildCoverageCells(
      ['N1', 'N2'],
      ['A', 'B'],
      [{ nationalItemId: 'N1', jurisdictionId: 'A', taskId: 't1' }],
      new Set(['A']),
    );
    expect(cells.map((cell) => `${cell.nationalItemId}/${cell.jurisdictionId}:${cell.status}`)).toEqual([
      'N1/A:COVERED',
      'N1/B:NO_DOCUMENT',
      'N2/A:GAP',
      'N2/B:NO_DOCUMENT',
    ]);
  });
});

describe('withColumnsReplaced', () => {
  it('gives the matrix a build of every column gives when the columns of the jurisdictions changed are built again', () => {
    const items = ['N1', 'N2', 'N3'];
    const jurisdictions = ['A', 'B', 'C', 'D'];
    const before = [
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 'a1' },
      { nationalItemId: 'N2', jurisdictionId: 'B', taskId: 'b1' },
      { nationalItemId: 'N3', jurisdictionId: 'D', taskId: 'd1' },
    ];
    // B's task now addresses N3, not N2, and D's document is gone: B and D changed.
    const after = [
      { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 'a1' },
      { nationalItemId: 'N3', jurisdictionId: 'B', taskId: 'b1' },
    ];
    const documentedAfter = new Set(['A', 'B', 'C']);
    const changed = ['D', 'B'];
    const columns = buildCoverageCells(
      items,
      changed,
      after.filter((triple) => changed.includes(triple.jurisdictionId)),
      documentedAfter,
    );
    const updated = withColumnsReplaced(buildCoverageCells(items, jurisdictions, before), jurisdictions, changed, columns);
    expect(updated).toEqual(buildCoverageCells(items, jurisdictions, after, documentedAfter));
  });
});

describe('a document addressing an item by its title', () => {
  it('covers the cell with no task of its own, and compare counts it as covered', () => {
    const cells = buildCoverageCells(
      ['N1', 'N2'],
      ['A', 'B'],
      [{ nationalItemId: 'N2', jurisdictionId: 'B', taskId: 'b1' }],
      new Set(['A', 'B']),
      [{ nationalItemId: 'N1', jurisdictionId: 'A', policyId: 'promote-sanming' }],
    );
    expect(cells[0]).toEqual({
      nationalItemId: 'N1',
      jurisdictionId: 'A',
      taskCount: 0,
      taskIds: [],
      possibleTaskIds: [],
      documentIds: ['promote-sanming'],
      status: 'COVERED',
    });
    expect(compareCells(cells, 'A', 'B')).toEqual({
      shared: [],
      onlyA: [{ nationalItemId: 'N1', taskIdsA: [], taskIdsB: [] }],
      onlyB: [{ nationalItemId: 'N2', taskIdsA: [], taskIdsB: ['b1'] }],
    });
  });
});

describe('consideredPolicies', () => {
  const policy = (
    id: string,
    jurisdictionId: string,
    issuedOn: string | null,
    coversFrom: number | null = null,
    coversTo = coversFrom,
    stub = false,
  ) => ({ id, jurisdictionId, issuedOn, coversFrom, coversTo, stub });
  const policies = [
    policy('plan-2021-22', 'A', '2021-03-01', 2021, 2022),
    policy('notice-2017', 'A', '2017-06-21'),
    policy('undated', 'A', null),
    policy('stub', 'A', '2020-01-01', null, null, true),
    policy('b-2024', 'B', '2024-06-27', 2024),
    policy('other', 'C', '2022-01-01'),
  ];
  const ids = (map: Map<string, { id: string }[]>) => Object.fromEntries([...map].map(([j, list]) => [j, list.map((p) => p.id)]));

  it('without a period takes every loaded document of the jurisdictions asked for, never a citation stub', () => {
    expect(ids(consideredPolicies(policies, ['A', 'B']))).toEqual({ A: ['plan-2021-22', 'notice-2017', 'undated'], B: ['b-2024'] });
  });

  it('with a period takes the documents in force in a year of it: the years a plan covers, else its issue year', () => {
    expect(ids(consideredPolicies(policies, ['A', 'B'], { from: 2022, to: 2023 }))).toEqual({ A: ['plan-2021-22'], B: [] });
    expect(ids(consideredPolicies(policies, ['A', 'B'], { to: 2018 }))).toEqual({ A: ['notice-2017'], B: [] });
    expect(ids(consideredPolicies(policies, ['A', 'B'], { from: 2024 }))).toEqual({ A: [], B: ['b-2024'] });
  });
});

describe('countedTriples', () => {
  it('counts items and measures of the considered documents, not section headings', () => {
    const triple = (taskId: string, kind: 'section' | 'item' | 'measure', policyId = 'p1') => ({
      nationalItemId: 'N1',
      jurisdictionId: 'A',
      taskId,
      policyId,
      kind,
    });
    const counted = countedTriples(
      [triple('s', 'section'), triple('i', 'item'), triple('m', 'measure'), triple('x', 'item', 'p2')],
      new Set(['p1']),
    );
    expect(counted.map((t) => t.taskId)).toEqual(['i', 'm']);
  });
});

describe('compareCells', () => {
  it('puts an item in shared, onlyA or onlyB by which side has tasks, and leaves out items neither covers', () => {
    const cells = buildCoverageCells(
      ['N1', 'N2', 'N3', 'N4'],
      ['A', 'B'],
      [
        { nationalItemId: 'N1', jurisdictionId: 'A', taskId: 'a1' },
        { nationalItemId: 'N1', jurisdictionId: 'B', taskId: 'b1' },
        { nationalItemId: 'N2', jurisdictionId: 'A', taskId: 'a2' },
        { nationalItemId: 'N3', jurisdictionId: 'B', taskId: 'b3' },
      ],
    );
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
        [
          { role: 'lead', agencyType: 'HEALTH' },
          { role: 'support', agencyType: 'FINANCE' },
        ],
        [
          { role: 'lead', agencyType: 'MEDICAL_INSURANCE' },
          { role: 'responsible', agencyType: 'EDUCATION' },
        ],
        [{ role: 'lead', agencyType: 'MEDICAL_INSURANCE' }],
      ]),
    ).toEqual(['MEDICAL_INSURANCE', 'HEALTH']);
  });

  it('takes the bodies a task names responsible where it marks no lead', () => {
    expect(
      rankLeadTypes([
        [
          { role: 'responsible', agencyType: 'HEALTH' },
          { role: 'responsible', agencyType: 'FINANCE' },
        ],
        [{ role: 'support', agencyType: 'EDUCATION' }],
      ]),
    ).toEqual(['HEALTH', 'FINANCE']);
  });
});
