/**
 * @module Queries that answer the API: keyed lookups by id lists (`UNWIND $ids AS key MATCH
 * (x {id: key})`, one query per DataLoader batch, see keyedReadQuery), the coverage matrix and
 * whole-graph reads for search and export.
 *
 * Every statement runs unchanged on Kuzu 0.11 and Neo4j 5, so they return explicit columns
 * (no map projections), order by returned aliases and avoid functions whose names differ.
 * An ORDER BY is total (ties broken down to a unique column), so that the same graph gives the
 * same answer byte for byte whichever read answers it; the Kuzu store sorts the rows by it itself
 * (see row-order.ts).
 * Kuzu crashes on an empty list parameter: callers must not pass `$ids: []` (see `readByIds`
 * in server/context/loaders.ts).
 */
import {
  nodes,
  relationships,
  type AgencyNode,
  type JurisdictionNode,
  type LinkKind,
  type NationalItemNode,
  type NodeLabel,
  type PolicyNode,
  type RelType,
  type TargetNode,
  type TaskNode,
  type AgencyRole,
  type TaskKind,
} from '../../graph-schema/model.js';
import { keyedReadQuery, readQuery, type ReadQuery } from './define.js';

/** `v.a AS a, v.b AS b, …` for a label's properties, in model order. */
function columnsOf(variable: string, label: NodeLabel): string {
  return Object.keys(nodes[label].properties)
    .map((name) => `${variable}.${name} AS ${name}`)
    .join(', ');
}

/** `v.a AS a, …` for a relationship's properties. */
function relColumnsOf(variable: string, type: RelType): string {
  return Object.keys(relationships[type].properties)
    .map((name) => `${variable}.${name} AS ${name}`)
    .join(', ');
}

/** An IMPLEMENTS or DERIVES_FROM edge as stored: evidence is still a JSON string. */
export interface LinkRow {
  fromId: string;
  toId: string;
  score: number;
  method: string;
  kind: LinkKind;
  evidence: string | null;
  curated: boolean;
}

export interface ResponsibleRow {
  taskId: string;
  role: AgencyRole;
  name: string;
  position: number;
  agencyId: string;
  agencyName: string;
  agencyNameEn: string;
  agencyType: AgencyNode['type'];
  agencyJurisdictionId: string;
}

// --- Jurisdictions ------------------------------------------------------------------------------

export const allJurisdictions = readQuery<JurisdictionNode>(
  'allJurisdictions',
  `MATCH (j:Jurisdiction) RETURN ${columnsOf('j', 'Jurisdiction')} ORDER BY id`,
);

export const jurisdictionsByIds = keyedReadQuery<JurisdictionNode>(
  'jurisdictionsByIds',
  `UNWIND $ids AS key MATCH (j:Jurisdiction {id: key}) RETURN ${columnsOf('j', 'Jurisdiction')}`,
);

/** Jurisdictions that issued at least one loaded task: the columns of the default coverage matrix. */
export const jurisdictionIdsWithTasks = readQuery<{ id: string }>(
  'jurisdictionIdsWithTasks',
  `MATCH (t:Task) RETURN DISTINCT t.jurisdictionId AS id ORDER BY id`,
);

// --- Policies -----------------------------------------------------------------------------------

export const allPolicies = readQuery<PolicyNode>(
  'allPolicies',
  `MATCH (p:Policy) RETURN ${columnsOf('p', 'Policy')} ORDER BY jurisdictionId, id`,
);

export const policiesByIds = keyedReadQuery<PolicyNode>(
  'policiesByIds',
  `UNWIND $ids AS key MATCH (p:Policy {id: key}) RETURN ${columnsOf('p', 'Policy')}`,
);

export const policiesByJurisdictions = readQuery<PolicyNode>(
  'policiesByJurisdictions',
  `MATCH (p:Policy) WHERE p.jurisdictionId IN $ids RETURN ${columnsOf('p', 'Policy')} ORDER BY jurisdictionId, id`,
);

/** A part of a policy's source text (graph-schema/text-parts.ts): the policy's id, the part's position and its text. */
export interface TextPartRow {
  id: string;
  seq: number;
  text: string;
}

/** The parts of policies' source texts, each policy's in order; none for a stub. */
export const policyTextParts = keyedReadQuery<TextPartRow>(
  'policyTextParts',
  `UNWIND $ids AS key MATCH (p:Policy {id: key})-[:HAS_TEXT_PART]->(x:PolicyTextPart)
   RETURN p.id AS id, x.seq AS seq, x.text AS text ORDER BY id, seq`,
);

export const citesByPolicies = keyedReadQuery<{ fromId: string; toId: string; context: string }>(
  'citesByPolicies',
  `UNWIND $ids AS key MATCH (p:Policy {id: key})-[c:CITES]->(q:Policy) RETURN p.id AS fromId, q.id AS toId, c.context AS context
   ORDER BY fromId, toId`,
);

