/**
 * @module One synthetic task list for one jurisdiction: a header in one of the usual shapes (a
 * government-office 文件 with a 发文字号, a plain two-line title, a leading-group notice with a 分解表
 * attachment), an outline in one of the usual numbering styles, agencies prefixed with the place's
 * level, perturbed targets and deadlines, and noise. The generator counts the units it writes, so the
 * parser's result can be checked against a number it did not produce.
 */
import { PLACE_FULL, PLACE_SHORT, type SeedPool } from './seed-pool.js';
import type { Place } from './pick-jurisdictions.js';
import type { Random } from './prng.js';

export type OutlineStyle = 'cn-paren' | 'arabic' | 'deep' | 'table';

export interface UnitCounts {
  /** Headings: 一、 sections and （一） sub-headings that only group items. */
  sections: number;
  /** Work items. */
  items: number;
  /** Sub-measures: ①② inline, （1） lines, or unnumbered table rows. */
  measures: number;
}

/** A document another one cites as its basis (the city plan a county plan implements). */
export interface ParentRef {
  title: string;
  docNumber: string;
}

export interface ComposedDocument {
  jurisdictionId: string;
  title: string;
  docNumber: string | null;
  issuedOn: string;
  style: OutlineStyle;
  counts: UnitCounts;
  text: string;
}

