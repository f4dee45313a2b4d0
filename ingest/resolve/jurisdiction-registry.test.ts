import { describe, expect, it } from 'vitest';
import { allJurisdictions, ancestorsOf, englishNameOf, jurisdictionById } from './jurisdiction-registry.js';

describe('the GB/T 2260 registry', () => {
  it('has each code once', () => {
    const ids = allJurisdictions().map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('walks from a county up to the nation', () => {
    expect(ancestorsOf('340722').map((node) => node.name)).toEqual(['枞阳县', '铜陵市', '安徽省', '中华人民共和国']);
  });

  it('keeps a city without counties (东莞市) as one city under its province', () => {
    expect(ancestorsOf('441900').map((node) => node.id)).toEqual(['441900', '440000', '000000']);
    expect(jurisdictionById('441900')?.level).toBe('city');
  });

  it('gives English names from pinyin with the level word', () => {
    expect(englishNameOf('三明市', 'city')).toBe('Sanming City');
    expect(englishNameOf('枞阳县', 'county')).toBe('Zongyang County');
    expect(englishNameOf('陕西省', 'province')).toBe('Shaanxi Province');
  });
});
