/**
 * Hand-checked structure of the five seed documents (read → normalise → segment). The expectations
 * below were written by reading the seeds, not by running the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestDoc, ParsedTask } from '../../ingest/document.js';
import { normaliseDoc } from '../../ingest/normalise/index.js';
import { readSource } from '../../ingest/read/index.js';
import { segmentDoc } from '../../ingest/segment/index.js';

const SEEDS = join(import.meta.dirname, '../../seeds');

/** Seeds are found by what they say, not by file name. */
function seedContaining(phrase: string): string {
  const file = readdirSync(SEEDS).find((name) => name.endsWith('.txt') && readFileSync(join(SEEDS, name), 'utf8').includes(phrase));
  if (!file) throw new Error(`no seed contains ${phrase}`);
  return join(SEEDS, file);
}

async function structureOf(path: string): Promise<IngestDoc> {
  const source = await readSource(path, new Uint8Array(readFileSync(path)));
  return segmentDoc(normaliseDoc({ source, messages: [] }));
}

interface Sample {
  path: string;
  key: string;
  kind: ParsedTask['kind'];
  starts: string;
  ends: string;
}

interface SeedExpectation {
  phrase: string;
  meta: {
    title: string;
    docNumber: string | null;
    issuer: string | null;
    issuedOn: string | null;
    status: 'draft' | 'final';
    coversFrom: number | null;
    coversTo: number | null;
    jurisdictionId: string;
    year: number | null;
  };
  sections: number;
  items: number;
  measures: number;
  samples: Sample[];
}

