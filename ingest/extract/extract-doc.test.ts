import { describe, expect, it } from 'vitest';
import type { ParsedTask, SegmentedDoc, TaskSupplement } from '../document.js';
import { extractDoc } from './extract-doc.js';

/** A document whose tasks are the given paragraphs, one per line, in order. */
function docOf(
  paragraphs: {
    text: string;
    kind?: ParsedTask['kind'];
    path?: string;
    parentPath?: string;
    supplements?: Omit<TaskSupplement, 'span'>[];
  }[],
  preamble = '',
  year = 2020,
): SegmentedDoc {
  let text = preamble ? `${preamble}\n` : '';
  const tasks: ParsedTask[] = [];
  const pending: { task: ParsedTask; supplements: Omit<TaskSupplement, 'span'>[] }[] = [];
  paragraphs.forEach((paragraph, order) => {
    const start = text.length;
    text += `${paragraph.text}\n`;
    const task: ParsedTask = {
      key: String(order + 1),
      path: paragraph.path ?? String(order + 1),
      parentPath: paragraph.parentPath ?? null,
      kind: paragraph.kind ?? 'item',
      depth: paragraph.parentPath ? 1 : 0,
      order,
      title: paragraph.text.slice(0, 10),
      text: paragraph.text,
      span: { start, end: start + paragraph.text.length },
      agencies: [],
      targets: [],
      deadline: null,
      supplements: [],
    };
    tasks.push(task);
    pending.push({ task, supplements: paragraph.supplements ?? [] });
  });
  // Supplements sit after the outline, like a roadmap table at the end of the document.
  for (const { task, supplements } of pending) {
    for (const supplement of supplements) {
      const start = text.length;
      text += `${supplement.text}\n`;
      task.supplements.push({ ...supplement, span: { start, end: start + supplement.text.length } });
    }
  }
  return {
    source: { path: 'test.txt', sha256: '', byteLength: 0, format: 'txt', encoding: 'utf-8', sourceText: text },
    normalised: { text, sourceOffsets: [...Array(text.length + 1).keys()] },
    meta: {
      title: 't',
      docNumber: null,
      issuer: null,
      issuedOn: null,
      status: 'final',
      coversFrom: null,
      coversTo: null,
      jurisdictionId: '340722',
      year,
    },
    tasks,
    messages: [],
  };
}

const roles = (task: ParsedTask | undefined) => task?.agencies.map((agency) => `${agency.name}:${agency.role}:${agency.position}`);

