import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue.js';
import { cueIndexFor, findCues } from './cue-index.js';
import { entryFor, glossarySchema, loadGlossary } from './glossary.js';

describe('the domain glossary', () => {
  const glossary = loadGlossary();
  const index = cueIndexFor(loadCatalogue(), glossary);
  const itemsCued = (text: string) => findCues(text, index).map((match) => match.cue.itemId);

  it('validates and groups abbreviations with their full form', () => {
    expect(entryFor(glossary, '集采')?.term).toBe('集中带量采购');
    expect(entryFor(glossary, 'DRG')?.term).toBe('疾病诊断相关分组');
    expect(entryFor(glossary, 'DIP')?.term).toBe('按病种分值付费');
    expect(entryFor(glossary, '医共体')?.term).toBe('紧密型县域医共体');
    expect(entryFor(glossary, '三医协同')?.term).toBe('三医联动');
  });

  it('reads 总医院, the local name of the county medical community, as that reform, but not inside a hospital name', () => {
    expect(itemsCued('深化县域总医院内涵建设，完善运行机制。')).toContain('hierarchical-care.county-medical-community');
    expect(itemsCued('总结尤溪县总医院试点经验。')).not.toContain('hierarchical-care.county-medical-community');
  });

  it('reads an income-structure indicator (检查、化验收入占医药总收入比例) as cost control', () => {
    expect(itemsCued('检查、化验收入占当年医药总收入比例（%）')).toContain('public-hospital.rational-care-cost-control');
    expect(itemsCued('药品收入和医用耗材收入占医药总收入比例控制在30%以内')).toContain('public-hospital.rational-care-cost-control');
  });

  it('reads 中药 inside the kinds of Chinese medicines (中药饮片, 中成药, 医疗机构中药制剂) as the TCM reform', () => {
    expect(itemsCued('支持医疗机构中药制剂配制研究。')).toContain('tcm.inheritance-development');
    expect(itemsCued('开展中药饮片处方点评。')).toContain('tcm.inheritance-development');
  });

  it('reads the visits indicator of an assessment table (基层门（急）诊量) as the primary-care visits keyword, not just 基层', () => {
    const keywordsCued = (text: string) =>
      findCues(text, index)
        .filter((match) => match.cue.strength === 'strong')
        .map((match) => `${match.cue.itemId} ${match.cue.national}`);
    expect(keywordsCued('基层门（急）诊量占辖区内门（急）诊总量比例≥55%。')).toContain(
      'hierarchical-care.primary-care-capacity 基层诊疗量',
    );
    expect(keywordsCued('基层门急诊量稳步提升。')).toContain('hierarchical-care.primary-care-capacity 基层诊疗量');
  });

  it("reads the frauds of the fund-use regulation as a designated pharmacy's list words them as fund supervision", () => {
    expect(itemsCued('是否存在虚构药品服务项目；')).toContain('supervision.insurance-fund');
    expect(itemsCued('是否诱导他人虚假购药，提供虚假证明材料，串通他人虚开费用单据；')).toContain('supervision.insurance-fund');
  });

  it('reads the share of grade IV operations (四级手术占比, 三、四级手术, Ⅲ、Ⅳ级手术) as hospital capacity', () => {
    expect(itemsCued('确保三级综合性公立医院四级手术占比逐步提升。')).toContain('service-system.hospital-capacity');
    expect(itemsCued('三级医院Ⅲ、Ⅳ级手术占全年手术比例≥52%。')).toContain('service-system.hospital-capacity');
  });

  it('reads 年薪, the pay form of the salary reform, on its own as that reform', () => {
    expect(itemsCued('年薪预发数、实发数按月在院内公示。')).toContain('personnel.salary-reform');
  });

  it('reads 人事薪酬制度 as both the personnel and the pay reform, neither hiding the other', () => {
    const strongItems = (text: string) =>
      findCues(text, index)
        .filter((match) => match.cue.strength === 'strong')
        .map((match) => match.cue.itemId);
    for (const text of ['深化公立医院人事薪酬制度改革。', '完善人事薪酬制度。']) {
      expect(strongItems(text), text).toContain('personnel.staffing-hr');
      expect(strongItems(text), text).toContain('personnel.salary-reform');
    }
  });

  it('reads the Party leadership of public hospitals (坚持和加强党对公立医院的全面领导, 国办发〔2021〕18号) as the party-building item', () => {
    expect(itemsCued('扎实推进清廉医院建设，坚持和加强党对公立医院的全面领导。')).toContain('public-hospital.party-building');
    expect(itemsCued('强化党对公立医院的领导。')).toContain('public-hospital.party-building');
  });

  it('reads the collection of premiums (征缴, as 《社会保险费征缴暂行条例》 names it) as a keyword of insurance financing', () => {
    const strongItems = (text: string) =>
      findCues(text, index)
        .filter((match) => match.cue.strength === 'strong')
        .map((match) => match.cue.itemId);
    expect(strongItems('对辖区参保单位进行基金征缴稽核，确保基金应收尽收。')).toContain('medical-security.coverage-financing');
  });

  it('gives every entry an English gloss', () => {
    for (const entry of glossary.entries) expect(entry.en.length, entry.id).toBeGreaterThan(2);
  });

  it('rejects duplicate ids and patterns that are not regular expressions', () => {
    const base = { version: 1, description: 'x' };
    const duplicate = {
      ...base,
      entries: [
        { id: 'a', term: '甲', en: 'a' },
        { id: 'a', term: '乙', en: 'b' },
      ],
    };
    const badPattern = { ...base, entries: [{ id: 'a', term: '甲', en: 'a', patterns: ['健康[行动'] }] };
    expect(glossarySchema.safeParse(duplicate).success).toBe(false);
    expect(glossarySchema.safeParse(badPattern).success).toBe(false);
  });
});
