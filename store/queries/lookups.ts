/**
 * @module The API's lookups, each declared once: by id, or by a relationship and one of its
 * endpoints. A declaration names its query (a read over `$ids`), the row column holding the key a
 * row answers, and the rows a server may keep in memory to answer it without the database. From it
 * come the request's DataLoader (server/context/loaders.ts) and the in-memory answer
 * (server/context/kept-graph.ts); the Cypher is the query's, in read-queries.ts.
 */
import {
  nodes,
  type JurisdictionNode,
  type NationalItemNode,
  type NodeLabel,
  type PolicyNode,
  type TargetNode,
  type TaskNode,
} from '../../graph-schema/model.js';
import { textOfParts } from '../../graph-schema/text-parts.js';
import type { ReadQuery } from './define.js';
import * as q from './read-queries.js';

/** Columns of `Row` whose values are keys (ids), possibly absent. */
export type KeyColumn<Row> = {
  [Column in keyof Row & string]-?: NonNullable<Row[Column]> extends string ? Column : never;
}[keyof Row & string];

/**
 * Rows a server on an embedded store keeps in memory (a Neo4j server keeps nothing: other
 * processes may write it). `every` reads them all, with no parameter.
 */
export interface KeptRows<Row> {
  readonly every: ReadQuery<Row>;
  /**
   * For rows about tasks, too many to read at once while serving: the same rows for the tasks of
   * some documents (`$ids`), read a few documents at a time after a write.
   */
  readonly ofPolicies?: ReadQuery<Row>;
  /**
   * For links whose `evidence` indexes into two texts (graph-schema/payloads.ts): the rows, each
   * with an `id` and a `text`, holding the text of the link's `fromId` and of its `toId`. A server
   * keeps such evidence as offsets into those texts (server/context/compact-evidence.ts).
   */
  readonly evidenceTexts?: { readonly from: KeptRows<object>; readonly to: KeptRows<object> };
  /**
   * For whole-graph rows each about one document's tasks (its `policyId`): the same rows of some
   * documents (`$ids`). After a write that changed those documents, a server keeping the rows
   * replaces theirs with these, in the order of `every`, instead of reading every row again.
   */
  readonly updatedByPolicies?: ReadQuery<Row & { readonly policyId: string }>;
  /**
   * For millions of rows of a few ids each, every value a string or null: kept by column, not as
   * objects (server/context/column-rows.ts), and made objects as requests read them; the columns
   * named in `split` kept split at the last of their separator.
   */
  readonly byColumn?: { readonly split?: Readonly<Record<string, string>> };
}

export interface Lookup<Row, Answer> {
  /** A read over `$ids`, a list of keys. */
  readonly query: ReadQuery<Row>;
  /** The column holding the key a row answers. */
  readonly key: string;
  /** The key a row answers: the value of the key column. */
  keyOf(row: Row): string | null | undefined;
  /** Rows kept in memory from which the lookup is answered, grouped by the key column; null: the database answers. */
  readonly kept: KeptRows<Row> | null;
  /** Each key's answer from the rows read for the keys. */
  answer(rows: readonly Row[], keys: readonly string[]): Answer[];
}

/** The list properties of each label, found once: withLists runs for every row of many answers. */
const listPropertiesOf = new Map<NodeLabel, readonly string[]>();

function listProperties(label: NodeLabel): readonly string[] {
  let names = listPropertiesOf.get(label);
  if (!names) {
    names = Object.entries<{ storage: string }>(nodes[label].properties)
      .filter(([, spec]) => spec.storage === 'STRING[]')
      .map(([name]) => name);
    listPropertiesOf.set(label, names);
  }
  return names;
}

/**
 * Kuzu answers null for an empty list property; GraphQL declares those lists non-null. The row
 * itself when none is null (most rows, and every kept row a request reads): a copy per row of
 * every answer was garbage collected by the thousand per request.
 */
export function withLists<Row extends object>(label: NodeLabel, row: Row): Row {
  const names = listProperties(label);
  const values = row as Record<string, unknown>;
  if (names.every((name) => values[name] != null)) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const name of names) out[name] ??= [];
  return out as Row;
}

