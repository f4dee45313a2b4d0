/**
 * @module Per-request DataLoaders, one per lookup declared in store/queries/lookups.ts. Every field
 * that follows a relationship goes through one of these, so a page of N tasks with their agencies,
 * targets and links costs one query per relationship rather than one per task.
 */
import DataLoader from 'dataloader';
import type { GraphStore, Params } from '../../store/graph-store.js';
import { lookups, type AnswerOf, type Lookup, type Lookups } from '../../store/queries/lookups.js';
import type { ReadQuery } from '../../store/queries/index.js';

export { withLists } from '../../store/queries/lookups.js';

/**
 * Runs a query over `$ids`, skipping the database when there are none: Kuzu's Node binding
 * crashes the process on an empty list parameter.
 */
export async function readByIds<Row>(
  store: GraphStore,
  query: ReadQuery<Row>,
  ids: readonly string[],
  params: Params = {},
): Promise<Row[]> {
  if (ids.length === 0) return [];
  return store.read(query, { ...params, ids: [...new Set(ids)] });
}

function loaderOf<Row, Answer>(store: GraphStore, lookup: Lookup<Row, Answer>): DataLoader<string, Answer> {
  return new DataLoader(async (keys) => lookup.answer(await readByIds(store, lookup.query, keys), keys));
}

export type Loaders = { readonly [Name in keyof Lookups]: DataLoader<string, AnswerOf<Lookups[Name]>> };

export function createLoaders(store: GraphStore): Loaders {
  const entries = Object.entries(lookups) as [keyof Lookups, Lookup<unknown, unknown>][];
  return Object.fromEntries(entries.map(([name, lookup]) => [name, loaderOf(store, lookup)])) as unknown as Loaders;
}
