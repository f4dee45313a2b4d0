/**
 * @module Writes one document's rows in a single transaction: all of it lands or none of it.
 * An unchanged document (same id and ingest key) is left alone; a revised one replaces its tasks.
 */
import type { GraphStore, WriteTransaction } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import type { GraphRows } from './graph-rows.js';

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

async function writeCitedStubs(tx: WriteTransaction, rows: GraphRows): Promise<void> {
  // A cited document that is already loaded (or already a stub) keeps what it has.
  const missing = [];
  for (const stub of rows.citedPolicies) {
    const existing = await tx.read(q.findPolicy, { id: stub.id });
    if (existing.length === 0) missing.push(stub);
  }
  await tx.write(q.upsert.Policy, missing);
}

async function mergeAgencyAliases(tx: WriteTransaction, rows: GraphRows): Promise<GraphRows['agencies']> {
  const stored = await tx.read(q.agencyAliases, { ids: rows.agencies.map((agency) => agency.id) });
  const storedById = new Map(stored.map((row) => [row.id, row.aliases ?? []]));
  return rows.agencies.map((agency) => ({
    ...agency,
    aliases: [...new Set([...(storedById.get(agency.id) ?? []), ...agency.aliases])].sort(),
  }));
}

export async function loadDocument(store: GraphStore, rows: GraphRows): Promise<LoadOutcome> {
  return store.transaction(async (tx) => {
    const [existing] = await tx.read(q.findPolicy, { id: rows.policy.id });
    if (existing && !existing.stub && existing.ingestKey === rows.policy.ingestKey) return 'unchanged';
    const policyRef = [{ policyId: rows.policy.id }];
    if (existing) {
      await tx.write(q.deletePolicyTargets, policyRef);
      await tx.write(q.deletePolicyTasks, policyRef);
      await tx.write(q.deletePolicyCitations, policyRef);
      await tx.write(q.deletePolicyJurisdiction, policyRef);
    }
    await tx.write(q.upsert.Jurisdiction, rows.jurisdictions);
    await tx.write(q.merge.PART_OF, rows.jurisdictionParents);
    await tx.write(q.upsert.Policy, [rows.policy]);
    await tx.write(q.merge.ISSUED_IN, [{ from: rows.policy.id, to: rows.policy.jurisdictionId }]);
    await tx.write(q.upsert.Task, rows.tasks);
    await tx.write(q.merge.HAS_TASK, rows.tasks.map((task) => ({ from: rows.policy.id, to: task.id })));
    await tx.write(q.merge.HAS_PART, rows.taskParts);
    await tx.write(q.upsert.Agency, await mergeAgencyAliases(tx, rows));
    await tx.write(q.merge.BELONGS_TO, rows.agencyJurisdictions);
    await tx.write(q.merge.RESPONSIBLE, rows.responsible);
    await tx.write(q.upsert.Target, rows.targets);
    await tx.write(q.merge.HAS_TARGET, rows.targets.map((target) => ({ from: target.taskId, to: target.id })));
    await tx.write(q.merge.IMPLEMENTS, rows.implementsLinks);
    await tx.write(q.merge.DERIVES_FROM, rows.derivesFromLinks);
    await writeCitedStubs(tx, rows);
    await tx.write(q.merge.ISSUED_IN, rows.citedPolicies.map((stub) => ({ from: stub.id, to: stub.jurisdictionId })));
    await tx.write(q.merge.CITES, rows.cites);
    return existing && !existing.stub ? 'replaced' : 'created';
  });
}
