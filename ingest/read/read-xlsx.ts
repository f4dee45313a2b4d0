/**
 * @module A .xlsx (a zip of SpreadsheetML) → text. Governments publish a task list's division of work
 * as a spreadsheet as often as a table in a document (重点任务分工表: 序号 | 重点任务 | 牵头单位 | 配合单位 |
 * 完成时限), so each sheet is read as the table it is, in the shape html-to-text.ts gives a .docx's
 * tables: a line per row, its cells separated by tabs, a cell's own line breaks (Alt+Enter) kept on
 * the row's line. The zip is checked for a bomb before anything is inflated; read-excel-file reads the
 * cells.
 *
 * A merged cell's text is in its first cell only, and the cells it covers are empty, as the sheet
 * prints it once. Numbers are read as stored: a cell formatted as a percentage that shows 75% holds
 * 0.75, and reads 0.75. A date cell reads as a Chinese date (2024年6月30日).
 */
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

export async function readXlsx(path: string, bytes: Uint8Array, limits: ZipLimits): Promise<string> {
  checkZipContainer(path, bytes, limits, '.xlsx');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // Numbers as their stored text: a figure reads as written, never as a float's rounding (0.30000000000000004).
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (text) => text });
  } catch (error) {
    throw new IngestError(path, `unreadable .xlsx: ${(error as Error).message}`, 'bad-container');
  }
  const tables = sheets
    .map(({ sheet, data }) => ({
      name: sheet.trim(),
      lines: data.map((row) => row.map(cellText).join('\t').replace(/\t+$/u, '')).filter((line) => line !== ''),
    }))
    .filter(({ lines }) => lines.length > 0);
  // A sheet's own name heads its table when the workbook holds several (附件1, 附件2 …).
  return tables
    .map(({ name, lines }) => (tables.length > 1 && name !== '' && !DEFAULT_SHEET_NAME.test(name) ? [name, ...lines] : lines).join('\n'))
    .join('\n\n');
}
