/**
 * @module Schedule milestones: dates a plan's schedule section gives to items that state none.
 *
 * Plans often end with a section headed 工作安排 / 时间安排 / 进度安排 / 实施步骤 / 步骤安排 / 工作步骤
 * whose stages ("（一）启动实施（2016年12月—2017年3月）") or yearly milestones ("1. 健全全民预防保健制度。
 * 2017年，…。2020年，…", "2023年底前，…医共体…全覆盖") restate the plan's areas and items with a date.
 * A task elsewhere in the plan that has no date of its own takes the milestone that names it:
 *  - the milestone's heading restates the task's heading ("加快分级诊疗模式构建" ↔ "加快构建分级诊疗模式"):
 *    the task is due when the milestone's last dated sentence is;
 *  - one dated sentence of a milestone restates the task's heading ("2018年，…健全双向转诊制度" ↔
 *    "健全双向转诊机制"): the task is due when that sentence says;
 *  - a stage names the task by its number ("第（二）项", "第三项任务").
 * Items under an area dated this way, with no date of their own, are due with their area.
 * The milestone's words are kept on the task as a 'deadline' supplement: the evidence for the date.
 */
import type { Deadline, ParsedTask, TaskSupplement } from '../document.js';
import { findDeadlines, type DeadlineMatch } from './deadlines.js';
import { compact } from './text-scan.js';

export interface ScheduleOptions {
  /** Year the document speaks from; completes "6月底前" in a milestone. @default null */
  year?: number | null;
  /**
   * Share of a heading's content bigrams that a milestone must repeat to name it. Milestones restate
   * headings nearly verbatim with a verb or noun swapped ("完善…机制" → "健全…制度", "加快构建分级诊疗模式"
   * → "加快分级诊疗模式构建"): 0.6 accepts one changed word in a five-bigram heading and refuses headings
   * that only share a topic word ("医保", "公立医院") with the milestone.
   * @default 0.6
   */
  minShare?: number;
}

/**
 * "三、工作安排", "五、实施步骤", "四、进度安排", "（三）实施步骤和时间安排": a short heading ending in 安排
 * or 步骤 that names work, time, progress or stages.
 */
function isScheduleHeading(title: string): boolean {
  const heading = compact(title).replace(/[。．.：:；;，,]+$/u, '');
  return heading.length <= 10 && /(?:安排|步骤)$/u.test(heading) && /工作|时间|进度|实施|步骤|阶段/u.test(heading);
}

/** Words every heading of a health-reform plan uses; sharing them says nothing about which item is meant. */
const GENERIC_BIGRAMS = new Set([
  '推进',
  '完善',
  '加强',
  '健全',
  '建立',
  '深化',
  '机制',
  '制度',
  '建设',
  '工作',
  '改革',
  '体系',
  '提升',
  '加快',
  '全面',
  '实施',
  '开展',
  '落实',
  '推动',
  '促进',
  '强化',
  '大力',
  '积极',
  '持续',
  '继续',
  '进一',
  '一步',
  '构建',
  '发展',
]);

function bigramsOf(text: string): string[] {
  const chars = compact(text).replace(/[^\u4e00-\u9fff\w]/gu, '');
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars.slice(i, i + 2));
  return grams;
}

/** A heading's distinct content bigrams, or null when it has fewer than three to go by. */
function contentBigramsOf(heading: string): string[] | null {
  const wanted = [...new Set(bigramsOf(heading))].filter((gram) => !GENERIC_BIGRAMS.has(gram));
  return wanted.length < 3 ? null : wanted;
}

/** Share of the heading's content bigrams (contentBigramsOf) present among a text's bigrams; 0 without them. */
function namedShare(wanted: readonly string[] | null, present: ReadonlySet<string>): number {
  if (!wanted) return 0;
  return wanted.filter((gram) => present.has(gram)).length / wanted.length;
}

/** Latest dated deadline among matches, explicit or year-scope ("2017年，…" in a schedule is a milestone). */
function latestDated(matches: readonly DeadlineMatch[]): DeadlineMatch | null {
  let best: DeadlineMatch | null = null;
  for (const match of matches) {
    if (match.date && match.kind !== 'open-ended' && (!best || (best.date ?? '') < match.date)) best = match;
  }
  return best;
}

interface Milestone {
  /** Text that names tasks: a milestone heading or one dated sentence group. */
  names: string;
  deadline: DeadlineMatch;
  evidence: TaskSupplement;
}

/** The node's text after its heading, split into groups that each start with a date: "2017年，…。2020年，…". */
function datedGroups(node: ParsedTask, year: number | null): { text: string; start: number; deadline: DeadlineMatch | null }[] {
  const body = node.text.startsWith(node.title) ? node.title.length : 0;
  const groups: { text: string; start: number; deadline: DeadlineMatch | null }[] = [];
  const sentences = [...node.text.slice(body).matchAll(/[^。；;\n]+[。；;\n]?/gu)];
  for (const sentence of sentences) {
    const start = node.span.start + body + sentence.index;
    const leading = findDeadlines(sentence[0], { year, offset: start }).find(
      (match) => match.date && match.kind !== 'open-ended' && match.span.start - start <= 4,
    );
    const current = groups.at(-1);
    if (leading || !current) groups.push({ text: sentence[0], start, deadline: leading ?? null });
    else current.text += sentence[0];
  }
  return groups.filter((group) => group.text.trim().length > 0);
}

