/**
 * Quantified targets in task text: 不低于70%, 达300台, 培训救护员3.3万人, 提高5元, 47.5%以上,
 * 最高不得超过…的5倍, 控制在30%以下, 达到95%, "65%或同比提高1个百分点" (two targets), 不低于全省平均水平,
 * 床人比不低于1:1.6, "16个乡镇卫生院、158个村卫生室" (two targets), "婴儿死亡率和5岁以下儿童死亡率分别为0.63‰和2.52‰"
 * (two targets, a measure each).
 * Not targets: dates (2020年9月), document numbers (〔2024〕29号), ordinals (第七批, 前10位), phone-style
 * numbers without a unit (120急救), numbers inside quotation marks (“3个10%”经验) or formulas (1+2+8), conditions
 * (床位在100张以上的医院, 常住人口超过50万且…), counts of places (3个县（区）) and figures reported for the end
 * of a year before the document's (2020年末，…提高到82.25岁 in a plan of 2023).
 */
import type { Span } from '../../graph-schema/payloads.js';
import type { TargetMention } from '../document.js';
import { compact, maskQuoted } from './text-scan.js';

export interface TargetOptions {
  /** Added to every span. @default 0 */
  offset?: number;
  /** `by` for targets whose sentence names no year, e.g. the task's deadline. @default null */
  defaultBy?: string | null;
  /** Year the document speaks from (its issue year): a figure dated to the end of an earlier year is past. @default null */
  documentYear?: number | null;
}

type Op = '>=' | '<=' | '=' | '>' | '<' | '+' | 'x';
/** reach: 达到/提高到 (at least, unless a suffix says otherwise); fall: 下降到/降低至 (at most); hold: 控制在. */
type ComparatorKind = Op | 'reach' | 'fall' | 'hold' | '-';

