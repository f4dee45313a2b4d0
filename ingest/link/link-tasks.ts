/**
 * @module Linking local tasks to national reform items (IMPLEMENTS). A task is matched against the
 * catalogue's cues (keywords, glossary forms, adaptation patterns) and against each item's wording
 * (long common phrases). Each item with evidence gets a calibrated score (link-score.ts); those reaching
 * the threshold become links (up to four), each with the matched phrases as evidence spans on both sides.
 */
import { LRUCache } from 'lru-cache';
import type { LinkEvidence, LinkKind, TaskKind } from '../../graph-schema/model.js';
import { codeUnitsOf } from '../code-units.js';
import type { IngestMessage, TaskLink } from '../document.js';
import type { Catalogue, CatalogueItem } from './catalogue.js';
import { forEachGramStart, maximalPhrases, type CommonPhrase } from './common-phrases.js';
import { cueIndexFor, findCues, PHRASE_MIN_LENGTH, type CueIndex, type CueMatch } from './cue-index.js';
import type { Glossary } from './glossary.js';
import { calibratedScore, LINK_THRESHOLD, SCORE_WEIGHTS, type CandidateEvidence } from './link-score.js';
import { MASK, maskBoilerplate } from './mask-boilerplate.js';
import { wordsOf } from './segmenter.js';
import { applyReviewedLinks, rejectedPairs, type ReviewedLink, type ReviewScope } from './reviewed-links.js';

/** The part of a parsed task the linker reads. */
export interface LinkableTask {
  path: string;
  text: string;
  title: string;
  /** Where the task starts in the source text, for messages about it. */
  span?: { start: number };
  /** Path of the enclosing unit, and whether this one is a heading ('section'), item or measure. */
  parentPath?: string | null;
  kind?: TaskKind;
}

export const LINK_METHOD = 'cue+ngram@2';

export interface LinkOptions {
  catalogue: Catalogue;
  glossary: Glossary;
  /** Reviewed-links entries applied after linking (reject / accept / add). */
  reviewed?: ReviewedLink[];
  /** Jurisdiction and document number the reviewed entries are matched against. */
  scope?: ReviewScope;
  /** Most links per task: 97% of the labelled items and measures address at most four national items. @default 4 */
  maxLinks?: number;
  /** Least calibrated score a link needs (see link-score.ts). @default LINK_THRESHOLD (0.5) */
  threshold?: number;
  /** Weights of the calibrated score, for refitting them. @default SCORE_WEIGHTS */
  scoreWeights?: readonly number[];
  /** Least strong-cue weight an item needs to be linked at all. @default 0.6 */
  minStrong?: number;
  /** Multiplier for cues in the task's heading, which says what the task is about. @default 3 */
  titleBoost?: number;
  /** Ceiling the body's weight saturates towards, so a long task cannot outvote its heading. @default 3 */
  bodyCeiling?: number;
  /** The document's title as printed, whose subject a unit linking nowhere else takes (see subjectOfTitle). */
  documentTitle?: string;
}

type Weights = Required<Pick<LinkOptions, 'titleBoost' | 'bodyCeiling'>>;

interface ItemScore {
  item: CatalogueItem;
  raw: number;
  strong: number;
  /** Cue weight found in the heading, and in the body (before saturation). */
  titleSum: number;
  bodySum: number;
  evidence: (LinkEvidence & { weight: number; sameWording: boolean; adaptation: boolean })[];
  longestPhrase: number;
  /** Longest strong cue matched, in characters: 家庭医生团队 says more than 基层. */
  longestCue: number;
  /** Whether a strong cue matched is the concept the item's title names. */
  namesItem: boolean;
}

const REPEAT_BONUS = 0.25;
const MAX_REPEAT_BONUS = 0.5;
const PHRASE_MIN_SCORED = 6;
const MAX_EVIDENCE = 8;
/** A phrase shared with at most this many item texts still says something about one item. */
const PHRASE_MAX_SPREAD = 2;

/** Links every task to the national items it addresses; tasks without evidence get none. */
export function linkTasks(tasks: LinkableTask[], options: LinkOptions): TaskLink[] {
  return linkTasksWithMessages(tasks, options).links;
}

export function linkTasksWithMessages(
  tasks: LinkableTask[],
  options: LinkOptions,
): { links: TaskLink[]; possibleLinks: PossibleLink[]; messages: IngestMessage[] } {
  const { catalogue, reviewed = [], scope = {} } = options;
  const { candidates, links: decided } = outlineDecision(tasks, options);
  const { links, messages } = applyReviewedLinks(tasks, decided, reviewed, { catalogue, scope });
  const rejected = rejectedPairs(tasks, reviewed, scope);
  return { links, possibleLinks: possibleLinksOf(tasks, candidates, links, rejected, options.threshold ?? LINK_THRESHOLD), messages };
}

/**
 * Least score of a candidate that makes it a possible link. A coverage cell with no link but a possible one
 * reads POSSIBLE, not GAP: the scores are calibrated per link, and a jurisdiction's several weak mentions of
 * a reform add up. On the tuning half of the topic set, read cell by cell, 13 of the 18 cells it marks are
 * ones the labels fill (72%), and 13 of the 17 cells read as gaps that the labels fill are among them; 0.15
 * marked 22 cells, 14 of them right (64%), 0.25 marked 15, 11 right, and left 6 false gaps of 17.
 */
export const POSSIBLE_FLOOR = 0.2;

/**
 * Whether a unit names the reform an item is about, in a wording of three characters or more: a strong
 * cue that the item's title names (职业病 of 职业病防治, 医疗联合体 of 推进医疗联合体和城市医疗集团建设). One
 * mention among a long paragraph's many scores low as a link ("…加快推进…，扎实推进紧密型城市医联体建设，
 * 做好…"), yet a researcher would not call the cell a gap without reading it. A two-character cue (薪酬,
 * 慢病) names too much else.
 */
