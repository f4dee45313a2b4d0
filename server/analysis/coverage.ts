/**
 * @module Coverage and comparison over (national item, jurisdiction, task) triples. Compare is
 * computed from the same cells as coverage, so the two can never disagree.
 */
import type { AgencyType } from '../../graph-schema/model.js';

export interface CoverageTriple {
  nationalItemId: string;
  jurisdictionId: string;
  taskId: string;
}

export interface CoverageCellData {
  nationalItemId: string;
  jurisdictionId: string;
  taskCount: number;
  taskIds: string[];
}

/**
 * One cell per (item, jurisdiction) pair, items outer, in the order given; duplicate triples
 * count once. Cells are addressed by position, not by string keys: the matrix of every
 * jurisdiction has 170,000 cells and 211,000 triples on a national store.
 */
export function buildCoverageCells(
  nationalItemIds: readonly string[],
  jurisdictionIds: readonly string[],
  triples: readonly CoverageTriple[],
): CoverageCellData[] {
  const itemIndex = new Map(nationalItemIds.map((id, i) => [id, i]));
  const jurisdictionIndex = new Map(jurisdictionIds.map((id, i) => [id, i]));
  const cells: CoverageCellData[] = [];
  for (const nationalItemId of nationalItemIds) {
    for (const jurisdictionId of jurisdictionIds) cells.push({ nationalItemId, jurisdictionId, taskCount: 0, taskIds: [] });
  }
  for (const { nationalItemId, jurisdictionId, taskId } of triples) {
    const item = itemIndex.get(nationalItemId);
    const jurisdiction = jurisdictionIndex.get(jurisdictionId);
    if (item === undefined || jurisdiction === undefined) continue;
    const cell = cells[item * jurisdictionIds.length + jurisdiction]!;
    // Triples of a cell come together (the queries order by item and jurisdiction), so a
    // duplicate is almost always the last one; includes() covers the rest.
    if (cell.taskIds.at(-1) === taskId || cell.taskIds.includes(taskId)) continue;
    cell.taskIds.push(taskId);
    cell.taskCount += 1;
  }
  return cells;
}

export interface ComparisonRowData {
  nationalItemId: string;
  taskIdsA: string[];
  taskIdsB: string[];
}

export interface ComparisonData {
  shared: ComparisonRowData[];
  onlyA: ComparisonRowData[];
  onlyB: ComparisonRowData[];
}

/** Splits the items by which of the two jurisdictions' cells has tasks; items neither covers are left out. */
export function compareCells(cells: readonly CoverageCellData[], a: string, b: string): ComparisonData {
  const byItem = new Map<string, { a: string[]; b: string[] }>();
  for (const cell of cells) {
    const row = byItem.get(cell.nationalItemId) ?? { a: [], b: [] };
    if (cell.jurisdictionId === a) row.a = cell.taskIds;
    if (cell.jurisdictionId === b) row.b = cell.taskIds;
    byItem.set(cell.nationalItemId, row);
  }
  const result: ComparisonData = { shared: [], onlyA: [], onlyB: [] };
  for (const [nationalItemId, row] of byItem) {
    const data = { nationalItemId, taskIdsA: row.a, taskIdsB: row.b };
    if (row.a.length > 0 && row.b.length > 0) result.shared.push(data);
    else if (row.a.length > 0) result.onlyA.push(data);
    else if (row.b.length > 0) result.onlyB.push(data);
  }
  return result;
}

export interface ComparableTarget {
  metric: string | null;
  op: string | null;
  value: number | null;
  unit: string | null;
}

/** Metric names compared without spaces, punctuation and letter case: "DRG 付费占比" = "drg付费占比". */
function metricKey(metric: string): string {
  return metric.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Two metrics are the same when their keys are equal or one contains the other and the shorter
 * has at least four characters (按DRG付费占比 and DRG付费占比), so that 率 alone matches nothing.
 */
function sameMetric(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short);
}

function figure(target: ComparableTarget): string {
  return `${target.op ?? ''}${target.value ?? ''}${target.unit ?? ''}`;
}

/** Metrics present on both sides whose figures (comparator, number, unit) differ. */
export function differingTargets<T extends ComparableTarget>(
  targetsA: readonly T[],
  targetsB: readonly T[],
): { metric: string; targetsA: T[]; targetsB: T[] }[] {
  const withValue = (targets: readonly T[]) => targets.filter((t) => t.metric && t.value !== null);
  const groups: { metric: string; key: string; targetsA: T[]; targetsB: T[] }[] = [];
  for (const target of withValue(targetsA)) {
    const key = metricKey(target.metric!);
    const group = groups.find((g) => sameMetric(g.key, key));
    if (group) group.targetsA.push(target);
    else groups.push({ metric: target.metric!, key, targetsA: [target], targetsB: [] });
  }
  for (const target of withValue(targetsB)) {
    const key = metricKey(target.metric!);
    groups.find((g) => sameMetric(g.key, key))?.targetsB.push(target);
  }
  return groups
    .filter((g) => g.targetsB.length > 0)
    .filter((g) => {
      const a = new Set(g.targetsA.map(figure));
      const b = new Set(g.targetsB.map(figure));
      return a.size !== b.size || [...a].some((f) => !b.has(f));
    })
    .map(({ metric, targetsA: ta, targetsB: tb }) => ({ metric, targetsA: ta, targetsB: tb }));
}

/**
 * Agency types at the head of tasks, most frequent first (ties in order of first appearance): per task,
 * the bodies marked lead (牵头), or, where the task ranks nobody, the bodies it names responsible.
 */
export function rankLeadTypes(taskAssignments: readonly (readonly { role: string; agencyType: AgencyType }[])[]): AgencyType[] {
  const counts = new Map<AgencyType, number>();
  for (const assignments of taskAssignments) {
    const leads = assignments.filter(({ role }) => role === 'lead');
    const heads = leads.length > 0 ? leads : assignments.filter(({ role }) => role === 'responsible');
    for (const { agencyType } of heads) counts.set(agencyType, (counts.get(agencyType) ?? 0) + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1]).map(([type]) => type);
}
