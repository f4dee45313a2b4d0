/**
 * @module Queries that load documents: batched, parameterised and idempotent. Nodes shared between
 * documents (jurisdictions, policies, agencies) are MERGEd on stable ids; a document's own tasks,
 * targets and their edges are CREATEd from its policy, since loading first removes the previous
 * version's (see ingest/load/load-document.ts).
 */
import {
  nodes,
  relationships,
  type AgencyNode,
  type EdgeRow,
  type NodeLabel,
  type NodeRow,
  type RelType,
  type RowOf,
  type Table,
  type TargetNode,
  type TaskNode,
} from '../../graph-schema/model.js';
import {
  bulkCreateQuery,
  nodeRowTypes,
  propertyMap,
  keyedReadQuery,
  readQuery,
  relRowTypes,
  setClause,
  writeQuery,
  type WriteQuery,
} from './define.js';

/** MERGE nodes of one label by id and set every property. */
function upsertNodes<L extends NodeLabel>(label: L): WriteQuery<NodeRow<L>> {
  return writeQuery<NodeRow<L>>(
    `upsert${label}`,
    `UNWIND $rows AS r MERGE (n:${label} {id: r.id}) SET ${setClause('n', label)}`,
    nodeRowTypes(label),
  );
}

/**
 * MERGE one relationship per (from, to) pair and set its properties. The endpoints are found with
 * MERGE on their key, which Kuzu joins against every node of their tables (cheaper than
 * `MATCH (a {id: r.from})`, which it pairs with every node): fine for the small tables of shared
 * nodes, too slow for tasks — see the anchored writes below.
 */
function mergeRelationships<R extends RelType>(type: R): WriteQuery<EdgeRow<R>> {
  const { from, to, properties } = relationships[type];
  const set = Object.keys(properties).length > 0 ? ` SET ${setClause('e', type, [])}` : '';
  return writeQuery<EdgeRow<R>>(
    `merge${type}`,
    `UNWIND $rows AS r MERGE (a:${from} {id: r.from}) MERGE (b:${to} {id: r.to}) MERGE (a)-[e:${type}]->(b)${set}`,
    relRowTypes(type),
  );
}

/**
 * One query per table, typed by the table as `queryOf` types it: Object.fromEntries loses the
 * pairing of key and value, which the declared `Q` restores.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Q is the caller's declared result type, which Object.fromEntries cannot infer.
function perTable<T extends string, Q extends Record<T, unknown>>(tables: readonly T[], queryOf: (table: T) => unknown): Q {
  return Object.fromEntries(tables.map((table) => [table, queryOf(table)])) as Q;
}

const labels = Object.keys(nodes) as NodeLabel[];
const relTypes = Object.keys(relationships) as RelType[];

export const upsert = perTable<NodeLabel, { [L in NodeLabel]: WriteQuery<RowOf<L>> }>(labels, upsertNodes);

export const merge = perTable<RelType, { [R in RelType]: WriteQuery<RowOf<R>> }>(relTypes, mergeRelationships);

/** Bulk creation of new nodes and relationships, one query per table (see bulkCreateQuery). */
export const bulkCreate = perTable<Table, { [T in Table]: WriteQuery<RowOf<T>> }>([...labels, ...relTypes], bulkCreateQuery);

/** Removes a document's text, tasks and targets (with their edges) before its revised version is written. */
export const deletePolicyTargets = writeQuery<{ policyId: string }>(
  'deletePolicyTargets',
  `UNWIND $rows AS r MATCH (t:Task {policyId: r.policyId})-[:HAS_TARGET]->(g:Target) DETACH DELETE g`,
  { policyId: 'STRING' },
);

export const deletePolicyTasks = writeQuery<{ policyId: string }>(
  'deletePolicyTasks',
  `UNWIND $rows AS r MATCH (t:Task {policyId: r.policyId}) DETACH DELETE t`,
  { policyId: 'STRING' },
);

export const deletePolicyText = writeQuery<{ policyId: string }>(
  'deletePolicyText',
  `UNWIND $rows AS r MATCH (p:Policy {id: r.policyId})-[:HAS_TEXT_PART]->(x:PolicyTextPart) DETACH DELETE x`,
  { policyId: 'STRING' },
);

export const deletePolicyCitations = writeQuery<{ policyId: string }>(
  'deletePolicyCitations',
  `UNWIND $rows AS r MATCH (p:Policy {id: r.policyId})-[c:CITES]->(:Policy) DELETE c`,
  { policyId: 'STRING' },
);

/** A stub's inferred jurisdiction gives way to the one the loaded document states. */
export const deletePolicyJurisdiction = writeQuery<{ policyId: string }>(
  'deletePolicyJurisdiction',
  `UNWIND $rows AS r MATCH (p:Policy {id: r.policyId})-[e:ISSUED_IN]->(:Jurisdiction) DELETE e`,
  { policyId: 'STRING' },
);