/** Comparator words before a number, with what they mean. Longest first when matched. */
const COMPARATORS: Record<string, ComparatorKind> = {
  最高不得超过: '<=',
  不得超过: '<=',
  不超过: '<=',
  不高于: '<=',
  不多于: '<=',
  不大于: '<=',
  最多: '<=',
  最高: '<=',
  不低于: '>=',
  不少于: '>=',
  不小于: '>=',
  至少: '>=',
  最低: '>=',
  低于: '<',
  少于: '<',
  小于: '<',
  // "平均服务半径≤5公里": indicator tables and their prose print the mathematical signs.
  '≤': '<=',
  '≥': '>=',
  '＜': '<',
  '＞': '>',
  高于: '>',
  超过: '>',
  多于: '>',
  大于: '>',
  提高到: 'reach',
  提高至: 'reach',
  提升到: 'reach',
  提升至: 'reach',
  增加到: 'reach',
  增加至: 'reach',
  增至: 'reach',
  上升到: 'reach',
  上升至: 'reach',
  扩大到: 'reach',
  扩大至: 'reach',
  达到: 'reach',
  达: 'reach',
  下降到: 'fall',
  下降至: 'fall',
  降低到: 'fall',
  降低至: 'fall',
  降至: 'fall',
  减少到: 'fall',
  减少至: 'fall',
  压缩到: 'fall',
  压缩至: 'fall',
  控制在: 'hold',
  保持在: 'hold',
  稳定在: 'hold',
  维持在: 'hold',
  提高: '+',
  提升: '+',
  增加: '+',
  增长: '+',
  新增: '+',
  降低: '-',
  下降: '-',
  减少: '-',
  翻: 'x',
};
const COMPARATOR_WORDS = Object.keys(COMPARATORS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/**
 * Comparator right before the number: "不低于70%", "达 95%"; a rate's base may stand between them, "提高到每人每年550元"
 * (as 国家基本公共卫生服务项目 prints its 人均补助标准).
 */
const ADJACENT = new RegExp(`(${COMPARATOR_WORDS})\\s*(?:每人每年|每人每月|人均|每人)?\\s*$`, 'u');
/** Comparator, a noun phrase ending in 的, then the number: "最高不得超过公益一类事业单位绩效工资总量的 5 倍". */
const GAPPED = new RegExp(`(最高不得超过|不得超过|不超过|不高于|不低于|不少于|高于|低于|超过)([^，。；;,、]{1,30}的)\\s*$`, 'u');
/** 至少 then a short verb: "至少有 1 名乡村医生", "至少设置一所". */
const AT_LEAST_VERB = /(至少|不少于)([\u4e00-\u9fff]{1,4})\s*$/u;
/**
 * The verb, its object, then 到/至 and the figure: "提高基本公共卫生服务项目人均补助标准至74元" says what
 * "将…提高到74元" says; the object between them is the measure.
 */
const VERB_OBJECT_TO = /(提高|提升|增加|扩大|降低|下降|减少|压缩)([^，。；;,、\d]{2,30}?)(?:到|至)\s*$/u;

/** Units after a number, longest first ("个月" before "个", "万人" before "万"). */
const UNIT =
  /^\s*(个百分点|百分点|%|％|‰|\/\s*(?:10|十)\s*万|\/\s*(?:1|一)?\s*[千万]|万人次|人次|万人|万元|亿元|元|个月|倍|人|名|个|家|所|台|张|种|项|辆|床|例|次|处|座|套|间|天|小时|分钟|公里|位|篇|份|户|万|亿)/u;
const SUFFIX = /^\s*(及以上|以上|及以下|以下|以内|左右)/u;
const SUFFIX_OP: Record<string, Op> = { 及以上: '>=', 以上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 左右: '=' };
/** What a bare number followed by these is: a date, a document number, a level or an age. */
const NOT_A_QUANTITY = /^\s*(年|月|日|号|级|周岁|岁|时|:|：|—|-|~|～)/u;
const PERCENT_UNITS = new Set(['%', '％', '‰', '个百分点', '百分点']);
/** "控制在16/10万以内", "7‰": a rate per thousand or per hundred thousand is a proportion too. */
const isRate = (unit: string | null) => unit !== null && (PERCENT_UNITS.has(unit) || unit.startsWith('/'));

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(text: string): number | null {
  if (text === '十') return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (tens) return (tens[1] ? (CHINESE_DIGITS[tens[1]] ?? 0) : 1) * 10 + (tens[2] ? (CHINESE_DIGITS[tens[2]] ?? 0) : 0);
  return text.length === 1 ? (CHINESE_DIGITS[text] ?? null) : null;
}

const CLAUSE_BREAK = '，。；;,：:、\n\t';
const SENTENCE_BREAK = '。；;\n';
const OPEN = '（(〔[【';
const CLOSE = '）)〕]】';

/** Start of the clause holding `position`, skipping breaks inside brackets ("（不含药品、耗材…）"). */
function clauseStart(text: string, position: number, breaks = CLAUSE_BREAK): number {
  let depth = 0;
  for (let i = position - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (CLOSE.includes(ch)) depth++;
    else if (OPEN.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && breaks.includes(ch)) return i + 1;
  }
  return 0;
}

/**
 * Leading date words and connectives that are not part of what is measured; "围绕实现…的目标" frames a goal
 * ("围绕实现区域内住院率达到90%左右的目标") and is not part of it either. "从/自2023年(1月1日)起" says when a
 * measure starts, and 将/把 ("将门诊报销比例提高到55%") only puts its object before the verb. A 工作要点 counts
 * the points of an item in its prose, "一是…二是…三是…": the count is no part of the measure either.
 */
const METRIC_LEAD =
  /^(?:[一二三四五六七八九十]{1,2}是|(?:年底|年内|年末)(?:前|以前)?|(?:到|至|截至)?\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?\s*(?:底|末)?\s*(?:以前|之前|前)?|[从自]\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*起|力争|确保|推动|争取|原则上|其中|并|且|使|要|或|实现|按照|努力|基本|围绕)+/u;

function metricOf(text: string): string | null {
  const metric = compact(text)
    .replace(METRIC_LEAD, '')
    .replace(/^[将把]/u, '')
    .replace(/的$/u, '');
  return metric.length > 0 ? metric : null;
}

/**
 * What a change from 从/由 measures: the words before 从 in its clause ("医保基金床日付费标准由…"), or the clause
 * before when 从 opens one ("将…补助标准，从…"); "将…" only carries the object of the change.
 */
function changedMetric(text: string, masked: string, changeStart: number): string | null {
  const from = clauseStart(masked, changeStart);
  const lead =
    text.slice(from, changeStart).trim() !== '' || from === 0
      ? text.slice(from, changeStart)
      : text.slice(clauseStart(masked, from - 1), from - 1);
  return metricOf(lead);
}

function yearBefore(masked: string, position: number): string | null {
  const sentence = masked.slice(clauseStart(masked, position, SENTENCE_BREAK), position);
  const years = [...sentence.matchAll(/((?:19|20)\d{2})\s*年/gu)];
  return years.at(-1)?.[1] ?? null;
}

/**
 * "2020年末，全市居民人均预期寿命提高到82.25岁" in a plan of 2023: a figure dated to the end of a year before
 * the one the document speaks from is a result already reported — the statistical bulletins' year-end stock
 * ("年末全市常住人口…") or "截至2022年底" — not a goal. A goal dates its year with 到/至 ("到2025年末…达到")
 * or sets a limit ("2023年底前"); a bare past year ("2016年，…实现…全覆盖") is also how a phased plan
 * lists its yearly steps, so that alone is not read as the past (the section a figure sits in, 发展背景 or
 * 现实基础, is the stronger sign and is read in extract-doc).
 */
function reportedAsPast(masked: string, position: number, documentYear: number | null): boolean {
  if (documentYear === null) return false;
  const sentence = masked.slice(clauseStart(masked, position, SENTENCE_BREAK), position);
  // The date the figure carries is the last one before it, as for `by`.
  const dated = [...sentence.matchAll(/(截至|到|至)?\s*((?:19|20)\d{2})\s*年\s*(末|底)?\s*(前|以前|之前)?/gu)].at(-1);
  if (!dated?.[3] || dated[4] || (dated[1] !== undefined && dated[1] !== '截至')) return false;
  return Number(dated[2]) < documentYear;
}

/**
 * A result reported as reached — the perfective 了 after the verb ("签约率达到了78.5%", "较上年提高了3.2个百分点")
 * or 已/已经 before it ("县域内就诊率已达到90.1%") — is what a 工作总结 or 进展情况 reports, not a goal. A goal is
 * set with 力争, 确保, 目标, 要 or a year it is due by ("力争2025年达到90%"): those in the clause keep the figure.
 */
const REACHED_BEFORE_FIGURE = /(?:(?<![为除])了|(?:已经?|业已)[\u4e00-\u9fff]{1,4}?(?:到|至|为)?)\s*$/u;
const GOAL_WORDS =
  /力争|确保|目标|(?<![主重需纲提摘概])要|预计|计划|(?:到|至)\s*(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*年(?:底|末)?(?:前|以前|之前)/u;

function reportedAsReached(masked: string, start: number, numberStart: number): boolean {
  const clause = masked.slice(clauseStart(masked, start), numberStart);
  const before = masked.slice(Math.max(clauseStart(masked, start), numberStart - 8), numberStart);
  if (!REACHED_BEFORE_FIGURE.test(before) || !/了|已/u.test(clause)) return false;
  return !GOAL_WORDS.test(clause);
}

/**
 * "婴儿死亡率和5岁以下儿童死亡率分别为0.63‰和2.52‰": 分别 ("respectively") pairs the n measures joined by
 * 和/及/以及/与/、 before it with the n values after it, in order. Only when every name before it is a
 * measure (…率, …比例, …水平): "三级医院和二级医院出院患者临床路径管理率分别达到60%和70%" names places
 * sharing one measure, and is left as read.
 */
const RESPECTIVELY = /分别/gu;
const LIST_JOIN = /以及|和|及|与|、/gu;
const MEASURE_NAME = /(?:率|比|比例|比重|数|量|额|值|水平|指数|寿命|费用|支出|收入)$/u;
/** A list of measures or of values is joined by 、 too, so 、 does not end it here. */
const LIST_CLAUSE_BREAK = '，。；;,：:\n\t';

/** How a number of the main scan was compared, for the values of a 分别 list that share it. */
interface Reading {
  kind: ComparatorKind | null;
  suffix: string | null;
}

function pairRespectively(text: string, masked: string, targets: (TargetMention & { localStart: number; reading?: Reading })[]): void {
  for (const match of masked.matchAll(RESPECTIVELY)) {
    const from = clauseStart(masked, match.index, LIST_CLAUSE_BREAK);
    const names: string[] = [];
    let nameStart = from;
    for (const join of [...masked.slice(from, match.index).matchAll(LIST_JOIN), null]) {
      const nameEnd = join ? from + join.index : match.index;
      names.push(metricOf(text.slice(nameStart, nameEnd)) ?? '');
      if (join) nameStart = nameEnd + join[0].length;
    }
    if (names.length < 2 || !names.every((name) => MEASURE_NAME.test(name))) continue;
    const afterEnd = masked.slice(match.index).search(new RegExp(`[${LIST_CLAUSE_BREAK}]`, 'u'));
    const end = afterEnd < 0 ? masked.length : match.index + afterEnd;
    const values = targets.filter((target) => target.localStart >= match.index && target.localStart < end);
    if (values.length !== names.length) continue;
    // "分别控制在10/10万、3‰和4‰以下": the comparator after 分别 and the 以下 after the last value bound every value.
    const shared = { kind: values[0]?.reading?.kind ?? null, suffix: values.at(-1)?.reading?.suffix ?? null };
    values.forEach((target, index) => {
      target.metric = names[index] ?? target.metric;
      if (!target.reading || target.value === null) return;
      const kind = target.reading.kind ?? shared.kind;
      target.op = finalOp(kind, target.reading.suffix ?? shared.suffix);
      if (kind === '-' && target.reading.kind === null) target.value = -target.value;
    });
  }
}

interface Comparator {
  kind: ComparatorKind;
  start: number;
  /** The measure printed between a verb and its 到/至 (see VERB_OBJECT_TO). */
  object?: string;
}

function comparatorBefore(masked: string, position: number): Comparator | null {
  const from = clauseStart(masked, position);
  const before = masked.slice(from, position);
  for (const pattern of [ADJACENT, GAPPED, AT_LEAST_VERB]) {
    const match = pattern.exec(before);
    if (match?.[1]) return { kind: COMPARATORS[match[1]] ?? '=', start: from + match.index };
  }
  const split = VERB_OBJECT_TO.exec(before);
  if (split?.[1] && split[2]) return { kind: /[降下减压]/u.test(split[1]) ? 'fall' : 'reach', start: from + split.index, object: split[2] };
  return null;
}

function finalOp(kind: ComparatorKind | null, suffix: string | null): Op {
  const suffixOp = suffix ? (SUFFIX_OP[suffix] ?? null) : null;
  if (kind === null || kind === 'reach' || kind === 'fall' || kind === 'hold') {
    return suffixOp ?? (kind === 'reach' ? '>=' : kind === 'fall' ? '<=' : '=');
  }
  return kind === '-' ? '+' : kind;
}

/**
 * "3个县（区）疾控中心达到二级甲等以上标准": the count of places is the goal itself when the rest of
 * the clause says they reach a standard and names no other quantity ("17个县…达标率达90%" measures the 90%).
 */
function placesReachStandard(masked: string, from: number): boolean {
  const rest = masked.slice(from);
  const clauseEnd = rest.search(/[，。；;,\n\t]/u);
  const clause = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd);
  return /达到|达/u.test(clause) && /标准|水平|要求/u.test(clause) && !/\d/u.test(clause);
}

/** Rest of the clause from `from`: "70%的村卫生室具备中医服务能力" → "村卫生室具备中医服务能力". */
function clauseAfter(masked: string, from: number): string {
  const rest = masked.slice(from);
  // "16个乡镇卫生院、158个村卫生室": the next count of an enumeration counts a noun of its own.
  const end = rest.search(/[，。；;,：:\n\t]|、\s*\d/u);
  return (end < 0 ? rest : rest.slice(0, end)).replace(/^\s*的/u, '');
}

/**
 * "45%二级以上综合医院设置老年医学科", "医保定点医院50%以上的住院患者实现按病种付费": a share printed
 * before the noun it counts measures that noun phrase, not the words before it. A list conjunction
 * before the share ("乡镇卫生院和70%的村卫生室") belongs to another goal of the sentence.
 */
function shareMetric(before: string | null, after: string): string | null {
  const tail = compact(after);
  if (!/^[\u4e00-\u9fff“]/u.test(tail) || tail.startsWith('全覆盖')) return before;
  const head = before && !/[和及、与]$/u.test(before) ? before : '';
  return metricOf(head + tail);
}

/**
 * "16个乡镇卫生院", "2个县医院": an institution named after the level of place it serves (乡镇卫生院, 县级医院,
 * 社区卫生服务中心 in the national 机构 names) is counted, not the places.
 */
const INSTITUTION_OF_PLACE = /^[县区乡镇市]{1,2}级?(?:卫生院|医院|卫生室|卫生服务中心|中医院|妇幼保健)/u;

/**
 * "床人比不低于1:1.6", "医护比不低于1:1.2": a ratio indicator, named …比, is printed as A:B after its
 * comparator (the national planning guidance prints "医护比达到1:1.25" the same way; "护床比≥0.4:1").
 */
const RATIO = /(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)/gu;

/**
 * A 医共体 or 医联体 is described by what it is formed of, "由县级医院牵头，其他若干家县级医疗机构及乡镇卫生院…
 * 为成员单位" (国卫基层函〔2019〕121号): "联合辖区7家医疗机构组建", "由县医院和12个乡镇卫生院组成", "全县共组建3个
 * 医共体" count the members or the total there is, not a level to reach — a goal says 到…达到, 力争, 不低于, 提高到.
 */
const MEMBERS_BEFORE =
  /(?:(?:联合|整合|吸纳|包括|包含|涵盖|下辖|共有|现有|拥有)(?:辖区内?|区域内|县域内|域内|全[省市县区]|本[省市县区])?|(?<!公)共(?:组建|建成|建立|设立|设置|计|有))\s*$/u;
const FORMED_OF_AFTER = /^[^，。；;,]*?(?:组成|构成)/u;
const FORMING_VERB_BEFORE_BY = /(?:形成|打造|建成|建立|建设|培养|组建)[^由]*由/u;

function countsMembers(masked: string, numberStart: number, numberEnd: number): boolean {
  const before = masked.slice(clauseStart(masked, numberStart, LIST_CLAUSE_BREAK), numberStart);
  // "形成一支由3名省级以上名老中医…组成的人才队伍" sets the make-up of what is to be formed: a goal.
  const formedOf = before.includes('由') && !FORMING_VERB_BEFORE_BY.test(before) && FORMED_OF_AFTER.test(masked.slice(numberEnd));
  return MEMBERS_BEFORE.test(before) || formedOf;
}

const SCORING_STEP = /每\s*(?:低|高|少|多|超过?|降低?|下降|增加|减少|提高|上升)?\s*$/u;
const COUNT_WORDS = new Set(['个', '项', '家', '所', '种']);

/**
 * "包括组织管理、运行机制、服务能力、健康管理4个方面", "全县3个医共体（县人民医院医共体、县中医医院医共体、县第二人民医院
 * 医共体）": a count printed right after the list it totals, or before a bracket listing its members, counts the
 * things just named — as much as to say "these four" — and sets no level to reach.
 */
function totalsEnumeration(masked: string, numberStart: number, numberEnd: number, value: number): boolean {
  const before = masked.slice(clauseStart(masked, numberStart, LIST_CLAUSE_BREAK), numberStart);
  const items = before.split(/、|和|及/u);
  // Only a list of what something is made of (包括, 涵盖, 分为): "推进消化内科、…、睡眠医学等6个临床重点特色专科建设"
  // names the six to build, a goal.
  const composition = /(?:包括|包含|涵盖|囊括|分为)/u.test(items[0] ?? '');
  if (composition && items.length >= 2 && items.length === value) return true;
  const bracket = /^[\u4e00-\u9fff]{1,12}（([^（）]+)）/u.exec(masked.slice(numberEnd));
  return value >= 2 && bracket?.[1]?.split('、').length === value;
}

/** Chinese numerals of "翻一番", "前十位". */
const HALVES: Record<string, number> = { 一: 2, 两: 4, 二: 4 };

/**
 * "从2020年每人每年74元提高到每人每年79元", "由原来的120元提高到140元": a change is stated from its baseline
 * (从/由 X) to its goal (提高到/降低至 Y). The figure after the verb is the target; a figure between 从/由 and
 * the verb is where it starts from, and a year there is the baseline's year, not the target's. "从2023年起" (from
 * when) names no baseline.
 */
const CHANGE =
  /(?:从|由)[^，。；;,：:\n\t]{0,30}?\d+(?:\.\d+)?(?![\d.]|\s*[年月日起])[^，。；;,：:\n\t]{0,12}?((?:提高|提升|增加|上升|扩大|降低|下降|减少|压缩)(?:到|至)|降至|增至|调整(?:为|到|至))/gu;

interface Change {
  /** Where 从/由 is printed: the target's text starts there. */
  start: number;
  /** Where the verb is printed: numbers before it are the baseline. */
  verbStart: number;
  verbEnd: number;
  kind: ComparatorKind;
}

function changesIn(masked: string): Change[] {
  return [...masked.matchAll(CHANGE)].map((match) => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- group 1 is not optional
    const verb = match[1]!;
    const verbEnd = match.index + match[0].length;
    return {
      start: match.index,
      verbStart: verbEnd - verb.length,
      verbEnd,
      // "由330元/人次调整为400元/人次": 调整 names no direction; the new value is set as printed.
      kind: COMPARATORS[verb] ?? (verb.startsWith('调整') ? 'hold' : /[降下减压]/u.test(verb) ? 'fall' : 'reach'),
    };
  });
}

