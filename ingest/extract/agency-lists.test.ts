import { describe, expect, it } from 'vitest';
import { assignRoles, findAgencyLists, isAgencyName, parseAgencyList } from './agency-lists.js';

const names = (text: string) => findAgencyLists(text).flatMap((list) => list.agencies.map((agency) => `${agency.name}:${agency.role}`));

describe('findAgencyLists', () => {
  it('splits a 责任单位 list in full-width brackets', () => {
    expect(names('完善机制。（责任单位：县卫生健康委、县财政局）')).toEqual(['县卫生健康委:unmarked', '县财政局:unmarked']);
  });

  it('reads a 〔…负责〕 list with 和 and a nested （区） and ignores the rule clause after it', () => {
    expect(names('建设。〔市卫生计生委、市发展改革委、市中医药局和各县（区）人民政府负责。列首位的为牵头部门，下同〕')).toEqual([
      '市卫生计生委:unmarked',
      '市发展改革委:unmarked',
      '市中医药局:unmarked',
      '各县（区）人民政府:unmarked',
    ]);
  });

  it('reads a department named by its function, 卫生健康部门 or 医保部门, of one level or of 市县两级', () => {
    expect(names('（责任单位：市县两级卫生健康部门、市财政部门）')).toEqual(['市县两级卫生健康部门:unmarked', '市财政部门:unmarked']);
    expect(names('（牵头单位：市县两级医保部门；配合单位：各县（市、区）人民政府）')).toEqual([
      '市县两级医保部门:lead',
      '各县（市、区）人民政府:support',
    ]);
    expect(names('（责任单位：各部门）')).toEqual([]);
    // 机构 ends a name as 部门 does: "医疗卫生机构" are the hospitals and health centres as bodies.
    expect(names('（牵头单位：县卫计委；配合单位：县乡两级医疗卫生机构）')).toEqual(['县卫计委:lead', '县乡两级医疗卫生机构:support']);
  });

  it('reads 会同 between two bodies as the lead before it and the bodies it works with after it, and a body’s aside as no list of its own', () => {
    expect(names('完善评价制度。（责任单位：市卫健委会同有关部门）')).toEqual(['市卫健委:lead', '有关部门:support']);
    expect(names('（县卫生健康局会同县医保局、县财政局负责）')).toEqual(['县卫生健康局:lead', '县医保局:support', '县财政局:support']);
    expect(names('各县市区人民政府（市属开发区管委会）要加强领导。')).toEqual([]);
  });

  it('marks the names before 参与 as participants', () => {
    expect(names('〔市人力资源社会保障局、市卫生计生委和各县（区）人民政府负责，市保险行业协会、市中医药局参与〕')).toEqual([
      '市人力资源社会保障局:unmarked',
      '市卫生计生委:unmarked',
      '各县（区）人民政府:unmarked',
      '市保险行业协会:participate',
      '市中医药局:participate',
    ]);
  });

  it('reads a half-width (…按职责分工负责) list joined by 和', () => {
    expect(names('攻关。(市卫健委、市发展改革委和市财政局按职责分工负责)')).toEqual([
      '市卫健委:unmarked',
      '市发展改革委:unmarked',
      '市财政局:unmarked',
    ]);
  });

  it('keeps a nested aside with its name: 及各镇人民政府（开发区工委）', () => {
    expect(names('（责任单位：县新冠疫情防控指挥部成员单位及各镇人民政府（开发区工委）按职责分工负责）')).toEqual([
      '县新冠疫情防控指挥部成员单位:unmarked',
      '各镇人民政府（开发区工委）:unmarked',
    ]);
  });

  it('does not split names that contain 和 themselves', () => {
    expect(names('〔市经济和信息化委、县人力资源和社会保障局负责〕')).toEqual([
      '市经济和信息化委:unmarked',
      '县人力资源和社会保障局:unmarked',
    ]);
  });

  it('drops 等, a dangling 、 and the class noun after 等 (等相关部门, 等部门)', () => {
    expect(names('（责任单位：县医保局、县教体局、等按职责分工负责）')).toEqual(['县医保局:unmarked', '县教体局:unmarked']);
    expect(names('(市卫健委等相关部门按职责分工负责)')).toEqual(['市卫健委:unmarked']);
    expect(names('（责任单位：市卫健委、医保局、市场监管局等部门）')).toEqual([
      '市卫健委:unmarked',
      '医保局:unmarked',
      '市场监管局:unmarked',
    ]);
  });

  it('keeps 各相关部门 or 其他有关部门 printed as a member of the list, as one collective', () => {
    expect(names('(市卫健委、市教育局和各相关部门按职责分工负责)')).toEqual([
      '市卫健委:unmarked',
      '市教育局:unmarked',
      '各相关部门:unmarked',
    ]);
    expect(names('（责任单位：市医保局、其他有关部门）')).toEqual(['市医保局:unmarked', '其他有关部门:unmarked']);
  });

  it('reads a bureau’s divisions after 责任领导 persons, and skips 各科室…配合', () => {
    expect(
      names('〔责任领导：于修芹、张清辉；责任单位：医政科、规财科（信息中心），各科室依据职责分工配合，各县（市、区）卫健局〕'),
    ).toEqual(['医政科:unmarked', '规财科（信息中心）:unmarked', '各县（市、区）卫健局:unmarked']);
    expect(names('〔责任领导：卢叶文；责任科室：机关党办、人口监测与宣传科〕')).toEqual(['机关党办:unmarked', '人口监测与宣传科:unmarked']);
  });

  it('reads "A、B分别牵头X、Y" as two leads, without the areas they lead', () => {
    expect(names('〔责任单位：中医科教科、体改科分别牵头卫生健康规划、医改规划，各科室依据职责分工配合，各县（市、区）卫健局〕')).toEqual([
      '中医科教科:lead',
      '体改科:lead',
      '各县（市、区）卫健局:unmarked',
    ]);
  });

  it('keeps "各县（市、区）党委和人民政府" whole and skips the rule clauses after it', () => {
    expect(
      parseAgencyList(
        '市卫健委、发改委，各县（市、区）党委和人民政府。列在首位的为牵头单位，其他单位按职责分工负责，下同；以下均需各县（市、区）党委和人民政府落实，不再列出。',
        {
          strict: false,
        },
      )?.map((agency) => agency.name),
    ).toEqual(['市卫健委', '发改委', '各县（市、区）党委和人民政府']);
  });

  it('reads an unlabelled bracket whose every piece is a prefixed body name', () => {
    expect(names('积极推进改革。（县人力资源社会保障局、县卫生健康委、县医保局）')).toEqual([
      '县人力资源社会保障局:unmarked',
      '县卫生健康委:unmarked',
      '县医保局:unmarked',
    ]);
  });

  it('ignores asides that are not agency lists', () => {
    expect(names('建设“六病共管”中心、两大辅助应用中心（疑难症分诊中心、前沿示范中心）及实训基地')).toEqual([]);
    expect(names('镇卫生院（社区卫生服务中心）为枢纽')).toEqual([]);
    expect(names('医疗服务收入（不含药品、耗材、检查、化验收入）占比')).toEqual([]);
    expect(names('（一）加强新冠肺炎疫情防控。')).toEqual([]);
  });

  it('keeps a list that a page break split, with a half-width closing bracket', () => {
    expect(names('（责任单位：县卫生健康委、县委编办、\n\n县人力资源社会保障局)')).toEqual([
      '县卫生健康委:unmarked',
      '县委编办:unmarked',
      '县人力资源社会保障局:unmarked',
    ]);
  });

  it('gives spans that point at the names in the text searched', () => {
    const text = '完善。（责任单位：县卫生健康委、县财政局）';
    const [list] = findAgencyLists(text, { offset: 100 });
    const second = list?.agencies[1];
    expect(second && text.slice(second.span.start - 100, second.span.end - 100)).toBe('县财政局');
  });
});

