import { describe, expect, it } from 'vitest';
import { planSeries, titleKind, versionStep } from './plan-versions.js';

const policy = (id: string, title: string, issuedOn: string | null, coversFrom: number | null = null, coversTo = coversFrom) => ({
  id,
  title,
  issuedOn,
  coversFrom,
  coversTo,
});

describe('titleKind', () => {
  it('drops the years, periods and quotation marks a series changes from one version to the next', () => {
    expect(titleKind('2020年全市卫生健康工作主要任务分工方案')).toBe(titleKind('2021年全市卫生健康工作主要任务分工方案'));
    expect(titleKind('三明市“十三五”深化医药卫生体制改革规划')).toBe('三明市深化医药卫生体制改革规划');
    expect(titleKind('三明市“十四五”深化医药卫生体制改革专项规划')).toBe('三明市深化医药卫生体制改革规划');
    expect(titleKind('泗县深化医药卫生体制改革2021年-2022年重点工作任务')).toBe('泗县深化医药卫生体制改革重点工作任务');
  });
});

describe('planSeries', () => {
  it('groups documents of one kind, oldest first, and leaves single documents out', () => {
    const series = planSeries([
      policy('work-2021', '2021年全市卫生健康工作主要任务分工方案', '2021-03-19', 2021),
      policy('fyp-14', '三明市“十四五”深化医药卫生体制改革专项规划', '2022-11-07', 2021, 2025),
      policy('work-2020', '2020年全市卫生健康工作主要任务分工方案', '2020-04-23', 2020),
      policy('fyp-13', '三明市“十三五”深化医药卫生体制改革规划', '2018-04-27', 2016, 2020),
      policy('salary', '三明市公立医院总会计师年薪考核评分标准', '2018-08-22'),
      // Same words, another document type: an action plan does not continue the five-year plans.
      policy('action', '三明市深化医药卫生体制改革行动方案', '2024-09-20'),
      policy('untitled', '', '2018-01-15'),
    ]);
    expect(series.map((group) => group.map((p) => p.id))).toEqual([
      ['fyp-13', 'fyp-14'],
      ['work-2020', 'work-2021'],
    ]);
  });
});

describe('versionStep', () => {
  const t = (metric: string, value: number, unit = '%') => ({ metric, op: '>=', value, unit });
  it('lists national items continued, added and dropped, and says which way each changed target moved', () => {
    const step = versionStep(
      ['N1', 'N2'],
      ['N2', 'N3'],
      [t('家庭医生签约率', 30), t('DRG付费占比', 70), t('床位数', 5, '张')],
      [t('家庭医生签约率', 45), t('DRG付费占比', 50), t('床位数', 5, '万张')],
    );
    expect(step).toMatchObject({ continued: ['N2'], added: ['N3'], dropped: ['N1'] });
    expect(step.targetChanges.map((c) => `${c.metric}:${c.direction}`)).toEqual([
      '家庭医生签约率:RAISED',
      'DRG付费占比:LOWERED',
      '床位数:CHANGED',
    ]);
  });
});
