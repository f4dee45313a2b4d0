/**
 * @module A spreadsheet (.xlsx, Excel 97–2003 .xls and WPS Office's .et, Excel 2003's XML Spreadsheet, or
 * comma-separated text) → text. Governments publish a task list's division of work as a spreadsheet as
 * often as a table in a document (重点任务分工表: 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限), and county
 * offices still attach it as .xls, so each sheet is read as the table it
 * is, in the shape html-to-text.ts gives a .docx's tables: a line per row, its cells separated by tabs, a
 * cell's own line breaks (Alt+Enter) kept on the row's line, and a merged cell printed once, in its first
 * row and column, the cells it covers left out as a .docx's or a web page's rowspan and colspan leave them
 * out (the outline gives a merged 牵头单位 or 完成时限 to every row it spans: segment/outline.ts). A .xlsx's zip
 * is checked for a bomb before anything is inflated; SheetJS reads the cells, merged ranges and number
 * formats of both formats. SheetJS publishes its releases after 0.18.5 outside npm, and 0.18.5 reads
 * crafted files unsafely (CVE-2023-30533, CVE-2024-22363): @e965/xlsx republishes the fixed releases on
 * npm unchanged.
 *
 * A number reads as the sheet shows it where its format says how: a percentage as one (a cell holding
 * 0.755 in the format 0.0% reads 75.5%, as indicator tables set their targets), a date as a Chinese date
 * (2024年6月30日); any other number as stored, never as a float's rounding.
 */
import { extname } from 'node:path';
import * as XLSX from '@e965/xlsx';
// Strings of an Excel 5.0/95 .xls are in the workbook's code page (936 for GBK): SheetJS decodes them with these tables.
import * as codePages from '@e965/xlsx/dist/cpexcel.full.mjs';
import { IngestError } from '../document.js';
import { oleStreamNames } from './ole-streams.js';
import { checkZipContainer, type ZipLimits } from './zip-directory.js';

XLSX.set_cptable(codePages);

/** SheetJS's number-format library (its SSF), typed for what is read of it. */
const numberFormats = XLSX.SSF as {
  is_date(format: string): boolean;
  parse_date_code(value: number, options: { date1904: boolean }): { y: number; m: number; d: number } | null;
};

/**
 * A .xlsx is a zip of XML parts; a .xls (and the .et of WPS Office) an OLE compound file; Excel 2003's XML
 * Spreadsheet (SpreadsheetML) one XML file.
 */
export type SpreadsheetContainer = 'zip' | 'ole' | 'xml';

/** Names spreadsheet programs give a sheet nobody named (Sheet1, 工作表1): no heading of the document's. */
const DEFAULT_SHEET_NAME = /^(?:sheet|工作表)\s*\d+$/iu;

/** Whether a number format prints a percent sign: scaling (0.0%) or written (0.0\%, 0"%"), the sheet shows its number with it. */
const showsPercent = (format: string) => format.includes('%');

/** A cell as the sheet shows it (see the module's comment), on one line. */
function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  let text: string;
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    const date = format !== '' && numberFormats.is_date(format) ? numberFormats.parse_date_code(cell.v, { date1904 }) : null;
    if (date) text = `${date.y}年${date.m}月${date.d}日`;
    else if (showsPercent(format) && cell.w !== undefined) text = cell.w;
    else text = String(cell.v);
  } else if (cell.t === 'z') text = '';
  // Text as written; a boolean or an error value as the sheet shows it (TRUE, #N/A).
  else text = cell.t === 's' ? String(cell.v ?? '') : (cell.w ?? String(cell.v ?? ''));
  return text.replace(/[\r\n\t]+/gu, ' ').trim();
}

/** One sheet's table: its non-empty rows, each a tab-separated line, merged cells printed once. */
function sheetLines(sheet: XLSX.WorkSheet, date1904: boolean): string[] {
  const reference = sheet['!ref'];
  if (!reference) return [];
  const range = XLSX.utils.decode_range(reference);
  const covered = new Set<string>();
  for (const { s: first, e: last } of sheet['!merges'] ?? [])
    for (let row = first.r; row <= last.r; row += 1)
      for (let column = first.c; column <= last.c; column += 1) if (row !== first.r || column !== first.c) covered.add(`${row},${column}`);
  const lines: string[] = [];
  for (let row = range.s.r; row <= range.e.r; row += 1) {
    const cells: string[] = [];
    for (let column = range.s.c; column <= range.e.c; column += 1)
      if (!covered.has(`${row},${column}`))
        cells.push(cellText(sheet[XLSX.utils.encode_cell({ r: row, c: column })] as XLSX.CellObject | undefined, date1904));
    const line = cells.join('\t').replace(/\t+$/u, '');
    if (line !== '') lines.push(line);
  }
  return lines;
}

/**
 * Comma- or tab-separated text (.csv, or a web system's 导出Excel under a .xls name) → its table, as a sheet is
 * read: a line per row, cells tab-separated, a quoted cell's commas and line breaks kept on its row. Every
 * cell reads as written (SheetJS's raw parsing): 2024-06-30 and 75% stay as the file has them.
 */
export function readDelimitedText(path: string, text: string): string {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(text, { type: 'string', raw: true });
  } catch (error) {
    throw new IngestError(path, `unreadable ${extname(path).toLowerCase()}: ${(error as Error).message}`, 'bad-container');
  }
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  return sheet ? sheetLines(sheet, false).join('\n') : '';
}

export function readSpreadsheet(path: string, bytes: Uint8Array, container: SpreadsheetContainer, limits: ZipLimits): string {
  const extension = extname(path).toLowerCase();
  if (container === 'zip') checkZipContainer(path, bytes, limits, '.xlsx');
  else if (container === 'ole') {
    // A .xls comes here with the header of an OLE compound file (readLegacyOffice in formats.ts). On a
    // damaged one SheetJS reports the last format it tried (ZIP encryption): it is refused here unless it
    // is a compound file it can list.
    try {
      oleStreamNames(bytes);
    } catch {
      throw new IngestError(path, `unreadable ${extension}: a damaged OLE compound file (its directory cannot be read)`, 'bad-container');
    }
  }
  let workbook: XLSX.WorkBook;
  try {
    // cellNF: each cell's number format, which says whether it shows a date or a percentage.
    workbook = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer', cellNF: true });
  } catch (error) {
    throw new IngestError(path, `unreadable ${extension}: ${(error as Error).message}`, 'bad-container');
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  // A hidden sheet is not read: it holds what the visible ones draw on, such as the lists their
  // drop-down cells offer (数据验证's 序列 source), not text the document shows its readers.
  const hidden = new Set((workbook.Workbook?.Sheets ?? []).filter((sheet) => sheet.Hidden).map((sheet) => sheet.name));
  const tables = workbook.SheetNames.filter((name) => !hidden.has(name))
    .map((name) => {
      const sheet = workbook.Sheets[name];
      return { name: name.trim(), lines: sheet ? sheetLines(sheet, date1904) : [] };
    })
    .filter(({ lines }) => lines.length > 0);
  // A sheet's own name heads its table when the workbook holds several (附件1, 附件2 …).
  return tables
    .map(({ name, lines }) => (tables.length > 1 && name !== '' && !DEFAULT_SHEET_NAME.test(name) ? [name, ...lines] : lines).join('\n'))
    .join('\n\n');
}