describe('parseAgencyList', () => {
  it('reads 牵头/配合 labels and verbs', () => {
    const roles = (text: string) => parseAgencyList(text)?.map((agency) => `${agency.name}:${agency.role}`);
    expect(roles('牵头单位：市医保局；配合单位：市财政局、市卫健委')).toEqual(['市医保局:lead', '市财政局:support', '市卫健委:support']);
    expect(roles('市卫健委牵头，市财政局配合，市残联参与')).toEqual(['市卫健委:lead', '市财政局:support', '市残联:participate']);
  });

  it('takes a （牵头） printed after one name as that name’s role and drops it from the name', () => {
    expect(names('推进。（责任单位：市卫健委（牵头）、市医保局、市财政局）')).toEqual([
      '市卫健委:lead',
      '市医保局:unmarked',
      '市财政局:unmarked',
    ]);
  });

  it('reads the marker in other brackets too: 市卫健委〔牵头〕, 县医保局(配合)', () => {
    expect(names('推进。（责任单位：市卫健委〔牵头〕、市医保局）')).toEqual(['市卫健委:lead', '市医保局:unmarked']);
    expect(names('推进。（县卫健委、县医保局(配合)）')).toEqual(['县卫健委:unmarked', '县医保局:support']);
  });

  it('reads a table cell where bare names follow a prefixed one', () => {
    expect(
      parseAgencyList('市卫健委、教育局、民政局、文旅局、体育局，各县（市、区）', { strict: false })?.map((agency) => agency.name),
    ).toEqual(['市卫健委', '教育局', '民政局', '文旅局', '体育局', '各县（市、区）']);
  });
});

describe('isAgencyName', () => {
  it('accepts lower governments in their printed forms', () => {
    for (const name of ['各县（区）人民政府', '各县（市、区）', '各县市区人民政府', '各镇人民政府（开发区工委）'])
      expect(isAgencyName(name)).toBe(true);
  });

  it('rejects prose', () => {
    for (const name of ['不含药品', '化药及生物制品', '中心', '“511”计划']) expect(isAgencyName(name)).toBe(false);
  });
});

describe('assignRoles', () => {
  const listed = (...entries: [string, 'lead' | 'support' | 'participate' | 'unmarked'][]) =>
    entries.map(([name, role]) => ({ name, role, span: { start: 0, end: 0 } }));

  it('makes every unmarked name responsible when no rule ranks them, keeping 参与', () => {
    expect(assignRoles(listed(['A', 'unmarked'], ['B', 'unmarked'], ['C', 'participate'])).map((agency) => agency.role)).toEqual([
      'responsible',
      'responsible',
      'participate',
    ]);
  });

  it('lets the first unmarked name lead and the others support under a first-leads rule', () => {
    expect(
      assignRoles(listed(['A', 'unmarked'], ['B', 'unmarked'], ['C', 'participate']), { firstLeads: true }).map((agency) => agency.role),
    ).toEqual(['lead', 'support', 'participate']);
  });

  it('keeps an explicit lead and makes unmarked names support it, with or without a rule', () => {
    expect(assignRoles(listed(['A', 'unmarked'], ['B', 'lead'])).map((agency) => agency.role)).toEqual(['support', 'lead']);
    expect(assignRoles(listed(['A', 'unmarked'], ['B', 'lead']), { firstLeads: true }).map((agency) => agency.role)).toEqual([
      'support',
      'lead',
    ]);
  });
});
