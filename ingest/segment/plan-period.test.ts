import { describe, expect, it } from 'vitest';
import { planPeriodOf, yearsInForce } from './plan-period.js';

describe('planPeriodOf', () => {
  it.each([
    ['三明市深化医药卫生体制改革行动方案（2023—2025年）', { from: 2023, to: 2025 }],
    ['2021-2022年深化医药卫生体制改革重点工作任务', { from: 2021, to: 2022 }],
    ['健康枞阳2019至2020年行动计划', { from: 2019, to: 2020 }],
    ['三明市“十三五”深化医药卫生体制改革规划', { from: 2016, to: 2020 }],
    ['三明市“十四五”深化医药卫生体制改革专项规划', { from: 2021, to: 2025 }],
    ['十二五期间卫生事业发展规划', { from: 2011, to: 2015 }],
    ['2024年深化医药卫生体制改革重点工作任务', { from: 2024, to: 2024 }],
    ['泗县2017年度公立医院综合改革实施方案', { from: 2017, to: 2017 }],
  ])('%s covers the years its title names', (title, period) => {
    expect(planPeriodOf(title)).toEqual(period);
  });

  it.each([['关于进一步深化医药卫生体制改革的实施意见'], ['关于2018年和2019年医疗服务价格调整的通知'], ['关于调整城乡居民医保待遇的通知']])(
    '%s states no period',
    (title) => {
      expect(planPeriodOf(title)).toBeNull();
    },
  );

  it.each([
    ['某省深化医药卫生体制改革综合试点实施方案（20162018年）', { from: 2016, to: 2018 }],
    ['某县健康扶贫工程实施方案（2016 2020年）', { from: 2016, to: 2020 }],
  ])('%s, a web copy that lost the dash of its period, covers the two years', (title, period) => {
    expect(planPeriodOf(title)).toEqual(period);
  });

  it.each([
    ['关于印发20182016年工作方案的通知'], // years out of order
    ['关于印发19952030年工作方案的通知'], // no plan spans 35 years
    ['某县120162018年急救网络建设方案'], // more digits than two years
  ])('%s is no period whose dash was lost', (title) => {
    expect(planPeriodOf(title)?.from === planPeriodOf(title)?.to).toBe(true);
  });

  it('does not read a month of a date as a year plan', () => {
    expect(planPeriodOf('2023年6月1日起执行的收费标准')).toBeNull();
  });
});

describe('yearsInForce', () => {
  it('takes the years the plan covers, else its issue year, else nothing', () => {
    expect(yearsInForce({ coversFrom: 2023, coversTo: 2025, issuedOn: '2023-04-01' })).toEqual({ from: 2023, to: 2025 });
    expect(yearsInForce({ coversFrom: null, coversTo: null, issuedOn: '2019-12-30' })).toEqual({ from: 2019, to: 2019 });
    expect(yearsInForce({ coversFrom: null, coversTo: null, issuedOn: null })).toBeNull();
  });
});
