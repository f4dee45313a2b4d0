/**
 * @module A .xlsx (a zip of SpreadsheetML) → text. Governments publish a task list's division of work
 * as a spreadsheet as often as a table in a document (重点任务分工表: 序号 | 重点任务 | 牵头单位 | 配合单位 |
 * 完成时限), so each sheet is read as the table it is, in the shape html-to-text.ts gives a .docx's
 * tables: a line per row, its cells separated by tabs, a cell's own line breaks (Alt+Enter) kept on
 * the row's line, and a merged cell printed once, in its first row and column, the cells it covers
 * left out as a .docx's or a web page's rowspan and colspan leave them out (the outline gives a merged
 * 牵头单位 or 完成时限 to every row it spans: segment/outline.ts). The zip is checked for a bomb before
 * anything is inflated; read-excel-file reads the cells, the sheets' merged ranges are read here.
 *
 * Numbers are read as stored: a cell formatted as a percentage that shows 75% holds 0.75, and reads
 * 0.75. A date cell reads as a Chinese date (2024年6月30日).
 */
import JSZip from 'jszip';
import readXlsxFile from 'read-excel-file/node';
import { IngestError } from '../document.js';
import { checkZipContainer, type ZipLimits } from './zip-directory.js';

/** Names spreadsheet programs give a sheet nobody named (Sheet1, 工作表1): no heading of the document's. */
const DEFAULT_SHEET_NAME = /^(?:sheet|工作表)\s*\d+$/iu;

/** A cell as the sheet shows it: read-excel-file gives text, a number's stored text (parseNumber below), a boolean or a date. */
function cellText(value: unknown): string {
  if (value instanceof Date) return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return '';
  return String(value)
    .replace(/[\r\n\t]+/gu, ' ')
    .trim();
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`, 'u')
    .exec(tag)?.[1]
    ?.replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');

/** "AB12" → row 11, column 27 (from 0). */
function cellAt(reference: string): { row: number; column: number } {
  const [, letters = '', digits = '0'] = /^([A-Z]+)(\d+)$/u.exec(reference) ?? [];
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, column };
}

/**
 * Per sheet name, the cells merged ranges cover besides their first ("row,column" from 0): workbook.xml
 * names each sheet and its relationship, workbook.xml.rels the sheet's part, which lists its mergeCell ranges.
 */
async function coveredCellsOf(bytes: Uint8Array): Promise<Map<string, Set<string>>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (part: string) => (await zip.file(part)?.async('string')) ?? '';
  const parts = new Map<string, string>();
  for (const [tag] of (await read('xl/_rels/workbook.xml.rels')).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    const [id, target] = [attribute(tag, 'Id'), attribute(tag, 'Target')];
    if (id && target) parts.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const covered = new Map<string, Set<string>>();
  for (const [tag] of (await read('xl/workbook.xml')).matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const [name, id] = [attribute(tag, 'name'), attribute(tag, '\\w+:id')];
    const part = id === undefined ? undefined : parts.get(id);
    if (name === undefined || part === undefined) continue;
    const cells = new Set<string>();
    for (const [, from = '', to = ''] of (await read(part)).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/gu)) {
      const [first, last] = [cellAt(from), cellAt(to)];
      for (let row = first.row; row <= last.row; row += 1)
        for (let column = first.column; column <= last.column; column += 1)
          if (row !== first.row || column !== first.column) cells.add(`${row},${column}`);
    }
    covered.set(name, cells);
  }
  return covered;
}

export async function readXlsx(path: string, bytes: Uint8Array, limits: ZipLimits): Promise<string> {
  checkZipContainer(path, bytes, limits, '.xlsx');
  let sheets: { sheet: string; data: unknown[][] }[];
  let covered: Map<string, Set<string>>;
  try {
    // Numbers as their stored text: a figure reads as written, never as a float's rounding (0.30000000000000004).
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (text) => text });
    covered = await coveredCellsOf(bytes);
  } catch (error) {
    throw new IngestError(path, `unreadable .xlsx: ${(error as Error).message}`, 'bad-container');
  }
  const tables = sheets
    .map(({ sheet, data }) => {
      const hidden = covered.get(sheet) ?? new Set<string>();
      const lines = data.map((cells, row) =>
        cells
          .flatMap((cell, column) => (hidden.has(`${row},${column}`) ? [] : [cellText(cell)]))
          .join('\t')
          .replace(/\t+$/u, ''),
      );
      return { name: sheet.trim(), lines: lines.filter((line) => line !== '') };
    })
    .filter(({ lines }) => lines.length > 0);
  // A sheet's own name heads its table when the workbook holds several (附件1, 附件2 …).
  return tables
    .map(({ name, lines }) => (tables.length > 1 && name !== '' && !DEFAULT_SHEET_NAME.test(name) ? [name, ...lines] : lines).join('\n'))
    .join('\n\n');
}
