/** @module Every named query of the query module, for checks that must see all of them. */
import * as queries from './index.js';
import type { ReadQuery, WriteQuery } from './define.js';

export type NamedQuery = ReadQuery<unknown> | WriteQuery<Record<string, unknown>>;

function isNamedQuery(value: unknown): value is NamedQuery {
  return typeof value === 'object' && value !== null && 'cypher' in value && 'kind' in value && 'name' in value;
}

function collect(value: unknown, found: Map<string, NamedQuery>): void {
  if (isNamedQuery(value)) {
    found.set(value.name, value);
  } else if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) collect(child, found);
  }
}

export function allQueries(): NamedQuery[] {
  const found = new Map<string, NamedQuery>();
  collect(queries, found);
  return [...found.values()];
}
