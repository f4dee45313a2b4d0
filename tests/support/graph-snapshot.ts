/** The whole stored graph in a canonical order, and its checksum, to compare two stores. */
import { createHash } from 'node:crypto';
import type { GraphStore } from '../../store/graph-store.js';
import { readGraphDump, type GraphDump } from '../../server/export/graph-dump.js';

function canonical(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const sorted = rows.map((row) =>
    Object.fromEntries(
      Object.keys(row)
        .sort()
        .map((key) => {
          const value = row[key];
          // Kuzu returns an empty list as null; both mean "none".
          return [key, Array.isArray(value) && value.length === 0 ? null : value];
        }),
    ),
  );
  return sorted.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

export async function graphSnapshot(store: GraphStore): Promise<{ dump: GraphDump; checksum: string }> {
  const dump = await readGraphDump(store);
  const ordered = {
    nodes: Object.fromEntries(Object.entries(dump.nodes).map(([label, rows]) => [label, canonical(rows)])),
    relationships: Object.fromEntries(Object.entries(dump.relationships).map(([type, rows]) => [type, canonical(rows)])),
  };
  return { dump, checksum: createHash('sha256').update(JSON.stringify(ordered)).digest('hex') };
}
