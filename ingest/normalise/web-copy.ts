/**
 * @module Text as people get it from government websites. A page's inline elements — a number, a
 * year, a bracket, a quotation mark, each in its own <span> — come out of copy-and-paste or a crawler
 * as lines of their own:
 *   "（明委发〔\n2017\n〕\n14\n号）"  "现将《\n2020\n年卫生健康工作…》"  "三明市卫生\n健康委员会\n20\n20\n年\n4\n月\n23\n日"
 * and a page flattened the other way puts a whole body on one line with its numbering inline:
 *   "…制定本方案。一、总体要求（一）指导思想。以…。（二）基本原则。…二、重点任务…"
 * These functions put such text back into the paragraphs a reader sees, keeping every offset.
 */
import { BODY_SUFFIX, DATE_LINE, SIGNATURE_LINE } from '../conventions.js';
import { concat, inserted, slice, type MappedText } from './mapped-text.js';
import { CN_NUMERAL, CN_SMALL_NUMERAL, markerAt, type NumberStyle } from './numbering.js';

export interface SourceLine {
  line: MappedText;
  /** A blank line (or removed furniture) came before it. */
  afterBlank: boolean;
}

const HAS_IDEOGRAPH = /[\u4e00-\u9fff]/u;
/** "— 3 —", "- 12 -": a page number, never part of a sentence. */
const DASHED_PAGE_NUMBER = /^[-—–－─]+ *\d{1,4} *[-—–－─]+$/u;
/** A run of inline text with no Chinese in it: "2017", "〕", "“", "3+1", "C-DRG", "≥95%". */
export function isInlineFragment(text: string): boolean {
  return text !== '' && text.length <= 20 && !text.includes('\t') && !HAS_IDEOGRAPH.test(text) && !DASHED_PAGE_NUMBER.test(text);
}

/** A number split from what it counts: "2014" then "年…", "131" then "号", "〔" then "2014". */
const UNIT_AFTER_NUMBER = /^[年月日号〕）》”%％个家张名所项万元亿倍岁天次人批类种条]/u;
const OPENS_INLINE = /[〔（《“‘【]$/u;
/** What cannot begin a paragraph: closing punctuation, "前" of "5日前", "起" of "1日起" … */
const CANNOT_START = /^[、，。；：！？）》”’〕】%％前后起止]/u;
/** Lines complete in themselves: a date, a document number "莆政办〔2014〕131号". */
const COMPLETE_LINE = new RegExp(`${DATE_LINE.source}|^[\\u4e00-\\u9fff]{1,12}〔\\d{4}〕\\d{1,4}号$`, 'u');

/**
 * Is this a page copied from the web? Such pages split numbers from their units on every line that has
 * one ("2020\n年"); two such splits are enough to read bare numbers as text, not as page numbers.
 */
export function looksLikeWebCopy(lines: readonly SourceLine[]): boolean {
  let splits = 0;
  for (let i = 0; i + 1 < lines.length && splits < 2; i++) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i + 1 < lines.length
    const text = lines[i]!.line.text;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i + 1 < lines.length
    if (/^\d{1,4}$/u.test(text) && (UNIT_AFTER_NUMBER.test(lines[i + 1]!.line.text) || OPENS_INLINE.test(lines[i - 1]?.line.text ?? ''))) {
      splits++;
    }
  }
  return splits >= 2;
}

/** Sentence-final punctuation: a line ending so is a paragraph of its own. */
const ENDS_PARAGRAPH = /[。！？；：]$/u;

/** How many lines from `from` spell a whole date ("20","20","年","4","月","23","日" → 7), or 0. */
function dateRunLength(lines: readonly SourceLine[], from: number): number {
  let text = '';
  for (let n = 0; n < 9 && from + n < lines.length; n++) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- from + n < lines.length
    const piece = lines[from + n]!.line.text;
    if (piece.length > 6 || piece.includes('\t')) return 0;
    text += piece;
    if (!/^\d{1,4}(?:年(?:\d{1,2}(?:月(?:\d{1,2}(?:日(?:印发|发布)?)?)?)?)?)?$/u.test(text)) return 0;
    if (DATE_LINE.test(text) && n > 0) {
      const next = lines[from + n + 1]?.line.text ?? '';
      // "2020年4月23日" standing alone, not "…7月5日前报委办公室".
      return /^[前后起至，、,]/u.test(next) ? 0 : n + 1;
    }
  }
  return 0;
}

const joinLines = (parts: readonly SourceLine[]): SourceLine => ({
  line: concat(parts.map((part) => part.line)),
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- callers join two or more lines
  afterBlank: parts[0]!.afterBlank,
});

