/**
 * @module The CSV files Kuzu's COPY reads a bulk creation's rows from (see copyFromCsv in kuzu-store.ts).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { StorageType } from '../graph-schema/properties.js';
import type { WriteQuery } from './queries/define.js';

/** Whether a row's value can be a CSV field Kuzu reads back as the same value (see writeCsvOfRows). */
function fitsCsv(value: unknown, type: StorageType): boolean {
  if (value === null || value === undefined) return true; // an empty unquoted field is null
  switch (type) {
    case 'STRING':
      return typeof value === 'string' && value !== ''; // Kuzu reads a quoted "" as null too
    case 'INT64':
      return Number.isSafeInteger(value);
    case 'DOUBLE':
      return typeof value === 'number' && Number.isFinite(value); // written in its shortest form, which reads back exactly
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'STRING[]':
      return Array.isArray(value) && value.every(fitsCsvListElement);
  }
}

/**
 * Kuzu reads a list field as `[a,b]`, splitting at commas and brackets, honouring but keeping
 * quotes around an element and trimming the spaces around it: an element holding none of those
 * characters, nor a brace or a line break, and not empty, reads back as the same string. Others
 * (rare: an alias or a warning with an ASCII comma) are left to the parameter path.
 */
const LIST_ELEMENT = /^(?!\s)[^,[\]{}"'\r\n]+(?<!\s)$/u;
const fitsCsvListElement = (element: unknown): boolean => typeof element === 'string' && LIST_ELEMENT.test(element);

/**
 * The escape of quotes inside a quoted field: a backslash (COPY's ESCAPE='\\', see toKuzuCsvCopy),
 * not CSV's usual doubled quote. Kuzu 0.11.3 reads either back as the same string, but a file
 * escaping with the quote character itself took 3–10× longer to copy (link rows, whose evidence is
 * JSON, and tasks alike; measured side by side on a batch of 500 generated documents). A backslash
 * escapes itself, so every backslash written is followed by `\` or `"`.
 */
export const CSV_ESCAPE = '\\';
const SPECIAL_IN_FIELD = /["\\]/u;
const escapeCsv = (text: string): string => (SPECIAL_IN_FIELD.test(text) ? text.replace(/["\\]/gu, '\\$&') : text);

/** What Kuzu's parallel CSV reader takes for the end of a row, inside quotes or not (see toKuzuCsvCopy). */
const LINE_BREAK = /[\r\n]/u;

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 for 2). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * Text written to a file through one reused buffer, each string encoded straight into it: the
 * CSV of a batch (about 115 KB a generated document) is never built as one string, joined, flattened and encoded
 * again as a whole.
 */
class FileWriter {
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(private readonly fd: number) {}

  byte(value: number): void {
    if (this.used === this.buffer.length) this.flush();
    this.buffer[this.used] = value;
    this.used += 1;
  }

  text(value: string): void {
    const most = value.length * MAX_UTF8_BYTES_PER_UNIT;
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.buffer.length) {
        const bytes = Buffer.from(value);
        writeAll(this.fd, bytes, bytes.length);
        return;
      }
    }
    this.used += this.buffer.write(value, this.used);
  }

  flush(): void {
    writeAll(this.fd, this.buffer, this.used);
    this.used = 0;
  }
}

/** A write(2) may take fewer bytes than it is given. */
function writeAll(fd: number, bytes: Buffer, length: number): void {
  let written = 0;
  while (written < length) written += writeSync(fd, bytes, written, length - written);
}

/**
 * A bulk creation's rows as a CSV file in the table's column order (the row fields, as in
 * toKuzuCopy), for Kuzu's native CSV reader. Rows sent as parameters are converted value by value
 * by the Node binding while the event loop waits; 20,816 tasks took 1.6–1.9 s that way against
 * 0.4 s to write the file and 1.0 s to copy it. Strings are always quoted, so commas, quotes and
 * newlines of Chinese text stay in them, a quote or backslash escaped by a backslash (see CSV_ESCAPE). A CSV field cannot tell '' from null, and a list field
 * only holds elements free of the characters that delimit them (see fitsCsvListElement): rows
 * holding '' or such an element are left in `rest`, for toKuzuCopy. Returns the number of rows
 * written, and whether a written field holds a line break (Kuzu's parallel reader would split the
 * row there).
 */
export function writeCsvOfRows<Row extends object>(
  query: WriteQuery<Row>,
  rows: readonly Row[],
  file: string,
): { written: number; rest: Row[]; lineBreaks: boolean } {
  const columns = Object.entries<StorageType>(query.rowTypes);
  const rest: Row[] = [];
  let written = 0;
  let lineBreaks = false;
  const fd = openSync(file, 'w');
  try {
    const out = new FileWriter(fd);
    for (const row of rows) {
      const fields = row as Record<string, unknown>;
      if (!columns.every(([name, type]) => fitsCsv(fields[name], type))) {
        rest.push(row);
        continue;
      }
      columns.forEach(([name, type], index) => {
        if (index > 0) out.byte(COMMA);
        const value = fields[name];
        if (value === null || value === undefined) return;
        if (type === 'STRING[]') {
          // An empty list as null, as Kuzu stores an empty list sent as a parameter (toKuzuCopy, per-document writes).
          if ((value as string[]).length === 0) return;
          // Every element fits (see fitsCsvListElement): the list needs no quoting inside its field.
          out.byte(QUOTE);
          out.text(escapeCsv(`[${(value as string[]).join(',')}]`));
          out.byte(QUOTE);
          return;
        }
        if (type !== 'STRING') {
          out.text(typeof value === 'number' ? String(value) : value === true ? 'true' : 'false');
          return;
        }
        const text = value as string;
        lineBreaks ||= LINE_BREAK.test(text);
        out.byte(QUOTE);
        out.text(escapeCsv(text));
        out.byte(QUOTE);
      });
      out.byte(NEWLINE);
      written += 1;
    }
    out.flush();
  } finally {
    closeSync(fd);
  }
  return { written, rest, lineBreaks };
}
