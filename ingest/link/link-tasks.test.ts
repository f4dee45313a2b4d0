import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TaskLink } from '../document.js';
import {
  candidateLinks,
  clausesOf,
  headingOf,
  INHERITED_SCORE,
  isExactEvidence,
  linkTasks,
  linkTasksWithMessages,
  OUTLINE_TOPIC_FLOOR,
  taskHeadingOf,
} from './link-tasks.js';
import { loadCatalogue } from './catalogue.js';
import { loadGlossary } from './glossary.js';
import { maskBoilerplate, MASK } from './mask-boilerplate.js';
import { seedPath } from './seed-file.js';
import { contentWords, isContentWord, wordBoundaries, wordsOf } from './segmenter.js';
import { fixtureCatalogue as catalogue, fixtureGlossary as glossary } from './test-fixtures.js';

const link = (text: string, title = text.split(/[。，]/u)[0] ?? text) => linkTasks([{ path: '1', text, title }], { catalogue, glossary });
const targets = (links: TaskLink[]) => links.map((l) => l.targetId);
const itemText = (id: string) => catalogue.items.find((item) => item.id === id)?.text ?? '';

describe('linkTasks', () => {
  it('calls a local copy of a long stretch of national wording verbatim', () => {
    const [first] = link('推动药品集中带量采购工作常态化制度化开展，2022年底前完成。');
    expect(first?.targetId).toBe('drugs.procurement');
    expect(first?.kind).toBe('verbatim');
    expect(first?.relation).toBe('IMPLEMENTS');
    expect(first?.evidence.some((e) => e.localText === '推动药品集中带量采购工作常态化制度化开展')).toBe(true);
  });

  it('calls a locally adapted name of a national programme adapted (健康枞阳行动 for 健康中国行动)', () => {
    const [first] = link('制定实施健康枞阳行动的具体落实措施。');
    expect(first?.targetId).toBe('health.healthy-china');
    expect(first?.kind).toBe('adapted');
    expect(first?.evidence[0]).toMatchObject({ localText: '健康枞阳行动', nationalText: '健康中国行动' });
  });

  it('links an abbreviation to the full national wording and calls it a paraphrase (集采)', () => {
    const links = link('巩固扩大集采成果。');
    expect(targets(links)).toEqual(['drugs.procurement']);
    expect(links[0]?.kind).toBe('paraphrase');
    expect(links[0]?.evidence[0]).toEqual({
      localText: '集采',
      localSpan: { start: 4, end: 6 },
      nationalText: '集中带量采购',
      nationalSpan: { start: 4, end: 10 },
    });
  });

  it('reads 医共体 as the close-knit county medical community', () => {
    expect(targets(link('做实医共体运行机制。'))).toEqual(['care.county-community']);
  });

  it('keeps every evidence span an exact substring of both texts', () => {
    const text = '深入开展爱国卫生运动，推进健康泗县行动，做实县域医共体，开展药品集采。';
    const links = link(text, '深入开展爱国卫生运动');
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.evidence.length).toBeGreaterThan(0);
      for (const e of l.evidence) expect(isExactEvidence(e, text, itemText(l.targetId))).toBe(true);
    }
  });

  it('does not read the name of a hospital (三明市中西医结合医院) as the TCM reform in a key-specialty task', () => {
    const text = '推进三明市第一医院泌尿外科、三明市中西医结合医院耳鼻喉科等临床重点专科建设。';
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const found = linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId);
    expect(found).toContain('service-system.hospital-capacity');
    expect(found).not.toContain('tcm.inheritance-development');
    expect(linkTasks([{ path: '1', text: '发挥中西医结合优势。', title: '发挥中西医结合优势' }], real).map((l) => l.targetId)).toContain(
      'tcm.inheritance-development',
    );
  });

  it('reads the kinds of primary institution as where a reform is carried out, not as building their capacity', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const text = '在乡镇卫生院和社区卫生服务中心做实家庭医生签约服务，提高签约居民履约率。';
    const found = linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId);
    expect(found).toContain('hierarchical-care.family-doctor');
    expect(found).not.toContain('hierarchical-care.primary-care-capacity');
  });

  it("links a plan by the national documents' names of a reform, not by the name of its genre", () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const linked = (text: string) => linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId);
    expect(linked('制定医院章程，健全职工代表大会制度。')).toContain('public-hospital.modern-management');
    expect(linked('实行区域点数法总额预算和按病种分值付费。')).toContain('medical-security.payment-reform');
    expect(linked('临汾市深化医药卫生体制改革近期重点工作任务')).toEqual([]);
  });

  it('reads the supervision of the insurance fund with what is supervised or how between the two (医疗保障基金常态化监管)', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const linked = (text: string) => linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId);
    expect(linked('三明市医疗保障基金常态化监管清单')).toContain('supervision.insurance-fund');
    expect(linked('健全医保基金使用监管机制。')).toContain('supervision.insurance-fund');
    expect(linked('提高医保基金使用效率。')).not.toContain('supervision.insurance-fund');
  });

  it("reads paying the premium in full and on time (按时足额缴费) as the basic insurance's financing: the collection regulation's duty of the payer", () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const text = '参保单位和个人是否按时足额缴费；';
    expect(linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId)).toEqual(['medical-security.coverage-financing']);
  });

  it('reads the capacity of 基层卫生 and of 乡村医疗卫生 as primary-care capacity, the sector named as 基层医疗卫生机构 and by its rural tiers', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const linked = (text: string) => linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId);
    expect(linked('提升基层卫生服务能力。')).toContain('hierarchical-care.primary-care-capacity');
    expect(linked('实施乡村医疗卫生服务能力提升工程。')).toContain('hierarchical-care.primary-care-capacity');
  });

  it('reads 县级医院综合能力 and 县级医院能力建设 as the county-hospital capacity programme (县医院综合能力提升)', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const linked = (text: string) => linkTasks([{ path: '1', text, title: text.split('。')[0] ?? text }], real).map((l) => l.targetId);
    expect(linked('加强县级医院能力建设。2020年底前，80%以上的县级医院达到二级甲等医院水平。')).toContain(
      'service-system.hospital-capacity',
    );
    expect(linked('提升县级医院综合能力。每个县（市）至少有1所县级医院达到二级甲等水平。')).toContain('service-system.hospital-capacity');
    expect(linked('县级医院按规定落实财政补助。')).not.toContain('service-system.hospital-capacity');
  });

  it("reads the reform leading group's office (医改办) supervising the work as the item's coordination, not as the lead of a responsibility note", () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const linked = (text: string) => linkTasks([{ path: '1', text, title: text.split(' ')[0] ?? text }], real).map((l) => l.targetId);
    const coordination = 'reform-governance.leadership-coordination';
    expect(linked('加强组织保障 各牵头单位每半年向市医改办报送一次工作进展情况。市医改办要加强督促指导。')).toContain(coordination);
    expect(linked('推进家庭医生签约服务 重点人群签约率达到75%。（牵头单位：县医改办）')).not.toContain(coordination);
  });

  it('reads 脱贫人口, the name national documents give the poor since poverty was declared ended, as health poverty alleviation', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const linked = (text: string) => linkTasks([{ path: '1', text, title: text.split('。')[0] ?? text }], real).map((l) => l.targetId);
    const poverty = 'medical-security.health-poverty-alleviation';
    expect(linked('做实家庭医生签约服务。重点人群签约率达到75%以上，脱贫人口应签尽签。')).toEqual(
      expect.arrayContaining(['hierarchical-care.family-doctor', poverty]),
    );
    expect(linked('做实家庭医生签约服务。重点人群签约率达到75%以上。')).not.toContain(poverty);
  });

  it('links a county’s 国家卫生县城 to the Patriotic Health item: the county form of the national 卫生城市 title', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const text = '创建国家卫生县城';
    expect(linkTasks([{ path: '1', text, title: text }], real).map((l) => l.targetId)).toContain('public-health.healthy-china');
  });

  it('makes no link when nothing in the task matches the catalogue', () => {
    expect(link('各单位要高度重视，加强宣传培训，确保工作有序推进。')).toEqual([]);
  });

  it('does not read an agency in the responsibility note as a topic (市中医药局)', () => {
    expect(link('开展药品集采。（责任单位：市中医药局、市医保局）').map((l) => l.targetId)).toEqual(['drugs.procurement']);
  });

  it('does not read 中医 inside the word 中医院 as the TCM reform', () => {
    expect(link('推进县人民医院和县中医院改扩建。')).toEqual([]);
  });

  it('ranks the topic named in the heading above a topic the body mentions', () => {
    const links = link('推进紧密型县域医共体建设。医共体内开展药品带量采购。', '推进紧密型县域医共体建设');
    expect(targets(links)[0]).toBe('care.county-community');
    const score = (id: string) => links.find((l) => l.targetId === id)?.score ?? 0;
    expect(score('care.county-community')).toBeGreaterThan(score('drugs.procurement'));
  });

  it('makes no link from a short shared phrase without a cue (常态化制度化开展)', () => {
    expect(link('推动各项工作常态化制度化开展。')).toEqual([]);
  });

  it('keeps two topics a task addresses about equally', () => {
    expect(targets(link('深入开展爱国卫生运动和药品集中带量采购。', '工作任务')).sort()).toEqual([
      'drugs.procurement',
      'health.healthy-china',
    ]);
  });

  it('gives scores in [0, 1] and names its method', () => {
    for (const l of link('推动药品集中带量采购工作常态化制度化开展。')) {
      expect(l.score).toBeGreaterThan(0);
      expect(l.score).toBeLessThanOrEqual(1);
      expect(l.method).toBe('cue+ngram@2');
      expect(l.curated).toBe(false);
    }
  });
});

