/**
 * @module Rows kept by column (KeptRows.byColumn in store/queries/lookups.ts): a column of strings
 * as codes into a table of its own strings, in the narrowest typed array that holds them (a national
 * item's id in a byte, a document's in two), a column of integers as an Int32Array. The coverage and
 * possible triples of a store of 30,000 documents are 3.9 million rows of five ids and a position;
 * kept as objects, with the lists grouping them by jurisdiction and by national item, they took
 * about 530 MB of the server's 780 MB of heap, where by column a row takes 14 bytes and a grouped row
 * 4 more. A row is made an object when a request reads it, and let go with the answer.
 *
 * A column's table is shared by the sets made from one another (see merged) and only grows: a set
 * made after a write codes the strings before it as they were and appends those of the rows it adds.
 * Its strings are those of the rows, which hold them anyway; a string whose rows a write removed
 * stays in it until the rows are read whole again (a restart, or a write whose changes are not known).
 */

/** A row's values, each a string, an integer or null: what a set kept by column holds. */
type Value = string | number | null;
type Values = Record<string, Value>;

/** What a column holds: codes into its table of strings, or integers. */
export type ColumnKind = 'strings' | 'integers';

/** Null in a column of integers. */
export const NO_INTEGER = -(2 ** 31);

type Codes = Uint8Array | Uint16Array | Int32Array;

/**
 * A column: of strings, code 0 for null and i + 1 for `table[i]`; of integers, the integers
 * (NO_INTEGER for null), and no table.
 */
interface Column {
  readonly kind: ColumnKind;
  readonly table: string[] | null;
  readonly codes: Codes;
}

/** The kind of a column whose values are these; null when they are neither all strings nor all 32-bit integers (nulls aside). */
export function kindOfValues(values: Iterable<unknown>): ColumnKind | null {
  let strings = true;
  let integers = true;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    strings &&= typeof value === 'string';
    integers &&= Number.isInteger(value) && (value as number) > NO_INTEGER && (value as number) < 2 ** 31;
    if (!strings && !integers) return null;
  }
  return strings ? 'strings' : 'integers';
}

/** The narrowest array holding codes up to `largest`. */
function codesFor(largest: number, length: number): Codes {
  if (largest < 2 ** 8) return new Uint8Array(length);
  if (largest < 2 ** 16) return new Uint16Array(length);
  return new Int32Array(length);
}

/** Codes of strings (up to `table.length`) written wide, in the narrowest array: a column is coded before its table is known. */
function narrowed(codes: Int32Array, table: readonly string[]): Codes {
  if (table.length >= 2 ** 16) return codes;
  const narrow = codesFor(table.length, codes.length);
  narrow.set(codes);
  return narrow;
}

/**
 * A function giving the code of a column's value: an integer as it is; a string's code in `table`,
 * appending the strings not in it yet (those of the table before are not searched).
 */
function coderOf(kind: ColumnKind, table: string[] | null): (value: Value) => number {
  const added = new Map<string, number>();
  return (value) => {
    if (kind === 'integers') {
      if (value !== null && typeof value !== 'number') throw new Error(`a column of integers given ${JSON.stringify(value)}`);
      return value ?? NO_INTEGER;
    }
    if (value === null) return 0;
    if (typeof value !== 'string') throw new Error(`a column of strings given ${JSON.stringify(value)}`);
    let code = added.get(value);
    if (code === undefined) {
      code = (table as string[]).push(value);
      added.set(value, code);
    }
    return code;
  };
}

export class ColumnRows {
  readonly length: number;
  /** A row with exactly these columns, copied for each row made (see rowOf). */
  private readonly template: Values;

  private constructor(
    readonly columns: readonly string[],
    private readonly stored: readonly Column[],
  ) {
    this.length = stored[0]?.codes.length ?? 0;
    // An object copied from one JSON.parse made has a slot inside it for each of its columns: one
    // built key by key ({} then row[key] = …) has four inside and the others in a second array,
    // 104 bytes for five strings where the copy takes 72.
    this.template = JSON.parse(JSON.stringify(Object.fromEntries(columns.map((column) => [column, null])))) as Values;
  }

  /** The rows' columns (those of the first row); throws when a column's values are neither strings nor integers. */
  static of(rows: readonly object[]): ColumnRows {
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    return new ColumnRows(
      columns,
      columns.map((name) => {
        const kind = kindOfValues(rows.map((row) => (row as Values)[name]));
        if (!kind) throw new Error(`column ${name} holds values other than strings or integers`);
        const table = kind === 'strings' ? [] : null;
        const code = coderOf(kind, table);
        const codes = Int32Array.from(rows, (row) => code((row as Values)[name] ?? null));
        return { kind, table, codes: table ? narrowed(codes, table) : codes };
      }),
    );
  }

  /**
   * Rows as a file holds them (kept-file.ts): each column of strings as codes into its table (0
   * for null, i + 1 for `table[i]`), each column of integers as they are.
   */
  static fromCodes(columns: readonly string[], stored: readonly { table: string[] | null; codes: Int32Array }[]): ColumnRows {
    if (stored.some(({ codes }) => codes.length !== (stored[0]?.codes.length ?? 0))) throw new Error('columns of different lengths');
    return new ColumnRows(
      columns,
      stored.map(({ table, codes }) =>
        table ? { kind: 'strings', table, codes: narrowed(codes, table) } : { kind: 'integers', table: null, codes },
      ),
    );
  }

