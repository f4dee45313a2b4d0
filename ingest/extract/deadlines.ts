/**
 * Deadlines as printed in task lists, normalised to the last day of the period named:
 *   2020年9月底前 → 2020-09-30      8月底前 (document of 2020) → 2020-08-31
 *   全年 → <year>-12-31             到2022年 / 2017年底前 → …-12-31
 *   2016年12月—2017年3月 → 2017-03-31     长期 / 持续推进 → no date
 *   2021年6月中旬 → 2021-06-20              2024年起 / 每年 → no date (a start, a recurrence)
 */
import type { Span } from '../../graph-schema/payloads.js';
import type { Deadline } from '../document.js';
import { maskQuoted } from './text-scan.js';

/**
 * explicit: the text names a time limit (…底前, 到…年, 全年, a month);
 * year-scope: a bare "2020年，…" saying which year the work belongs to;
 * open-ended: 长期/持续 — deliberately no date.
 */
export type DeadlineKind = 'explicit' | 'year-scope' | 'open-ended';

export interface DeadlineMatch {
  date: string | null;
  text: string;
  kind: DeadlineKind;
  span: Span;
}

export interface DeadlineOptions {
  /** Year the document speaks from; completes "8月底前" and "全年". @default null */
  year?: number | null;
  /** Added to every span. @default 0 */
  offset?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function dateOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const Y = '((?:19|20)\\d{2})\\s*年';
/** The last day of the year in a match's Y group: each pattern below that reads one requires it. */
function yearEnd(year: string | undefined): string {
  if (year === undefined) throw new Error('deadlines: a pattern matched without the year it requires');
  return `${year}-12-31`;
}
const M = '(\\d{1,2})\\s*月';
const BEFORE = '(?:之前|以前|前)?';
const QUARTER_END: Record<string, number> = { 一: 3, 1: 3, 二: 6, 2: 6, 三: 9, 3: 9, 四: 12, 4: 12 };

interface Rule {
  pattern: RegExp;
  kind: DeadlineKind;
  needsYear?: boolean;
  date: (m: RegExpExecArray, year: number | null) => string | null;
}

/** Tried in order at each position; the first (longest, most specific) match wins. */
const RULES: Rule[] = [
  // "2024年起，…", "从2018年1月1日起，全面推进…": when the work starts, not when it is due — no date.
  {
    pattern: new RegExp(`${Y}(?:\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?)?\\s*(?:起|开始|以来)`, 'uy'),
    kind: 'open-ended',
    date: () => null,
  },
  // "2016年12月—2017年3月", "2021年-2022年"
  {
    pattern: new RegExp(`${Y}\\s*(?:\\d{1,2}\\s*月)?\\s*[—–\\-~～至到]+\\s*${Y}\\s*(?:${M})?`, 'uy'),
    kind: 'explicit',
    date: (m) => (m[3] ? lastDayOf(Number(m[2]), Number(m[3])) : yearEnd(m[2])),
  },
  // "2022年6月—11月": a period within one year ends with its last month.
  {
    pattern: new RegExp(`${Y}\\s*${M}\\s*[—–\\-~～至到]+\\s*${M}`, 'uy'),
    kind: 'explicit',
    date: (m) => (Number(m[3]) >= Number(m[2]) ? lastDayOf(Number(m[1]), Number(m[3])) : null),
  },
  // "2020年12月31日前"
  {
    pattern: new RegExp(`${Y}\\s*${M}\\s*(\\d{1,2})\\s*日${BEFORE}`, 'uy'),
    kind: 'explicit',
    date: (m) => dateOf(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // "2021年6月上旬/中旬/下旬": the 10th, the 20th, the last day.
  {
    pattern: new RegExp(`${Y}\\s*${M}\\s*(上旬|中旬|下旬)${BEFORE}`, 'uy'),
    kind: 'explicit',
    date: (m) => (m[3] === '下旬' ? lastDayOf(Number(m[1]), Number(m[2])) : dateOf(Number(m[1]), Number(m[2]), m[3] === '上旬' ? 10 : 20)),
  },
  // "2020年9月底前", "2021年6月"
  {
    pattern: new RegExp(`${Y}\\s*${M}\\s*(?:底|末|份)?${BEFORE}`, 'uy'),
    kind: 'explicit',
    date: (m) => lastDayOf(Number(m[1]), Number(m[2])),
  },
  // "2020年上半年", "2024年前三季度", "2022年第一季度"
  {
    pattern: new RegExp(`${Y}\\s*(上半年|下半年|前三季度|(?:第)?([一二三四1-4])季度)(?:末|底)?${BEFORE}`, 'uy'),
    kind: 'explicit',
    date: (m) => quarterEnd(Number(m[1]), m[2] ?? '', m[3]),
  },
  // "到2022年底", "力争到2025年", "截至2020年"
  { pattern: new RegExp(`(?:到|至|截至|截止到|截止)\\s*${Y}\\s*(?:底|末)?${BEFORE}`, 'uy'), kind: 'explicit', date: (m) => yearEnd(m[1]) },
  // "2017年底前", "2024年底", "2020年以前", "2020年内"
  {
    pattern: new RegExp(`${Y}\\s*(?:底|末|年底|年末)${BEFORE}|${Y}\\s*(?:之前|以前|前(?![三一二]季度)|内)`, 'uy'),
    kind: 'explicit',
    date: (m) => yearEnd(m[1] ?? m[2]),
  },
  // "2020年，…" — the year the work belongs to
  { pattern: new RegExp(`${Y}(?!\\s*[\\d月度])`, 'uy'), kind: 'year-scope', date: (m) => yearEnd(m[1]) },
  // "8月10日前" in a document of known year
  {
    pattern: new RegExp(`(?<!\\d\\s*年\\s*|\\d\\s*)${M}\\s*(\\d{1,2})\\s*日\\s*(?:之前|以前|前)`, 'uy'),
    kind: 'explicit',
    needsYear: true,
    date: (m, year) => (year ? dateOf(year, Number(m[1]), Number(m[2])) : null),
  },
  // "8月底前", "12月底前", "9月末"
  {
    pattern: new RegExp(`(?<!\\d\\s*年\\s*|\\d\\s*)${M}\\s*(?:底|末)${BEFORE}|(?<!\\d\\s*年\\s*|\\d\\s*)${M}\\s*(?:之前|以前|前)`, 'uy'),
    kind: 'explicit',
    needsYear: true,
    date: (m, year) => (year ? lastDayOf(year, Number(m[1] ?? m[2])) : null),
  },
  // "全年", "年内", "年底前", "今年底" — but not "3年内" (a duration)
  {
    pattern: /(?<!\d\s{0,2})(?:全年|年内|(?:今|本)?年底前?)/uy,
    kind: 'explicit',
    needsYear: true,
    date: (_m, year) => (year ? `${year}-12-31` : null),
  },
  { pattern: /(?:上半年|前三季度)/uy, kind: 'explicit', needsYear: true, date: (m, year) => (year ? quarterEnd(year, m[0]) : null) },
  // "每年", "每季度" — recurring work: a date only when a period follows ("每年10月底前").
  { pattern: /每(?:年|季度|半年|月)/uy, kind: 'open-ended', date: () => null },
  // "长期", "持续推进", "常态化" — ongoing work, deliberately without a date
  { pattern: /(?:长期|持续推进|持续开展|持续|常态化)/uy, kind: 'open-ended', date: () => null },
];

function quarterEnd(year: number, phrase: string, quarter?: string): string {
  if (phrase.startsWith('上半年')) return `${year}-06-30`;
  if (phrase.startsWith('下半年')) return `${year}-12-31`;
  if (phrase.startsWith('前三季度')) return `${year}-09-30`;
  return lastDayOf(year, QUARTER_END[quarter ?? '四'] ?? 12);
}

/**
 * Every rule as one search: where it next matches is the next position some rule matches at, so the
 * positions before it, where no rule matches, are passed over in one step.
 */
const ANY_RULE = (() => {
  const joinable = RULES.every(({ pattern }) => pattern.flags === 'uy' && !/\\[1-9]/u.test(pattern.source));
  if (!joinable) throw new Error('deadlines: every rule must be sticky and unicode, without back-references, to be searched as one');
  return new RegExp(RULES.map((rule) => `(?:${rule.pattern.source})`).join('|'), 'gu');
})();

/** Every deadline expression in `text`, in order. Titles in 《》 and document numbers are skipped. */
export function findDeadlines(text: string, { year = null, offset = 0 }: DeadlineOptions = {}): DeadlineMatch[] {
  const masked = maskQuoted(text);
  const found: DeadlineMatch[] = [];
  let i = 0;
  while (i < masked.length) {
    ANY_RULE.lastIndex = i;
    const next = ANY_RULE.exec(masked);
    if (!next) break;
    i = Math.max(i, next.index);
    let advanced = false;
    for (const rule of RULES) {
      rule.pattern.lastIndex = i;
      const match = rule.pattern.exec(masked);
      if (!match) continue;
      if (rule.needsYear && year === null) {
        // A month without a year in a document whose year is unknown: nothing to complete it with.
        continue;
      }
      found.push({
        date: rule.date(match, year),
        text: text.slice(i, i + match[0].length),
        kind: rule.kind,
        span: { start: offset + i, end: offset + i + match[0].length },
      });
      i += Math.max(1, match[0].length);
      advanced = true;
      break;
    }
    if (!advanced) i++;
  }
  return found;
}

/** A whole cell or phrase read as one deadline, e.g. a roadmap's 完成时间 cell "8月底前" or "长期". */
export function parseDeadline(text: string, options: DeadlineOptions = {}): DeadlineMatch | null {
  const matches = findDeadlines(text, options);
  const first = matches[0];
  if (!first || matches.length !== 1) return null;
  // Only if the expression is the whole cell, give or take filler: "全年" yes, "2020年实现…" no.
  const rest = text.replace(first.text, '').replace(/[完成时限间：:。，,\s]/gu, '');
  return rest.length === 0 ? first : null;
}

function latest(matches: readonly DeadlineMatch[]): DeadlineMatch | null {
  let best: DeadlineMatch | null = null;
  for (const match of matches) {
    if (match.date && (!best || (best.date ?? '') < match.date)) best = match;
  }
  return best;
}

export interface DeadlineSources {
  /** The completion time the task states for itself in brackets ("（2023年10月底前完成）"). @default [] */
  stated?: readonly DeadlineMatch[];
  /** Deadline expressions in the task's own text. */
  own: readonly DeadlineMatch[];
  /** Deadlines from the task's supplements (a roadmap's 完成时间 cell). */
  supplements: readonly DeadlineMatch[];
}

/**
 * The task's deadline. A completion time it states in brackets comes first; then its own explicit time
 * limit (the latest one when it names several milestones: "2017年…；2020年…" is due in 2020); then a
 * deadline stated beside the task (a roadmap's 完成时间); then the year its own text is scoped to
 * ("2020年，建立…"). "长期" alone gives none.
 */
export function pickDeadline({ stated = [], own, supplements }: DeadlineSources): Deadline | null {
  const completion = latest(stated.filter((match) => match.kind === 'explicit'));
  if (completion?.date) return { date: completion.date, text: completion.text, source: 'item' };
  const ownExplicit = latest(own.filter((match) => match.kind === 'explicit'));
  if (ownExplicit?.date) return { date: ownExplicit.date, text: ownExplicit.text, source: 'item' };
  const beside = latest(supplements.filter((match) => match.kind !== 'open-ended'));
  if (beside?.date) return { date: beside.date, text: beside.text, source: 'table' };
  const scope = latest(own.filter((match) => match.kind === 'year-scope'));
  return scope?.date ? { date: scope.date, text: scope.text, source: 'item' } : null;
}