/*
 * A document's own writes, anchored on its policy found by key: Kuzu looks a key given as a
 * parameter up in its primary-key index, but joins a key taken from a row (`{id: r.id}` in MATCH
 * or MERGE) against every node of the table, so such a write costs rows × table size. Reached
 * from the policy through HAS_TASK, a document's tasks cost the document's size whatever the
 * size of the store. Tasks and targets are new in the transaction (loading removes a previous
 * version's first), so they and their edges are CREATEd: rows must be unique per node and edge.
 */

/**
 * `a`: the task of the row's `field` among the tasks of the document `$policyId`. The WITH keeps
 * Kuzu from pairing every task with every node of the next MATCH before it looks at the rows.
 */
function rowTask(variable: string, field: string): string {
  return `MATCH (:Policy {id: $policyId})-[:HAS_TASK]->(${variable}:Task) WHERE ${variable}.id = r.${field} WITH ${variable}, r`;
}

/** A document's tasks, each with its HAS_TASK edge. */
export const createPolicyTasks = writeQuery<TaskNode>(
  'createPolicyTasks',
  `UNWIND $rows AS r MATCH (p:Policy {id: $policyId}) CREATE (p)-[:HAS_TASK]->(:Task${propertyMap('Task')})`,
  nodeRowTypes('Task'),
);

/** The parts of a document's source text, each with its HAS_TEXT_PART edge. */
export const createPolicyTextParts = writeQuery<NodeRow<'PolicyTextPart'>>(
  'createPolicyTextParts',
  `UNWIND $rows AS r MATCH (p:Policy {id: $policyId}) CREATE (p)-[:HAS_TEXT_PART]->(:PolicyTextPart${propertyMap('PolicyTextPart')})`,
  nodeRowTypes('PolicyTextPart'),
);

/** A task's sub-tasks, both of the document `$policyId`. */
export const createTaskParts = writeQuery<EdgeRow<'HAS_PART'>>(
  'createTaskParts',
  `UNWIND $rows AS r ${rowTask('a', 'from')}
   MATCH (:Policy {id: $policyId})-[:HAS_TASK]->(b:Task) WHERE b.id = r.to CREATE (a)-[:HAS_PART]->(b)`,
  relRowTypes('HAS_PART'),
);

/** A document's targets, each with its HAS_TARGET edge from its task. */
export const createTaskTargets = writeQuery<TargetNode>(
  'createTaskTargets',
  `UNWIND $rows AS r ${rowTask('a', 'taskId')} CREATE (a)-[:HAS_TARGET]->(:Target${propertyMap('Target')})`,
  nodeRowTypes('Target'),
);

/** RESPONSIBLE edges from a document's tasks to agencies of the jurisdiction `$jurisdictionId`. */
export const createResponsible = writeQuery<EdgeRow<'RESPONSIBLE'>>(
  'createResponsible',
  `UNWIND $rows AS r ${rowTask('a', 'from')}
   MATCH (:Jurisdiction {id: $jurisdictionId})<-[:BELONGS_TO]-(b:Agency) WHERE b.id = r.to
   CREATE (a)-[:RESPONSIBLE${propertyMap('RESPONSIBLE')}]->(b)`,
  relRowTypes('RESPONSIBLE'),
);

/** IMPLEMENTS links from a document's tasks; the national catalogue is small enough to search. */
export const createImplements = writeQuery<EdgeRow<'IMPLEMENTS'>>(
  'createImplements',
  `UNWIND $rows AS r ${rowTask('a', 'from')} MATCH (b:NationalItem {id: r.to})
   CREATE (a)-[:IMPLEMENTS${propertyMap('IMPLEMENTS')}]->(b)`,
  relRowTypes('IMPLEMENTS'),
);

/** MAY_IMPLEMENT edges from a document's tasks: candidates below the link threshold. */
export const createPossibleLinks = writeQuery<EdgeRow<'MAY_IMPLEMENT'>>(
  'createPossibleLinks',
  `UNWIND $rows AS r ${rowTask('a', 'from')} MATCH (b:NationalItem {id: r.to})
   CREATE (a)-[:MAY_IMPLEMENT${propertyMap('MAY_IMPLEMENT')}]->(b)`,
  relRowTypes('MAY_IMPLEMENT'),
);

/**
 * DERIVES_FROM links from a document's tasks to tasks of the documents it cites, which is where
 * the linker found them (tasksOfPolicies of the cited ids): the CITES edges are written first.
 */
export const createDerivesFromCited = writeQuery<EdgeRow<'DERIVES_FROM'>>(
  'createDerivesFromCited',
  `UNWIND $rows AS r ${rowTask('a', 'from')}
   MATCH (:Policy {id: $policyId})-[:CITES]->(:Policy)-[:HAS_TASK]->(b:Task) WHERE b.id = r.to
   CREATE (a)-[:DERIVES_FROM${propertyMap('DERIVES_FROM')}]->(b)`,
  relRowTypes('DERIVES_FROM'),
);

