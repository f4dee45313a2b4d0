/**
 * Extract + resolve on the five seed documents, against expectations checked by hand from the
 * documents themselves. Items are located by a distinctive phrase of their wording in the normalised
 * text (not through segment), so these tests pin down extraction only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestDoc, ParsedTask, SegmentedDoc, TaskSupplement } from '../../ingest/document.js';
import { extractDoc } from '../../ingest/extract/index.js';
import { normaliseDoc } from '../../ingest/normalise/index.js';
import { readStage } from '../../ingest/read/index.js';
import { resolveDoc } from '../../ingest/resolve/index.js';
import { segmentDoc } from '../../ingest/segment/index.js';

/** A line that starts a numbered unit: 1、 1. （一） 一、 */
const OUTLINE_START = /^(?:\d{1,2}\s*[.、．]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/u;

interface Located {
  phrase: string;
  /** Table rows: 'row' takes the cells after the first as wording and the 责任单位 cell as a supplement. */
  table?: { agenciesCell: number; wordingCells: number[] };
  /** Roadmap row restating the item, found by a phrase of the row. */
  roadmap?: string;
}

/** The prose item holding `phrase`: from its line to the next numbered line. */
function proseBlock(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not found: ${phrase}`);
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  while (end >= 0 && end < text.length) {
    const next = text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next < 0 ? text.length : next);
    if (OUTLINE_START.test(line.trim()) || line.includes('\t')) break;
    end = next < 0 ? text.length : next;
  }
  return { start, end: end < 0 ? text.length : end };
}

function lineOf(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not found: ${phrase}`);
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return { start, end: end < 0 ? text.length : end };
}

function cellsOf(text: string, line: { start: number; end: number }) {
  const cells: { start: number; end: number }[] = [];
  let from = line.start;
  for (const cell of text.slice(line.start, line.end).split('\t')) {
    cells.push({ start: from, end: from + cell.length });
    from += cell.length + 1;
  }
  return cells;
}

function taskAt(text: string, located: Located, order: number): ParsedTask {
  let span: { start: number; end: number };
  const supplements: TaskSupplement[] = [];
  if (located.table) {
    const cells = cellsOf(text, lineOf(text, located.phrase));
    const wording = located.table.wordingCells.map((index) => cells[index]!);
    span = { start: wording[0]!.start, end: wording.at(-1)!.end };
    const agencies = cells[located.table.agenciesCell]!;
    supplements.push({ role: 'agencies', text: text.slice(agencies.start, agencies.end), span: agencies });
  } else {
    span = proseBlock(text, located.phrase);
  }
  if (located.roadmap) {
    const row = lineOf(text, located.roadmap);
    supplements.push({ role: 'roadmap', text: text.slice(row.start, row.end), span: row });
  }
  return {
    key: String(order + 1),
    path: located.phrase,
    parentPath: null,
    kind: 'item',
    depth: 1,
    order,
    title: located.phrase,
    text: text.slice(span.start, span.end),
    span,
    agencies: [],
    targets: [],
    deadline: null,
    supplements,
  };
}

async function processSeed(file: string, jurisdictionId: string, year: number, items: Located[]): Promise<IngestDoc> {
  const doc = normaliseDoc(await readStage(`seeds/${file}`));
  const text = doc.normalised.text;
  const tasks = items.map((item, order) => taskAt(text, item, order)).sort((a, b) => a.span.start - b.span.start);
  const withMeta: SegmentedDoc = {
    ...doc,
    meta: {
      title: '',
      docNumber: null,
      issuer: null,
      issuedOn: null,
      status: 'final',
      coversFrom: null,
      coversTo: null,
      jurisdictionId,
      year,
    },
    tasks,
  };
  return resolveDoc(extractDoc(withMeta));
}

type Expected = [name: string, type: string, role: string, jurisdictionId?: string];