export const citedByPolicies = keyedReadQuery<{ fromId: string; toId: string; context: string }>(
  'citedByPolicies',
  `UNWIND $ids AS key MATCH (p:Policy)-[c:CITES]->(q:Policy {id: key}) RETURN p.id AS fromId, q.id AS toId, c.context AS context
   ORDER BY toId, fromId`,
);

// --- Tasks --------------------------------------------------------------------------------------

export const tasksByIds = keyedReadQuery<TaskNode>(
  'tasksByIds',
  `UNWIND $ids AS key MATCH (t:Task {id: key}) RETURN ${columnsOf('t', 'Task')}`,
);

/** Every task, in document order (kept in memory by a server on an embedded store). */
export const allTasks = readQuery<TaskNode>('allTasks', `MATCH (t:Task) RETURN ${columnsOf('t', 'Task')} ORDER BY policyId, seq`);

export const tasksByPolicies = keyedReadQuery<TaskNode>(
  'tasksByPolicies',
  `UNWIND $ids AS key MATCH (p:Policy {id: key})-[:HAS_TASK]->(t:Task) RETURN ${columnsOf('t', 'Task')} ORDER BY policyId, seq`,
);

export const tasksByParents = keyedReadQuery<TaskNode>(
  'tasksByParents',
  `UNWIND $ids AS key MATCH (p:Task {id: key})-[:HAS_PART]->(t:Task) RETURN ${columnsOf('t', 'Task')} ORDER BY parentId, seq`,
);

/**
 * One page of task ids of some jurisdictions, in document order; `$skip` and `$limit` are integers.
 * The order of the API's pages of one jurisdiction, which the server makes from its kept rows or
 * from the jurisdiction's documents (this query sorts every task of the store); tests compare both with it.
 */
export const taskIdsPage = readQuery<{ id: string }>(
  'taskIdsPage',
  `MATCH (t:Task) WHERE t.jurisdictionId IN $jurisdictionIds
   RETURN t.id AS id, t.jurisdictionId AS jurisdictionId, t.policyId AS policyId, t.seq AS seq
   ORDER BY jurisdictionId, policyId, seq SKIP $skip LIMIT $limit`,
);

/**
 * taskIdsPage over every jurisdiction. Kuzu compares each row with each element of an IN list,
 * so "all jurisdictions" as a list of 3,000 codes took longer than the request timeout.
 */
export const allTaskIdsPage = readQuery<{ id: string }>(
  'allTaskIdsPage',
  `MATCH (t:Task)
   RETURN t.id AS id, t.jurisdictionId AS jurisdictionId, t.policyId AS policyId, t.seq AS seq
   ORDER BY jurisdictionId, policyId, seq SKIP $skip LIMIT $limit`,
);

/** What a task's agency assignment returns, for `(t:Task)-[r:RESPONSIBLE]->(a:Agency)`. */
const RESPONSIBLE_COLUMNS = `t.id AS taskId, r.role AS role, r.name AS name, r.position AS position,
   a.id AS agencyId, a.name AS agencyName, a.nameEn AS agencyNameEn, a.type AS agencyType,
   a.jurisdictionId AS agencyJurisdictionId`;

/*
 * A task's agencies, targets, national items and parent tasks, read for three scopes of tasks: some tasks by
 * id (the API's lookups), every task of some documents and every task. A server on an embedded
 * store keeps them in memory, filled by the last two (see store/queries/lookups.ts).
 */
const TASKS_BY_ID = 'UNWIND $ids AS key MATCH (t:Task {id: key})';
const TASKS_OF_POLICIES = 'UNWIND $ids AS key MATCH (d:Policy {id: key})-[dt:HAS_TASK]->(t:Task)';
const EVERY_TASK = 'MATCH (t:Task)';

/*
 * Each ORDER BY below is total: rows that tie on what orders them for a reader (a link's score, a
 * target's offset) are ordered by the other end's id, which is unique per task (one edge per pair).
 * Ties are common — the linker's scores are rounded to three places, and a task often takes two
 * parent tasks or national items at one score — and left to the database their order is the order
 * of its plan and storage: the same graph answered from these reads per task, per document and
 * whole (server/context/kept-graph.ts) listed tied links in different orders, and so did two runs.
 */
const responsibleOf = (tasks: string) =>
  `${tasks}-[r:RESPONSIBLE]->(a:Agency) RETURN ${RESPONSIBLE_COLUMNS} ORDER BY taskId, position, agencyId`;
const targetsOf = (tasks: string) =>
  `${tasks}-[tg:HAS_TARGET]->(g:Target) RETURN ${columnsOf('g', 'Target')} ORDER BY taskId, spanStart, spanEnd, id`;
