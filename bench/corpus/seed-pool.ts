/**
 * @module The raw material of the synthetic corpus: task-like paragraphs, section headings and
 * agency names cut out of the seed documents with a deliberately simple splitter of our own (the
 * segment stage is what is being measured, so the corpus must not be built with it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { END_MATTER } from '../../ingest/conventions.js';
import { allJurisdictions, NATION_ID } from '../../ingest/resolve/jurisdiction-registry.js';
import { RESPONSIBILITY_NOTE } from '../../ingest/responsibility-notes.js';

/** Placeholders for the seed's own place, filled with the synthetic jurisdiction's name. */
export const PLACE_FULL = '\u0001';
export const PLACE_SHORT = '\u0002';

export interface SeedPool {
  /** Short topic headings ("加强公共卫生体系建设"), without their number. */
  headings: string[];
  /** Work-item paragraphs: one or more sentences, without number or responsibility note. */
  items: string[];
  /** Sub-measure sentences (from ①② lists and table cells). */
  measures: string[];
  /** Agency names without their level prefix, most frequent first ("卫生健康委", "医保局"). */
  agencies: string[];
}

/** Agencies every health-reform task list names, in case the seeds' notes yield too few. */
const COMMON_AGENCIES = [
  '卫生健康委',
  '医保局',
  '财政局',
  '人力资源社会保障局',
  '发展改革委',
  '市场监管局',
  '民政局',
  '教育局',
  '科技局',
  '工业和信息化局',
  '数据资源局',
  '中医药管理局',
  '药品监管局',
  '审计局',
];

const AGENCY_END = /(?:委员会|委|局|办公室|办|院|中心|部|会|署|站|所|队)$/u;
const MARKER =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*/u;
const CN_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/u;
/** The note closing a task: "（责任单位：县卫生健康委）", "（市发展改革委、市卫健委按职责分工负责）". */
const RESPONSIBILITY_NOTE_AT_END = new RegExp(`[（(]([^（）()]*(?:${RESPONSIBILITY_NOTE.source})[^（）()]*)[）)]\\s*$`, 'u');

function decode(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\ufffd') ? iconv.decode(bytes, 'gb18030') : utf8;
}

function shortNameOf(name: string): string | null {
  const match = /^(.{2,}?)(?:自治县|自治州|地区|县|市|区|旗|盟)$/u.exec(name);
  return match?.[1] ?? null;
}

