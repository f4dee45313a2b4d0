/**
 * @module normalise: sourceText → NormalisedText, without destroying anything a reader needs and with
 * an offset for every character back into the source. Order of operations: characters (width, brackets)
 * → markup → lines → page furniture → table repair → sentence rejoining → noise warnings.
 */
import type { IngestMessage, NormalisedDoc, NormalisedText, ReadDoc } from '../document.js';
import {
  concat,
  inserted,
  joinMapped,
  mappedFrom,
  replaceMatches,
  slice,
  splitMapped,
  trimMapped,
  type MappedText,
} from './mapped-text.js';
import { markerAt, type NumberStyle } from './numbering.js';
import { isTraditional, simplified } from './traditional-script.js';
import { AGENCY_LABEL_LINE, AGENCY_PARAGRAPH, DATE_LINE, END_MATTER, SITE_FURNITURE, SIGNATURE_LINE, TITLE_END } from '../conventions.js';
import {
  joinSplitNumbers,
  looksLikeWebCopy,
  rejoinInlineRuns,
  removeContents,
  splitFlattenedBlocks,
  splitFlattenedLine,
  splitHeadingRunOn,
  WEB_PAGE_CHROME,
  type SourceLine,
} from './web-copy.js';

type Warn = (offset: number, code: string, message: string) => void;

/** Full-width digits and letters become ASCII; both bracket widths become full-width （）for parsing. */
function normaliseCharacters(m: MappedText): MappedText {
  return replaceMatches(
    m,
    /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e()\u3000\u00a0\ufeff\r\f\v\u200b-\u200d\u2028\u2029]/gu,
    (match) => {
      const ch = match[0];
      const code = ch.charCodeAt(0);
      if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
        return String.fromCharCode(code - 0xfee0);
      }
      switch (ch) {
        case '\uff0e':
          return '.';
        case '(':
          return '（';
        case ')':
          return '）';
        case '\u3000':
        case '\u00a0':
          return ' ';
        case '\r':
        case '\u2028':
        case '\u2029':
        case '\f':
        case '\v':
          return '\n';
        default:
          return '';
      }
    },
  );
}

/**
 * A task table copied out of Excel arrives as tab-separated text, and a cell holding a line break (Alt+Enter in
 * the sheet: "1.…；\n2.…") is wrapped in double quotes, its own quotes doubled — the delimited-text convention
 * of RFC 4180 2.6 ("Fields containing line breaks (CRLF), double quotes, and commas should be enclosed in
 * double-quotes"). The quoted break belongs to the cell, not the row: it becomes a space, and the quotes go,
 * one character for one so the offsets stay put.
 */
const QUOTED_MULTILINE_CELL = /(?<=^|\t)"((?:[^"\t]|"")*\n(?:[^"\t]|"")*)"(?=\t|\n|$)/gmu;

function unquoteMultilineCells(m: MappedText): MappedText {
  if (!m.text.includes('\t"')) return m;
  return replaceMatches(m, QUOTED_MULTILINE_CELL, (match) => ` ${(match[1] ?? '').replace(/\n/gu, ' ').replace(/""/gu, '" ')} `);
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ' };

/** Markup left in text exports ("<p>① …</p> <p>② …</p>", "<br>", "&nbsp;") and word-processor bookmarks. */
function removeMarkup(m: MappedText, warn: Warn): MappedText {
  let out = replaceMatches(m, /\[bookmark:[^\]\n]*\]|\{bookmark[^}\n]*\}/giu, (match, offset) => {
    warn(offset, 'bookmark-removed', `removed word-processor bookmark marker "${match[0]}"`);
    return '';
  });
  out = replaceMatches(out, /<\/?(?:p|br|span|div|font|b|i|u|strong|em|sup|sub|o:p|a)\b[^<>\n]*\/?>/giu, (match) =>
    /^<br/iu.test(match[0]) ? ' ' : '',
  );
  return replaceMatches(out, /&(#\d+|#x[0-9a-f]+|[a-z]+);/giu, (match) => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- group 1 is not optional
    const name = match[1]!;
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : null;
    }
    return ENTITIES[name.toLowerCase()] ?? null;
  });
}

