/**
 * The extract stage: responsible agencies with roles, quantified targets and a deadline for every
 * task, and the documents the policy cites as its basis.
 */
import {
  messageAt,
  type AgencyMention,
  type ExtractedDoc,
  type ParsedTask,
  type SegmentedDoc,
  type TargetMention,
  type TaskSupplement,
} from '../document.js';
import { assignRoles, findAgencyLists, parseAgencyList, type ListedAgency, type ListedRole } from './agency-lists.js';
import { extractCitations } from './citations.js';
import { findDeadlines, parseDeadline, pickDeadline, type DeadlineMatch } from './deadlines.js';
import { findDocumentRules, type DocumentRules } from './document-rules.js';
import { tieScheduleMilestones } from './schedule-milestones.js';
import { findProseActors } from './prose-actors.js';
import { extractTargets } from './targets.js';
import { findBracketGroups } from './text-scan.js';

/** Cells of a roadmap row restating an item: "序号\t工作任务\t具体措施\t责任单位\t完成时间". */
function cellsOf(supplement: TaskSupplement): { text: string; offset: number }[] {
  const cells: { text: string; offset: number }[] = [];
  let from = 0;
  for (const part of supplement.text.split(/(\t| {2,}|\u3000{2,})/u)) {
    if (!/^(\t| {2,}|\u3000{2,})$/u.test(part) && part.trim().length > 0) {
      cells.push({ text: part, offset: supplement.span.start + from });
    }
    from += part.length;
  }
  return cells;
}

/** A table's 牵头单位 / 配合单位 / 参与单位 column says the role of every name in its cells. */
function columnRole(label: string | undefined): ListedRole | null {
  if (!label) return null;
  if (/牵头|主责/u.test(label)) return 'lead';
  if (/配合|协办|协助/u.test(label)) return 'support';
  if (label.includes('参与')) return 'participate';
  return null;
}

function supplementAgencyLists(supplement: TaskSupplement): ListedAgency[][] {
  if (supplement.role === 'agencies') {
    const role = columnRole(supplement.label);
    if (role) {
      const listed = parseAgencyList(supplement.text, { offset: supplement.span.start, strict: false });
      return listed ? [listed.map((agency) => (agency.role === 'unmarked' ? { ...agency, role } : agency))] : [];
    }
    // A cell holds the list itself; a bracket moved out of the wording holds it inside: "（责任单位：…）".
    const wrapped = findBracketGroups(supplement.text);
    const only = wrapped.length === 1 && wrapped[0]?.start === 0 && wrapped[0].end === supplement.text.length ? wrapped[0] : null;
    const listed = only
      ? parseAgencyList(only.content, { offset: supplement.span.start + only.contentStart, strict: false })
      : parseAgencyList(supplement.text, { offset: supplement.span.start, strict: false });
    return listed ? [listed] : [];
  }
  if (supplement.role === 'roadmap') {
    const lists = cellsOf(supplement)
      .map((cell) => parseAgencyList(cell.text, { offset: cell.offset, strict: true }))
      .filter((list): list is ListedAgency[] => list !== null);
    return lists.length > 0 ? lists : findAgencyLists(supplement.text, { offset: supplement.span.start }).map((found) => found.agencies);
  }
  return [];
}

function supplementDeadlines(supplement: TaskSupplement, year: number | null): DeadlineMatch[] {
  if (supplement.role === 'agencies') return [];
  if (supplement.role === 'deadline') {
    const whole = parseDeadline(supplement.text, { year, offset: supplement.span.start });
    return whole ? [whole] : findDeadlines(supplement.text, { year, offset: supplement.span.start });
  }
  // A roadmap row: its 完成时间 cell if it has one, else explicit limits in its prose.
  const cellDeadlines = cellsOf(supplement)
    .map((cell) => parseDeadline(cell.text, { year, offset: cell.offset }))
    .filter((match): match is DeadlineMatch => match !== null);
  const lastCell = cellDeadlines.at(-1);
  if (lastCell) return [lastCell];
  return findDeadlines(supplement.text, { year, offset: supplement.span.start }).filter((match) => match.kind === 'explicit');
}

/** Offset of the task's own text in the normalised text. */
function offsetOf(task: ParsedTask, text: string): number {
  if (text.startsWith(task.text, task.span.start)) return task.span.start;
  const near = text.indexOf(task.text, Math.max(0, task.span.start - 200));
  return near >= 0 ? near : task.span.start;
}

