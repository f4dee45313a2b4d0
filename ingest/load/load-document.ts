/**
 * @module Writes documents' rows in a single transaction: all of them land or none of them.
 * An unchanged document (same id and ingest key) is left alone; a revised one replaces its tasks.
 * Several documents share one transaction when loaded together, which saves Kuzu's per-commit
 * cost on large corpora. Every write finds its nodes from a key given as a parameter (see
 * store/queries/ingest-queries.ts), so its cost does not grow with the store.
 */
import type { AgencyNode, EdgeRow, PolicyNode } from '../../graph-schema/model.js';
import type { GraphStore, WriteTransaction } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import type { Edge, GraphRows } from './graph-rows.js';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

/** The shared rows of several documents as one set of batches, each node once. */
export function combine(documents: readonly GraphRows[]) {
  const unique = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((row) => [row.id, row])).values()];
  const agencies = new Map<string, AgencyNode>();
  for (const agency of documents.flatMap((rows) => rows.agencies)) {
    const known = agencies.get(agency.id);
    agencies.set(agency.id, known ? { ...agency, aliases: [...new Set([...known.aliases, ...agency.aliases])] } : agency);
  }
  const loadedIds = new Set(documents.map((rows) => rows.policy.id));
  return {
    policies: documents.map((rows) => rows.policy),
    jurisdictions: unique(documents.flatMap((rows) => rows.jurisdictions)),
    jurisdictionParents: documents.flatMap((rows) => rows.jurisdictionParents),
    agencies: [...agencies.values()],
    // A document cited by another of the same batch is loaded, not a stub.
    citedPolicies: unique(documents.flatMap((rows) => rows.citedPolicies)).filter((stub) => !loadedIds.has(stub.id)),
    cites: documents.flatMap((rows) => rows.cites),
  };
}

export async function missingStubs(tx: WriteTransaction, stubs: PolicyNode[]): Promise<PolicyNode[]> {
  // A cited document that is already loaded (or already a stub) keeps what it has.
  const existing = await tx.read(q.policiesExisting, { ids: stubs.map((stub) => stub.id) });
  const known = new Set(existing.map((row) => row.id));
  return stubs.filter((stub) => !known.has(stub.id));
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** One row per key, the last one winning, as MERGE then SET would leave it; CREATE needs unique rows. */
export function lastPerKey<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [keyOf(row), row])).values()];
}

export const edgeKey = (edge: Edge) => `${edge.from}\u0000${edge.to}`;

/** ISSUED_IN edges of policies; a stub whose jurisdiction could not be inferred is issued nowhere. */
export function issuedIn(policies: readonly Pick<PolicyNode, 'id' | 'jurisdictionId'>[]): EdgeRow<'ISSUED_IN'>[] {
  return policies.flatMap((policy) => (policy.jurisdictionId ? [{ from: policy.id, to: policy.jurisdictionId }] : []));
}

/** Agencies go in per jurisdiction, found from it by key; stored ones keep their aliases and gain the new ones. */
export async function writeAgencies(tx: WriteTransaction, agencies: AgencyNode[]): Promise<void> {
  for (const [jurisdictionId, group] of groupBy(agencies, (agency) => agency.jurisdictionId)) {
    const stored = await tx.read(q.storedAgencies, { jurisdictionId, ids: group.map((agency) => agency.id) });
    const storedById = new Map(stored.map((row) => [row.id, row.aliases ?? []]));
    const merged = group.map((agency) => ({
      ...agency,
      aliases: [...new Set([...(storedById.get(agency.id) ?? []), ...agency.aliases])].sort(),
    }));
    await tx.write(q.mergeAgencies, merged, { jurisdictionId });
  }
}

/**
 * A document's text parts, tasks, targets and their edges, every write anchored on its policy:
 * they are new in the transaction (a replaced version's were deleted), so they and their edges are created.
 */