const expectations: SeedExpectation[] = [
  {
    phrase: '枞阳县推广福建省和三明市深化医药卫生体制改革经验',
    meta: {
      title: '关于进一步推广福建省和三明市深化医药卫生体制改革经验重点工作的通知',
      docNumber: null,
      issuer: '枞阳县深化医药卫生体制综合改革领导小组',
      issuedOn: '2020-06-30',
      status: 'draft',
      coversFrom: null,
      coversTo: null,
      jurisdictionId: '340722',
      year: 2020,
    },
    // 七 加强组织实施 has only prose under it: an item (issue 13: counts are of items and measures, not headings).
    sections: 6,
    items: 21,
    measures: 0,
    samples: [
      { path: '一', key: '一、', kind: 'section', starts: '加强和完善深化医改组织领导', ends: '加强和完善深化医改组织领导' },
      {
        path: '一/1',
        key: '1、',
        kind: 'item',
        starts: '进一步完善枞阳县深化医药卫生体制综合改革领导小组组成',
        ends: '（责任单位：县卫生健康委）',
      },
      {
        path: '一/2',
        key: '2、',
        kind: 'item',
        starts: '制定实施健康枞阳行动的具体落实措施，统筹推进实施健康枞阳行动和深化医改工作',
        ends: '县医保局）',
      },
      { path: '二/5', key: '5、', kind: 'item', starts: '2020年9月底前，继续开展药品带量采购', ends: '县市场监管局）' },
      {
        path: '三/7',
        key: '7.',
        kind: 'item',
        starts: '2020年全面开展二级公立医疗机构绩效考核',
        ends: '县委编办、县人力资源社会保障局、县医保局）',
      },
      {
        path: '三/11',
        key: '11.',
        kind: 'item',
        starts: '继续开展药品耗材集中采购',
        ends: '做好监测结果的分析and运用。（责任单位：县卫生健康委）',
      },
      {
        path: '五/14',
        key: '14.',
        kind: 'item',
        starts: '推进以按病种付费为主',
        ends: '鼓励提供和使用适宜的中医药服务。（责任单位：县医保局、县卫生健康委、县财政局）',
      },
      { path: '六/19', key: '19.', kind: 'item', starts: '加强乡村医生队伍建设', ends: '县委编办、县人力资源社会保障局）' },
      { path: '六/20', key: '20.', kind: 'item', starts: '落实中西医并重', ends: '市医保局）' },
      { path: '七', key: '七、', kind: 'item', starts: '加强组织实施', ends: '确保重点工作扎实有序推进。' },
    ],
  },
  {
    phrase: '资府发〔2017〕23号',
    meta: {
      title: '资阳市深化医药卫生体制综合改革试点方案',
      docNumber: '资府发〔2017〕23号',
      issuer: '资阳市人民政府',
      issuedOn: '2017-06-21',
      status: 'final',
      coversFrom: null,
      coversTo: null,
      jurisdictionId: '512000',
      year: 2017,
    },
    // 二 三 四, 二's （一）…（八）, 三/（二）
    sections: 12,
    // 一 工作目标 (only prose under it), 3+4+4+4+4+4+4+5 under 二, 三/（一） 三/（三） and 8 under 三/（二）, 5 under 四
    items: 48,
    measures: 0,
    samples: [
      { path: '一', key: '一、', kind: 'item', starts: '工作目标', ends: '为全面建成小康社会提供有力健康保障。' },
      { path: '二/（一）', key: '（一）', kind: 'section', starts: '健全全民预防保健制度', ends: '健全全民预防保健制度' },
      { path: '二/（一）/1', key: '1.', kind: 'item', starts: '健全专业公共卫生体系。', ends: '列首位的为牵头部门，下同〕' },
      { path: '二/（一）/2', key: '2.', kind: 'item', starts: '完善公共卫生治理机制。', ends: '市残联参与〕' },
      { path: '二/（三）/2', key: '2.', kind: 'item', starts: '深化医保支付方式改革。', ends: '市保险行业协会、市中医药局参与〕' },
      { path: '二/（六）/4', key: '4.', kind: 'item', starts: '发展中医药健康产业。', ends: '市中医药局和各县（区）人民政府负责〕' },
      {
        path: '二/（八）/5',
        key: '5.',
        kind: 'item',
        starts: '强化贫困地区计划生育服务能力建设。',
        ends: '〔责任单位：市卫生计生委、市财政局和各县（区）人民政府负责〕',
      },
      { path: '三/（一）', key: '（一）', kind: 'item', starts: '启动实施（2016年12月—2017年3月）', ends: '全市启动综合医改试点工作。' },
      {
        path: '三/（二）',
        key: '（二）',
        kind: 'section',
        starts: '全面推进（2017年4月—2018年12月）',
        ends: '全面推进（2017年4月—2018年12月）',
      },
      { path: '三/（二）/8', key: '8.', kind: 'item', starts: '打赢健康扶贫攻坚战。', ends: '居民健康状况进一步改善。' },
      { path: '四/（五）', key: '（五）', kind: 'item', starts: '强化宣传引导。', ends: '营造有利于改革的良好氛围。' },
    ],
  },
  {
    phrase: '泗县深化医药卫生体制改革',
    meta: {
      title: '泗县深化医药卫生体制改革2021年-2022年重点工作任务',
      docNumber: null,
      issuer: null,
      issuedOn: null,
      status: 'final',
      coversFrom: 2021,
      coversTo: 2022,
      jurisdictionId: '341324',
      // No date under a signature and no 发文字号: the issue year is not printed; the title's
      // 2021年-2022年 is the years covered (coversFrom/coversTo), not the issue year.
      year: null,
    },
    sections: 4,
    items: 19,
    measures: 0,
    samples: [
      { path: '一/（一）', key: '（一）', kind: 'item', starts: '加强新冠肺炎疫情防控。', ends: '（开发区工委）按职责分工负责）' },
      { path: '二/（六）', key: '（六）', kind: 'item', starts: '加强卫生行业党的建设。', ends: '县委组织部等按职责分工负责）' },
      { path: '二/（十）', key: '（十）', kind: 'item', starts: '加快卫生健康领域补短板。', ends: '县教体局、等按职责分工负责）' },
      { path: '四/（十九）', key: '（十九）', kind: 'item', starts: '进一步推广三明县医改经验。', ends: '县市场监督局等按职责分工负责）' },
    ],
  },
  {
    phrase: '明医改组〔2024〕4号',
    meta: {
      title: '2024年深化医改重点任务分解表',
      docNumber: '明医改组〔2024〕4号',
      issuer: '三明市深化医药卫生体制改革领导小组',
      issuedOn: '2024-06-27',
      status: 'final',
      coversFrom: 2024,
      coversTo: 2024,
      jurisdictionId: '350400',
      year: 2024,
    },
    sections: 6,
    items: 24,
    // ①… counted per item: 5 5 3 3 3 3 2 0 4 3 4 4 6 2 3 6 4 4 5 4 5 4 0 (items 2–24)
    measures: 82,
    samples: [
      { path: '一', key: '一、', kind: 'section', starts: '坚持整体推进，加强医改组织领导', ends: '坚持整体推进，加强医改组织领导' },
      { path: '一/1', key: '1.', kind: 'item', starts: '加强医改工作统筹协调。', ends: '及时总结推广地方医改经验做法。' },
      { path: '二/2', key: '2.', kind: 'item', starts: '深化全民健康促进与管理。', ends: '深化全民健康促进与管理。' },
      {
        path: '二/2/④',
        key: '④',
        kind: 'measure',
        starts: '持续推进“两师两中心”建设，将健康服务从后端的医疗向前端的预防延伸',
        ends: '院后康复管理的全流程疾病管理模式。',
      },
      { path: '二/2/⑤', key: '⑤', kind: 'measure', starts: '打造“六病共管”新模式。', ends: '提升“六病共管”效能。' },
      { path: '二/4/③', key: '③', kind: 'measure', starts: '加强院前急救体系建设', ends: '培训救护员3.3万人。' },
      { path: '三/9', key: '9.', kind: 'item', starts: '分类开展医疗服务价格改革。', ends: '引导医疗资源合理规划和配置使用。' },
      { path: '三/14/⑥', key: '⑥', kind: 'measure', starts: '加强全面预算管理和成本控制', ends: '成本产出等进行监测评价。' },
      { path: '六/23/②', key: '②', kind: 'measure', starts: '建立健全多部门执法联动会商机制', ends: '执法结果协同应用。' },
      { path: '六/24', key: '24.', kind: 'item', starts: '深入推进“一老一小”相关改革。', ends: '开展社区医养结合能力提升行动。' },
    ],
  },
  {
    phrase: '临政办发〔2022〕48号',
    meta: {
      title: '临汾市深化医药卫生体制改革近期重点工作任务',
      docNumber: '临政办发〔2022〕48号',
      issuer: '临汾市人民政府办公室',
      issuedOn: '2022-12-06',
      status: 'final',
      coversFrom: null,
      coversTo: null,
      jurisdictionId: '141000',
      year: 2022,
    },
    sections: 4,
    items: 18,
    measures: 0,
    samples: [
      {
        path: '一',
        key: '一、',
        kind: 'section',
        starts: '提能力，在构建有序就医和诊疗新格局上有突破',
        ends: '加快构建有序的就医和诊疗新格局。',
      },
      {
        path: '一/（一）',
        key: '（一）',
        kind: 'item',
        starts: '发挥三大中心引领作用。',
        ends: '（市发展改革委、市卫健委和市财政局按职责分工负责）',
      },
      {
        path: '一/（三）',
        key: '（三）',
        kind: 'item',
        starts: '强化县级医院中枢职能。',
        ends: '以下各项均需各县市区人民政府负责,不再列出）',
      },
      {
        path: '二/（六）',
        key: '（六）',
        kind: 'item',
        starts: '常态化推进药品耗材集中带量采购。',
        ends: '（市医保局、市卫健委等按职责分工负责）',
      },
      { path: '三/（十二）', key: '（十二）', kind: 'item', starts: '加强医防协同。', ends: '（市卫健委等按职责分工负责）' },
      {
        path: '四',
        key: '四、',
        kind: 'section',
        starts: '谋实效，在推进医药卫生高质量发展上有亮点',
        ends: '不断强化技术创新、模式创新、管理创新。',
      },
      { path: '四/（十八）', key: '（十八）', kind: 'item', starts: '协同推进相关领域改革。', ends: '市工信局等按职责分工负责）' },
    ],
  },
];

