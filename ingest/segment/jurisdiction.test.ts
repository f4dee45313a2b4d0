import { describe, expect, it } from 'vitest';
import { resolveJurisdiction } from './jurisdiction.js';

const at = (text: string) => ({ text, offset: 0 });

describe('resolveJurisdiction', () => {
  it('reads a prefecture whose name is longer than ten characters: 克孜勒苏柯尔克孜自治州', () => {
    const title = '克孜勒苏柯尔克孜自治州深化医药卫生体制改革近期重点工作任务';
    expect(resolveJurisdiction(title, [at(title)])?.id).toBe('653000');
  });

  it('reads the longest county name in the registry: 双江拉祜族佤族布朗族傣族自治县', () => {
    const title = '双江拉祜族佤族布朗族傣族自治县2023年深化医改重点工作任务';
    expect(resolveJurisdiction(title, [at(title)])?.id).toBe('530925');
  });

  it('reads an autonomous county or prefecture by the common name that drops its peoples: 化隆县, 凉山州, 积石山县', () => {
    const county = '化隆县深化医药卫生体制改革综合试点方案';
    expect(resolveJurisdiction(county, [at(county)])?.id).toBe('630224');
    const prefecture = '凉山州人民政府办公室';
    expect(resolveJurisdiction(prefecture, [at(prefecture)])?.id).toBe('513400');
    const longPlace = '积石山县卫生健康局';
    expect(resolveJurisdiction(longPlace, [at(longPlace)])?.id).toBe('622927');
  });

  it('reads the place a 健康X行动 plan is named after, by its name without its level: 健康六盘水行动 (六盘水 2020)', () => {
    const title = '健康六盘水行动推进方案';
    expect(resolveJurisdiction(`${title}\n结合六盘水实际`, [at(title)])?.id).toBe('520200');
    // A short name several places share places nothing.
    const shared = '健康朝阳行动实施方案';
    expect(resolveJurisdiction(shared, [at(shared)])).toBeNull();
  });

  it('reads a misspelt county header as the county the body names: 柘阳县 for 枞阳县', () => {
    const text = '柘阳县卫生健康委员会\n推进健康枞阳行动，枞阳县医共体建设。';
    const found = resolveJurisdiction(text, [at('柘阳县卫生健康委员会')]);
    expect(found?.id).toBe('340722');
    expect(found?.typos).toEqual([{ name: '柘阳县', offset: 0, resolvedTo: '340722' }]);
  });

  it('tells apart places that share a name by the superior whose document the preamble cites, not by a province named as an example', () => {
    const title = '江北区深化医药卫生体制改革2021年重点工作任务';
    const body = (superior: string) =>
      `${title}\n按照《${superior}深化医药卫生体制改革2021年重点工作任务》精神，结合江北实际，制定本任务。\n（一）学习借鉴浙江“3个9%”经验，落实差别化城乡居民基本医保报销政策。`;
    // 重庆市江北区 and 宁波市江北区 (浙江省): the district of the city whose plan is carried out.
    expect(resolveJurisdiction(body('重庆市'), [at(title)])?.id).toBe('500105');
    expect(resolveJurisdiction(body('宁波市'), [at(title)])?.id).toBe('330205');
  });

  it('returns null when no header line names a place', () => {
    expect(resolveJurisdiction('关于做好医改工作的通知', [at('关于做好医改工作的通知')])).toBeNull();
  });
});
