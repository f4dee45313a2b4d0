/**
 * @module The quality report of one ingested document: what a user needs to spot a bad parse at a
 * glance (metadata, units per numbering level, how many items carry agencies, targets and
 * deadlines, warnings by kind) and flags for results that are probably wrong.
 */
import { basename, extname } from 'node:path';
import type { PolicyStatus } from '../graph-schema/model.js';
import type { IngestDoc, ParsedTask } from './document.js';
import { allJurisdictions, jurisdictionById, NATION_ID } from './resolve/jurisdiction-registry.js';
import { RESPONSIBILITY_LABEL } from './responsibility-notes.js';

/** Units of one numbering level: its depth in the outline and its style ("一、", "（一）", "1.", "①"). */
export interface LevelCount {
  depth: number;
  style: string;
  count: number;
}

export type QualityFlagCode =
  'TITLE_LIKE_BODY' | 'NO_DATE' | 'NATION_FOR_LOCAL_DOCUMENT' | 'SINGLE_UNIT_LEVEL' | 'AGENCIES_MISSED' | 'NO_ITEMS' | 'MANY_WARNINGS';

export interface QualityFlag {
  code: QualityFlagCode;
  message: string;
}

export interface DocumentQuality {
  docNumber: string | null;
  issuedOn: string | null;
  status: PolicyStatus | null;
  /** Name of the jurisdiction the document was placed under, '' when unknown. */
  jurisdictionName: string;
  levels: LevelCount[];
  /** Work items (kind 'item') with agencies, targets or a deadline, on the item or one of its measures. */
  itemsWith: { agencies: number; targets: number; deadlines: number };
  /** Messages per code, most frequent first. */
  warningsByCode: { code: string; count: number }[];
  flags: QualityFlag[];
}

export interface QualityOptions {
  /** A title longer than this reads like body text. @default 60 */
  maxTitleLength?: number;
  /** More warnings than this and than the document has units is "many". @default 20 */
  manyWarnings?: number;
}

