/**
 * @module Writes many documents' rows through the database's bulk path, in one transaction: every
 * node and relationship that is new (all of a fresh store's) goes in with one bulk creation per
 * table (Kuzu: COPY; Neo4j: UNWIND batches of thousands of rows); what is already stored (a
 * jurisdiction or an agency of an earlier load) is updated as document-by-document loading does, and
 * a stored stub is left as it is, so the graph is the same as loadDocuments would leave.
 */
import type { AgencyNode, RowOf, Table } from '../../graph-schema/model.js';
import type { GraphStore, WriteTransaction } from '../../store/graph-store.js';
import type { WriteQuery } from '../../store/queries/define.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import type { GraphRows } from './graph-rows.js';
import { combine, edgeKey, issuedIn, lastPerKey, missingStubs, removeReplaced, writeAgencies, type LoadOutcome } from './load-document.js';

function partition<T>(items: readonly T[], isStored: (item: T) => boolean): { stored: T[]; fresh: T[] } {
  const stored: T[] = [];
  const fresh: T[] = [];
  for (const item of items) (isStored(item) ? stored : fresh).push(item);
  return { stored, fresh };
}

async function storedIds(tx: WriteTransaction, query: typeof q.jurisdictionsExisting, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await tx.read(query, { ids })).map((row) => row.id));
}

/** Writes rows of one table: the stored ones through `merge`, the new ones in bulk. */
async function writeSplit<T extends Table>(
  tx: WriteTransaction,
  table: T,
  merge: WriteQuery<RowOf<T>>,
  { stored, fresh }: { stored: RowOf<T>[]; fresh: RowOf<T>[] },
): Promise<void> {
  await tx.write(merge, stored);
  await tx.write(q.bulkCreate[table], fresh);
}

/** A document's own tables, in the order they are written (nodes before their edges). */
const DOCUMENT_TABLES = [
  'PolicyTextPart',
  'HAS_TEXT_PART',
  'Task',
  'HAS_TASK',
  'HAS_PART',
  'Target',
  'HAS_TARGET',
  'RESPONSIBLE',
  'IMPLEMENTS',
  'DERIVES_FROM',
  'MAY_IMPLEMENT',
] as const;
type DocumentTables = { [T in (typeof DOCUMENT_TABLES)[number]]: RowOf<T>[] };

/** A document's own nodes and edges, all new in the transaction, gathered per table. */
function documentTables(changed: readonly GraphRows[], agencyIds: ReadonlySet<string>) {
  const tables: DocumentTables = {
    PolicyTextPart: [],
    HAS_TEXT_PART: [],
    Task: [],
    HAS_TASK: [],
    HAS_PART: [],
    Target: [],
    HAS_TARGET: [],
    RESPONSIBLE: [],
    IMPLEMENTS: [],
    DERIVES_FROM: [],
    MAY_IMPLEMENT: [],
  };
  for (const rows of changed) {
    const tasks = lastPerKey(rows.tasks, (task) => task.id);
    const targets = lastPerKey(rows.targets, (target) => target.id);
    tables.PolicyTextPart.push(...rows.text.parts);
    tables.HAS_TEXT_PART.push(...rows.text.edges);
    tables.Task.push(...tasks);
    tables.HAS_TASK.push(...tasks.map((task) => ({ from: rows.policy.id, to: task.id })));
    tables.HAS_PART.push(...lastPerKey(rows.taskParts, edgeKey));
    tables.Target.push(...targets);
    tables.HAS_TARGET.push(...targets.map((target) => ({ from: target.taskId, to: target.id })));
    const responsible = lastPerKey(rows.responsible, edgeKey);
    const unknown = responsible.find((edge) => !agencyIds.has(edge.to));
    if (unknown) throw new Error(`RESPONSIBLE edge to an agency the document does not list: ${unknown.to}`);
    tables.RESPONSIBLE.push(...responsible);
    tables.IMPLEMENTS.push(...lastPerKey(rows.implementsLinks, edgeKey));
    tables.DERIVES_FROM.push(...lastPerKey(rows.derivesFromLinks, edgeKey));
    tables.MAY_IMPLEMENT.push(...lastPerKey(rows.possibleLinks, edgeKey));
  }
  return tables;
}

