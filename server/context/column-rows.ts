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
 *
 * A column of ids made of two parts (a task's id is its document's id, '#' and its path) may be kept
 * split at the last separator, each part coded in a table of its own: the 1.9 million task ids of
 * the coverage triples of 30,000 documents are 30,000 heads and 1,000 paths, where whole they took
 * 138 MiB of the heap. A value is then made when a row is read, as the rows are.
 */

/** A row's values, each a string, an integer or null: what a set kept by column holds. */
type Value = string | number | null;
type Values = Record<string, Value>;

/** Columns of strings kept split, each at the last of its separator (see the module's comment). */
export type SplitColumns = Readonly<Record<string, string>>;

/** What a column holds: codes into its table of strings, or integers. */
export type ColumnKind = 'strings' | 'integers';

/** Null in a column of integers. */
export const NO_INTEGER = -(2 ** 31);

type Codes = Uint8Array | Uint16Array | Int32Array;

/**
 * A column: of strings, code 0 for null and i + 1 for `table[i]`; of integers, the integers
 * (NO_INTEGER for null), and no table. A column kept split holds the heads so, and its `tails` the
 * parts after the separator, a code for each row.
 */
interface Column {
  readonly kind: ColumnKind;
  readonly table: string[] | null;
  readonly codes: Codes;
  readonly tails?: { readonly table: string[]; readonly codes: Codes };
}

/** A column as a file holds it (kept-file.ts): codes written wide. */
export interface StoredColumn {
  table: string[] | null;
  codes: Int32Array;
  tails?: { table: string[]; codes: Int32Array };
}

/** A value's head, up to and with the last separator ('' when there is none), and its tail, after it. */
function partsOf(value: string, separator: string): [string, string] {
  const cut = value.lastIndexOf(separator);
  const at = cut < 0 ? 0 : cut + separator.length;
  return [value.slice(0, at), value.slice(at)];
}

/** A copy of a string of its own: a slice of 13 characters or more keeps the whole string it was cut from. */
const ownCopy = (value: string): string => JSON.parse(JSON.stringify(value)) as string;

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
 * appending the strings not in it yet (those of the table before are not searched), copies of
 * their own when `copied`.
 */
function coderOf(kind: ColumnKind, table: string[] | null, copied = false): (value: Value) => number {
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
      code = (table as string[]).push(copied ? ownCopy(value) : value);
      added.set(value, code);
    }
    return code;
  };
}

/**
 * Codes of a column's values (of strings or integers, see coderOf), appending to the tables:
 * `tails` set for a column kept split at `separator`.
 */
function codesOf(kind: ColumnKind, table: string[] | null, tails: string[] | null, separator: string | undefined, values: Value[]) {
  if (!tails || separator === undefined) {
    const code = coderOf(kind, table);
    return { codes: Int32Array.from(values, code), tailCodes: null };
  }
  const head = coderOf('strings', table, true);
  const tail = coderOf('strings', tails, true);
  const codes = new Int32Array(values.length);
  const tailCodes = new Int32Array(values.length);
  values.forEach((value, at) => {
    if (value === null) return;
    if (typeof value !== 'string') throw new Error(`a column of strings given ${JSON.stringify(value)}`);
    const [first, rest] = partsOf(value, separator);
    codes[at] = head(first);
    tailCodes[at] = tail(rest);
  });
  return { codes, tailCodes };
}

export class ColumnRows {
  readonly length: number;
  /** A row with exactly these columns, copied for each row made (see rowOf). */
  private readonly template: Values;

  private constructor(
    readonly columns: readonly string[],
    private readonly stored: readonly Column[],
    private readonly split: SplitColumns,
  ) {
    this.length = stored[0]?.codes.length ?? 0;
    // An object copied from one JSON.parse made has a slot inside it for each of its columns: one
    // built key by key ({} then row[key] = …) has four inside and the others in a second array,
    // 104 bytes for five strings where the copy takes 72.
    this.template = JSON.parse(JSON.stringify(Object.fromEntries(columns.map((column) => [column, null])))) as Values;
  }

  /**
   * The rows' columns (those of the first row), those named in `split` kept split; throws when a
   * column's values are neither strings nor integers.
   */
  static of(rows: readonly object[], split: SplitColumns = {}): ColumnRows {
    const columns = rows[0] ? Object.keys(rows[0]) : [];
    return new ColumnRows(
      columns,
      columns.map((name) => {
        const values = rows.map((row) => (row as Values)[name] ?? null);
        const kind = kindOfValues(values);
        if (!kind) throw new Error(`column ${name} holds values other than strings or integers`);
        const table = kind === 'strings' ? [] : null;
        const tails = kind === 'strings' && split[name] !== undefined ? [] : null;
        const { codes, tailCodes } = codesOf(kind, table, tails, split[name], values);
        return table
          ? stringColumn({ table, codes, ...(tails && tailCodes ? { tails: { table: tails, codes: tailCodes } } : {}) })
          : { kind, table, codes };
      }),
      split,
    );
  }