/** "一" alone in a flattened table's 序号 cell, the section heading in the next cell. */
const BARE_CN_NUMERAL = /^[一二三四五六七八九十]{1,3}$/u;
const isHeadingCell = (text: string) => text.length <= 40 && !/[。；]/u.test(text) && !markerAt(text) && !isInlineFragment(text);

/**
 * GB/T 9704 numbers the levels of a text "一、" "（一）" "1." "（1）", and a heading of a level stands on a
 * line of its own without a closing 。; a 导语 (lead paragraph) may follow it before its first "（一）"
 * ("三、重点任务" then "“十三五”期间，要在……取得新突破。"). The styles most of whose lines are such
 * headings in this document — a title after the marker, short, no 。 — are the styles whose lines stand
 * alone. A marker alone on its line ("1." before its title) is a number split from its unit, not a vote.
 */
function standaloneHeadingStyles(lines: readonly SourceLine[]): Set<NumberStyle> {
  const votes = new Map<NumberStyle, number>();
  for (const { line } of lines) {
    const marker = line.text.includes('\t') ? null : markerAt(line.text);
    if (!marker || line.text.length <= marker.length) continue;
    const heading = !line.text.includes('。') && line.text.length <= 40;
    votes.set(marker.style, (votes.get(marker.style) ?? 0) + (heading ? 1 : -1));
  }
  return new Set([...votes].filter(([, vote]) => vote > 0).map(([style]) => style));
}

/**
 * Rejoins inline runs a web page split onto lines of their own. A fragment is inline — part of the
 * sentence around it — when the line before opens a bracket or quotation, when the line after starts
 * with what it counts (年, 号, 〕, %, 所 …), or when the line before is running prose; then the lines
 * before and after join it. Fragments between short cells of a flattened table ("三甲" "35" "3.5")
 * stay apart. A date spelt over several lines becomes one line that nothing joins, and the signature
 * split over the lines above it ("三明市卫生" "健康委员会") is made whole again.
 */
export function rejoinInlineRuns(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  /** Lines that must stand alone: dates under a signature, a 序号 cell joined to its heading. */
  const closed = new Set<SourceLine>();
  const headingStyles = standaloneHeadingStyles(lines);
  /** "三、重点任务" where this style's lines are headings: a whole heading, not the start of a sentence. */
  const isStandaloneHeading = (text: string) => {
    const marker = markerAt(text);
    return (
      marker !== null && text.length > marker.length && headingStyles.has(marker.style) && !/[，、；。]/u.test(text.slice(marker.length))
    );
  };
  let inlineOpen = false;
  for (let i = 0; i < lines.length; i++) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    const current = lines[i]!;
    const text = current.line.text;
    const next = lines[i + 1]?.line.text ?? '';
    const previous = out.at(-1);
    const above = previous?.line.text ?? '';
    // A date under a signature stands after a paragraph's end or a body's name, never mid-sentence.
    const run = ENDS_PARAGRAPH.test(above) || /^[\u4e00-\u9fff（）]{0,20}$/u.test(above) ? dateRunLength(lines, i) : 0;
    if (run > 0) {
      const date = joinLines(lines.slice(i, i + run));
      mendSignatureAbove(out);
      out.push(date);
      closed.add(date);
      i += run - 1;
      inlineOpen = false;
      continue;
    }
    const joinable =
      previous !== undefined && !closed.has(previous) && !COMPLETE_LINE.test(above) && !above.includes('\t') && !text.includes('\t');
    if (isInlineFragment(text)) {
      const numberedUnit = startsNumberedUnit(lines, i);
      if (joinable && /^\d{1,3}$/u.test(above) && /^[.．、]$/u.test(text)) {
        // "21" "." "巩固…": the full stop of a number standing on its own line.
        out[out.length - 1] = joinLines([previous, current]);
        inlineOpen = true;
        continue;
      }
      const inline =
        !numberedUnit &&
        (OPENS_INLINE.test(above) ||
          closesOpenBracket(above, text) ||
          UNIT_AFTER_NUMBER.test(next) ||
          // Running prose around it, not the short cells of a table.
          (above.length > 12 && /[，、；]/u.test(above) && !ENDS_PARAGRAPH.test(above) && !(/\d$/u.test(above) && /^\d/u.test(text))));
      if (joinable && inline && !ENDS_PARAGRAPH.test(above)) out[out.length - 1] = joinLines([previous, current]);
      else out.push(current);
      inlineOpen = inline || numberedUnit;
      continue;
    }
    if (joinable && BARE_CN_NUMERAL.test(above) && isHeadingCell(text)) {
      // "一" then "强化县域内资源统筹和布局优化": read as "一 强化…", a numbered heading (see numbering.ts).
      const heading = {
        line: concat([previous.line, inserted(' ', current.line.offsets[0] ?? 0), current.line]),
        afterBlank: previous.afterBlank,
      };
      out[out.length - 1] = heading;
      closed.add(heading);
      inlineOpen = false;
      continue;
    }
    const joins: boolean =
      joinable &&
      !markerAt(text) &&
      !ENDS_PARAGRAPH.test(above) &&
      (inlineOpen ||
        OPENS_INLINE.test(above) ||
        CANNOT_START.test(text) ||
        // "推进\n“三医联动”综合改革": a quotation opened its own span mid-sentence — unless the line above is a
        // heading standing alone, and the quotation opens its lead paragraph.
        (/^[“‘《〔]/u.test(text) && !isStandaloneHeading(above)));
    if (joins && previous) out[out.length - 1] = joinLines([previous, current]);
    else out.push(current);
    // "年", "月" between the numbers of a date keep the run open for the number after them.
    inlineOpen = joins && text.length <= 2 && isInlineFragment(next);
  }
  return out;
}