export interface BulkLoadOptions {
  /**
   * Every agency stored, when the caller knows them (into a store that held none, the ones its
   * earlier batches wrote), sparing a keyed read of each agency of the batch (about 9,000 per 500
   * documents, a tenth of the time a batch took to write); else they are read.
   */
  storedAgencyIds?: ReadonlySet<string>;
}

/**
 * Loads the documents in one transaction through the bulk path; their policy ids must differ, and
 * every task a DERIVES_FROM link names must be stored or among them (see parent-links.ts).
 */
export async function loadDocumentsInBulk(
  store: GraphStore,
  documents: readonly GraphRows[],
  { storedAgencyIds }: BulkLoadOptions = {},
): Promise<LoadOutcome[]> {
  return store.transaction(async (tx) => {
    const { outcomes, changed, storedPolicyIds } = await removeReplaced(tx, documents);
    // Kuzu 0.11.3 resolves a COPY's relationship endpoints wrongly when the same transaction has
    // inserted nodes with MERGE or CREATE (an edge to such a node lands on another one), so a bulk
    // transaction only updates stored nodes and copies new ones: a document replacing a stored one
    // or completing a stub goes through loadDocuments (see ingestPaths).
    const stored = documents.find((rows) => storedPolicyIds.has(rows.policy.id));
    if (stored) throw new Error(`the bulk path takes only documents not stored yet; ${stored.policy.id} is`);
    if (changed.length === 0) return outcomes;
    const rows = combine(changed);

    const jurisdictionIds = await storedIds(
      tx,
      q.jurisdictionsExisting,
      rows.jurisdictions.map((node) => node.id),
    );
    await writeSplit(
      tx,
      'Jurisdiction',
      q.upsert.Jurisdiction,
      partition(rows.jurisdictions, (node) => jurisdictionIds.has(node.id)),
    );
    // A new jurisdiction has no edge yet; one between stored jurisdictions may exist already.
    const parents = lastPerKey(rows.jurisdictionParents, edgeKey);
    await writeSplit(
      tx,
      'PART_OF',
      q.merge.PART_OF,
      partition(parents, (edge) => jurisdictionIds.has(edge.from)),
    );

    await tx.write(q.bulkCreate.Policy, rows.policies);
    await tx.write(q.bulkCreate.ISSUED_IN, issuedIn(rows.policies));

    const agencyIds =
      storedAgencyIds ??
      (await storedIds(
        tx,
        q.agenciesExisting,
        rows.agencies.map((agency) => agency.id),
      ));
    const agencies = partition(rows.agencies, (agency) => agencyIds.has(agency.id));
    await writeAgencies(tx, agencies.stored);
    const freshAgencies: AgencyNode[] = agencies.fresh.map((agency) => ({ ...agency, aliases: [...new Set(agency.aliases)].sort() }));
    await tx.write(q.bulkCreate.Agency, freshAgencies);
    await tx.write(
      q.bulkCreate.BELONGS_TO,
      freshAgencies.map((agency) => ({ from: agency.id, to: agency.jurisdictionId })),
    );

    const stubs = await missingStubs(tx, rows.citedPolicies);
    await tx.write(q.bulkCreate.Policy, stubs);
    await tx.write(q.bulkCreate.ISSUED_IN, issuedIn(stubs));
    // Every document is new here, and so are its citations.
    await tx.write(q.bulkCreate.CITES, lastPerKey(rows.cites, edgeKey));

    const tables = documentTables(changed, new Set(rows.agencies.map((agency) => agency.id)));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T ties q.bulkCreate[table] to tables[table]; a union parameter does not compile
    const writeTable = <T extends keyof DocumentTables>(table: T) => tx.write(q.bulkCreate[table], tables[table]);
    for (const table of DOCUMENT_TABLES) await writeTable(table);
    return outcomes;
  });
}