async function writeDocumentTasks(tx: WriteTransaction, rows: GraphRows, agencyJurisdiction: ReadonlyMap<string, string>) {
  const policyId = rows.policy.id;
  const taskIds = new Set(rows.tasks.map((task) => task.id));
  await tx.write(q.createPolicyTextParts, rows.text.parts, { policyId });
  await tx.write(
    q.createPolicyTasks,
    lastPerKey(rows.tasks, (task) => task.id),
    { policyId },
  );
  await tx.write(q.createTaskParts, lastPerKey(rows.taskParts, edgeKey), { policyId });
  await tx.write(
    q.createTaskTargets,
    lastPerKey(rows.targets, (target) => target.id),
    { policyId },
  );
  const responsible = lastPerKey(rows.responsible, edgeKey);
  for (const [jurisdictionId, edges] of groupBy(responsible, (edge) => agencyJurisdiction.get(edge.to) ?? '')) {
    if (!jurisdictionId) throw new Error(`RESPONSIBLE edge to an agency the document does not list: ${edges[0]?.to ?? ''}`);
    await tx.write(q.createResponsible, edges, { policyId, jurisdictionId });
  }
  await tx.write(q.createImplements, lastPerKey(rows.implementsLinks, edgeKey), { policyId });
  await tx.write(q.createPossibleLinks, lastPerKey(rows.possibleLinks, edgeKey), { policyId });
  const derivesFrom = lastPerKey(rows.derivesFromLinks, edgeKey);
  await tx.write(
    q.createDerivesFromCited,
    derivesFrom.filter((edge) => taskIds.has(edge.from)),
    { policyId },
  );
  await tx.write(
    q.createDerivesFromCiting,
    derivesFrom.filter((edge) => !taskIds.has(edge.from)),
    { policyId },
  );
}

/** What loading documents changes: their outcomes, the changed ones and the ids already stored (loaded or stubs). */
export interface Replacement {
  outcomes: LoadOutcome[];
  changed: GraphRows[];
  storedPolicyIds: Set<string>;
}

/** Decides each document's outcome and removes what a changed one replaces: its previous text, tasks, targets, citations and jurisdiction. */
export async function removeReplaced(tx: WriteTransaction, documents: readonly GraphRows[]): Promise<Replacement> {
  const existing = await tx.read(q.policiesExisting, { ids: documents.map((rows) => rows.policy.id) });
  const existingById = new Map(existing.map((row) => [row.id, row]));
  const outcomes = documents.map((rows): LoadOutcome => {
    const stored = existingById.get(rows.policy.id);
    if (!stored || stored.stub) return 'created';
    return stored.ingestKey === rows.policy.ingestKey ? 'unchanged' : 'replaced';
  });
  const changed = documents.filter((_, index) => outcomes[index] !== 'unchanged');
  const previous = changed.filter((rows) => existingById.has(rows.policy.id)).map((rows) => ({ policyId: rows.policy.id }));
  await tx.write(q.deletePolicyText, previous);
  await tx.write(q.deletePolicyTargets, previous);
  await tx.write(q.deletePolicyTasks, previous);
  await tx.write(q.deletePolicyCitations, previous);
  await tx.write(q.deletePolicyJurisdiction, previous);
  return { outcomes, changed, storedPolicyIds: new Set(existingById.keys()) };
}

/** Loads the documents in one transaction; their policy ids must differ. */
export async function loadDocuments(store: GraphStore, documents: readonly GraphRows[]): Promise<LoadOutcome[]> {
  return store.transaction(async (tx) => {
    const { outcomes, changed } = await removeReplaced(tx, documents);
    if (changed.length === 0) return outcomes;

    // Shared nodes first, MERGEd (small tables; agencies are reached from their jurisdiction),
    // then each document's own nodes from its policy. CITES goes before DERIVES_FROM, which follows it.
    const rows = combine(changed);
    await tx.write(q.upsert.Jurisdiction, rows.jurisdictions);
    await tx.write(q.merge.PART_OF, rows.jurisdictionParents);
    await tx.write(q.upsert.Policy, rows.policies);
    await tx.write(q.merge.ISSUED_IN, issuedIn(rows.policies));
    await writeAgencies(tx, rows.agencies);
    const stubs = await missingStubs(tx, rows.citedPolicies);
    await tx.write(q.upsert.Policy, stubs);
    await tx.write(q.merge.ISSUED_IN, issuedIn(stubs));
    await tx.write(q.merge.CITES, rows.cites);
    const agencyJurisdiction = new Map(rows.agencies.map((agency) => [agency.id, agency.jurisdictionId]));
    for (const document of changed) await writeDocumentTasks(tx, document, agencyJurisdiction);
    return outcomes;
  });
}

export async function loadDocument(store: GraphStore, rows: GraphRows): Promise<LoadOutcome> {
  const [outcome] = await loadDocuments(store, [rows]);
  return outcome ?? 'unchanged';
}