describe.each(expectations)('seed "$meta.title"', (expected) => {
  const loaded = structureOf(seedContaining(expected.phrase));

  it('reads the metadata of the plan itself', async () => {
    expect((await loaded).meta).toEqual(expected.meta);
  });

  it('finds every section, item and sub-measure once', async () => {
    const tasks = (await loaded).tasks!;
    const count = (kind: string) => tasks.filter((task) => task.kind === kind).length;
    expect({ sections: count('section'), items: count('item'), measures: count('measure') }).toEqual({
      sections: expected.sections,
      items: expected.items,
      measures: expected.measures,
    });
    expect(new Set(tasks.map((task) => task.path)).size).toBe(tasks.length);
  });

  it.each(expected.samples)('cuts $path at its own beginning and end', async (sample) => {
    const doc = await loaded;
    const task = doc.tasks!.find((candidate) => candidate.path === sample.path);
    expect(task, sample.path).toBeDefined();
    expect(task!.key).toBe(sample.key);
    expect(task!.kind).toBe(sample.kind);
    expect(task!.text.startsWith(sample.starts), task!.text.slice(0, 40)).toBe(true);
    expect(task!.text.endsWith(sample.ends), task!.text.slice(-40)).toBe(true);
    expect(doc.normalised!.text.slice(task!.span.start, task!.span.end)).toBe(task!.text);
  });
});