/** Characters typeset without spaces around them: CJK ideographs, CJK and full-width punctuation, ①…, quotes. */
const WIDE = '\\u2010-\\u206f\\u2460-\\u24ff\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';

/** "2020 年 9 月" → "2020年9月", "三明市 深化" → "三明市深化"; spaces between Latin words stay. */
function tidySpaces(line: MappedText): MappedText {
  let out = replaceMatches(line, / {2,}/gu, () => ' ');
  out = replaceMatches(out, new RegExp(`(?<=[${WIDE}]) +| +(?=[${WIDE}])`, 'gu'), () => '');
  // Cells keep their tab separators; spaces around a tab are padding.
  out = replaceMatches(out, / *\t */gu, () => '\t');
  return trimMapped(out);
}

/**
 * Co-signatories printed side by side, "三明市卫生健康委员会         三明市发展和改革委员会": each body
 * its own signature line (spaces between Chinese words are removed later, which would fuse them).
 */
function splitCoSignatures(line: MappedText): MappedText[] {
  const pieces: MappedText[] = [];
  let start = 0;
  for (const gap of line.text.matchAll(/[ \u3000]{2,}/gu)) {
    pieces.push(slice(line, start, gap.index));
    start = gap.index + gap[0].length;
  }
  pieces.push(slice(line, start));
  const names = pieces.map((piece) => piece.text.trim()).filter((text) => text !== '');
  return names.length >= 2 && names.every((text) => SIGNATURE_LINE.test(text))
    ? pieces.filter((piece) => piece.text.trim() !== '')
    : [line];
}

/**
 * A row whose only text is in its first cell — a section heading spanning a task table ("一、推进医共体建设"
 * then empty cells), a signature or date exported with the table's tabs — is a line, not a table row.
 */
function withoutEmptyCells(line: MappedText): MappedText {
  const tab = line.text.indexOf('\t');
  if (tab <= 0 || line.text.slice(tab).replace(/[\t ]/gu, '') !== '') return line;
  return slice(line, 0, tab);
}

/**
 * A table a web page's text copy prints with its cells between bars, one row a line:
 * "序号 | 工作任务 | 责任处室 | 完成时限 |", "索引号: | 3070…/2024… | 发布机构: | |". The bars at either
 * end close the row; those between are separators, written as an exported table's are, by tabs (a line
 * of a bar alone is the empty end of a row).
 */
function barredCellsAsTabs(line: MappedText): MappedText {
  const bars = line.text.match(/[|｜]/gu)?.length ?? 0;
  if (bars === 0 || (bars < 2 && !/^\s*[|｜]|[|｜]\s*$/u.test(line.text))) return line;
  const row = replaceMatches(line, /^\s*[|｜]\s*|\s*[|｜]\s*$/gu, () => '');
  return replaceMatches(row, /\s*[|｜]\s*/gu, () => '\t');
}

/** The masthead of a formal document: "…人民政府办公室文件", "…领导小组文件". */
const MASTHEAD_LINE = /^[\u4e00-\u9fff（）]{2,40}文件$/u;

/** Page numbers printed as furniture: "— 3 —", "- 12 -", "第 3 页", "第3页 共10页", "3/10". */
const PAGE_FURNITURE = /^(?:[-—–－─]+ *\d{1,4} *[-—–－─]+|第 *\d{1,4} *页(?: *[，,]? *共 *\d{1,4} *页)?|\d{1,4} *\/ *\d{1,4}|\d{1,4})$/u;

const isTableRow = (line: MappedText) => line.text.includes('\t');

interface Row {
  cells: MappedText[];
  /** Blank line(s) or a removed header before this row: a page may have broken here. */
  afterBreak: boolean;
}

const sameCell = (a: MappedText | undefined, b: MappedText | undefined) =>
  a !== undefined && b !== undefined && a.text !== '' && a.text === b.text;