const implementsOf = (tasks: string) =>
  `${tasks}-[e:IMPLEMENTS]->(n:NationalItem) RETURN t.id AS fromId, n.id AS toId, ${relColumnsOf('e', 'IMPLEMENTS')} ORDER BY fromId, score DESC, toId`;
const derivesFromOf = (tasks: string) =>
  `${tasks}-[e:DERIVES_FROM]->(p:Task) RETURN t.id AS fromId, p.id AS toId, ${relColumnsOf('e', 'DERIVES_FROM')} ORDER BY fromId, score DESC, toId`;

/*
 * Kuzu 0.11 plans a task's targets, and a document's targets and parent links, as a hash join
 * against a scan of every Target (every Task) rather than following the relationships of the tasks
 * found: on a store of 2 million tasks, 82 and 134 ms per document, 50 ms per 32 tasks. In the join
 * order given here: 6 and 10 ms per document, 20 ms per 32 tasks.
 */
export const responsibleByTasks = keyedReadQuery<ResponsibleRow>('responsibleByTasks', responsibleOf(TASKS_BY_ID));
export const targetsByTasks = keyedReadQuery<TargetNode>('targetsByTasks', targetsOf(TASKS_BY_ID), {
  kuzuJoinOrder: '(t JOIN tg) JOIN g',
});
export const implementsByTasks = keyedReadQuery<LinkRow>('implementsByTasks', implementsOf(TASKS_BY_ID));
export const derivesFromByTasks = keyedReadQuery<LinkRow>('derivesFromByTasks', derivesFromOf(TASKS_BY_ID));

export const responsibleByPolicies = keyedReadQuery<ResponsibleRow>('responsibleByPolicies', responsibleOf(TASKS_OF_POLICIES));
export const targetsByPolicies = keyedReadQuery<TargetNode>('targetsByPolicies', targetsOf(TASKS_OF_POLICIES), {
  kuzuJoinOrder: '(((d JOIN dt) JOIN t) JOIN tg) JOIN g',
});
export const implementsByPolicies = keyedReadQuery<LinkRow>('implementsByPolicies', implementsOf(TASKS_OF_POLICIES));
export const derivesFromByPolicies = keyedReadQuery<LinkRow>('derivesFromByPolicies', derivesFromOf(TASKS_OF_POLICIES), {
  kuzuJoinOrder: '(((d JOIN dt) JOIN t) JOIN e) JOIN p',
});

export const allResponsible = readQuery<ResponsibleRow>('allResponsible', responsibleOf(EVERY_TASK));
export const allTargets = readQuery<TargetNode>('allTargets', targetsOf(EVERY_TASK));
export const allImplements = readQuery<LinkRow>('allImplements', implementsOf(EVERY_TASK));
export const allDerivesFrom = readQuery<LinkRow>('allDerivesFrom', derivesFromOf(EVERY_TASK));

export const agenciesByIds = keyedReadQuery<AgencyNode>(
  'agenciesByIds',
  `UNWIND $ids AS key MATCH (a:Agency {id: key}) RETURN ${columnsOf('a', 'Agency')}`,
);

export const derivedByTasks = keyedReadQuery<LinkRow>(
  'derivedByTasks',
  `UNWIND $ids AS key MATCH (t:Task)-[e:DERIVES_FROM]->(p:Task {id: key})
   RETURN t.id AS fromId, p.id AS toId, ${relColumnsOf('e', 'DERIVES_FROM')} ORDER BY toId, score DESC, fromId`,
);

/** How many tasks the graph holds (a server keeps their rows only up to a budget, see server/context/kept-graph.ts). */
export const taskCount = readQuery<{ tasks: number }>('taskCount', 'MATCH (t:Task) RETURN count(t) AS tasks');

/** Every task, for building the search index (one read at start-up and after each ingest). */
export const searchableTasks = readQuery<{
  id: string;
  title: string;
  text: string;
  jurisdictionId: string;
  policyId: string;
  seq: number;
}>(
  'searchableTasks',
  `MATCH (t:Task) RETURN t.id AS id, t.title AS title, t.text AS text, t.jurisdictionId AS jurisdictionId,
          t.policyId AS policyId, t.seq AS seq
   ORDER BY jurisdictionId, policyId, seq`,
);

// --- National items -----------------------------------------------------------------------------

export const allNationalItems = readQuery<NationalItemNode>(
  'allNationalItems',
  `MATCH (n:NationalItem) RETURN ${columnsOf('n', 'NationalItem')} ORDER BY id`,
);

export const nationalItemsByIds = keyedReadQuery<NationalItemNode>(
  'nationalItemsByIds',
  `UNWIND $ids AS key MATCH (n:NationalItem {id: key}) RETURN ${columnsOf('n', 'NationalItem')}`,
);