describe('extractDoc', () => {
  it('makes every listed agency responsible, none lead, when the document states no rule', () => {
    const doc = extractDoc(docOf([{ text: '完善机制。（责任单位：县卫生健康委、县财政局、县医保局）' }]));
    expect(roles(doc.tasks[0])).toEqual(['县卫生健康委:responsible:0', '县财政局:responsible:1', '县医保局:responsible:2']);
  });

  it('honours "列首位的为牵头部门，下同" from the list that states it, not before', () => {
    const doc = extractDoc(
      docOf([
        { text: '第一项。（市财政局、市卫健委负责）' },
        { text: '第二项。〔市卫生计生委、市财政局负责。列首位的为牵头部门，下同〕' },
        { text: '第三项。〔市医保局、市卫生计生委负责，市残联参与〕' },
      ]),
    );
    expect(roles(doc.tasks[0])).toEqual(['市财政局:responsible:0', '市卫健委:responsible:1']);
    expect(roles(doc.tasks[1])).toEqual(['市卫生计生委:lead:0', '市财政局:support:1']);
    expect(roles(doc.tasks[2])).toEqual(['市医保局:lead:0', '市卫生计生委:support:1', '市残联:participate:2']);
  });

  it('adds the agency of "以下各项均需…负责，不再列出" to every later item only', () => {
    const doc = extractDoc(
      docOf([
        { text: '（一）第一项。（市卫健委按职责分工负责）' },
        { text: '（二）第二项。（市卫健委、市医保局和各县市区人民政府按职责分工负责。以下各项均需各县市区人民政府负责，不再列出）' },
        { text: '（三）第三项。（市医保局、市卫健委等按职责分工负责）' },
        { text: '二、下一部分', kind: 'section' },
      ]),
    );
    expect(roles(doc.tasks[0])).toEqual(['市卫健委:responsible:0']);
    expect(roles(doc.tasks[1])).toEqual(['市卫健委:responsible:0', '市医保局:responsible:1', '各县市区人民政府:responsible:2']);
    expect(roles(doc.tasks[2])).toEqual(['市医保局:responsible:0', '市卫健委:responsible:1', '各县市区人民政府:responsible:2']);
    expect(roles(doc.tasks[3])).toEqual([]);
  });

  it('under "以第一顺位科室为牵头单位，…其它科室做好配合" stated in the cover notice, the first division leads and the others support', () => {
    const doc = extractDoc(
      docOf(
        [
          { text: '（一）持续推进综合改革。〔责任领导：于修芹、卢叶文；责任单位：体改科、医政科，各县（市、区）卫健局〕' },
          { text: '（二）做好保健工作。〔责任科室：保健办〕' },
        ],
        '一项任务对应多个责任科室的，以第一顺位科室为牵头单位，负责该任务每\n季度落实情况的汇总，其它科室做好配合。',
      ),
    );
    expect(roles(doc.tasks[0])).toEqual(['体改科:lead:0', '医政科:support:1', '各县（市、区）卫健局:support:2']);
    expect(roles(doc.tasks[1])).toEqual(['保健办:lead:0']);
  });

  it('makes a body named for every later item ("以下均需…落实，不再列出") support under a first-leads rule', () => {
    // The rule stated in a table cell, after the names, applies to that cell.
    const cell = extractDoc(
      docOf([
        {
          text: '1．健全服务体系。',
          supplements: [{ role: 'agencies', label: '责任单位', text: '市卫健委、发改委。列在首位的为牵头单位，下同' }],
        },
      ]),
    );
    expect(roles(cell.tasks[0])).toEqual(['市卫健委:lead:0', '发改委:support:1']);
    const doc = extractDoc(
      docOf([
        {
          text: '1．健全服务体系。（责任单位：市卫健委、发改委，各县（市、区）党委和人民政府。列在首位的为牵头单位，其他单位按职责分工负责，下同；以下均需各县（市、区）党委和人民政府落实，不再列出。）',
        },
        { text: '2．建设区域医疗中心。（责任单位：市卫健委、发改委、财政局）' },
      ]),
    );
    expect(roles(doc.tasks[0])).toEqual(['市卫健委:lead:0', '发改委:support:1', '各县（市、区）党委和人民政府:support:2']);
    expect(roles(doc.tasks[1])).toEqual([
      '市卫健委:lead:0',
      '发改委:support:1',
      '财政局:support:2',
      '各县（市、区）党委和人民政府:support:3',
    ]);
  });

  it('keeps a name printed twice once and joins a second list in the same item, ranked within its own list', () => {
    const doc = extractDoc(
      docOf([
        { text: '落实要求。（县人力资源社会保障局、县卫生健康委、县医保局、县医保局）密切监测。（责任单位：县卫生健康委、县财政局）' },
      ]),
    );
    expect(roles(doc.tasks[0])).toEqual([
      '县人力资源社会保障局:responsible:0',
      '县卫生健康委:responsible:1',
      '县医保局:responsible:2',
      '县财政局:responsible:3',
    ]);
  });

  it('takes agencies from a table cell when the wording has none, and adds a roadmap row’s extra names, all responsible without a rule', () => {
    const doc = extractDoc(
      docOf([
        { text: '1. 加强医改工作统筹协调。', supplements: [{ role: 'agencies', text: '市卫健委、教育局，各县（市、区）' }] },
        {
          text: '2、制定具体措施。（责任单位：县卫生健康委、县财政局）',
          supplements: [{ role: 'roadmap', text: '2\t制定措施\t出台方案，设在县卫生健康委\t县政府办、县卫生健康委、县财政局\t全年' }],
        },
      ]),
    );
    expect(roles(doc.tasks[0])).toEqual(['市卫健委:responsible:0', '教育局:responsible:1', '各县（市、区）:responsible:2']);
    expect(roles(doc.tasks[1])).toEqual(['县卫生健康委:responsible:0', '县财政局:responsible:1', '县政府办:responsible:2']);
  });

  it('gives every name in a 牵头单位 column the lead and every name in a 配合单位 or 参与单位 column its role', () => {
    const doc = extractDoc(
      docOf([
        {
          text: '1. 加强乡村医生队伍建设。',
          supplements: [
            { role: 'agencies', label: '牵头单位', text: '县卫健委、县人社局' },
            { role: 'agencies', label: '配合单位', text: '县财政局' },
            { role: 'agencies', label: '参与单位', text: '各乡镇人民政府' },
          ],
        },
      ]),
    );
    expect(roles(doc.tasks[0])).toEqual(['县卫健委:lead:0', '县人社局:lead:1', '县财政局:support:2', '各乡镇人民政府:participate:3']);
  });

  it('gives a sub-measure no agencies the document lists for its item only (the item keeps them)', () => {
    const doc = extractDoc(
      docOf([
        { text: '2. 深化全民健康促进与管理。', path: '一/2', supplements: [{ role: 'agencies', text: '市卫健委、民政局' }] },
        { text: '①探索开展运动处方师培训。', kind: 'measure', path: '一/2/①', parentPath: '一/2' },
      ]),
    );
    expect(doc.tasks[0]?.agencies.map((agency) => agency.name)).toEqual(['市卫健委', '民政局']);
    expect(doc.tasks[1]?.agencies).toEqual([]);
  });

  it('takes the completion time a task states in brackets over a 年内 in its text', () => {
    const doc = extractDoc(docOf([{ text: '5.开展调价评估，年内开展一次。由市医保局牵头。（2023年10月底前完成）' }], '', 2023));
    expect(doc.tasks[0]?.deadline?.date).toBe('2023-10-31');
  });

  it('reads no targets or deadlines in the part of a plan that looks back on past results', () => {
    const doc = extractDoc(
      docOf([
        { text: '（一）现实基础。2020年，全市人均预期寿命达到76.5岁，县域内就诊率达到88%。', path: '一/（一）' },
        { text: '（二）主要目标。到2025年，县域内就诊率达到90%以上。', path: '一/（二）' },
      ]),
    );
    expect(doc.tasks.map((task) => [task.targets.length, task.deadline?.date ?? null])).toEqual([
      [0, null],
      [1, '2025-12-31'],
    ]);
  });

  it('reads no targets under 发展背景 or 规划背景, the heading of a plan’s look back on the period before it (扬中 2023)', () => {
    const doc = extractDoc(
      docOf(
        [
          { text: '一、发展背景', path: '一' },
          {
            text: '居民健康水平显著提高。2020年，全市居民人均预期寿命提高到82.25岁，实现省级卫生乡镇全覆盖。',
            path: '一/1',
            parentPath: '一',
          },
          { text: '二、规划背景', path: '二' },
          { text: '（一）总体成效。全市居民健康素养水平达到31.7%。', path: '二/（一）', parentPath: '二' },
          { text: '三、主要目标。到2025年，全市居民人均预期寿命达到83岁。', path: '三' },
        ],
        '',
        2023,
      ),
    );
    expect(doc.tasks.map((task) => task.targets.map((target) => target.value))).toEqual([[], [], [], [], [83]]);
  });

  it('reads no targets or deadlines in a 工作总结 or 进展情况 section, but reads them under 下一步工作', () => {
    const doc = extractDoc(
      docOf(
        [
          { text: '一、2023年工作进展情况', path: '一' },
          { text: '（一）分级诊疗成效明显。县域内就诊率90.2%，2023年底前建成医共体3个。', path: '一/（一）', parentPath: '一' },
          { text: '二、下一步工作打算', path: '二' },
          { text: '（一）深化医共体建设。2024年底前县域内就诊率达到92%。', path: '二/（一）', parentPath: '二' },
          { text: '（二）定期报送工作进展情况', path: '二/（二）', parentPath: '二' },
          { text: '1.每季度末报送工作进展情况。2024年3月底前建立台账，覆盖率达到100%。', path: '二/（二）/1', parentPath: '二/（二）' },
        ],
        '',
        2024,
      ),
    );
    expect(doc.tasks.map((task) => [task.targets.map((target) => target.value), task.deadline?.date ?? null])).toEqual([
      [[], null],
      [[], null],
      [[], null],
      [[92], '2024-12-31'],
      [[], null],
      [[100], '2024-03-31'],
    ]);
  });

  it('sets no deadline on a heading that names the year of the plan (二、2024年重点工作), nor passes one to its items', () => {
    const doc = extractDoc(
      docOf(
        [
          { text: '一、2024年工作要点', path: '一', kind: 'section' },
          { text: '（一）深化医共体建设。完善考核办法。', path: '一/（一）', parentPath: '一' },
          { text: '二、2024年重点工作', path: '二', kind: 'section' },
          { text: '（一）推进支付方式改革。2024年6月底前出台实施细则。', path: '二/（一）', parentPath: '二' },
          { text: '三、到2025年，基本建成分级诊疗制度', path: '三', kind: 'section' },
        ],
        '',
        2024,
      ),
    );
    expect(doc.tasks.map((task) => task.deadline?.date ?? null)).toEqual([null, null, null, '2024-06-30', '2025-12-31']);
  });

  it('reads no target in a figure dated to the end of a year before the document’s (2020年末 in a plan of 2023)', () => {
    const doc = extractDoc(docOf([{ text: '1.巩固成果。2020年末，全市农村无害化卫生户厕普及率达99.9%，到2025年达到100%。' }], '', 2023));
    expect(doc.tasks[0]?.targets.map((target) => [target.value, target.by])).toEqual([[100, '2025']]);
  });

  it('names the bodies a provision puts to work when it prints no responsibility list, a lead ranking only its own clause', () => {
    const doc = extractDoc(
      docOf([
        { text: '（四）优化绩效考核办法。各县（市、区）卫计局要会同各总医院完善考核办法，医务人员要积极参与。', path: '一/（四）' },
        { text: '（五）全面落实政府办医责任。加大投入。', path: '一/（五）' },
      ]),
    );
    // "A要会同B": A leads, B works with it.
    expect(doc.tasks[0]?.agencies.map((agency) => [agency.name, agency.role])).toEqual([
      ['各县（市、区）卫计局', 'lead'],
      ['各总医院', 'support'],
    ]);
    expect(doc.tasks[1]?.agencies).toEqual([]);
    const clauses = extractDoc(
      docOf([{ text: '三、组织管理。市纠风办负责制定方案，市市场监管局会同市工信局负责企业整治，市卫健委负责医疗机构整治。', path: '三' }]),
    );
    expect(clauses.tasks[0]?.agencies.map((agency) => [agency.name, agency.role])).toEqual([
      ['市纠风办', 'responsible'],
      ['市市场监管局', 'lead'],
      ['市工信局', 'support'],
      ['市卫健委', 'responsible'],
    ]);
  });

  it('takes the deadline from the wording, else from the roadmap’s 完成时间, completing months with the document year', () => {
    const doc = extractDoc(
      docOf([
        {
          text: '5、2020年9月底前，继续开展药品带量采购。',
          supplements: [{ role: 'roadmap', text: '5\t开展带量采购\t按照要求\t县医保局\t9月底前' }],
        },
        {
          text: '12. 2020年，进一步完善薪酬制度改革方案。',
          supplements: [{ role: 'roadmap', text: '12\t推进改革\t完善方案\t县卫生健康委\t8月底前' }],
        },
        { text: '20. 到2022年，力争实现全部乡镇卫生院设置中医馆。', supplements: [{ role: 'deadline', text: '全年' }] },
        { text: '（十二）加强医防协同。（市卫健委等按职责分工负责）' },
      ]),
    );
    expect(doc.tasks.map((task) => task.deadline?.date ?? null)).toEqual(['2020-09-30', '2020-08-31', '2022-12-31', null]);
  });

  it('adds a roadmap row’s target that the wording does not state, without repeating one it does', () => {
    const doc = extractDoc(
      docOf([
        {
          text: '14. 出院病例数的比例不低于70%。',
          supplements: [{ role: 'roadmap', text: '14\t推进改革\t比例不低于70%\t县医保局\t全年' }],
        },
        {
          text: '20. 到2022年，力争实现全覆盖。',
          supplements: [{ role: 'roadmap', text: '20\t中医馆\t2020年实现70%的村卫生室具备中医服务能力。\t县卫生健康委\t全年' }],
        },
      ]),
    );
    expect(
      doc.tasks.map((task) => task.targets.map((target) => `${String(target.op)}${String(target.value)}${String(target.unit)}`)),
    ).toEqual([['>=70%'], ['=70%']]);
  });

  it('finds the citations of the preamble, not those inside work items', () => {
    const doc = extractDoc(
      docOf(
        [{ text: '（十五）贯彻落实《临汾市推动公立医院高质量发展实施方案》。' }],
        '按照《山西省深化医改2022年重点工作任务的通知》要求，制定如下。',
      ),
    );
    expect(doc.citations.map((citation) => citation.title)).toEqual(['山西省深化医改2022年重点工作任务的通知']);
  });

  it('warns when the document year is unknown', () => {
    const doc = extractDoc(docOf([{ text: '8月底前完成。' }], '', null as unknown as number));
    expect(doc.tasks[0]?.deadline).toBeNull();
    expect(doc.messages.map((message) => message.code)).toContain('deadline-year-unknown');
  });
});
