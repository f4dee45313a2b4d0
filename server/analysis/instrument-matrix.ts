/**
 * @module Instruments × reform areas (the X–Y framework of policy-text analyses): for each
 * instrument sub-type and each pillar of the national catalogue, how many tasks use the sub-type
 * and implement an item of the pillar (IMPLEMENTS links).
 */
import type { Codebook, InstrumentCoder } from '../../ingest/analyse/instruments/index.js';

export interface PillarRef {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface InstrumentMatrixData {
  subTypes: Codebook['subTypes'];
  pillars: PillarRef[];
  /** One row per sub-type (order of subTypes), one column per pillar (order of pillars). */
  counts: number[][];
  /** Tasks using each sub-type, whatever they implement. */
  totals: number[];
  /** Tasks coded. */
  taskCount: number;
  /** Tasks using at least one instrument that implement no national item. */
  unlinkedTaskCount: number;
}

export function buildInstrumentMatrix({
  tasks,
  links,
  nationalItems,
  codebook,
  coder,
}: {
  tasks: readonly { id: string; text: string }[];
  links: readonly { taskId: string; nationalItemId: string }[];
  nationalItems: readonly { id: string; pillar: string; pillarZh: string; pillarEn: string }[];
  codebook: Codebook;
  coder: InstrumentCoder;
}): InstrumentMatrixData {
  const pillars: PillarRef[] = [];
  const pillarOfItem = new Map<string, number>();
  for (const item of nationalItems) {
    let column = pillars.findIndex((pillar) => pillar.id === item.pillar);
    if (column < 0) column = pillars.push({ id: item.pillar, nameZh: item.pillarZh, nameEn: item.pillarEn }) - 1;
    pillarOfItem.set(item.id, column);
  }
  const pillarsOfTask = new Map<string, Set<number>>();
  for (const link of links) {
    const column = pillarOfItem.get(link.nationalItemId);
    if (column === undefined) continue;
    const set = pillarsOfTask.get(link.taskId) ?? new Set<number>();
    pillarsOfTask.set(link.taskId, set.add(column));
  }
  const rows = codebook.subTypes.map(() => ({ total: 0, cells: pillars.map(() => 0) }));
  const rowOf = new Map(codebook.subTypes.map((entry, index) => [entry.id, rows[index]]));
  let unlinkedTaskCount = 0;
  for (const task of tasks) {
    const uses = coder.code(task.text);
    const columns = pillarsOfTask.get(task.id);
    if (uses.length > 0 && !columns) unlinkedTaskCount++;
    for (const use of uses) {
      // A coder built from another codebook would otherwise count into a row that does not exist.
      const row = rowOf.get(use.subType);
      if (!row) throw new Error(`Instrument sub-type ${use.subType} is not in the codebook`);
      row.total += 1;
      for (const column of columns ?? []) row.cells[column] = (row.cells[column] ?? 0) + 1;
    }
  }
  const counts = rows.map((row) => row.cells);
  const totals = rows.map((row) => row.total);
  return { subTypes: codebook.subTypes, pillars, counts, totals, taskCount: tasks.length, unlinkedTaskCount };
}