function namesTheReform(evidence: CandidateEvidence): boolean {
  return evidence.namesItem && evidence.longestCue >= 3;
}

/** A candidate below the threshold and at least POSSIBLE_FLOOR, or naming the item's reform: not a link, the evidence a gap may be false. */
export interface PossibleLink {
  taskPath: string;
  targetId: string;
  score: number;
}

/**
 * The candidates of items and measures (the units a coverage cell counts) that score at least POSSIBLE_FLOOR,
 * for the national items no item or measure of the document links to; none for a pair a researcher rejected.
 * In a part that frames the plan (framingPaths), only a candidate scoring at least the link threshold:
 * a plan's goals set figures for the reforms it takes up ("主要目标 到2018年，…县域内就诊率达到90%左右，个人卫生
 * 支出占卫生总费用的比重下降到28%以下", 赣州 2016), and when no task below takes one up, the document has not
 * left it out; a weak mention in its guiding thought says nothing of the kind. A cell considers a document
 * whole (in a period or not), so where the document links the item the cell is covered whenever the
 * candidate would count: four in five candidates of the bench's corpus (1,551 of 1,943 in the seeds and 60
 * of its documents) are such, and storing them cost the 30,000-document load time and memory.
 */
function possibleLinksOf(
  tasks: readonly LinkableTask[],
  candidates: ReadonlyMap<string, readonly ScoredCandidate[]>,
  links: readonly TaskLink[],
  rejected: ReadonlySet<string>,
  threshold: number,
): PossibleLink[] {
  const counted = new Set(tasks.filter((task) => task.kind !== 'section').map((task) => task.path));
  const linkedItems = new Set(
    links.filter((link) => link.relation === 'IMPLEMENTS' && counted.has(link.taskPath)).map((link) => link.targetId),
  );
  const framing = framingPaths(tasks);
  return tasks.flatMap((task) =>
    !counted.has(task.path)
      ? []
      : (candidates.get(task.path) ?? []).flatMap(({ targetId, score, evidenceFound }) =>
          (framing.has(task.path) ? score >= threshold : score >= POSSIBLE_FLOOR || namesTheReform(evidenceFound)) &&
          !linkedItems.has(targetId) &&
          !rejected.has(`${task.path}\u0000${targetId}`)
            ? [{ taskPath: task.path, targetId, score }]
            : [],
        ),
  );
}

/**
 * A candidate link as the linker decides it for a task among the others of its document; `namesReform`:
 * whether it names the reform the item's title names (namesTheReform), which makes it a possible link at any score.
 */
export type DecidedLink = TaskLink & { linked: boolean; namesReform: boolean };

/**
 * Every national item each task has evidence for, as the linker decides it with the outline rules
 * (followOutline) applied: `linked` says whether the linker makes the link, `score` is the score the
 * link has, or would have on the task's own evidence. `tasks` are the units of one document. What a
 * researcher checks before calling a coverage cell a gap; reviewed links are not applied here.
 */
export function decideLinks(tasks: LinkableTask[], options: LinkOptions): Map<string, DecidedLink[]> {
  const { candidates, links } = outlineDecision(tasks, options);
  const made = new Map(links.map((link) => [`${link.taskPath}\u0000${link.targetId}`, link]));
  return new Map(
    tasks.map((task) => [
      task.path,
      (candidates.get(task.path) ?? []).map((candidate): DecidedLink => {
        const link = made.get(`${task.path}\u0000${candidate.targetId}`);
        const namesReform = namesTheReform(candidate.evidenceFound);
        return link ? { ...link, linked: true, namesReform } : { ...linkOf(candidate), linked: false, namesReform };
      }),
    ]),
  );
}

function outlineDecision(tasks: LinkableTask[], options: LinkOptions): { candidates: Map<string, ScoredCandidate[]>; links: TaskLink[] } {
  const index = cueIndexFor(options.catalogue, options.glossary);
  const framing = framingPaths(tasks);
  const candidates = new Map(
    tasks.map((task) => {
      const own = candidateLinksOf(task, index, options);
      return [task.path, framing.has(task.path) ? own.map((candidate) => ({ ...candidate, linked: false })) : own];
    }),
  );
  const outline = {
    threshold: options.threshold ?? LINK_THRESHOLD,
    framing,
    subject: subjectOfTitle(options.documentTitle, index, options),
  };
  return { candidates, links: followOutline(tasks, candidates, outline) };
}

/**
 * Titles of documents about the reform as a whole: its plans and yearly task lists are titled by its
 * name ("泗县深化医药卫生体制改革2021年-2022年重点工作任务", "2024年深化医改重点任务分解表", "2020年全市卫生健康
 * 工作主要任务分工方案"), and their tasks range over every part of it.
 */
const WHOLE_REFORM_TITLE = /深化医药卫生体制|医药卫生体制改革|医改|卫生健康工作/u;

/**
 * The national item a document's title names as its subject, if any. A title is made of the issuing
 * organ, the subject (事由) and the genre (GB/T 9704-2012 7.3.3: "由发文机关名称、事由和文种组成"): a document
 * on one matter ("三明市公立医院总会计师年薪考核评分标准", "关于深化紧密型县域医共体人员管理的意见") sets out that
 * matter in every part, its scoring rows included ("预算执行分析", "资产管理"). Its best-scoring link, when
 * the title links at all; none for a title about the reform as a whole (WHOLE_REFORM_TITLE).
 */
function subjectOfTitle(title: string | undefined, index: CueIndex, options: LinkOptions): TaskLink | null {
  if (!title || WHOLE_REFORM_TITLE.test(title)) return null;
  const best = candidateLinksOf({ path: '', text: title, title, kind: 'item' }, index, options).find((candidate) => candidate.linked);
  return best ? linkOf(best) : null;
}