/**
 * Tables exported page by page repeat their header row and the merged cells that span the break
 * (the section cell "一、坚持整体推进…" and, for an item continued on the next page, its number cell
 * "2. 深化全民健康促进与管理。"). Drop the repeats and rejoin the continued row.
 */
function repairTable(rows: Row[], warn: Warn): MappedText[] {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a table has at least one row
  const header = rows[0]!;
  const kept: Row[] = [header];
  let lastFirstCell: MappedText | undefined;
  let pendingBreak = false;
  for (const row of rows.slice(1)) {
    const isHeaderRepeat =
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- both rows have as many cells
      row.cells.length === header.cells.length && row.cells.every((cell, i) => cell.text === header.cells[i]!.text);
    if (isHeaderRepeat) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- splitMapped gives at least one piece
      warn(row.cells[0]!.offsets[0] ?? 0, 'repeated-table-header', 'removed table header row repeated on a new page');
      pendingBreak = true;
      continue;
    }
    const afterBreak = pendingBreak || row.afterBreak;
    pendingBreak = false;
    const cells = [...row.cells];
    const firstCell = cells[0];
    if (firstCell && sameCell(firstCell, lastFirstCell)) {
      warn(firstCell.offsets[0] ?? 0, 'repeated-table-cell', `removed repeated cell "${firstCell.text.slice(0, 20)}"`);
      cells[0] = slice(firstCell, 0, 0);
    } else if (firstCell && firstCell.text !== '') {
      lastFirstCell = firstCell;
    }
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- kept starts with the header
    const previous = kept[kept.length - 1]!;
    const firstFilled = cells.findIndex((cell) => cell.text !== '');
    const continues = afterBreak && previous !== header && firstFilled >= 0 && sameCell(cells[firstFilled], previous.cells[firstFilled]);
    if (!continues) {
      kept.push({ cells, afterBreak });
      continue;
    }
    // The row continues the previous one: cells equal to the previous row's are repeats; the first
    // differing cell carries on the text cut by the page break.
    const merged: MappedText[] = [];
    let continuing = -1;
    for (let i = 0; i < Math.max(cells.length, previous.cells.length); i++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < cells.length when previous.cells[i] is missing
      const before = previous.cells[i] ?? slice(cells[i]!, 0, 0);
      const after = cells[i] ?? slice(before, 0, 0);
      if (continuing < 0) {
        if (after.text === '' || after.text === before.text) {
          if (after.text !== '') warn(after.offsets[0] ?? 0, 'repeated-table-cell', `removed repeated cell "${after.text.slice(0, 20)}"`);
          merged.push(before);
        } else {
          continuing = i;
          merged.push(concat([before, after]));
        }
      } else if (after.text !== '' || before.text === '') {
        if (after.text === before.text && after.text !== '') {
          warn(after.offsets[0] ?? 0, 'repeated-table-cell', `removed repeated cell "${after.text.slice(0, 20)}"`);
        }
        merged.push(after);
      } else {
        merged.push(before);
      }
    }
    kept[kept.length - 1] = { cells: merged, afterBreak: previous.afterBreak };
  }
  return kept.map((row) => joinMapped(row.cells, '\t'));
}

/** The distribution list of the end matter: "抄送：…", "抄报：…". */
const DISTRIBUTION_LINE = /^(?:抄送|抄报)[:：]/u;
const TERMINAL = /[。！？；：…”’）〕】》」』.!?;:]$/u;
/** Masthead lines stand alone: "…领导小组文件", "…人民政府办公室文件", and the number "明医改组〔2024〕4号". */
const MASTHEAD = /(?:文件|^[\u4e00-\u9fff]{1,12}[〔[［(（]\d{4}[〕\]］)）]\d+号)$/u;

const MEASURE_STYLES: ReadonlySet<NumberStyle> = new Set(['circled', 'arabicParen']);

