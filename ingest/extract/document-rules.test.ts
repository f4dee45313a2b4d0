import { describe, expect, it } from 'vitest';
import { findDocumentRules } from './document-rules.js';

describe('findDocumentRules', () => {
  it.each([
    '〔市卫生计生委、市财政局负责。列首位的为牵头部门，下同〕',
    '（列第一位的为牵头单位）',
    '排在首位的为牵头部门，其余为配合部门。',
    '列在首位的为牵头单位，其他单位按职责分工负责，下同',
    '一项任务对应多个责任科室的，以第一顺位科室为牵头单位，其它科室做好配合。',
    '以排名第一的单位为牵头单位',
    '排名第一的为牵头单位',
    '排在第一位者为牵头单位，其他为配合单位',
  ])('reads "%s" as the first-listed body leading', (text) => {
    const full = `前言。${text}`;
    const from = findDocumentRules(full).firstListedLeadsFrom;
    expect(from).not.toBeNull();
    // The offset points at the rule itself, so lists before it are not ranked by it.
    expect(full.slice(from ?? 0)).toMatch(/^(?:列|排|以)/u);
  });

  it('reads the rule across a line break of a web copy: "以第一顺位科室为牵头\\n单位"', () => {
    expect(findDocumentRules('一项任务对应多个责任科室的，以第一顺位科室为牵头\n单位，负责汇总。').firstListedLeadsFrom).toBe(14);
  });

  it('points at the rule in the text as given, whitespace before it and inside it counted', () => {
    const full = '前言。\r\n　　各项任务\t分工如下：\n\n（列第一位\n的为牵头单位）';
    const from = findDocumentRules(full).firstListedLeadsFrom;
    expect(from).toBe(full.indexOf('列'));
  });

  it('finds no rule in a document that ranks nobody', () => {
    expect(
      findDocumentRules('（责任单位：县卫生健康委、县财政局按职责分工负责）各县卫健部门要发挥好医改牵头协调机构作用。')
        .firstListedLeadsFrom,
    ).toBeNull();
  });

  it('makes a body named for every later item responsible, or lead when it is said to 牵头', () => {
    const rules = findDocumentRules('（市卫健委按职责分工负责。以下各项均需各县市区人民政府负责，不再列出）……以下各项均由市医改办牵头');
    expect(rules.standing.map((agency) => `${agency.name}:${agency.role}`)).toEqual(['各县市区人民政府:responsible', '市医改办:lead']);
  });

  it('reads "以下均需…落实，不再列出" with a collective of party committees and governments', () => {
    const rules = findDocumentRules('列在首位的为牵头单位，下同；以下均需各县（市、区）党委和人民政府落实，不再列出。');
    expect(rules.standing.map((agency) => `${agency.name}:${agency.role}`)).toEqual(['各县（市、区）党委和人民政府:responsible']);
  });
});
