/** @module What each column of a task table holds, from its header row. */

export type ColumnRole = 'number' | 'task' | 'agencies' | 'deadline' | 'ignore';

/** 序号 · 工作任务/主要目标要求/细化措施 · 责任单位/牵头单位/责任处室 · 完成时间/时限 · 工作进展/备注 */
export function columnRole(header: string): ColumnRole {
  const h = header.replace(/\s/gu, '');
  if (/^(?:序号|编号|序)$/u.test(h)) return 'number';
  // 责任处室/科室: the divisions of one department, in its own internal task list ("责任处室：疾控处").
  if (/(?:责任|牵头|配合|参与|主责|协办)(?:单位|部门|主体|处室|科室)|^单位$|^部门$/u.test(h)) return 'agencies';
  if (/(?:完成|办结)(?:时间|时限|期限)|^时限$|^时间$|时间节点|^期限$/u.test(h)) return 'deadline';
  if (/进展|进度|备注|完成情况|^说明$/u.test(h)) return 'ignore';
  return 'task';
}

/** A header row names its columns rather than stating tasks. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const named = cells.filter((cell) => cell !== '' && columnRole(cell) !== 'task').length;
  const short = cells.every((cell) => cell.length <= 12);
  return short && (named >= 1 || cells.some((cell) => /^(?:工作任务|重点任务|任务|具体措施|细化措施|主要目标要求|工作内容)$/u.test(cell)));
}

const WHEN = String.raw`(?:(?:19|20)\d{2}\s*年)?(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?|[上下]半年|第?[一二三四1-4]季度|年?底|年内|全年)?[底末中]?(?:之?前|以前)?(?:完成)?`;

/**
 * What a 完成时限 column prints: a date or period ("2022年6月底前", "2021年8月前", "年底前", "全年"), several
 * joined ("2022年3月、9月"), or a standing term ("长期推进", "持续推进", "常态化开展") — never a task's verb
 * phrase.
 */
export const DEADLINE_CELL = new RegExp(
  String.raw`^(?:(?=[^、，,]*[\d年月季半底内])${WHEN}(?:[、，,及和至—-]${WHEN})*|长期(?:推进|坚持|实施|开展)?|持续(?:推进|实施|开展)|常态化(?:推进|开展)?)$`,
  'u',
);
