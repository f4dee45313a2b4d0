import { describe, expect, it } from 'vitest';
import { findDeadlines, parseDeadline, pickDeadline } from './deadlines.js';

const dates = (text: string, year: number | null = 2020) => findDeadlines(text, { year }).map((match) => [match.kind, match.date]);

describe('findDeadlines', () => {
  it('reads 2020年9月底前, with or without spaces', () => {
    expect(dates('2020年9月底前，继续开展')).toEqual([['explicit', '2020-09-30']]);
    expect(dates('2020 年 9 月底前，继续开展')).toEqual([['explicit', '2020-09-30']]);
  });

  it('dates a period within one year by its last month', () => {
    expect(dates('全面实施阶段（2022年6月—11月）')).toEqual([['explicit', '2022-11-30']]);
  });

  it('completes 8月底前 and 全年 with the document year', () => {
    expect(dates('8月底前')).toEqual([['explicit', '2020-08-31']]);
    expect(dates('全年')).toEqual([['explicit', '2020-12-31']]);
    expect(dates('8月底前', 2017)).toEqual([['explicit', '2017-08-31']]);
  });

  it('leaves a month without a year empty when the document year is unknown', () => {
    expect(dates('8月底前', null)).toEqual([]);
  });

  it('reads 到2022年, 2017年底前 and 2020年以前 as the end of that year', () => {
    expect(dates('到2022年，力争实现')).toEqual([['explicit', '2022-12-31']]);
    expect(dates('2017年底前实行按病种付费')).toEqual([['explicit', '2017-12-31']]);
    expect(dates('2020年以前，市级疾控中心达到')).toEqual([['explicit', '2020-12-31']]);
    expect(dates('到2022年底实施带量采购')).toEqual([['explicit', '2022-12-31']]);
  });

  it('reads a period to its end month: 2016年12月—2017年3月', () => {
    expect(dates('（一）启动实施（2016年12月—2017年3月）')).toEqual([['explicit', '2017-03-31']]);
  });

  it('reads a bare year as the year the work belongs to', () => {
    expect(dates('2020年，建立医保经办机构与医疗机构之间的集体协商机制')).toEqual([['year-scope', '2020-12-31']]);
  });

  it('reads 长期 and 持续推进 as open-ended, without a date', () => {
    expect(dates('长期')).toEqual([['open-ended', null]]);
    expect(dates('持续推进')).toEqual([['open-ended', null]]);
  });

  it('skips years inside titles and document numbers, and durations such as 3年内', () => {
    expect(dates('根据《深化医药卫生体制改革2024年重点工作任务》（国办发〔2024〕29号）')).toEqual([]);
    expect(dates('3年内打造区域专病诊疗基地')).toEqual([]);
  });
});

describe('parseDeadline', () => {
  it('reads a 完成时间 cell as one deadline', () => {
    expect(parseDeadline('9月底前', { year: 2020 })?.date).toBe('2020-09-30');
    expect(parseDeadline('长期', { year: 2020 })).toMatchObject({ kind: 'open-ended', date: null });
  });

  it('refuses prose that merely contains a date', () => {
    expect(parseDeadline('2020年实现社区卫生服务机构具备中医服务能力', { year: 2020 })).toBeNull();
  });
});

describe('pickDeadline', () => {
  const at = (text: string, year = 2020) => findDeadlines(text, { year });

  it('prefers the task’s own explicit limit over the roadmap’s', () => {
    expect(pickDeadline({ own: at('到2022年，力争实现'), supplements: at('全年') })).toEqual({
      date: '2022-12-31',
      text: '到2022年',
      source: 'item',
    });
  });

  it('prefers the roadmap’s limit over a bare year in the wording', () => {
    expect(pickDeadline({ own: at('2020年，进一步完善'), supplements: at('8月底前') })?.date).toBe('2020-08-31');
  });

  it('takes the last milestone when the wording names several', () => {
    expect(pickDeadline({ own: at('2017年，乙肝发病率保持下降。2020年，保持下降趋势'), supplements: [] })?.date).toBe('2020-12-31');
  });

  it('gives no deadline for ongoing work', () => {
    expect(pickDeadline({ own: at('持续推进'), supplements: at('长期') })).toBeNull();
  });
});

describe('findDeadlines on the shapes task lists print', () => {
  it('reads 2025年底前, 到2027年, 年内, 上半年 and 6月底前 (year from the document)', () => {
    expect(dates('2025年底前，县域医共体实现全覆盖', 2024)).toEqual([['explicit', '2025-12-31']]);
    expect(dates('到2027年，基本建成', 2024)).toEqual([['explicit', '2027-12-31']]);
    expect(dates('扎实推进“智医助理”项目，年内实现基层医疗机构全覆盖')).toEqual([['explicit', '2020-12-31']]);
    expect(dates('将今年上半年的相关任务进展情况报送', 2024)).toEqual([['explicit', '2024-06-30']]);
    expect(dates('6月底前完成', 2021)).toEqual([['explicit', '2021-06-30']]);
  });

  it('reads 上旬, 中旬 and 下旬 of a month', () => {
    expect(dates('2021年6月中旬前完成自查')).toEqual([['explicit', '2021-06-20']]);
    expect(dates('2021年6月下旬')).toEqual([['explicit', '2021-06-30']]);
  });

  it('gives no date for a start: 2024年起, 从2018年1月1日起', () => {
    expect(dates('2024年起，莆田学院与三明医学科技职业学院')).toEqual([['open-ended', null]]);
    expect(dates('从2018年1月1日起，全面推进按疾病诊断相关分组')).toEqual([['open-ended', null]]);
  });

  it('reads 每年 as recurring, keeping the period that follows it', () => {
    expect(dates('原则上每年10月底前完成现场稽核全覆盖', 2021)).toEqual([
      ['open-ended', null],
      ['explicit', '2021-10-31'],
    ]);
  });

  it('reads 长期坚持 as open-ended', () => {
    expect(dates('长期坚持')).toEqual([['open-ended', null]]);
  });
});