describe('linkTasks over an outline', () => {
  const heading = {
    path: '一',
    text: '深化医改，推进医共体建设和药品集中带量采购',
    title: '深化医改，推进医共体建设和药品集中带量采购',
    parentPath: null,
    kind: 'section' as const,
  };
  const item = {
    path: '一/1',
    text: '做实医共体运行机制，实行医保基金打包付费，推动各项工作常态化制度化开展：',
    title: '做实医共体运行机制',
    parentPath: '一',
    kind: 'item' as const,
  };
  const measure = {
    path: '一/1/1',
    text: '推动药品集中带量采购工作常态化制度化开展。',
    title: '推动药品集中带量采购工作常态化制度化开展',
    parentPath: '一/1',
    kind: 'measure' as const,
  };
  const links = linkTasks([heading, item, measure], { catalogue, glossary });
  const of = (path: string) => links.filter((l) => l.taskPath === path);
  /** An item about procurement, for measures under it that link nowhere by themselves. */
  const parent = {
    path: '1',
    text: '推动药品集中带量采购工作：',
    title: '推动药品集中带量采购工作',
    parentPath: null,
    kind: 'item' as const,
  };
  /** A measure under it whose words name no national item. */
  const silent = { path: '1/2', text: '各单位要加强宣传培训。', title: '各单位要加强宣传培训', parentPath: '1', kind: 'measure' as const };

  it('links an item to what its sub-measures link to, citing the item’s own wording and no higher than the sub-measure', () => {
    const inherited = of('一/1').find((l) => l.targetId === 'drugs.procurement');
    const fromMeasure = of('一/1/1').find((l) => l.targetId === 'drugs.procurement');
    expect(fromMeasure).toBeDefined();
    expect(inherited?.evidence.map((e) => e.localText)).toEqual(['工作常态化制度化开展']);
    for (const e of inherited?.evidence ?? []) expect(isExactEvidence(e, item.text, itemText('drugs.procurement'))).toBe(true);
    expect(inherited?.score).toBeLessThanOrEqual(fromMeasure?.score ?? 0);
  });

  it('links an item to what a sub-measure links to where the item’s own wording names nothing of it: through its measures, no spans, as the best measure scores; a sibling measure does not take it', () => {
    const item = { path: '1', text: '提升基层服务能力：', title: '提升基层服务能力', parentPath: null, kind: 'item' as const };
    const procurement = { ...measure, path: '1/1', parentPath: '1' };
    const all = linkTasks([item, procurement, { ...silent, path: '1/2' }], { catalogue, glossary });
    const ofUnit = (path: string) => all.filter((l) => l.taskPath === path);
    const fromMeasure = ofUnit('1/1').find((l) => l.targetId === 'drugs.procurement');
    expect(fromMeasure?.kind).not.toBe('measures');
    const rolledUp = ofUnit('1').find((l) => l.targetId === 'drugs.procurement');
    expect(rolledUp).toMatchObject({ kind: 'measures', evidence: [], score: fromMeasure?.score });
    expect(targets(ofUnit('1/2'))).not.toContain('drugs.procurement');
  });

  it('keeps a heading’s links to what its items link to', () => {
    expect(targets(of('一')).sort()).toEqual(['care.county-community', 'drugs.procurement']);
    const alone = linkTasks(
      [
        { ...heading, path: '二' },
        { ...measure, path: '二/1', parentPath: '二', kind: 'item' },
      ],
      { catalogue, glossary },
    );
    expect(targets(alone.filter((l) => l.taskPath === '二'))).toEqual(['drugs.procurement']);
  });

  it('links a measure to the reform of the item it is numbered under when its own evidence for it scores at least the outline floor', () => {
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    const parent = {
      path: '1',
      text: '加强医改组织领导。完善医改领导小组工作机制，统筹推进各项改革：',
      title: '加强医改组织领导',
      parentPath: null,
      kind: 'item' as const,
    };
    const measure = {
      path: '1/1',
      text: '统筹推进实施健康枞阳行动和深化医改工作，将深化综合医改重点工作纳入健康枞阳行动予以推动落实。',
      title: '统筹推进实施健康枞阳行动和深化医改工作',
      parentPath: '1',
      kind: 'measure' as const,
    };
    const leadership = 'reform-governance.leadership-coordination';
    const alone = candidateLinks(measure, real).find((candidate) => candidate.targetId === leadership);
    expect(alone?.linked).toBe(false);
    expect(alone?.score).toBeGreaterThanOrEqual(OUTLINE_TOPIC_FLOOR);
    const under = linkTasks([parent, measure], real).filter((l) => l.taskPath === '1/1');
    expect(targets(under).sort()).toEqual(['public-health.healthy-china', leadership]);
    for (const e of under.find((l) => l.targetId === leadership)?.evidence ?? [])
      expect(isExactEvidence(e, measure.text, real.catalogue.items.find((i) => i.id === leadership)?.text ?? '')).toBe(true);
    // Under an item about another reform the weak mention stays unlinked.
    const other = { ...parent, text: '推进健康枞阳行动：', title: '推进健康枞阳行动' };
    expect(targets(linkTasks([other, measure], real).filter((l) => l.taskPath === '1/1'))).toEqual(['public-health.healthy-china']);
  });

  it('gives a measure that links nowhere by itself its item’s links: citing its own text where it has evidence, inherited where it names nothing of the item', () => {
    const cited = {
      path: '1/1',
      text: '推动各项工作常态化制度化开展。',
      title: '推动各项工作常态化制度化开展',
      parentPath: '1',
      kind: 'measure' as const,
    };
    const all = linkTasks([parent, cited, silent], { catalogue, glossary });
    const fromParent = all.find((l) => l.taskPath === '1');
    const taken = all.find((l) => l.taskPath === '1/1');
    expect(fromParent?.targetId).toBe('drugs.procurement');
    expect(taken).toMatchObject({ targetId: 'drugs.procurement', score: fromParent?.score });
    expect(taken?.evidence.length).toBeGreaterThan(0);
    for (const e of taken?.evidence ?? []) expect(isExactEvidence(e, cited.text, itemText('drugs.procurement'))).toBe(true);
    expect(taken?.kind).not.toBe('inherited');
    expect(all.filter((l) => l.taskPath === '1/2')).toEqual([
      expect.objectContaining({
        targetId: 'drugs.procurement',
        kind: 'inherited',
        evidence: [],
        score: Math.min(fromParent?.score ?? 1, INHERITED_SCORE),
      }),
    ]);
  });

  it('inherits nothing into a measure that links by itself, nor a link scoring below the threshold', () => {
    const own = { path: '1/1', text: '深入实施健康中国行动。', title: '深入实施健康中国行动', parentPath: '1', kind: 'measure' as const };
    expect(targets(linkTasks([parent, own], { catalogue, glossary }).filter((l) => l.taskPath === '1/1'))).toEqual([
      'health.healthy-china',
    ]);
    // Between the inherited link's score and its parent's: the parent links, the measure inherits nothing.
    const threshold = INHERITED_SCORE + 0.01;
    const strict = linkTasks([parent, silent], { catalogue, glossary, threshold });
    expect(strict.find((l) => l.taskPath === '1')?.score).toBeGreaterThanOrEqual(threshold);
    expect(strict.filter((l) => l.taskPath === '1/2')).toEqual([]);
  });

  it("gives a unit with no link above it the subject of a one-matter document's title, inherited, and none from a title about the whole reform or into a framing part", () => {
    const top = { ...silent, path: '二', parentPath: null, kind: 'item' as const };
    const below = { ...silent, path: '二/1', parentPath: '二', kind: 'measure' as const };
    const framing = { path: '一', text: '指导思想。各单位要加强宣传培训。', title: '指导思想', parentPath: null, kind: 'item' as const };
    const titled = (documentTitle: string) => linkTasks([framing, top, below], { catalogue, glossary, documentTitle });
    const subject = linkTasks([{ ...parent, text: '关于推进药品集中带量采购工作的通知' }], { catalogue, glossary })[0];
    expect(subject?.targetId).toBe('drugs.procurement');
    const links = titled('关于推进药品集中带量采购工作的通知');
    expect(links.map((l) => [l.taskPath, l.targetId, l.kind, l.evidence.length])).toEqual([
      ['二', 'drugs.procurement', 'inherited', 0],
      ['二/1', 'drugs.procurement', 'inherited', 0],
    ]);
    expect(links[0]?.score).toBe(Math.min(subject?.score ?? 1, INHERITED_SCORE));
    expect(titled('关于深化医改推进药品集中带量采购工作的通知')).toEqual([]);
    expect(linkTasks([framing, top, below], { catalogue, glossary })).toEqual([]);
  });

  it('gives a measure that links nowhere the links of the nearest unit above it that has any, past one that has none', () => {
    const between = {
      path: '1/1',
      text: '各单位要加强宣传培训：',
      title: '各单位要加强宣传培训',
      parentPath: '1',
      kind: 'measure' as const,
    };
    const cited = {
      path: '1/1/1',
      text: '推动各项工作常态化制度化开展。',
      title: '推动各项工作常态化制度化开展',
      parentPath: '1/1',
      kind: 'measure' as const,
    };
    const all = linkTasks([parent, between, cited], { catalogue, glossary });
    // The unit between inherits; the measure below cites its own wording at the score of the link it rests on.
    expect(all.filter((l) => l.taskPath === '1/1').map((l) => l.kind)).toEqual(['inherited']);
    expect(all.find((l) => l.taskPath === '1/1/1')).toMatchObject({
      targetId: 'drugs.procurement',
      score: all.find((l) => l.taskPath === '1')?.score,
    });
  });

  it('links nothing from the parts that frame a plan — its background, guiding thought, principles and goals — nor from what is numbered under them', () => {
    const text = '深入实施健康中国行动，推动药品集中带量采购工作常态化制度化开展。';
    const framing = [
      { path: '一', text: `规划背景。`, title: '规划背景', parentPath: null, kind: 'section' as const },
      { path: '一/（一）', text: `现实基础。“十三五”时期，${text}`, title: '现实基础', parentPath: '一', kind: 'item' as const },
      { path: '二', text: '指导思想与主要目标', title: '指导思想与主要目标', parentPath: null, kind: 'section' as const },
      { path: '二/（一）', text: `指导思想。${text}`, title: '指导思想', parentPath: '二', kind: 'item' as const },
      { path: '二/（二）', text: `主要目标。${text}`, title: '主要目标', parentPath: '二', kind: 'item' as const },
      { path: '三', text: '基本原则：', title: '基本原则', parentPath: null, kind: 'item' as const },
      { path: '三/1', text, title: '深入实施健康中国行动', parentPath: '三', kind: 'measure' as const },
      { path: '五', text: `工作原则：${text}`, title: `工作原则：${text.slice(0, -1)}`, parentPath: null, kind: 'item' as const },
    ];
    const task = { path: '四/（一）', text: `重点任务。${text}`, title: '重点任务', parentPath: null, kind: 'item' as const };
    const links = linkTasks([...framing, task], { catalogue, glossary });
    expect(links.filter((l) => l.taskPath !== task.path)).toEqual([]);
    // The same wording in a task links.
    expect(targets(links.filter((l) => l.taskPath === task.path)).sort()).toEqual(['drugs.procurement', 'health.healthy-china']);
  });

  it("keeps a plan's goal for a reform no task takes up as a possible link when it scores as a link would, not at the possible floor", () => {
    const requirements = { path: '一', text: '总体要求', title: '总体要求', parentPath: null, kind: 'section' as const };
    const goals = {
      path: '一/（三）',
      text: '主要目标。到2025年，药品集中带量采购工作常态化制度化开展，集采药品品种达到500个以上。',
      title: '主要目标',
      parentPath: '一',
      kind: 'item' as const,
    };
    const task = { path: '二/（一）', text: '重点任务。推进中医药发展。', title: '重点任务', parentPath: null, kind: 'item' as const };
    const linked = (threshold?: number) =>
      linkTasksWithMessages([requirements, goals, task], { catalogue, glossary, ...(threshold === undefined ? {} : { threshold }) });
    const { links, possibleLinks } = linked();
    expect(links.filter((l) => l.taskPath !== task.path)).toEqual([]);
    expect(possibleLinks.map((p) => [p.taskPath, p.targetId])).toEqual([[goals.path, 'drugs.procurement']]);
    const goalScore = possibleLinks[0]?.score ?? 0;
    const taskScore = links.find((l) => l.taskPath === task.path)?.score ?? 0;
    // With the threshold above both scores the task's candidate is possible, over the possible floor; the goal's is not.
    expect(taskScore).toBeLessThan(goalScore);
    const above = linked(Math.min(1, goalScore + 0.005));
    expect(above.possibleLinks.map((p) => [p.taskPath, p.targetId])).toEqual([[task.path, 'health.tcm']]);
  });

  it('gives a heading with nothing numbered under it no link', () => {
    expect(linkTasks([{ ...heading, path: '三' }], { catalogue, glossary })).toEqual([]);
  });
});

