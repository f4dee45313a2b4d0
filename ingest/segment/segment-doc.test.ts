import { describe, expect, it } from 'vitest';
import { IngestError, type IngestDoc, type ParsedTask, type SegmentedDoc } from '../document.js';
import { normaliseDoc } from '../normalise/index.js';
import { segmentDoc } from './index.js';

function segment(sourceText: string): SegmentedDoc {
  return segmentDoc(
    normaliseDoc({
      source: { path: 'fixture.txt', sha256: '', byteLength: 0, format: 'txt', encoding: 'utf-8', sourceText },
      messages: [],
    }),
  );
}

const outline = (doc: IngestDoc) => doc.tasks!.map((t: ParsedTask) => `${t.kind} ${t.path} ${t.key} ${t.text}`);

describe('segmentDoc: numbering styles', () => {
  it('types every entry of a flat 1.–5. list as a work item, also one printed without its full stop (灵璧 2021)', () => {
    const doc = segment(
      [
        '县卫健委2021年政府工作报告任务分解',
        '1.落实积极应对人口老龄化国家战略，推动生活性服务业向高品质和多样化升级。',
        '牵头责任单位:县卫健委',
        '2.加强重大公共卫生安全风险源头防控，切实保障人民群众生命安全',
        '牵头责任单位:县卫健委',
        '3.创建国家卫生县城。',
        '牵头责任单位:县卫健委',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual(['item 1', 'item 2', 'item 3']);
  });

  it("keeps a heading's lead paragraph in the section, not in its title, when a web copy opens it with a quotation (三明 2018)", () => {
    // A web copy: each year on a line of its own ("2020" then "年").
    const doc = segment(
      [
        '某市深化医药卫生体制改革规划',
        '一、总体要求',
        '（一）主要目标。到',
        '2020',
        '年，基本建立分级诊疗制度。',
        '二、重点任务',
        '“十三五”期间，要在分级诊疗、现代医院管理等制度建设上取得新突破。',
        '（一）建立科学合理的分级诊疗制度。',
        '推动形成基层首诊、双向转诊的分级诊疗机制。',
        '1.',
        '建立完善总医院运行新机制。',
        '在',
        '2017',
        '年完成县域总医院组建的基础上，深化内涵建设。',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path} ${task.title}`)).toEqual([
      'section 一 总体要求',
      'item 一/（一） 主要目标',
      'section 二 重点任务',
      'section 二/（一） 建立科学合理的分级诊疗制度',
      'item 二/（一）/1 建立完善总医院运行新机制',
    ]);
    expect(doc.tasks.find((task) => task.path === '二')?.text).toBe(
      '重点任务\n“十三五”期间，要在分级诊疗、现代医院管理等制度建设上取得新突破。',
    );
  });

  it('reads a one-sentence heading closed with a full stop over numbered actions as a section (六盘水 2020, 三明 2017)', () => {
    const doc = segment(
      '某市方案\n一、重点任务\n（一）聚焦健康素养提升，推进健康行动。\n1.推进健康知识普及行动。完善健康教育体系。\n2.合理膳食行动。推广。',
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual([
      'section 一',
      'section 一/（一）',
      'item 一/（一）/1',
      'item 一/（一）/2',
    ]);
  });

  it('reads the top-level 一、 parts with only prose under them as items, the work they state, beside a run-in item', () => {
    const doc = segment(
      '资阳市试点方案\n一、工作目标\n以维护人民健康为中心。\n二、加强组织领导\n各部门要加强领导。\n三、做好宣传。营造良好氛围。',
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual(['item 一', 'item 二', 'item 三']);
  });

  it('nests 一、 （一） 1. （1） ① in prose', () => {
    const doc = segment(
      [
        '三明市医改方案',
        '一、工作任务',
        '（一）健全预防保健制度',
        '1. 健全公共卫生体系。加快建设。',
        '（1）加强队伍建设。',
        '（2）提升能力。',
        '2. 完善治理机制。',
        '① 实施行动。',
        '② 推进转变。',
        '（二）深化公立医院改革',
        '1、完善补偿机制。',
        '1． 这一行只是正文的一部分吗？不，它重复了编号，所以是正文。',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      'section 一 一、 工作任务',
      'section 一/（一） （一） 健全预防保健制度',
      'item 一/（一）/1 1. 健全公共卫生体系。加快建设。',
      'measure 一/（一）/1/（1） （1） 加强队伍建设。',
      'measure 一/（一）/1/（2） （2） 提升能力。',
      'item 一/（一）/2 2. 完善治理机制。',
      'measure 一/（一）/2/① ① 实施行动。',
      'measure 一/（一）/2/② ② 推进转变。',
      'section 一/（二） （二） 深化公立医院改革',
      'item 一/（二）/1 1、 完善补偿机制。\n1.这一行只是正文的一部分吗？不，它重复了编号，所以是正文。',
    ]);
    expect(doc.tasks.map((t) => t.depth)).toEqual([0, 1, 2, 3, 3, 2, 3, 3, 1, 2]);
    expect(doc.tasks[3]!.parentPath).toBe('一/（一）/1');
  });

  it('ends an item where the next begins when the next is printed with the same number (三明 2018, issue 13)', () => {
    // A web copy (each year on a line of its own) of a plan whose drafter printed "5." twice in its （三） — here "2.":
    // the second is the next part, not text of the one before.
    const doc = segment(
      [
        '某市深化医药卫生体制改革规划',
        '一、重点任务',
        '（一）建立公平高效的全民医疗保障制度。',
        '1.',
        '深化医保支付方式改革。',
        '从',
        '2018',
        '年起，全面推进按疾病诊断相关分组收付费改革。',
        '2.',
        '健全重特大疾病保障机制。',
        '提高大病保险对困难群众支付的精准性。',
        '2.',
        '完善医疗服务价格调整机制。',
        '一是腾空间。减少药品耗材流通和使用环节。',
        '到',
        '2020',
        '年，逐步建立价格动态调整机制。',
        '（二）建立规范有序的药品供应保障制度。',
        '1.',
        '完善药物政策体系。',
        '巩固完善基本药物制度。',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path} ${task.key} ${task.title}`)).toEqual([
      'section 一 一、 重点任务',
      'section 一/（一） （一） 建立公平高效的全民医疗保障制度',
      'item 一/（一）/1 1. 深化医保支付方式改革',
      'item 一/（一）/2 2. 健全重特大疾病保障机制',
      'item 一/（一）/2~2 2. 完善医疗服务价格调整机制',
      'section 一/（二） （二） 建立规范有序的药品供应保障制度',
      'item 一/（二）/1 1. 完善药物政策体系',
    ]);
    const second = doc.tasks.find((task) => task.path === '一/（一）/2')!;
    expect(second.text).toBe('健全重特大疾病保障机制。\n提高大病保险对困难群众支付的精准性。');
    expect(doc.normalised.text.slice(second.span.start, second.span.end)).toBe(second.text);
    expect(doc.tasks.find((task) => task.path === '一/（一）/2~2')!.text).toBe(
      '完善医疗服务价格调整机制。\n一是腾空间。减少药品耗材流通和使用环节。\n到2020年，逐步建立价格动态调整机制。',
    );
    expect(doc.messages.map((message) => message.code)).toEqual(expect.arrayContaining(['numbering-repeated', 'duplicate-path']));
    expect(doc.messages.map((message) => message.code)).not.toContain('numbering-gap');
  });

  it('keeps a repeated number in the item it follows when its line is a sentence of text, not a heading like its sibling', () => {
    const doc = segment(
      [
        '某市实施方案',
        '一、重点任务',
        '1.健全重特大疾病保障机制。',
        '提高大病保险对困难群众支付的精准性。',
        '1.对符合条件的困难群众给予救助。救助标准另行制定。',
        '2.完善医疗服务价格调整机制。',
        '理顺医疗服务比价关系。',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual(['section 一', 'item 一/1', 'item 一/2']);
    expect(doc.tasks[1]!.text).toContain('对符合条件的困难群众给予救助');
  });

  it('reads half-width (一) and full-width （二） as the same level', () => {
    const doc = segment(
      '泗县重点工作任务\n一、加强体系建设\n(一)加强疫情防控。（责任单位：县卫生健康委）\n（二）推进疫苗接种。（责任单位：县卫生健康委）',
    );
    expect(doc.tasks.map((t) => t.path)).toEqual(['一', '一/（一）', '一/（二）']);
  });

  it('carries numbering on across sections: 一、（一）…（二） 二、（三）', () => {
    const doc = segment('泗县重点工作任务\n一、甲\n（一）做甲。\n（二）做乙。\n二、乙\n（三）做丙。');
    expect(doc.tasks.map((t) => t.path)).toEqual(['一', '一/（一）', '一/（二）', '二', '二/（三）']);
  });

  it('splits sub-measures written inline ①…②… out of the item text', () => {
    const doc = segment('泗县重点工作任务\n1. 加强监管。①完善飞行检查机制。②建立会商机制。');
    expect(outline(doc)).toEqual(['item 1 1. 加强监管。', 'measure 1/① ① 完善飞行检查机制。', 'measure 1/② ② 建立会商机制。']);
  });

  it('reads an assessment indicator whose numbered criteria award or deduct points as an item with its criteria as measures', () => {
    const doc = segment(
      [
        '三明市公立医院总会计师年薪考核评分标准',
        '一、预算管理（24分）',
        '（一）预算管理制度建设',
        '1.科学建立全面预算的编制、审批程序，得1分，未建立的扣1分；',
        '2.建立全面预算绩效考核机制得1分，未制定的不得分。',
        '（二）预算编制管理',
        '1.推行零基预算。',
        '2.健全预算调整程序。',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual([
      'section 一',
      'item 一/（一）',
      'measure 一/（一）/1',
      'measure 一/（一）/2',
      'section 一/（二）',
      'item 一/（二）/1',
      'item 一/（二）/2',
    ]);
  });

  it('reads a 考核标准 cell that numbers its own criteria 1.–2. inside indicator 3 as the sub-points of 3, not text of its ① (三明 2018, issue 13)', () => {
    // An assessment table flattened from a web page, one cell a line: indicators numbered on across the table,
    // the 考核标准和计分 cell of 3 numbering its criteria afresh, then its 考核方法 cell.
    const doc = segment(
      [
        '某市公立医院院长年薪制考核评分表',
        '一、服务评价（2分）',
        '1.病人满意度',
        '患者对医院满意度达全省平均水平及以上的得2分。',
        '二、持续发展（6分）',
        '2.重点学科建设',
        '①开展重点学科建设有规划，得1分。',
        '现场查阅佐证材料。',
        '3.信息化建设',
        '1.提高数据采集规范化水平。',
        '①确保平台数据采集的及时与完整，得0.5分。',
        '②做好电子健康档案常态化更新，得0.5分。',
        '2.强化保障水平。',
        '①按当年医药总收入比例逐步增加信息化建设投入，得0.5分。',
        '由信息中心提供系统抽调数据。',
        '4.落实党建主体责任',
        '不落实一项扣0.5分。',
        '三、遵纪守法（2分）',
        '5.廉洁行医',
        '发生一起扣1分。',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual([
      'section 一',
      'item 一/1',
      'section 二',
      'item 二/2',
      'measure 二/2/①',
      'item 二/3',
      'measure 二/3/1',
      'measure 二/3/1/①',
      'measure 二/3/1/②',
      'measure 二/3/2',
      'measure 二/3/2/①',
      'item 二/4',
      'section 三',
      'item 三/5',
    ]);
    expect(doc.tasks.find((task) => task.path === '二/3/1/②')!.text).toBe('做好电子健康档案常态化更新，得0.5分。');
    expect(doc.tasks.find((task) => task.path === '二/3/2/①')!.text).toBe(
      '按当年医药总收入比例逐步增加信息化建设投入，得0.5分。\n由信息中心提供系统抽调数据。',
    );
    expect(doc.messages.map((message) => message.code)).not.toContain('numbering-gap');
  });

  it('keeps a "1." inside a numbered part as its text when no "2." follows it: one entry is no list', () => {
    const doc = segment(
      [
        '某市实施方案',
        '一、重点任务',
        '1.落实分级诊疗制度。',
        '2.健全重特大疾病保障机制。',
        '1.对符合条件的困难群众给予救助。',
        '3.完善医疗服务价格调整机制。',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => `${task.kind} ${task.path}`)).toEqual(['section 一', 'item 一/1', 'item 一/2', 'item 一/3']);
    expect(doc.tasks[2]!.text).toContain('对符合条件的困难群众给予救助');
  });

  it('reads a top-level heading with only prose under it as an item, the prose its text; one over numbered parts as a section', () => {
    const doc = segment('资阳市试点方案\n一、工作目标\n以维护人民健康为中心。\n二、工作任务\n（一）强化组织领导。在各级领导下推进。');
    expect(outline(doc)).toEqual([
      'item 一 一、 工作目标\n以维护人民健康为中心。',
      'section 二 二、 工作任务',
      'item 二/（一） （一） 强化组织领导。在各级领导下推进。',
    ]);
  });

  it('ends the last item before a contact line: 监督方式:0557-6031710, 联系电话：0598-8231234 (灵璧 2021)', () => {
    for (const contact of ['监督方式:0557-6031710', '联系电话：0598-8231234', '咨询电话：（0598）8231234', '电话:12345678']) {
      const doc = segment(
        ['某县重点工作任务', '1.创建国家卫生县城。', '牵头责任单位:县卫健委', '2.推广家庭医生签约服务。', contact].join('\n'),
      );
      expect(doc.tasks.at(-1)!.text).toBe('推广家庭医生签约服务。');
    }
  });

  it('ends the last item at its responsibility note, not at the closing paragraph', () => {
    const doc = segment(
      '泗县重点工作任务\n一、改革\n（一）推广经验。（责任单位：县卫生健康委等按职责分工负责）\n各有关部门要高度重视深化医改工作。',
    );
    expect(doc.tasks.at(-1)!.text).toBe('推广经验。（责任单位：县卫生健康委等按职责分工负责）');
  });

  it('gives each task a span whose slice is its text', () => {
    const doc = segment('泗县重点工作任务\n一、甲\n（一）做甲。\n（二）做乙。');
    for (const task of doc.tasks) expect(doc.normalised.text.slice(task.span.start, task.span.end)).toBe(task.text);
    expect(doc.tasks.every((t) => t.agencies.length === 0 && t.targets.length === 0 && t.deadline === null)).toBe(true);
  });

  it('fails a document with nothing numbered', () => {
    expect(() => segment('这是一段没有编号的文字。\n另一段文字。')).toThrow(IngestError);
  });
});

describe('segmentDoc: tables', () => {
  const table = [
    '三明市医改领导小组文件',
    '2024年深化医改重点任务分解表',
    '工作任务\t主要目标要求\t细化措施\t责任单位\t备注',
    '一、坚持整体推进\t1. 加强统筹协调。\t推动落实改革责任。\t各县（市、区）\t',
    '二、坚持互促共进\t2. 深化健康促进。\t①开展行动。②优化服务。\t市卫健委、教育局\t',
    '\t\t增设托育服务。\t市卫健委\t',
    '\t3. 推进疾控改革。\t①完成整合。\t市委编办\t',
  ].join('\n');

  it('reads the section cell as a section, the numbered cell as an item and ①② as measures', () => {
    const doc = segment(table);
    expect(outline(doc)).toEqual([
      'section 一 一、 坚持整体推进',
      'item 一/1 1. 加强统筹协调。\t推动落实改革责任。',
      'section 二 二、 坚持互促共进',
      'item 二/2 2. 深化健康促进。',
      'measure 二/2/① ① 开展行动。',
      'measure 二/2/② ② 优化服务。',
      'measure 二/2/#1  增设托育服务。',
      'item 二/3 3. 推进疾控改革。',
      'measure 二/3/① ① 完成整合。',
    ]);
  });

  it('adds the 责任单位 cell to the row owner as an agencies supplement', () => {
    const doc = segment(table);
    const supplements = Object.fromEntries(doc.tasks.map((t) => [t.path, t.supplements.map((s) => `${s.role}:${s.text}`)]));
    expect(supplements['一/1']).toEqual(['agencies:各县（市、区）']);
    expect(supplements['二/2']).toEqual(['agencies:市卫健委、教育局']);
    expect(supplements['二/2/#1']).toEqual(['agencies:市卫健委']);
  });

  it('labels each agencies supplement with its column header, so 牵头单位 and 配合单位 stay apart', () => {
    const doc = segment(
      [
        '宁都县2023年深化医改重点工作任务清单',
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t推进医共体建设。\t县卫健委\t县医保局、县财政局\t2023年12月底前',
      ].join('\n'),
    );
    expect(doc.tasks[0]!.supplements.map((s) => `${s.role}:${s.label ?? ''}:${s.text}`)).toEqual([
      'agencies:牵头单位:县卫健委',
      'agencies:配合单位:县医保局、县财政局',
      'deadline::2023年12月底前',
    ]);
  });

  it('merges a roadmap table into the items it restates instead of duplicating them', () => {
    const doc = segment(
      [
        '枞阳县重点工作的通知',
        '一、加强组织领导',
        '1、成立领导小组秘书处，承担日常工作。（责任单位：县卫生健康委）',
        '2、制定健康枞阳行动措施。（责任单位：县卫生健康委）',
        '枞阳县深化医药卫生体制综合改革领导小组',
        '2020年6月30日',
        '序号\t工作任务\t具体措施\t责任单位\t完成时间',
        '1\t成立领导小组秘书处\t出台通知\t县卫生健康委、县财政局\t8月底前',
        '\t监测领导小组日常工作\t每月监测\t县卫生健康委\t全年',
        '2\t制定健康枞阳行动措施\t出台方案\t县政府办\t全年',
      ].join('\n'),
    );
    expect(doc.tasks.map((t) => t.path)).toEqual(['一', '一/1', '一/2']);
    expect(doc.tasks[1]!.supplements.map((s) => `${s.role}:${s.text}`)).toEqual([
      'roadmap:成立领导小组秘书处\t出台通知',
      'agencies:县卫生健康委、县财政局',
      'deadline:8月底前',
      'roadmap:监测领导小组日常工作\t每月监测',
      'agencies:县卫生健康委',
      'deadline:全年',
    ]);
    expect(doc.tasks[2]!.supplements.map((s) => s.role)).toEqual(['roadmap', 'agencies', 'deadline']);
  });

  it('opens no unit for an attached 分工表 whose rows all restate the plan’s items: they are the items’ notes', () => {
    const plan = (rows: string[]) =>
      segment(
        [
          '某某市推进分级诊疗制度建设实施方案',
          '一、重点任务',
          '（一）提升县级医院综合能力。加强5大中心建设。',
          '（二）推进医疗联合体建设。组建医共体。',
          '附件',
          '某某市推进分级诊疗制度建设重点任务分工表',
          '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
          ...rows,
        ].join('\n'),
      );
    const restating = plan([
      '1\t提升县级医院综合能力\t市卫生健康委\t市财政局\t2020年12月底',
      '2\t推进医疗联合体建设\t市卫生健康委\t市医保局\t2019年12月底',
    ]);
    expect(restating.tasks.map((t) => t.path)).toEqual(['一', '一/（一）', '一/（二）']);
    expect(restating.tasks[2]!.supplements.map((s) => `${s.role}:${s.text}`)).toContain('deadline:2019年12月底');
    // A table of tasks of its own is the attachment's outline.
    // A table of its own (a 考核评分细则) is the attachment's outline, even where its row numbers are the items'.
    const own = plan([
      '1\t开展健康素养宣传\t市卫生健康委\t市教育局\t2020年12月底',
      '2\t规范药品采购使用\t市医保局\t市市场监管局\t2019年12月底',
    ]);
    expect(own.tasks.map((t) => t.path)).toEqual(['一', '一/（一）', '一/（二）', '附件', '附件/1', '附件/2']);
    expect(own.tasks[2]!.supplements).toEqual([]);
  });
});

describe('segmentDoc: metadata', () => {
  it('takes the title of the plan, not of its cover letter, and the number, issuer and date', () => {
    const doc = segment(
      [
        '资府发〔2017〕23号',
        '资阳市人民政府',
        '关于印发资阳市深化医药卫生体制综合改革试点方案的通知',
        '各县（区）人民政府：',
        '现将《资阳市深化医药卫生体制综合改革试点方案》印发给你们，请认真贯彻执行。',
        '资阳市人民政府',
        '2017年6月21日',
        '资阳市深化医药卫生体制综合改革试点方案',
        '为深入推进改革，制定本方案。',
        '一、工作目标',
        '以维护人民健康为中心。',
      ].join('\n'),
    );
    expect(doc.meta).toEqual({
      title: '资阳市深化医药卫生体制综合改革试点方案',
      docNumber: '资府发〔2017〕23号',
      issuer: '资阳市人民政府',
      issuedOn: '2017-06-21',
      status: 'final',
      // The title names no years it covers: the plan is placed in time by its date alone.
      coversFrom: null,
      coversTo: null,
      jurisdictionId: '512000',
      year: 2017,
    });
  });

  it('marks a 征求意见稿 as a draft and reads a misspelt county from the body', () => {
    const doc = segment(
      [
        '柘阳县卫生健康委员会',
        '关于征求意见的函',
        '附件：',
        '关于推广三明市医改经验重点工作的通知',
        '(征求意见稿)',
        '各乡镇人民政府：',
        '一、加强组织领导',
        '1、完善枞阳县领导小组。（责任单位：县卫生健康委）',
        '2、制定健康枞阳行动措施。（责任单位：县卫生健康委）',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({
      title: '关于推广三明市医改经验重点工作的通知',
      status: 'draft',
      jurisdictionId: '340722',
      docNumber: null,
      issuedOn: null,
    });
    expect(doc.messages).toContainEqual(expect.objectContaining({ code: 'jurisdiction-typo', offset: 0 }));
  });

  it('takes the title a cover letter names when the page prints none, in the half-width punctuation of a web copy', () => {
    const doc = segment(
      [
        '某某区人民政府办公室',
        '某府办发〔2024〕48号',
        '各镇人民政府、街道办事处,区政府有关部门:',
        '《某某区进一步完善医疗卫生服务体系实施方案》已经区政府同意,现印发给你们,请认真贯彻执行。',
        '某某区人民政府办公室',
        '2024年6月11日',
        '为完善全区医疗卫生服务体系,制定本实施方案。',
        '一、总体目标',
        '到2027年,体系进一步健全。',
      ].join('\n'),
    );
    expect(doc.meta.title).toBe('某某区进一步完善医疗卫生服务体系实施方案');
  });

  it('reads the number from the disclosure table a web copy carries above the cover letter', () => {
    const cover = '各县（市、区）人民政府：\n《某某市城市公立医院综合改革实施方案》已经市政府同意，现印发给你们。\n2017年7月28日\n';
    const plan = '某某市城市公立医院综合改革实施方案\n为推进改革，制定本方案。\n一、总体要求\n全面推开改革。';
    expect(segment(`文号 | 平政办〔2017〕68号 | 索引号 | 005452065/2017-00098 | 关键词 | |\n${cover}${plan}`).meta.docNumber).toBe(
      '平政办〔2017〕68号',
    );
    expect(segment(`发文字号：平政办〔2017〕68号\n${cover}${plan}`).meta.docNumber).toBe('平政办〔2017〕68号');
    // A number cited in the text is another document's.
    expect(segment(`${cover}${plan}根据《意见》（国办发〔2015〕38号）。`).meta.docNumber).toBeNull();
  });

  it('takes the issuer and its place from the disclosure table’s 发布机构 when nothing is signed (广东 2021)', () => {
    const doc = segment(
      [
        '发布机构: 广东省卫生健康委员会',
        '名 称: 广东省卫生健康委2021年政务公开工作重点任务台账',
        '2021年政务公开工作重点任务台账',
        '1.做好常态化疫情防控信息发布。',
        '2.扎实做好疫苗接种信息公开。',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ issuer: '广东省卫生健康委员会', jurisdictionId: '440000' });
    // A law database's header names the issuer 发文单位.
    expect(
      segment(
        [
          '内政办发[2015]103号',
          '颁布时间:2015-09-30 00:00:00.000 发文单位:内蒙古自治区人民政府办公厅',
          '经自治区人民政府同意,现将《内蒙古自治区全面推开旗县级公立医院综合改革实施方案》印发给你们。',
          '(此件公开发布)',
          '内蒙古自治区全面推开旗县级公立医院综合改革实施方案',
          '一、总体要求',
          '深入贯彻落实党的十八大精神。',
        ].join('\n'),
      ).meta,
    ).toMatchObject({ issuer: '内蒙古自治区人民政府办公厅', jurisdictionId: '150000' });
    // An empty field names nobody.
    expect(segment('发布机构: | |\n某某工作任务\n1.做好信息发布。\n2.做好公开。').meta.issuer).toBeNull();
  });

  it('places a document that names only its level by the body its web page gives as the article’s source, and says so (灵璧 2021)', () => {
    const doc = segment(
      [
        '您当前的位置:首页 > 信息公开 > 灵璧县卫生健康委员会 > 决策部署落实情况',
        '县卫健委2021年政府工作报告任务分解',
        '文章来源:灵璧县卫生健康委员会 浏览量: 发表时间:2021-05-07 10:49 责任编辑:卫健委政务公开',
        '1.创建国家卫生县城。',
        '牵头责任单位:县卫健委',
        '2.加强基层医疗卫生服务能力建设。',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ jurisdictionId: '341323', issuer: null });
    expect(doc.messages.map((message) => message.code)).toContain('jurisdiction-from-page-source');
    expect(doc.messages.map((message) => message.code)).not.toContain('jurisdiction-unknown');
  });

  it('reads a page source printed as 来源： as it reads 文章来源：, alone, after the time or under the text, and keeps it out of the last item', () => {
    const copy = (before: string[], after: string[]) =>
      segment(
        [
          '县卫健委2021年政府工作报告任务分解',
          ...before,
          '1.创建国家卫生县城。',
          '牵头责任单位:县卫健委',
          '2.加强基层医疗卫生服务能力建设。',
          ...after,
        ].join('\n'),
      );
    const placements: [string[], string[]][] = [
      [['来源：灵璧县卫生健康委员会'], []],
      [['发布时间：2021-05-07 10:49 来源：灵璧县卫生健康委员会 字号：大 中 小'], []],
      [['时间：2021-05-07　来源：灵璧县卫生健康委员会　浏览次数：'], []],
      [[], ['来源：灵璧县卫生健康委员会', '【打印本页】【关闭窗口】']],
      [[], ['文章来源：灵璧县卫生健康委员会']],
    ];
    for (const [before, after] of placements) {
      const doc = copy(before, after);
      const where = [...before, ...after].join(' ');
      expect(doc.meta.jurisdictionId, where).toBe('341323');
      expect(
        doc.messages.map((message) => message.code),
        where,
      ).toContain('jurisdiction-from-page-source');
      expect(doc.tasks.at(-1)!.text, where).toBe('加强基层医疗卫生服务能力建设。');
    }
  });

  it('reads the year a plan speaks from in its date or number, never in the period its title covers', () => {
    const plan = (...lines: string[]) =>
      segment(
        ['某某市深化医药卫生体制改革实施方案', '（2016—2018年）', ...lines, '一、主要任务', '（一）推进分级诊疗。6月底前完成。'].join('\n'),
      );
    // The period is the years covered; the document states no issue year.
    expect(plan().meta).toMatchObject({ coversFrom: 2016, coversTo: 2018, year: null });
    // GB/T 9704: the 发文字号's year in 〔〕 is the year of issue.
    expect(plan('某政办〔2016〕12号').meta.year).toBe(2016);
    // A year in the text is the year of some work or goal ("到2020年"), not the issue year.
    expect(
      segment(['某某县深化医药卫生体制改革实施方案', '一、主要目标', '（一）到2020年，县域内就诊率达到90%。'].join('\n')).meta.year,
    ).toBeNull();
    // A one-year plan names the year it is for.
    expect(segment(['某某市2021年深化医药卫生体制改革重点工作任务', '一、主要任务', '（一）推进分级诊疗。'].join('\n')).meta.year).toBe(
      2021,
    );
  });

  it('finds the title above or below a page information line that opens with its timestamp (2021-05-07 10:49 来源：…)', () => {
    const body = ['1.创建国家卫生县城。', '牵头责任单位:县卫健委', '2.加强基层医疗卫生服务能力建设。'];
    const title = '县卫健委2021年政府工作报告任务分解';
    const information = '2021-05-07 10:49 来源：灵璧县卫生健康委员会';
    for (const lines of [
      [information, title, ...body],
      [title, information, ...body],
      ['2021-05-07 来源：灵璧县卫生健康委员会', title, ...body],
    ]) {
      const doc = segment(lines.join('\n'));
      expect(doc.meta.title, lines[0]).toBe(title);
      expect(doc.meta.jurisdictionId, lines[0]).toBe('341323');
    }
    // Under the text, the line ends the last item.
    expect(segment([title, ...body, information].join('\n')).tasks.at(-1)!.text).toBe('加强基层医疗卫生服务能力建设。');
    // A date alone is no page line: a table flattened one cell a line may print its 完成时限 so.
    expect(segment([title, ...body, '2021-12-31'].join('\n')).tasks.at(-1)!.text).toContain('2021-12-31');
  });

  it('does not place a 县卫健委 copy by a newspaper or a city or province that reposted it as its page’s source', () => {
    const copy = (source: string) =>
      segment(
        [
          '您当前的位置:首页 > 信息公开 > 决策部署落实情况',
          '县卫健委2021年政府工作报告任务分解',
          `文章来源:${source} 浏览量: 发表时间:2021-05-07 10:49`,
          '1.创建国家卫生县城。',
          '牵头责任单位:县卫健委',
          '2.加强基层医疗卫生服务能力建设。',
        ].join('\n'),
      );
    for (const source of ['人民网', '宿州市卫生健康委员会', '安徽省卫生健康委员会', '安徽省人民政府']) {
      const doc = copy(source);
      expect(doc.meta.jurisdictionId, source).toBe('000000');
      expect(doc.messages.map((message) => message.code)).toContain('jurisdiction-unknown');
    }
    // A body of the level the copy names itself by (县) is its maker, and the place stays marked inferred.
    const placed = copy('灵璧县人民政府');
    expect(placed.meta.jurisdictionId).toBe('341323');
    expect(placed.messages.map((message) => message.code)).toContain('jurisdiction-from-page-source');
  });

  it('reads the date under a signature whose web copy lost 年月日 when its digits split one way only (佛山 2016)', () => {
    const doc = segment(
      [
        '各区人民政府,市政府各部门、直属各机构:',
        '现将《佛山市医疗卫生强基创优行动计划(20162018年)》印发给你们,请认真贯彻执行。',
        '佛山市人民政府',
        '201675',
        '佛山市医疗卫生强基创优行动计划',
        '为贯彻落实有关精神,制订本行动计划。',
        '一、总体要求',
        '按照“完善体系、优化格局”的思路,增强医疗卫生服务有效供给。',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ title: '佛山市医疗卫生强基创优行动计划', issuer: '佛山市人民政府', issuedOn: '2016-07-05' });
    // "2016111" is 1月11日 or 11月1日: no date is read.
    expect(segment(['佛山市人民政府', '2016111', '某某行动计划', '一、总体要求', '做好工作。'].join('\n')).meta.issuedOn).toBeNull();
  });

  it('reads the number a web page prints before the cover’s title on its heading line (云岩 2021)', () => {
    const cover =
      '各街道办事处:\n经区政府同意,现将《健康云岩行动实施方案》印发给你们,请认真贯彻执行。\n云岩区人民政府办公室\n2021年2月22日\n';
    const plan = '健康云岩行动实施方案\n为推进健康云岩行动,制定本方案。\n一、总体目标\n到2022年,建成体系。';
    const doc = segment(`云府办发〔2021〕6号 云岩区人民政府办公室关于印发健康云岩行动实施方案的通知\n${cover}${plan}`);
    expect(doc.meta).toMatchObject({ docNumber: '云府办发〔2021〕6号', title: '健康云岩行动实施方案' });
  });

  it('takes no title from the furniture a web copy carries: a breadcrumb, a menu entry, a table of contents, the article’s information line', () => {
    // A title the document does not print stays empty.
    const body = '\n1.实行医疗联合体网格化管理。制定布局规划。\n2.完善医保支付政策。';
    expect(segment(`首页 > 法律法规 > 正文阅览\n目录${body}`).meta.title).toBe('');
    expect(segment(`• 政府信息公开${body}`).meta.title).toBe('');
    expect(segment(`您当前的位置:首页 > 信息公开${body}`).meta.title).toBe('');
    expect(segment(`首页 > 信息公开\n某某市医疗联合体建设重点任务${body}`).meta.title).toBe('某某市医疗联合体建设重点任务');
    const articleInfo = '文章来源:某某县卫生健康委员会 浏览量: 发表时间:2021-05-07 10:49 责任编辑:政务公开';
    expect(segment(`您当前的位置:首页 > 信息公开\n县卫健委2021年政府工作报告任务分解\n${articleInfo}${body}`).meta.title).toBe(
      '县卫健委2021年政府工作报告任务分解',
    );
  });

  it('places a document by the title its cover letter names when no title line is printed', () => {
    const doc = segment(
      [
        '各乡镇人民政府,县政府有关部门:',
        '县卫计局拟定的《化隆县深化医药卫生体制改革综合试点方案》已经县人民政府研究同意,现转发给你们,请认真贯彻执行。',
        '2015年9月7日',
        '为深化改革,特制定本方案。',
        '一、基本思路',
        '推进改革。',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ title: '化隆县深化医药卫生体制改革综合试点方案', jurisdictionId: '630224' });
  });

  it('takes the plan’s title printed right under the cover’s title, with a disclosure table between bars above (海南州 2024)', () => {
    const doc = segment(
      [
        '索引号: | 3070211020000013000000/2024092600000171 | 发布机构: | |',
        '文 号: | 所属主题: | 政策文件 |',
        '关于印发海南州全面推进紧密型县域医疗卫生 共同体建设实施方案的通知',
        '海南州全面推进紧密型县域医疗卫生',
        '共同体建设实施方案',
        '为推进医共体建设,制定本实施方案。',
        '一、总体目标',
        '到2025年底前,建成医共体。',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({ title: '海南州全面推进紧密型县域医疗卫生共同体建设实施方案', jurisdictionId: '632500' });
  });

  it('keeps the period under a title when a web copy lost its dash: （20162018年）', () => {
    const doc = segment(
      ['某省深化医药卫生体制改革综合试点实施方案', '（20162018年）', '一、重点任务', '（一）推进分级诊疗。2017年底前建成医联体。'].join(
        '\n',
      ),
    );
    expect(doc.meta).toMatchObject({ title: '某省深化医药卫生体制改革综合试点实施方案（20162018年）', coversFrom: 2016, coversTo: 2018 });
  });

  it('joins a title printed on two lines', () => {
    const doc = segment('临汾市深化医药卫生体制改革\n\n近期重点工作任务\n\n按照要求，制定如下。\n\n一、提能力\n\n（一）发挥引领作用。');
    expect(doc.meta).toMatchObject({ title: '临汾市深化医药卫生体制改革近期重点工作任务', jurisdictionId: '141000', issuer: null });
  });

  it('ends the title where the document kind does, not at the first heading or a table header under it', () => {
    const doc = segment(
      '三明市“十四五”深化医药\n卫生体制改革专项规划\n前  言\n本规划基期为2020年。\n第一章  基础条件\n第一节  发展成就\n成效显著。',
    );
    expect(doc.meta.title).toBe('三明市“十四五”深化医药卫生体制改革专项规划');
    expect(outline(doc).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['section 第一章', 'item 第一章/第一节']);
  });

  it('takes the title above the number of a document issued without a cover, and the district inside its city', () => {
    const doc = segment(
      '邯郸市峰峰矿区人民政府\n关于推进紧密型县域医共体建设的实施意见\n峰政发〔2023〕7号\n各镇人民政府，区政府各部门：\n为推进改革，提出如下意见。\n一、总体目标\n到2025年，建成医共体。\n二、保障措施\n加强领导。',
    );
    expect(doc.meta).toMatchObject({
      title: '邯郸市峰峰矿区人民政府关于推进紧密型县域医共体建设的实施意见',
      docNumber: '峰政发〔2023〕7号',
      jurisdictionId: '130406',
    });
  });

  it('gives a forwarded plan the forwarding government’s issuer, date and jurisdiction, and the plan’s title', () => {
    const doc = segment(
      [
        '宣威市人民政府办公室关于转发《曲靖市深化医改实施方案》的通知',
        '宣政办发〔2023〕21号',
        '各乡（镇）人民政府：',
        '现将《曲靖市深化医改实施方案》转发给你们，请认真贯彻执行。',
        '宣威市人民政府办公室',
        '2023年5月8日',
        '曲靖市深化医改实施方案',
        '一、总体要求',
        '（一）指导思想。推进改革。',
        '曲靖市人民政府办公室',
        '2023年4月10日',
      ].join('\n'),
    );
    expect(doc.meta).toMatchObject({
      title: '曲靖市深化医改实施方案',
      docNumber: '宣政办发〔2023〕21号',
      issuer: '宣威市人民政府办公室',
      issuedOn: '2023-05-08',
      jurisdictionId: '530381',
    });
  });

  it('joins co-signatories and reads a date in Chinese numerals', () => {
    const doc = segment(
      '三明市卫生健康委员会         三明市医疗保障局\n二〇二一年三月五日\n三明市合理检查工作方案\n一、工作目标\n规范检查。',
    );
    expect(doc.meta).toMatchObject({ issuer: '三明市卫生健康委员会、三明市医疗保障局', issuedOn: '2021-03-05' });
  });
});

describe('segmentDoc: task tables', () => {
  it('reads a table a web copy prints between bars, a row under a merged cell by its right-hand columns (广东 2021)', () => {
    const doc = segment(
      [
        '2021 年政务公开工作重点任务台账 |',
        '序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |',
        '1 | 做好常态化疫情防控信息发布 | 重点围绕散发疫情、隔离管控等发布权威信息 | 应急处、疾控处等按职责分工落实 | 长期推进 |',
        '|',
        '2 | 扎实做好疫苗接种信息公开和舆论引导工作 | 疾控处 | 长期推进 |',
        '|',
        '3 | 提高新冠肺炎疫情信息发布规范化水平 | 宣传处 | 2021年8月前 |',
      ].join('\n'),
    );
    expect(doc.meta.title).toBe('2021年政务公开工作重点任务台账');
    expect(doc.tasks.map((task) => [task.kind, task.path, task.supplements.map((cell) => `${cell.role}:${cell.text}`)])).toEqual([
      ['item', '1', ['agencies:应急处、疾控处等按职责分工落实', 'deadline:长期推进']],
      ['item', '2', ['agencies:疾控处', 'deadline:长期推进']],
      ['item', '3', ['agencies:宣传处', 'deadline:2021年8月前']],
    ]);
  });

  it('gives a row under a merged 牵头单位 or 完成时限 cell what that cell says, and nothing more', () => {
    const doc = segment(
      [
        '某县2022年医改重点工作任务分解表',
        '序号 | 重点任务 | 牵头单位 | 完成时限 | 备注 |',
        '1 | 完善医共体管理体制 | 县卫健委 | 2022年6月底前 |',
        '|',
        '2 | 推进人员统筹使用 | 2022年12月底前 |',
        '|',
        '3 | 推进医保打包付费 |',
        '|',
        '4 | 建立绩效考核制度 | 县医保局、县财政局 | 长期推进 |',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => [task.path, task.text, task.supplements.map((cell) => `${cell.role}:${cell.text}`)])).toEqual([
      ['1', '完善医共体管理体制', ['agencies:县卫健委', 'deadline:2022年6月底前']],
      ['2', '推进人员统筹使用', ['agencies:县卫健委', 'deadline:2022年12月底前']],
      ['3', '推进医保打包付费', ['agencies:县卫健委', 'deadline:2022年12月底前']],
      ['4', '建立绩效考核制度', ['agencies:县医保局、县财政局', 'deadline:长期推进']],
    ]);
  });

  it('reads a row under merged 序号, 重点任务, 牵头单位 and 完成时限 cells as a measure of the item, with the merged lead and date', () => {
    // Word's vertically merged cells (w:vMerge) and a web table's rowspan print nothing in the rows they span.
    const doc = segment(
      [
        '某县2023年深化医药卫生体制改革重点工作任务',
        '序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限',
        '1\t推进分级诊疗\t推进紧密型县域医共体建设。\t县卫健局\t县医保局\t2023年12月底前',
        '完善家庭医生签约服务。\t县财政局',
        '2\t深化医保改革\t深化医保支付方式改革。\t县医保局\t县卫健局\t2023年6月底前',
        '加强医保基金监管。\t县市场监管局\t持续推进',
      ].join('\n'),
    );
    expect(
      doc.tasks.map((task) => [task.kind, task.path, task.text, task.supplements.map((cell) => `${cell.label ?? cell.role}:${cell.text}`)]),
    ).toEqual([
      ['item', '1', '推进分级诊疗\t推进紧密型县域医共体建设。', ['牵头单位:县卫健局', '配合单位:县医保局', 'deadline:2023年12月底前']],
      ['measure', '1/#1', '完善家庭医生签约服务。', ['牵头单位:县卫健局', '配合单位:县财政局', 'deadline:2023年12月底前']],
      ['item', '2', '深化医保改革\t深化医保支付方式改革。', ['牵头单位:县医保局', '配合单位:县卫健局', 'deadline:2023年6月底前']],
      ['measure', '2/#1', '加强医保基金监管。', ['牵头单位:县医保局', '配合单位:县市场监管局', 'deadline:持续推进']],
    ]);
  });

  it('keeps a row under a merged 牵头单位 whose 完成时限 is a range, a repeat, a start or a dotted date as its own task', () => {
    for (const deadline of ['2023—2025年', '2023-2025年', '每年', '逐年推进', '持续', '2023年起', '2022.12', '2022.12.31']) {
      const doc = segment(
        [
          '某县2022年医改重点工作任务分解表',
          '序号 | 重点任务 | 牵头单位 | 完成时限 | 备注 |',
          '1 | 完善医共体管理体制 | 县卫健委 | 2022年6月底前 |',
          '|',
          `2 | 推进人员统筹使用 | ${deadline} |`,
        ].join('\n'),
      );
      expect(
        doc.tasks.map((task) => [task.path, task.text, task.supplements.map((cell) => `${cell.role}:${cell.text}`)]),
        deadline,
      ).toEqual([
        ['1', '完善医共体管理体制', ['agencies:县卫健委', 'deadline:2022年6月底前']],
        ['2', '推进人员统筹使用', ['agencies:县卫健委', `deadline:${deadline}`]],
      ]);
    }
  });

  it('keeps a short task cell that is a number or a 长期 phrase of the task in the task column', () => {
    const doc = segment(
      [
        '某县2022年医改重点工作任务分解表',
        '序号 | 重点任务 | 牵头单位 | 完成时限 |',
        '1 | 完善医共体管理体制 | 县卫健委 | 2022年6月底前 |',
        '2 | 长期护理保险试点 | 2022年12月底前 |',
        '3 | 120急救网络建设 |',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => [task.path, task.text, task.supplements.map((cell) => `${cell.role}:${cell.text}`)])).toEqual([
      ['1', '完善医共体管理体制', ['agencies:县卫健委', 'deadline:2022年6月底前']],
      ['2', '长期护理保险试点', ['agencies:县卫健委', 'deadline:2022年12月底前']],
      ['3', '120急救网络建设', ['agencies:县卫健委', 'deadline:2022年12月底前']],
    ]);
  });

  it('reads a table interrupted by section rows spanning its columns under its one header', () => {
    const doc = segment(
      [
        '于都县2023年重点工作任务分解表',
        '序号\t重点任务\t牵头单位\t完成时限',
        '一、推进医共体建设\t\t\t',
        '1\t完善医共体管理体制\t县卫健委\t2023年6月底前',
        '2\t推进人员统筹使用\t县人社局\t全年',
        '二、深化医保改革',
        '3\t推进医保打包付费\t县医保局\t2023年12月底前',
      ].join('\n'),
    );
    expect(doc.tasks.map((task) => task.path)).toEqual(['一', '一/1', '一/2', '二', '二/3']);
    expect(doc.tasks.find((task) => task.path === '二/3')?.supplements.map((supplement) => supplement.role)).toEqual([
      'agencies',
      'deadline',
    ]);
  });
});