/** The 应X尽X idiom: "应签尽签", "应保尽保", "应收尽收" — every one who should be X'd is. */
const IDIOM_OF_EVERY_ONE = /应([\u4e00-\u9fff])尽\1/gu;

/** The “…” quotation around `position`: offsets of its opening and closing marks, or null. */
function enclosingQuotation(text: string, position: number): { start: number; end: number } | null {
  const start = text.lastIndexOf('“', position);
  const end = text.indexOf('”', position);
  if (start < 0 || end < 0 || text.lastIndexOf('”', position) > start) return null;
  return { start, end };
}

/**
 * A benefit rule states how a rate is applied to a case, the case named first by a clause ending in 的 — the
 * 的-phrase of legal drafting that names whom a rule applies to ("有下列情形之一的，…"): "参保患者未经转诊到县域外
 * 就诊的，报销比例降低10个百分点", "经双向转诊回基层住院的，报销比例提高5个百分点". A rise or fall by N there is
 * the rule's step for that case, not a level the plan sets out to reach ("县域内就诊率提高5个百分点以上").
 */
function appliesToCase(masked: string, start: number): boolean {
  const from = clauseStart(masked, start, LIST_CLAUSE_BREAK);
  if (from === 0 || !/[，,]/u.test(masked.charAt(from - 1))) return false;
  return /的\s*$/u.test(masked.slice(clauseStart(masked, from - 1, LIST_CLAUSE_BREAK), from - 1));
}

