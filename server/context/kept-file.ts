/**
 * @module The kept graph persisted beside the database, so that a server starts in seconds: one
 * file of JSON lines, a header with the graph's version stamp, then each set of rows as a line
 * naming it and its columns followed by one line per row (its values in column order). Loaded only
 * when the stamp is the database's; written to a temporary file and renamed, so a crash never
 * leaves half a file.
 */
import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { evidenceSpansOf } from './compact-evidence.js';

/** 2: link evidence kept as offsets (compact-evidence.ts) is written as its offsets. */
const FORMAT = 2;

/** A row's value as the file holds it: evidence kept as offsets as those offsets, read back by KeptGraph.restore. */
function storedValue(row: object, column: string): unknown {
  return (column === 'evidence' ? evidenceSpansOf(row) : null) ?? (row as Record<string, unknown>)[column] ?? null;
}

export type RowSets = ReadonlyMap<string, readonly object[]>;

export async function writeKeptFile(file: string, stamp: string, sets: RowSets): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  await write({ format: FORMAT, stamp });
  for (const [name, rows] of sets) {
    const columns = [...new Set(rows.flatMap((row, index) => (index < 1 ? Object.keys(row) : [])))];
    await write({ set: name, columns, rows: rows.length });
    for (const row of rows) await write(columns.map((column) => storedValue(row, column)));
  }
  out.end();
  await once(out, 'finish');
  renameSync(partial, file);
}

/** The sets of rows in `file` when it was written at `stamp`; null when absent, of another version or unreadable. */
export async function readKeptFile(file: string, stamp: string): Promise<Map<string, object[]> | null> {
  if (!existsSync(file)) return null;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const sets = new Map<string, object[]>();
  let header = true;
  let columns: string[] = [];
  let rows: object[] = [];
  try {
    for await (const line of lines) {
      const value: unknown = JSON.parse(line);
      if (header) {
        const head = value as { format?: number; stamp?: string };
        if (head.format !== FORMAT || head.stamp !== stamp) return null;
        header = false;
      } else if (Array.isArray(value)) {
        const row: Record<string, unknown> = {};
        for (const [i, column] of columns.entries()) row[column] = value[i] as unknown;
        rows.push(row);
      } else {
        const set = value as { set: string; columns: string[] };
        columns = set.columns;
        rows = [];
        sets.set(set.set, rows);
      }
    }
  } catch {
    return null;
  } finally {
    lines.close();
  }
  return header ? null : sets;
}