function agenciesOf(doc: IngestDoc, phrase: string): Expected[] {
  const task = doc.tasks!.find((candidate) => candidate.path === phrase)!;
  return task.agencies.map((mention) => {
    const agency = doc.agencies!.get(`${task.path}\u0000${mention.name}`)!;
    return [mention.name, agency.type, mention.role, agency.jurisdictionId];
  });
}

function withJurisdiction(expected: Expected[], jurisdictionId: string): Expected[] {
  return expected.map(([name, type, role, id]) => [name, type, role, id ?? jurisdictionId]);
}

function targetsOf(doc: IngestDoc, phrase: string) {
  return doc.tasks!.find((task) => task.path === phrase)!.targets.map((target) => [target.op, target.value, target.unit]);
}

function deadlineOf(doc: IngestDoc, phrase: string) {
  return doc.tasks!.find((task) => task.path === phrase)!.deadline?.date ?? null;
}

describe('seed 000: a county draft with a roadmap table (枞阳县, 2020)', () => {
  const J = '340722';
  const items: Located[] = [
    { phrase: '制定实施健康枞阳行动的具体落实措施，统筹推进实施', roadmap: '出台《枞阳县实施健康枞阳行动工作方案》' },
    { phrase: '继续开展药品带量采购，巩固完善带量采购成果', roadmap: '对未采纳国家组织集中采购和使用的药品开展带量' },
    { phrase: '进一步完善公立医院薪酬制度改革方案，注重改革质量', roadmap: '全面推进公立医院薪酬制度改革' },
    { phrase: '推进以按病种付费为主的多元复合式医保支付方式改革，县级公立医院', roadmap: '定期组织医保经办机构' },
    { phrase: '落实中西医并重，加大改革创新力度', roadmap: '力争实现全部社区卫生服务中心和乡镇卫生院设置中医馆、配备中医医师。\t' },
    { phrase: '继续开展药品耗材集中采购，加大指导力度', roadmap: '加强对各医疗机构药品耗材集中带量采购指导力度' },
  ];
  // Item 14's roadmap row is the one after the phrase found; locate it by its own 措施 text instead.
  items[3]!.roadmap = '县级公立医院实施按病种（床日）付费的出院病例数占出院病例数的比例不低于70%\t';
  let doc: IngestDoc;
  beforeAll(async () => {
    doc = await processSeed('000_aa2cf58d52cbffab.txt', J, 2020, items);
  });

  // The draft states no ranking rule: its 责任单位 lists and the roadmap's 责任单位 column name every body responsible.
  it('adds the roadmap’s 县政府办 to item 2, every body responsible, due 全年', () => {
    expect(agenciesOf(doc, items[0]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['县卫生健康委', 'HEALTH', 'responsible'],
          ['县财政局', 'FINANCE', 'responsible'],
          ['县人力资源社会保障局', 'HRSS', 'responsible'],
          ['县医保局', 'MEDICAL_INSURANCE', 'responsible'],
          ['县政府办', 'GOVERNMENT_OFFICE', 'responsible'],
        ],
        J,
      ),
    );
    expect(deadlineOf(doc, items[0]!.phrase)).toBe('2020-12-31');
  });

  it('reads item 5: 医保局 listed first but not ranked, due 2020年9月底前', () => {
    expect(agenciesOf(doc, items[1]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['县医保局', 'MEDICAL_INSURANCE', 'responsible'],
          ['县卫生健康委', 'HEALTH', 'responsible'],
          ['县市场监管局', 'MARKET_REGULATION', 'responsible'],
        ],
        J,
      ),
    );
    expect(deadlineOf(doc, items[1]!.phrase)).toBe('2020-09-30');
  });

  it('takes item 12’s deadline from the roadmap’s 8月底前 rather than its bare 2020年', () => {
    expect(agenciesOf(doc, items[2]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['县卫生健康委', 'HEALTH'],
      ['县人力资源社会保障局', 'HRSS'],
      ['县财政局', 'FINANCE'],
      ['县委编办', 'STAFFING_OFFICE'],
    ]);
    expect(deadlineOf(doc, items[2]!.phrase)).toBe('2020-08-31');
  });

  it('reads item 14’s target 不低于70%', () => {
    expect(targetsOf(doc, items[3]!.phrase)).toEqual([['>=', 70, '%']]);
    expect(agenciesOf(doc, items[3]!.phrase)[0]).toEqual(['县医保局', 'MEDICAL_INSURANCE', 'responsible', J]);
  });

  it('places item 20’s 市医保局 in the parent city 铜陵市 and keeps its own 到2022年', () => {
    expect(agenciesOf(doc, items[4]!.phrase)).toEqual([
      ['县卫生健康委', 'HEALTH', 'responsible', J],
      ['县财政局', 'FINANCE', 'responsible', J],
      ['县委编办', 'STAFFING_OFFICE', 'responsible', J],
      ['县人力资源社会保障局', 'HRSS', 'responsible', J],
      ['市医保局', 'MEDICAL_INSURANCE', 'responsible', '340700'],
    ]);
    expect(deadlineOf(doc, items[4]!.phrase)).toBe('2022-12-31');
    expect(targetsOf(doc, items[4]!.phrase)).toContainEqual(['=', 70, '%']);
  });

  it('reads item 20’s 全部…设置中医馆 as 100% and its roadmap’s 70%的村卫生室', () => {
    expect(targetsOf(doc, items[4]!.phrase)).toContainEqual(['=', 100, '%']);
    expect(targetsOf(doc, items[4]!.phrase)).toContainEqual(['=', 70, '%']);
  });

  it('reads item 11’s target relative to the provincial average and both of its lists', () => {
    expect(targetsOf(doc, items[5]!.phrase)).toEqual([['>=', null, null]]);
    expect(agenciesOf(doc, items[5]!.phrase).map(([name, , role]) => [name, role])).toEqual([
      ['县医保局', 'responsible'],
      ['县卫生健康委', 'responsible'],
      ['县市场监管局', 'responsible'],
      ['县财政局', 'responsible'],
    ]);
  });

  it('cites the national/provincial/city notice it implements, once', () => {
    expect(doc.citations?.map((citation) => [citation.title, citation.docNumber])).toEqual([
      ['关于进一步推广福建省和三明市深化医药卫生体制改革经验重点工作的通知', null],
    ]);
  });
});

