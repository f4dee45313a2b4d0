/**
 * @module RTF → text. Word and WPS Office save RTF, and sites publish it, often under a .doc name (see
 * contentFormatOf in formats.ts). No maintained npm library reads RTF to text with its tables and Chinese
 * (rtf-parser fails on a \u above 32767, as LibreOffice writes them; rtf.js renders into a browser's
 * DOM), so this reads the little of the RTF 1.9.1 specification that text needs:
 * - groups, control words and symbols; the text of destinations is left out (font and colour tables,
 *   styles, document info, pictures, headers and footers, and every {\* …} group), a field's result kept;
 * - characters: \uN (a signed 16-bit code, though writers put N above 32767 too), followed by \ucN
 *   fallback characters that are skipped; \'hh bytes, and 8-bit bytes written as they are, in the code
 *   page of the font in use (\fcharset134 is GB2312: code page 936) or else the document's (\ansicpgN);
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
]);

/** Control words that stand for a character; a table inside a cell (\nestcell, \nestrow) is read into that cell. */
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
};

/** Code pages of \fcharset values (RTF 1.9.1, "Font table"): the East Asian ones documents here use. */
const CHARSET_CODE_PAGES: Readonly<Record<number, number>> = { 0: 1252, 128: 932, 129: 949, 134: 936, 136: 950, 238: 1250, 204: 1251 };

interface GroupState {
  skip: boolean;
  /** Fallback characters after a \uN. */
  unicodeSkip: number;
  /** Code page of \'hh bytes and 8-bit bytes. */
  codePage: number;
}

export function readRtf(path: string, bytes: Uint8Array): string {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (source.subarray(0, 5).toString('latin1') !== '{\\rtf')
    throw new IngestError(path, 'not an RTF (it does not start with {\\rtf)', 'bad-container');
  let documentCodePage = 1252;
  const fontCodePages = new Map<number, number>();
  let fontNumber: number | null = null;

  const out: string[] = [];
  let pendingBytes: number[] = [];
  let state: GroupState = { skip: false, unicodeSkip: 1, codePage: documentCodePage };
  const stack: GroupState[] = [];
  let fallbackLeft = 0;
  // The group's first control word names a destination; \* before it marks one to leave out if unknown.
  let atGroupStart = false;
  let ignorableNext = false;
  let inFontTable = 0;
  // Table state: cell flags of the row's definition, and the cells of the row being read.
  let mergedCells: boolean[] = [];
  let cellFlagMerged = false;
  let rowCells: string[] | null = null;
  let cellIndex = 0;

  const flushBytes = () => {
    if (pendingBytes.length === 0) return;
    const page = iconv.encodingExists(`cp${state.codePage}`) ? `cp${state.codePage}` : 'cp1252';
    emit(iconv.decode(Buffer.from(pendingBytes), page));
    pendingBytes = [];
  };
  const emit = (text: string) => {
    if (state.skip || text === '') return;
    if (rowCells) rowCells[rowCells.length - 1] = `${rowCells.at(-1) ?? ''}${text}`;
    else out.push(text);
  };
  const character = (text: string) => {
    if (fallbackLeft > 0) {
      fallbackLeft -= 1;
      return;
    }
    emit(text);
  };
  const byte = (value: number) => {
    if (fallbackLeft > 0) {
      fallbackLeft -= 1;
      return;
    }
    if (!state.skip) pendingBytes.push(value);
  };
  const endParagraph = () => {
    flushBytes();
    // A cell's paragraphs stay on its row's line.
    if (rowCells) emit(' ');
    else emit('\n');
  };
  const endCell = () => {
    flushBytes();
    rowCells ??= [''];
    const merged = mergedCells[cellIndex] ?? false;
    if (merged) rowCells[rowCells.length - 1] = '\u0000';
    cellIndex += 1;
    rowCells.push('');
  };
  const rowOpen = () => rowCells !== null;
  const endRow = () => {
    flushBytes();
    const cells = (rowCells ?? []).slice(0, -1).filter((cell) => cell !== '\u0000');
    rowCells = null;
    cellIndex = 0;
    const line = cells
      .map((cell) => cell.replace(/\s+/gu, ' ').trim())
      .join('\t')
      .replace(/\t+$/u, '');
    out.push(`${line}\n`);
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
    if (state.skip && !(inFontTable > 0 && (word === 'f' || word === 'fcharset'))) return;
    const symbol = SYMBOL_WORDS[word];
    if (symbol !== undefined) {
      flushBytes();
      emit(symbol);
      return;
    }
    switch (word) {
      case 'ansicpg':
        if (parameter !== null) documentCodePage = state.codePage = parameter;
        break;
      case 'f':
        if (parameter === null) break;
        if (inFontTable > 0) fontNumber = parameter;
        else {
          flushBytes();
          state.codePage = fontCodePages.get(parameter) ?? documentCodePage;
        }
        break;
      case 'fcharset':
        // ANSI (0) is the document's code page.
        if (inFontTable > 0 && fontNumber !== null && parameter !== null && parameter !== 0) {
          const codePage = CHARSET_CODE_PAGES[parameter];
          if (codePage !== undefined) fontCodePages.set(fontNumber, codePage);
        }
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
        rowCells ??= [''];
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

  let at = 0;
  while (at < source.length) {
    const code = source[at] ?? 0;
    if (code === 0x7b) {
      // {
      flushBytes();
      stack.push(state);
      state = { ...state };
      atGroupStart = true;
      at += 1;
      continue;
    }
    if (code === 0x7d) {
      // }
      flushBytes();
      if (stack.length === inFontTable) inFontTable = 0;
      state = stack.pop() ?? state;
      atGroupStart = false;
      at += 1;
      continue;
    }
    if (code === 0x5c) {
      // \
      const next = source[at + 1] ?? 0;
      const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
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
        if (word !== 'u') flushBytes();
        controlWord(word, parameter);
        continue;
      }
      at += 2;
      atGroupStart = false;
      switch (String.fromCharCode(next)) {
        case "'": {
          const hex = source.subarray(at, at + 2).toString('latin1');
          at += 2;
          if (/^[0-9a-f]{2}$/iu.test(hex)) byte(parseInt(hex, 16));
          break;
        }
        case '*':
          ignorableNext = true;
          atGroupStart = true;
          break;
        case '~':
          flushBytes();
          character(' ');
          break;
        case '_':
          flushBytes();
          character('-');
          break;
        case '\\':
        case '{':
        case '}':
          flushBytes();
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
    atGroupStart = false;
    // Line breaks of the RTF source are not text.
    if (code === 0x0d || code === 0x0a) continue;
    if (code >= 0x80) byte(code);
    else {
      flushBytes();
      character(String.fromCharCode(code));
    }
  }
  flushBytes();
  // A row the document leaves open still holds its text.
  if (rowOpen()) endRow();
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \u3000]+$/u, ''))
    .join('\n');
}