function agenciesOf(task: ParsedTask, offset: number, rules: DocumentRules): AgencyMention[] {
  // A rule applies to the list that states it ("…负责。列首位的为牵头部门，下同〕") and to every later one.
  // Without one, no name leads unless marked 牵头: unmarked names are `responsible` (see assignRoles).
  const firstLeadsAt = (listEnd: number) => rules.firstListedLeadsFrom !== null && rules.firstListedLeadsFrom < listEnd;
  const mentions: Omit<AgencyMention, 'position'>[] = [];
  const seen = new Set<string>();
  const add = (agency: Omit<AgencyMention, 'position'>) => {
    if (seen.has(agency.name)) return; // "县医保局" printed twice in one list is one mention
    seen.add(agency.name);
    mentions.push(agency);
  };

  for (const found of findAgencyLists(task.text, { offset })) {
    for (const agency of assignRoles(found.agencies, { firstLeads: firstLeadsAt(found.span.end) })) add(agency);
  }
  // A table cell or roadmap row beside the task: its names join the printed list; when the task
  // prints none, the cell is the list.
  // A rule printed in the cell after the names ("…，各县（市、区）。列在首位的为牵头单位，下同") applies to it.
  for (const [listed, end] of task.supplements.flatMap((supplement) =>
    supplementAgencyLists(supplement).map((list) => [list, supplement.span.end] as const),
  )) {
    const hadOwn = mentions.length > 0;
    for (const agency of assignRoles(listed, { firstLeads: firstLeadsAt(end) })) {
      add(hadOwn && agency.role === 'lead' && listed.every((other) => other.role === 'unmarked') ? { ...agency, role: 'support' } : agency);
    }
  }
  if (mentions.length === 0) {
    // No responsibility list: the bodies the provision's clauses put to work ("各县（市、区）卫计局要…").
    // Each clause states its own actor's duty, so a lead stated in one clause ("A会同B…", "A牵头") ranks
    // only the bodies of that clause: an actor no clause ranks is responsible for its own work.
    for (const agency of findProseActors(task.text, { offset })) {
      add(agency.role === 'unmarked' ? { ...agency, role: 'responsible' } : { ...agency, role: agency.role });
    }
    return mentions.map((mention, position) => ({ ...mention, position }));
  }
  if (task.kind !== 'section') {
    // "以下各项均需各县（市、区）政府负责，不再列出": a body left out of every later list, so it joins each list.
    for (const standing of rules.standing) {
      // Under a first-leads rule a body named for every item is one of "其他单位", after the lead.
      const role = standing.role === 'responsible' && firstLeadsAt(offset) ? 'support' : standing.role;
      if (standing.from < offset) add({ name: standing.name, role, span: null });
    }
  }
  return mentions.map((mention, position) => ({ ...mention, position }));
}

function sameTarget(a: TargetMention, b: TargetMention): boolean {
  return a.op === b.op && a.value === b.value && a.unit === b.unit;
}

/** A bracket stating when the task is to be done: "（2023年10月底前完成）", "（完成时限：2023年6月）". */
const COMPLETION_NOTE = /完成|时限|前$/u;

function extractTask(task: ParsedTask, text: string, year: number | null, rules: DocumentRules): ParsedTask {
  const offset = offsetOf(task, text);
  // "…年内开展一次评估。（2023年10月底前完成）": the completion time a task states in brackets is its deadline.
  const stated = findBracketGroups(task.text)
    .filter((group) => COMPLETION_NOTE.test(group.content))
    .flatMap((group) => findDeadlines(group.content, { year, offset: offset + group.contentStart }));
  // "二、2024年重点工作", "一、2024年工作要点": a heading names the year of the plan its items belong to, as a
  // yearly 工作要点 is titled by its year; the year scopes the group and sets no deadline on it ("到2025年，…" does).
  const headingEnd = offset + headingOf(task).length;
  const own = findDeadlines(task.text, { year, offset }).filter(
    (match) => !(task.kind === 'section' && match.kind === 'year-scope' && match.span.start < headingEnd),
  );
  const deadline = pickDeadline({
    stated,
    own,
    supplements: task.supplements.flatMap((supplement) => supplementDeadlines(supplement, year)),
  });
  const defaultBy = deadline ? deadline.date.slice(0, 4) : null;
  const targets = extractTargets(task.text, { offset, defaultBy, documentYear: year });
  for (const supplement of task.supplements) {
    if (supplement.role !== 'roadmap') continue;
    for (const target of extractTargets(supplement.text, { offset: supplement.span.start, defaultBy, documentYear: year })) {
      if (!targets.some((own) => sameTarget(own, target))) targets.push(target);
    }
  }
  return { ...task, agencies: agenciesOf(task, offset, rules), targets, deadline };
}