interface OutlineRules {
  threshold: number;
  /** Paths of the parts that frame the plan (framingPaths): they link to nothing, inherited or not. */
  framing: ReadonlySet<string>;
  /** The title's subject (subjectOfTitle), which a unit with no link above it inherits. */
  subject: TaskLink | null;
}

/**
 * The parts of a plan that frame its tasks rather than set one. A plan opens with its background and its
 * general requirements before its tasks, as the national 《“十三五”深化医药卫生体制改革规划》 does ("一、规划背景
 * … 二、总体要求 （一）指导思想 （二）基本原则 （三）主要目标 三、重点任务和措施"), and the local plans after it: "一、规划背景
 * （一）现实基础 （二）面临形势 二、… （一）指导思想 （二）基本原则 （三）主要目标 三、重点任务" (三明 2018); "第一章 基础条件与
 * 面临形势 … 第二章 指导思想与主要目标 … 第三章 重点任务" (三明 2022, whose preface says it "研判提出…指导思想、主要目标、
 * 重点任务"). The background looks back ("“十二五”时期…取得明显成效"); the guiding thought, the principles and a
 * plan's goals name the whole reform ("统筹推进医疗、医保、医药“三医联动”改革", "到2025年，建立更加健全的公共卫生服务体系
 * 和基本医疗服务体系、更加完善的医疗保障体系…") and leave the measures to the tasks that follow, so they carry out no
 * national item, and neither does what is numbered under them. A 实施方案 names its principles 工作原则 ("一、总体要求
 * （一）指导思想 （二）工作原则 （三）工作目标"); its 工作目标, about the one reform the plan carries out, is left to link: it
 * sets that reform's figures. The heading is read up to a colon or a space, after which a part may run on in the
 * same line ("指导思想：以习近平新时代中国特色社会主义思想为指导").
 */
const FRAMING_PART =
  '指导思想|基本原则|工作原则|总体思路|主要目标|发展目标|规划背景|发展背景|现实基础|发展基础|基础条件|面临形势|形势分析|发展环境|发展现状|主要成就';
const FRAMING_HEADING = new RegExp(`^(?:${FRAMING_PART})(?:(?:和|与|及)(?:${FRAMING_PART}))?$`, 'u');

/** Paths of the units that frame the plan (FRAMING_HEADING) and of what is numbered under them. */
function framingPaths(tasks: readonly LinkableTask[]): Set<string> {
  const found = new Set<string>();
  for (const task of tasks) {
    const heading = task.title.trim().split(/[：:\s]/u)[0] ?? '';
    if ((task.parentPath != null && found.has(task.parentPath)) || FRAMING_HEADING.test(heading)) found.add(task.path);
  }
  return found;
}

/**
 * Least score a unit's own evidence needs to link to an item that the unit it is numbered under links
 * to. A heading names the reform its numbered items carry out ("（二）深化医保支付方式改革。1.…；2.…"),
 * so a weaker mention under it is that reform's. On the tuning half 0.4 took micro recall from 67.9% to
 * 68.3% at precision 86.5% → 86.2% (four of the six links it adds are the labels'); 0.35 cost more
 * precision for the same recall, 0.45 added no right link.
 */
export const OUTLINE_TOPIC_FLOOR = 0.4;

/**
 * The outline's part in linking. A unit takes up what the unit it is numbered under links to where its
 * own evidence scores at least OUTLINE_TOPIC_FLOOR. An item addresses what its sub-measures address ("（三）…：1.…；2.…"),
 * so an item links to every item a sub-measure of it links to, scored as the sub-measure's link: citing
 * its own text where that has evidence for the item, else through its measures (measuresLink). A heading ("一、深化公立医院改革") only names
 * what its items do, so it keeps only links that some item or measure under it has, and none when
 * nothing is numbered under it. A unit that links nowhere by itself takes the links of the nearest unit
 * it is numbered under that has any, or else the subject of the document's title: citing its own text
 * where it has evidence for them, inherited where it has none.
 */