/** After the count of a cited document's issuers: "个部门联合下发", "部门联合印发《". */
const JOINT_ISSUERS = /^\s*个?(?:部门|单位|部委)(?:联合|共同)(?:下发|印发|发布|出台|制定)/u;

/** Points a criterion awards or deducts: "扣0.5分", "得2分", "奖励0.5分". */
const POINTS = /(?:扣|得|奖励|加)\s*\d+(?:\.\d+)?\s*分/u;

/**
 * A 考核评分表's 评分标准 states what earns or loses points per one of something: "每缺1项内容扣0.5分", "缺1次扣3分，
 * 迟报1天扣2分", "每引进1名学科带头人，奖励0.5分", and the sanction it attaches, "扣院长当年年薪3万元", "按外购药品耗材
 * 2倍金额从院长年薪中扣罚". Such a number, uncompared, is the unit a score is counted in or the sanction: no level to
 * reach. A standard the criterion sets is compared, a rate or a count of what to build, and kept: "收入预算执行率偏差
 * 控制在5%以内，得2分", "手术安全核查率100%，得1分", "建设6个中心…得2分".
 */
function countsAScore(masked: string, numberStart: number, numberEnd: number, value: number, isPercent: boolean): boolean {
  const clause = masked.slice(clauseStart(masked, numberStart), numberStart);
  const rest = masked.slice(numberEnd);
  const clauseEnd = rest.search(/[，,；;。\n]/u);
  const restOfClause = clauseEnd < 0 ? rest : rest.slice(0, clauseEnd);
  if (/扣|罚|奖励/u.test(clause) || /扣罚|扣减|扣发/u.test(restOfClause)) return true;
  // 每 before a verb counts per step ("每缺", "每引进"); before a measure word it means "each" ("每家医院…≥10例/月").
  const perStep = /每(?![家个名年月日季周人所位])/u.test(clause);
  if ((isPercent && !perStep) || (value !== 1 && !perStep)) return false;
  // Per one of it, the points may follow in the next clause: "每引进1名学科带头人，奖励0.5分".
  const sentenceEnd = rest.search(/[；;。\n]/u);
  return POINTS.test(perStep ? (sentenceEnd < 0 ? rest : rest.slice(0, sentenceEnd)) : restOfClause);
}