/** Nearest enclosing item or measure that has agencies. */
/**
 * Parts of a plan that look back or around rather than ahead — 发展现状, 现实基础, 主要成就, 面临形势 —
 * print past figures ("2020年，全市人均预期寿命达到76.5岁"), which are no targets or deadlines.
 * A five-year plan opens with its background, which holds both ("一、规划背景 （一）现实基础。…（二）面临形势。",
 * 三明 2018; "一、发展背景 “十三五”时期，我市…人均预期寿命提高到82.25岁", 扬中 2023). 背景 is matched as the
 * whole heading after its number, not as a word inside one ("…背景下…" heads work of its own).
 */
const RETROSPECTIVE_HEADING = /^.{0,12}(?:现状|成就|成效|基础条件|发展基础|现实基础|面临形势|形势分析|发展环境|回顾)/u;
const BACKGROUND_HEADING =
  /^(?:第[一二三四五六七八九十]+[章节部分]|[（(]?[一二三四五六七八九十]+[）)、.．]|\d+[、.．])?\s*[\u4e00-\u9fff]{0,4}背景\s*[。.]?$/u;

/**
 * A 工作总结 or progress report (进展情况, 完成情况, 开展情况) reports what was done, and a combined
 * "2023年工作总结和2024年工作要点" heads its look back "一、2023年工作总结" or "一、2023年工作进展情况" before its
 * "二、2024年工作要点" or "二、下一步工作打算". Only a heading that ends with the word is one: "定期报送工作进展情况"
 * is work of its own (a verb of reporting heads it).
 */
const PROGRESS_HEADING =
  /^(?:[（(]?[一二三四五六七八九十]+[）)、.．]|\d+[、.．])?\s*[^，。；]{0,16}?(?:工作总结|工作进展|进展情况|完成情况|开展情况|推进情况|落实情况)\s*[。.]?$/u;
const REPORTING_VERB = /报送|上报|报告|通报|汇报|调度|督查|督导|跟踪|掌握|了解|梳理|评估/u;

const headingOf = (task: ParsedTask) => task.text.split(/[。\n]/u)[0] ?? '';
const isProgressHeading = (task: ParsedTask) =>
  task.kind === 'section' || task.parentPath === null
    ? PROGRESS_HEADING.test(headingOf(task)) && !REPORTING_VERB.test(headingOf(task))
    : false;

/** Paths of the tasks under (or being) a retrospective heading. */
function retrospectivePaths(tasks: readonly ParsedTask[]): Set<string> {
  const found = new Set<string>();
  for (const task of tasks) {
    const parentIsRetrospective = task.parentPath !== null && found.has(task.parentPath);
    if (
      parentIsRetrospective ||
      isProgressHeading(task) ||
      (task.title.length <= 24 && (RETROSPECTIVE_HEADING.test(task.title) || BACKGROUND_HEADING.test(task.title)))
    )
      found.add(task.path);
  }
  return found;
}

export function extractDoc(doc: SegmentedDoc): ExtractedDoc {
  const { text } = doc.normalised;
  const messages = [...doc.messages];
  const { year } = doc.meta;
  if (year === null) {
    messages.push(
      messageAt(doc.normalised, 'deadline-year-unknown', 'the document year is unknown; deadlines such as "8月底前" are left empty', 0),
    );
  }
  const rules = findDocumentRules(text);
  // A sub-measure keeps only the agencies printed for it: an item's list is the item's, and a reader sees
  // it one level up (giving it to every ①② would state what the document does not).
  const retrospective = retrospectivePaths(doc.tasks);
  const tasks = doc.tasks.map((task) =>
    retrospective.has(task.path)
      ? { ...extractTask(task, text, year, rules), targets: [], deadline: null }
      : extractTask(task, text, year, rules),
  );

  const firstTaskStart = Math.min(...doc.tasks.map((task) => task.span.start));
  const citations = extractCitations(text, { end: Number.isFinite(firstTaskStart) ? firstTaskStart : text.length });
  // After every task has its own deadline: a schedule milestone only dates tasks that state none.
  return { ...doc, tasks: tieScheduleMilestones(tasks, { year }), citations, messages };
}