/** The seed's own places: registry names its text uses three times or more, full names first. */
function homePlaces(text: string): { full: string[]; short: string[] } {
  const full = new Set<string>();
  const short = new Set<string>();
  for (const node of allJurisdictions()) {
    if (node.id === NATION_ID || node.level === 'province') continue;
    const shortName = shortNameOf(node.name);
    if (!shortName) continue;
    let count = 0;
    for (let at = text.indexOf(shortName); at >= 0 && count < 3; at = text.indexOf(shortName, at + 1)) count += 1;
    // A short name that is also a common word (资源 of 资源县 in 人力资源) counts only when the full name is used too.
    if (count >= 3 && text.includes(node.name)) {
      full.add(node.name);
      short.add(shortName);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  return { full: [...full].sort(byLength), short: [...short].sort(byLength) };
}

function withPlaceholders(text: string, places: { full: string[]; short: string[] }): string {
  let out = text;
  for (const name of places.full) out = out.split(name).join(PLACE_FULL);
  for (const name of places.short) out = out.split(name).join(PLACE_SHORT);
  return out;
}

function agenciesIn(note: string): string[] {
  const body = note.replace(/^.*?[：:]/u, '').replace(/(?:按职责分工负责|按职责分工|分别负责|负责|等)$/u, '');
  return body
    .split(/[、，,；;和及]/u)
    .map((name) =>
      name
        .replace(/^(?:牵头单位|配合单位|责任单位|牵头|配合|参与)[：:]?/u, '')
        .replace(/(?:牵头|配合|参与)$/u, '')
        .trim(),
    )
    .map((name) => name.replace(/^(?:县|市|区|省)/u, ''))
    .filter(
      (name) => name.length >= 2 && name.length <= 12 && AGENCY_END.test(name) && !/^[各全本我]/u.test(name) && !/[（(）)]/u.test(name),
    );
}

/** Paragraphs of one seed: prose lines, table cells, and ①② fragments inside them. */
function fragmentsOf(text: string): { text: string; heading: boolean; measure: boolean; note: string | null }[] {
  const clean = text.replace(/<\/?p>/gu, '\n').replace(/[ \u3000]+/gu, ' ');
  const out: { text: string; heading: boolean; measure: boolean; note: string | null }[] = [];
  for (const line of clean.split(/\r?\n/u)) {
    for (const cell of line.split('\t')) {
      const parts = cell.split(/(?=[\u2460-\u2473])/u);
      parts.forEach((part) => {
        let fragment = part.trim();
        if (fragment === '') return;
        const measure = /^[\u2460-\u2473]/u.test(fragment);
        const heading = CN_HEADING.test(fragment) && !/[。；]/u.test(fragment) && fragment.length <= 40;
        fragment = fragment.replace(MARKER, '');
        const note = RESPONSIBILITY_NOTE_AT_END.exec(fragment);
        if (note) fragment = fragment.slice(0, note.index).trim();
        out.push({ text: fragment, heading, measure, note: note?.[1] ?? null });
      });
    }
  }
  return out;
}

/** Text we cannot place in a task without it reading as something else. */
function usable(text: string): boolean {
  return (
    !END_MATTER.test(text) &&
    // A report form's "填报单位：", an unbracketed "此件…", and the openings of a preamble.
    !/^(?:填报|此件|各|现将|根据|为贯彻|为深入|按照)/u.test(text) &&
    !/[〔〕]|_{2,}|@|\t/u.test(text) &&
    !/[\u2460-\u2473]/u.test(text) &&
    // A responsibility note or agency list in mid-paragraph belongs to the task before it.
    !/[（(][^（）()]*(?:负责|责任单位|牵头|局|委|办)[、，）)]/u.test(text) &&
    // Inline numbering would be read as outline units: "（1）", "1." at a line start after a stray break.
    !/[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|^\d/u.test(text)
  );
}

export function loadSeedPool(seedsDir: string): SeedPool {
  const headings = new Set<string>();
  const items = new Set<string>();
  const measures = new Set<string>();
  const agencyCounts = new Map<string, number>();
  const files = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const text = decode(readFileSync(join(seedsDir, file)));
    const places = homePlaces(text);
    for (const fragment of fragmentsOf(text)) {
      if (fragment.note) for (const agency of agenciesIn(fragment.note)) agencyCounts.set(agency, (agencyCounts.get(agency) ?? 0) + 1);
      const body = withPlaceholders(fragment.text, places);
      if (!usable(body)) continue;
      if (fragment.heading) {
        if (body.length >= 4 && body.length <= 30 && !/[，。：:,（(\d]/u.test(body)) headings.add(body);
      } else if (fragment.measure && body.length >= 12 && body.length <= 240) measures.add(body);
      else if (body.length >= 24 && body.length <= 420 && body.includes('。')) {
        items.add(body);
        // Sentences of long items double as sub-measures.
        for (const sentence of body.split(/(?<=。)/u)) if (sentence.length >= 16 && sentence.length <= 160) measures.add(sentence);
      }
    }
  }
  const counted = [...agencyCounts.keys()];
  // "社会保障局" cut from "人力资源和社会保障局" by the split on 和 is not a name of its own.
  const agencies = [...agencyCounts.entries()]
    .filter(([name]) => !counted.some((other) => other !== name && other.endsWith(name)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
  for (const name of COMMON_AGENCIES) if (!agencies.includes(name)) agencies.push(name);
  if (headings.size < 10 || items.size < 40) {
    throw new Error(`the seeds in ${seedsDir} gave too little to recombine (${headings.size} headings, ${items.size} items)`);
  }
  return { headings: [...headings], items: [...items], measures: [...measures], agencies };
}