describe('seed 001: a city pilot plan with 〔…〕 lists and "列首位的为牵头部门，下同" (资阳市, 2017)', () => {
  const J = '512000';
  const items: Located[] = [
    { phrase: '健全专业公共卫生体系。' },
    { phrase: '完善公共卫生治理机制。' },
    { phrase: '深化医保支付方式改革。完善医保付费总额控制' },
    { phrase: '完善药品采购监督保障机制。' },
    { phrase: '深化中医医院改革。' },
    { phrase: '完善贫困地区卫生人才培植机制。' },
    { phrase: '发展中医药健康产业。' },
  ];
  let doc: IngestDoc;
  beforeAll(async () => {
    doc = await processSeed('001_8b093ff0cb75f7ca.txt', J, 2017, items);
  });

  it('reads (一)1: 卫生计生委 leads as the first listed, 各县（区）人民政府 are lower governments', () => {
    expect(agenciesOf(doc, items[0]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['市卫生计生委', 'HEALTH', 'lead'],
          ['市发展改革委', 'DEVELOPMENT_REFORM', 'support'],
          ['市财政局', 'FINANCE', 'support'],
          ['市中医药局', 'TCM_ADMIN', 'support'],
          ['各县（区）人民政府', 'LOWER_GOVS', 'support'],
        ],
        J,
      ),
    );
    // "3 个县（区）疾控中心达到二级甲等以上标准": three county CDCs reaching level 2A is itself the goal.
    expect(targetsOf(doc, items[0]!.phrase)).toEqual([
      ['=', 3, '个'],
      ['>=', 95, '%'],
      ['=', 1, '所'],
    ]);
    expect(deadlineOf(doc, items[0]!.phrase)).toBe('2020-12-31');
  });

  it('reads (一)2: 市残联 participates', () => {
    const agencies = agenciesOf(doc, items[1]!.phrase);
    expect(agencies.at(-1)).toEqual(['市残联', 'PEOPLES_ORGANIZATION', 'participate', J]);
    expect(agencies).toContainEqual(['市教育体育局', 'EDUCATION', 'support', J]);
    expect(deadlineOf(doc, items[1]!.phrase)).toBeNull();
  });

  it('reads (三)2: 人社局 leads, the insurance association and 中医药局 participate, 不少于100个 by 2017', () => {
    expect(agenciesOf(doc, items[2]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['市人力资源社会保障局', 'HRSS', 'lead'],
          ['市卫生计生委', 'HEALTH', 'support'],
          ['各县（区）人民政府', 'LOWER_GOVS', 'support'],
          ['市保险行业协会', 'SOCIAL_ORGANIZATION', 'participate'],
          ['市中医药局', 'TCM_ADMIN', 'participate'],
        ],
        J,
      ),
    );
    expect(targetsOf(doc, items[2]!.phrase)).toEqual([['>=', 100, '个']]);
    expect(deadlineOf(doc, items[2]!.phrase)).toBe('2017-12-31');
  });

  it('types the pre-2018 bodies of (二)2', () => {
    expect(agenciesOf(doc, items[3]!.phrase).map(([name, type, role]) => [name, type, role])).toEqual([
      ['市发展改革委', 'DEVELOPMENT_REFORM', 'lead'],
      ['市经济和信息化委', 'INDUSTRY_IT', 'support'],
      ['市卫生计生委', 'HEALTH', 'support'],
      ['市食品药品监督管理局', 'DRUG_REGULATION', 'support'],
      ['市人力资源社会保障局', 'HRSS', 'support'],
      ['市商务局', 'COMMERCE', 'support'],
      ['市工商局', 'MARKET_REGULATION', 'support'],
      ['市国税局', 'TAXATION', 'support'],
      ['市地税局', 'TAXATION', 'support'],
      ['市中医药局', 'TCM_ADMIN', 'support'],
      ['各县（区）人民政府', 'LOWER_GOVS', 'support'],
    ]);
  });

  it('reads (六)2’s two 高于 targets with 中医药局 leading', () => {
    expect(targetsOf(doc, items[4]!.phrase)).toEqual([
      ['>', 50, '%'],
      ['>', 20, '%'],
    ]);
    expect(agenciesOf(doc, items[4]!.phrase)[0]).toEqual(['市中医药局', 'TCM_ADMIN', 'lead', J]);
  });

  it('reads (八)4 with a name broken across a page: 市发展改革委', () => {
    expect(agenciesOf(doc, items[5]!.phrase)).toContainEqual(['市发展改革委', 'DEVELOPMENT_REFORM', 'support', J]);
    expect(targetsOf(doc, items[5]!.phrase)).toEqual([
      ['>=', 90, '%'],
      ['>=', 1, '名'],
    ]);
    expect(deadlineOf(doc, items[5]!.phrase)).toBe('2017-12-31');
  });

  it('reads (六)4’s list printed in its own paragraph', () => {
    const agencies = agenciesOf(doc, items[6]!.phrase).map(([name, type]) => [name, type]);
    expect(agencies[0]).toEqual(['市经济和信息化委', 'INDUSTRY_IT']);
    expect(agencies).toContainEqual(['市林业局', 'FORESTRY']);
    expect(agencies).toContainEqual(['市质监局', 'MARKET_REGULATION']);
    expect(agencies).toContainEqual(['市科技知识产权局', 'SCIENCE_TECH']);
    expect(agencies).toHaveLength(13);
  });

  it('cites the provincial pilot plan with its document number', () => {
    expect(doc.citations?.map((citation) => [citation.title, citation.docNumber])).toEqual([
      ['四川省人民政府关于印发四川省深化医药卫生体制综合改革试点方案的通知', '川府发〔2016〕32号'],
    ]);
  });
});