export interface CoverageTripleRow {
  nationalItemId: string;
  jurisdictionId: string;
  taskId: string;
  policyId: string;
  kind: TaskKind;
  /** The kind of the IMPLEMENTS link (none for MAY_IMPLEMENT): a matrix does not count a link through measures (see isCounted). */
  linkKind?: LinkKind | null;
}

/**
 * The (national item, jurisdiction, task) triples behind the coverage matrix and compare, in one
 * order whatever a read selects them by. A task's jurisdiction is its `jurisdictionId`, as in the
 * kept rows and every other read.
 */
const coverageTriplesOf = (tasks: string, where = '', relation: 'IMPLEMENTS' | 'MAY_IMPLEMENT' = 'IMPLEMENTS') =>
  `${tasks}-[r:${relation}]->(n:NationalItem) ${where}
   RETURN n.id AS nationalItemId, t.jurisdictionId AS jurisdictionId, t.id AS taskId, t.policyId AS policyId, t.kind AS kind,
     ${relation === 'IMPLEMENTS' ? 'r.kind AS linkKind, ' : ''}t.seq AS seq
   ORDER BY nationalItemId, jurisdictionId, policyId, seq`;

/** Coverage triples of some jurisdictions. */
export const coverageTriples = readQuery<CoverageTripleRow>(
  'coverageTriples',
  coverageTriplesOf(EVERY_TASK, 'WHERE t.jurisdictionId IN $ids'),
);

/** Coverage triples of some national items: the tasks implementing each. */
export const coverageTriplesOfNationalItems = readQuery<CoverageTripleRow>(
  'coverageTriplesOfNationalItems',
  coverageTriplesOf(EVERY_TASK, 'WHERE n.id IN $ids'),
);

/** Coverage triples of the tasks of some documents. */
export const coverageTriplesOfPolicies = keyedReadQuery<CoverageTripleRow>(
  'coverageTriplesOfPolicies',
  coverageTriplesOf(TASKS_OF_POLICIES),
);

/** coverageTriples over every jurisdiction (see allTaskIdsPage for why not a list of all codes). */
export const allCoverageTriples = readQuery<CoverageTripleRow>('allCoverageTriples', coverageTriplesOf(EVERY_TASK));

/** The triples of MAY_IMPLEMENT edges, in the order of coverageTriples: what a cell with no link reads POSSIBLE from. */
export const possibleTriples = readQuery<CoverageTripleRow>(
  'possibleTriples',
  coverageTriplesOf(EVERY_TASK, 'WHERE t.jurisdictionId IN $ids', 'MAY_IMPLEMENT'),
);

/** possibleTriples of the tasks of some documents. */
export const possibleTriplesOfPolicies = keyedReadQuery<CoverageTripleRow>(
  'possibleTriplesOfPolicies',
  coverageTriplesOf(TASKS_OF_POLICIES, '', 'MAY_IMPLEMENT'),
);

/** possibleTriples over every jurisdiction. */
export const allPossibleTriples = readQuery<CoverageTripleRow>('allPossibleTriples', coverageTriplesOf(EVERY_TASK, '', 'MAY_IMPLEMENT'));

// --- Whole graph, for export --------------------------------------------------------------------

/** Every node of a label with all its properties. */
export const exportNodes = Object.fromEntries(
  (Object.keys(nodes) as NodeLabel[]).map((label) => [
    label,
    readQuery<Record<string, unknown>>(`export${label}`, `MATCH (n:${label}) RETURN ${columnsOf('n', label)} ORDER BY id`),
  ]),
) as Record<NodeLabel, ReadQuery<Record<string, unknown>>>;

/** Every policy's text parts, each policy's in order: the export writes a policy's text as one of its columns. */
export const exportPolicyTextParts = readQuery<TextPartRow>(
  'exportPolicyTextParts',
  `MATCH (p:Policy)-[:HAS_TEXT_PART]->(x:PolicyTextPart) RETURN p.id AS id, x.seq AS seq, x.text AS text ORDER BY id, seq`,
);

/** Every relationship of a type: `from` and `to` ids plus its properties. */
export const exportRelationships = Object.fromEntries(
  (Object.keys(relationships) as RelType[]).map((type) => {
    const { from, to, properties } = relationships[type];
    const props = Object.keys(properties).length > 0 ? `, ${relColumnsOf('e', type)}` : '';
    return [
      type,
      readQuery<Record<string, unknown>>(
        `export${type}`,
        `MATCH (a:${from})-[e:${type}]->(b:${to}) RETURN a.id AS \`from\`, b.id AS \`to\`${props} ORDER BY \`from\`, \`to\``,
      ),
    ];
  }),
) as Record<RelType, ReadQuery<Record<string, unknown>>>;