describe('maskBoilerplate', () => {
  it('masks nested responsibility notes with mixed bracket widths and keeps offsets', () => {
    const text = '加强疫情防控。（责任单位：各镇人民政府（开发区工委）按职责分工负责)';
    const masked = maskBoilerplate(text);
    expect(masked.length).toBe(text.length);
    expect(masked.startsWith('加强疫情防控。')).toBe(true);
    expect(masked.slice(7)).toBe(MASK.repeat(text.length - 7));
  });

  it('masks the director-pay sanction of an assessment-table indicator and keeps a salary reform', () => {
    const text = '分解住院，查实一例扣0.5分，同时1例扣院长年薪5000元，按外购金额从院长年薪中扣罚。';
    const masked = maskBoilerplate(text);
    expect(masked.length).toBe(text.length);
    expect(masked).not.toContain('年薪');
    expect(masked).toContain('扣0.5分');
    expect(maskBoilerplate('完善公立医院院长年薪制。')).toBe('完善公立医院院长年薪制。');
  });

  it('masks the body that checks an assessment-table indicator (由同级医改领导小组考核) and keeps an assessment that is work of its own', () => {
    const text = '加强公立医院党的建设。不落实一项扣0.5分。 由同级医改领导小组考核，考核前上报考核方案。 2 分';
    const masked = maskBoilerplate(text);
    expect(masked.length).toBe(text.length);
    expect(masked).not.toContain('医改领导小组');
    expect(masked).toContain('考核前上报考核方案');
    const real = { catalogue: loadCatalogue(), glossary: loadGlossary() };
    expect(targets(linkTasks([{ path: '1', text, title: '加强公立医院党的建设' }], real))).not.toContain(
      'reform-governance.leadership-coordination',
    );
    const work = '将医改任务完成情况纳入政府目标管理绩效考核。';
    expect(maskBoilerplate(work)).toBe(work);
  });

  it('keeps a bracket that is part of the content, such as （DRG）', () => {
    expect(maskBoilerplate('推进按疾病诊断相关分组（DRG）付费')).toBe('推进按疾病诊断相关分组（DRG）付费');
  });
});

