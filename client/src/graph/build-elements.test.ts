import { describe, expect, it } from 'vitest';
import type { JurisdictionRef, NationalItemRef } from '../api/queries.js';
import { overviewElements, type EdgeData } from './build-elements.js';

const item = (id: string, pillar: string): NationalItemRef => ({
  id,
  titleZh: id,
  titleEn: id,
  pillar,
  pillarZh: pillar,
  pillarEn: pillar,
});
const jurisdiction = (id: string): JurisdictionRef => ({ id, name: id, nameEn: id, level: 'city' });

describe('overviewElements', () => {
  // Items a1, a2 of pillar A and b1 of pillar B against jurisdictions j1, j2 (rows: items; columns: jurisdictions).
  const data = {
    nationalItems: [item('a1', 'A'), item('a2', 'A'), item('b1', 'B')],
    jurisdictions: [jurisdiction('j1'), jurisdiction('j2')],
    counts: [
      [3, 0],
      [1, 0],
      [0, 2],
    ],
  };
  const edgesOf = (elements: ReturnType<typeof overviewElements>) =>
    elements
      .filter((element) => element.group === 'edges')
      .map((element) => {
        const data = element.data as EdgeData;
        return [data.source, data.target, data.score];
      });

  it('draws an edge per pillar and jurisdiction with tasks, its width the pillar’s count read from the count matrix', () => {
    expect(edgesOf(overviewElements(data, new Set()))).toEqual([
      ['NationalItem:pillar:A', 'Jurisdiction:j1', 1],
      ['NationalItem:pillar:B', 'Jurisdiction:j2', 0.5],
    ]);
  });

  it('draws an opened pillar’s items with their own counts', () => {
    expect(edgesOf(overviewElements(data, new Set(['A'])))).toEqual([
      ['NationalItem:a1', 'Jurisdiction:j1', 1],
      ['NationalItem:a2', 'Jurisdiction:j1', 1 / 3],
      ['NationalItem:pillar:B', 'Jurisdiction:j2', 2 / 3],
    ]);
  });

  it('labels a pillar with its number of items and tasks', () => {
    const pillarA = overviewElements(data, new Set()).find((element) => element.data.id === 'NationalItem:pillar:A');
    expect(pillarA?.data.nameEn).toBe('A (2 items · 4 tasks)');
  });
});
