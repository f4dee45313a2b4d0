/**
 * @module Queries that load documents: batched, parameterised and idempotent (MERGE on stable ids).
 */
import { nodes, relationships, type NodeLabel, type RelType } from '../../graph-schema/model.js';
import { nodeRowTypes, readQuery, relRowTypes, setClause, writeQuery, type WriteQuery } from './define.js';

/** MERGE nodes of one label by id and set every property. */
function upsertNodes(label: NodeLabel): WriteQuery<Record<string, unknown>> {
  return writeQuery(
    `upsert${label}`,
    `UNWIND $rows AS r MERGE (n:${label} {id: r.id}) SET ${setClause('n', label)}`,
    nodeRowTypes(label),
  );
}

/**
 * MERGE one relationship per (from, to) pair and set its properties. The endpoints are written
 * first and found with MERGE on their key: Kuzu looks a MERGEd key up, while it joins
 * `MATCH (a {id: r.from})` against every node of the table, which made the write grow with the
 * store (25 s against 1 s for 1,000 rows into a store of 100,000 tasks).
 */
function mergeRelationships(type: RelType): WriteQuery<Record<string, unknown>> {
  const { from, to, properties } = relationships[type];
  const set = Object.keys(properties).length > 0 ? ` SET ${setClause('e', type, [])}` : '';
  return writeQuery(
    `merge${type}`,
    `UNWIND $rows AS r MERGE (a:${from} {id: r.from}) MERGE (b:${to} {id: r.to}) MERGE (a)-[e:${type}]->(b)${set}`,
    relRowTypes(type),
  );
}

export const upsert = Object.fromEntries(
  (Object.keys(nodes) as NodeLabel[]).map((label) => [label, upsertNodes(label)]),
) as Record<NodeLabel, WriteQuery<Record<string, unknown>>>;

export const merge = Object.fromEntries(
  (Object.keys(relationships) as RelType[]).map((type) => [type, mergeRelationships(type)]),
) as Record<RelType, WriteQuery<Record<string, unknown>>>;

/** Removes a document's tasks and targets (with their edges) before its revised version is written. */
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

export const findPolicy = readQuery<{ id: string; ingestKey: string | null; stub: boolean; title: string }>(
  'findPolicy',
  `MATCH (p:Policy {id: $id}) RETURN p.id AS id, p.ingestKey AS ingestKey, p.stub AS stub, p.title AS title`,
);

export const policiesExisting = readQuery<{ id: string; ingestKey: string | null; stub: boolean }>(
  'policiesExisting',
  `MATCH (p:Policy) WHERE p.id IN $ids RETURN p.id AS id, p.ingestKey AS ingestKey, p.stub AS stub`,
);

export const findPolicyByIngestKey = readQuery<{ id: string; title: string }>(
  'findPolicyByIngestKey',
  `MATCH (p:Policy) WHERE p.ingestKey = $ingestKey RETURN p.id AS id, p.title AS title`,
);

export const agencyAliases = readQuery<{ id: string; aliases: string[] | null }>(
  'agencyAliases',
  `MATCH (a:Agency) WHERE a.id IN $ids RETURN a.id AS id, a.aliases AS aliases`,
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

/** Tasks of the given loaded documents (parents cited by a document being loaded). */
export const tasksOfPolicies = readQuery<{ id: string; path: string; title: string; text: string }>(
  'tasksOfPolicies',
  `MATCH (p:Policy)-[:HAS_TASK]->(t:Task) WHERE p.id IN $policyIds AND p.stub = false
   RETURN t.id AS id, t.path AS path, t.title AS title, t.text AS text`,
);

/** Tasks of loaded documents that cite the given document as their basis. */
export const tasksOfCitingPolicies = readQuery<{ id: string; path: string; title: string; text: string }>(
  'tasksOfCitingPolicies',
  `MATCH (c:Policy)-[:CITES]->(p:Policy {id: $policyId}) MATCH (c)-[:HAS_TASK]->(t:Task)
   WHERE c.id <> $policyId
   RETURN t.id AS id, t.path AS path, t.title AS title, t.text AS text`,
);