function followOutline(
  tasks: LinkableTask[],
  candidates: Map<string, ScoredCandidate[]>,
  { threshold, framing, subject }: OutlineRules,
): TaskLink[] {
  const linksOf = new Map(
    tasks.map((task) => [task.path, (candidates.get(task.path) ?? []).filter((candidate) => candidate.linked).map(linkOf)]),
  );
  const children = new Map<string, LinkableTask[]>();
  for (const task of tasks) {
    if (task.parentPath == null) continue;
    children.set(task.parentPath, [...(children.get(task.parentPath) ?? []), task]);
  }
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const depthOf = (task: LinkableTask): number => {
    let depth = 0;
    for (let at = task.parentPath; at != null && depth < tasks.length; at = byPath.get(at)?.parentPath) depth += 1;
    return depth;
  };
  // A unit numbered under another carries out the reform that one names, so where it links elsewhere
  // too, its own evidence for that reform, scoring at least OUTLINE_TOPIC_FLOOR, is meant rather than
  // in passing. Judged on each unit's own links, before any are passed up or down.
  const ownItems = new Map([...linksOf].map(([path, links]) => [path, new Set(links.map((link) => link.targetId))]));
  for (const task of tasks) {
    if (task.kind === 'section' || task.parentPath == null) continue;
    const named = ownItems.get(task.parentPath);
    if (!named || named.size === 0) continue;
    const own = linksOf.get(task.path) ?? [];
    // A unit that links nowhere by itself takes its parent's links whatever its score (below).
    if (own.length === 0) continue;
    const have = new Set(own.map((link) => link.targetId));
    for (const candidate of candidates.get(task.path) ?? []) {
      if (have.has(candidate.targetId) || !named.has(candidate.targetId) || candidate.score < OUTLINE_TOPIC_FLOOR) continue;
      own.push(linkOf(candidate));
      have.add(candidate.targetId);
    }
    linksOf.set(task.path, own);
  }
  // Deepest first, so a measure's links reach its item before the item's reach the heading.
  for (const task of [...tasks].sort((a, b) => depthOf(b) - depthOf(a))) {
    const own = linksOf.get(task.path) ?? [];
    const below = (children.get(task.path) ?? []).flatMap((child) => linksOf.get(child.path) ?? []);
    if (task.kind === 'section') {
      const named = new Set(below.map((link) => link.targetId));
      linksOf.set(
        task.path,
        own.filter((link) => named.has(link.targetId)),
      );
      continue;
    }
    const have = new Set(own.map((link) => link.targetId));
    // The best of its measures' links to an item first: the one the item's link is scored as.
    for (const link of [...below].sort((a, b) => b.score - a.score)) {
      if (have.has(link.targetId)) continue;
      const cited = candidates.get(task.path)?.find((candidate) => candidate.targetId === link.targetId);
      // The evidence is the item's own where it has some; the confidence is no more than the sub-measure's link.
      own.push(cited ? { ...linkOf(cited), score: link.score } : measuresLink(task, link));
      have.add(link.targetId);
    }
    linksOf.set(task.path, own);
  }
  // Shallowest first: a unit that links nowhere by itself elaborates the one it is numbered under
  // ("1. 加强医保基金监管：①…②…"), so it takes the links of the nearest unit above it that has any:
  // with its own evidence where its text has some to cite, and inherited (INHERITED_SCORE) where its
  // words name nothing of the item, as a checklist's rows under its heading do ("（二）强化市医保中心管理
  // 职能 … 7.其他基金管理工作"; "三明市医疗保障基金常态化监管清单 … （二）是否发生机构信息变更"). Where no unit
  // above it links, the document's title is what it is numbered under: it takes the title's subject.
  for (const task of [...tasks].sort((a, b) => depthOf(a) - depthOf(b))) {
    if (task.kind === 'section' || framing.has(task.path) || (linksOf.get(task.path) ?? []).length > 0) continue;
    let above: TaskLink[] = [];
    for (
      let at: string | null | undefined = task.parentPath, steps = 0;
      at != null && above.length === 0 && steps < tasks.length;
      steps += 1
    ) {
      // An inherited link is the origin's: the search goes on to the unit that cites its own wording. A
      // link through measures is theirs: a measure takes from its item what the item itself says, not
      // what another measure under it does.
      above = (linksOf.get(at) ?? []).filter((link) => link.kind !== 'inherited' && link.kind !== 'measures');
      at = byPath.get(at)?.parentPath;
    }
    if (above.length === 0 && subject) above = [subject];
    const taken: TaskLink[] = [];
    for (const link of above) {
      const cited = candidates.get(task.path)?.find((candidate) => candidate.targetId === link.targetId);
      if (cited) taken.push({ ...linkOf(cited), score: link.score });
      else if (Math.min(link.score, INHERITED_SCORE) >= threshold) taken.push(inheritedLink(task, link));
    }
    linksOf.set(task.path, taken);
  }
  return tasks.flatMap((task) => linksOf.get(task.path) ?? []);
}

/**
 * The most an inherited link scores: on the tuning half of the topic set 76% of the links a unit
 * inherits from the unit above it are its labels' (31 of 41; 16 of 31 on the held-out half), against
 * 80% and more for the links that cite the unit's own wording at the scores they come from.
 */
export const INHERITED_SCORE = 0.7;

/**
 * A link a unit takes from the unit it is numbered under without wording of its own to cite: kind
 * `inherited`, no evidence spans (the evidence is the link of the unit above, which the outline shows).
 */
function inheritedLink(task: LinkableTask, from: TaskLink): TaskLink {
  return {
    ...from,
    taskPath: task.path,
    score: Math.min(from.score, INHERITED_SCORE),
    kind: 'inherited',
    evidence: [],
  };
}

/**
 * A link an item takes from a measure numbered under it whose wording its own does not share ("（三）
 * 提升基层服务能力：①…家庭医生签约…"): kind `measures`, no evidence spans (the evidence is the measure's
 * link, which the outline shows), scored as that link.
 */
function measuresLink(task: LinkableTask, from: TaskLink): TaskLink {
  return { ...from, taskPath: task.path, kind: 'measures', evidence: [] };
}

/**
 * Every national item one task has evidence for, best first, each with the link it would make and
 * whether the linker keeps it, judged on the task alone: a title, a phrase. The units of a document
 * are judged among each other, with the outline's rules, by decideLinks.
 */
export function candidateLinks(task: LinkableTask, options: LinkOptions): (TaskLink & { linked: boolean })[] {
  return scoredCandidates(task, options).map((candidate) => ({ ...linkOf(candidate), linked: candidate.linked }));
}

/** The link a candidate makes, without whether the linker keeps it and what it found for it. */
function linkOf(candidate: ScoredCandidate): TaskLink {
  const { linked, evidenceFound, ...link } = candidate;
  return link;
}

/** A candidate link with what the linker found for it, for fitting the score (ingest/link/eval). */
export type ScoredCandidate = TaskLink & { linked: boolean; evidenceFound: CandidateEvidence };

export function scoredCandidates(task: LinkableTask, options: LinkOptions): ScoredCandidate[] {
  return candidateLinksOf(task, cueIndexFor(options.catalogue, options.glossary), options);
}

/** A candidate item judged on a task's wording, before it is made a link of one task. */
interface JudgedCandidate {
  score: ItemScore;
  evidence: CandidateEvidence;
  calibrated: number;
  linked: boolean;
}