describe('roadmap table of the county draft', () => {
  it('enriches items 1–20 with the row deadline and agencies instead of adding tasks', async () => {
    const doc = await structureOf(seedContaining('路线图和施工表'));
    const item1 = doc.tasks!.find((task) => task.path === '一/1')!;
    expect(item1.supplements.map((s) => [s.role, s.text])).toEqual([
      ['roadmap', expect.stringContaining('成立县深化医药卫生体制综合改革领导小组秘书处')],
      ['agencies', '县卫生健康委、县财政局、县人力资源社会保障局、县医保局、县市场监管局'],
      ['deadline', '8月底前'],
    ]);
    // The unnumbered row after row 11 ("监测公立医院医疗服务收入占比…") belongs to item 11.
    const item11 = doc.tasks!.find((task) => task.path === '三/11')!;
    expect(item11.supplements.filter((s) => s.role === 'roadmap')).toHaveLength(2);
    expect(item11.supplements.at(-1)).toMatchObject({ role: 'deadline', text: '全年' });
    expect(doc.tasks!.filter((task) => task.text.startsWith('成立县深化医药卫生体制综合改革领导小组秘书处'))).toHaveLength(0);
  });

  it('warns about the misspelt county name in the cover letter and the stray English word', async () => {
    const doc = await structureOf(seedContaining('路线图和施工表'));
    const typo = doc.messages.filter((message) => message.code === 'jurisdiction-typo');
    expect(typo.length).toBe(2);
    expect(doc.source.sourceText.slice(typo[0]!.offset, typo[0]!.offset + 3)).toBe('柘阳县');
    const latin = doc.messages.filter((message) => message.code === 'latin-word');
    expect(latin).toHaveLength(2);
    expect(doc.source.sourceText.slice(latin[0]!.offset, latin[0]!.offset + 3)).toBe('and');
  });
});

describe('task breakdown table', () => {
  it('attaches the 责任单位 cell of each row to its item as an agencies supplement', async () => {
    const doc = await structureOf(seedContaining('明医改组〔2024〕4号'));
    const item4 = doc.tasks!.find((task) => task.path === '二/4')!;
    expect(item4.supplements).toEqual([
      expect.objectContaining({ role: 'agencies', text: '市卫健委、发改委、财政局，市红十字会，各县（市、区）' }),
    ]);
    const item2 = doc.tasks!.find((task) => task.path === '二/2')!;
    // The row continued on the next page repeats the cell; it is kept once.
    expect(item2.supplements.filter((s) => s.role === 'agencies')).toHaveLength(1);
  });
});
