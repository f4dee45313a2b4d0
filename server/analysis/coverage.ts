/**
 * @module Coverage and comparison over (national item, jurisdiction, task) triples. Compare is
 * computed from the same cells as coverage, so the two can never disagree.
 */
import type { AgencyType, LinkKind, TaskKind } from '../../graph-schema/model.js';
import { yearsInForce, type PlanPeriod } from '../../ingest/segment/plan-period.js';

export interface CoverageTriple {
  nationalItemId: string;
  jurisdictionId: string;
  taskId: string;
}

/**
 * COVERED: a task of the jurisdiction's documents implements the item; POSSIBLE: none does, but a
 * task has evidence for it that scored below the link threshold or names its reform (MAY_IMPLEMENT, see
 * possibleLinksOf in ingest/link/link-tasks.ts), so the gap is for a reader to confirm; GAP: documents were considered
 * and no task has either; NO_DOCUMENT: the jurisdiction has no document (in the period asked), so
 * nothing can be said about the item.
 */
export const COVERAGE_STATUSES = ['COVERED', 'POSSIBLE', 'GAP', 'NO_DOCUMENT'] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export interface CoverageCellData {
  nationalItemId: string;
  jurisdictionId: string;
  taskCount: number;
  /** Null where the cells were built without them (see buildCoverageCells), to be read again when asked. */
  taskIds: string[] | null;
  /** Of a cell no task implements, the tasks with a possible link to the item (MAY_IMPLEMENT), in the triples' order. */
  possibleTaskIds: string[];
  /**
   * Documents whose title names the item's reform ("关于进一步推广…三明市深化医药卫生体制改革经验…的通知"):
   * the whole document addresses it, whether or not one of its items says so again.
   */
  documentIds: string[];
  status: CoverageStatus;
}

/** A document addressing a national item as a whole, by its title. */
export interface TitleLink {
  nationalItemId: string;
  jurisdictionId: string;
  policyId: string;
}

/** A year range, either end open: documents in force in any year of it are considered. */
export interface PeriodFilter {
  from?: number | null | undefined;
  to?: number | null | undefined;
}

export interface DatedPolicy {
  id: string;
  jurisdictionId: string | null;
  stub: boolean;
  coversFrom: number | null;
  coversTo: number | null;
  issuedOn: string | null;
}

/**
 * The loaded documents of the jurisdictions a matrix rests on: with a period, those in force in a
 * year of it (the years the plan covers, else its issue year); a document stating neither cannot
 * be placed in a period and is left out of it. Citation stubs are never considered.
 */
export function consideredPolicies<P extends DatedPolicy>(
  policies: readonly P[],
  jurisdictionIds: readonly string[],
  period: PeriodFilter | null = null,
): Map<string, P[]> {
  const byJurisdiction = new Map<string, P[]>(jurisdictionIds.map((id) => [id, []]));
  for (const policy of policies) {
    const list = policy.jurisdictionId === null ? undefined : byJurisdiction.get(policy.jurisdictionId);
    if (!list || policy.stub) continue;
    if (period && (period.from != null || period.to != null) && !inForce(yearsInForce(policy), period)) continue;
    list.push(policy);
  }
  return byJurisdiction;
}

function inForce(years: PlanPeriod | null, period: PeriodFilter): boolean {
  if (!years) return false;
  return years.to >= (period.from ?? -Infinity) && years.from <= (period.to ?? Infinity);
}

/**
 * The triples a matrix counts: those of the considered documents, and of items and measures only —
 * a section heading restates what its items do, and counting it too would count one reform twice;
 * so does an item's link through its measures (kind measures), whose measure is counted.
 */
export function countedTriples<T extends CoverageTriple & CountedTriple>(
  triples: readonly T[],
  consideredPolicyIds: ReadonlySet<string>,
): T[] {
  return triples.filter((triple) => isCounted(triple, consideredPolicyIds));
}

/** What a triple says of its task and link that decides whether it is counted. */
interface CountedTriple {
  policyId: string;
  kind: TaskKind;
  linkKind?: LinkKind | null;
}

/** Whether a matrix counts a triple (see countedTriples). */
export function isCounted(triple: CountedTriple, consideredPolicyIds: ReadonlySet<string>): boolean {
  return countsTask(triple) && consideredPolicyIds.has(triple.policyId);
}

/** Whether a matrix counts a triple's task for its item, the documents considered aside: an item or measure, not through its measures. */
export function countsTask(triple: Omit<CountedTriple, 'policyId'>): boolean {
  return triple.kind !== 'section' && triple.linkKind !== RESTATES_MEASURES;
}

const RESTATES_MEASURES: LinkKind = 'measures';

/**
 * One cell per (item, jurisdiction) pair, items outer, in the order given; duplicate triples
 * count once. Cells are addressed by position, not by string keys: the matrix of every
 * jurisdiction has 170,000 cells and 211,000 triples on a national store.
 */
