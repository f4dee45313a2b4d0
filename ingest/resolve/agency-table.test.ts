import { describe, expect, it } from 'vitest';
import { agencyTableOf, loadAgencyTable } from './agency-table.js';

const entry = { type: 'HEALTH', primary: true, name: '卫生健康委员会', en: '{jurisdiction} Health Commission', aliases: ['卫健委'] };

describe('agency table', () => {
  it('loads the table in seeds/ with every alias indexed', () => {
    const table = loadAgencyTable();
    expect(table.byAlias.get('卫生计生委')?.type).toBe('HEALTH');
    expect(table.byAlias.get('医保局')?.type).toBe('MEDICAL_INSURANCE');
  });

  it('rejects an unknown agency type', () => {
    expect(() => agencyTableOf({ agencies: [{ ...entry, type: 'HEALTHCARE' }] })).toThrow();
  });

  it('rejects an English name without the {jurisdiction} slot', () => {
    expect(() => agencyTableOf({ agencies: [{ ...entry, en: 'Health Commission' }] })).toThrow();
  });

  it('rejects an alias given to two agencies and two primaries of one type', () => {
    expect(() => agencyTableOf({ agencies: [entry, { ...entry, primary: false, name: '卫生局' }] })).toThrow(/alias 卫健委/);
    expect(() => agencyTableOf({ agencies: [entry, { ...entry, name: '卫生局', aliases: [] }] })).toThrow(/two primary/);
  });

  it('accepts a pattern that compiles and rejects one that does not', () => {
    expect(() => agencyTableOf({ agencies: [{ ...entry, patterns: ['各县（'] }] })).not.toThrow();
    expect(() => agencyTableOf({ agencies: [{ ...entry, patterns: ['各(县'] }] })).toThrow();
  });
});