/**
 * Judgements of recently seen task wordings, by the linker's options and the wording (see judgedCandidatesOf).
 * A local list copies the tasks of the list it breaks down, and a jurisdiction's list of one year repeats
 * items of the year before word for word, so in a corpus of many jurisdictions and years a wording recurs
 * from document to document (in the bench's generated corpus 55% of the units a worker reads repeat one of
 * its last 2,048; in the 23 real documents of the seeds and the development corpus, of different subjects,
 * 2%); at most RECENT_WORDINGS are kept, the one used least recently dropped first.
 */
const recentJudgements = new WeakMap<CueIndex, LRUCache<string, readonly JudgedCandidate[]>>();
const RECENT_WORDINGS = 2_048;

/** Every national item one task has evidence for, best first, each judged and made a link of the task. */
function candidateLinksOf(task: LinkableTask, index: CueIndex, options: LinkOptions): ScoredCandidate[] {
  return judgedCandidatesOf(task, index, options).map(({ score, evidence, calibrated, linked }) =>
    Object.assign(toLink(task, score, calibrated), { linked, evidenceFound: evidence }),
  );
}

/**
 * The judgement depends on the task's wording (its title, text and kind) and the linker's options only, never on
 * its path or its document: a wording judged before is judged again from the cache (the judgement is not changed
 * by its readers; toLink builds a link of each task from it).
 */
function judgedCandidatesOf(task: LinkableTask, index: CueIndex, options: LinkOptions): readonly JudgedCandidate[] {
  let cache = recentJudgements.get(index);
  if (!cache) recentJudgements.set(index, (cache = new LRUCache({ max: RECENT_WORDINGS })));
  const { maxLinks, threshold, scoreWeights, minStrong, titleBoost, bodyCeiling } = options;
  const key = JSON.stringify([maxLinks, threshold, scoreWeights, minStrong, titleBoost, bodyCeiling, task.kind, task.title, task.text]);
  let judged = cache.get(key);
  if (!judged) cache.set(key, (judged = judgeCandidates(task, index, options)));
  return judged;
}

function judgeCandidates(task: LinkableTask, index: CueIndex, options: LinkOptions): JudgedCandidate[] {
  const {
    maxLinks = 4,
    threshold = LINK_THRESHOLD,
    scoreWeights = SCORE_WEIGHTS,
    minStrong = 0.6,
    titleBoost = 3,
    bodyCeiling = 3,
  } = options;
  const weights: Weights = { titleBoost, bodyCeiling };
  const scan = scanTask(task, index);
  const isEligible = (score: ItemScore) => score.strong >= minStrong || score.longestPhrase >= 12;
  const scores: (ItemScore & { eligible: boolean })[] = [];
  for (const item of index.items.values()) {
    // Only items with a cue in the task or a phrase shared with it can score; the others are skipped unread.
    const cues = scan.cuesByItem.get(item.id);
    const grams = scan.gramsByItem.get(item.id);
    if (!cues && !grams) continue;
    const phrases = grams ? maximalPhrases(scan.masked, item.text, grams, PHRASE_MIN_LENGTH) : [];
    const score = scoreItem(task, item, cues ?? [], phrases, index, scan.inTitle, weights);
    if (score) scores.push(Object.assign(score, { eligible: isEligible(score) }));
  }
  // Without a candidate there is nothing to judge, and the task's words are not needed.
  if (scores.length === 0) return [];
  scores.sort((a, b) => b.raw - a.raw);
  const leadingClauses = itemsLeadingClauses(task, scan, scores, index, weights, isEligible);
  // How much of the item's other wording the task shares, each word weighed by how few items use it.
  const { words } = scan.words();
  const sharedWording = new Map(scores.map((score) => [score.item.id, sharedWordingOf(words, score.item.id, index)]));
  const mostShared = Math.max(0, ...sharedWording.values());
  const clauseShare = clauseShareOf(scan, scores, index);
  const contentLength = contentLengthOf(scan.masked);
  // Each item is judged on its own evidence and its standing among the task's candidates: linked when
  // its calibrated score reaches the threshold, at most maxLinks per task, best first.
  const judged = scores
    .map((score) => {
      const evidence: CandidateEvidence = {
        titleSum: score.titleSum,
        bodySum: score.bodySum,
        strong: score.strong,
        longestPhrase: score.longestPhrase,
        longestCue: score.longestCue,
        namesItem: score.namesItem,
        eligible: score.eligible,
        textLength: task.text.length,
        contentLength,
        leadsClause: leadingClauses.has(score.item.id),
        sharedWording: sharedWording.get(score.item.id) ?? 0,
        mostShared,
        clauseShare: clauseShare.get(score.item.id) ?? 0,
      };
      return { score, evidence, calibrated: calibratedScore(evidence, scoreWeights) };
    })
    .sort((a, b) => b.calibrated - a.calibrated);
  let kept = 0;
  const candidates: JudgedCandidate[] = [];
  for (const { score, evidence, calibrated } of judged) {
    const linked = evidence.eligible && calibrated >= threshold && kept < maxLinks;
    if (linked) kept += 1;
    // No link without evidence; asked of the evidence found, so the link's own is built only when read.
    if (hasExactEvidence(task, score)) candidates.push({ score, evidence, calibrated, linked });
  }
  return candidates;
}

/**
 * What a task's text gives every catalogue item at once, read in one pass: the masked text, its
 * clauses, its cue matches and the grams it shares with each item's text, grouped by item, and its
 * content words as a whole and clause by clause. Each candidate item is scored from these.
 */
interface TaskScan {
  masked: string;
  inTitle: (m: { start: number; end: number }) => boolean;
  clauses: [number, number][];
  /** Cue matches by item, in the order findCues finds them. */
  cuesByItem: Map<string, CueMatch[]>;
  /**
   * Grams shared with each item's text, as pairs (start in the task, start in the item) in the order of
   * the task's start, then the item's: what maximalPhrases reads.
   */
  gramsByItem: Map<string, number[]>;
  /** The task's words (TaskWords), cut when first asked for: a task no item has evidence in needs none. */
  words: () => TaskWords;
}