describe('seed 002: a county task list in prose (泗县, 2021)', () => {
  const J = '341324';
  const items: Located[] = [
    { phrase: '加强新冠肺炎疫情防控。' },
    { phrase: '加快卫生健康领域补短板。' },
    { phrase: '缓解跨省异地就医问题。' },
    { phrase: '完善药品耗材医用设备集中采购。' },
    { phrase: '完善应急医疗救治体系。' },
    { phrase: '继续实施卫生健康人才和学科建设' },
  ];
  let doc: IngestDoc;
  beforeAll(async () => {
    doc = await processSeed('002_c6b286a5770366cf.txt', J, 2021, items);
  });

  it('reads the nested 及各镇人民政府（开发区工委） as lower governments', () => {
    expect(agenciesOf(doc, items[0]!.phrase)).toEqual(
      // "按职责分工负责" ranks nobody: both responsible.
      withJurisdiction(
        [
          ['县新冠疫情防控指挥部成员单位', 'EPIDEMIC_COMMAND', 'responsible'],
          ['各镇人民政府（开发区工委）', 'LOWER_GOVS', 'responsible'],
        ],
        J,
      ),
    );
  });

  it('reads (十)’s 至少530个 and 1.2左右 and five agencies', () => {
    expect(targetsOf(doc, items[1]!.phrase)).toEqual([
      ['>=', 530, '个'],
      ['=', 1.2, null],
    ]);
    expect(agenciesOf(doc, items[1]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['县卫生健康委', 'HEALTH'],
      ['县发改委', 'DEVELOPMENT_REFORM'],
      ['县财政局', 'FINANCE'],
      ['县医保局', 'MEDICAL_INSURANCE'],
      ['县教体局', 'EDUCATION'],
    ]);
    expect(deadlineOf(doc, items[1]!.phrase)).toBeNull();
  });

  it('reads (十三)’s three 不低于10% and not the “3个10%” name', () => {
    expect(targetsOf(doc, items[2]!.phrase)).toEqual([
      ['>=', 10, '%'],
      ['>=', 10, '%'],
      ['>=', 10, '%'],
    ]);
    expect(agenciesOf(doc, items[2]!.phrase)).toContainEqual(['县委宣传部', 'PARTY_PUBLICITY', 'responsible', J]);
  });

  it('reads 卫健委 as the health commission', () => {
    expect(agenciesOf(doc, items[3]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['县医保局', 'MEDICAL_INSURANCE', 'responsible'],
          ['县卫健委', 'HEALTH', 'responsible'],
          ['县财政局', 'FINANCE', 'responsible'],
        ],
        J,
      ),
    );
  });

  it('reads 急救指挥中心1个 without taking 120 for a number', () => {
    expect(targetsOf(doc, items[4]!.phrase)).toEqual([['=', 1, '个']]);
  });

  it('reads party bodies in (九) and no target from the “511” name', () => {
    expect(agenciesOf(doc, items[5]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['县卫生健康委', 'HEALTH'],
      ['县委宣传部', 'PARTY_PUBLICITY'],
      ['县委组织部', 'PARTY_ORGANIZATION'],
      ['县委编办', 'STAFFING_OFFICE'],
      ['县财政局', 'FINANCE'],
    ]);
    expect(targetsOf(doc, items[5]!.phrase)).toEqual([]);
  });

  it('cites no document: its basis names no title', () => {
    expect(doc.citations).toEqual([]);
  });
});