describe('headingOf', () => {
  it('cuts a long one-sentence title at its first clause', () => {
    expect(headingOf('继续开展药品耗材集中采购，加大指导力度，及时落实上级医疗服务价格调整政策')).toBe('继续开展药品耗材集中采购');
    expect(headingOf('推进疾病预防控制体系改革')).toBe('推进疾病预防控制体系改革');
  });
});

describe('taskHeadingOf', () => {
  it('keeps the heading of an item, even when it is the whole item', () => {
    expect(taskHeadingOf({ kind: 'item', title: '加快推进市第一医院分院项目建设', text: '加快推进市第一医院分院项目建设。' })).toBe(
      '加快推进市第一医院分院项目建设',
    );
  });

  it('takes no heading for a measure that is one sentence (开展医疗技术协作，促进学科发展，得1分；)', () => {
    expect(
      taskHeadingOf({ kind: 'measure', title: '开展医疗技术协作，促进学科发展，得1分', text: '开展医疗技术协作，促进学科发展，得1分；' }),
    ).toBe('');
  });

  it('keeps the short first sentence of a measure that more follows, and a long one only up to the colon that leads it', () => {
    expect(taskHeadingOf({ kind: 'measure', title: '加强医保基金监管', text: '加强医保基金监管。开展飞行检查。' })).toBe(
      '加强医保基金监管',
    );
    const title = '落实家庭医生签约服务：认真兑现重点人群有偿签约服务协议履约率≥80%';
    expect(taskHeadingOf({ kind: 'measure', title, text: `${title}，得1分；建档立卡对象签约率达100%得1分。` })).toBe(
      '落实家庭医生签约服务',
    );
    const long = '门诊患者抗菌药物处方比例不超过百分之二十的得零点五分';
    expect(taskHeadingOf({ kind: 'measure', title: long, text: `${long}。（结核病患者抗菌药物使用剔除）` })).toBe('');
  });

  it('weighs a cue of a one-sentence measure as the body of a task, not as a heading', () => {
    const text = '推进紧密型县域医共体建设，得1分；';
    const asItem = candidateLinks({ path: '1', kind: 'item', text, title: '推进紧密型县域医共体建设，得1分' }, { catalogue, glossary })[0];
    const asMeasure = candidateLinks(
      { path: '1', kind: 'measure', text, title: '推进紧密型县域医共体建设，得1分' },
      { catalogue, glossary },
    )[0];
    expect(asMeasure?.targetId).toBe(asItem?.targetId);
    expect(asMeasure?.score ?? 1).toBeLessThan(asItem?.score ?? 0);
  });
});

