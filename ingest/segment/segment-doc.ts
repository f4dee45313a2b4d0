/**
 * @module segment: normalised text → PolicyMeta + ParsedTask[] (the outline of sections, work items and
 * sub-measures, each with its own text and span). Agencies, targets and deadlines are left for extract.
 */
import type { TaskKind } from '../../graph-schema/model.js';
import {
  IngestError,
  messageAt,
  type IngestMessage,
  type NormalisedDoc,
  type ParsedTask,
  type PolicyMeta,
  type SegmentedDoc,
} from '../document.js';
import { BODY_SUFFIX } from '../conventions.js';
import { jurisdictionById, NATION_ID } from '../resolve/jurisdiction-registry.js';
import { resolveJurisdiction, type PlaceMention, type ResolvedJurisdiction } from './jurisdiction.js';
import { linesOf } from './lines.js';
import { findMetadata } from './metadata.js';
import { parseOutline, type Unit } from './outline.js';
import { planPeriodOf } from './plan-period.js';

/** A heading states a topic ("一、工作目标", "（一）健全全民预防保健制度"), not a sentence of work. */
function isHeadingOnly(text: string, unit: Unit): boolean {
  const heading = text.slice(unit.start, unit.headingEnd);
  return !/[。！？]/u.test(heading) && heading.length <= 60;
}

const hasNumberedChildren = (unit: Unit) => unit.children.some((child) => child.style !== 'circled' && child.style !== 'row');

/** A scoring criterion of an assessment table: it awards or deducts points ("得1分，未设置的不得分", "每缺1项扣0.5分"). */
const SCORING_CRITERION = /[得扣]\s*[\dl.]+\s*分|不得分/u;

/** The end of a unit's text with its sub-measures ①②, which the outline cuts out of it. */
const endWithMeasures = (unit: Unit): number => Math.max(unit.end, ...unit.children.map((child) => child.end));

/**
 * A 考核评分表 prints under each indicator (二级指标, "（二）") the numbered criteria of its 评分标准 column, each
 * awarding or deducting points: "（二）预算管理制度建设 1.科学建立全面预算的编制、审批程序，得1分，未建立的扣1分；2.…".
 * The indicator is the work assessed, an item; its criteria are the sub-points it is scored by, not items of their
 * own. A criterion may score by its own ①② ("1.提高数据采集规范化水平。①确保平台数据采集的及时与完整，得0.5分"),
 * still a sub-point. A 一级指标 ("一、服务评价（7分）") groups indicators, whose own rows carry points too: it stays
 * a heading.
 */
function scoredByCriteria(text: string, unit: Unit): boolean {
  const numbered = unit.children.filter((child) => child.style !== 'circled' && child.style !== 'row');
  return (
    (unit.style === 'cnParen' || unit.style === 'arabic' || unit.style === 'arabicParen') &&
    numbered.length > 0 &&
    numbered.every(
      (child) =>
        child.children.every((measure) => measure.style === 'circled') &&
        SCORING_CRITERION.test(text.slice(child.start, endWithMeasures(child))),
    )
  );
}

/**
 * GB/T 9704 numbers the levels of a text "一、" "（一）" "1." "（1）": a document whose whole outline is
 * one flat list of "1." entries, some of them sentences of work ("1.创建国家卫生县城。"), is a list of
 * work items, and an entry printed without its full stop is one of them, not a heading.
 */
function isFlatListOfItems(text: string, roots: readonly Unit[]): boolean {
  return (
    roots.length > 1 &&
    roots.every((unit) => unit.style === 'arabic' && !hasNumberedChildren(unit)) &&
    roots.some((unit) => !isHeadingOnly(text, unit))
  );
}

