/**
 * @module The kept graph persisted beside the database, so that a server starts in seconds. One
 * file of JSON lines, each parsed at once: a header with the format and the graph's version stamp;
 * the string table (every distinct string of the rows, once, over as many lines as the header
 * says); then each set of rows as a line naming it, its columns and its row count, followed by one
 * line per column holding every row's value. A column of strings holds indexes into the table
 * (-1 for null): each string is then one string in memory however many rows repeat it (ids,
 * agencies, jurisdictions). A column kept split (column-rows.ts) holds its heads' indexes, then its
 * tails'. Loaded only when the format and the stamp are this server's; written to
 * a temporary file and renamed, so a crash never leaves half a file.
 */
import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { keptRows } from '../../store/queries/lookups.js';
import { ColumnRows, kindOfValues, NO_INTEGER, type KeptSet, type SplitColumns, type StoredColumn } from './column-rows.js';
import { evidenceSpansOf, linkRowFromColumns, spansFit, textsById } from './compact-evidence.js';
import { runInTurns, type Steps } from '../turns.js';

/** 2: link evidence kept as offsets (compact-evidence.ts) written as its offsets; 3: by column, strings in one table; 4: columns kept split. */
const FORMAT = 4;

/** Strings per line of the table: lines stay far below the longest string V8 makes (2^29 characters). */
const STRINGS_PER_LINE = 50_000;

export type RowSets = ReadonlyMap<string, KeptSet>;

/** For each set of links by name, the sets holding the texts its evidence offsets index into (see lookups.ts). */
export type EvidenceTexts = ReadonlyMap<string, { from: string; to: string }>;

const declaredEvidenceTexts: EvidenceTexts = new Map(
  keptRows.flatMap((rows) =>
    rows.evidenceTexts ? [[rows.every.name, { from: rows.evidenceTexts.from.every.name, to: rows.evidenceTexts.to.every.name }]] : [],
  ),
);

/** The sets kept by column (KeptRows.byColumn), with the columns they keep split: read back as they are kept, not as objects. */
const declaredByColumn: ReadonlyMap<string, SplitColumns> = new Map(
  keptRows.flatMap((rows) => (rows.byColumn ? [[rows.every.name, rows.byColumn.split ?? {}]] : [])),
);

interface Header {
  format: number;
  stamp: string;
  /** Lines of the string table after the header. */
  stringLines: number;
  /** Sets of rows after the table: fewer in the file is a file cut short. */
  sets: number;
}

interface SetLine {
  set: string;
  columns: string[];
  /** Per column: 'strings' (indexes into the table), 'parts' (the heads' indexes, then the tails') or 'values' (as JSON has them). */
  kinds: ('strings' | 'parts' | 'values')[];
  rows: number;
}

/** A row's value as the file holds it: evidence kept as offsets as those offsets, read back by KeptGraph.restore. */
function storedValue(row: object, column: string): unknown {
  return (column === 'evidence' ? evidenceSpansOf(row) : null) ?? (row as Record<string, unknown>)[column] ?? null;
}

/** Rows per step of keptColumnsSteps. */
const ROWS_PER_STEP = 2048;

/** Each set's columns and the table of their distinct strings, in steps (see turns.ts). */
function* keptColumnsSteps(sets: RowSets): Steps<{
  columnsOf: Map<string, { columns: string[]; values: unknown[][]; kinds: SetLine['kinds'] }>;
  table: Map<string, number>;
}> {
  const columnsOf = new Map<string, { columns: string[]; values: unknown[][]; kinds: SetLine['kinds'] }>();
  const table = new Map<string, number>();
  for (const [name, rows] of sets) {
    const columns = rows instanceof ColumnRows ? [...rows.columns] : rows[0] ? Object.keys(rows[0]) : [];
    const values: unknown[][] = [];
    const split = new Set<number>();
    for (const [i, column] of columns.entries()) {
      if (rows instanceof ColumnRows) {
        // Parts as they are kept: 1.9 million task ids made whole took 150 MB more while the file was written.
        const parts = rows.partsOf(column);
        if (parts) split.add(i);
        values.push(parts ? [...parts.heads, ...parts.tails] : (rows.column(column) ?? []));
        yield;
        continue;
      }
      const value: unknown[] = [];
      for (const row of rows) {
        if (value.length % ROWS_PER_STEP === 0) yield;
        value.push(storedValue(row, column));
      }
      values.push(value);
    }
    const kinds = values.map((column, i) =>
      split.has(i) ? 'parts' : column.every((value) => value === null || typeof value === 'string') ? 'strings' : 'values',
    );
    for (const [i, column] of values.entries()) {
      if (kinds[i] === 'values') continue;
      for (const [at, value] of column.entries()) {
        if (at % ROWS_PER_STEP === 0) yield;
        if (typeof value === 'string' && !table.has(value)) table.set(value, table.size);
      }
    }
    columnsOf.set(name, { columns, values, kinds });
  }
  return { columnsOf, table };
}