export function buildCoverageCells(
  nationalItemIds: readonly string[],
  jurisdictionIds: readonly string[],
  /** Gone through once, in order: they may be made as they are reached (see server/context/column-rows.ts). */
  triples: Iterable<CoverageTriple>,
  /** Jurisdictions with at least one document considered; the others' cells are NO_DOCUMENT. @default all */
  documented: ReadonlySet<string> = new Set(jurisdictionIds),
  titleLinks: readonly TitleLink[] = [],
  /** Triples of possible links (MAY_IMPLEMENT): a cell that no triple covers and one of these names is POSSIBLE. */
  possible: Iterable<CoverageTriple> = [],
  {
    taskIds: keepTaskIds = true,
  }: {
    /**
     * Whether cells keep their tasks' ids, or only count them (taskIds null), a task's triples then
     * counted once where they come together, as the reads order them (by item, jurisdiction,
     * document and position). A server keeps the matrix of every jurisdiction without them: ids
     * made from parts (server/context/column-rows.ts), its 3 million ids took 225 MiB more.
     */
    taskIds?: boolean;
  } = {},
): CoverageCellData[] {
  const itemIndex = new Map(nationalItemIds.map((id, i) => [id, i]));
  const jurisdictionIndex = new Map(jurisdictionIds.map((id, i) => [id, i]));
  const cells: CoverageCellData[] = [];
  for (const nationalItemId of nationalItemIds) {
    for (const jurisdictionId of jurisdictionIds) {
      const status: CoverageStatus = documented.has(jurisdictionId) ? 'GAP' : 'NO_DOCUMENT';
      cells.push({
        nationalItemId,
        jurisdictionId,
        taskCount: 0,
        taskIds: keepTaskIds ? [] : null,
        possibleTaskIds: [],
        documentIds: [],
        status,
      });
    }
  }
  const cellOf = (nationalItemId: string, jurisdictionId: string) => {
    const item = itemIndex.get(nationalItemId);
    const jurisdiction = jurisdictionIndex.get(jurisdictionId);
    return item === undefined || jurisdiction === undefined ? undefined : cells[item * jurisdictionIds.length + jurisdiction];
  };
  for (const { nationalItemId, jurisdictionId, policyId } of titleLinks) {
    const cell = cellOf(nationalItemId, jurisdictionId);
    if (!cell || cell.documentIds.includes(policyId)) continue;
    cell.documentIds.push(policyId);
    cell.status = 'COVERED';
  }
  let lastCell: CoverageCellData | undefined;
  let lastTaskId = '';
  for (const { nationalItemId, jurisdictionId, taskId } of triples) {
    const cell = cellOf(nationalItemId, jurisdictionId);
    if (!cell) continue;
    // Triples of a cell come together (the queries order by item and jurisdiction), so a
    // duplicate is almost always the last one; includes() covers the rest.
    if ((cell === lastCell && taskId === lastTaskId) || cell.taskIds?.includes(taskId)) continue;
    lastCell = cell;
    lastTaskId = taskId;
    cell.taskIds?.push(taskId);
    cell.taskCount += 1;
    cell.status = 'COVERED';
  }
  for (const { nationalItemId, jurisdictionId, taskId } of possible) {
    const cell = cellOf(nationalItemId, jurisdictionId);
    // Only a gap can be possible: a covered cell is covered, and without a document there is nothing to say.
    if (!cell || (cell.status !== 'GAP' && cell.status !== 'POSSIBLE') || cell.possibleTaskIds.includes(taskId)) continue;
    cell.possibleTaskIds.push(taskId);
    cell.status = 'POSSIBLE';
  }
  return cells;
}

/**
 * The cells of `cells` (built over `nationalItemIds` × `jurisdictionIds` by buildCoverageCells) with
 * the columns of `changed` jurisdictions replaced by `columns`, built by buildCoverageCells over the
 * same items and `changed` alone: a write to a few jurisdictions leaves the others' columns as they
 * were, and rebuilding a national matrix whole (170,000 cells) after each upload held every reader.
 */
export function withColumnsReplaced(
  cells: readonly CoverageCellData[],
  jurisdictionIds: readonly string[],
  changed: readonly string[],
  columns: readonly CoverageCellData[],
): CoverageCellData[] {
  const jurisdictionIndex = new Map(jurisdictionIds.map((id, i) => [id, i]));
  const next = cells.slice();
  const items = changed.length === 0 ? 0 : columns.length / changed.length;
  for (let item = 0; item < items; item += 1) {
    changed.forEach((jurisdictionId, column) => {
      const at = jurisdictionIndex.get(jurisdictionId);
      const cell = columns[item * changed.length + column];
      if (at !== undefined && cell) next[item * jurisdictionIds.length + at] = cell;
    });
  }
  return next;
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

/** Splits the items by which of the two jurisdictions' cells are COVERED; items neither covers are left out. */
export function compareCells(cells: readonly CoverageCellData[], a: string, b: string): ComparisonData {
  const byItem = new Map<string, { a: CoverageCellData | null; b: CoverageCellData | null }>();
  for (const cell of cells) {
    const row = byItem.get(cell.nationalItemId) ?? { a: null, b: null };
    if (cell.jurisdictionId === a) row.a = cell;
    if (cell.jurisdictionId === b) row.b = cell;
    byItem.set(cell.nationalItemId, row);
  }
  const result: ComparisonData = { shared: [], onlyA: [], onlyB: [] };
  for (const [nationalItemId, row] of byItem) {
    const data = { nationalItemId, taskIdsA: row.a?.taskIds ?? [], taskIdsB: row.b?.taskIds ?? [] };
    const [coveredA, coveredB] = [row.a?.status === 'COVERED', row.b?.status === 'COVERED'];
    if (coveredA && coveredB) result.shared.push(data);
    else if (coveredA) result.onlyA.push(data);
    else if (coveredB) result.onlyB.push(data);
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
  const withValue = (targets: readonly T[]) => targets.filter((t): t is T & { metric: string } => Boolean(t.metric) && t.value !== null);
  const groups: { metric: string; key: string; targetsA: T[]; targetsB: T[] }[] = [];
  for (const target of withValue(targetsA)) {
    const key = metricKey(target.metric);
    const group = groups.find((g) => sameMetric(g.key, key));
    if (group) group.targetsA.push(target);
    else groups.push({ metric: target.metric, key, targetsA: [target], targetsB: [] });
  }
  for (const target of withValue(targetsB)) {
    const key = metricKey(target.metric);
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
