import { describe, expect, it } from 'vitest';
import { adoptionCurves, adoptionEvents, observedYears, provinceOf } from './adoption.js';

const policy = (id: string, jurisdictionId: string, issuedOn: string | null, coversFrom: number | null = null, stub = false) => ({
  id,
  jurisdictionId,
  issuedOn,
  coversFrom,
  stub,
});
const link = (nationalItemId: string, jurisdictionId: string, policyId: string) => ({
  nationalItemId,
  jurisdictionId,
  taskId: `${policyId}/${nationalItemId}`,
  policyId,
});

describe('adoptionEvents', () => {
  const policies = [
    policy('a-2017', 'A', '2017-06-21'),
    policy('a-2021', 'A', null, 2021),
    policy('a-undated', 'A', null),
    policy('b-2024', 'B', '2024-06-27'),
    policy('stub', 'C', '2015-01-01', null, true),
  ];
  const events = adoptionEvents(['N1', 'N2'], ['A', 'B', 'C'], policies, [
    link('N1', 'A', 'a-2021'),
    link('N1', 'A', 'a-2017'),
    link('N2', 'A', 'a-undated'),
    link('N2', 'B', 'b-2024'),
  ]);

  it('dates each adoption by the first dated document addressing the item, censoring the others at the last year observed', () => {
    expect(events).toEqual([
      { jurisdictionId: 'A', nationalItemId: 'N1', year: 2017, policyId: 'a-2017', observedFrom: 2017, observedUntil: 2021 },
      { jurisdictionId: 'A', nationalItemId: 'N2', year: null, policyId: null, observedFrom: 2017, observedUntil: 2021 },
      { jurisdictionId: 'B', nationalItemId: 'N1', year: null, policyId: null, observedFrom: 2024, observedUntil: 2024 },
      { jurisdictionId: 'B', nationalItemId: 'N2', year: 2024, policyId: 'b-2024', observedFrom: 2024, observedUntil: 2024 },
    ]);
  });

  it('draws cumulative curves per item and per group, a group adopted with its first item', () => {
    const years = observedYears(events);
    expect(years).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const [n1, n2] = adoptionCurves(events, years, (id) => id);
    expect(n1).toMatchObject({ key: 'N1', adopted: [1, 1, 1, 1, 1, 1, 1, 1] });
    expect(n2!.adopted).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(n2!.adopters.at(-1)).toEqual(['B']);
    const [pillar] = adoptionCurves(events, years, () => 'P');
    expect(pillar).toMatchObject({ key: 'P', adopted: [1, 1, 1, 1, 1, 1, 1, 2] });
  });
});

describe('provinceOf', () => {
  const jurisdictions = new Map([
    ['000000', { id: '000000', level: 'national' as const, parentId: null }],
    ['350000', { id: '350000', level: 'province' as const, parentId: '000000' }],
    ['350400', { id: '350400', level: 'city' as const, parentId: '350000' }],
    ['350481', { id: '350481', level: 'county' as const, parentId: '350400' }],
  ]);
  it('walks up to the province', () => {
    expect(provinceOf('350481', jurisdictions)).toBe('350000');
    expect(provinceOf('350000', jurisdictions)).toBe('350000');
    expect(provinceOf('000000', jurisdictions)).toBeNull();
  });
});
