/**
 * @module Queries behind the curation endpoint: a researcher's accept / reject / add decision on
 * one task → national item link. Accept and add write the link with `merge.IMPLEMENTS`
 * (ingest-queries.ts); these are the reads it needs and the delete for a rejection. Any decision
 * settles a possible link (MAY_IMPLEMENT) of the pair: it is deleted.
 */
import { readQuery, writeQuery } from './define.js';

/** The task a decision is about, with what a reviewed-links entry is scoped by. */
export const curationTask = readQuery<{
  id: string;
  text: string;
  spanStart: number;
  jurisdictionId: string;
  docNumber: string | null;
}>(
  'curationTask',
  `MATCH (p:Policy)-[:HAS_TASK]->(t:Task {id: $taskId})
   RETURN t.id AS id, t.text AS text, t.spanStart AS spanStart, t.jurisdictionId AS jurisdictionId, p.docNumber AS docNumber`,
);

export const deleteImplementsLink = writeQuery<{ from: string; to: string }>(
  'deleteImplementsLink',
  `UNWIND $rows AS r MATCH (t:Task {id: r.from})-[e:IMPLEMENTS]->(n:NationalItem {id: r.to}) DELETE e`,
  { from: 'STRING', to: 'STRING' },
);

/** Possible links (MAY_IMPLEMENT) of a task, by national item. */
export const possibleLinksOfTask = readQuery<{ nationalItemId: string; score: number }>(
  'possibleLinksOfTask',
  `MATCH (t:Task {id: $taskId})-[e:MAY_IMPLEMENT]->(n:NationalItem) RETURN n.id AS nationalItemId, e.score AS score ORDER BY nationalItemId`,
);

export const deletePossibleLink = writeQuery<{ from: string; to: string }>(
  'deletePossibleLink',
  `UNWIND $rows AS r MATCH (t:Task {id: r.from})-[e:MAY_IMPLEMENT]->(n:NationalItem {id: r.to}) DELETE e`,
  { from: 'STRING', to: 'STRING' },
);