describe('seed 003: a city task table with 责任单位 cells (三明市, 2024)', () => {
  const J = '350400';
  const row = { agenciesCell: 3, wordingCells: [1, 2] };
  const items: Located[] = [
    { phrase: '4.完善重大疾病防治工作机制。', table: row },
    { phrase: '10.稳妥推进医疗保障制度改革。', table: row },
    { phrase: '18.补齐基层医疗服务短板。', table: row },
    { phrase: '12.全面加强公立医院党的建设。', table: row },
    { phrase: '7.促进医药产业发展与安全供应。', table: row },
    { phrase: '19.分类推进医疗联合体建设。', table: row },
  ];
  let doc: IngestDoc;
  beforeAll(async () => {
    doc = await processSeed('003_94d87789946e72f3.txt', J, 2024, items);
  });

  it('reads item 4: bare names share the 市 of the first, and three targets', () => {
    expect(agenciesOf(doc, items[0]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['市卫健委', 'HEALTH', 'responsible'],
          ['发改委', 'DEVELOPMENT_REFORM', 'responsible'],
          ['财政局', 'FINANCE', 'responsible'],
          ['市红十字会', 'PEOPLES_ORGANIZATION', 'responsible'],
          ['各县（市、区）', 'LOWER_GOVS', 'responsible'],
        ],
        J,
      ),
    );
    expect(targetsOf(doc, items[0]!.phrase)).toEqual([
      ['+', 5, '元'],
      ['>=', 300, '台'],
      ['=', 3.3, '万人'],
    ]);
    expect(deadlineOf(doc, items[0]!.phrase)).toBe('2024-12-31');
  });

  it('reads item 10: 提高30元, 应保尽保 (everyone due insured) and 47.5%以上, 金融监管分局 as financial regulation', () => {
    expect(targetsOf(doc, items[1]!.phrase)).toEqual([
      ['+', 30, '元'],
      ['=', 100, '%'],
      ['>=', 47.5, '%'],
    ]);
    expect(agenciesOf(doc, items[1]!.phrase).map(([name, type, role]) => [name, type, role])).toEqual([
      ['市医保局', 'MEDICAL_INSURANCE', 'responsible'],
      ['卫健委', 'HEALTH', 'responsible'],
      ['财政局', 'FINANCE', 'responsible'],
      ['金融监管分局', 'FINANCIAL_REGULATION', 'responsible'],
      ['各县（市、区）', 'LOWER_GOVS', 'responsible'],
    ]);
  });

  it('reads item 18: 65% or 1 percentage point, due 2024年底', () => {
    expect(targetsOf(doc, items[2]!.phrase)).toEqual([
      ['>=', 65, '%'],
      ['+', 1, '个百分点'],
    ]);
    expect(deadlineOf(doc, items[2]!.phrase)).toBe('2024-12-31');
    expect(agenciesOf(doc, items[2]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['市卫健委', 'HEALTH'],
      ['市财政局', 'FINANCE'],
      ['医保局', 'MEDICAL_INSURANCE'],
      ['各县（市、区）', 'LOWER_GOVS'],
    ]);
  });

  // The 责任单位 column ranks nobody and the notice states no rule: every body is responsible.
  it('reads item 12: 市委组织部 first, 市直机关工委 a party work committee, none ranked', () => {
    expect(agenciesOf(doc, items[3]!.phrase).map(([name, type, role]) => [name, type, role])).toEqual([
      ['市委组织部', 'PARTY_ORGANIZATION', 'responsible'],
      ['市直机关工委', 'PARTY_WORK_COMMITTEE', 'responsible'],
      ['市卫健委', 'HEALTH', 'responsible'],
      ['各县（市、区）', 'LOWER_GOVS', 'responsible'],
    ]);
    expect(deadlineOf(doc, items[3]!.phrase)).toBeNull();
  });

  it('reads item 7: 市场监管局 leads; no target from 第七批-style ordinals', () => {
    expect(agenciesOf(doc, items[4]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['市市场监管局', 'MARKET_REGULATION'],
      ['医保局', 'MEDICAL_INSURANCE'],
      ['卫健委', 'HEALTH'],
      ['各县（市、区）', 'LOWER_GOVS'],
    ]);
    expect(targetsOf(doc, items[4]!.phrase)).toEqual([]);
  });

  it('reads item 19: 编办 and 人社局 after a comma-separated 市委编办', () => {
    expect(agenciesOf(doc, items[5]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['市卫健委', 'HEALTH'],
      ['市委编办', 'STAFFING_OFFICE'],
      ['财政局', 'FINANCE'],
      ['人社局', 'HRSS'],
      ['医保局', 'MEDICAL_INSURANCE'],
      ['各县（市、区）', 'LOWER_GOVS'],
    ]);
    expect(targetsOf(doc, items[5]!.phrase)).toEqual([['=', 1, '名']]);
  });

  it('cites the three notices of its basis sentence, nested titles kept', () => {
    expect(doc.citations?.map((citation) => [citation.title, citation.docNumber])).toEqual([
      ['关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知', '国办发〔2024〕29号'],
      ['关于印发〈福建省深化医药卫生体制改革2024年重点任务方案〉的通知', '闽医改组〔2024〕1号'],
      ['关于进一步深化三明医改努力为人民健康提供可靠保障的若干措施的通知', '明委发〔2024〕4号'],
    ]);
  });
});

