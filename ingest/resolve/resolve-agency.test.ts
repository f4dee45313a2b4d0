import { describe, expect, it } from 'vitest';
import { loadAgencyTable } from './agency-table.js';
import { resolveAgencyName } from './resolve-agency.js';

const table = loadAgencyTable();
const ZONGYANG = '340722'; // 枞阳县, in 铜陵市 340700
const SANMING = '350400';
const resolve = (name: string, jurisdictionId: string, inheritedJurisdictionId: string | null = null) =>
  resolveAgencyName(name, { jurisdictionId, table, inheritedJurisdictionId });

describe('resolveAgencyName', () => {
  it('gives 卫生健康委, 卫健委 and the pre-2018 卫生计生委 one canonical health agency', () => {
    const ids = ['县卫生健康委', '县卫健委', '县卫生计生委', '县卫生健康委员会'].map((name) => resolve(name, ZONGYANG).agency.id);
    expect(new Set(ids)).toEqual(new Set(['340722:HEALTH']));
  });

  it('reads 省药品监管局, the short name of the provincial 药品监督管理局 set up in 2018, as the drug regulator', () => {
    expect(resolve('省药品监管局', '520000').agency).toMatchObject({ id: '520000:DRUG_REGULATION', type: 'DRUG_REGULATION' });
  });

  it('reads the health body named by its function (县卫生健康部门, 卫生健康主管部门) as the 卫健委 of its level, and no other body', () => {
    for (const name of ['县卫生健康部门', '县卫生健康主管部门', '县卫生计生部门', '县卫生健康行政部门']) {
      expect(resolve(name, ZONGYANG).agency.id, name).toBe('340722:HEALTH');
    }
    expect(resolve('市卫生健康部门', SANMING).agency.id).toBe('350400:HEALTH');
    for (const name of ['县疾控局', '县疾控中心', '县医保部门', '县中医药管理局']) {
      expect(resolve(name, ZONGYANG).agency.id, name).not.toBe('340722:HEALTH');
    }
  });

  it('tells the 疾控局, an administrative body since 2021, from the 疾控中心, a public institution', () => {
    const bureau = resolve('市疾控局', SANMING).agency;
    expect(bureau).toMatchObject({
      name: '三明市疾病预防控制局',
      nameEn: 'Sanming City Disease Control and Prevention Administration',
      type: 'DISEASE_CONTROL',
    });
    expect(resolve('市疾病预防控制局', SANMING).agency.id).toBe(bureau.id);
    const centre = resolve('市疾控中心', SANMING).agency;
    expect(centre).toMatchObject({ id: '350400:DISEASE_CONTROL', name: '三明市疾病预防控制中心' });
    expect(bureau.id).not.toBe(centre.id);
    expect(resolve('国家疾控局', '000000').agency.name).toBe('国家疾病预防控制局');
  });

  it('keeps 市县两级 (the bodies of the city and of its counties) whole, typed by the function it names', () => {
    const LONGYAN = '350800';
    for (const [printed, type] of [
      ['市县两级卫生健康部门', 'HEALTH'],
      ['市、县两级医保部门', 'MEDICAL_INSURANCE'],
      ['市县两级人民政府', 'GOVERNMENT'],
      ['县乡两级医疗卫生机构', 'HOSPITAL'],
    ] as const) {
      expect(resolve(printed, LONGYAN).agency, printed).toMatchObject({
        id: `${LONGYAN}:${printed}`,
        name: printed,
        type,
        jurisdictionId: LONGYAN,
      });
    }
  });

  it('types a district’s 公安分局 and the pre-2018 新农合管理中心 by what they are, keeping the printed names', () => {
    expect(resolve('区公安分局', '420502').agency).toMatchObject({ name: '区公安分局', type: 'PUBLIC_SECURITY' });
    expect(resolve('县新农合管理中心', '341525').agency).toMatchObject({ name: '县新农合管理中心', type: 'MEDICAL_INSURANCE' });
  });

  it('names the canonical agency after its jurisdiction, in Chinese and English', () => {
    expect(resolve('县医保局', ZONGYANG).agency).toMatchObject({
      id: '340722:MEDICAL_INSURANCE',
      name: '枞阳县医疗保障局',
      nameEn: 'Zongyang County Healthcare Security Administration',
      type: 'MEDICAL_INSURANCE',
      jurisdictionId: '340722',
    });
  });

  it('places an agency of the parent city named in a county document in that city', () => {
    expect(resolve('市医保局', ZONGYANG).agency).toMatchObject({
      id: '340700:MEDICAL_INSURANCE',
      jurisdictionId: '340700',
      name: '铜陵市医疗保障局',
    });
  });

  it('reads party bodies after the prefix: 县委编办, 县委宣传部, 市委组织部', () => {
    expect(resolve('县委编办', ZONGYANG).agency.type).toBe('STAFFING_OFFICE');
    expect(resolve('县委宣传部', ZONGYANG).agency.type).toBe('PARTY_PUBLICITY');
    expect(resolve('市委组织部', SANMING).agency.type).toBe('PARTY_ORGANIZATION');
  });

  it('tells the government from its office', () => {
    expect(resolve('县政府', ZONGYANG).agency.id).toBe('340722:GOVERNMENT');
    expect(resolve('县政府办', ZONGYANG).agency.id).toBe('340722:GOVERNMENT_OFFICE');
  });

  it('reads lower governments in their printed forms as LOWER_GOVS of the document’s jurisdiction', () => {
    for (const name of ['各县（区）人民政府', '各县（市、区）', '各县市区人民政府']) {
      expect(resolve(name, SANMING).agency).toMatchObject({ id: '350400:LOWER_GOVS', type: 'LOWER_GOVS' });
    }
    expect(resolve('各镇人民政府（开发区工委）', ZONGYANG).agency.type).toBe('LOWER_GOVS');
    // 街道办事处 are the government's own agencies below it: "市辖区、不设区的市的人民政府，经上一级人民政府批准，
    // 可以设立若干街道办事处，作为它的派出机关" (地方各级人民代表大会和地方各级人民政府组织法).
    expect(resolve('各街道办事处', ZONGYANG).agency.type).toBe('LOWER_GOVS');
  });

  it('does not read 市场监管局 as 市 + 场监管局, with or without a prefix of its own', () => {
    expect(resolve('市场监管局', SANMING).agency.id).toBe('350400:MARKET_REGULATION');
    expect(resolve('市市场监管局', SANMING).agency.id).toBe('350400:MARKET_REGULATION');
  });

  it('gives a bare name the jurisdiction of the previous name in its list', () => {
    expect(resolve('医保局', ZONGYANG, '340700').agency.jurisdictionId).toBe('340700');
    expect(resolve('医保局', ZONGYANG).agency.jurisdictionId).toBe('340722');
  });

  it('does not make a 市 body of a document whose place is not known the State Council’s own', () => {
    // A web copy without its header ("（市卫生计生委、市人力社保局负责…）") is placed under the nation.
    const city = resolve('市卫生计生委', '000000');
    expect(city.known).toBe(true);
    expect(city.agency).toMatchObject({ type: 'HEALTH', name: '市卫生健康委员会', nameEn: 'Municipal Health Commission' });
    expect(city.agency.id).not.toBe(resolve('国家卫生健康委', '000000').agency.id);
    expect(resolve('市卫健委', '000000').agency.id).toBe(city.agency.id);
    expect(resolve('县医保局', '000000').agency.id).not.toBe(resolve('国家医保局', '000000').agency.id);
  });

  it('keeps a 县/区/乡镇 body named in a city’s document apart from the city’s own: 县疾控局 is no 市疾控局', () => {
    const county = resolve('县疾控局', SANMING);
    expect(county.known).toBe(true);
    expect(county.agency).toMatchObject({
      type: 'DISEASE_CONTROL',
      name: '县疾病预防控制局',
      nameEn: 'County Disease Control and Prevention Administration',
      jurisdictionId: SANMING,
    });
    expect(county.agency.id).not.toBe(resolve('市疾控局', SANMING).agency.id);
    expect(resolve('区卫健局', SANMING).agency.id).not.toBe(resolve('市卫健委', SANMING).agency.id);
    expect(resolve('乡镇卫生院', ZONGYANG).agency).toMatchObject({ id: '340722:乡镇卫生院', name: '乡镇卫生院' });
    // The level of the document itself: a county's 县卫健委, a district's 区卫健局.
    expect(resolve('县卫健委', ZONGYANG).agency.id).toBe('340722:HEALTH');
    // A municipality under the State Council (重庆市) calls itself 市.
    expect(resolve('市卫健委', '500000').agency.id).toBe('500000:HEALTH');
    expect(resolve('市卫健委', '440000').agency.id).not.toBe(resolve('省卫健委', '440000').agency.id);
  });

  it('keeps institutions, zones and joint levels named in a city’s document apart from the city’s own bodies', () => {
    const own = new Set(['350400:HEALTH', '350400:MEDICAL_INSURANCE', '350400:GOVERNMENT', '350400:HOSPITAL']);
    for (const name of ['社区卫生服务中心', '区域医疗中心', '县级公立医院', '乡镇卫生院', '高新区管委会', '经开区社会事业局']) {
      const agency = resolve(name, SANMING).agency;
      expect(agency.name, name).toBe(name);
      expect(own.has(agency.id), name).toBe(false);
    }
    // The bodies of all its counties, or of two levels, are none of the city's own.
    for (const name of ['各县（市、区）卫生健康局', '县区卫健部门', '区县卫健局', '市县两级医保部门']) {
      expect(own.has(resolve(name, SANMING).agency.id), name).toBe(false);
    }
    expect(resolve('各区县人民政府', SANMING).agency).toMatchObject({ type: 'LOWER_GOVS', name: '三明市所辖各县（市、区）人民政府' });
  });

  it('reads 市 inside a word as no level in a province’s document, and a 市 body there as a city’s', () => {
    expect(resolve('市场监管局', '350000').agency).toMatchObject({ id: '350000:MARKET_REGULATION', name: '福建省市场监督管理局' });
    expect(resolve('城市医疗集团', '350000').agency.name).toBe('城市医疗集团');
    expect(resolve('市卫健委', '350000').agency.id).not.toBe(resolve('省卫健委', '350000').agency.id);
    expect(resolve('各市卫生健康委', '350000').agency.id).not.toBe('350000:HEALTH');
  });

  it('gives a municipality its own 市 bodies and its districts’ 区 bodies, and names its subordinate governments without 市（州）', () => {
    for (const municipality of ['110000', '120000', '310000', '500000']) {
      expect(resolve('市卫生健康委', municipality).agency.id).toBe(`${municipality}:HEALTH`);
      expect(resolve('区卫生健康委', municipality).agency.id).not.toBe(`${municipality}:HEALTH`);
      expect(resolve('市场监管局', municipality).agency.id).toBe(`${municipality}:MARKET_REGULATION`);
      const lower = resolve('各区人民政府', municipality).agency;
      expect(lower.type).toBe('LOWER_GOVS');
      expect(lower.name).toMatch(/^[^（]+市所辖下级人民政府$/u);
    }
  });

  it('does not make the townships of a document whose place is not known the nation’s subordinate governments', () => {
    const townships = resolve('各乡镇人民政府', '000000');
    expect(townships.agency).toMatchObject({ type: 'LOWER_GOVS', name: '各乡镇人民政府', jurisdictionId: '000000' });
    expect(townships.agency.id).not.toBe('000000:LOWER_GOVS');
  });

  it('keeps separate pre-2018 bodies that share a type apart: 工商局 and 质监局', () => {
    const aic = resolve('市工商局', SANMING).agency;
    const quality = resolve('市质监局', SANMING).agency;
    expect([aic.type, quality.type]).toEqual(['MARKET_REGULATION', 'MARKET_REGULATION']);
    expect(aic.id).not.toBe(quality.id);
  });

  it('keeps an unknown agency under its printed name with type OTHER', () => {
    const result = resolve('县蚕桑站', ZONGYANG);
    expect(result.known).toBe(false);
    expect(result.agency).toMatchObject({ name: '县蚕桑站', type: 'OTHER', jurisdictionId: '340722', id: '340722:蚕桑站' });
  });

  it('reads a province’s 厅 and a State Council 部 as the bureau of the same function', () => {
    const FUJIAN = '350000';
    expect(resolve('省教育厅', FUJIAN).agency).toMatchObject({ id: '350000:EDUCATION', type: 'EDUCATION', name: '福建省教育厅' });
    expect(resolve('省民政厅', FUJIAN).agency.type).toBe('CIVIL_AFFAIRS');
    expect(resolve('财政部', '000000').agency).toMatchObject({ id: '000000:FINANCE', name: '财政部' });
    expect(resolve('人力资源社会保障部', '000000').agency.type).toBe('HRSS');
    expect(resolve('市场监管总局', '000000').agency.type).toBe('MARKET_REGULATION');
  });

  it('reads a province’s 各设区市人民政府 as its lower governments', () => {
    expect(resolve('各设区市人民政府', '350000').agency).toMatchObject({ id: '350000:LOWER_GOVS', type: 'LOWER_GOVS' });
  });

  it('places a body of a county named in its city’s document in that county: 沙县区卫健局', () => {
    expect(resolve('沙县区卫健局', SANMING).agency).toMatchObject({ id: '350405:HEALTH', jurisdictionId: '350405' });
  });

  it('reads a second name in brackets as the same body: 市卫健委（市中医药局）', () => {
    expect(resolve('市卫健委（市中医药局）', SANMING).agency).toMatchObject({ id: '350400:HEALTH', aliases: ['市卫健委（市中医药局）'] });
  });

  it('types an unlisted hospital by what it names and keeps it apart from other hospitals', () => {
    const county = resolve('县人民医院', ZONGYANG);
    const tcm = resolve('县中医院', ZONGYANG);
    expect(county.known).toBe(false);
    expect([county.agency.type, tcm.agency.type]).toEqual(['HOSPITAL', 'HOSPITAL']);
    expect(county.agency.id).not.toBe(tcm.agency.id);
  });

  it.each([
    ['市文旅局', 'CULTURE_TOURISM'],
    ['县文化广电和旅游局', 'CULTURE_TOURISM'],
    ['市体育局', 'SPORTS'],
    ['三明银保监分局', 'FINANCIAL_REGULATION'],
    ['市地方金融监督管理局', 'FINANCIAL_REGULATION'],
    ['人民银行三明市中心支行', 'FINANCIAL_REGULATION'],
    ['市行政服务中心', 'ADMIN_APPROVAL'],
    ['县扶贫办', 'RURAL_REVITALIZATION'],
    ['市民族与宗教事务局', 'ETHNIC_RELIGIOUS'],
    ['县水利局', 'WATER'],
    ['市林业局', 'FORESTRY'],
    ['市交通运输局', 'TRANSPORT'],
    ['县融媒体中心', 'MEDIA'],
    ['县新冠肺炎疫情防控指挥部', 'EPIDEMIC_COMMAND'],
    ['三明高新区管委会', 'ZONE_COMMITTEE'],
    ['市直机关党工委', 'PARTY_WORK_COMMITTEE'],
    ['市委教育工委', 'PARTY_WORK_COMMITTEE'],
    ['团市委', 'PEOPLES_ORGANIZATION'],
    ['市残联', 'PEOPLES_ORGANIZATION'],
    ['市科协', 'PEOPLES_ORGANIZATION'],
    ['其他有关部门', 'OTHER_DEPARTMENTS'],
    ['各相关部门', 'OTHER_DEPARTMENTS'],
    ['高新区管委会社会事务局', 'ZONE_BUREAU'],
    ['县（市、区）政府', 'LOWER_GOVS'],
    ['各县（市、区）党委和人民政府', 'LOWER_GOVS'],
    ['市卫生计生委医政科', 'HEALTH'],
  ])('types %s as %s', (name, type) => {
    expect(resolve(name, SANMING).agency.type).toBe(type);
  });
});