function kindOf(text: string, unit: Unit, parentKind: TaskKind | null, depth: number, flatListOfItems: boolean): TaskKind {
  if (unit.style === 'circled' || unit.style === 'row') return 'measure';
  if (parentKind === 'item' || parentKind === 'measure') return 'measure';
  // A heading states a topic even when printed as one short sentence with its full stop over the numbered
  // actions that carry out the work: "（一）聚焦健康素养提升，推进健康行动。", "一、加强执业注册引导。".
  const heading = text.slice(unit.start, unit.headingEnd).trim();
  const headingSentence = /^[^。！？；\n]{2,30}。$/u.test(heading);
  if (hasNumberedChildren(unit) && !scoredByCriteria(text, unit)) return isHeadingOnly(text, unit) || headingSentence ? 'section' : 'item';
  if (hasNumberedChildren(unit)) return 'item';
  // A heading groups the numbered parts below it; "Counts are of items and measures, not headings" (issue 13):
  // a top-level part with only prose under it ("一、工作目标\n以…为原则，通过…", "四、执行时间\n本通知自发文之日起
  // 执行。") is itself the work it states, an item. A heading printed with nothing under it stays a heading, and so
  // does the title of an attachment ("附件1\n…指标表"): a 附件 is "公文正文的说明、补充或者参考资料", material appended
  // to the text, not a provision of it.
  const ownProse = text.slice(unit.headingEnd, unit.end).trim().length > 0;
  const assigned = unit.supplements.some((supplement) => supplement.role === 'agencies' || supplement.role === 'deadline');
  const titleOnly = unit.style === 'annex' || (!ownProse && !assigned);
  if (depth === 0 && !flatListOfItems && titleOnly && isHeadingOnly(text, unit)) return 'section';
  return 'item';
}

/** First sentence (or the heading), without its closing punctuation. */
function titleOf(own: string): string {
  const first = own.split(/[\n\t]/u)[0] ?? '';
  const sentence = /^(.+?)[。；！？]/u.exec(first)?.[1] ?? first;
  const clean = sentence.replace(/[。；，、：\s]+$/u, '');
  return clean.length > 80 ? clean.slice(0, 80) : clean;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s\t]/u.test(text.charAt(s))) s++;
  while (e > s && /[\s\t]/u.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * A body names itself in its own documents by the level word that ends its place's name ("灵璧县卫生健康委员会"
 * is "县卫健委", "宿州市卫生健康委员会" "市卫健委"). "县级", "区域", "市场" are words of their own.
 */
const OWN_LEVEL = new RegExp(`^(省|市|州|县|区|旗)(?![级域场])[\\u4e00-\\u9fff（）]{0,12}?${BODY_SUFFIX}`, 'u');

/**
 * The place of a web page's 文章来源 for a copy that names only its level: a source of another level (a
 * newspaper, or a city or province reposting a county's document) is not the document's maker.
 */
function placeFromPageSource(text: string, mentions: readonly PlaceMention[], source: PlaceMention): ResolvedJurisdiction | null {
  const levelWord = mentions.map((mention) => OWN_LEVEL.exec(mention.text)?.[1]).find((word) => word !== undefined);
  if (!levelWord) return null;
  const placed = resolveJurisdiction(text, [source]);
  return placed && jurisdictionById(placed.id)?.name.endsWith(levelWord) ? placed : null;
}