/** "（三）" → "（一）", "12." → "1.", "⑤" → "①", "第三章" → "第一章": the style, not the number. */
export function numberingStyleOf(key: string): string {
  const style = key
    .trim()
    .replace(/[(]/gu, '（')
    .replace(/[)]/gu, '）')
    .replace(/．/gu, '.')
    .replace(/[一二三四五六七八九十百千零〇两]+/gu, '一')
    .replace(/[0-9０-９]+/gu, '1')
    .replace(/[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/gu, '①');
  return style === '' ? '(unnumbered)' : style;
}

function levelsOf(tasks: readonly ParsedTask[]): LevelCount[] {
  const levels: LevelCount[] = [];
  for (const task of tasks) {
    const style = numberingStyleOf(task.key);
    const level = levels.find((each) => each.depth === task.depth && each.style === style);
    if (level) level.count++;
    else levels.push({ depth: task.depth, style, count: 1 });
  }
  return levels.sort((a, b) => a.depth - b.depth);
}

/** An item counts as having agencies (targets, a deadline) when it or one of its measures has them. */
function itemsWith(tasks: readonly ParsedTask[]): DocumentQuality['itemsWith'] {
  const byPath = new Map(tasks.map((task) => [task.path, task]));
  const found = { agencies: new Set<string>(), targets: new Set<string>(), deadlines: new Set<string>() };
  for (const task of tasks) {
    // The item this task belongs to: itself, or the nearest item above a measure.
    let item: ParsedTask | undefined = task;
    while (item && item.kind !== 'item') item = item.kind === 'measure' && item.parentPath ? byPath.get(item.parentPath) : undefined;
    if (!item) continue;
    if (task.agencies.length > 0) found.agencies.add(item.path);
    if (task.targets.length > 0) found.targets.add(item.path);
    if (task.deadline !== null) found.deadlines.add(item.path);
  }
  return { agencies: found.agencies.size, targets: found.targets.size, deadlines: found.deadlines.size };
}

function warningsByCode(doc: IngestDoc): DocumentQuality['warningsByCode'] {
  const counts = new Map<string, number>();
  for (const message of doc.messages) counts.set(message.code, (counts.get(message.code) ?? 0) + 1);
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/**
 * Why a title reads like body text rather than a title, or null. Titles of government documents
 * are noun phrases ("关于…的实施方案"); a sentence has 。or ，, a preamble opens with 根据/为/按照
 * ("根据《…》精神，…"), and a date or document number whose digits were lost ("年月日", "〔〕")
 * is the signature or a citation, not the title.
 */
function titleProblem(title: string, sourcePath: string, maxLength: number): string | null {
  const trimmed = title.trim();
  const file = basename(sourcePath);
  if (trimmed === '') return 'the title is empty';
  if (trimmed === sourcePath || trimmed === file || trimmed === basename(file, extname(file))) return 'the title is the file name';
  const sentence = /[。，,；]/u.exec(trimmed);
  if (sentence) return `the title reads like body text (contains ${sentence[0]})`;
  if (/^(根据|按照|为)/u.test(trimmed))
    return `the title reads like body text (starts with ${/^(根据|按照|为)/u.exec(trimmed)?.[1] ?? ''})`;
  if (/年月日|〔〕/u.test(trimmed)) return 'the title holds a date or document number without its digits (年月日, 〔〕)';
  if (trimmed.length > maxLength) return `the title is ${trimmed.length} characters long`;
  return null;
}

/** Words that follow a place name to make a local government or one of its bodies: 三明市人民政府, 三明市卫生健康委员会. */
const GOVERNMENT_BODY =
  /人民政府|(?:卫生健康|卫生和计划生育)?委员会|卫健委|卫计委|医疗保障局|医保局|(?:深化医药卫生体制改革|医改)领导小组/gu;
/** Longest jurisdiction name in GB/T 2260 (双江拉祜族佤族布朗族傣族自治县). */
const LONGEST_PLACE = 15;

let localPlaceNames: Set<string> | null = null;

/** The first local government (or body of one) the text names, e.g. "三明市人民政府", or null. */
export function localGovernmentNamed(text: string): string | null {
  localPlaceNames ??= new Set(
    allJurisdictions()
      .filter((node) => node.id !== NATION_ID)
      .map((node) => node.name),
  );
  for (const match of text.matchAll(GOVERNMENT_BODY)) {
    const end = match.index;
    for (let length = Math.min(LONGEST_PLACE, end); length >= 2; length--) {
      const place = text.slice(end - length, end);
      if (localPlaceNames.has(place)) return `${place}${match[0]}`;
    }
  }
  return null;
}

/**
 * How task lists assign agencies (responsibility-notes.ts): a 责任单位/牵头单位/配合单位 column or
 * label, or a bracket after the task, "（市卫健委负责）", "（市医保局牵头，市财政局配合）".
 */
const AGENCY_ASSIGNMENT = new RegExp(
  `${RESPONSIBILITY_LABEL}|负责(?:单位|部门)|[（(][^（）()。]{2,60}(?:负责|牵头)[^（）()。]{0,60}[）)]`,
  'gu',
);

function agencyAssignments(text: string): number {
  return [...text.matchAll(AGENCY_ASSIGNMENT)].length;
}

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;

function flagsOf(
  doc: IngestDoc,
  quality: Omit<DocumentQuality, 'flags'>,
  { maxTitleLength, manyWarnings }: Required<QualityOptions>,
): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const tasks = doc.tasks ?? [];
  const text = doc.normalised?.text ?? doc.source.sourceText;
  const title = titleProblem(doc.meta?.title ?? '', doc.source.path, maxTitleLength);
  if (title) flags.push({ code: 'TITLE_LIKE_BODY', message: title });
  if (!quality.issuedOn) flags.push({ code: 'NO_DATE', message: 'no date' });
  if (doc.meta?.jurisdictionId === NATION_ID) {
    const local = localGovernmentNamed(text);
    if (local)
      flags.push({ code: 'NATION_FOR_LOCAL_DOCUMENT', message: `placed under the nation (${NATION_ID}) although the text names ${local}` });
  }
  for (const level of quality.levels) {
    // One attachment (附件) is common; one 一、 or one （一） means the numbering was misread.
    if (level.count === 1 && !level.style.startsWith('附件'))
      flags.push({ code: 'SINGLE_UNIT_LEVEL', message: `level ${level.style} (depth ${level.depth}) has a single unit` });
  }
  const items = tasks.filter((task) => task.kind === 'item').length;
  // Headings with nothing under them but sub-measures: the numbered rows or paragraphs were misread.
  if (items === 0 && tasks.length > 0)
    flags.push({ code: 'NO_ITEMS', message: `no work items among ${tasks.length} units (only headings and sub-measures)` });
  const assignments = agencyAssignments(text);
  if (items > 0 && quality.itemsWith.agencies * 2 < items && assignments >= 3) {
    flags.push({
      code: 'AGENCIES_MISSED',
      message: `${percent(items - quality.itemsWith.agencies, items)} of items have no agency although the text assigns agencies ${assignments} times (责任单位/牵头/负责)`,
    });
  }
  const warnings = doc.messages.length;
  if (warnings > manyWarnings && warnings > tasks.length) {
    flags.push({ code: 'MANY_WARNINGS', message: `${warnings} warnings for ${tasks.length} units` });
  }
  return flags;
}

/** The quality of a processed document (after link), for the ingest report. */
export function assessQuality(doc: IngestDoc, { maxTitleLength = 60, manyWarnings = 20 }: QualityOptions = {}): DocumentQuality {
  const tasks = doc.tasks ?? [];
  const jurisdictionId = doc.meta?.jurisdictionId ?? '';
  const quality = {
    docNumber: doc.meta?.docNumber ?? null,
    issuedOn: doc.meta?.issuedOn ?? null,
    status: doc.meta?.status ?? null,
    jurisdictionName: jurisdictionById(jurisdictionId)?.name ?? '',
    levels: levelsOf(tasks),
    itemsWith: itemsWith(tasks),
    warningsByCode: warningsByCode(doc),
  };
  return { ...quality, flags: flagsOf(doc, quality, { maxTitleLength, manyWarnings }) };
}

export interface FormatQualityOptions {
  /** Work items in the document, the whole the shares are taken of. */
  items: number;
  /** Warning kinds named before "+N more". @default 4 */
  topWarnings?: number;
}

/**
 * The report's lines after the document's first line, indented so that only the first line starts
 * with ✓: metadata and units, shares and warnings, then one ⚠ line per flag.
 */
export function formatQuality(quality: DocumentQuality, { items, topWarnings = 4 }: FormatQualityOptions): string[] {
  const duplicated = new Set(
    quality.levels.filter((level, i) => quality.levels.findIndex((other) => other.style === level.style) !== i).map((level) => level.style),
  );
  const units = quality.levels
    .map((level) => `${level.style}×${level.count}${duplicated.has(level.style) ? `@${level.depth}` : ''}`)
    .join(' ');
  const meta = [quality.docNumber ?? 'no doc number', quality.issuedOn ?? 'no date', quality.status ?? 'no status'].join(' · ');
  const shown = quality.warningsByCode.slice(0, topWarnings).map(({ code, count }) => `${code}×${count}`);
  const hidden = quality.warningsByCode.length - shown.length;
  const warnings = shown.length === 0 ? 'none' : `${shown.join(' ')}${hidden > 0 ? ` +${hidden} more kinds` : ''}`;
  const { agencies, targets, deadlines } = quality.itemsWith;
  return [
    `  ${meta} · units ${units || 'none'}`,
    `  items with agencies ${percent(agencies, items)} · targets ${percent(targets, items)} · deadlines ${percent(deadlines, items)} · warnings ${warnings}`,
    ...quality.flags.map((flag) => `  ⚠ ${flag.message}`),
  ];
}