interface Declaration<Row, Key extends KeyColumn<Row>> {
  query: ReadQuery<Row>;
  key: Key;
  kept?: KeptRows<NoInfer<Row>>;
  /** The node label of the rows, for list properties that Kuzu answers as null (see withLists). */
  label?: NodeLabel;
}

function keyReader<Row>(key: KeyColumn<Row>): (row: Row) => string | null | undefined {
  return (row) => row[key] as string | null | undefined;
}

/** A lookup answering one row (or a value of it) per key, null when none. */
export function lookupOne<Row, Key extends KeyColumn<Row>, Value = Row>({
  query,
  key,
  kept,
  label,
  value = (row) => row as unknown as Value,
}: Declaration<Row, Key> & { value?: (row: Row) => Value }): Lookup<Row, Value | null> {
  const keyOf = keyReader<Row>(key);
  return {
    query,
    key,
    keyOf,
    kept: kept ?? null,
    answer(rows, keys) {
      const found = new Map(rows.map((row) => [keyOf(row), value(label ? withLists(label, row as Row & object) : row)]));
      return keys.map((id) => found.get(id) ?? null);
    },
  };
}

/** A lookup answering every row of a key, in the query's order. */
export function lookupMany<Row, Key extends KeyColumn<Row>>({ query, key, kept, label }: Declaration<Row, Key>): Lookup<Row, Row[]> {
  const keyOf = keyReader<Row>(key);
  return {
    query,
    key,
    keyOf,
    kept: kept ?? null,
    answer(rows, keys) {
      const groups = new Map<string, Row[]>();
      for (const row of rows) {
        const id = keyOf(row) ?? '';
        const prepared = label ? withLists(label, row as Row & object) : row;
        const group = groups.get(id);
        if (group) group.push(prepared);
        else groups.set(id, [prepared]);
      }
      return keys.map((id) => groups.get(id) ?? []);
    },
  };
}

// --- Rows kept in memory ------------------------------------------------------------------------

export const keptJurisdictions: KeptRows<JurisdictionNode> = { every: q.allJurisdictions };
export const keptPolicies: KeptRows<PolicyNode> = { every: q.allPolicies };
export const keptNationalItems: KeptRows<NationalItemNode> = { every: q.allNationalItems };
/**
 * Triples kept by column, a task's id split into its document's id and its path (`${policyId}#${path}`,
 * ingest/load/ids.ts): a store of 30,000 documents holds 1.9 million task ids, and 1,000 paths.
 */
const TRIPLES_BY_COLUMN = { split: { taskId: '#' } };
/** Every IMPLEMENTS edge with its task's jurisdiction: 3 million rows on a store of 30,000 documents. */
export const keptCoverageTriples: KeptRows<q.CoverageTripleRow> = {
  every: q.allCoverageTriples,
  updatedByPolicies: q.coverageTriplesOfPolicies,
  byColumn: TRIPLES_BY_COLUMN,
};
/** Every MAY_IMPLEMENT edge with its task's jurisdiction, kept as the coverage triples are. */
export const keptPossibleTriples: KeptRows<q.CoverageTripleRow> = {
  every: q.allPossibleTriples,
  updatedByPolicies: q.possibleTriplesOfPolicies,
  byColumn: TRIPLES_BY_COLUMN,
};
export const keptJurisdictionsWithTasks: KeptRows<{ id: string }> = { every: q.jurisdictionIdsWithTasks };

/**
 * Every task with its agencies, targets, national items and parent tasks: nearly every answer
 * shows them, and on Kuzu each lookup costs about a millisecond per task (20 search hits: 60 ms).
 */