const PAIRS: Record<string, string> = { '〕': '〔', '）': '（', '》': '《', '”': '“', '】': '【' };
/** "莆政办〔2014" then "〕": the fragment closes a bracket the line before left open. */
function closesOpenBracket(above: string, fragment: string): boolean {
  const closer = fragment.charAt(0);
  const opener = PAIRS[closer];
  if (!opener) return false;
  return above.split(opener).length > above.split(closer).length;
}

/** "1" followed by "．落实…": a number split from its own full stop starts a unit. */
function startsNumberedUnit(lines: readonly SourceLine[], i: number): boolean {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- callers pass the index of a line
  const text = lines[i]!.line.text;
  const next = lines[i + 1]?.line.text ?? '';
  if (markerAt(text)) return true;
  return /^\d{1,3}$/u.test(text) && /^[.．、](?!\d)/u.test(next);
}

/** A body's name split over short lines above its date: join the pieces that are not a name on their own. */
function mendSignatureAbove(out: SourceLine[]) {
  for (let k = out.length - 1; k >= 1; k--) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 1 <= k < out.length
    const lower = out[k]!.line.text;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 1 <= k < out.length
    const upper = out[k - 1]!.line.text;
    if (lower.length > 20 || upper.length > 20 || /[，。；：、\t]/u.test(upper + lower)) return;
    if (SIGNATURE_LINE.test(upper) || !SIGNATURE_LINE.test(upper + lower)) continue;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 1 <= k < out.length
    out.splice(k - 1, 2, joinLines([out[k - 1]!, out[k]!]));
  }
}

/** Strong markers that can open a unit in the middle of a flattened line. */
const INLINE_MARKER = new RegExp(
  `第${CN_NUMERAL}[部章节条]|${CN_SMALL_NUMERAL}、|（${CN_SMALL_NUMERAL}）|(?<![\\d.])\\d{1,2}[.、](?!\\d)|（\\d{1,2}）`,
  'gu',
);
/** Where a new unit may start inside a flattened line: after a sentence or a closed bracket. */
const UNIT_MAY_FOLLOW = /[。！？；：〕）]$/u;
/** A flattened body: a line this long holding several units. */
const FLATTENED_LENGTH = 300;

/**
 * Splits a line that holds a whole flattened body before each marker that continues the numbering
 * (一、 after 一、 is 二、; a new, deeper style starts at 1) and stands where a unit may start: after
 * a sentence, or right after a heading just opened ("二、重点任务（一）…"). Quoted text is skipped.
 */
export function splitFlattenedLine(line: MappedText): MappedText[] {
  if (line.text.length < FLATTENED_LENGTH || line.text.includes('\t')) return [line];
  const cuts: number[] = [];
  const stack: { style: NumberStyle; value: number }[] = [];
  const first = markerAt(line.text);
  if (first) stack.push({ style: first.style, value: first.value });
  let lastCut = 0;
  for (const match of line.text.matchAll(INLINE_MARKER)) {
    const at = match.index;
    if (at === 0 || insideQuote(line.text, at)) continue;
    const marker = markerAt(line.text.slice(at));
    if (!marker) continue;
    const before = line.text.slice(0, at);
    const afterHeading = at - lastCut <= 30 && !/[。；]/u.test(line.text.slice(lastCut, at));
    if (!UNIT_MAY_FOLLOW.test(before) && !(afterHeading && marker.value === 1)) continue;
    const level = stack.findIndex((entry) => entry.style === marker.style);
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- level is an index findIndex found
    if (level >= 0 ? marker.value !== stack[level]!.value + 1 : marker.value !== 1) continue;
    if (level >= 0) stack.splice(level);
    stack.push({ style: marker.style, value: marker.value });
    cuts.push(at);
    lastCut = at;
  }
  if (cuts.length < 2) return [line];
  const pieces: MappedText[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(slice(line, start, cut));
    start = cut;
  }
  pieces.push(slice(line, start));
  return pieces.filter((piece) => piece.text !== '');
}

