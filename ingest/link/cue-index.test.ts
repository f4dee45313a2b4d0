import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueSchema, loadCatalogue } from './catalogue.js';
import { cueIndexFor, findCues, foldWidth, literalCuesAt, PHRASE_MIN_LENGTH, type CueTrie, type LiteralCue } from './cue-index.js';
import { loadGlossary } from './glossary.js';
import { seedPath } from './seed-file.js';
import { wordBoundaries } from './segmenter.js';
import { fixtureGlossary as glossary } from './test-fixtures.js';

const catalogue = catalogueSchema.parse({
  version: 1,
  description: 'test',
  documents: [],
  pillars: [{ id: 'digital', zh: '信息化', en: 'Digital' }],
  items: [
    {
      id: 'digital.internet-plus',
      pillar: 'digital',
      titleZh: '发展“互联网+医疗健康”',
      titleEn: 'Internet plus health care',
      text: '发展“互联网+医疗健康”，推广执业（助理）医师。',
      titleIsSummary: true,
      keywords: ['互联网+医疗健康', '执业（助理）医师'],
      source: null,
    },
  ],
});

describe('findCues', () => {
  it('matches a cue the document prints with a full-width symbol (互联网＋医疗健康), at the offsets of the printed text', () => {
    const text = '推进县域“互联网＋医疗健康”。';
    const [match, ...rest] = findCues(text, cueIndexFor(catalogue, glossary));
    expect(rest).toEqual([]);
    expect(match?.cue.literal).toBe('互联网+医疗健康');
    expect(text.slice(match?.start, match?.end)).toBe('互联网＋医疗健康');
  });

  it('takes 编制 for a staffing quota, not where it draws up a budget or a plan (预算编制, 编制本规划)', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const staffing = (text: string) =>
      findCues(text, index).filter((m) => m.cue.itemId === 'personnel.staffing-hr' && m.cue.literal === '编制');
    expect(staffing('在地方现有编制总量内合理核定公立医院编制。')).toHaveLength(2);
    expect(staffing('在预算管理制度中有明确的预算编制和调整条款的，得1分。')).toEqual([]);
    expect(staffing('结合我市实际，编制本规划。')).toEqual([]);
    expect(staffing('科学建立全面预算的编制、审批程序。')).toEqual([]);
    expect(staffing('科学编制“十四五”卫生健康专项规划。')).toEqual([]);
  });

  it('takes 绩效考核 for the evaluation of hospitals, not for a budget’s performance or staff work points', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const evaluation = (text: string) => findCues(text, index).filter((m) => m.cue.itemId === 'public-hospital.performance-evaluation');
    expect(evaluation('深入推进二级、三级公立医院绩效考核，加强绩效考核实施。').length).toBeGreaterThan(0);
    expect(evaluation('建立全面预算绩效考核机制得1分，未制定的扣1分；')).toEqual([]);
    expect(evaluation('每月20日前上报上月绩效考核工分报表，得1分。')).toEqual([]);
  });

  it('takes no cue from the institutions a list of construction projects builds (市疾控中心整体迁建项目), but from the reform of one', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const system = (text: string) => findCues(text, index).filter((m) => m.cue.itemId === 'public-health.disease-control-system');
    expect(system('做好市疾控中心整体迁建项目前期工作。')).toEqual([]);
    expect(system('加快推进市第二人民医院、市疾控中心、市中医医院、市急救中心4个异地新建项目建设。')).toEqual([]);
    expect(system('推进市第一医院分院、市疾控中心等项目建设。')).toEqual([]);
    expect(system('推进疾控中心标准化建设项目，加强疾控中心实验室检测能力。').length).toBeGreaterThan(0);
    expect(system('改革完善疾控中心运行机制。').length).toBeGreaterThan(0);
  });

  it('takes 信息化 for health informatisation, not for the government office’s own (政务信息化)', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const digital = (text: string) => findCues(text, index).filter((m) => m.cue.itemId === 'digital-health.informatisation');
    expect(digital('推进以电子病历为核心的医院信息化建设。').length).toBeGreaterThan(0);
    expect(digital('深入推进政务信息化，加强政府信息公开。')).toEqual([]);
  });

  it('takes 健康…建设 for a place’s healthy-city building (健康三明建设), not for the health sector’s (卫生健康信息化建设)', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const healthy = (text: string) => findCues(text, index).filter((m) => m.cue.itemId === 'public-health.healthy-china');
    expect(healthy('深入推进健康三明建设。').length).toBeGreaterThan(0);
    expect(healthy('加快推进卫生健康信息化建设。')).toEqual([]);
    expect(healthy('加强全民健康信息化建设。')).toEqual([]);
  });

  it('takes 公共卫生服务能力 for the public-health system, not inside the basic public-health package (基本公共卫生服务能力)', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const system = (text: string) => findCues(text, index).filter((m) => m.cue.itemId === 'public-health.disease-control-system');
    expect(system('加强公共卫生体系建设，提升公共卫生服务能力。').length).toBeGreaterThan(1);
    expect(system('提升基本公共卫生服务能力。')).toEqual([]);
  });

  it('takes 高血压 for a chronic-disease programme, not in the list of an insurance’s outpatient special diseases (门诊特殊病种)', () => {
    const index = cueIndexFor(loadCatalogue(), loadGlossary());
    const chronic = (text: string) => findCues(text, index).filter((m) => m.cue.itemId === 'public-health.chronic-disease');
    expect(chronic('以高血压、糖尿病等慢性病管理为突破口，强化基层医防融合。').length).toBeGreaterThan(0);
    expect(chronic('城镇职工医保门诊特殊病种。16个门诊特殊病种〔高血压、糖尿病〕起付线降低。')).toEqual([]);
  });

  it('still matches a cue that itself holds full-width brackets (执业（助理）医师)', () => {
    const matches = findCues('提高执业（助理）医师比例。', cueIndexFor(catalogue, glossary));
    expect(matches.map((m) => m.cue.literal)).toEqual(['执业（助理）医师']);
  });
});

