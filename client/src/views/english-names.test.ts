import { describe, expect, it } from 'vitest';
import type { NationalItemRef } from '../api/queries.js';
import { isEnglishQuery, matchEnglishNames } from './english-names.js';

const item = (id: string, titleEn: string, pillarEn = 'Medical insurance'): NationalItemRef => ({
  id,
  titleZh: id,
  titleEn,
  pillar: 'p',
  pillarZh: '医保',
  pillarEn,
});

describe('matchEnglishNames', () => {
  const items = [
    item('a', 'Reform medical insurance payment methods'),
    item('b', 'Promote tiered care', 'Tiered healthcare'),
    item('c', 'Develop commercial health insurance'),
  ];

  it('finds national items by any English word of their title or pillar, and agency types by their English names', () => {
    const found = matchEnglishNames('insurance', items);
    expect(found.nationalItems.map((match) => match.id)).toEqual(['a', 'b', 'c'].filter((id) => id !== 'b'));
    expect(found.agencyTypes).toContain('MEDICAL_INSURANCE');
    expect(found.agencyTypes).not.toContain('HEALTH');
  });

  it('needs every query word, each at the start of a word', () => {
    expect(matchEnglishNames('insurance payment', items).nationalItems.map((match) => match.id)).toEqual(['a']);
    expect(matchEnglishNames('care', items).nationalItems.map((match) => match.id)).toEqual(['b']);
    expect(matchEnglishNames('human resources', []).agencyTypes).toEqual(['HRSS']);
  });
});

describe('isEnglishQuery', () => {
  it('is true for Latin letters without Chinese', () => {
    expect(isEnglishQuery('insurance')).toBe(true);
    expect(isEnglishQuery('DRG付费')).toBe(false);
    expect(isEnglishQuery('医保')).toBe(false);
  });
});