/** Inside 《…》 or “…”: a title or a quotation, whose numbers are not the document's own. */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const open = (o: string, c: string) => before.split(o).length - before.split(c).length > 0;
  return open('《', '》') || open('“', '”');
}

/**
 * A page flattened to one line keeps its block boundaries as spaces: "…请认真贯彻执行。 绵阳市人民政府办公室
 * 2020年6月12日 绵阳市…重点工作任务 一、总体要求（一）…". In a line that long, a gap between two
 * Chinese characters is such a boundary (spaces inside a sentence are removed anyway); a marker
 * standing alone before a gap ("第一章  基础条件") keeps its heading. A page that kept no gap still
 * shows where its cover notice is signed (see RUN_ON_SIGNATURE).
 */
export function splitFlattenedBlocks(line: MappedText): MappedText[] {
  if (line.text.length < FLATTENED_LENGTH || line.text.includes('\t')) return [line];
  const pieces: MappedText[] = [];
  let start = 0;
  // Between two Chinese characters, or before the date under a signature ("办公室 2020年6月12日").
  for (const gap of line.text.matchAll(/(?<=\P{ASCII})[ \u3000]+(?=\P{ASCII}|\d{4}年\d{1,2}月\d{1,2}日)/gu)) {
    const before = line.text.slice(start, gap.index);
    const marker = markerAt(before);
    if (marker && marker.length >= before.length) continue;
    pieces.push(slice(line, start, gap.index));
    start = gap.index + gap[0].length;
  }
  pieces.push(slice(line, start));
  const blocks = pieces.flatMap(splitRunOnSignature);
  return blocks.length >= 3 ? blocks : [line];
}

/**
 * A signature run into the text around it, where a page lost its line breaks and left no gap: "…请结合实际
 * 认真贯彻落实。滨州市人民政府办公室2024年11月21日（此件公开发布）滨州市…若干措施为贯彻落实…". GB/T 9704 sets the
 * issuing body's name (发文机关署名), the date (成文日期) and the note on publication (附注, "（此件公开发布）") each on a
 * line of its own under the notice's last sentence, and the plan the notice names in 《》 follows under its title.
 * So a body's name right after a sentence's end and right before a full date is that block when the note follows
 * the date, or the plan's title does; not in a sentence that goes on ("。县医保局2023年12月31日前完成清算").
 */
const RUN_ON_SIGNATURE = new RegExp(
  `(?<=[。！])([\\u4e00-\\u9fff]{2,40}?${BODY_SUFFIX})(\\d{4}年\\d{1,2}月\\d{1,2}日)(（此件[^（）]{2,10}）)?`,
  'gu',
);

/** The piece cut before and after each part of a run-on signature block (RUN_ON_SIGNATURE). */
function splitRunOnSignature(piece: MappedText): MappedText[] {
  const cuts = new Set<number>();
  for (const match of piece.text.matchAll(RUN_ON_SIGNATURE)) {
    const [whole, name = '', date = '', note] = match;
    const end = match.index + whole.length;
    const named = [...piece.text.slice(0, match.index).matchAll(/《([^《》]{4,60})》/gu)].map((title) => title[1] ?? '');
    if (note === undefined && !named.some((title) => piece.text.startsWith(title, end))) continue;
    for (const at of [match.index, match.index + name.length, match.index + name.length + date.length, end]) cuts.add(at);
  }
  if (cuts.size === 0) return [piece];
  const pieces: MappedText[] = [];
  let start = 0;
  for (const cut of [...cuts, piece.text.length].sort((a, b) => a - b)) {
    if (cut > start) pieces.push(slice(piece, start, cut));
    start = Math.max(start, cut);
  }
  return pieces;
}

/**
 * A heading run on into its first sub-heading: "一、重点任务（一）加快推进分级诊疗。" — the short heading
 * after the first marker, with no punctuation, and a marker numbered 1 right after it. Or into its first
 * sentence, when the heading is one of a plan's standard parts (PART_HEADING).
 */