describe('literalCuesAt', () => {
  it('finds every literal cue a text has at a position, the longest first, one wording in catalogue order', () => {
    const seedsCatalogue = loadCatalogue();
    const { literals } = cueIndexFor(seedsCatalogue, loadGlossary());
    const every: LiteralCue[] = [];
    const collect = (node: CueTrie) => {
      every.push(...node.cues);
      for (const next of node.next.values()) collect(next);
    };
    collect(literals);
    const byFirstCode = new Map<number, LiteralCue[]>();
    for (const cue of every) byFirstCode.set(cue.folded.charCodeAt(0), [...(byFirstCode.get(cue.folded.charCodeAt(0)) ?? []), cue]);
    const itemOrder = new Map(seedsCatalogue.items.map((item, i) => [item.id, i]));
    const texts = readdirSync(seedPath(''))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => foldWidth(readFileSync(seedPath(name), 'utf8')));
    let found = 0;
    for (const text of texts) {
      for (let at = 0; at < text.length; at += 1) {
        const cues = literalCuesAt(text, at, literals);
        const starting = byFirstCode.get(text.charCodeAt(at)) ?? [];
        expect(new Set(cues)).toEqual(new Set(starting.filter((cue) => text.startsWith(cue.folded, at))));
        cues.forEach((cue, i) => {
          const before = cues[i - 1];
          if (!before) return;
          expect(before.folded.length).toBeGreaterThanOrEqual(cue.folded.length);
          if (before.folded === cue.folded) expect(itemOrder.get(before.itemId)).toBeLessThanOrEqual(itemOrder.get(cue.itemId) ?? -1);
        });
        found += cues.length;
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});

describe('foldWidth', () => {
  it('folds each full-width form to one ASCII character and leaves ideographs and 、。 alone', () => {
    expect(foldWidth('互联网＋医疗健康５０％、。')).toBe('互联网+医疗健康50%、。');
    expect(foldWidth('互联网＋医疗健康５０％、。')).toHaveLength('互联网＋医疗健康５０％、。'.length);
  });
});

describe('the filters of the gram and word look-ups', () => {
  const seedsCatalogue = loadCatalogue();
  const index = cueIndexFor(seedsCatalogue, loadGlossary());
  const texts = readdirSync(seedPath(''))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(seedPath(name), 'utf8'));

  it('mayHoldGram passes every gram of an item text and of the seeds that some item holds, and rules out most others', () => {
    for (const item of seedsCatalogue.items) {
      for (let at = 0; at + PHRASE_MIN_LENGTH <= item.text.length; at += 1) {
        if (index.itemsByGram.has(item.text.slice(at, at + PHRASE_MIN_LENGTH))) expect(index.mayHoldGram(item.text, at)).toBe(true);
      }
    }
    let held = 0;
    let absent = 0;
    let passedAbsent = 0;
    for (const text of texts) {
      for (let at = 0; at + PHRASE_MIN_LENGTH <= text.length; at += 1) {
        const isHeld = index.itemsByGram.has(text.slice(at, at + PHRASE_MIN_LENGTH));
        if (isHeld) {
          held += 1;
          expect(index.mayHoldGram(text, at)).toBe(true);
        } else {
          absent += 1;
          if (index.mayHoldGram(text, at)) passedAbsent += 1;
        }
      }
    }
    expect(held).toBeGreaterThan(100);
    expect(passedAbsent / absent).toBeLessThan(0.05);
  });

  it('numbers each item word with its specificity, and flags for each item exactly the words it uses', () => {
    expect(index.wordInfo.size).toBeGreaterThan(100);
    for (const [word, { id, specificity }] of index.wordInfo) {
      expect(specificity).toBe(index.wordSpecificity(word));
      expect(index.specificityById[id]).toBe(specificity);
      for (const [itemId, words] of index.itemWords) expect(index.itemWordFlags.get(itemId)?.[id] === 1).toBe(words.has(word));
    }
  });
});

describe('findCues with word boundaries given lazily', () => {
  const index = cueIndexFor(loadCatalogue(), loadGlossary());
  const lines = readdirSync(seedPath(''))
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(seedPath(name), 'utf8').split('\n'))
    .filter((line) => line.trim().length > 0);

  it('finds what it finds with the boundaries given, and leaves some texts uncut', () => {
    const cut = new Set<string>();
    for (const line of lines) {
      const lazily = findCues(line, index, () => {
        cut.add(line);
        return wordBoundaries(line);
      });
      expect(lazily).toEqual(findCues(line, index, wordBoundaries(line)));
    }
    expect(cut.size).toBeGreaterThan(10);
    expect(cut.size).toBeLessThan(new Set(lines).size);
  });
});
