/**
 * @module Resolvers: entry points read through the store's named queries, relationship fields
 * through the per-request DataLoaders, so the number of store queries grows with the depth of a
 * query, not with the number of rows it returns. Where the graph is kept in memory, the fields of
 * tasks and links take their answers at once (`ctx.load`): an answer of hundreds of tasks is then
 * resolved without a promise per field.
 */
import {
  relationships,
  type AgencyType,
  type JurisdictionNode,
  type LinkEvidence,
  type NationalItemNode,
  type PolicyNode,
  type TargetNode,
  type TaskNode,
} from '../../graph-schema/model.js';
import { evidenceNeedsTexts, localPhrasesOf } from '../../graph-schema/evidence-spans.js';
import { readQueries } from '../../store/queries/index.js';
import { byCodePoints } from '../../store/queries/row-order.js';
import type { CoverageTripleRow, LinkRow, ResponsibleRow } from '../../store/queries/read-queries.js';
import {
  buildCoverageCells,
  compareCells,
  consideredPolicies,
  countsTask,
  isCounted,
  differingTargets,
  rankLeadTypes,
  withColumnsReplaced,
  type CoverageCellData,
  type PeriodFilter,
} from '../analysis/coverage.js';
import { adoptionCurves, observedYears, type AdoptionEvent } from '../analysis/adoption.js';
import { auditGap } from '../analysis/gap-audit.js';
import { titleLinksOf } from '../analysis/title-links.js';
import { inChronologicalOrder, planSeries, versionStep } from '../analysis/plan-versions.js';
import { readAdoption } from '../analysis/read-adoption.js';
import { collectLineage, type LineageEdge } from '../analysis/lineage.js';
import type { ApiContext } from '../context/request-context.js';
import { whenLoaded, withLists } from '../context/loaders.js';
import { targetsOfLink } from '../analysis/link-targets.js';
import { badUserInput, parseArgs } from './args.js';

type Args = Record<string, unknown>;
type MaybePromise<T> = T | Promise<T>;
type TaskParent = TaskNode & { snippet?: string };
type LineageLinkRow = LinkRow & LineageEdge;

interface CompareRowData {
  nationalItemId: string;
  taskIdsA: string[];
  taskIdsB: string[];
  shared: boolean;
}

/** A value the graph guarantees (a task's policy); its absence is a data error, masked for clients. */
function required<T>(value: T | null | undefined, what: string): T {
  if (value == null) throw new Error(`dangling reference: ${what}`);
  return value;
}

function present<T>(values: readonly (T | Error | null)[]): T[] {
  return values.filter((value): value is T => value !== null && !(value instanceof Error));
}

/** The phrases of a link's stored evidence, their texts cut from the task's text and the other side's (graph-schema/evidence-spans.ts). */
function parseEvidence(link: LinkRow, otherSide: 'task' | 'nationalItem', ctx: ApiContext): LinkEvidence[] | Promise<LinkEvidence[]> {
  const stored = link.evidence;
  if (!stored) return [];
  const unreadable = (error: unknown): LinkEvidence[] => {
    ctx.logger.warn(`unreadable evidence on the link ${link.fromId} → ${link.toId}`, error);
    return [];
  };
  const decode = (localText: string, otherText: string) => {
    try {
      return relationships.IMPLEMENTS.properties.evidence.decode(stored, { localText, otherText });
    } catch (error) {
      return unreadable(error);
    }
  };
  if (!evidenceNeedsTexts(stored)) return decode('', '');
  const local = ctx.load.one('task', link.fromId);
  const other: { text: string } | null | Promise<{ text: string } | null> =
    otherSide === 'task' ? ctx.load.one('task', link.toId) : ctx.load.one('nationalItem', link.toId);
  return whenLoaded(local, (task) =>
    whenLoaded(other, (node) =>
      task && node ? decode(task.text, node.text) : unreadable(new Error('a side of the link is not in the graph')),
    ),
  );
}

async function jurisdictionsOrFail(ids: readonly string[], ctx: ApiContext, argument: string): Promise<JurisdictionNode[]> {
  const found = await ctx.loaders.jurisdiction.loadMany(ids);
  return ids.map((id, i) => {
    const jurisdiction = found[i];
    if (!jurisdiction || jurisdiction instanceof Error) {
      throw badUserInput(`Unknown jurisdiction "${id}": see the jurisdictions query for the codes in the graph.`, argument);
    }
    return jurisdiction;
  });
}

function tasksByIds(ids: readonly string[], ctx: ApiContext): TaskNode[] | Promise<TaskNode[]> {
  return whenLoaded(ctx.load.many('task', ids), present);
}

/**
 * The tasks implementing a national item, in coverage order: of one jurisdiction and of the
 * documents in force in a period when the arguments say so (as a coverage cell considers them),
 * and only those a cell counts when asked.
 */
async function implementingTaskIds(item: NationalItemNode, args: Args, ctx: ApiContext): Promise<string[]> {
  const { jurisdictionId, counted, period } = parseArgs(ctx.args.implementations, args);
  const [triples, inPeriod] = await Promise.all([
    ctx.load.one('implementationsOfNationalItem', item.id),
    period ? policiesInForce(jurisdictionId, period, ctx) : null,
  ]);
  const wanted = (row: CoverageTripleRow) =>
    (!jurisdictionId || row.jurisdictionId === jurisdictionId) &&
    (!counted || countsTask(row)) &&
    (!inPeriod || inPeriod.has(row.policyId));
  return [...new Set(triples.filter(wanted).map((row) => row.taskId))];
}

