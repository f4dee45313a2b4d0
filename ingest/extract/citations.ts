/**
 * Documents a policy names as its basis:
 *   为贯彻落实《四川省人民政府关于印发…的通知》（川府发〔2016〕32号）精神
 *   根据国务院办公厅《关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知》（国办发〔2024〕29号）、
 *       省医改领导小组《…》（闽医改组〔2024〕1号）、市委市政府《…》（明委发〔2024〕4号），…
 *   按照《山西省人民政府办公厅关于印发…的通知》要求
 *   为巩固拓展疫情防控工作成果，落实《新乡市“十四五”全民健康规划》，…
 */
import type { Citation } from '../document.js';
import { compact } from './text-scan.js';

/**
 * Words that introduce a basis: 根据, 按照, 依据, 遵照, (为)贯彻(落实), and 落实 alone in the purpose clause
 * that opens a plan ("为巩固拓展…成果，落实《新乡市“十四五”全民健康规划》，…制定本行动计划"), which may cite a
 * plan by its title alone.
 */
const BASIS = /根据|按照|依据|遵照|贯彻落实|贯彻|落实/u;
/** A document number: 川府发〔2016〕32号, 国办发[2024]29号, 明委发（2024）4号. */
const DOC_NUMBER = /^[（(]\s*([\u4e00-\u9fff]{1,12}\s*[〔[【（(]\s*(?:19|20)\d{2}\s*[〕\]】）)]\s*\d+\s*号)\s*[）)]/u;
/**
 * GB/T 9704 prints a number as 机关代字, the year in full "用六角括号“〔〕”括入", and the serial number:
 * a web copy that lost one of the brackets ("国发2019〕13号", "黔府办发〔201930号") still tells the parts apart,
 * the year being four digits; the number is given with both brackets.
 */
const ONE_BRACKET_LOST = /^[（(]\s*([\u4e00-\u9fff]{1,12})\s*(?:〔\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*〕)\s*(\d{1,4})\s*号\s*[）)]/u;

function numberAfter(text: string): { docNumber: string; length: number } | null {
  const printed = DOC_NUMBER.exec(text);
  // GB/T 9704 brackets the year in 〔〕; copies that print [2015] or （2015） mean the same number.
  if (printed?.[1])
    return {
      docNumber: compact(printed[1]).replace(/[〔[【（(]((?:19|20)\d{2})[〕\]】）)]/u, '〔$1〕'),
      length: printed[0].length,
    };
  const repaired = ONE_BRACKET_LOST.exec(text);
  if (!repaired) return null;
  const [whole, issuer = '', openedYear, closedYear, serial = ''] = repaired;
  return { docNumber: `${issuer}〔${openedYear ?? closedYear ?? ''}〕${serial}号`, length: whole.length };
}
const SENTENCE_BREAK = /[。；;\n]/u;

/** 《…》 with nested 〈…〉 or 《…》 kept inside the title. */
function findTitles(text: string): { start: number; end: number; title: string }[] {
  const titles: { start: number; end: number; title: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '《') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) titles.push({ start, end: i + 1, title: text.slice(start + 1, i) });
    }
  }
  return titles;
}

function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !SENTENCE_BREAK.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !SENTENCE_BREAK.test(text.charAt(to))) to++;
  return { start: from, end: to };
}

/**
 * True when a basis word governs the title: it precedes it with nothing but issuers and earlier cited
 * titles between ("根据国务院办公厅《…》（…）、省医改领导小组《…》"), not a new clause
 * ("根据…《通知》文件精神，结合我县实际，现将我县《征求意见稿》函发给你们").
 */
function governedByBasis(lead: string): boolean {
  const matches = [...lead.matchAll(new RegExp(BASIS.source, 'gu'))];
  const last = matches.at(-1);
  if (!last) return false;
  let between = lead.slice(last.index + last[0].length);
  while (/《[^《》]*》/u.test(between)) between = between.replace(/《[^《》]*》/gu, '');
  return !/[，,]/u.test(between);
}

export interface CitationOptions {
  /** Only text before this offset is searched: the basis is stated before the first work item. @default text.length */
  end?: number;
}

/**
 * Citations in the basis statements of `text`. A title counts when a basis word precedes it in the
 * same sentence; the document number in brackets right after it is optional. Titles repeated (a cover
 * letter and the plan both citing the same notice) are kept once.
 */
export function extractCitations(text: string, { end = text.length }: CitationOptions = {}): Citation[] {
  const searched = text.slice(0, end);
  const citations: Citation[] = [];
  const seen = new Set<string>();
  for (const found of findTitles(searched)) {
    const sentence = sentenceAround(searched, found.start, found.end);
    if (!governedByBasis(searched.slice(sentence.start, found.start))) continue;
    const after = numberAfter(searched.slice(found.end));
    const title = compact(found.title) || null;
    const docNumber = after?.docNumber ?? null;
    const key = `${title ?? ''}\u0000${docNumber ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push({
      title,
      docNumber,
      context: compact(searched.slice(sentence.start, sentence.end)),
      span: { start: found.start, end: found.end + (after?.length ?? 0) },
    });
  }
  return citations;
}
