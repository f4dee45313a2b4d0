import { describe, expect, it } from 'vitest';
import { parseAgencyList } from './extract/agency-lists.js';
import { NOTE_CLOSERS, NOTE_OPENERS, PERSON_LABEL, RESPONSIBILITY_LABEL, RESPONSIBILITY_NOTE, ROLE_VERB } from './responsibility-notes.js';

const whole = (source: string) => new RegExp(`^${source}$`, 'u');

describe('responsibility notes', () => {
  it('recognises the labels that name a role, of units, departments and divisions', () => {
    for (const label of [
      '牵头单位',
      '责任单位',
      '配合部门',
      '参与单位',
      '协同单位',
      '协办单位',
      '主责处室',
      '责任科室',
      '协作单位',
      '主要协作单位',
      '主要责任单位',
    ]) {
      expect(whole(RESPONSIBILITY_LABEL).test(label), label).toBe(true);
    }
    for (const other of ['责任领导', '成员单位', '主管部门', '单位']) expect(whole(RESPONSIBILITY_LABEL).test(other), other).toBe(false);
  });

  it('reads the compound labels 牵头责任单位 and 配合责任单位 with the role their first word gives', () => {
    const listed = parseAgencyList('牵头责任单位：市卫生健康委；配合责任单位：市疾控局、市医保局');
    expect(listed?.map(({ name, role }) => `${name}:${role}`)).toEqual(['市卫生健康委:lead', '市疾控局:support', '市医保局:support']);
  });

  it('reads the bodies under 主办单位 as well as those under 协办单位', () => {
    const listed = parseAgencyList('主办单位：县卫健局；协办单位：县医保局、县财政局');
    expect(listed?.map(({ name }) => name)).toEqual(['县卫健局', '县医保局', '县财政局']);
    expect(listed?.slice(1).every(({ role }) => role === 'support')).toBe(true);
  });

  it('reads 协作单位 as support, and the labels after 主要 with the role of the word that follows', () => {
    const listed = parseAgencyList('主要牵头单位：县卫健委；主要协作单位：县医保局、县财政局');
    expect(listed?.map(({ name, role }) => `${name}:${role}`)).toEqual(['县卫健委:lead', '县医保局:support', '县财政局:support']);
  });

  it('tells the persons in charge from the bodies', () => {
    expect(whole(PERSON_LABEL).test('责任领导')).toBe(true);
    expect(whole(PERSON_LABEL).test('联系人')).toBe(true);
    expect(whole(PERSON_LABEL).test('责任单位')).toBe(false);
  });

  it('takes a bracket with a label, a person label, a role verb or 按职责分工 as a note', () => {
    for (const note of [
      '牵头单位：市医保局；责任单位：市财政局、市卫健委',
      '责任单位：县卫生健康委、县财政局',
      '市卫生计生委、市发展改革委和各县（区）人民政府负责，市残联参与',
      '市医保局牵头，市财政局配合',
      '责任领导：于修芹；责任科室：医政科',
      '市医保局、市卫健委等按职责分工落实',
    ]) {
      expect(RESPONSIBILITY_NOTE.test(note), note).toBe(true);
    }
  });

  it('leaves asides that name no role alone', () => {
    for (const aside of ['DRG', '疑难症分诊中心、前沿示范中心', '含中医医院', '2021—2023年'])
      expect(RESPONSIBILITY_NOTE.test(aside), aside).toBe(false);
  });

  it('knows each role verb and pairs every opening bracket with a closing one', () => {
    expect(['负责', '牵头', '参与', '配合'].every((verb) => whole(ROLE_VERB).test(verb))).toBe(true);
    expect(Array.from(NOTE_OPENERS)).toEqual(['（', '(', '〔', '[', '【']);
    expect(Array.from(NOTE_CLOSERS)).toEqual(['）', ')', '〕', ']', '】']);
  });
});