interface TaskWords {
  /** Offsets where a word of the task starts or ends (see findCues). */
  boundaries: Set<number>;
  /**
   * Content words of the task, and of each of its clauses, in the order they first occur, by their
   * number in CueIndex.wordInfo; words of no weight (CueIndex.wordSpecificity), which no item or every
   * item uses, left out.
   */
  words: number[];
  clauseWords: number[][];
}

function scanTask(task: LinkableTask, index: CueIndex): TaskScan {
  const masked = maskBoilerplate(task.text);
  const heading = taskHeadingOf(task);
  const titleAt = heading ? masked.indexOf(heading) : -1;
  const titleEnd = titleAt < 0 ? -1 : titleAt + heading.length;
  const inTitle = (m: { start: number; end: number }) => titleAt >= 0 && m.start >= titleAt && m.end <= titleEnd;
  const clauses = clausesOf(masked);
  let words: TaskWords | undefined;
  const wordsOfTask = () => (words ??= taskWordsOf(masked, clauses, index));

  const cuesByItem = new Map<string, CueMatch[]>();
  for (const match of findCues(masked, index, () => wordsOfTask().boundaries)) {
    const list = cuesByItem.get(match.cue.itemId);
    if (list) list.push(match);
    else cuesByItem.set(match.cue.itemId, [match]);
  }

  const gramsByItem = new Map<string, number[]>();
  forEachGramStart(masked, PHRASE_MIN_LENGTH, (start) => {
    // Most grams of a task are in no item's text: the filter rules them out before a gram is made.
    if (!index.mayHoldGram(masked, start)) return;
    const items = index.itemsByGram.get(masked.slice(start, start + PHRASE_MIN_LENGTH));
    if (items === undefined) return;
    for (const { itemId, starts } of items) {
      let pairs = gramsByItem.get(itemId);
      if (!pairs) gramsByItem.set(itemId, (pairs = []));
      for (const itemStart of starts) pairs.push(start, itemStart);
    }
  });
  return { masked, inTitle, clauses, cuesByItem, gramsByItem, words: wordsOfTask };
}

function taskWordsOf(masked: string, clauses: readonly [number, number][], index: CueIndex): TaskWords {
  // One cut of the text gives the content words of the task and of each clause, and the word
  // boundaries a short cue is checked against. jieba cuts each run of Chinese characters, letters and
  // digits on its own, and a clause ends at punctuation, a tab or before ① (masked characters, as ，,
  // are punctuation too), so the cut of a clause alone has the words the task's cut has within it
  // (the clausesOf test checks this on the seeds).
  const boundaries = new Set([0, masked.length]);
  const words: number[] = [];
  const clauseWords = clauses.map((): number[] => []);
  // The clause a word was last taken into, by its number: each word is taken once, where it first occurs.
  const lastClauseOf = new Map<number, number>();
  let offset = 0;
  let clause = 0;
  for (const word of wordsOf(masked.replaceAll(MASK, '，'))) {
    const start = offset;
    offset += word.length;
    boundaries.add(offset);
    // Only content words, two Chinese characters or more (isContentWord), have weight: an item's words are its content words.
    const first = word.charCodeAt(0);
    const info = word.length < 2 || first < 0x3400 || first > 0x9fff ? undefined : index.wordInfo.get(word);
    if (info === undefined || info.specificity <= 0) continue;
    const seen = lastClauseOf.get(info.id);
    if (seen === undefined) words.push(info.id);
    while (clause < clauses.length && (clauses[clause]?.[1] ?? 0) < offset) clause += 1;
    const [clauseStart = Infinity, clauseEnd = 0] = clauses[clause] ?? [];
    if (start >= clauseStart && offset <= clauseEnd && seen !== clause) {
      clauseWords[clause]?.push(info.id);
      lastClauseOf.set(info.id, clause);
    } else if (seen === undefined) lastClauseOf.set(info.id, -1);
  }
  return { boundaries, words, clauseWords };
}

/**
 * The content words of a task or clause (by number, see TaskScan.words) that an item's title and text
 * use too, each weighed by how few items use it, added in the order of the words.
 */
function sharedWordingOf(words: readonly number[], itemId: string, index: CueIndex): number {
  const itemWords = index.itemWordFlags.get(itemId);
  let sum = 0;
  if (!itemWords) return sum;
  for (const id of words) if (itemWords[id] === 1) sum += index.specificityById[id] ?? 0;
  return sum;
}

/**
 * How much of a task's text says what is to be done: its Chinese characters outside the masked
 * responsibility notes. The figures of targets, scores and dates ("达标率达90%以上", "得0.5分", "2022年底前"),
 * punctuation and the note of who does it ("（市卫健委、市医保局等按职责分工负责）") lengthen a task
 * without adding topics.
 */
function contentLengthOf(masked: string): number {
  // Counted by code unit, without an array of the characters: a code unit in the range is a whole
  // character (surrogates lie outside it).
  let count = 0;
  for (let at = 0; at < masked.length; at += 1) {
    const unit = masked.charCodeAt(at);
    if (unit >= 0x3400 && unit <= 0x9fff) count += 1;
  }
  return count;
}

/**
 * Where a task's text divides into clauses. A measure ends with 。 and parallel measures within one
 * sentence are set apart with ；("推进DRG支付方式改革；加强医保基金监管。"); sub-points are numbered
 * ①②③ and table cells are separated by tabs. Each clause says one thing, so a cue that is the gist of
 * its clause is likelier meant than one in passing in a long sentence. Returns [start, end) spans.
 */