/** The segment stage. */
export function segmentDoc(doc: NormalisedDoc): SegmentedDoc {
  const { normalised } = doc;
  const { text } = normalised;
  const messages: IngestMessage[] = [];
  const warn = (offset: number, code: string, message: string) => messages.push(messageAt(normalised, code, message, offset));

  const lines = linesOf(text);
  const outline = parseOutline(text, lines);
  for (const message of outline.messages) warn(message.offset, message.code, message.message);
  if (outline.startLine === null) {
    throw new IngestError(doc.source.path, 'no numbered work items found (structureless document)', 'structureless');
  }
  const found = findMetadata(lines, outline.startLine);

  const mentions: PlaceMention[] = [...(found.issuerLine ? [found.issuerLine] : []), ...found.titleLines, ...found.bodyLines].map(
    (line) => ({ text: line.text, offset: line.start }),
  );
  // The body that signs the document says whose it is ("宣威市人民政府办公室" forwarding 曲靖市's plan);
  // without a place in its name, the places of the header, title and signatures vote.
  const signed = found.issuerLine ? resolveJurisdiction(text, [{ text: found.issuerLine.text, offset: found.issuerLine.start }]) : null;
  const voted = resolveJurisdiction(text, mentions);
  // A copy that names only its level ("县卫健委2021年…任务分解") is placed by the body its web page gives as the
  // article's source, and the place is flagged as read from the page, not from the document.
  const fromPage =
    signed || voted || !found.pageSourceLine
      ? null
      : placeFromPageSource(text, mentions, { text: found.pageSourceLine.text, offset: found.pageSourceLine.start });
  const jurisdiction = (signed && voted?.id !== signed.id ? signed : voted) ?? fromPage;
  if (fromPage && found.pageSourceLine) {
    warn(
      found.pageSourceLine.start,
      'jurisdiction-from-page-source',
      `no place named in the header, title or signature; placed by the web page's source "${found.pageSourceLine.text}" (inferred)`,
    );
  }
  if (jurisdiction) {
    const seen = new Set<string>();
    for (const typo of jurisdiction.typos) {
      if (seen.has(typo.name)) continue;
      seen.add(typo.name);
      for (let at = text.indexOf(typo.name); at >= 0; at = text.indexOf(typo.name, at + 1)) {
        warn(at, 'jurisdiction-typo', `"${typo.name}" is not a known place; read as ${typo.resolvedTo} from the rest of the document`);
      }
    }
  } else {
    warn(0, 'jurisdiction-unknown', 'no issuing jurisdiction named in the header, title or signature');
  }
  if (!found.title) warn(0, 'title-missing', 'no title found before the outline');

  const period = found.title ? planPeriodOf(found.title) : null;
  // The year the document speaks from is its issue year: the date under the signature, else the year of its
  // 发文字号, which GB/T 9704 prints "用六角括号“〔〕”括入" (明政办〔2018〕35号). A title's period "（2016—2018年）"
  // names the years the plan covers, not when it was issued, and a year in the text ("到2020年") that of some work:
  // with neither printed, its year is not stated — unless the title names the one year a yearly plan is for.
  const numberYear = /〔((?:19|20)\d{2})〕/u.exec(found.docNumber ?? '')?.[1];
  const coversSeveralYears = period !== null && period.from !== period.to;
  const year = found.issuedOn
    ? Number(found.issuedOn.slice(0, 4))
    : numberYear
      ? Number(numberYear)
      : coversSeveralYears
        ? NaN
        : Number(/(\d{4})年/u.exec(found.title ?? '')?.[1] ?? NaN);
  const meta: PolicyMeta = {
    // Never the file name: a title the document does not print stays empty (flagged by title-missing).
    title: found.title ?? '',
    docNumber: found.docNumber,
    issuer: found.issuer,
    issuedOn: found.issuedOn,
    status: found.draft ? 'draft' : 'final',
    coversFrom: period?.from ?? null,
    coversTo: period?.to ?? null,
    jurisdictionId: jurisdiction?.id ?? NATION_ID,
    year: Number.isFinite(year) ? year : null,
  };

  const tasks: ParsedTask[] = [];
  const byUnit = new Map<Unit, ParsedTask>();
  const usedPaths = new Set<string>();
  const rowCounters = new Map<string, number>();
  const flatListOfItems = isFlatListOfItems(
    text,
    outline.units.filter((unit) => unit.parent === null),
  );
  outline.units.forEach((unit, order) => {
    const parent = unit.parent ? (byUnit.get(unit.parent) ?? null) : null;
    const depth = parent ? parent.depth + 1 : 0;
    const kind = kindOf(text, unit, parent?.kind ?? null, depth, flatListOfItems);
    let segment = unit.pathKey;
    if (segment === '') {
      // Unnumbered rows are counted under their item: "二/2/#1".
      const n = (rowCounters.get(parent?.path ?? '') ?? 0) + 1;
      rowCounters.set(parent?.path ?? '', n);
      segment = `#${n}`;
    }
    let path = parent ? `${parent.path}/${segment}` : segment;
    if (usedPaths.has(path)) {
      let n = 2;
      while (usedPaths.has(`${path}~${n}`)) n++;
      warn(unit.start, 'duplicate-path', `"${path}" appears twice; the second is "${path}~${n}"`);
      path = `${path}~${n}`;
    }
    usedPaths.add(path);
    const span = trimSpan(text, unit.start, unit.end);
    const own = text.slice(span.start, span.end);
    const task: ParsedTask = {
      key: unit.key,
      path,
      parentPath: parent?.path ?? null,
      kind,
      depth,
      order,
      title: titleOf(own),
      text: own,
      span,
      agencies: [],
      targets: [],
      deadline: null,
      supplements: unit.supplements,
    };
    byUnit.set(unit, task);
    tasks.push(task);
  });

  return { ...doc, meta, tasks, messages: [...doc.messages, ...messages].sort((a, b) => a.offset - b.offset) };
}