  /** The value of a row's column, by the column's position in `columns`. */
  valueAt(at: number, column: number): Value {
    const { table, codes } = this.stored[column] as Column;
    const code = codes[at] as number;
    if (!table) return code === NO_INTEGER ? null : code;
    return code === 0 ? null : (table[code - 1] as string);
  }

  /** Every row's value of a column, by name: undefined for a column the rows do not have. */
  column(name: string): Value[] | undefined {
    const column = this.columns.indexOf(name);
    if (column < 0) return undefined;
    return Array.from({ length: this.length }, (_, at) => this.valueAt(at, column));
  }

  /** A row, made now. */
  rowOf(at: number): Values {
    const row = { ...this.template };
    for (let i = 0; i < this.columns.length; i += 1) row[this.columns[i] as string] = this.valueAt(at, i);
    return row;
  }

  /** The rows at these positions, made now; every row when none are given. */
  rows(positions?: ArrayLike<number>): Values[] {
    if (!positions) return Array.from({ length: this.length }, (_, at) => this.rowOf(at));
    return Array.from(positions, (at) => this.rowOf(at));
  }

  /** Each row, made as it is reached: rows read one after another need not all be objects at once. */
  *[Symbol.iterator](): Generator<Values> {
    for (let at = 0; at < this.length; at += 1) yield this.rowOf(at);
  }

  /**
   * The positions of the rows of each value of a column of strings, in row order: the rows a lookup
   * by that column answers for each key. Equal strings at two places of the table (appended by
   * merged) are one key.
   */
  positionsBy(name: string): Map<string | null, Int32Array> {
    const column = this.stored[this.columns.indexOf(name)];
    const groups = new Map<string | null, Int32Array>();
    if (!column) return groups;
    const { table, codes } = column;
    if (!table) throw new Error(`rows are grouped by a column of strings, not ${name}`);
    // By typed arrays over the codes: millions of rows, no map lookup per row.
    const counts = new Int32Array(table.length + 1);
    for (const code of codes) counts[code] = (counts[code] as number) + 1;
    const keys: (string | null)[] = [];
    const sizes: number[] = [];
    const groupOf = new Int32Array(table.length + 1);
    const groupOfKey = new Map<string | null, number>();
    counts.forEach((count, code) => {
      if (count === 0) return;
      const key = code === 0 ? null : (table[code - 1] as string);
      let group = groupOfKey.get(key);
      if (group === undefined) {
        group = keys.push(key) - 1;
        sizes.push(0);
        groupOfKey.set(key, group);
      }
      groupOf[code] = group;
      sizes[group] = (sizes[group] as number) + count;
    });
    const lists = sizes.map((size) => new Int32Array(size));
    const filled = new Int32Array(lists.length);
    codes.forEach((code, at) => {
      const group = groupOf[code] as number;
      (lists[group] as Int32Array)[(filled[group] as number)++] = at;
    });
    keys.forEach((key, group) => groups.set(key, lists[group] as Int32Array));
    return groups;
  }

  /** The positions of the rows whose value of a column of strings is not among `values`, ascending. */
  positionsWithout(name: string, values: ReadonlySet<string>): Int32Array {
    // No row, so perhaps no column known (see merged).
    if (this.length === 0) return new Int32Array(0);
    const column = this.stored[this.columns.indexOf(name)];
    if (!column?.table) throw new Error(`rows are told apart by a column of strings, not ${name}`);
    const { table, codes } = column;
    // Which codes are left out, found once over the table: not a set lookup per row.
    const left = new Uint8Array(table.length + 1);
    table.forEach((value, i) => (left[i + 1] = values.has(value) ? 1 : 0));
    const positions = new Int32Array(this.length);
    let found = 0;
    codes.forEach((code, at) => {
      if (left[code] === 0) positions[found++] = at;
    });
    return positions.subarray(0, found);
  }

  /**
   * The rows at `keep` (positions, ascending) and `fresh` (rows with these columns), in the order
   * `placeOf` gives: for each fresh row, how many kept rows go before it (non-decreasing).
   */
  merged(keep: ArrayLike<number>, fresh: readonly object[], placeOf: (row: object) => number): ColumnRows {
    // No row before, so no column known: the fresh rows' own.
    if (this.columns.length === 0) return ColumnRows.of(fresh);
    const places = fresh.map(placeOf);
    const stored = this.stored.map(({ kind, table, codes }, i): Column => {
      const code = coderOf(kind, table);
      const freshCodes = fresh.map((row) => code((row as Values)[this.columns[i] as string] ?? null));
      // Wider when the fresh rows' strings took the table past what the codes before could hold.
      const merged = table ? codesFor(table.length, keep.length + fresh.length) : new Int32Array(keep.length + fresh.length);
      let written = 0;
      let from = 0;
      const copyKept = (to: number) => {
        for (; from < to; from += 1) merged[written++] = codes[keep[from] as number] as number;
      };
      freshCodes.forEach((freshCode, j) => {
        copyKept(places[j] as number);
        merged[written++] = freshCode;
      });
      copyKept(keep.length);
      return { kind, table, codes: merged };
    });
    return new ColumnRows(this.columns, stored);
  }
}

/** What a set of kept rows is held as: a list of objects, or by column. */
export type KeptSet = readonly object[] | ColumnRows;

/** A set's rows as objects: those kept by column made now. */
export function objectsOf(rows: KeptSet): readonly object[] {
  return rows instanceof ColumnRows ? rows.rows() : rows;
}