/** Which numbering styles introduce short headings rather than whole paragraphs in this document. */
function headingStyles(lines: readonly MappedText[]): Set<NumberStyle> {
  const votes = new Map<NumberStyle, number>();
  for (const line of lines) {
    if (isTableRow(line)) continue;
    const marker = markerAt(line.text);
    if (!marker) continue;
    const heading = !line.text.includes('。') && line.text.length <= 40;
    votes.set(marker.style, (votes.get(marker.style) ?? 0) + (heading ? 1 : -1));
  }
  return new Set([...votes].filter(([, vote]) => vote > 0).map(([style]) => style));
}

/** Does line `b` carry on the sentence or item of line `a` (a line or page break in the middle)? */
function continues(a: MappedText, b: MappedText, headings: Set<NumberStyle>): boolean {
  if (isTableRow(a) || isTableRow(b) || a.text === '' || b.text === '') return false;
  if (SITE_FURNITURE.test(a.text) || SITE_FURNITURE.test(b.text)) return false;
  if (markerAt(b.text) || END_MATTER.test(b.text)) return false;
  // "牵头单位：市卫健委；配合单位：市财政局" on a line of its own under a sub-item: a note, whole.
  if (AGENCY_LABEL_LINE.test(a.text) || AGENCY_LABEL_LINE.test(b.text)) return false;
  const aMarker = markerAt(a.text);
  // A note after a sub-measure (①…, （1）…) is its item's, as a table's 责任单位 cell spans the item's rows.
  if (AGENCY_PARAGRAPH.test(b.text))
    return !(aMarker && (headings.has(aMarker.style) ? !a.text.includes('。') : MEASURE_STYLES.has(aMarker.style)));
  if (TERMINAL.test(a.text) || /[A-Za-z]$/u.test(a.text)) return false;
  // GB/T 9704 puts a full stop after the last body of a 抄送 line; a web copy may drop it. The line
  // wraps only inside its list ("抄送：县委办、人大办，\n县政协办。"), never into the plan below it.
  if (DISTRIBUTION_LINE.test(a.text)) return /[，、,]$/u.test(a.text);
  if (MASTHEAD.test(a.text) || MASTHEAD.test(b.text)) return false;
  if (aMarker) return !headings.has(aMarker.style);
  if (TITLE_END.test(a.text)) return false;
  return /[，、；。]/u.test(a.text) || a.text.length >= 25;
}

const LATIN_IN_CHINESE = /(?<=[\u4e00-\u9fff]（?)([a-z]{2,})(?=）?[\u4e00-\u9fff])/gu;