/** The ids of the documents a matrix restricted to `period` considers, of one jurisdiction or of all. */
async function policiesInForce(jurisdictionId: string | null | undefined, period: PeriodFilter, ctx: ApiContext): Promise<Set<string>> {
  const policies = await ctx.store.read(readQueries.allPolicies);
  const jurisdictionIds = jurisdictionId ? [jurisdictionId] : [...new Set(policies.flatMap((policy) => policy.jurisdictionId ?? []))];
  return new Set([...consideredPolicies(policies, jurisdictionIds, period).values()].flat().map((policy) => policy.id));
}

/** A value the graph guarantees, at once when it is kept. */
function requiredNow<T>(value: T | null | Promise<T | null>, what: string): T | Promise<T> {
  return whenLoaded(value, (found) => required(found, what));
}

/**
 * The matrix over every jurisdiction last built, per kept graph (none where the graph is not kept:
 * another process may write it): a server on an embedded store keeps the triples between writes
 * (see server/context/kept-graph.ts), so the 170,000 cells of a national store are built once per
 * version of the graph; and after a write, only the columns of the jurisdictions it changed (see
 * withColumnsReplaced), the whole matrix where that is not known.
 */
interface EveryJurisdictionCells {
  /** The version of the kept graph it was built at: the triples are read only when it is not the graph's now. */
  version: number;
  itemIds: readonly string[];
  jurisdictionIds: readonly string[];
  cells: CoverageCellData[];
}
const everyJurisdictionCells = new WeakMap<object, EveryJurisdictionCells>();

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The jurisdictions among `jurisdictionIds` the writes since `version` may have changed; null when not known. */
function changedSince(version: number | null, jurisdictionIds: readonly string[], ctx: ApiContext): string[] | null {
  if (version === null || !ctx.changes) return null;
  const changed: string[] = [];
  for (const id of jurisdictionIds) {
    const touched = ctx.changes.touchedSince(version, [id]);
    if (touched === null) return null;
    if (touched) changed.push(id);
  }
  return changed;
}

/** The triples of these jurisdictions, and their possible ones. */
function triplesOf(jurisdictionIds: readonly string[], ctx: ApiContext) {
  return Promise.all([
    ctx.store.read(readQueries.coverageTriples, { ids: [...jurisdictionIds] }),
    ctx.store.read(readQueries.possibleTriples, { ids: [...jurisdictionIds] }),
  ]);
}

/**
 * What a matrix is built from, but the triples (see triplesOf): the national items and the
 * documents considered, all of each jurisdiction's or those in force in `period`.
 */
async function coverageInputs(jurisdictionIds: readonly string[], ctx: ApiContext, every: boolean, period: PeriodFilter | null) {
  const [items, policies] = await Promise.all([ctx.store.read(readQueries.allNationalItems), ctx.store.read(readQueries.allPolicies)]);
  for (const item of items) ctx.loaders.nationalItem.prime(item.id, withLists('NationalItem', item));
  // Only the documents of the jurisdictions asked: the answer's tasks are theirs. Priming every
  // document of a national store (3,000) cost a compare of two jurisdictions more than its own tasks.
  const asked = every ? null : new Set(jurisdictionIds);
  for (const policy of policies) {
    if (asked === null || (policy.jurisdictionId !== null && asked.has(policy.jurisdictionId)))
      ctx.loaders.policy.prime(policy.id, withLists('Policy', policy));
  }
  const documents = consideredPolicies(policies, jurisdictionIds, period);
  const considered = new Set([...documents.values()].flat().map((policy) => policy.id));
  const itemIds = items.map((item) => item.id);
  const linkContext = await ctx.linkContext();
  return {
    nationalItems: items.map((item) => withLists('NationalItem', item)),
    itemIds,
    documents,
    /** The triples a matrix counts, of `triples` or `possible` (see countedTriples), as they are reached. */
    counted: (of: Iterable<CoverageTripleRow>) => countedAsReached(of, considered),
    /** The cells of these jurisdictions' columns, from the triples counted (theirs, or more) and the possible ones. */
    columnsOf: (
      ids: readonly string[],
      counted: Iterable<CoverageTripleRow>,
      countedPossible: Iterable<CoverageTripleRow>,
      options?: { taskIds: boolean },
    ) => {
      const theirs = ids.flatMap((id) => documents.get(id) ?? []);
      const documented = new Set(ids.filter((id) => (documents.get(id)?.length ?? 0) > 0));
      return buildCoverageCells(itemIds, ids, counted, documented, titleLinksOf(theirs, linkContext), countedPossible, options);
    },
  };
}

function* countedAsReached(triples: Iterable<CoverageTripleRow>, considered: ReadonlySet<string>): Generator<CoverageTripleRow> {
  for (const triple of triples) if (isCounted(triple, considered)) yield triple;
}