export interface ComposeOptions {
  place: Place;
  year: number;
  pool: SeedPool;
  random: Random;
  parent: ParentRef | null;
  /** Reserves a unique 发文字号 number for a prefix and year. */
  allocateNumber: (prefix: string, year: number) => number;
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

/** The Chinese numeral of the (index + 1)-th heading or item; an outline longer than CN_NUMERALS is a bug here. */
function cnNumeral(index: number): string {
  const numeral = CN_NUMERALS[index];
  if (numeral === undefined)
    throw new Error(`compose-document: no Chinese numeral for ordinal ${index + 1} (CN_NUMERALS ends at ${CN_NUMERALS.length})`);
  return numeral;
}

/** The circled digit of the (index + 1)-th sub-measure; more sub-measures than CIRCLED is a bug here. */
function circled(index: number): string {
  const digit = CIRCLED[index];
  if (digit === undefined)
    throw new Error(`compose-document: no circled digit for sub-measure ${index + 1} (CIRCLED ends at ${CIRCLED.length})`);
  return digit;
}

/** Quantified targets in the wording local plans use; values are perturbed per document. */
const TARGETS: readonly { metric: string; op: '以上' | '以下'; base: number; unit: string }[] = [
  { metric: '县域内就诊率', op: '以上', base: 90, unit: '%' },
  { metric: '按病种付费的出院病例数占比', op: '以上', base: 70, unit: '%' },
  { metric: '家庭医生签约服务覆盖率', op: '以上', base: 45, unit: '%' },
  { metric: '二级以上公立医院预约诊疗率', op: '以上', base: 50, unit: '%' },
  { metric: '基层医疗卫生机构诊疗量占比', op: '以上', base: 65, unit: '%' },
  { metric: '公立医院医疗服务收入占医疗收入的比例', op: '以上', base: 35, unit: '%' },
  { metric: '个人卫生支出占卫生总费用的比例', op: '以下', base: 28, unit: '%' },
  { metric: '电子健康档案建档率', op: '以上', base: 90, unit: '%' },
  { metric: '高血压患者规范管理率', op: '以上', base: 62, unit: '%' },
  { metric: '药品耗材集中采购品种覆盖率', op: '以上', base: 80, unit: '%' },
];

const STATUS_WORDS = ['达到', '提高到', '不低于'];

function toFullWidth(digits: string): string {
  return digits.replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** Seed text made to speak for this place and year: names, level words, years and figures. */
function localise(text: string, place: Place, year: number, random: Random): string {
  const level = place.prefix;
  return text
    .split(PLACE_FULL)
    .join(place.name)
    .split(PLACE_SHORT)
    .join(place.short)
    .replace(/([全我本])(?:县|市|区)/gu, `$1${level}`)
    .replace(/20(1[5-9]|2\d)(?=\s*年)/gu, () => String(year + random.int(0, 2)))
    .replace(/(\d{1,3})(?=\s*%)/gu, (figure) =>
      String(Math.min(100, Math.max(1, Math.round(Number(figure) * (0.85 + random.next() * 0.3))))),
    );
}

/** A stray line break as PDF and Word exports leave them, never where the next line would read as a marker or end matter. */
function strayBreak(text: string, random: Random): string {
  if (text.length < 60) return text;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const at = random.int(20, text.length - 20);
    // at is within [20, length - 20], so both characters exist.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- at - 1 >= 19 is within the text
    const before = text[at - 1]!;
    const after = text.slice(at);
    const cjk = /[\u4e00-\u9fff]/u;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- after holds at least 20 characters
    if (!cjk.test(before) || !cjk.test(after[0]!)) continue;
    if (/^[一二三四五六七八九十附抄联此各]/u.test(after)) continue;
    return `${text.slice(0, at)}\n${after}`;
  }
  return text;
}

/** Full-width digits in some numbers, as typed in Word by many local offices. */
function fullWidthNoise(text: string, random: Random): string {
  return text.replace(/\d+(?=[%年])/gu, (digits) => (random.chance(0.15) ? toFullWidth(digits) : digits));
}

function targetSentence(year: number, random: Random): string {
  const target = random.pick(TARGETS);
  const value = Math.min(100, Math.round(target.base * (0.85 + random.next() * 0.3)));
  const by = year + random.int(0, 2);
  if (target.op === '以下') return `到${by}年底，${target.metric}控制在${value}${target.unit}以下。`;
  return `到${by}年底，${target.metric}${random.pick(STATUS_WORDS)}${value}${target.unit}${target.op}。`;
}

function deadlinePhrase(year: number, random: Random): string {
  const month = random.pick([3, 6, 9, 10, 11, 12]);
  return random.pick([`${year}年${month}月底前完成`, `${year}年${month}月底前`, `${year}年底前完成`, '长期坚持', '持续推进']);
}

function agencyList(place: Place, pool: SeedPool, random: Random): { lead: string[]; support: string[] } {
  // The seeds' most frequent agencies lead most tasks; the tail supports.
  const head = pool.agencies.slice(0, 6);
  const lead = random.sample(random.chance(0.75) ? head : pool.agencies, random.chance(0.7) ? 1 : 2);
  const rest = pool.agencies.filter((name) => !lead.includes(name));
  const support = random.chance(0.6) ? random.sample(rest, random.int(1, 4)) : [];
  const prefix = (names: string[]) => names.map((name) => `${place.prefix}${name}`);
  return { lead: prefix(lead), support: prefix(support) };
}

/** The responsibility note that closes a task in prose: "（责任单位：县卫生健康委、县医保局）". */
function responsibilityNote(place: Place, pool: SeedPool, random: Random, year: number): string {
  const { lead, support } = agencyList(place, pool, random);
  const deadline = random.chance(0.25) ? `；完成时限：${deadlinePhrase(year, random)}` : '';
  switch (random.int(0, 3)) {
    case 0:
      return `（责任单位：${[...lead, ...support].join('、')}${deadline}）`;
    case 1:
      return support.length > 0
        ? `（牵头单位：${lead.join('、')}；配合单位：${support.join('、')}${deadline}）`
        : `（牵头单位：${lead.join('、')}${deadline}）`;
    case 2:
      return support.length > 0 ? `（${lead.join('、')}牵头，${support.join('、')}配合）` : `（${lead.join('、')}负责）`;
    default:
      return `（${[...lead, ...support].join('、')}按职责分工负责）`;
  }
}

interface ItemDraft {
  text: string;
  measures: string[];
}

/** A work item: one or two seed paragraphs, sometimes a target and a deadline, and its sub-measures. */
function draftItem(pool: SeedPool, place: Place, year: number, random: Random, measureChance: number): ItemDraft {
  let text = localise(random.pick(pool.items), place, year, random);
  if (random.chance(0.3)) text += targetSentence(year, random);
  if (random.chance(0.25)) text = text.replace(/。$/u, `，${deadlinePhrase(year, random)}。`);
  const measures = random.chance(measureChance)
    ? random.sample(pool.measures, random.int(2, 4)).map((measure) => localise(measure, place, year, random))
    : [];
  return { text: fullWidthNoise(text, random), measures };
}

/**
 * The stream of the item at this place of the outline (section, group, item). A yearly list is
 * revised item by item: most of last year's items come back with this year's figures and
 * deadlines, some are rewritten, dropped or added. Drawn from the document's one stream, an item
 * would take the draws its predecessors left, so one drifted item (a sub-measure more) would
 * rewrite every item after it; a yearly stream's fork drifts on its own (see driftingRandom).
 */
function itemRandom(random: Random, section: number, group: number, item: number): Random {
  return random.fork(`item ${section}.${group}.${item}`);
}

function headingsFor(pool: SeedPool, random: Random, count: number): string[] {
  return random.sample(pool.headings, count);
}

interface Outline {
  text: string;
  counts: UnitCounts;
}

function proseOutline(style: Exclude<OutlineStyle, 'table'>, pool: SeedPool, place: Place, year: number, random: Random): Outline {
  const counts: UnitCounts = { sections: 0, items: 0, measures: 0 };
  const lines: string[] = [];
  const sectionCount = random.int(4, 6);
  const halfWidth = random.chance(0.3); // "(一)" as typed with a Western keyboard
  const arabicMark = random.pick(['.', '、', '．']);
  headingsFor(pool, random, sectionCount).forEach((heading, s) => {
    lines.push(`${cnNumeral(s)}、${heading}`);
    counts.sections += 1;
    const groups = style === 'deep' ? random.int(2, 3) : 1;
    let itemNumber = 0;
    for (let g = 0; g < groups; g += 1) {
      if (style === 'deep') {
        const sub = random.pick(pool.headings);
        lines.push(halfWidth ? `(${cnNumeral(g)})${sub}` : `（${cnNumeral(g)}）${sub}`);
        counts.sections += 1;
        itemNumber = 0;
      }
      const itemCount = style === 'deep' ? random.int(2, 3) : random.int(3, 6);
      for (let i = 0; i < itemCount; i += 1) {
        // Each item from a stream of its own place in the outline: see itemRandom.
        const own = itemRandom(random, s, g, i);
        const item = draftItem(pool, place, year, own, style === 'arabic' ? 0.5 : 0.45);
        const note = responsibilityNote(place, pool, own, year);
        counts.items += 1;
        counts.measures += item.measures.length;
        itemNumber += 1;
        const key =
          style === 'cn-paren'
            ? halfWidth
              ? `(${cnNumeral(itemNumber - 1)})`
              : `（${cnNumeral(itemNumber - 1)}）`
            : `${own.chance(0.15) ? toFullWidth(String(itemNumber)) : itemNumber}${arabicMark}`;
        const body = own.chance(0.2) ? strayBreak(item.text, own) : item.text;
        if (style === 'arabic' && item.measures.length > 0) {
          // "1. …（责任单位：…）" then "（1）…" on lines of their own.
          lines.push(`${key}${body}${note}`);
          item.measures.forEach((measure, m) => lines.push(`（${m + 1}）${measure}`));
        } else {
          const inline = item.measures.map((measure, m) => `${circled(m)}${measure}`).join('');
          lines.push(`${key}${body}${inline}${note}`);
        }
      }
    }
  });
  return { text: lines.join('\n'), counts };
}

/** A 任务分解表: one row per item, the section cell on its first row only, ①② in the measures cell. */
function tableOutline(pool: SeedPool, place: Place, year: number, random: Random): Outline {
  const counts: UnitCounts = { sections: 0, items: 0, measures: 0 };
  const rows = ['工作任务\t主要目标要求\t细化措施\t责任单位\t完成时限'];
  let itemNumber = 0;
  headingsFor(pool, random, random.int(4, 6)).forEach((heading, s) => {
    counts.sections += 1;
    const itemCount = random.int(3, 6);
    for (let i = 0; i < itemCount; i += 1) {
      itemNumber += 1;
      const own = itemRandom(random, s, 0, i);
      const item = draftItem(pool, place, year, own, 0.7);
      counts.items += 1;
      counts.measures += item.measures.length;
      const { lead, support } = agencyList(place, pool, own);
      const agencies = [...lead.map((name) => (support.length > 0 ? `${name}（牵头）` : name)), ...support].join('、');
      const sectionCell = i === 0 ? `${cnNumeral(s)}、${heading}` : '';
      const measures = item.measures.map((measure, m) => `${circled(m)}${measure}`).join('');
      rows.push([sectionCell, `${itemNumber}. ${item.text}`, measures, agencies, deadlinePhrase(year, own)].join('\t'));
    }
  });
  return { text: rows.join('\n'), counts };
}

function addressees(place: Place): string {
  if (place.level === 'city') return `各县（市、区）人民政府，${place.prefix}直有关部门：`;
  if (place.prefix === '区') return `各街道办事处、镇人民政府，区直有关单位：`;
  return `各乡镇人民政府，${place.prefix}直有关单位：`;
}

function preamble(place: Place, year: number, parent: ParentRef | null, random: Random): string {
  const where = `${place.province.name}${place.city?.name ?? ''}`;
  const basis = parent
    ? `《${parent.title}》（${parent.docNumber}）`
    : `《${place.province.name}深化医药卫生体制改革${year}年重点工作任务》`;
  const opening = random.pick(['为贯彻落实', '根据', '按照']);
  return `${opening}${basis}精神，进一步深化医药卫生体制改革，推动${where}医改重点任务在${place.name}落地见效，结合${place.short}实际，制定本任务。`;
}

function dateOf(year: number, random: Random): { month: number; day: number } {
  return { month: random.int(1, 11), day: random.int(1, 28) };
}

export function composeDocument({ place, year, pool, random, parent, allocateNumber }: ComposeOptions): ComposedDocument {
  const style: OutlineStyle = random.pick(['cn-paren', 'cn-paren', 'arabic', 'deep', 'table']);
  const outline = style === 'table' ? tableOutline(pool, place, year, random) : proseOutline(style, pool, place, year, random);
  const { month, day } = dateOf(year, random);
  const dateLine = `${year}年${month}月${day}日`;
  const issuedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const abbreviation = place.short[0];
  if (abbreviation === undefined) throw new Error(`compose-document: jurisdiction ${place.id} has an empty name`);
  const government = `${place.name}人民政府`;
  const office = `${government}办公室`;
  const leadingGroup = `${place.name}深化医药卫生体制改革领导小组`;

  // Leading-group notices carry the 分解表; city plans are always numbered government documents
  // (their counties cite them by number); counties vary.
  const header = style === 'table' ? 'leading-group' : place.level === 'city' || random.chance(0.65) ? 'office' : 'plain';
  const lines: string[] = [''];
  let title: string;
  let docNumber: string | null = null;
  if (header === 'office') {
    const prefix = `${abbreviation}${place.level === 'city' ? '府办发' : '政办发'}`;
    docNumber = `${prefix}〔${year}〕${allocateNumber(prefix, year)}号`;
    title = `${place.name}深化医药卫生体制改革${year}年重点工作任务`;
    lines.push(
      `${office}文件`,
      '',
      random.chance(0.1) ? docNumber.replace('〔', '[').replace('〕', ']') : docNumber,
      '',
      `${office}关于印发${title}的通知`,
      '',
      addressees(place),
      `《${title}》已经${place.prefix}人民政府同意，现印发给你们，请认真贯彻落实。`,
      '',
      office,
      dateLine,
      '',
      random.chance(0.3) ? '（此件公开发布）' : '',
      '',
      `${place.name}深化医药卫生体制改革`,
      `${year}年重点工作任务`,
      '',
      preamble(place, year, parent, random),
      '',
      outline.text,
      '',
    );
  } else if (header === 'plain') {
    title = `${place.name}深化医药卫生体制改革${year}年重点工作任务`;
    lines.push(
      `${place.name}深化医药卫生体制改革`,
      `${year}年重点工作任务`,
      '',
      preamble(place, year, parent, random),
      outline.text,
      '',
      `${leadingGroup}办公室`,
      dateLine,
      '',
    );
  } else {
    const prefix = `${abbreviation}医改组`;
    docNumber = `${prefix}〔${year}〕${allocateNumber(prefix, year)}号`;
    title = `${place.name}${year}年深化医改重点任务分解表`;
    lines.push(
      `${leadingGroup}文件`,
      '',
      docNumber,
      '',
      `${leadingGroup}关于印发《${year}年深化医改重点任务分解表》的通知`,
      '',
      `各乡镇（街道），${place.prefix}医改领导小组各成员单位：`,
      '',
      `${preamble(place, year, parent, random).replace(/制定本任务。$/u, '')}现将《${year}年深化医改重点任务分解表》印发给你们，请结合实际认真贯彻落实。`,
      '',
      leadingGroup,
      dateLine,
      '',
      '（此件主动公开）',
      '',
      '附件',
      '',
      title,
      '',
      outline.text,
      '',
    );
  }
  return { jurisdictionId: place.id, title, docNumber, issuedOn, style, counts: outline.counts, text: lines.join('\n') };
}