describe('linkTasks on a wording it has judged before', () => {
  const text = '深入开展爱国卫生运动，推进健康泗县行动，做实县域医共体，开展药品集采。';
  const judged = (path: string, options = {}) =>
    candidateLinks({ path, kind: 'item', text, title: '深入开展爱国卫生运动' }, { catalogue, glossary, ...options });

  it('gives a task with the same wording elsewhere the same candidates, under its own path, with their evidence', () => {
    const first = judged('1');
    const copied = judged('五/（二）');
    expect(first.length).toBeGreaterThan(1);
    expect(copied.map((c) => c.taskPath)).toEqual(first.map(() => '五/（二）'));
    expect(copied.map(({ taskPath, ...c }) => c)).toEqual(first.map(({ taskPath, ...c }) => c));
    for (const c of copied) expect(c.evidence.length).toBeGreaterThan(0);
  });

  it('judges the wording again under other options', () => {
    expect(judged('1').some((c) => c.linked)).toBe(true);
    expect(judged('1', { threshold: 1.01 }).some((c) => c.linked)).toBe(false);
  });
});

describe('clausesOf', () => {
  it('divides a task at 。 and ； and before numbered sub-points ①②, keeping offsets', () => {
    const text = '深化医保改革：①推进DRG支付方式改革；②加强医保基金监管。完善价格机制';
    const clauses = clausesOf(text).map(([start, end]) => text.slice(start, end));
    expect(clauses).toEqual(['深化医保改革：', '①推进DRG支付方式改革；', '②加强医保基金监管。', '完善价格机制']);
  });

  it('keeps no clause of punctuation alone', () => {
    expect(clausesOf('推进分级诊疗。；')).toEqual([[0, 7]]);
  });

  it("has, in one cut of a task, each clause's words as the clause cut alone has them, and the word boundaries of the masked text", () => {
    // The linker cuts each task once (scanTask) and takes each clause's content words from that cut.
    const seeds = readdirSync(seedPath('')).filter((name) => name.endsWith('.txt'));
    const paragraphs = seeds.flatMap((name) => readFileSync(seedPath(name), 'utf8').split(/\n{2,}/u));
    const tasks = [...paragraphs, '深化医保改革：①推进DRG支付方式改革；②加强医保基金监管。\t覆盖率达到95%以上（责任单位：县医保局）'];
    let clausesChecked = 0;
    for (const text of tasks.map(maskBoilerplate)) {
      const cutText = text.replaceAll(MASK, '，');
      const offsets: number[] = [];
      let offset = 0;
      for (const word of wordsOf(cutText)) offsets.push((offset += word.length));
      expect(new Set([0, text.length, ...offsets])).toEqual(wordBoundaries(text));
      for (const [start, end] of clausesOf(text)) {
        const fromWhole = wordsOf(cutText).filter((word, i) => (offsets[i] ?? 0) - word.length >= start && (offsets[i] ?? 0) <= end);
        // In the same order: the linker adds up each word's weight in it.
        expect([...new Set(fromWhole.filter(isContentWord))]).toEqual([...contentWords(cutText.slice(start, end))]);
        clausesChecked += 1;
      }
    }
    expect(clausesChecked).toBeGreaterThan(500);
  });
});

describe('candidateLinks', () => {
  it('lists the links the linker keeps, and below them items with weaker evidence, best first', () => {
    const task = { path: '1', text: '做实医共体运行机制，推动各项工作常态化制度化开展。', title: '做实医共体运行机制' };
    const kept = linkTasks([task], { catalogue, glossary }).map((l) => l.targetId);
    const candidates = candidateLinks(task, { catalogue, glossary });
    expect(candidates.filter((c) => c.linked).map((c) => c.targetId)).toEqual(kept);
    expect(candidates.some((c) => !c.linked)).toBe(true);
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of candidates) for (const e of c.evidence) expect(isExactEvidence(e, task.text, itemText(c.targetId))).toBe(true);
  });
});