export function splitHeadingRunOn(line: MappedText): MappedText[] {
  const marker = markerAt(line.text);
  if (!marker || line.text.includes('\t')) return [line];
  const rest = line.text.slice(marker.length, marker.length + 32);
  for (const match of rest.matchAll(INLINE_MARKER)) {
    if (match.index < 2 || /[，。；：、,]/u.test(rest.slice(0, match.index))) break;
    const inner = markerAt(rest.slice(match.index));
    if (inner?.value === 1 && inner.style !== marker.style) {
      const at = marker.length + match.index;
      return [slice(line, 0, at), slice(line, at)];
    }
  }
  const part = PART_HEADING.exec(rest)?.[0];
  // What follows is a sentence, not the rest of a longer heading ("主要任务分工如下：", "重点工作完成情况和存在问题"):
  // a clause of six characters or more, and a sentence's punctuation after it.
  const after = part === undefined ? '' : line.text.slice(marker.length + part.length);
  const clause = /^[^，。；：、,;:]*/u.exec(after)?.[0] ?? '';
  if (part === undefined || clause.length < 6 || !/[，。；,;]/u.test(after)) return [line];
  return [slice(line, 0, marker.length + part.length), slice(line, marker.length + part.length)];
}

/**
 * The standard parts of a plan or an opinion (方案, 意见), each headed on a line of its own: 总体要求 (指导思想, 基本
 * 原则, 工作目标), 重点任务 or 主要措施, 保障措施 or 组织实施. A page that lost its line breaks runs such a heading into
 * its first sentence ("一、总体要求深入贯彻党的二十大…", "三、保障措施加强组织领导，…"), which made the sentence the
 * unit's title. Not when the heading goes on ("重点任务和措施", "工作目标：", "总体要求是…").
 */
const PART_HEADING =
  /^(?:总体要求|总体目标|指导思想|基本原则|工作原则|工作目标|主要目标|发展目标|重点任务|主要任务|工作任务|重点工作|主要措施|重点措施|具体措施|工作措施|保障措施|组织保障|组织实施|工作要求|实施步骤|工作步骤|进度安排|时间安排|职责分工|任务分工)(?![和与及、，。；：:,;\s是为的（(])/u;

/** "7" then "．加强…": an item's number split from its full stop, in any document (not only a web page's). */
export function joinSplitNumbers(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const current of lines) {
    const previous = out.at(-1);
    if (previous && /^\d{1,3}$/u.test(previous.line.text) && /^[.．、](?!\d)/u.test(current.line.text)) {
      out[out.length - 1] = joinLines([previous, current]);
    } else {
      out.push(current);
    }
  }
  return out;
}

/** "目录" / "目  录" followed by the headings the body repeats: the table of contents. */
const CONTENTS_HEADING = /^目 *录$/u;

/** Strips dot leaders and page numbers from a contents entry: "第一章 总体要求……3" → "第一章总体要求". */
const contentsEntry = (text: string) => text.replace(/[.…·—\-\s]*\d*$/u, '').replace(/\s/gu, '');

/**
 * Removes a table of contents: from a "目录" line up to the line where its first entry appears again
 * as the body's first heading. Nothing is removed unless the first entry does appear again.
 */
export function removeContents(lines: readonly SourceLine[]): { lines: SourceLine[]; removed: SourceLine[] } {
  const at = lines.findIndex((entry) => CONTENTS_HEADING.test(entry.line.text));
  const firstEntry = lines[at + 1];
  if (at < 0 || !firstEntry) return { lines: [...lines], removed: [] };
  const key = contentsEntry(firstEntry.line.text);
  if (key === '') return { lines: [...lines], removed: [] };
  const bodyStart = lines.findIndex((entry, i) => i > at + 1 && contentsEntry(entry.line.text) === key);
  if (bodyStart < 0) return { lines: [...lines], removed: [] };
  return { lines: [...lines.slice(0, at), ...lines.slice(bodyStart)], removed: lines.slice(at, bodyStart) };
}

/**
 * Chrome of a government web page kept by copy-and-paste: font-size switches, print and close links. The
 * article's source ("来源：…", as "文章来源：…") is kept: it is the information line the segment stage reads
 * the page's publisher from (metadata.ts, PAGE_SOURCE).
 */
export const WEB_PAGE_CHROME =
  /^(?:【?字体[：:].{0,12}|【?打印(?:本页|此页)?】?|【?关闭(?:窗口|本页)?】?|分享到[：:]?.{0,30}|扫一扫.{0,20}|(?:浏览|访问|阅读)(?:次数|量)[：:].{0,12}|发布时间[：:].{0,30}|责任编辑[：:].{0,12}|【?(?:返回顶部|收藏|纠错)】?)$/u;