/** Every quantified target in `text`, in order of appearance. */
export function extractTargets(text: string, { offset = 0, defaultBy = null, documentYear = null }: TargetOptions = {}): TargetMention[] {
  const masked = maskQuoted(text);
  const changes = changesIn(masked);
  const targets: (TargetMention & { localStart: number; localEnd: number; reading?: Reading })[] = [];

  const push = (
    start: number,
    end: number,
    numberStart: number,
    fields: Pick<TargetMention, 'op' | 'value' | 'unit'>,
    metricOverride?: string | null,
    reading?: Reading,
  ) => {
    // One place printed once is one target: "签约100%全覆盖" is read as 100%, not twice.
    if (targets.some((other) => other.localEnd > start && other.localStart < end && other.value === fields.value)) return;
    if (reportedAsPast(masked, numberStart, documentYear) || reportedAsReached(masked, start, numberStart)) return;
    const previous = targets.at(-1);
    // "占比达到65%或同比提高1个百分点": the alternative after 或 measures the same thing.
    const isAlternative = previous !== undefined && /^\s*或/u.test(masked.slice(previous.localEnd, start));
    const from = clauseStart(masked, start);
    // "合理确定公立医院绩效工资总量，最高不得超过…的5倍": the measure is named in the clause before.
    const metric =
      metricOverride !== undefined
        ? metricOverride
        : isAlternative
          ? previous.metric
          : (metricOf(text.slice(from, start)) ??
            (from === 0 || start > numberStart - 1 ? null : metricOf(text.slice(clauseStart(masked, from - 1), from - 1))));
    targets.push({
      text: text.slice(start, end),
      metric,
      ...fields,
      by: yearBefore(masked, numberStart) ?? defaultBy,
      span: { start: offset + start, end: offset + end } satisfies Span,
      localStart: start,
      localEnd: end,
      ...(reading ? { reading } : {}),
    });
  };

  // Ranges: "控制在65%—70%", "打造8—10个中医特色专科" — a lower and an upper bound on one metric.
  const rangeEnds = new Set<number>();
  for (const match of masked.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)\s*(%|％)?\s*[—–~～－-]\s*(\d+(?:\.\d+)?)/gu)) {
    const after = masked.slice(match.index + match[0].length);
    const unitMatch = UNIT.exec(after);
    const unit = unitMatch?.[1] ? compact(unitMatch[1]) : null;
    if (!unit || (match[2] && unit !== match[2])) continue;
    const low = Number(match[1]);
    const high = Number(match[3]);
    if (!(low < high)) continue;
    const end = match.index + match[0].length + (unitMatch?.[0].length ?? 0);
    const comparator = comparatorBefore(masked, match.index);
    const metricEnd = comparator?.start ?? match.index;
    const metric = shareMetric(metricOf(text.slice(clauseStart(masked, metricEnd), metricEnd)), clauseAfter(masked, end));
    push(match.index, end, match.index, { op: '>=', value: low, unit }, metric);
    push(match.index, end, match.index, { op: '<=', value: high, unit }, metric);
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- group 3, the upper bound, is not optional
    rangeEnds.add(match.index + match[0].length - match[3]!.length);
    rangeEnds.add(match.index);
  }

  for (const match of masked.matchAll(/\d+(?:\.\d+)?/gu)) {
    const numberStart = match.index;
    if (rangeEnds.has(numberStart)) continue;
    const numberEnd = numberStart + match[0].length;
    const before = masked.slice(0, numberStart);
    // "16/10万": the denominator of a rate.
    if (/[\d./]\s*$/u.test(before)) continue;
    // Ordinals and ranks: 第3批, 前10位 (a rank to reach is read below); "以16个专项行动为载体" names a means, not a goal.
    if (/(?:第|前|以)\s*$/u.test(before)) continue;
    // "每低1个百分点扣2分": a scoring rule's step (评分标准 deduct points per unit of shortfall), never a level to reach.
    if (SCORING_STEP.test(before)) continue;
    // "日常考核占总分的40%": the weight of a part of an assessment in its total score, not a level to reach.
    if (/占(?:考核)?(?:总分|总成绩|综合得分)的?\s*$/u.test(before)) continue;
    // "“1+2+8”医共体模式", "1+X服务包", "3+2模式": a model is named by a formula of numbers joined with +,
    // quoted or not; a number of the formula is part of the name, not a quantity.
    if (/[+＋]\s*$/u.test(before) || /^\s*[+＋]/u.test(masked.slice(numberEnd))) continue;
    const change = changes.find(
      (c) =>
        numberStart >= c.start &&
        // The goal is the first figure after the verb, a year of its own aside ("提高到2021年的79元").
        (numberStart < c.verbStart ||
          !/[，。；;,：:\n\t\d]/u.test(masked.slice(c.verbEnd, numberStart).replace(/(?:19|20)\d{2}\s*年/gu, ''))),
    );
    if (change && numberStart < change.verbStart) continue;
    // "住院率=住院病人数/门急诊就诊病人数×100%": the formula defining an indicator scales a ratio to a percentage.
    if (/[×＊*]\s*$/u.test(before)) continue;
    // "抽查3个科室": the sample an assessment's 考核方法 checks, not a level to reach.
    if (/抽查\s*$/u.test(before)) continue;
    // "市10个部门联合下发的《…》", "等8部门联合印发《…》": a 联合发文 is signed by every body that issues it, and the
    // count names who issued the cited document.
    if (JOINT_ISSUERS.test(masked.slice(numberEnd, numberEnd + 16))) continue;
    let cursor = numberEnd;
    const comparator = change ? { kind: change.kind, start: change.start } : comparatorBefore(masked, numberStart);
    // "人均预期寿命达到80岁": an age is a goal only when something compares it ("65岁以上老年人" is not).
    const age = comparator !== null && /^\s*岁/u.test(masked.slice(cursor)) ? /^\s*岁/u.exec(masked.slice(cursor)) : null;
    const unitMatch = age ?? UNIT.exec(masked.slice(cursor));
    const unit = unitMatch ? compact(unitMatch[1] ?? unitMatch[0]) : null;
    if (!unit && NOT_A_QUANTITY.test(masked.slice(cursor))) continue;
    if (unitMatch) cursor += unitMatch[0].length;
    const suffixMatch = SUFFIX.exec(masked.slice(cursor));
    const suffix = suffixMatch?.[1] ?? null;
    if (suffixMatch) cursor += suffixMatch[0].length;
    const isPercent = isRate(unit);
    if (!comparator && !suffix && countsAScore(masked, numberStart, cursor, Number(match[0]), isPercent)) continue;
    // "床位在100张以上的综合医院", "常住人口超过50万且…", "考核得分低于60分的": a condition describing something, not a goal.
    if (!isPercent && /^(?:分(?![钟别]))?[的且时]/u.test(masked.slice(cursor))) continue;
    if (unit && COUNT_WORDS.has(unit) && totalsEnumeration(masked, numberStart, cursor, Number(match[0]))) continue;
    // "3个县（区）疾控中心…": a count of places, not a quantity to reach ("21个省级…专科" is one).
    // "在乡村振兴6个重点帮扶县": the same, with the places named by a short phrase ending in 县/区/乡/镇.
    if (
      unit === '个' &&
      /^(?:[县区乡镇](?!域)|[市省](?!级)|[\u4e00-\u9fff]{1,4}[县区乡镇](?![级域]))/u.test(masked.slice(cursor)) &&
      !INSTITUTION_OF_PLACE.test(masked.slice(cursor)) &&
      !placesReachStandard(masked, cursor)
    )
      continue;
    // A bare number with no unit is only a target when something compares it: "达到1.2左右".
    if (!unit && !comparator && !suffix) continue;
    if (!comparator && !suffix && countsMembers(masked, numberStart, cursor)) continue;
    if ((comparator?.kind === '+' || comparator?.kind === '-') && appliesToCase(masked, comparator.start)) continue;
    const value = Number(match[0]) * (comparator?.kind === '-' ? -1 : 1);
    const start = comparator?.start ?? numberStart;
    const metricBefore = metricOf(text.slice(clauseStart(masked, start), start));
    // "完成打造15个“三医”协同监管应用场景": a number printed before its noun counts that noun.
    const metric = change
      ? changedMetric(text, masked, change.start)
      : !comparator
        ? shareMetric(metricBefore, clauseAfter(text, cursor))
        : 'object' in comparator && comparator.object
          ? compact(comparator.object)
          : undefined;
    push(start, cursor, numberStart, { op: finalOp(comparator?.kind ?? null, suffix), value, unit }, metric, {
      kind: comparator?.kind ?? null,
      suffix,
    });
    // The year the goal is for: printed after the verb ("提高到2021年的79元"), else the sentence's before 从.
    const goal = targets.at(-1);
    if (change && goal?.localStart === start) {
      goal.by =
        /((?:19|20)\d{2})\s*年/u.exec(masked.slice(change.verbEnd, numberStart))?.[1] ?? yearBefore(masked, change.start) ?? defaultBy;
    }
  }

  for (const match of masked.matchAll(RATIO)) {
    const comparator = comparatorBefore(masked, match.index);
    if (!comparator) continue;
    const metric = metricOf(text.slice(clauseStart(masked, comparator.start), comparator.start));
    const [antecedent, consequent] = [Number(match[1]), Number(match[2])];
    // The term that is not 1 is what is compared; a ratio of two other terms is left unread.
    const reading = antecedent === 1 ? { value: consequent, unit: '1:' } : consequent === 1 ? { value: antecedent, unit: ':1' } : null;
    if (!metric?.endsWith('比') || !reading) continue;
    push(comparator.start, match.index + match[0].length, match.index, { op: finalOp(comparator.kind, null), ...reading }, metric);
  }

  // "至少设置一所公立中医医院": small Chinese numerals only after an explicit minimum.
  for (const match of masked.matchAll(
    /(至少|不少于)([\u4e00-\u9fff]{0,3}?)([一二两三四五六七八九十]{1,3})(所|个|家|名|人|台|张|种|项)/gu,
  )) {
    const value = chineseNumber(match[3] ?? '');
    if (value === null) continue;
    push(match.index, match.index + match[0].length, match.index, { op: '>=', value, unit: match[4] ?? null });
  }

  // "比例不低于全省平均水平": a target relative to an average, with no number.
  for (const match of masked.matchAll(
    /(不低于|不高于|低于|高于|达到|超过|不超过)((?:全国|全省|全市|省|市|国家|同级|同类)[^，。；,]{0,6}?平均(?:水平|值)?)/gu,
  )) {
    const kind = COMPARATORS[match[1] ?? ''] ?? '=';
    push(match.index, match.index + match[0].length, match.index, { op: finalOp(kind, null), value: null, unit: null });
  }

  // A rank to reach: "进入全国三级综合公立医院绩效考核排名200名以内", "跻身全省前10位". A rank that
  // selects something ("住院费用占比前10位的病种") is not a goal: the verb of entering or ranking is required.
  for (const match of masked.matchAll(
    /(进入|跻身|位居|位列|保持|排名|排在|居)([^，。；;,、]{0,24}?)(前)?\s*(\d+|[一二三四五六七八九十]{1,3})\s*(位|名)\s*(以内|以前|之内)?/gu,
  )) {
    if (!match[3] && !match[6]) continue;
    if (masked.charAt(match.index + match[0].length) === '的') continue;
    const value = /\d/u.test(match[4] ?? '') ? Number(match[4]) : chineseNumber(match[4] ?? '');
    if (value === null) continue;
    const metric = metricOf(`${match[2] ?? ''}排名`.replace(/排名排名$/u, '排名'));
    push(match.index, match.index + match[0].length, match.index, { op: '<=', value, unit: match[5] ?? null }, metric);
  }

  // "打造“15分钟就医圈”", "15分钟健康服务圈": a service radius in minutes, usually quoted, so read unmasked.
  for (const match of text.matchAll(/(\d+)\s*分钟\s*([\u4e00-\u9fff]{1,6}?圈)/gu)) {
    push(match.index, match.index + match[0].length, match.index, { op: '<=', value: Number(match[1]), unit: '分钟' }, match[2] ?? null);
  }

  // "翻一番" doubles, "翻两番" quadruples: the multiple of a base, written in words.
  for (const match of masked.matchAll(/翻\s*([一两二])\s*番/gu)) {
    push(match.index, match.index + match[0].length, match.index, { op: 'x', value: HALVES[match[1] ?? ''] ?? null, unit: '倍' });
  }

  // Everything reached, with no number: "实现智医助理基层医疗机构全覆盖", "2017年覆盖所有公立医疗机构",
  // "乡镇卫生院、村卫生室标准化建设全部达标", "力争实现全部社区卫生服务中心…设置中医馆" — read as 100%.
  // "全覆盖" that qualifies a noun ("全覆盖试点", "全覆盖筛查") names a method, not a goal: it must end its clause.
  for (const match of masked.matchAll(/全覆盖(?=\s*(?:[，。；;,、）)]|$|并|的目标))/gu)) {
    const from = clauseStart(masked, match.index);
    // "采取巡诊、派驻等方式确保村级医疗卫生服务全覆盖": what is covered follows the last verb of aiming.
    const clause = text.slice(from, match.index);
    const aim = [...clause.matchAll(/实现|确保|做到|推进|推动|达到/gu)].at(-1);
    // "远程医疗服务在县级实现全覆盖": nothing after the verb, so what is covered comes before it.
    const subject = metricOf(aim ? clause.slice(aim.index + aim[0].length) : clause) ?? metricOf(aim ? clause.slice(0, aim.index) : '');
    // "签约100%全覆盖": the number before already says it.
    if (!subject || /\d\s*[%％]\s*$/u.test(masked.slice(from, match.index))) continue;
    push(
      match.index,
      match.index + match[0].length,
      match.index,
      { op: '=', value: 100, unit: '%' },
      subject.replace(/(?:建设|工作)?$/u, '') + '覆盖率',
    );
  }
  // "覆盖全省所有贫困县县级医院", "覆盖辖区所有…医疗机构": the place whose every one is covered may come first.
  for (const match of masked.matchAll(/覆盖(?:全[省市县区]|辖区)?(?:所有|全部)([^，。；;,]{1,30})/gu)) {
    const subject = metricOf(text.slice(clauseStart(masked, match.index), match.index));
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- group 1 is not optional
    const object = compact(match[1]!);
    push(match.index, match.index + match[0].length, match.index, { op: '=', value: 100, unit: '%' }, `${subject ?? ''}覆盖${object}`);
  }
  // "全部" before a verb of completion, or "实现全部X…": every one of them.
  // "乡镇卫生院全部达到服务能力基本标准": every one reaches the standard; "全部达到90%以上" leaves the figure to say it.
  for (const match of masked.matchAll(/全部(?=达标|达到|完成|设置|设立|建成|纳入|配备|实现|实行|具备|落实|取消)|实现全部/gu)) {
    const from = clauseStart(masked, match.index);
    if (/\d/u.test(clauseAfter(masked, match.index + match[0].length))) continue;
    // The metric keeps a quoted name ("全部达到“优质服务基层行”基本标准"), masked only to find the clause.
    const rest = clauseAfter(text, match.index + match[0].length);
    const subject = metricOf(text.slice(from, match.index).replace(/\s*(?:力争)?实现\s*$/u, ''));
    push(match.index, match.index + match[0].length, match.index, { op: '=', value: 100, unit: '%' }, metricOf(`${subject ?? ''}${rest}`));
  }

  // "应X尽X" says every one who should be X'd is: "重点人群应签尽签" (家庭医生签约), "困难群众应保尽保" (参保),
  // "应检尽检", "应收尽收" — the idiom of the State Council's documents for a coverage of 100%.
  // The idiom is often set off in quotation marks, which GB/T 15834—2011 (标点符号用法) 4.1.3.2 gives to "需要着重论述或
  // 强调的内容": "实现数据“应汇尽汇”", "坚持“应治尽治、应管尽管”". A quotation holding nothing but such idioms stresses
  // them; one holding more ("“应收尽收三步工作法”") is a name, and stays masked.
  for (const match of text.matchAll(IDIOM_OF_EVERY_ONE)) {
    let subjectEnd = match.index;
    if (masked.charAt(match.index) !== text.charAt(match.index)) {
      const quote = enclosingQuotation(text, match.index);
      if (
        !quote ||
        text
          .slice(quote.start + 1, quote.end)
          .replace(IDIOM_OF_EVERY_ONE, '')
          .replace(/[、，\s]/gu, '') !== ''
      )
        continue;
      subjectEnd = quote.start;
    }
    const subject = metricOf(text.slice(clauseStart(masked, subjectEnd), subjectEnd)) ?? '';
    push(match.index, match.index + match[0].length, match.index, { op: '=', value: 100, unit: '%' }, `${subject}${match[0]}`);
  }

  targets.sort((a, b) => a.localStart - b.localStart);
  pairRespectively(text, masked, targets);
  return targets.map(({ localStart, localEnd, reading, ...target }) => target);
}
