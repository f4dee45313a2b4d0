import { describe, expect, it } from 'vitest';
import { findDeadlines, parseDeadline, pickDeadline } from './deadlines.js';

const dates = (text: string, year: number | null = 2020) => findDeadlines(text, { year }).map((match) => [match.kind, match.date]);

describe('findDeadlines', () => {
  it('reads 2020年9月底前, with or without spaces', () => {
    expect(dates('2020年9月底前，继续开展')).toEqual([['explicit', '2020-09-30']]);
    expect(dates('2020 年 9 月底前，继续开展')).toEqual([['explicit', '2020-09-30']]);
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
    expect(pickDeadline({ own: at('到2022年，力争实现'), supplements: at('全年') })).toEqual({ date: '2022-12-31', text: '到2022年' });
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
