/**
 * @module Writes documents' rows in a single transaction: all of them land or none of them.
 * An unchanged document (same id and ingest key) is left alone; a revised one replaces its tasks.
 * Several documents share one transaction when loaded together, which saves Kuzu's per-statement
 * cost (about 25 statements a document) on large corpora.
 */
import type { AgencyNode, PolicyNode } from '../../graph-schema/model.js';
import type { GraphStore, WriteTransaction } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import type { GraphRows } from './graph-rows.js';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

/** Rows of several documents as one set of batches, each node once. */
function combine(documents: readonly GraphRows[]) {
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
    tasks: documents.flatMap((rows) => rows.tasks),
    taskParts: documents.flatMap((rows) => rows.taskParts),
    agencies: [...agencies.values()],
    agencyJurisdictions: documents.flatMap((rows) => rows.agencyJurisdictions),
    responsible: documents.flatMap((rows) => rows.responsible),
    targets: documents.flatMap((rows) => rows.targets),
    implementsLinks: documents.flatMap((rows) => rows.implementsLinks),
    derivesFromLinks: documents.flatMap((rows) => rows.derivesFromLinks),
    // A document cited by another of the same batch is loaded, not a stub.
    citedPolicies: unique(documents.flatMap((rows) => rows.citedPolicies)).filter((stub) => !loadedIds.has(stub.id)),
    cites: documents.flatMap((rows) => rows.cites),
  };
}

async function missingStubs(tx: WriteTransaction, stubs: PolicyNode[]): Promise<PolicyNode[]> {
  // A cited document that is already loaded (or already a stub) keeps what it has.
  const existing = await tx.read(q.policiesExisting, { ids: stubs.map((stub) => stub.id) });
  const known = new Set(existing.map((row) => row.id));
  return stubs.filter((stub) => !known.has(stub.id));
}

async function withStoredAliases(tx: WriteTransaction, agencies: AgencyNode[]): Promise<AgencyNode[]> {
  const stored = await tx.read(q.agencyAliases, { ids: agencies.map((agency) => agency.id) });
  const storedById = new Map(stored.map((row) => [row.id, row.aliases ?? []]));
  return agencies.map((agency) => ({
    ...agency,
    aliases: [...new Set([...(storedById.get(agency.id) ?? []), ...agency.aliases])].sort(),
  }));
}

/** Loads the documents in one transaction; their policy ids must differ. */
export async function loadDocuments(store: GraphStore, documents: readonly GraphRows[]): Promise<LoadOutcome[]> {
  return store.transaction(async (tx) => {
    const existing = await tx.read(q.policiesExisting, { ids: documents.map((rows) => rows.policy.id) });
    const existingById = new Map(existing.map((row) => [row.id, row]));
    const outcomes = documents.map((rows): LoadOutcome => {
      const stored = existingById.get(rows.policy.id);
      if (!stored || stored.stub) return 'created';
      return stored.ingestKey === rows.policy.ingestKey ? 'unchanged' : 'replaced';
    });
    const changed = documents.filter((_, index) => outcomes[index] !== 'unchanged');
    if (changed.length === 0) return outcomes;

    const previous = changed.filter((rows) => existingById.has(rows.policy.id)).map((rows) => ({ policyId: rows.policy.id }));
    await tx.write(q.deletePolicyTargets, previous);
    await tx.write(q.deletePolicyTasks, previous);
    await tx.write(q.deletePolicyCitations, previous);
    await tx.write(q.deletePolicyJurisdiction, previous);

    const rows = combine(changed);
    await tx.write(q.upsert.Jurisdiction, rows.jurisdictions);
    await tx.write(q.merge.PART_OF, rows.jurisdictionParents);
    await tx.write(q.upsert.Policy, rows.policies);
    await tx.write(q.merge.ISSUED_IN, rows.policies.map((policy) => ({ from: policy.id, to: policy.jurisdictionId })));
    await tx.write(q.upsert.Task, rows.tasks);
    await tx.write(q.merge.HAS_TASK, rows.tasks.map((task) => ({ from: task.policyId, to: task.id })));
    await tx.write(q.merge.HAS_PART, rows.taskParts);
    await tx.write(q.upsert.Agency, await withStoredAliases(tx, rows.agencies));
    await tx.write(q.merge.BELONGS_TO, rows.agencyJurisdictions);
    await tx.write(q.merge.RESPONSIBLE, rows.responsible);
    await tx.write(q.upsert.Target, rows.targets);
    await tx.write(q.merge.HAS_TARGET, rows.targets.map((target) => ({ from: target.taskId, to: target.id })));
    await tx.write(q.merge.IMPLEMENTS, rows.implementsLinks);
    await tx.write(q.merge.DERIVES_FROM, rows.derivesFromLinks);
    const stubs = await missingStubs(tx, rows.citedPolicies);
    await tx.write(q.upsert.Policy, stubs);
    await tx.write(q.merge.ISSUED_IN, stubs.map((stub) => ({ from: stub.id, to: stub.jurisdictionId })));
    await tx.write(q.merge.CITES, rows.cites);
    return outcomes;
  });
}

export async function loadDocument(store: GraphStore, rows: GraphRows): Promise<LoadOutcome> {
  const [outcome] = await loadDocuments(store, [rows]);
  return outcome ?? 'unchanged';
}