describe('seed 004: a city notice with "以下各项均需…负责，不再列出" (临汾市, 2022)', () => {
  const J = '141000';
  const items: Located[] = [
    { phrase: '发挥三大中心引领作用。' },
    { phrase: '强化县级医院中枢职能。' },
    { phrase: '夯实基层医疗网底建设。' },
    { phrase: '推广三明医改经验。' },
    { phrase: '常态化推进药品耗材集中带量采购。' },
    { phrase: '深化公立医院人事薪酬制度改革。' },
    { phrase: '加强综合监管。' },
    { phrase: '提升市级医院带动能力。' },
    { phrase: '协同推进相关领域改革。' },
  ];
  let doc: IngestDoc;
  beforeAll(async () => {
    doc = await processSeed('004_097bdcb5c9a3e0ad.txt', J, 2022, items);
  });

  it('does not add the standing agency before the rule', () => {
    expect(agenciesOf(doc, items[0]!.phrase)).toEqual(
      // "按职责分工负责" and no ranking rule anywhere in the notice: all responsible.
      withJurisdiction(
        [
          ['市发展改革委', 'DEVELOPMENT_REFORM', 'responsible'],
          ['市卫健委', 'HEALTH', 'responsible'],
          ['市财政局', 'FINANCE', 'responsible'],
        ],
        J,
      ),
    );
  });

  it('reads the item that states the rule, with its 90%以上', () => {
    expect(agenciesOf(doc, items[1]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['市卫健委', 'HEALTH', 'responsible'],
          ['市财政局', 'FINANCE', 'responsible'],
          ['市医保局', 'MEDICAL_INSURANCE', 'responsible'],
          ['各县市区人民政府', 'LOWER_GOVS', 'responsible'],
        ],
        J,
      ),
    );
    expect(targetsOf(doc, items[1]!.phrase)).toEqual([['>=', 90, '%']]);
  });

  it('adds 各县市区人民政府 to later items', () => {
    expect(agenciesOf(doc, items[2]!.phrase)).toEqual(
      withJurisdiction(
        [
          ['市卫健委', 'HEALTH', 'responsible'],
          ['市人社局', 'HRSS', 'responsible'],
          ['市医保局', 'MEDICAL_INSURANCE', 'responsible'],
          ['市乡村振兴局', 'RURAL_REVITALIZATION', 'responsible'],
          ['各县市区人民政府', 'LOWER_GOVS', 'responsible'],
        ],
        J,
      ),
    );
    // "确保村级医疗卫生服务全覆盖" is the third goal of (四).
    expect(targetsOf(doc, items[2]!.phrase)).toEqual([
      ['>=', 60, '%'],
      ['>=', 90, '%'],
      ['=', 100, '%'],
    ]);
    expect(agenciesOf(doc, items[3]!.phrase).map(([name, type]) => [name, type])).toEqual([
      ['市医改办', 'REFORM_OFFICE'],
      ['市卫健委', 'HEALTH'],
      ['各县市区人民政府', 'LOWER_GOVS'],
    ]);
  });

  it('reads (六): 400种以上 and 70种以上, due 到2022年底', () => {
    expect(targetsOf(doc, items[4]!.phrase)).toEqual([
      ['>=', 400, '种'],
      ['>=', 70, '种'],
    ]);
    expect(deadlineOf(doc, items[4]!.phrase)).toBe('2022-12-31');
    expect(agenciesOf(doc, items[4]!.phrase)[0]).toEqual(['市医保局', 'MEDICAL_INSURANCE', 'responsible', J]);
  });

  it('reads (八): 最高不得超过…5倍, 人社局 listed first and responsible', () => {
    expect(targetsOf(doc, items[5]!.phrase)).toEqual([['<=', 5, '倍']]);
    expect(agenciesOf(doc, items[5]!.phrase)[0]).toEqual(['市人社局', 'HRSS', 'responsible', J]);
    expect(deadlineOf(doc, items[5]!.phrase)).toBeNull();
  });

  it('reads (二)’s “15分钟就医圈” and (十八)’s five goals, two of them 全覆盖', () => {
    expect(targetsOf(doc, items[7]!.phrase)).toContainEqual(['<=', 15, '分钟']);
    expect(targetsOf(doc, items[8]!.phrase)).toEqual([
      ['=', 1, '所'],
      ['=', 45, '%'],
      ['>=', 80, '%'],
      ['=', 100, '%'],
      ['=', 100, '%'],
    ]);
  });

  it('keeps 行政审批服务管理局 under its own name, typed administrative approval', () => {
    expect(agenciesOf(doc, items[6]!.phrase)).toContainEqual(['市行政审批服务管理局', 'ADMIN_APPROVAL', 'responsible', J]);
  });

  it('cites the provincial notice it follows (按照《…》要求)', () => {
    expect(doc.citations?.map((citation) => [citation.title, citation.docNumber])).toEqual([
      ['山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知', null],
    ]);
  });
});