export function clausesOf(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (CLAUSE_END.has(code)) {
      if (i + 1 > start) spans.push([start, i + 1]);
      start = i + 1;
    } else if (code >= CLAUSE_START_FIRST && code <= CLAUSE_START_LAST && i > start) {
      spans.push([start, i]);
      start = i;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans.filter(([s, e]) => /[\u3400-\u9fffA-Za-z]/u.test(text.slice(s, e)));
}

const CLAUSE_END = codeUnitsOf('。；;！？!?\n\t');
/** ① to ⑳, consecutive codes. */
const CLAUSE_START_FIRST = '①'.charCodeAt(0);
const CLAUSE_START_LAST = '⑳'.charCodeAt(0);

/**
 * For each candidate, the most of its wording one clause of the task shares with it, against the most
 * any candidate shares with that clause: 1 when some sentence of the task is more about this item than
 * about any other. An item (task) is a paragraph of measures, one a sentence ("…。加强基层医疗机构和
 * 家庭医生团队健康管理服务，…。"), so a reform that one sentence takes up is addressed even when the
 * paragraph as a whole is mostly about another.
 */
function clauseShareOf({ clauses, words, cuesByItem }: TaskScan, scores: readonly ItemScore[], index: CueIndex): Map<string, number> {
  const { clauseWords } = words();
  const best = new Map<string, number>();
  for (const [c, [start, end]] of clauses.entries()) {
    // Only a clause that names the item (a strong cue inside it) takes it up.
    const named = scores.map((score) =>
      (cuesByItem.get(score.item.id) ?? []).some((m) => m.cue.strength === 'strong' && m.start >= start && m.end <= end),
    );
    if (!named.includes(true)) continue;
    const words = clauseWords[c] ?? [];
    const shared = scores.map((score) => sharedWordingOf(words, score.item.id, index));
    const most = Math.max(0, ...shared);
    if (most <= 0) continue;
    scores.forEach((score, i) => {
      if (named[i]) best.set(score.item.id, Math.max(best.get(score.item.id) ?? 0, (shared[i] ?? 0) / most));
    });
  }
  return best;
}

/**
 * The items that score best among the eligible items of one of the task's clauses: what some
 * clause of the task is about.
 */
function itemsLeadingClauses(
  task: LinkableTask,
  { masked, clauses, cuesByItem, gramsByItem, inTitle }: TaskScan,
  scores: readonly ItemScore[],
  index: CueIndex,
  weights: Weights,
  isEligible: (score: ItemScore) => boolean,
): Set<string> {
  const leading = new Set<string>();
  for (const [start, end] of clauses) {
    // The clause alone, the rest masked, so offsets stay the task's: made when a phrase needs it.
    let clause: string | undefined;
    const inClause = scores.flatMap((score) => {
      const matches = (cuesByItem.get(score.item.id) ?? []).filter((m) => m.start >= start && m.end <= end);
      // The grams of the clause alone are the task's grams that lie within it (masked characters break grams).
      const grams = gramsWithin(gramsByItem.get(score.item.id) ?? [], start, end);
      if (matches.length === 0 && grams.length === 0) return []; // no evidence in the clause
      clause ??= grams.length > 0 ? MASK.repeat(start) + masked.slice(start, end) + MASK.repeat(masked.length - end) : undefined;
      const phrases = clause === undefined ? [] : maximalPhrases(clause, score.item.text, grams, PHRASE_MIN_LENGTH);
      const found = scoreItem(task, score.item, matches, phrases, index, inTitle, weights, false);
      return found && isEligible(found) ? [found] : [];
    });
    const best = Math.max(0, ...inClause.map((found) => found.raw));
    for (const found of inClause) if (found.raw >= best) leading.add(found.item.id);
  }
  return leading;
}

/** The gram pairs of TaskScan.gramsByItem whose gram starts and ends within [start, end). */
function gramsWithin(pairs: readonly number[], start: number, end: number): number[] {
  const within: number[] = [];
  for (let p = 0; p + 1 < pairs.length; p += 2) {
    const at = pairs[p] ?? -1;
    if (at >= start && at + PHRASE_MIN_LENGTH <= end) within.push(at, pairs[p + 1] ?? 0);
  }
  return within;
}

/**
 * The part of a title that names the task. A numbered item often is one long sentence
 * ("继续开展药品耗材集中采购，加大指导力度，及时落实…"), so a long title counts up to its first clause.
 */
export function headingOf(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length <= 24) return trimmed;
  const clause = /^(.{6,}?)[，；,;]/u.exec(trimmed);
  return clause?.[1] ?? trimmed;
}

/**
 * The heading whose cues weigh titleBoost times: what the task is about. An item states its topic in a heading set
 * apart from its body ("（三）完善家庭医生签约服务。…"). A measure numbered under an item (①…, 1.…, a row of a table)
 * carries out the topic its item's heading names (总分结构) and mostly is a sentence or two with no heading of its
 * own: its first sentence is a heading only when it is short and more follows it ("1. 加强医保基金监管。…"), or,
 * when long, up to a colon that leads it ("落实家庭医生签约服务：认真兑现重点人群…有偿签约服务协议履约率≥80%，得1分").
 * "①开展医疗技术协作，促进学科发展，得1分；" is the whole of its measure, not a heading over it.
 */
export function taskHeadingOf(task: Pick<LinkableTask, 'title' | 'text' | 'kind'>): string {
  const heading = headingOf(task.title);
  if (task.kind !== 'measure') return heading;
  const at = task.text.indexOf(heading);
  const rest = at < 0 ? '' : task.text.slice(at + heading.length);
  if (!/[\u3400-\u9fffA-Za-z0-9]/u.test(rest)) return '';
  if (heading.length <= 24) return heading;
  return /^([^，；：:]{2,24})[：:]/u.exec(heading)?.[1] ?? '';
}

