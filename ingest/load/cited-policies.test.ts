import { describe, expect, it } from 'vitest';
import type { Citation } from '../document.js';
import { inferCitedJurisdiction, issuerOf, stubPoliciesOf } from './cited-policies.js';

const citation = (context: string, title: string | null, docNumber: string | null = null): Citation => ({
  context,
  title,
  docNumber,
  span: { start: 0, end: context.length },
});

const KNOWN = [
  {
    docNumber: '国医改发〔2019〕2号',
    title: '关于进一步推广福建省和三明市深化医药卫生体制改革经验的通知',
    issuer: '国务院深化医药卫生体制改革领导小组',
  },
];

describe('stub policies for cited documents', () => {
  it('reads the issuing jurisdiction from the document number', () => {
    expect(inferCitedJurisdiction(citation('根据《…》（国办发〔2024〕29号）', '…', '国办发〔2024〕29号'), '350400')).toBe('000000');
    expect(inferCitedJurisdiction(citation('为贯彻落实《…》（川府发〔2016〕32号）', '…', '川府发〔2016〕32号'), '512000')).toBe('510000');
    // 明 is the second character of 三明: a city abbreviation names the citing document's own city.
    expect(inferCitedJurisdiction(citation('市委市政府《…》（明委发〔2024〕4号）', '…', '明委发〔2024〕4号'), '350400')).toBe('350400');
  });

  it('makes one stub per level for "国家、省、市《…》", the national one completed from the catalogue', () => {
    const title = '关于进一步推广福建省和三明市深化医药卫生体制改革经验重点工作的通知';
    const stubs = stubPoliciesOf(citation(`为贯彻落实国家、省、市《${title}》精神`, title), '340722', KNOWN);
    expect(stubs.map((stub) => [stub.jurisdictionId, stub.docNumber])).toEqual([
      ['000000', '国医改发〔2019〕2号'],
      ['340000', null],
      ['340700', null],
    ]);
    expect(new Set(stubs.map((stub) => stub.id)).size).toBe(3);
  });

  it('names the issuer with its jurisdiction when the text says only 省 or 市', () => {
    const [stub] = stubPoliciesOf(
      citation(
        '省医改领导小组《关于印发〈福建省深化医药卫生体制改革2024年重点任务方案〉的通知》（闽医改组〔2024〕1号）',
        '关于印发〈福建省深化医药卫生体制改革2024年重点任务方案〉的通知',
        '闽医改组〔2024〕1号',
      ),
      '350400',
    );
    expect(stub).toMatchObject({ issuer: '福建省医改领导小组', jurisdictionId: '350000', stub: true });
  });

  it('takes as issuer the body a basis clause names before the title, with its count of co-issuers', () => {
    const cases: [context: string, title: string, issuer: string | null][] = [
      [
        '为贯彻落实福建省卫健委等7部门《关于进一步规范医疗行为促进合理医疗检查的通知》',
        '关于进一步规范医疗行为促进合理医疗检查的通知',
        '福建省卫健委等7部门',
      ],
      [
        '根据福建省卫生计生委等11部委办公厅《关于印发医用耗材专项整治活动方案的通知》',
        '关于印发医用耗材专项整治活动方案的通知',
        '福建省卫生计生委等11部委办公厅',
      ],
      ['认真贯彻落实市委市政府《关于加快医疗卫生事业发展的实施意见》', '关于加快医疗卫生事业发展的实施意见', '市委市政府'],
      ['县卫生健康局制定了《县域医共体考核办法》', '县域医共体考核办法', '县卫生健康局'],
      [
        '为贯彻落实中共中央办公厅、国务院办公厅《关于进一步完善医疗卫生服务体系的意见》',
        '关于进一步完善医疗卫生服务体系的意见',
        '中共中央办公厅、国务院办公厅',
      ],
      ['贯彻全国卫生与健康大会精神和国务院《“健康中国2030”规划纲要》', '“健康中国2030”规划纲要', '国务院'],
      [
        '入选2019年中共中央组织部《贯彻落实习近平新时代中国特色社会主义思想在改革发展稳定中攻坚克难案例》',
        '贯彻落实习近平新时代中国特色社会主义思想在改革发展稳定中攻坚克难案例',
        '中共中央组织部',
      ],
      // No body between the basis words and the title: none is guessed.
      [
        '为深入贯彻全国卫生与健康大会精神，落实《安徽省2017年深化医药卫生体制改革重点工作任务》',
        '安徽省2017年深化医药卫生体制改革重点工作任务',
        null,
      ],
      ['确保各医疗机构的功能任务符合《医疗机构基本标准》', '医疗机构基本标准', null],
    ];
    expect(cases.map(([context, title]) => issuerOf(citation(context, title)))).toEqual(cases.map(([, , issuer]) => issuer));
  });

  it('takes the issuer from a title that opens with it, joint issuers and co-issuers included', () => {
    const cases: [title: string, issuer: string][] = [
      ['中共中央办公厅国务院办公厅印发〈关于进一步完善医疗卫生服务体系的意见〉的通知', '中共中央办公厅国务院办公厅'],
      ['山东省卫生健康委员会等7部门关于全面推进紧密型县域医疗卫生共同体建设的实施意见', '山东省卫生健康委员会等7部门'],
    ];
    // "为深入贯彻" names no body: the title's opening is the issuer, not the basis words.
    expect(cases.map(([title]) => issuerOf(citation(`为深入贯彻《${title}》`, title)))).toEqual(cases.map(([, issuer]) => issuer));
  });

  it('takes the issuer from a title that opens with it', () => {
    const title = '山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知';
    const [stub] = stubPoliciesOf(citation(`按照《${title}》要求`, title), '141000');
    expect(stub).toMatchObject({ issuer: '山西省人民政府办公厅', jurisdictionId: '140000' });
  });
});
