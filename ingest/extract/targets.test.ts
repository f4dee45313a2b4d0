import { describe, expect, it } from 'vitest';
import { extractTargets } from './targets.js';

const brief = (text: string) => extractTargets(text).map((target) => [target.op, target.value, target.unit]);

describe('extractTargets', () => {
  it('reads 不低于70% with its metric', () => {
    const [target] = extractTargets('县级公立医院实施按病种付费的出院病例数占出院病例数的比例不低于70%。');
    expect(target).toMatchObject({ op: '>=', value: 70, unit: '%', metric: '县级公立医院实施按病种付费的出院病例数占出院病例数的比例', text: '不低于70%' });
  });

  it('reads 达300台 and 3.3万人 with the year of their sentence', () => {
    const targets = extractTargets('2024年，全市公共场所配备自动体外除颤仪（AED）达300台，培训救护员3.3万人。');
    expect(targets.map((t) => [t.op, t.value, t.unit, t.by])).toEqual([
      ['>=', 300, '台', '2024'],
      ['=', 3.3, '万人', '2024'],
    ]);
  });

  it('reads 提高5元 as an increase', () => {
    expect(brief('基本公共卫生服务经费人均财政补助标准提高5元。')).toEqual([['+', 5, '元']]);
  });

  it('reads 47.5%以上, 控制在30%以下, 控制在10%以内 and 达到95%', () => {
    expect(brief('县域内支出占比47.5%以上')).toEqual([['>=', 47.5, '%']]);
    expect(brief('个人卫生支出占卫生总费用的比例控制在30%以下')).toEqual([['<=', 30, '%']]);
    expect(brief('力争个人医疗费用支出控制在10%以内')).toEqual([['<=', 10, '%']]);
    expect(brief('妇幼保健机构标准化建设率达到95%')).toEqual([['>=', 95, '%']]);
  });

  it('reads 最高不得超过…的5倍 as at most five times, naming the measure from the clause before', () => {
    const [target] = extractTargets('合理确定公立医院绩效工资总量，最高不得超过公益一类事业单位绩效工资总量的5倍。');
    expect(target).toMatchObject({ op: '<=', value: 5, unit: '倍', metric: '合理确定公立医院绩效工资总量' });
  });

  it('reads alternatives joined by 或 as two targets on the same metric', () => {
    const targets = extractTargets('2024年底，各县域基层诊疗量占比达到65%或同比提高1个百分点左右。');
    expect(targets.map((t) => [t.op, t.value, t.unit, t.metric])).toEqual([
      ['>=', 65, '%', '各县域基层诊疗量占比'],
      ['+', 1, '个百分点', '各县域基层诊疗量占比'],
    ]);
  });

  it('reads minimums written in Chinese numerals and relative to an average', () => {
    expect(brief('各县（区）至少设置一所公立中医医院')).toEqual([['>=', 1, '所']]);
    expect(brief('医疗服务收入占医疗收入比例不低于全省平均水平')).toEqual([['>=', null, null]]);
  });

  it('takes no targets from dates, document numbers, ordinals, ranks or levels', () => {
    expect(brief('2020年9月底前，根据《通知》（国办发〔2024〕29号）开展第七批药品或第九批耗材的联盟带量采购')).toEqual([]);
    expect(brief('重点将住院人数或住院费用占比前10位的病种优先纳入')).toEqual([]);
    expect(brief('落实13—14周岁HPV疫苗免费接种')).toEqual([]);
  });

  it('takes no targets from names in quotation marks or phone-style numbers', () => {
    expect(brief('学习借鉴浙江“3个10%”经验，实施“511”计划，完善120指挥调度')).toEqual([]);
  });

  it('takes no targets from conditions that describe something else', () => {
    expect(brief('床位在100张以上的综合医院由市卫生计生行政部门负责审批')).toEqual([]);
    expect(brief('常住人口超过50万且市级机构覆盖不到的县（区）设置或明确1所精神卫生专业机构')).toEqual([['=', 1, '所']]);
  });

  it('takes no target from a count of named places (6个重点帮扶县) or of means (以16个专项行动为载体)', () => {
    expect(brief('在乡村振兴6个重点帮扶县继续实行“乡招村用”工作')).toEqual([]);
    expect(brief('以16个专项行动为有效载体')).toEqual([]);
  });

  it('keeps a count of places when reaching a standard is the goal: 3个县（区）疾控中心达到二级甲等以上标准', () => {
    expect(brief('市级疾控中心达到三级乙等以上标准，3个县（区）疾控中心达到二级甲等以上标准')).toEqual([['=', 3, '个']]);
    expect(brief('17个县(市、区)乡村两级医疗卫生机构达标率达90%以上')).toEqual([['>=', 90, '%']]);
  });

  it('keeps 个 counts that are not places: 21个省级临床重点专科', () => {
    expect(brief('推进2个国家级，21个省级以及60个市级临床重点专科建设')).toEqual([
      ['=', 2, '个'],
      ['=', 21, '个'],
      ['=', 60, '个'],
    ]);
  });

  it('gives spans in the text searched, shifted by the offset', () => {
    const text = '比例不低于30%。';
    const [target] = extractTargets(text, { offset: 10 });
    expect(target?.span).toEqual({ start: 12, end: 18 });
  });
});