/** `phrases`: the maximal phrases the (masked) task text shares with the item's text (see commonPhrases). */
function scoreItem(
  task: LinkableTask,
  item: CatalogueItem,
  matches: CueMatch[],
  phrases: readonly CommonPhrase[],
  index: CueIndex,
  inTitle: (m: CueMatch) => boolean,
  { titleBoost, bodyCeiling }: Weights,
  keepEvidence = true,
): ItemScore | null {
  const evidence: ItemScore['evidence'] = [];
  // A clause is judged on its score alone (itemsLeadingClauses): its evidence is counted, not built.
  let evidenceFound = 0;
  let strong = 0;
  const byConcept = new Map<string, CueMatch[]>();
  for (const match of matches) {
    const list = byConcept.get(match.cue.concept) ?? [];
    list.push(match);
    byConcept.set(match.cue.concept, list);
  }
  const covered: [number, number][] = [];
  let titleSum = 0;
  let bodySum = 0;
  let longestCue = 0;
  let namesItem = false;
  for (const list of byConcept.values()) {
    const weighOf = (m: CueMatch) => m.cue.weight * (inTitle(m) ? titleBoost : 1);
    const best = list.reduce((a, b) => (weighOf(b) > weighOf(a) ? b : a));
    // Another occurrence or another form of the same concept (县域医疗卫生一体化 … 县乡一体) adds a little.
    const occurrences = new Set(list.map((m) => m.start)).size;
    const weight = weighOf(best) + Math.min(MAX_REPEAT_BONUS, REPEAT_BONUS * (occurrences - 1)) * best.cue.weight;
    if (inTitle(best)) titleSum += weight;
    else bodySum += weight;
    if (best.cue.strength === 'strong') {
      strong += weight;
      longestCue = Math.max(longestCue, best.end - best.start);
      if (best.cue.namesItem) namesItem = true;
    }
    covered.push([best.start, best.end]);
    evidenceFound += 1;
    if (!keepEvidence) continue;
    const nationalStart = item.text.indexOf(best.cue.national);
    const localText = task.text.slice(best.start, best.end);
    evidence.push({
      localText,
      localSpan: { start: best.start, end: best.end },
      nationalText: best.cue.national,
      nationalSpan: { start: nationalStart, end: nationalStart + best.cue.national.length },
      weight,
      sameWording: localText === best.cue.national,
      adaptation: best.cue.pattern !== null,
    });
  }

  // Shared wording beyond the cues: a phrase of six or more characters that few items contain.
  let longestPhrase = 0;
  for (const phrase of phrases) {
    const end = phrase.a + phrase.text.length;
    if (phrase.text.length < PHRASE_MIN_SCORED) continue;
    if (covered.some(([s, e]) => s <= phrase.a && e >= end)) continue;
    if (index.phraseSpread(phrase.text) > PHRASE_MAX_SPREAD) continue;
    longestPhrase = Math.max(longestPhrase, phrase.text.length);
    const weight = Math.min(0.6, (phrase.text.length - PHRASE_MIN_SCORED + 1) * 0.15);
    bodySum += weight;
    evidenceFound += 1;
    if (!keepEvidence) continue;
    evidence.push({
      localText: task.text.slice(phrase.a, end),
      localSpan: { start: phrase.a, end },
      nationalText: phrase.text,
      nationalSpan: { start: phrase.b, end: phrase.b + phrase.text.length },
      weight,
      sameWording: true,
      adaptation: false,
    });
  }
  // The heading says what the task is about; the body of a long task touches many topics, so its
  // weight saturates and cannot outvote the heading.
  const raw = titleSum + bodyCeiling * (1 - Math.exp(-bodySum / bodyCeiling));
  if (evidenceFound === 0) return null;
  return { item, raw, strong, titleSum, bodySum, evidence, longestPhrase, longestCue, namesItem };
}

function kindOf(score: ItemScore): LinkKind {
  // Copying a long stretch of the national wording is verbatim; reusing its key wording while the
  // local text changes or quantifies the rest is adapted; only synonyms and abbreviations is paraphrase.
  if (score.longestPhrase >= 12) return 'verbatim';
  const adapted = score.evidence.some((e) => e.adaptation || (e.sameWording && e.localText.length >= 4));
  return adapted ? 'adapted' : 'paraphrase';
}

/** The evidence a link cites: the exact entries found, the MAX_EVIDENCE weightiest, in the order of the task. */
function linkEvidenceOf(task: LinkableTask, score: ItemScore): LinkEvidence[] {
  return score.evidence
    .filter((e) => isExactEvidence(e, task.text, score.item.text))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.localSpan.start - b.localSpan.start)
    .map(({ localText, localSpan, nationalText, nationalSpan }) => ({ localText, localSpan, nationalText, nationalSpan }));
}

/** Whether linkEvidenceOf has an entry for the score, without building it. */
function hasExactEvidence(task: LinkableTask, score: ItemScore): boolean {
  return score.evidence.some((e) => isExactEvidence(e, task.text, score.item.text));
}

function toLink(task: LinkableTask, score: ItemScore, calibrated: number): TaskLink {
  let evidence: LinkEvidence[] | undefined;
  return {
    taskPath: task.path,
    targetId: score.item.id,
    relation: 'IMPLEMENTS',
    score: Math.round(calibrated * 1000) / 1000,
    method: LINK_METHOD,
    kind: kindOf(score),
    // Built when first read (a copy of the link reads it): most candidates of a task are not linked,
    // and the outline rules (followOutline) cite few of those.
    get evidence() {
      return (evidence ??= linkEvidenceOf(task, score));
    },
    curated: false,
  };
}

/** The contract every evidence entry keeps: both texts are exact slices at their spans. */
export function isExactEvidence(evidence: LinkEvidence, localText: string, nationalText: string): boolean {
  return (
    evidence.localText.length > 0 &&
    localText.slice(evidence.localSpan.start, evidence.localSpan.end) === evidence.localText &&
    nationalText.slice(evidence.nationalSpan.start, evidence.nationalSpan.end) === evidence.nationalText
  );
}
