/**
 * @module Per-request DataLoaders over the store's read queries. Every field that follows a
 * relationship goes through one of these, so a page of N tasks with their agencies, targets and
 * links costs one query per relationship rather than one per task.
 */
import DataLoader from 'dataloader';
import { nodes, type NodeLabel } from '../../graph-schema/model.js';
import type { GraphStore, Params } from '../../store/graph-store.js';
import { readQueries, type ReadQuery } from '../../store/queries/index.js';

/**
 * Runs a query over `$ids`, skipping the database when there are none: Kuzu's Node binding
 * crashes the process on an empty list parameter.
 */
export async function readByIds<Row>(
  store: GraphStore,
  query: ReadQuery<Row>,
  ids: readonly string[],
  params: Params = {},
): Promise<Row[]> {
  if (ids.length === 0) return [];
  return store.read(query, { ...params, ids: [...new Set(ids)] });
}

/** Kuzu answers null for an empty list property; GraphQL declares those lists non-null. */
export function withLists<Row extends Record<string, unknown>>(label: NodeLabel, row: Row): Row {
  const out: Record<string, unknown> = { ...row };
  for (const [name, spec] of Object.entries(nodes[label].properties)) {
    if (spec.storage === 'STRING[]' && out[name] == null) out[name] = [];
  }
  return out as Row;
}

function byId<Row extends { id: string }>(
  store: GraphStore,
  query: ReadQuery<Row>,
  label: NodeLabel,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const rows = await readByIds(store, query, ids);
    const found = new Map(rows.map((row) => [row.id, withLists(label, row as Row & Record<string, unknown>)]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function groupedBy<Row>(
  store: GraphStore,
  query: ReadQuery<Row>,
  keyOf: (row: Row) => string,
  prepare: (row: Row) => Row = (row) => row,
): DataLoader<string, Row[]> {
  return new DataLoader(async (ids) => {
    const rows = await readByIds(store, query, ids);
    const groups = new Map<string, Row[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(prepare(row));
      else groups.set(key, [prepare(row)]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

export function createLoaders(store: GraphStore) {
  const q = readQueries;
  const task = <R extends { id: string }>(query: ReadQuery<R>) => byId(store, query, 'Task');
  return {
    jurisdiction: byId(store, q.jurisdictionsByIds, 'Jurisdiction'),
    policy: byId(store, q.policiesByIds, 'Policy'),
    policyText: new DataLoader<string, string | null>(async (ids) => {
      const rows = await readByIds(store, q.policyTexts, ids);
      const found = new Map(rows.map((row) => [row.id, row.text]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    policiesOfJurisdiction: groupedBy(store, q.policiesByJurisdictions, (row) => row.jurisdictionId ?? '', (row) =>
      withLists('Policy', row),
    ),
    cites: groupedBy(store, q.citesByPolicies, (row) => row.fromId),
    citedBy: groupedBy(store, q.citedByPolicies, (row) => row.toId),
    task: task(q.tasksByIds),
    tasksOfPolicy: groupedBy(store, q.tasksByPolicies, (row) => row.policyId),
    childrenOfTask: groupedBy(store, q.tasksByParents, (row) => row.parentId ?? ''),
    agency: byId(store, q.agenciesByIds, 'Agency'),
    responsibleOfTask: groupedBy(store, q.responsibleByTasks, (row) => row.taskId),
    targetsOfTask: groupedBy(store, q.targetsByTasks, (row) => row.taskId),
    implementsOfTask: groupedBy(store, q.implementsByTasks, (row) => row.fromId),
    derivesFromOfTask: groupedBy(store, q.derivesFromByTasks, (row) => row.fromId),
    derivedByOfTask: groupedBy(store, q.derivedByTasks, (row) => row.toId),
    nationalItem: byId(store, q.nationalItemsByIds, 'NationalItem'),
    implementationsOfNationalItem: groupedBy(store, q.implementationsByNationalItems, (row) => row.toId),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