describe('seed 001 through segment: milestones of 三、工作安排 date the items they restate (资阳市, 2017)', () => {
  let doc: IngestDoc;
  beforeAll(async () => {
    const segmented = segmentDoc(normaliseDoc(await readStage('seeds/001_8b093ff0cb75f7ca.txt')));
    doc = extractDoc({ ...segmented, meta: { ...segmented.meta, year: 2017 } });
  });
  const task = (title: string) => doc.tasks!.find((candidate) => candidate.title === title && !candidate.path.startsWith('三'))!;

  it('dates the area "（一）健全全民预防保健制度" by milestone 1’s last year, 2020', () => {
    expect(task('健全全民预防保健制度').deadline).toMatchObject({ date: '2020-12-31', source: 'schedule' });
  });

  it('dates (四)3 健全双向转诊机制 by "2018年，…健全双向转诊制度", keeping the milestone as evidence', () => {
    const item = task('健全双向转诊机制');
    expect(item.deadline).toMatchObject({ date: '2018-12-31', source: 'schedule' });
    expect(item.supplements.find((supplement) => supplement.role === 'deadline')?.text).toContain('健全双向转诊制度');
  });

  it('gives (一)2, which states no date, the date of its area', () => {
    expect(task('完善公共卫生治理机制').deadline).toMatchObject({ date: '2020-12-31', source: 'schedule' });
  });

  it('keeps (三)2’s own 2017年底前 and dates nothing under 四、工作保障', () => {
    expect(task('深化医保支付方式改革').deadline).toMatchObject({ date: '2017-12-31', source: 'item' });
    expect(task('强化组织领导').deadline).toBeNull();
  });

  it('reads the schedule’s own 达82% and 达到90%左右', () => {
    const values = doc
      .tasks!.filter((candidate) => candidate.path.startsWith('三'))
      .flatMap((candidate) => candidate.targets.map((target) => [target.metric, target.value]));
    expect(values).toContainEqual(['全市妇幼保健机构标准化建设率', 82]);
    expect(values).toContainEqual(['县域内就诊率', 90]);
  });
});