export const keptTasks: KeptRows<TaskNode> = { every: q.allTasks, ofPolicies: q.tasksByPolicies };
export const keptResponsible: KeptRows<q.ResponsibleRow> = { every: q.allResponsible, ofPolicies: q.responsibleByPolicies };
export const keptTargets: KeptRows<TargetNode> = { every: q.allTargets, ofPolicies: q.targetsByPolicies };
/** Spans in the task's text (Task.text) and in NationalItem.text. */
export const keptImplements: KeptRows<q.LinkRow> = {
  every: q.allImplements,
  ofPolicies: q.implementsByPolicies,
  evidenceTexts: { from: keptTasks, to: keptNationalItems },
};
/** Spans in the task's text and in its parent task's. */
export const keptDerivesFrom: KeptRows<q.LinkRow> = {
  every: q.allDerivesFrom,
  ofPolicies: q.derivesFromByPolicies,
  evidenceTexts: { from: keptTasks, to: keptTasks },
};

/** Everything a server keeps: the rows behind the lookups, and whole reads the API asks for as they are. */
export const keptRows: readonly KeptRows<object>[] = [
  keptJurisdictions,
  keptPolicies,
  keptNationalItems,
  keptCoverageTriples,
  keptPossibleTriples,
  keptJurisdictionsWithTasks,
  keptTasks,
  keptResponsible,
  keptTargets,
  keptImplements,
  keptDerivesFrom,
];

/** A lookup answering each key's text, joined from its parts read in order (graph-schema/text-parts.ts); null without parts. */
function lookupText(query: ReadQuery<q.TextPartRow>): Lookup<q.TextPartRow, string | null> {
  const parts = lookupMany({ query, key: 'id' });
  return { ...parts, answer: (rows, keys) => parts.answer(rows, keys).map(textOfParts) };
}

// --- Lookups, by the name of their DataLoader ----------------------------------------------------

export const lookups = {
  jurisdiction: lookupOne({ query: q.jurisdictionsByIds, key: 'id', label: 'Jurisdiction', kept: keptJurisdictions }),
  policy: lookupOne({ query: q.policiesByIds, key: 'id', label: 'Policy', kept: keptPolicies }),
  policyText: lookupText(q.policyTextParts),
  policiesOfJurisdiction: lookupMany({ query: q.policiesByJurisdictions, key: 'jurisdictionId', label: 'Policy' }),
  cites: lookupMany({ query: q.citesByPolicies, key: 'fromId' }),
  citedBy: lookupMany({ query: q.citedByPolicies, key: 'toId' }),
  task: lookupOne({ query: q.tasksByIds, key: 'id', label: 'Task', kept: keptTasks }),
  tasksOfPolicy: lookupMany({ query: q.tasksByPolicies, key: 'policyId', kept: keptTasks }),
  childrenOfTask: lookupMany({ query: q.tasksByParents, key: 'parentId' }),
  agency: lookupOne({ query: q.agenciesByIds, key: 'id', label: 'Agency' }),
  responsibleOfTask: lookupMany({ query: q.responsibleByTasks, key: 'taskId', kept: keptResponsible }),
  targetsOfTask: lookupMany({ query: q.targetsByTasks, key: 'taskId', kept: keptTargets }),
  implementsOfTask: lookupMany({ query: q.implementsByTasks, key: 'fromId', kept: keptImplements }),
  derivesFromOfTask: lookupMany({ query: q.derivesFromByTasks, key: 'fromId', kept: keptDerivesFrom }),
  derivedByOfTask: lookupMany({ query: q.derivedByTasks, key: 'toId' }),
  nationalItem: lookupOne({ query: q.nationalItemsByIds, key: 'id', label: 'NationalItem', kept: keptNationalItems }),
  implementationsOfNationalItem: lookupMany({ query: q.coverageTriplesOfNationalItems, key: 'nationalItemId', kept: keptCoverageTriples }),
  coverageOfJurisdiction: lookupMany({ query: q.coverageTriples, key: 'jurisdictionId', kept: keptCoverageTriples }),
  // Without it, a compare or the coverage of chosen jurisdictions read their possible links from
  // the database: 125 ms of each compare on a national store.
  possibleOfJurisdiction: lookupMany({ query: q.possibleTriples, key: 'jurisdictionId', kept: keptPossibleTriples }),
};

export type Lookups = typeof lookups;
/** What a lookup answers for one key. */
export type AnswerOf<L> = L extends { answer(rows: never, keys: readonly string[]): (infer Answer)[] } ? Answer : never;
