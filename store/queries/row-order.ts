/**
 * @module The order a read declares (`ORDER BY alias [DESC], …` over its returned columns), as a
 * comparison of rows. The Kuzu store sorts every read's rows with it (see kuzu-store.ts). Kuzu
 * 0.11.3 sorts a string key by its leading bytes and settles ties of longer strings in a second
 * pass (kuzudb/kuzu#390); rows tied on such a string do not reliably come out sorted by the keys
 * after it: tasks of one document (an id of 20-odd bytes) came back out of `seq` order, and a
 * different order from one run of the same query to the next (tests/integration/read-order.test.ts).
 * And a keyed read runs as one statement per chunk of ids, whose rows are only concatenated.
 */

export interface OrderKey {
  /** A returned column (alias). */
  column: string;
  descending: boolean;
}

/** Strings in the order of their code points, as Kuzu (UTF-8 bytes) and Neo4j order them; UTF-16 units differ past U+FFFF. */
export function byCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

const ORDER_BY = /\bORDER BY\s+([\s\S]+?)(?:\s+(?:SKIP|LIMIT)\b[\s\S]*)?$/u;
const ORDER_KEY = /^`?([A-Za-z_][A-Za-z0-9_]*)`?(?:\s+(ASC|DESC))?$/u;

/**
 * The keys of a read's final ORDER BY, or none. Only returned aliases are accepted, as the query
 * module's convention is (an expression would order by something the rows do not hold).
 */
export function orderOfCypher(name: string, cypher: string): OrderKey[] {
  const match = ORDER_BY.exec(cypher.trim());
  if (!match?.[1]) return [];
  return match[1].split(',').map((part) => {
    const key = ORDER_KEY.exec(part.trim());
    if (!key?.[1]) throw new Error(`read ${name} orders by "${part.trim()}": order by a returned alias`);
    return { column: key[1], descending: key[2] === 'DESC' };
  });
}

/** Values of one column: numbers, strings, booleans; null after every value (as Neo4j puts nulls last in ascending order). */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return byCodePoints(a, b);
  // Values of different types (no ORDER BY column mixes them) or lists: by their JSON text, for a total order.
  return byCodePoints(JSON.stringify(a), JSON.stringify(b));
}

/** The comparison of rows by the keys, in turn; null when there are none. */
export function rowComparator(keys: readonly OrderKey[]): ((a: object, b: object) => number) | null {
  if (keys.length === 0) return null;
  return (a, b) => {
    for (const { column, descending } of keys) {
      const order = compareValues((a as Record<string, unknown>)[column], (b as Record<string, unknown>)[column]);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}
