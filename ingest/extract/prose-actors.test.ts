import { describe, expect, it } from 'vitest';
import { findProseActors } from './prose-actors.js';

const names = (text: string) => findProseActors(text).map((agency) => [agency.name, agency.role]);

describe('findProseActors', () => {
  it('takes the body at the head of a clause before a modal or a duty verb', () => {
    expect(names('各县（市、区）卫计局要健全考核办法。市医保中心负责对定点医疗机构开展线上稽核。')).toEqual([
      ['各县（市、区）卫计局', 'unmarked'],
      ['市医保中心', 'unmarked'],
    ]);
  });

  it('takes a body followed by how often it acts (每季度, 每半年): the rhythm of a duty is stated with its actor', () => {
    expect(names('县卫生健康局每季度对医共体建设情况进行调度。')).toEqual([['县卫生健康局', 'unmarked']]);
    expect(names('市医改办每半年组织一次督导检查。')).toEqual([['市医改办', 'unmarked']]);
  });

  it('reads a body that 牵头 as the lead, and a body before 会同 as leading the bodies after it, which support', () => {
    expect(names('县（市）委组织部门牵头，研究提出人选。')).toEqual([['县（市）委组织部门', 'lead']]);
    expect(names('各县（市、区）卫健部门要会同各总医院（医共体）、市医保局完善办法。')).toEqual([
      ['各县（市、区）卫健部门', 'lead'],
      ['各总医院（医共体）', 'support'],
      ['市医保局', 'support'],
    ]);
    // 联合 joins bodies as equals: it ranks nobody.
    expect(names('市卫健委联合市医保局开展专项检查。')).toEqual([
      ['市卫健委', 'unmarked'],
      ['市医保局', 'unmarked'],
    ]);
  });

  it('keeps a name with 和 inside whole and splits two names joined by 和', () => {
    expect(names('市人力资源和社会保障局要完善职称评审。市卫健委和市医保局负责督查。')).toEqual([
      ['市人力资源和社会保障局', 'unmarked'],
      ['市卫健委', 'unmarked'],
      ['市医保局', 'unmarked'],
    ]);
    // The level printed once for the whole list: "市医保中心及管理部", "市卫健委、财政局".
    expect(names('市医保中心及管理部要定期稽核。市卫健委、财政局负责保障。')).toEqual([
      ['市医保中心', 'unmarked'],
      ['管理部', 'unmarked'],
      ['市卫健委', 'unmarked'],
      ['财政局', 'unmarked'],
    ]);
  });

  it('stops a name at the modal after it, not at a later one', () => {
    expect(names('各县（市、区）人民政府要把深化医改列入重要议事日程。区卫健局要推进区中医院牵头组建医共体。')).toEqual([
      ['各县（市、区）人民政府', 'unmarked'],
      ['区卫健局', 'unmarked'],
    ]);
  });

  it('reads the roles a provision states clause by clause', () => {
    expect(names('由市卫健委牵头，市财政局、市医保局配合。')).toEqual([
      ['市卫健委', 'lead'],
      ['市财政局', 'support'],
      ['市医保局', 'support'],
    ]);
    expect(names('由市卫健委、市医保局共同牵头，市财政局配合。')).toEqual([
      ['市卫健委', 'lead'],
      ['市医保局', 'lead'],
      ['市财政局', 'support'],
    ]);
    expect(names('由市食品药品监督管理局会同市工商局、经信委负责。')).toEqual([
      ['市食品药品监督管理局', 'lead'],
      ['市工商局', 'support'],
      ['经信委', 'support'],
    ]);
    expect(names('由市委组织部、市卫健委按职责分工负责。')).toEqual([
      ['市委组织部', 'unmarked'],
      ['市卫健委', 'unmarked'],
    ]);
  });

  it('finds the body after 由 before the work it does', () => {
    expect(names('考核结果由同级卫健部门统一组织认定。')).toEqual([['同级卫健部门', 'unmarked']]);
  });

  it('names no agency for people, patients or a policy phrase ending like a body', () => {
    expect(names('医务人员要积极参与。患者应按规定就医。全面落实政府办医责任，加大医改工作在市委督查中的比重。')).toEqual([]);
  });

  it('gives spans that point at the names', () => {
    const text = '一是市卫健委要加强指导。';
    const [agency] = findProseActors(text.slice(2), { offset: 2 });
    expect(text.slice(agency!.span.start, agency!.span.end)).toBe('市卫健委');
  });
});