/** The matrix of these jurisdictions, and the triples it counts. */
async function coverageOf(jurisdictionIds: readonly string[], ctx: ApiContext, period: PeriodFilter | null = null) {
  const [{ nationalItems, documents, counted, columnsOf }, [triples, possible]] = await Promise.all([
    coverageInputs(jurisdictionIds, ctx, false, period),
    triplesOf(jurisdictionIds, ctx),
  ]);
  const countedRows = [...counted(triples)];
  return { triples: countedRows, nationalItems, cells: columnsOf(jurisdictionIds, countedRows, counted(possible)), documents };
}

/**
 * The matrix of every jurisdiction with tasks (`jurisdictionIds`), brought up to date from the last one
 * built where it can be. The triples of every jurisdiction are read only to build it whole: a server
 * keeps them by column (server/context/column-rows.ts), and reading them makes 3.9 million rows on a
 * store of 30,000 documents.
 */
async function coverageOfEvery(jurisdictionIds: readonly string[], ctx: ApiContext, period: PeriodFilter | null) {
  const { nationalItems, itemIds, documents, counted, columnsOf } = await coverageInputs(jurisdictionIds, ctx, true, period);
  const version = ctx.changes?.version ?? null;
  const last = ctx.changes && everyJurisdictionCells.get(ctx.changes);
  const sameMatrix = last && sameIds(last.itemIds, itemIds) && sameIds(last.jurisdictionIds, jurisdictionIds);
  if (!period && sameMatrix && last.version === version) return { nationalItems, cells: last.cells, documents };
  const changed = !period && sameMatrix ? changedSince(last.version, jurisdictionIds, ctx) : null;
  const kept = !period && ctx.changes && version !== null;
  // The matrix kept counts its cells' tasks; their ids are read again when asked (everyCellTaskIds).
  const options = { taskIds: !kept };
  let cells: CoverageCellData[];
  if (last && changed) {
    const [triples, possible] = await triplesOf(changed, ctx);
    cells = withColumnsReplaced(last.cells, jurisdictionIds, changed, columnsOf(changed, counted(triples), counted(possible), options));
  } else {
    // Each triple made and let go as the cells take it: 3.9 million at once took 400 MB more of the heap.
    const [triples, possible] = await Promise.all([
      ctx.eachRow(readQueries.allCoverageTriples),
      ctx.eachRow(readQueries.allPossibleTriples),
    ]);
    cells = columnsOf(jurisdictionIds, counted(triples), counted(possible), options);
  }
  if (kept && ctx.changes) everyJurisdictionCells.set(ctx.changes, { version, itemIds, jurisdictionIds, cells });
  return { nationalItems, cells, documents };
}

/**
 * The ids of the tasks a cell of the kept matrix of every jurisdiction counts (it keeps only their
 * number): its jurisdiction's triples, read once per request, by item.
 */
async function everyCellTaskIds(cell: CoverageCellData, ctx: ApiContext): Promise<string[]> {
  const triples = await ctx.load.one('coverageOfJurisdiction', cell.jurisdictionId);
  let byItem = countedTaskIdsByItem.get(triples);
  if (!byItem) {
    byItem = new Map();
    // Every document of the jurisdiction is considered, as in the matrix kept (it has no period).
    for (const triple of triples) {
      if (!countsTask(triple)) continue;
      const ids = byItem.get(triple.nationalItemId) ?? new Set<string>();
      byItem.set(triple.nationalItemId, ids.add(triple.taskId));
    }
    countedTaskIdsByItem.set(triples, byItem);
  }
  return [...(byItem.get(cell.nationalItemId) ?? [])];
}
const countedTaskIdsByItem = new WeakMap<readonly CoverageTripleRow[], Map<string, Set<string>>>();

/** Tasks of documents in document order, primed for the request's later lookups. */
async function tasksOfPolicies(policyIds: readonly string[], ctx: ApiContext): Promise<TaskNode[]> {
  const lists = await ctx.loaders.tasksOfPolicy.loadMany([...policyIds]);
  const tasks = lists.flatMap((list) => (Array.isArray(list) ? list : []));
  for (const task of tasks) ctx.loaders.task.prime(task.id, withLists('Task', task));
  return tasks;
}

/** Documents whose tasks are read at a time while a page of one jurisdiction's tasks is filled. */
const PAGE_DOCUMENTS = 8;

/**
 * A page of one jurisdiction's tasks in the order of `taskIdsPage` (document id, then position),
 * read document by document: the page query sorts every task of the store (2 million: 95 ms), and
 * the tasks read so are whole documents, whose agencies, targets and links are then read per
 * document (see loaders.ts).
 */
async function taskPageOfJurisdiction(jurisdictionId: string, offset: number, limit: number, ctx: ApiContext): Promise<TaskNode[]> {
  const policies = await ctx.loaders.policiesOfJurisdiction.load(jurisdictionId);
  const ids = policies
    .filter((policy) => !policy.stub)
    .map((policy) => policy.id)
    .sort(byCodePoints);
  const tasks: TaskNode[] = [];
  for (let from = 0; from < ids.length && tasks.length < offset + limit; from += PAGE_DOCUMENTS)
    tasks.push(...(await tasksOfPolicies(ids.slice(from, from + PAGE_DOCUMENTS), ctx)));
  return tasks.slice(offset, offset + limit);
}

/**
 * A jurisdiction's local innovations: items linked to no national item, themselves or through one of
 * their measures. A document without items (measures only) lists its unlinked measures.
 */