function milestonesOf(
  nodes: readonly ParsedTask[],
  byPath: Map<string, ParsedTask>,
  year: number | null,
): { heading: Milestone[]; sentence: Milestone[] } {
  const heading: Milestone[] = [];
  const sentence: Milestone[] = [];
  const ownDate = new Map<string, DeadlineMatch | null>();
  const dateOf = (node: ParsedTask): DeadlineMatch | null => {
    if (ownDate.has(node.path)) return ownDate.get(node.path) ?? null;
    // A stage's dates ("全面推进（2017年4月—2018年12月）") hold for the milestones under it.
    const own = latestDated(findDeadlines(node.text, { year, offset: node.span.start }));
    const parent = node.parentPath ? byPath.get(node.parentPath) : undefined;
    const date = own ?? (parent && nodes.includes(parent) ? dateOf(parent) : null);
    ownDate.set(node.path, date);
    return date;
  };
  for (const node of nodes) {
    const nodeDate = dateOf(node);
    const groups = datedGroups(node, year);
    for (const group of groups) {
      const deadline = group.deadline ?? nodeDate;
      // "2016年，整合基本医保经办管理…" in a plan of 2017 reports work done before it, not a date to meet.
      if (!deadline?.date || (year !== null && Number(deadline.date.slice(0, 4)) < year)) continue;
      sentence.push({
        names: group.text,
        deadline,
        evidence: { role: 'deadline', text: group.text.trim(), span: { start: group.start, end: group.start + group.text.length } },
      });
    }
    if (nodeDate?.date && (year === null || Number(nodeDate.date.slice(0, 4)) >= year)) {
      heading.push({ names: node.title, deadline: nodeDate, evidence: { role: 'deadline', text: node.text, span: node.span } });
    }
  }
  return { heading, sentence };
}

/** "第（二）项", "第三项任务": a stage that names an item by its number. */
const KEY_REFERENCE = /第\s*([（(]?[一二三四五六七八九十\d]+[)）]?)\s*项/gu;
const normaliseKey = (key: string) =>
  compact(key)
    .replace(/[(]/gu, '（')
    .replace(/[)]/gu, '）')
    .replace(/[、.．]$/u, '');

/**
 * Tasks with no deadline of their own take the date of the schedule milestone that names them, with
 * the milestone's words as evidence. Tasks with a deadline, and the schedule section itself, are kept.
 */
export function tieScheduleMilestones(tasks: readonly ParsedTask[], { year = null, minShare = 0.6 }: ScheduleOptions = {}): ParsedTask[] {
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const roots = tasks.filter((task) => task.kind !== 'measure' && isScheduleHeading(task.title));
  if (roots.length === 0) return [...tasks];
  const inSchedule = (task: ParsedTask) => roots.some((root) => task.path === root.path || task.path.startsWith(`${root.path}/`));
  const nodes = tasks.filter(inSchedule);
  const { heading, sentence } = milestonesOf(nodes, byPath, year);

  const tied = new Map<string, { deadline: Deadline; evidence: TaskSupplement }>();
  const tie = (task: ParsedTask, milestone: Milestone) => {
    if (!milestone.deadline.date) return;
    tied.set(task.path, {
      deadline: { date: milestone.deadline.date, text: milestone.deadline.text, source: 'schedule' },
      evidence: milestone.evidence,
    });
  };

  const candidates = tasks.filter((task) => !inSchedule(task) && task.deadline === null);
  // A dated sentence naming the task says more than a heading naming its area: tried first, kept on a tie.
  const milestones = [...sentence, ...heading].map((milestone) => ({ milestone, present: new Set(bigramsOf(milestone.names)) }));
  for (const task of candidates) {
    let best: { share: number; milestone: Milestone } | null = null;
    const wanted = contentBigramsOf(task.title);
    for (const { milestone, present } of milestones) {
      const share = namedShare(wanted, present);
      if (share >= minShare && (!best || share > best.share)) best = { share, milestone };
    }
    if (best) tie(task, best.milestone);
  }

  // "第（二）项": only when the number names one candidate, since numbering restarts in every section.
  for (const milestone of sentence) {
    for (const reference of milestone.names.matchAll(KEY_REFERENCE)) {
      const key = normaliseKey(reference[1] ?? '');
      const named = candidates.filter((task) => normaliseKey(task.key) === key);
      const only = named.length === 1 ? named[0] : undefined;
      if (only && !tied.has(only.path)) tie(only, milestone);
    }
  }

  // Items of an area the schedule dates, with no date of their own, are due with their area.
  const inherited = (task: ParsedTask): { deadline: Deadline; evidence: TaskSupplement } | null => {
    const own = tied.get(task.path);
    if (own) return own;
    if (task.deadline !== null || inSchedule(task)) return null;
    const parent = task.parentPath ? byPath.get(task.parentPath) : undefined;
    return parent?.deadline === null ? inherited(parent) : null;
  };

  return tasks.map((task) => {
    if (task.deadline !== null || inSchedule(task)) return task;
    const found = inherited(task);
    return found ? { ...task, deadline: found.deadline, supplements: [...task.supplements, found.evidence] } : task;
  });
}
