/**
 * Rules a document states once for all its agency lists:
 *   "列首位的为牵头部门，下同", "列在首位的为牵头单位，其他单位按职责分工负责", "以第一顺位科室为牵头
 *   单位，…其它科室做好配合" — the first name listed leads, in this list and every later one;
 *   "以下各项均需各县市区人民政府负责，不再列出" — a body responsible for every later item
 *   without being printed again.
 */
import type { AgencyRole } from '../../graph-schema/model.js';
import { parseAgencyList } from './agency-lists.js';

export interface StandingAgency {
  name: string;
  role: AgencyRole;
  /** Offset in the normalised text of the rule; it applies to items starting after it. */
  from: number;
}

export interface DocumentRules {
  /** Offset from which "列首位的为牵头部门" applies, or null when the document does not say. */
  firstListedLeadsFrom: number | null;
  standing: StandingAgency[];
}

/** The first place of a list: 首位, 第一位, 第一顺位, 第一, 排名第一. */
const FIRST_PLACE = '(?:首位|第一顺位|第一位|第一个|第一|最前)';
const LEAD_BODY = '牵头(?:单位|部门|科室|处室)';
/**
 * The convention that the first-listed body leads, in its printed variants:
 *   列/排 (在) + 首位/第一位/第一顺位/第一 + 的 (单位) + 为/是 + 牵头单位/部门/科室 —
 *     "列第一位的为牵头单位", "排在首位的为牵头部门", "列首位的为牵头部门", "列在首位的为牵头单位",
 *     or 者 for 的 ("排在第一位者为牵头单位");
 *   以 + 第一顺位/排名第一/首位 … + 为牵头… — "以第一顺位科室为牵头单位" (a task-division plan:
 *     "一项任务对应多个责任科室的，以第一顺位科室为牵头单位，…其它科室做好配合").
 * Matched on the text without whitespace, as web copies break lines anywhere.
 */
const FIRST_LISTED_LEADS = new RegExp(
  [
    `(?:列|排|排名|排序)在?${FIRST_PLACE}(?:的|者)?(?:单位|部门|科室|处室)?(?:为|是|作为)${LEAD_BODY}`,
    `以(?:(?:列|排|排名|排序)在?)?${FIRST_PLACE}(?:的|者)?(?:责任)?(?:单位|部门|科室|处室)?(?:为|作为)${LEAD_BODY}`,
  ].join('|'),
  'u',
);
/**
 * "以下各项均需X负责，不再列出", "以下各项均由X牵头", "以下均需各县（市、区）党委和人民政府落实，不再列出":
 * a body named once for every later item.
 */
const STANDING = /以下(?:各项)?(?:均需|均由|均|都需|都由)([^。；;，,]{2,60}?)(牵头负责|牵头|负责落实|负责|落实|参与|配合)/gu;
/** Named responsible for every item, a standing body ranks no one: `responsible`, or `support` under a first-leads rule. */
const STANDING_ROLE: Record<string, AgencyRole> = { 牵头: 'lead', 牵头负责: 'lead', 参与: 'participate', 配合: 'support' };

/** The offset in `text` of the character at `index` in `text` without its whitespace. */
function offsetWithWhitespace(text: string, index: number): number {
  let removed = 0;
  for (const run of text.matchAll(/\s+/gu)) {
    if (run.index - removed > index) break;
    removed += run[0].length;
  }
  return index + removed;
}

export function findDocumentRules(text: string): DocumentRules {
  const firstListedMatch = FIRST_LISTED_LEADS.exec(text.replace(/\s+/gu, ''));
  const standing: StandingAgency[] = [];
  for (const match of text.matchAll(STANDING)) {
    const names = parseAgencyList(match[1] ?? '', { strict: false }) ?? [];
    const role = STANDING_ROLE[match[2] ?? ''] ?? 'responsible';
    for (const agency of names) standing.push({ name: agency.name, role, from: match.index });
  }
  return { firstListedLeadsFrom: firstListedMatch ? offsetWithWhitespace(text, firstListedMatch.index) : null, standing };
}