function unlinkedTasks(tasks: readonly TaskNode[], linkedTaskIds: ReadonlySet<string>): TaskNode[] {
  const linkedParents = new Set(tasks.filter((task) => linkedTaskIds.has(task.id) && task.parentId).map((task) => task.parentId));
  const unit = tasks.some((task) => task.kind === 'item') ? 'item' : 'measure';
  return tasks.filter((task) => task.kind === unit && !linkedTaskIds.has(task.id) && !linkedParents.has(task.id));
}

const byIssueDate = (a: PolicyNode, b: PolicyNode) => (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') || a.id.localeCompare(b.id);

/** The evidence of a link whose other side is a national item (IMPLEMENTS) or a parent task (DERIVES_FROM). */
const evidenceTo = (otherSide: 'task' | 'nationalItem') => ({
  evidence: (link: LinkRow, _args: Args, ctx: ApiContext) => parseEvidence(link, otherSide, ctx),
});

export const resolvers = {
  Query: {
    async jurisdictions(_: unknown, _args: Args, ctx: ApiContext) {
      const rows = await ctx.store.read(readQueries.allJurisdictions);
      return rows.map((row) => withLists('Jurisdiction', row));
    },
    jurisdiction(_: unknown, args: Args, ctx: ApiContext) {
      const { id } = parseArgs(ctx.args.jurisdiction, args);
      return ctx.loaders.jurisdiction.load(id);
    },
    async policies(_: unknown, args: Args, ctx: ApiContext) {
      const { jurisdictionId, includeStubs } = parseArgs(ctx.args.policies, args);
      const rows = jurisdictionId
        ? await ctx.loaders.policiesOfJurisdiction.load(jurisdictionId)
        : await ctx.store.read(readQueries.allPolicies);
      return rows.filter((row) => includeStubs === true || !row.stub).map((row) => withLists('Policy', row));
    },
    policy(_: unknown, args: Args, ctx: ApiContext) {
      return ctx.loaders.policy.load(parseArgs(ctx.args.id, args).id);
    },
    task(_: unknown, args: Args, ctx: ApiContext) {
      return ctx.loaders.task.load(parseArgs(ctx.args.id, args).id);
    },
    async tasks(_: unknown, args: Args, ctx: ApiContext) {
      const { jurisdictionId, limit, offset } = parseArgs(ctx.args.tasks, args);
      const pageNow = ctx.kept?.taskIdsPageNow(jurisdictionId ?? null, offset, limit);
      if (pageNow) return tasksByIds(pageNow, ctx);
      if (jurisdictionId) return taskPageOfJurisdiction(jurisdictionId, offset, limit, ctx);
      const page = await ctx.store.read(readQueries.allTaskIdsPage, { skip: offset, limit });
      return tasksByIds(
        page.map((row) => row.id),
        ctx,
      );
    },
    async search(_: unknown, args: Args, ctx: ApiContext): Promise<TaskParent[]> {
      const { text, jurisdictionId, limit } = parseArgs(ctx.args.search, args);
      const hits = ctx.searchIndex.search(text, { jurisdictionId: jurisdictionId ?? null, limit });
      const tasks = await ctx.loaders.task.loadMany(hits.map((hit) => hit.id));
      // The index may be a little behind the store after a re-ingest: skip tasks that are gone.
      return hits.flatMap((hit, i) => {
        const task = tasks[i];
        return task && !(task instanceof Error) ? [{ ...task, snippet: hit.snippet }] : [];
      });
    },
    async nationalItems(_: unknown, args: Args, ctx: ApiContext) {
      const { pillar } = parseArgs(ctx.args.nationalItems, args);
      const rows = await ctx.store.read(readQueries.allNationalItems);
      return rows.filter((row) => !pillar || row.pillar === pillar).map((row) => withLists('NationalItem', row));
    },
    nationalItem(_: unknown, args: Args, ctx: ApiContext) {
      return ctx.loaders.nationalItem.load(parseArgs(ctx.args.id, args).id);
    },
    async lineage(_: unknown, args: Args, ctx: ApiContext) {
      const { taskId } = parseArgs(ctx.args.lineage, args);
      const task = await ctx.loaders.task.load(taskId);
      if (!task) return null;
      const data = await collectLineage<LineageLinkRow>(taskId, {
        async linksOf(ids) {
          const [implementsLists, derivesLists] = await Promise.all([
            ctx.loaders.implementsOfTask.loadMany(ids),
            ctx.loaders.derivesFromOfTask.loadMany(ids),
          ]);
          return ids.map((_id, i) => {
            const implementsRows = implementsLists[i];
            const derivesRows = derivesLists[i];
            return [
              ...(Array.isArray(implementsRows) ? implementsRows : []).map((row) => ({
                ...row,
                relation: 'IMPLEMENTS' as const,
                fromTaskId: row.fromId,
              })),
              ...(Array.isArray(derivesRows) ? derivesRows : []).map((row) => ({
                ...row,
                relation: 'DERIVES_FROM' as const,
                fromTaskId: row.fromId,
              })),
            ];
          });
        },
      });
      return { task, ...data };
    },
    async coverage(_: unknown, args: Args, ctx: ApiContext) {
      const parsed = parseArgs(ctx.args.coverage, args);
      const jurisdictionIds = parsed.jurisdictionIds
        ? [...new Set(parsed.jurisdictionIds)]
        : (await ctx.store.read(readQueries.jurisdictionIdsWithTasks)).map((row) => row.id);
      const jurisdictions = await jurisdictionsOrFail(jurisdictionIds, ctx, 'jurisdictionIds');
      if (jurisdictionIds.length === 0) return { nationalItems: [], jurisdictions, cells: [], columns: [] };
      const coverage = parsed.jurisdictionIds
        ? await coverageOf(jurisdictionIds, ctx, parsed.period)
        : await coverageOfEvery(jurisdictionIds, ctx, parsed.period ?? null);
      const columns = jurisdictions.map((jurisdiction) => ({
        jurisdiction,
        documents: [...(coverage.documents.get(jurisdiction.id) ?? [])].sort(byIssueDate),
      }));
      return { ...coverage, jurisdictions, columns };
    },
    async compare(_: unknown, args: Args, ctx: ApiContext) {
      const { a, b, period } = parseArgs(ctx.args.compare, args);
      if (a === b) throw badUserInput('Arguments "a" and "b" name the same jurisdiction; compare needs two.', 'b');
      const [ja, jb] = await jurisdictionsOrFail([a, b], ctx, 'a');
      const { cells, triples, documents } = await coverageOf([a, b], ctx, period);
      const documentsA = [...(documents.get(a) ?? [])].sort(byIssueDate);
      const documentsB = [...(documents.get(b) ?? [])].sort(byIssueDate);
      // Both sides' tasks come from a few documents: one lookup per document, not per task.
      const linked = new Set(triples.map((triple) => triple.taskId));
      const [tasksA, tasksB] = await Promise.all([
        tasksOfPolicies(
          documentsA.map((policy) => policy.id),
          ctx,
        ),
        tasksOfPolicies(
          documentsB.map((policy) => policy.id),
          ctx,
        ),
      ]);
      const split = compareCells(cells, a, b);
      const rows = (list: typeof split.shared, shared: boolean): CompareRowData[] => list.map((row) => ({ ...row, shared }));
      return {
        a: ja,
        b: jb,
        documentsA,
        documentsB,
        shared: rows(split.shared, true),
        onlyA: rows(split.onlyA, false),
        onlyB: rows(split.onlyB, false),
        unlinkedA: unlinkedTasks(tasksA, linked),
        unlinkedB: unlinkedTasks(tasksB, linked),
      };
    },
    async adoption(_: unknown, args: Args, ctx: ApiContext) {
      const parsed = parseArgs(ctx.args.adoption, args);
      const ids = parsed.jurisdictionIds ? [...new Set(parsed.jurisdictionIds)] : undefined;
      if (ids) await jurisdictionsOrFail(ids, ctx, 'jurisdictionIds');
      const data = await readAdoption(ctx.store, ids, parsed.pillar);
      const years = observedYears(data.events);
      const pillarOf = new Map(data.nationalItems.map((item) => [item.id, item.pillar]));
      const curve = (byPillar: boolean) => (c: ReturnType<typeof adoptionCurves>[number]) => ({
        ...c,
        nationalItemId: byPillar ? null : c.key,
        pillar: byPillar ? c.key : (pillarOf.get(c.key) ?? ''),
      });
      const observed = new Set(data.observed);
      return {
        years,
        jurisdictions: data.jurisdictions.filter((j) => observed.has(j.id)),
        events: data.events,
        itemCurves: adoptionCurves(data.events, years, (id) => id).map(curve(false)),
        pillarCurves: adoptionCurves(data.events, years, (id) => pillarOf.get(id) ?? '').map(curve(true)),
      };
    },
    async planVersions(_: unknown, args: Args, ctx: ApiContext) {
      const { jurisdictionId, policyIds } = parseArgs(ctx.args.planVersions, args);
      let series: PolicyNode[][];
      if (policyIds) {
        const found = await ctx.loaders.policy.loadMany(policyIds);
        const [missing] = policyIds.filter((_, i) => !found[i] || found[i] instanceof Error);
        if (missing !== undefined) throw badUserInput(`Unknown document "${missing}": see the policies query.`, 'policyIds');
        series = [inChronologicalOrder(present(found))];
      } else {
        // args.ts lets through exactly one of the two; should that change, say so rather than read nothing.
        if (!jurisdictionId) throw badUserInput('give either jurisdictionId or policyIds', 'jurisdictionId');
        await jurisdictionsOrFail([jurisdictionId], ctx, 'jurisdictionId');
        series = planSeries((await ctx.loaders.policiesOfJurisdiction.load(jurisdictionId)).filter((policy) => !policy.stub));
      }
      return Promise.all(
        series.map(async (documents) => {
          const versions = await Promise.all(
            documents.map(async (policy) => {
              const tasks = (await tasksOfPolicies([policy.id], ctx)).filter((task) => task.kind !== 'section');
              const [links, targets] = await Promise.all([
                ctx.loaders.implementsOfTask.loadMany(tasks.map((task) => task.id)),
                ctx.loaders.targetsOfTask.loadMany(tasks.map((task) => task.id)),
              ]);
              const items = [...new Set(links.flatMap((list) => (Array.isArray(list) ? list.map((link) => link.toId) : [])))];
              return { policy, items, targets: targets.flatMap((list) => (Array.isArray(list) ? list : [])) };
            }),
          );
          const items = async (ids: string[]) => present(await ctx.loaders.nationalItem.loadMany(ids));
          const steps = await Promise.all(
            versions.slice(1).map(async (after, i) => {
              // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < versions.length - 1: the version before `after`
              const before = versions[i]!;
              const step = versionStep(before.items, after.items, before.targets, after.targets);
              // Awaited here: a list field's value that is a promise is an error to graphql-jit (compiled-queries.ts).
              const [continued, added, dropped] = await Promise.all([items(step.continued), items(step.added), items(step.dropped)]);
              return { from: before.policy, to: after.policy, continued, added, dropped, targetChanges: step.targetChanges };
            }),
          );
          return { documents, steps };
        }),
      );
    },
    async gapAudit(_: unknown, args: Args, ctx: ApiContext) {
      const { nationalItemId, jurisdictionId, period } = parseArgs(ctx.args.gapAudit, args);
      const [jurisdiction] = await jurisdictionsOrFail([jurisdictionId], ctx, 'jurisdictionId');
      const { cells, documents } = await coverageOf([jurisdictionId], ctx, period);
      const cell = cells.find((candidate) => candidate.nationalItemId === nationalItemId);
      const nationalItem = await ctx.loaders.nationalItem.load(nationalItemId);
      if (!cell || !nationalItem)
        throw badUserInput(`Unknown national item "${nationalItemId}": see the nationalItems query.`, 'nationalItemId');
      const considered = [...(documents.get(jurisdictionId) ?? [])].sort(byIssueDate);
      const tasks = await tasksOfPolicies(
        considered.map((policy) => policy.id),
        ctx,
      );
      const linkContext = await ctx.linkContext();
      const catalogueItem = linkContext.catalogue.items.find((item) => item.id === nationalItemId);
      const audit = catalogueItem
        ? auditGap(catalogueItem, tasks, new Set(cell.taskIds), linkContext)
        : { candidates: [], keywordHits: [] };
      return { nationalItem, jurisdiction, status: cell.status, documents: considered, ...audit };
    },
  },

  Jurisdiction: {
    parent: (j: JurisdictionNode, _args: Args, ctx: ApiContext) => (j.parentId ? ctx.load.one('jurisdiction', j.parentId) : null),
    async policies(j: JurisdictionNode, args: Args, ctx: ApiContext) {
      const includeStubs = args.includeStubs === true;
      const rows = await ctx.loaders.policiesOfJurisdiction.load(j.id);
      return rows.filter((row) => includeStubs || !row.stub);
    },
  },

  Policy: {
    jurisdiction: (p: PolicyNode, _args: Args, ctx: ApiContext) =>
      p.jurisdictionId ? ctx.load.one('jurisdiction', p.jurisdictionId) : null,
    text: (p: PolicyNode, _args: Args, ctx: ApiContext) => ctx.loaders.policyText.load(p.id),
    tasks: (p: PolicyNode, _args: Args, ctx: ApiContext) => ctx.loaders.tasksOfPolicy.load(p.id),
    async cites(p: PolicyNode, _args: Args, ctx: ApiContext) {
      const rows = await ctx.loaders.cites.load(p.id);
      return present(await ctx.loaders.policy.loadMany(rows.map((row) => row.toId)));
    },
    async citedBy(p: PolicyNode, _args: Args, ctx: ApiContext) {
      const rows = await ctx.loaders.citedBy.load(p.id);
      return present(await ctx.loaders.policy.loadMany(rows.map((row) => row.fromId)));
    },
  },

  Task: {
    order: (t: TaskParent) => t.seq,
    span: (t: TaskParent) => ({ start: t.spanStart, end: t.spanEnd }),
    policy: (t: TaskParent, _args: Args, ctx: ApiContext) =>
      requiredNow(ctx.load.one('policy', t.policyId), `policy ${t.policyId} of task ${t.id}`),
    jurisdiction: (t: TaskParent, _args: Args, ctx: ApiContext) =>
      requiredNow(ctx.load.one('jurisdiction', t.jurisdictionId), `jurisdiction ${t.jurisdictionId} of task ${t.id}`),
    parent: (t: TaskParent, _args: Args, ctx: ApiContext) => (t.parentId ? ctx.load.one('task', t.parentId) : null),
    children: (t: TaskParent, _args: Args, ctx: ApiContext) => ctx.loaders.childrenOfTask.load(t.id),
    agencies: (t: TaskParent, _args: Args, ctx: ApiContext) => ctx.load.one('responsibleOfTask', t.id),
    targets: (t: TaskParent, _args: Args, ctx: ApiContext) => ctx.load.one('targetsOfTask', t.id),
    implements: (t: TaskParent, _args: Args, ctx: ApiContext) => ctx.load.one('implementsOfTask', t.id),
    derivesFrom: (t: TaskParent, _args: Args, ctx: ApiContext) => ctx.load.one('derivesFromOfTask', t.id),
    derivedBy: (t: TaskParent, _args: Args, ctx: ApiContext) => ctx.loaders.derivedByOfTask.load(t.id),
    snippet: (t: TaskParent) => t.snippet ?? null,
  },

  TaskAgency: {
    type: (row: ResponsibleRow) => row.agencyType,
    agency: (row: ResponsibleRow) => ({
      id: row.agencyId,
      name: row.agencyName,
      nameEn: row.agencyNameEn,
      type: row.agencyType,
      jurisdictionId: row.agencyJurisdictionId,
      // Aliases are not part of the join; load the full node only when asked.
      aliases: null,
    }),
  },

  Agency: {
    async aliases(agency: { id: string; aliases: string[] | null }, _args: Args, ctx: ApiContext) {
      if (agency.aliases) return agency.aliases;
      return (await ctx.loaders.agency.load(agency.id))?.aliases ?? [];
    },
  },

  ImplementsLink: {
    ...evidenceTo('nationalItem'),
    nationalItem: (link: LinkRow, _args: Args, ctx: ApiContext) =>
      requiredNow(ctx.load.one('nationalItem', link.toId), `national item ${link.toId}`),
    task: (link: LinkRow, _args: Args, ctx: ApiContext) => requiredNow(ctx.load.one('task', link.fromId), `task ${link.fromId}`),
    targets: (link: LinkRow, _args: Args, ctx: ApiContext) => targetsOfLinkTo(link.fromId, link.toId, ctx),
  },

  DerivesFromLink: {
    ...evidenceTo('task'),
    from: (link: LinkRow, _args: Args, ctx: ApiContext) => requiredNow(ctx.load.one('task', link.fromId), `task ${link.fromId}`),
    to: (link: LinkRow, _args: Args, ctx: ApiContext) => requiredNow(ctx.load.one('task', link.toId), `task ${link.toId}`),
  },

  NationalItem: {
    async implementations(item: NationalItemNode, args: Args, ctx: ApiContext) {
      return tasksByIds(await implementingTaskIds(item, args, ctx), ctx);
    },
    async implementedBy(item: NationalItemNode, args: Args, ctx: ApiContext) {
      // Each implementing task's links, as IMPLEMENTS is read forward (graph-schema: intoFewNodes).
      const links = await whenLoaded(ctx.load.many('implementsOfTask', await implementingTaskIds(item, args, ctx)), present);
      return links.flat().filter((link) => link.toId === item.id);
    },
  },

  LineageLink: {
    evidence: (link: LineageLinkRow, _args: Args, ctx: ApiContext) =>
      parseEvidence(link, link.relation === 'DERIVES_FROM' ? 'task' : 'nationalItem', ctx),
    toTaskId: (link: LineageLinkRow) => (link.relation === 'DERIVES_FROM' ? link.toId : null),
    toNationalItemId: (link: LineageLinkRow) => (link.relation === 'IMPLEMENTS' ? link.toId : null),
    from: (link: LineageLinkRow, _args: Args, ctx: ApiContext) =>
      requiredNow(ctx.load.one('task', link.fromTaskId), `task ${link.fromTaskId}`),
    toTask: (link: LineageLinkRow, _args: Args, ctx: ApiContext) =>
      link.relation === 'DERIVES_FROM' ? ctx.load.one('task', link.toId) : null,
    toNationalItem: (link: LineageLinkRow, _args: Args, ctx: ApiContext) =>
      link.relation === 'IMPLEMENTS' ? ctx.load.one('nationalItem', link.toId) : null,
  },

  LineagePath: {
    nationalItem: (path: { links: LineageLinkRow[] }, _args: Args, ctx: ApiContext) => {
      const last = path.links[path.links.length - 1];
      return last?.relation === 'IMPLEMENTS' ? ctx.load.one('nationalItem', last.toId) : null;
    },
    end: (path: { links: LineageLinkRow[] }, _args: Args, ctx: ApiContext) => {
      const last = path.links[path.links.length - 1];
      return last?.relation === 'DERIVES_FROM' ? ctx.load.one('task', last.toId) : null;
    },
  },

  Lineage: {
    tasks: (lineage: { taskIds: string[] }, _args: Args, ctx: ApiContext) => tasksByIds(lineage.taskIds, ctx),
    nationalItems: (lineage: { nationalItemIds: string[] }, _args: Args, ctx: ApiContext) =>
      whenLoaded(ctx.load.many('nationalItem', lineage.nationalItemIds), present),
  },

  CoverageCell: {
    taskIds: (cell: CoverageCellData, _args: Args, ctx: ApiContext) => cell.taskIds ?? everyCellTaskIds(cell, ctx),
  },

  Coverage: {
    /** Cells come items outer, jurisdictions inner (buildCoverageCells): one row per item. */
    counts: (coverage: { jurisdictions: readonly unknown[]; cells: readonly CoverageCellData[] }) => {
      const width = coverage.jurisdictions.length;
      const rows: number[][] = [];
      for (let start = 0; start < coverage.cells.length; start += width) {
        rows.push(coverage.cells.slice(start, start + width).map((cell) => cell.taskCount));
      }
      return rows;
    },
  },

  AdoptionEvent: {
    jurisdiction: async (event: AdoptionEvent, _args: Args, ctx: ApiContext) =>
      required(await ctx.loaders.jurisdiction.load(event.jurisdictionId), `jurisdiction ${event.jurisdictionId}`),
    nationalItem: async (event: AdoptionEvent, _args: Args, ctx: ApiContext) =>
      required(await ctx.loaders.nationalItem.load(event.nationalItemId), `national item ${event.nationalItemId}`),
    document: (event: AdoptionEvent, _args: Args, ctx: ApiContext) => (event.policyId ? ctx.loaders.policy.load(event.policyId) : null),
  },

  AdoptionCurve: {
    nationalItem: (curve: { nationalItemId: string | null }, _args: Args, ctx: ApiContext) =>
      curve.nationalItemId ? ctx.loaders.nationalItem.load(curve.nationalItemId) : null,
  },

  CompareRow: {
    nationalItem: (row: CompareRowData, _args: Args, ctx: ApiContext) =>
      requiredNow(ctx.load.one('nationalItem', row.nationalItemId), `national item ${row.nationalItemId}`),
    tasksA: (row: CompareRowData, _args: Args, ctx: ApiContext) => tasksByIds(row.taskIdsA, ctx),
    tasksB: (row: CompareRowData, _args: Args, ctx: ApiContext) => tasksByIds(row.taskIdsB, ctx),
    linksA: (row: CompareRowData, _args: Args, ctx: ApiContext) => linksToItem(row.taskIdsA, row.nationalItemId, ctx),
    linksB: (row: CompareRowData, _args: Args, ctx: ApiContext) => linksToItem(row.taskIdsB, row.nationalItemId, ctx),
    leadAgencyTypesA: (row: CompareRowData, _args: Args, ctx: ApiContext) => leadTypesOf(row.taskIdsA, ctx),
    leadAgencyTypesB: (row: CompareRowData, _args: Args, ctx: ApiContext) => leadTypesOf(row.taskIdsB, ctx),
    targetDifferences(row: CompareRowData, _args: Args, ctx: ApiContext) {
      if (!row.shared) return [];
      const targetsOf = (taskIds: readonly string[]) =>
        allLoaded(taskIds.map((taskId) => targetsOfLinkTo(taskId, row.nationalItemId, ctx)));
      return whenLoaded(targetsOf(row.taskIdsA), (listsA) =>
        whenLoaded(targetsOf(row.taskIdsB), (listsB) => differingTargets(listsA.flat(), listsB.flat())),
      );
    },
  },
};

/** Each task's IMPLEMENTS link to the item, in the order of the tasks: a task of a coverage cell is one of the item's triples, each an IMPLEMENTS link. */
function linksToItem(taskIds: readonly string[], itemId: string, ctx: ApiContext): LinkRow[] | Promise<LinkRow[]> {
  return whenLoaded(ctx.load.many('implementsOfTask', taskIds), (lists) =>
    present(lists).flatMap((links) => links.filter((link) => link.toId === itemId)),
  );
}

/** The values, at once when none is a promise to wait for. */
function allLoaded<T>(values: readonly (T | Promise<T>)[]): T[] | Promise<T[]> {
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as T[]);
}

