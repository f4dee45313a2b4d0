/**
 * @module A .xlsx (a zip of SpreadsheetML) → text. Governments publish a task list's division of work
 * as a spreadsheet as often as a table in a document (重点任务分工表: 序号 | 重点任务 | 牵头单位 | 配合单位 |
 * 完成时限), so each sheet is read as the table it is, in the shape html-to-text.ts gives a .docx's
 * tables: a line per row, its cells separated by tabs, a cell's own line breaks (Alt+Enter) kept on
 * the row's line, and a merged cell printed once, in its first row and column, the cells it covers
 * left out as a .docx's or a web page's rowspan and colspan leave them out (the outline gives a merged
 * 牵头单位 or 完成时限 to every row it spans: segment/outline.ts). The zip is checked for a bomb before
 * anything is inflated; read-excel-file reads the cells, the sheets' merged ranges and percentage
 * formats are read here.
 *
 * A number reads as the sheet shows it where its format says how: a percentage as one (a cell holding
 * 0.755 in the format 0.0% reads 75.5%, as indicator tables set their targets), a date as a Chinese
 * date (2024年6月30日); any other number as stored, never as a float's rounding.
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

/** A tag's attribute (`name` a regular expression's source), its entities decoded; undefined when the tag has none. */
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

/** Where a sheet shows a cell otherwise than read-excel-file gives it ("row,column" from 0). */
interface SheetLayout {
  /** Cells a merged range covers besides its first. */
  covered: Set<string>;
  /** Cells shown as a percentage, with the decimals shown. */
  percent: Map<string, number>;
}

/** The decimals a number format shows a percentage with, or null when it shows none (9: 0%, 10: 0.00%, built in). */
function percentDecimals(numFmtId: string, customFormats: ReadonlyMap<string, string>): number | null {
  const code = numFmtId === '9' ? '0%' : numFmtId === '10' ? '0.00%' : customFormats.get(numFmtId);
  // A format's first section is that of positive numbers; quoted text in it is printed, not a percent sign.
  const positive = code?.split(';')[0]?.replace(/"[^"]*"/gu, '');
  if (!positive?.includes('%')) return null;
  return /\.([0#]+)/u.exec(positive)?.[1]?.length ?? 0;
}

/**
 * Each sheet's layout, by the sheet's name: workbook.xml names each sheet and its relationship,
 * workbook.xml.rels the sheet's part, which lists its mergeCell ranges and gives each cell its style
 * (s, an index into the cellXfs of styles.xml, whose numFmtId is a built-in format or one of numFmts).
 */
async function sheetLayoutsOf(bytes: Uint8Array): Promise<Map<string, SheetLayout>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (part: string) => (await zip.file(part)?.async('string')) ?? '';
  const parts = new Map<string, string>();
  for (const [tag] of (await read('xl/_rels/workbook.xml.rels')).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    const [id, target] = [attribute(tag, 'Id'), attribute(tag, 'Target')];
    if (id && target) parts.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const styles = await read('xl/styles.xml');
  const customFormats = new Map<string, string>();
  for (const [tag] of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/gu)) {
    const [id, code] = [attribute(tag, 'numFmtId'), attribute(tag, 'formatCode')];
    if (id && code !== undefined) customFormats.set(id, code);
  }
  const cellFormats = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/u.exec(styles)?.[1] ?? '';
  const percentStyles = [...cellFormats.matchAll(/<(?:\w+:)?xf\b[^>]*>/gu)].map(([tag]) =>
    percentDecimals(attribute(tag, 'numFmtId') ?? '0', customFormats),
  );
  const layouts = new Map<string, SheetLayout>();
  for (const [tag] of (await read('xl/workbook.xml')).matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const [name, id] = [attribute(tag, 'name'), attribute(tag, '\\w+:id')];
    const part = id === undefined ? undefined : parts.get(id);
    if (name === undefined || part === undefined) continue;
    const xml = await read(part);
    const layout: SheetLayout = { covered: new Set(), percent: new Map() };
    for (const [, from = '', to = ''] of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([A-Z]+\d+):([A-Z]+\d+)"/gu)) {
      const [first, last] = [cellAt(from), cellAt(to)];
      for (let row = first.row; row <= last.row; row += 1)
        for (let column = first.column; column <= last.column; column += 1)
          if (row !== first.row || column !== first.column) layout.covered.add(`${row},${column}`);
    }
    if (percentStyles.some((decimals) => decimals !== null))
      for (const [cell] of xml.matchAll(/<(?:\w+:)?c\b[^>]*>/gu)) {
        const [reference, style] = [attribute(cell, 'r'), attribute(cell, 's')];
        const decimals = style === undefined ? null : percentStyles[Number(style)];
        if (reference === undefined || decimals === null || decimals === undefined) continue;
        const { row, column } = cellAt(reference);
        layout.percent.set(`${row},${column}`, decimals);
      }
    layouts.set(name, layout);
  }
  return layouts;
}

/** A number's stored text as a percentage with `decimals` (0.755, 1 → 75.5%); other text as it is. */
function asPercent(text: string, decimals: number): string {
  if (!/^-?\d+(?:\.\d+)?(?:E[-+]?\d+)?$/iu.test(text)) return text;
  // toPrecision drops the float's noise (0.755 × 100 = 75.49999999999999) before the shown decimals are cut.
  return `${Number((Number(text) * 100).toPrecision(15)).toFixed(decimals)}%`;
}

export async function readXlsx(path: string, bytes: Uint8Array, limits: ZipLimits): Promise<string> {
  checkZipContainer(path, bytes, limits, '.xlsx');
  let sheets: { sheet: string; data: unknown[][] }[];
  let layouts: Map<string, SheetLayout>;
  try {
    // Numbers as their stored text: a figure reads as written, never as a float's rounding (0.30000000000000004).
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (text) => text });
    layouts = await sheetLayoutsOf(bytes);
  } catch (error) {
    throw new IngestError(path, `unreadable .xlsx: ${(error as Error).message}`, 'bad-container');
  }
  const tables = sheets
    .map(({ sheet, data }) => {
      const { covered, percent } = layouts.get(sheet) ?? { covered: new Set<string>(), percent: new Map<string, number>() };
      const shown = (cell: unknown, at: string) => {
        const decimals = percent.get(at);
        return decimals === undefined ? cellText(cell) : asPercent(cellText(cell), decimals);
      };
      const lines = data.map((cells, row) =>
        cells
          .flatMap((cell, column) => (covered.has(`${row},${column}`) ? [] : [shown(cell, `${row},${column}`)]))
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
