/**
 * @module How a named query is declared. Every Cypher statement of the application is
 * declared with these helpers in `store/queries/` and runs unchanged on Kuzu and Neo4j 5.
 */
import type { PropertyMap, StorageType } from '../../graph-schema/properties.js';
import {
  edgeStorageTypes,
  nodeStorageTypes,
  nodes,
  relationships,
  type EdgeRow,
  type NodeLabel,
  type NodeRow,
  type RelType,
  type RowOf,
  type RowStorageTypes,
} from '../../graph-schema/model.js';
import { orderOfCypher, type OrderKey } from './row-order.js';

/** Cypher marker for the result row type; never read at run time. */
declare const resultType: unique symbol;

export interface ReadQuery<Result> {
  readonly kind: 'read';
  readonly name: string;
  readonly cypher: string;
  /**
   * Set on a lookup by a list of ids (see keyedReadQuery): the same lookup for one key given as a
   * Cypher expression (a parameter), for a backend that looks keys up one by one.
   */
  readonly byKey?: (key: string) => string;
  /**
   * The keys of its ORDER BY, for a store that sorts the rows itself (see row-order.ts); none for a
   * page (SKIP, LIMIT), whose rows must be chosen in order by the database.
   */
  readonly order?: readonly OrderKey[];
  /**
   * Set on a keyed read whose pattern Kuzu would join against a scan of a whole table instead of
   * following the relationships of the nodes found: its join order, as Kuzu's `HINT` clause (which
   * Neo4j does not have) gives it.
   */
  readonly kuzuJoinOrder?: string;
  readonly [resultType]?: Result;
}

/** A batched write: the Cypher starts with `UNWIND $rows AS r` and the rows have declared storage types. */
export interface WriteQuery<Row extends object> {
  readonly kind: 'write';
  readonly name: string;
  readonly cypher: string;
  readonly rowTypes: { readonly [K in keyof Row]-?: StorageType };
  /**
   * Set on a bulk creation (see bulkCreateQuery): the table its rows go to, in the order of the
   * table's columns, none of them stored yet. Kuzu runs it as a COPY; Neo4j runs the Cypher.
   */
  readonly bulkTable?: NodeLabel | RelType;
}

/** The order a store sorts a read's rows by: its ORDER BY, unless it reads a page. */
function rowOrderOf(name: string, cypher: string): readonly OrderKey[] {
  return /\b(?:SKIP|LIMIT)\b/u.test(cypher) ? [] : orderOfCypher(name, cypher);
}

export function readQuery<Result>(name: string, cypher: string): ReadQuery<Result> {
  const text = cypher.trim();
  return { kind: 'read', name, cypher: text, order: rowOrderOf(name, text) };
}

/** How a keyed read starts, before its MATCH: each `key` of `$ids` matches one node by its primary key. */
const KEYED_READ_UNWIND = 'UNWIND $ids AS key ';
/** Where the key is used: exactly once per keyed read. */
const KEYED_READ_KEY = '{id: key}';

/**
 * A lookup by ids: `UNWIND $ids AS key MATCH (x:Label {id: key})…`. Neo4j runs it as written,
 * through its index. Kuzu would join the ids against a scan of the whole table instead, so its
 * store runs one primary-key lookup per id, each built by `byKey` (see toKuzuKeyedRead in kuzu-store).
 */
export function keyedReadQuery<Result>(
  name: string,
  cypher: string,
  { kuzuJoinOrder }: { kuzuJoinOrder?: string } = {},
): ReadQuery<Result> {
  const text = cypher.trim();
  const [before, after, ...more] = text.slice(KEYED_READ_UNWIND.length).split(KEYED_READ_KEY);
  if (!text.startsWith(`${KEYED_READ_UNWIND}MATCH`) || before === undefined || after === undefined || more.length > 0) {
    throw new Error(`keyed read ${name} must start with "${KEYED_READ_UNWIND}MATCH" and use "${KEYED_READ_KEY}" once`);
  }
  return {
    kind: 'read',
    name,
    cypher: text,
    byKey: (key) => `${before}{id: ${key}}${after}`,
    order: rowOrderOf(name, text),
    ...(kuzuJoinOrder === undefined ? {} : { kuzuJoinOrder }),
  };
}

export function writeQuery<Row extends object>(
  name: string,
  cypher: string,
  rowTypes: { readonly [K in keyof Row]-?: StorageType },
): WriteQuery<Row> {
  const text = cypher.trim();
  if (!text.startsWith('UNWIND $rows AS r')) {
    throw new Error(`write query ${name} must start with "UNWIND $rows AS r"`);
  }
  return { kind: 'write', name, cypher: text, rowTypes };
}

/** Storage types of a node label's properties, for a write query's rows. */
export function nodeRowTypes<L extends NodeLabel>(label: L): RowStorageTypes<NodeRow<L>> {
  return nodeStorageTypes(label);
}

/** Storage types of a relationship's rows: `from` and `to` ids plus its properties. */
export function relRowTypes<R extends RelType>(type: R): RowStorageTypes<EdgeRow<R>> {
  return edgeStorageTypes(type);
}

function propertiesOf(label: NodeLabel | RelType): PropertyMap {
  return label in nodes ? nodes[label as NodeLabel].properties : relationships[label as RelType].properties;
}

/** The row field holding a property; doubles go through toFloat (see kuzu-store). */
function rowValue(name: string, storage: StorageType): string {
  return storage === 'DOUBLE' ? `toFloat(r.${name})` : `r.${name}`;
}

/** `n.a = r.a, n.b = r.b` for every property but the key. */
export function setClause(variable: string, label: NodeLabel | RelType, skip: readonly string[] = ['id']): string {
  return Object.entries(propertiesOf(label))
    .filter(([name]) => !skip.includes(name))
    .map(([name, spec]) => `${variable}.${name} = ${rowValue(name, spec.storage)}`)
    .join(', ');
}

/** `{id: r.id, a: r.a}` with every property, for a CREATE; empty for a relationship without properties. */
export function propertyMap(label: NodeLabel | RelType): string {
  const entries = Object.entries(propertiesOf(label)).map(([name, spec]) => `${name}: ${rowValue(name, spec.storage)}`);
  return entries.length > 0 ? ` {${entries.join(', ')}}` : '';
}

/**
 * Nodes (or relationships) that are all new, for a bulk load: Neo4j runs `UNWIND … CREATE` as
 * written; Kuzu copies the same rows into the table (see toKuzuCopy in kuzu-store), which is its
 * bulk path. Rows follow the table's columns, derived from graph-schema: a relationship's are
 * `from`, `to` and its properties. A relationship's endpoints must be stored by then.
 */
export function bulkCreateQuery<T extends NodeLabel | RelType>(table: T): WriteQuery<RowOf<T>>;
export function bulkCreateQuery(table: NodeLabel | RelType): WriteQuery<object> {
  if (table in nodes) {
    const label = table as NodeLabel;
    return {
      ...writeQuery<object>(`bulkCreate${label}`, `UNWIND $rows AS r CREATE (:${label}${propertyMap(label)})`, nodeRowTypes(label)),
      bulkTable: label,
    };
  }
  const type = table as RelType;
  const { from, to } = relationships[type];
  return {
    ...writeQuery<object>(
      `bulkCreate${type}`,
      `UNWIND $rows AS r MATCH (a:${from} {id: r.from}) MATCH (b:${to} {id: r.to}) CREATE (a)-[:${type}${propertyMap(type)}]->(b)`,
      relRowTypes(type),
    ),
    bulkTable: type,
  };
}