  /**
   * Rows as a file holds them (kept-file.ts): each column of strings as codes into its table (0
   * for null, i + 1 for `table[i]`), and its tails so when it is kept split; each column of
   * integers as they are.
   */
  static fromCodes(columns: readonly string[], stored: readonly StoredColumn[], split: SplitColumns = {}): ColumnRows {
    const length = stored[0]?.codes.length ?? 0;
    if (stored.some(({ codes, tails }) => codes.length !== length || (tails && tails.codes.length !== length)))
      throw new Error('columns of different lengths');
    columns.forEach((name, i) => {
      if (Boolean(stored[i]?.tails) !== (split[name] !== undefined)) throw new Error(`column ${name} split otherwise than declared`);
    });
    return new ColumnRows(
      columns,
      stored.map((column) => (column.table ? stringColumn(column) : { kind: 'integers', table: null, codes: column.codes })),
      split,
    );
  }

  /** The value of a row's column, by the column's position in `columns`. */
  valueAt(at: number, column: number): Value {
    const { table, codes, tails } = this.stored[column] as Column;
    const code = codes[at] as number;
    if (!table) return code === NO_INTEGER ? null : code;
    if (code === 0) return null;
    const head = table[code - 1] as string;
    return tails ? head + (tails.table[(tails.codes[at] as number) - 1] as string) : head;
  }

  /** A column kept split as its heads and tails (codes into the tables given, see StoredColumn); undefined for any other. */
  partsOf(name: string): { heads: Value[]; tails: Value[] } | undefined {
    const column = this.stored[this.columns.indexOf(name)];
    if (!column?.tails || !column.table) return undefined;
    const { table, codes, tails } = column;
    const valueOf = (of: readonly string[], code: number) => (code === 0 ? null : (of[code - 1] as string));
    return {
      heads: Array.from(codes, (code) => valueOf(table, code)),
      tails: Array.from(tails.codes, (code) => valueOf(tails.table, code)),
    };
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
    if (!table || column.tails) throw new Error(`rows are grouped by a column of strings kept whole, not ${name}`);
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
    if (!column?.table || column.tails) throw new Error(`rows are told apart by a column of strings kept whole, not ${name}`);
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
    if (this.columns.length === 0) return ColumnRows.of(fresh, this.split);
    const places = fresh.map(placeOf);
    /** Kept codes at `keep` and fresh ones at their places, in the narrowest array holding codes up to `largest`. */
    const mergedCodes = (codes: Codes, freshCodes: Int32Array, largest: number | null) => {
      // Wider when the fresh rows' strings took the table past what the codes before could hold.
      const merged = largest !== null ? codesFor(largest, keep.length + fresh.length) : new Int32Array(keep.length + fresh.length);
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
      return merged;
    };
    const stored = this.stored.map(({ kind, table, codes, tails }, i): Column => {
      const name = this.columns[i] as string;
      const values = fresh.map((row) => (row as Values)[name] ?? null);
      const fresher = codesOf(kind, table, tails?.table ?? null, this.split[name], values);
      const merged = mergedCodes(codes, fresher.codes, table?.length ?? null);
      if (!tails || !fresher.tailCodes) return { kind, table, codes: merged };
      return {
        kind,
        table,
        codes: merged,
        tails: { table: tails.table, codes: mergedCodes(tails.codes, fresher.tailCodes, tails.table.length) },
      };
    });
    return new ColumnRows(this.columns, stored, this.split);
  }
}

/** A column of strings from codes written wide, in the narrowest arrays. */
function stringColumn({ table, codes, tails }: StoredColumn): Column {
  if (!table) throw new Error('a column of strings without its table');
  return {
    kind: 'strings',
    table,
    codes: narrowed(codes, table),
    ...(tails ? { tails: { table: tails.table, codes: narrowed(tails.codes, tails.table) } } : {}),
  };
}

/** What a set of kept rows is held as: a list of objects, or by column. */
export type KeptSet = readonly object[] | ColumnRows;

/** A set's rows as objects: those kept by column made now. */
export function objectsOf(rows: KeptSet): readonly object[] {
  return rows instanceof ColumnRows ? rows.rows() : rows;
}
