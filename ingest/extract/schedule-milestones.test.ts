import { describe, expect, it } from 'vitest';
import type { Deadline, ParsedTask } from '../document.js';
import { tieScheduleMilestones } from './schedule-milestones.js';

let cursor = 0;
function task(path: string, title: string, body = '', deadline: Deadline | null = null): ParsedTask {
  const text = body ? `${title}。${body}` : title;
  const start = cursor;
  cursor += text.length + 1;
  const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null;
  return {
    key: path.split('/').at(-1)!,
    path,
    parentPath,
    kind: parentPath === null || !path.includes('/', path.indexOf('/') + 1) ? 'section' : 'item',
    depth: path.split('/').length,
    order: 0,
    title,
    text,
    span: { start, end: start + text.length },
    agencies: [],
    targets: [],
    deadline,
    supplements: [],
  };
}

// Shapes from a city pilot plan (资阳市 2017): areas 二/（一）…, then "三、工作安排" with stages and yearly milestones.
function plan(): ParsedTask[] {
  cursor = 0;
  return [
    task('二', '工作任务'),
    task('二/（一）', '健全全民预防保健制度'),
    task('二/（一）/2', '完善公共卫生治理机制', '二级以上医院全部设置疾病预防控制科室'),
    task('二/（一）/1', '健全专业公共卫生体系', '2020年以前，市级疾控中心达到三级乙等以上标准', {
      date: '2020-12-31',
      text: '2020年以前',
      source: 'item',
    }),
    task('二/（四）', '加快构建分级诊疗模式'),
    task('二/（四）/3', '健全双向转诊机制', '规范和落实城市综合医院…的功能定位'),
    task('二/（四）/1', '大力提升基层服务能力', '规范大型医疗机构外延发展'),
    task('四', '工作保障'),
    task('四/（一）', '强化组织领导', '在各级全面深化改革领导小组的领导下'),
    task('三', '工作安排'),
    task('三/（二）', '全面推进（2017年4月—2018年12月）'),
    task('三/（二）/1', '健全全民预防保健制度', '2017年，启动市疾控中心创建三级乙等工作。2020年，市疾控中心达到三级乙等标准'),
    task(
      '三/（二）/5',
      '加快分级诊疗模式构建',
      '2017年，完善签约服务收费政策，县域内就诊率达到90%左右。2018年，完善利益分配机制和医疗联合体运行机制，健全双向转诊制度',
    ),
  ];
}

const deadlines = (tasks: ParsedTask[]) =>
  Object.fromEntries(tasks.map((t) => [t.path, t.deadline ? [t.deadline.date, t.deadline.source] : null]));

describe('tieScheduleMilestones', () => {
  it('dates an area named by a milestone heading with the milestone’s last date', () => {
    const tied = deadlines(tieScheduleMilestones(plan(), { year: 2017 }));
    expect(tied['二/（一）']).toEqual(['2020-12-31', 'schedule']);
    // "加快分级诊疗模式构建" restates "加快构建分级诊疗模式" with the words reordered.
    expect(tied['二/（四）']).toEqual(['2018-12-31', 'schedule']);
  });

  it('dates an item by the dated sentence that restates its heading: "2018年，…健全双向转诊制度"', () => {
    const tasks = tieScheduleMilestones(plan(), { year: 2017 });
    const item = tasks.find((t) => t.path === '二/（四）/3')!;
    expect(item.deadline).toEqual({ date: '2018-12-31', text: '2018年', source: 'schedule' });
    expect(item.supplements).toHaveLength(1);
    expect(item.supplements[0]).toMatchObject({ role: 'deadline' });
    expect(item.supplements[0]!.text).toContain('健全双向转诊制度');
  });

  it('gives items of a dated area the area’s date, and keeps an item’s own date', () => {
    const tied = deadlines(tieScheduleMilestones(plan(), { year: 2017 }));
    expect(tied['二/（一）/2']).toEqual(['2020-12-31', 'schedule']);
    expect(tied['二/（四）/1']).toEqual(['2018-12-31', 'schedule']);
    expect(tied['二/（一）/1']).toEqual(['2020-12-31', 'item']);
  });

  it('leaves tasks no milestone names, and the schedule itself, as they were', () => {
    const tied = deadlines(tieScheduleMilestones(plan(), { year: 2017 }));
    expect(tied['四/（一）']).toBeNull();
    expect(tied['三']).toBeNull();
  });

  it('does nothing in a plan without a schedule section', () => {
    const tasks = plan().filter((t) => !t.path.startsWith('三'));
    expect(deadlines(tieScheduleMilestones(tasks, { year: 2017 }))['二/（一）']).toBeNull();
  });

  it('ties a stage that names an item by its number: "第（二）项"', () => {
    cursor = 0;
    const tasks = [
      task('一', '重点任务'),
      task('一/（二）', '推进医保支付方式改革', '全面推进按疾病诊断相关分组付费'),
      task('二', '实施步骤'),
      task('二/（一）', '动员部署阶段', '2021年6月底前，完成第（二）项的方案制定'),
    ];
    expect(deadlines(tieScheduleMilestones(tasks, { year: 2021 }))['一/（二）']).toEqual(['2021-06-30', 'schedule']);
  });

  it('takes no date from a milestone that reports work before the plan’s year: "2016年，…" in 2017', () => {
    cursor = 0;
    const tasks = [
      task('一', '完善医保支付机制', '完善差别化支付政策'),
      task('二', '工作安排'),
      task('二/1', '深化公立医院综合改革', '2016年，启动城市公立医院完善医保支付方式“四同步”改革'),
    ];
    expect(deadlines(tieScheduleMilestones(tasks, { year: 2017 }))['一']).toBeNull();
  });
});