/** DERIVES_FROM links into a document's tasks from tasks of loaded documents citing it (see tasksOfCitingPolicies). */
export const createDerivesFromCiting = writeQuery<EdgeRow<'DERIVES_FROM'>>(
  'createDerivesFromCiting',
  `UNWIND $rows AS r ${rowTask('b', 'to')}
   MATCH (:Policy {id: $policyId})<-[:CITES]-(:Policy)-[:HAS_TASK]->(a:Task) WHERE a.id = r.from
   CREATE (a)-[:DERIVES_FROM${propertyMap('DERIVES_FROM')}]->(b)`,
  relRowTypes('DERIVES_FROM'),
);

/** Agencies already stored among the given ones of a jurisdiction. */
export const storedAgencies = readQuery<{ id: string; aliases: string[] | null }>(
  'storedAgencies',
  `MATCH (:Jurisdiction {id: $jurisdictionId})<-[:BELONGS_TO]-(a:Agency) WHERE a.id IN $ids
   RETURN a.id AS id, a.aliases AS aliases`,
);

/**
 * Agencies of the jurisdiction `$jurisdictionId` with their BELONGS_TO edge, MERGEd from the
 * jurisdiction so that Kuzu searches its agencies, not the whole table (an agency's id starts
 * with its jurisdiction's, so it never moves to another).
 */
export const mergeAgencies = writeQuery<AgencyNode>(
  'mergeAgencies',
  `UNWIND $rows AS r MATCH (j:Jurisdiction {id: $jurisdictionId})
   MERGE (j)<-[:BELONGS_TO]-(a:Agency {id: r.id}) SET ${setClause('a', 'Agency')}`,
  nodeRowTypes('Agency'),
);

export const policiesExisting = keyedReadQuery<{ id: string; ingestKey: string | null; stub: boolean; title: string }>(
  'policiesExisting',
  `UNWIND $ids AS key MATCH (p:Policy {id: key}) RETURN p.id AS id, p.ingestKey AS ingestKey, p.stub AS stub, p.title AS title`,
);

export const jurisdictionsExisting = keyedReadQuery<{ id: string }>(
  'jurisdictionsExisting',
  `UNWIND $ids AS key MATCH (j:Jurisdiction {id: key}) RETURN j.id AS id`,
);

export const agenciesExisting = keyedReadQuery<{ id: string }>(
  'agenciesExisting',
  `UNWIND $ids AS key MATCH (a:Agency {id: key}) RETURN a.id AS id`,
);

/** Every loaded document's ingest key, read once at the start of a bulk load instead of once per document. */
export const loadedIngestKeys = readQuery<{ ingestKey: string; title: string }>(
  'loadedIngestKeys',
  `MATCH (p:Policy) WHERE p.ingestKey IS NOT NULL RETURN p.ingestKey AS ingestKey, p.title AS title`,
);

/** Every stored policy, loaded or stub, read once at the start of a bulk load. */
export const storedPolicyIds = readQuery<{ id: string }>('storedPolicyIds', `MATCH (p:Policy) RETURN p.id AS id`);

export const findPolicyByIngestKey = readQuery<{ id: string; title: string }>(
  'findPolicyByIngestKey',
  `MATCH (p:Policy) WHERE p.ingestKey = $ingestKey RETURN p.id AS id, p.title AS title`,
);

export const countNodes = Object.fromEntries(
  (Object.keys(nodes) as NodeLabel[]).map((label) => [
    label,
    readQuery<{ count: number }>(`count${label}`, `MATCH (n:${label}) RETURN count(n) AS count`),
  ]),
) as Record<NodeLabel, ReturnType<typeof readQuery<{ count: number }>>>;

export const countRelationships = Object.fromEntries(
  (Object.keys(relationships) as RelType[]).map((type) => [
    type,
    readQuery<{ count: number }>(`count${type}`, `MATCH ()-[e:${type}]->() RETURN count(e) AS count`),
  ]),
) as Record<RelType, ReturnType<typeof readQuery<{ count: number }>>>;

/** A loaded task as the parent linker reads it, with the document it belongs to and its position there. */
export interface PolicyTaskRow {
  policyId: string;
  seq: number;
  id: string;
  path: string;
  title: string;
  text: string;
}

/**
 * Tasks of the given loaded documents (parents cited by a document being loaded), each document's
 * in document order: the linker settles ties between parent tasks by their order, so it is total.
 */
export const tasksOfPolicies = keyedReadQuery<PolicyTaskRow>(
  'tasksOfPolicies',
  `UNWIND $ids AS key MATCH (p:Policy {id: key})-[:HAS_TASK]->(t:Task) WHERE p.stub = false
   RETURN p.id AS policyId, t.seq AS seq, t.id AS id, t.path AS path, t.title AS title, t.text AS text
   ORDER BY policyId, seq, id`,
);

/** Tasks of loaded documents that cite the given document as their basis, in the order of tasksOfPolicies. */
export const tasksOfCitingPolicies = readQuery<PolicyTaskRow>(
  'tasksOfCitingPolicies',
  `MATCH (c:Policy)-[:CITES]->(p:Policy {id: $policyId}) MATCH (c)-[:HAS_TASK]->(t:Task)
   WHERE c.id <> $policyId
   RETURN c.id AS policyId, t.seq AS seq, t.id AS id, t.path AS path, t.title AS title, t.text AS text
   ORDER BY policyId, seq, id`,
);
