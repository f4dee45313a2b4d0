/**
 * @module RTF → text. Word and WPS Office save RTF, and sites publish it, often under a .doc name (see
 * contentFormatOf in formats.ts). No maintained npm library reads RTF to text with its tables and Chinese
 * (rtf-parser fails on a \u above 32767, as LibreOffice writes them; rtf.js renders into a browser's
 * DOM), so this reads the little of the RTF 1.9.1 specification that text needs:
 * - groups, control words and symbols; the text of destinations is left out (font and colour tables,
 *   styles, document info, pictures, headers and footers, and every {\* …} group), a field's result kept,
 *   and the bytes of \binN data skipped;
 * - characters: \uN (a signed 16-bit code, though writers put N above 32767 too), followed by \ucN
 *   fallback characters that are skipped; \'hh bytes, and 8-bit bytes written as they are, in the code
 *   page of the font in use (\fcharset134 is GB2312: code page 936; or its \cpgN), else of the default
 *   font (\deffN), else the document's (\ansicpgN); where that is a code page of one byte a character,
 *   in that of the font set for double-byte characters (\dbch\afN), as Word on a Latin system marks its
 *   Chinese runs; the second byte of a double-byte character may be written as ASCII (镕 is \'e9F); a
 *   symbol font's bytes (\fcharset2: a list's bullet) and hidden text (\v) show nothing;
 * - \par, \line, \page and \sect end a line, \tab is a tab; the list number Word writes before an item
 *   ({\listtext 1.\tab}) is kept, as it is what the reader sees;
 * - a table row (\trowd … \cellxN … \cell … \row) is a line of tab-separated cells, a cell's paragraphs kept
 *   on it, and a cell merged into the one above (\clvmrg) or to its left (\clmrg) left out, in the shape
 *   html-to-text.ts gives a .docx's tables.
 */
import iconv from 'iconv-lite';
import { IngestError } from '../document.js';

/** Destinations whose text is not the document's. */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'xmlnstbl',
  'filetbl',
  'pgdsctbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'fldinst',
  // Old-style list numbering's text before and after the number, index and contents entries, kinsoku characters.
  'pn',
  'pntxta',
  'pntxtb',
  'xe',
  'tc',
  'fchars',
  'lchars',
]);