/** Each task's targets by the item of the link they bear on. */
type TargetsByItem = (itemId: string) => readonly TargetNode[];

/** Per request, targetsByItemOf each task asked (see targetsOfLinkTo). */
const linkTargetsMade = new WeakMap<ApiContext, Map<string, MaybePromise<TargetsByItem>>>();

/**
 * The targets of a task that its link to the item bears on (server/analysis/link-targets.ts), worked out
 * once per task and request: a task is in the row of every item it implements, on both a compare row's
 * side and its target differences.
 */
function targetsOfLinkTo(taskId: string, itemId: string, ctx: ApiContext): MaybePromise<readonly TargetNode[]> {
  let made = linkTargetsMade.get(ctx);
  if (!made) linkTargetsMade.set(ctx, (made = new Map<string, MaybePromise<TargetsByItem>>()));
  let ofTask = made.get(taskId);
  if (!ofTask) made.set(taskId, (ofTask = targetsByItemOf(taskId, ctx)));
  return whenLoaded(ofTask, (targetsOf) => targetsOf(itemId));
}

function targetsByItemOf(taskId: string, ctx: ApiContext): MaybePromise<TargetsByItem> {
  return whenLoaded(ctx.load.one('targetsOfTask', taskId), (targets) =>
    targets.length === 0
      ? () => targets
      : whenLoaded(ctx.load.one('implementsOfTask', taskId), (links) =>
          links.length <= 1
            ? () => targets
            : whenLoaded(ctx.load.one('task', taskId), (task) => {
                if (!task) return () => targets;
                const wordings = links.map((link) => ({ itemId: link.toId, phrases: localPhrasesOf(link.evidence ?? '', task.text) }));
                const byItem = new Map<string, TargetNode[]>();
                return (itemId: string) => {
                  let found = byItem.get(itemId);
                  if (!found)
                    byItem.set(
                      itemId,
                      (found = targetsOfLink(task.text, targets, wordings, itemId, (target) => target.spanStart - task.spanStart)),
                    );
                  return found;
                };
              }),
        ),
  );
}

function leadTypesOf(taskIds: readonly string[], ctx: ApiContext): AgencyType[] | Promise<AgencyType[]> {
  return whenLoaded(ctx.load.many('responsibleOfTask', taskIds), (lists) =>
    rankLeadTypes(lists.map((list) => (Array.isArray(list) ? list : []))),
  );
}