/** Writes the file in turns of the event loop: a server persisting after a write keeps answering. */
export async function writeKeptFile(file: string, stamp: string, sets: RowSets): Promise<void> {
  const { columnsOf, table } = await runInTurns(keptColumnsSteps(sets));
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const strings = [...table.keys()];
  await write({ format: FORMAT, stamp, stringLines: Math.ceil(strings.length / STRINGS_PER_LINE), sets: sets.size } satisfies Header);
  for (let at = 0; at < strings.length; at += STRINGS_PER_LINE) await write(strings.slice(at, at + STRINGS_PER_LINE));
  for (const [name, { columns, values, kinds }] of columnsOf) {
    await write({ set: name, columns, kinds, rows: sets.get(name)?.length ?? 0 } satisfies SetLine);
    for (const [i, column] of values.entries()) {
      await write(kinds[i] !== 'values' ? column.map((value) => (typeof value === 'string' ? (table.get(value) ?? -1) : -1)) : column);
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
}

class UnreadableKeptFile extends Error {}

/** The lines of a buffer, each decoded and parsed when asked for. */
/** Bytes read from the file at a time. */
const CHUNK_BYTES = 8 * 2 ** 20;

/**
 * The file's lines, each parsed, read a chunk at a time: the memory held is a chunk and the
 * longest line, not the whole file. A whole file read at once (207 MB on a store of 30,000
 * documents) stayed allocated, garbage, until V8's next full collection, which nothing asked
 * for once the server was ready: 136 MiB more resident on a store of 3,000 documents.
 */
function jsonLines(handle: FileHandle, size: number, chunkBytes: number): { next: () => Promise<unknown>; done: () => boolean } {
  let chunk = Buffer.alloc(0);
  let at = 0;
  let read = 0;
  return {
    async next() {
      let end = chunk.indexOf(0x0a, at);
      while (end < 0) {
        if (read >= size) throw new UnreadableKeptFile('the file ends before its last line');
        const searched = chunk.length - at;
        const more = Buffer.allocUnsafe(Math.min(chunkBytes, size - read));
        const { bytesRead } = await handle.read(more, 0, more.length, read);
        if (bytesRead === 0) throw new UnreadableKeptFile('the file ends before its last line');
        read += bytesRead;
        chunk = Buffer.concat([chunk.subarray(at), more.subarray(0, bytesRead)]);
        at = 0;
        end = chunk.indexOf(0x0a, searched);
      }
      const line = chunk.toString('utf8', at, end);
      at = end + 1;
      return JSON.parse(line) as unknown;
    },
    done: () => at >= chunk.length && read >= size,
  };
}

function isHeader(value: unknown): value is Header {
  const head = value as Partial<Header> | null;
  return (
    typeof head === 'object' &&
    head !== null &&
    typeof head.stamp === 'string' &&
    Number.isInteger(head.stringLines) &&
    Number.isInteger(head.sets)
  );
}

function isSetLine(value: unknown): value is SetLine {
  const set = value as Partial<SetLine> | null;
  return (
    typeof set === 'object' &&
    set !== null &&
    typeof set.set === 'string' &&
    Array.isArray(set.columns) &&
    Array.isArray(set.kinds) &&
    set.kinds.length === set.columns.length &&
    Number.isInteger(set.rows)
  );
}

/** A column's values as the rows have them: strings from the table. */
function columnValues(line: unknown, kind: SetLine['kinds'][number], rows: number, strings: readonly string[]): unknown[] {
  if (!Array.isArray(line) || line.length !== rows) throw new UnreadableKeptFile('a column of another length than its set');
  if (kind === 'parts') throw new UnreadableKeptFile('a column kept split in a set not kept by column');
  if (kind === 'values') return line;
  return line.map((index: unknown) => {
    if (index === -1) return null;
    const value = strings[index as number];
    if (value === undefined) throw new UnreadableKeptFile('a string index outside the table');
    return value;
  });
}

/** The texts of a set of links' two sides, by id. */
interface LinkTexts {
  from: ReadonlyMap<string, string>;
  to: ReadonlyMap<string, string>;
}

async function rowsOf(set: SetLine, next: () => Promise<unknown>, strings: readonly string[], texts: LinkTexts | null): Promise<object[]> {
  const columns: unknown[][] = [];
  for (const [i] of set.columns.entries()) columns.push(columnValues(await next(), set.kinds[i] ?? 'values', set.rows, strings));
  const rows: object[] = new Array<object>(set.rows);
  const names = set.columns;
  const column = (name: string) => columns[names.indexOf(name)] ?? [];
  const [fromIds, toIds, evidence] = [column('fromId'), column('toId'), column('evidence')];
  // Index loops: a million rows of a national store, nothing allocated per row but the row.
  for (let row = 0; row < set.rows; row += 1) {
    const spans = texts ? evidence[row] : null;
    if (texts && Array.isArray(spans)) {
      // Evidence written as offsets (compact-evidence.ts): they must fit the texts of this file.
      const localText = texts.from.get(fromIds[row] as string);
      const otherText = texts.to.get(toIds[row] as string);
      if (localText === undefined || otherText === undefined || !spansFit(spans, localText, otherText)) {
        throw new UnreadableKeptFile('evidence offsets outside their texts');
      }
      rows[row] = linkRowFromColumns(names, columns, row, { localText, otherText, spans });
      continue;
    }
    const values: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i += 1) values[names[i] as string] = (columns[i] as unknown[])[row];
    rows[row] = values;
  }
  return rows;
}

/**
 * A set kept by column as the file holds it: each column of strings from indexes into the file's
 * table (which holds every set's strings) to codes into a table of the column's own, each column
 * of values as they are, integers.
 */
async function columnRowsOf(
  set: SetLine,
  next: () => Promise<unknown>,
  strings: readonly string[],
  split: SplitColumns,
): Promise<ColumnRows> {
  const stored: StoredColumn[] = [];
  for (const kind of set.kinds) {
    const line = await next();
    if (!Array.isArray(line) || line.length !== (kind === 'parts' ? 2 : 1) * set.rows)
      throw new UnreadableKeptFile('a column of another length than its set');
    if (kind === 'values') {
      if (kindOfValues(line) !== 'integers')
        throw new UnreadableKeptFile('a column of a set kept by column holding other values than integers');
      stored.push({ table: null, codes: Int32Array.from(line as (number | null)[], (value) => value ?? NO_INTEGER) });
      continue;
    }
    const column = codedStrings(line, 0, set.rows, strings);
    stored.push(kind === 'parts' ? { ...column, tails: codedStrings(line, set.rows, set.rows, strings) } : column);
  }
  try {
    return ColumnRows.fromCodes(set.columns, stored, split);
  } catch (error) {
    throw new UnreadableKeptFile(String(error));
  }
}

/** The `rows` indexes into the file's table from `from` in `line` as codes into a table of their own. */
function codedStrings(line: unknown[], from: number, rows: number, strings: readonly string[]): { table: string[]; codes: Int32Array } {
  const table: string[] = [];
  const codeOf = new Int32Array(strings.length);
  const codes = new Int32Array(rows);
  for (let at = 0; at < rows; at += 1) {
    const index: unknown = line[from + at];
    if (index === -1) continue;
    const value = typeof index === 'number' ? strings[index] : undefined;
    if (value === undefined) throw new UnreadableKeptFile('a string index outside the table');
    let code = codeOf[index as number] as number;
    if (code === 0) codeOf[index as number] = code = table.push(value);
    codes[at] = code;
  }
  return { table, codes };
}

/**
 * The sets of rows in `file` when it was written at `stamp`; null when absent, of another format or
 * version, or unreadable. Links whose evidence the file holds as offsets come back as
 * compact-evidence.ts keeps them, their texts from the sets named in `evidenceTexts`.
 */
export async function readKeptFile(
  file: string,
  stamp: string,
  {
    evidenceTexts = declaredEvidenceTexts,
    chunkBytes = CHUNK_BYTES,
    byColumn = declaredByColumn,
  }: {
    evidenceTexts?: EvidenceTexts;
    /** @default CHUNK_BYTES */
    chunkBytes?: number;
    /** The sets read back by column (each of its columns strings), with the columns they keep split. @default those declared so in lookups.ts */
    byColumn?: ReadonlyMap<string, SplitColumns>;
  } = {},
): Promise<Map<string, KeptSet> | null> {
  if (!existsSync(file)) return null;
  const handle = await open(file, 'r');
  const sets = new Map<string, KeptSet>();
  const texts = new Map<string, Map<string, string>>();
  /** Texts of a set read earlier in the file (the declared order puts tasks and national items before links). */
  const textsOf = (name: string) => {
    let byId = texts.get(name);
    if (!byId) {
      const rows = sets.get(name) ?? [];
      texts.set(name, (byId = textsById(rows instanceof ColumnRows ? rows.rows() : rows)));
    }
    return byId;
  };
  try {
    const { next, done } = jsonLines(handle, (await handle.stat()).size, chunkBytes);
    const header = await next();
    if (!isHeader(header) || header.format !== FORMAT || header.stamp !== stamp) return null;
    const strings: string[] = [];
    for (let line = 0; line < header.stringLines; line += 1) {
      const chunk = await next();
      if (!Array.isArray(chunk) || !chunk.every((value) => typeof value === 'string')) throw new UnreadableKeptFile('a bad string table');
      for (const value of chunk) strings.push(value);
    }
    while (!done()) {
      const set = await next();
      if (!isSetLine(set)) throw new UnreadableKeptFile('a bad set line');
      const split = byColumn.get(set.set);
      if (split) {
        sets.set(set.set, await columnRowsOf(set, next, strings, split));
        continue;
      }
      const sides = evidenceTexts.get(set.set);
      const texts = sides ? { from: textsOf(sides.from), to: textsOf(sides.to) } : null;
      sets.set(set.set, await rowsOf(set, next, strings, texts));
    }
    if (sets.size !== header.sets) throw new UnreadableKeptFile('fewer sets than the header says');
  } catch {
    return null;
  } finally {
    await handle.close();
  }
  return sets;
}