/** Control words that stand for a character; a table inside a cell (\nestcell, \nestrow) is read into that cell, a column break is a space. */
const SYMBOL_WORDS: Readonly<Record<string, string>> = {
  tab: '\t',
  emdash: '—',
  endash: '–',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  bullet: '•',
  nestcell: ' ',
  nestrow: ' ',
  column: ' ',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

/** Code pages of \fcharset values (RTF 1.9.1, "Font table"): the East Asian ones documents here use. */
const CHARSET_CODE_PAGES: Readonly<Record<number, number>> = { 0: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 238: 1250, 204: 1251 };
/** \fcharset2: a symbol font, whose bytes are glyphs (a list's bullet), not characters of a code page. */
const SYMBOL_CHARSET = 2;
const SYMBOL_FONT = -1;
/** Code pages of two bytes to a character (GBK, Big5, Shift-JIS, UHC): a lead byte 0x81–0xFE takes the next byte with it. */
const DOUBLE_BYTE_CODE_PAGES = new Set([932, 936, 949, 950]);

interface GroupState {
  skip: boolean;
  /** Hidden text (\v), which a reader of the document does not see. */
  hidden: boolean;
  /** Fallback characters after a \uN. */
  unicodeSkip: number;
  /** The font in use (\f), and the one set for double-byte characters (\dbch\afN); null: the default font (\deff). */
  font: number | null;
  doubleByteFont: number | null;
  /** Which characters the next \afN is for: \dbch double-byte ones; \loch, \hich, \rtlch and \ltrch others. */
  settingDoubleByte: boolean;
}

export function readRtf(path: string, bytes: Uint8Array): string {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (source.subarray(0, 5).toString('latin1') !== '{\\rtf')
    throw new IngestError(path, 'not an RTF (it does not start with {\\rtf)', 'bad-container');
  let documentCodePage = 1252;
  let defaultFont: number | null = null;
  const fontCodePages = new Map<number, number>();
  let fontNumber: number | null = null;

  const out: string[] = [];
  let pendingBytes: number[] = [];
  let state: GroupState = { skip: false, hidden: false, unicodeSkip: 1, font: null, doubleByteFont: null, settingDoubleByte: false };
  const stack: GroupState[] = [];
  let fallbackLeft = 0;
  // The group's first control word names a destination; \* before it marks one to leave out if unknown.
  let atGroupStart = false;
  let ignorableNext = false;
  let inFontTable = 0;
  // Table state: which cells of the row's definition are merged into another, and the row being read.
  let mergedCells: boolean[] = [];
  let cellFlagMerged = false;
  let row: { cells: string[]; merged: boolean[] } | null = null;

  /**
   * The code page pending bytes decode in: the font's in use, or the default font's, or the document's;
   * where that has one byte to a character, the double-byte font's (Word marks Chinese runs \dbch\af13
   * and leaves \f to the Latin font).
   */
  const codePage = (): number => {
    const own = fontCodePages.get(state.font ?? defaultFont ?? NaN) ?? documentCodePage;
    if (own === SYMBOL_FONT || DOUBLE_BYTE_CODE_PAGES.has(own)) return own;
    const doubleByte = fontCodePages.get(state.doubleByteFont ?? NaN);
    return doubleByte !== undefined && DOUBLE_BYTE_CODE_PAGES.has(doubleByte) ? doubleByte : own;
  };
  /** Whether the pending bytes end with the lead byte of a double-byte character, whose second byte may be ASCII (镕 is \'e9F). */
  const awaitsTrailByte = (): boolean => {
    if (pendingBytes.length === 0 || !DOUBLE_BYTE_CODE_PAGES.has(codePage())) return false;
    let at = 0;
    while (at < pendingBytes.length) at += (pendingBytes[at] ?? 0) >= 0x81 && (pendingBytes[at] ?? 0) <= 0xfe ? 2 : 1;
    return at > pendingBytes.length;
  };
  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    const page = codePage();
    if (page !== SYMBOL_FONT) emit(iconv.decode(Buffer.from(pendingBytes), iconv.encodingExists(`cp${page}`) ? `cp${page}` : 'cp1252'));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    if (state.skip || state.hidden || text === '') return;
    if (row) row.cells[row.cells.length - 1] = `${row.cells.at(-1) ?? ''}${text}`;
    else out.push(text);
  };
  /** A character of the text; ASCII completes a double-byte character whose lead byte is pending. */
  const character = (text: string) => {
    if (fallbackLeft > 0) {
      fallbackLeft -= 1;
      return;
    }
    if (text.length === 1 && text.charCodeAt(0) < 0x80 && awaitsTrailByte()) {
      pendingBytes.push(text.charCodeAt(0));
      return;
    }
    flushBytes();
    emit(text);
  };
  const byte = (value: number) => {
    if (fallbackLeft > 0) {
      fallbackLeft -= 1;
      return;
    }
    if (!state.skip && !state.hidden) pendingBytes.push(value);
  };
  const endParagraph = () => {
    flushBytes();
    // A cell's paragraphs stay on its row's line.
    emit(row ? ' ' : '\n');
  };
  const endCell = () => {
    flushBytes();
    row ??= { cells: [''], merged: [] };
    row.merged.push(mergedCells[row.merged.length] ?? false);
    row.cells.push('');
  };
  const rowOpen = () => row !== null;
  const endRow = () => {
    flushBytes();
    const { cells, merged } = row ?? { cells: [''], merged: [] };
    row = null;
    const line = cells
      .slice(0, -1)
      .filter((_, i) => !merged[i])
      .map((cell) => cell.replace(/\s+/gu, ' ').trim())
      .join('\t')
      .replace(/\t+$/u, '');
    if (line !== '') out.push(`${line}\n`);
  };

  const controlWord = (word: string, parameter: number | null) => {
    const destination = atGroupStart;
    atGroupStart = false;
    if (destination && (SKIPPED_DESTINATIONS.has(word) || ignorableNext)) {
      // The font table's text is left out, but its fonts' character sets say how bytes decode.
      if (word === 'fonttbl') inFontTable = stack.length;
      state.skip = true;
    }
    ignorableNext = false;
    if (state.skip && !(inFontTable > 0 && (word === 'f' || word === 'fcharset' || word === 'cpg'))) return;
    const symbol = SYMBOL_WORDS[word];
    if (symbol !== undefined) {
      // A symbol is a character of the text: it can be a \uN's fallback.
      character(symbol);
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (parameter !== null) documentCodePage = parameter;
        break;
      case 'deff':
        defaultFont = parameter;
        break;
      case 'f':
        if (parameter === null) break;
        if (inFontTable > 0) fontNumber = parameter;
        else state.font = parameter;
        break;
      case 'plain':
        state.font = null;
        state.doubleByteFont = null;
        state.hidden = false;
        break;
      case 'loch':
      case 'hich':
      case 'rtlch':
      case 'ltrch':
        state.settingDoubleByte = false;
        break;
      case 'dbch':
        state.settingDoubleByte = true;
        break;
      case 'af':
        if (state.settingDoubleByte && parameter !== null) state.doubleByteFont = parameter;
        break;
      case 'fcharset':
        // ANSI (0) is the document's code page.
        if (inFontTable > 0 && fontNumber !== null && parameter !== null && parameter !== 0) {
          const page = parameter === SYMBOL_CHARSET ? SYMBOL_FONT : CHARSET_CODE_PAGES[parameter];
          if (page !== undefined) fontCodePages.set(fontNumber, page);
        }
        break;
      case 'cpg':
        if (inFontTable > 0 && fontNumber !== null && parameter !== null) fontCodePages.set(fontNumber, parameter);
        break;
      case 'v':
        state.hidden = parameter !== 0;
        break;
      case 'uc':
        state.unicodeSkip = parameter ?? 1;
        break;
      case 'u':
        if (parameter === null) break;
        flushBytes();
        character(String.fromCharCode(parameter < 0 ? parameter + 0x10000 : parameter));
        fallbackLeft = state.unicodeSkip;
        break;
      case 'par':
      case 'line':
      case 'page':
      case 'sect':
        endParagraph();
        break;
      case 'trowd':
        mergedCells = [];
        cellFlagMerged = false;
        break;
      case 'clvmrg':
      case 'clmrg':
        cellFlagMerged = true;
        break;
      case 'cellx':
        mergedCells.push(cellFlagMerged);
        cellFlagMerged = false;
        break;
      case 'intbl':
        // The paragraph is in a table: the row has begun.
        flushBytes();
        row ??= { cells: [''], merged: [] };
        break;
      case 'cell':
        endCell();
        break;
      case 'row':
        endRow();
        break;
      default:
        break;
    }
  };

  const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  let at = 0;
  while (at < source.length) {
    const code = source[at] ?? 0;
    if (code === 0x7b) {
      // {
      flushBytes();
      stack.push(state);
      state = { ...state };
      atGroupStart = true;
      fallbackLeft = 0;
      at += 1;
      continue;
    }
    if (code === 0x7d) {
      // }
      flushBytes();
      if (stack.length === inFontTable) inFontTable = 0;
      state = stack.pop() ?? state;
      atGroupStart = false;
      fallbackLeft = 0;
      at += 1;
      // The document ends with its outermost group: what follows is not RTF (padding, NULs) unless more
      // RTF follows, as after a brace too many.
      if (stack.length === 0 && source.indexOf(0x5c, at) < 0 && source.indexOf(0x7b, at) < 0) break;
      continue;
    }
    if (code === 0x5c) {
      // \
      const next = source[at + 1] ?? 0;
      if (isLetter(next)) {
        let end = at + 1;
        while (end < source.length && isLetter(source[end] ?? 0)) end += 1;
        const word = source.subarray(at + 1, end).toString('latin1');
        let parameter: number | null = null;
        let numberEnd = end;
        if (source[numberEnd] === 0x2d) numberEnd += 1;
        while (numberEnd < source.length && (source[numberEnd] ?? 0) >= 0x30 && (source[numberEnd] ?? 0) <= 0x39) numberEnd += 1;
        if (numberEnd > end && !(numberEnd === end + 1 && source[end] === 0x2d)) {
          parameter = Number(source.subarray(end, numberEnd).toString('latin1'));
          end = numberEnd;
        }
        // One space after a control word belongs to it.
        if (source[end] === 0x20) end += 1;
        at = end;
        // \binN: N bytes of binary data (a picture's), braces and backslashes among them, not RTF.
        if (word === 'bin') {
          at += Math.max(0, parameter ?? 0);
          atGroupStart = false;
          continue;
        }
        // A control word that changes the font decides how the bytes before it decode.
        if (word !== 'u' && !awaitsTrailByte()) flushBytes();
        controlWord(word, parameter);
        continue;
      }
      at += 2;
      atGroupStart = false;
      switch (String.fromCharCode(next)) {
        case "'": {
          const hex = source.subarray(at, at + 2).toString('latin1');
          if (/^[0-9a-f]{2}$/iu.test(hex)) {
            at += 2;
            byte(parseInt(hex, 16));
          }
          break;
        }
        case '*':
          ignorableNext = true;
          atGroupStart = true;
          break;
        case '~':
          character(' ');
          break;
        case '_':
          character('-');
          break;
        case '\\':
        case '{':
        case '}':
          character(String.fromCharCode(next));
          break;
        case '\n':
        case '\r':
          // \ before a line break is \par.
          controlWord('par', null);
          break;
        default:
          // \- (optional hyphen) and other symbols show nothing.
          break;
      }
      continue;
    }
    at += 1;
    // Line breaks of the RTF source are not text, and do not end a group's start.
    if (code === 0x0d || code === 0x0a) continue;
    atGroupStart = false;
    if (code >= 0x80) byte(code);
    else character(String.fromCharCode(code));
  }
  flushBytes();
  // A row the document leaves open still holds its text.
  if (rowOpen()) endRow();
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/(?<![ \u3000])[ \u3000]+$/u, ''))
    .join('\n');
}