/** The normalise stage. */
export function normaliseDoc(doc: ReadDoc): NormalisedDoc {
  const messages: IngestMessage[] = [];
  const warn: Warn = (offset, code, message) => messages.push({ offset, code, message });

  let m = mappedFrom(doc.source.sourceText);
  if (isTraditional(m.text)) {
    const before = m.text;
    // Han runs only, each converted one character for one: every offset stays that of the file's character.
    m = replaceMatches(m, /\p{Script=Han}+/gu, (match) => simplified(match[0]));
    let converted = 0;
    for (let i = 0; i < before.length; i++) if (before[i] !== m.text[i]) converted++;
    warn(0, 'traditional-script', `the text is in traditional characters: read in simplified ones (${converted} characters converted)`);
  }
  m = normaliseCharacters(m);
  m = removeMarkup(m, warn);
  m = unquoteMultilineCells(m);

  // Lines, tidied; blank lines only remember that a break happened.
  const tidied: SourceLine[] = [];
  let blank = false;
  for (const raw of splitMapped(m, '\n').flatMap(splitFlattenedBlocks).flatMap(splitCoSignatures)) {
    const line = withoutEmptyCells(tidySpaces(barredCellsAsTabs(raw)));
    if (line.text.replace(/\t/gu, '') === '') {
      blank = true;
      continue;
    }
    tidied.push({ line, afterBlank: blank });
    blank = false;
  }

  // Inline runs a web page split onto lines of their own go back first, so that a year on a line of
  // its own is not taken for a page number.
  const webCopy = looksLikeWebCopy(tidied);
  const contents = removeContents(joinSplitNumbers(webCopy ? rejoinInlineRuns(tidied) : tidied));
  const firstRemoved = contents.removed[0];
  if (firstRemoved) {
    warn(firstRemoved.line.offsets[0] ?? 0, 'table-of-contents', `removed a table of contents of ${contents.removed.length - 1} entries`);
  }
  const lines: SourceLine[] = [];
  const mastheads = new Set<string>();
  blank = false;
  for (const { line, afterBlank } of contents.lines) {
    // On a web page a bare number is a table cell or a number the rejoining left alone, never a page number.
    const pageNumber = PAGE_FURNITURE.test(line.text) && !(webCopy && /^\d+$/u.test(line.text));
    // A PDF repeats its masthead ("乐昌市人民政府办公室文件") at the head of every page: only the first is the document's.
    const runningHeader = MASTHEAD_LINE.test(line.text) && mastheads.has(line.text);
    if (MASTHEAD_LINE.test(line.text)) mastheads.add(line.text);
    const furniture = !isTableRow(line) && (pageNumber || runningHeader || WEB_PAGE_CHROME.test(line.text));
    if (furniture) {
      warn(line.offsets[0] ?? 0, 'page-furniture', `removed page furniture "${line.text}"`);
      blank = true;
      continue;
    }
    const pieces = splitFlattenedLine(line).flatMap(splitHeadingRunOn);
    if (pieces.length > 1)
      warn(
        line.offsets[0] ?? 0,
        'flattened-body',
        `split a line of ${line.text.length} characters into ${pieces.length} numbered paragraphs`,
      );
    pieces.forEach((piece, n) => lines.push({ line: piece, afterBlank: n === 0 && (afterBlank || blank) }));
    blank = false;
  }

  // Tables: runs of tab-separated rows, possibly interrupted by page breaks (blank lines).
  const repaired: MappedText[] = [];
  for (let i = 0; i < lines.length;) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    if (!isTableRow(lines[i]!.line)) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
      repaired.push(lines[i]!.line);
      i++;
      continue;
    }
    const rows: Row[] = [];
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    while (i < lines.length && isTableRow(lines[i]!.line)) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
      rows.push({ cells: splitMapped(lines[i]!.line, '\t'), afterBreak: lines[i]!.afterBlank });
      i++;
    }
    repaired.push(...repairTable(rows, warn));
  }

  // Rejoin sentences broken across lines and pages.
  const headings = headingStyles(repaired);
  const joined: MappedText[] = [];
  repaired.forEach((line, i) => {
    const previous = joined[joined.length - 1];
    // A body's name above a date is a signature, never the end of the sentence before it.
    const signature = SIGNATURE_LINE.test(line.text) && DATE_LINE.test(repaired[i + 1]?.text ?? '');
    if (previous && !signature && continues(previous, line, headings)) {
      // Latin words on both sides of a wrap need their space back.
      const space = /[A-Za-z0-9]$/u.test(previous.text) && /^[A-Za-z0-9]/u.test(line.text);
      joined[joined.length - 1] = concat(space ? [previous, inserted(' ', line.offsets[0] ?? 0), line] : [previous, line]);
    } else {
      joined.push(line);
    }
  });

  const result = joinMapped(joined, '\n');
  for (const match of result.text.matchAll(LATIN_IN_CHINESE)) {
    // The whole match is the word: the brackets and characters around it are lookarounds.
    warn(result.offsets[match.index] ?? 0, 'latin-word', `Latin word "${match[0]}" inside a Chinese sentence (kept)`);
  }
  const normalised: NormalisedText = {
    text: result.text,
    sourceOffsets: [...result.offsets, doc.source.sourceText.length],
  };
  messages.sort((a, b) => a.offset - b.offset);
  return { ...doc, normalised, messages: [...doc.messages, ...messages] };
}
