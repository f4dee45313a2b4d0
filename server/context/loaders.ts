/**
 * @module Per-request DataLoaders, one per lookup declared in store/queries/lookups.ts. Every field
 * that follows a relationship goes through one of these, so a page of N tasks with their agencies,
 * targets and links costs one query per relationship rather than one per task. Where the graph is
 * kept in memory, a batch is answered from the answers the kept graph made once for every request
 * (see kept-graph.ts `answerNow`), not by reading and regrouping its rows for each request.
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

/** Answers of a lookup from memory, without waiting; null when the database must answer (see KeptGraph.answerNow). */
export type AnswerNow = <Row, Answer>(lookup: Lookup<Row, Answer>, keys: readonly string[]) => readonly Answer[] | null;

function loaderOf<Row, Answer>(
  store: GraphStore,
  lookup: Lookup<Row, Answer>,
  answerNow: AnswerNow | null,
  afterPendingIO: () => Promise<void>,
): DataLoader<string, Answer> {
  return new DataLoader(async (keys) => {
    const kept = answerNow?.(lookup, keys);
    if (kept) {
      await afterPendingIO();
      return kept;
    }
    return lookup.answer(await readByIds(store, lookup.query, keys), keys);
  });
}

export type Loaders = { readonly [Name in keyof Lookups]: DataLoader<string, AnswerOf<Lookups[Name]>> };

/**
 * A request's loaders. `afterPendingIO` is awaited before an answer from memory: a client looping
 * over requests in this process (a test, a script) would otherwise never let the database's
 * callbacks, a writer's among them, run.
 */
export function createLoaders(
  store: GraphStore,
  {
    answerNow = null,
    afterPendingIO = () => Promise.resolve(),
  }: { answerNow?: AnswerNow | null; afterPendingIO?: () => Promise<void> } = {},
): Loaders {
  const entries = Object.entries(lookups) as [keyof Lookups, Lookup<unknown, unknown>][];
  return Object.fromEntries(
    entries.map(([name, lookup]) => [name, loaderOf(store, lookup, answerNow, afterPendingIO)]),
  ) as unknown as Loaders;
}

type MaybePromise<T> = T | Promise<T>;

/** `next` of the value, at once when there is no promise to wait for. */
export function whenLoaded<T, U>(value: MaybePromise<T>, next: (loaded: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * A request's lookups for the fields of large answers (a compare lists hundreds of tasks, each with
 * its document, agencies and links): from the kept graph at once, without a DataLoader's batch and
 * promise per field, else through the request's loader.
 */
export interface LoadNow {
  one<Name extends keyof Lookups>(name: Name, key: string): MaybePromise<AnswerOf<Lookups[Name]>>;
  /** As DataLoader's loadMany: an answer, or the Error of its batch, per key. */
  many<Name extends keyof Lookups>(name: Name, keys: readonly string[]): MaybePromise<(AnswerOf<Lookups[Name]> | Error)[]>;
}

export function loadNow(loaders: Loaders, answerNow: AnswerNow | null): LoadNow {
  const kept = <Name extends keyof Lookups>(name: Name, keys: readonly string[]) =>
    answerNow?.(lookups[name] as Lookup<unknown, AnswerOf<Lookups[Name]>>, keys) ?? null;
  return {
    one(name, key) {
      const now = kept(name, [key]);
      return now ? (now[0] as AnswerOf<Lookups[typeof name]>) : loaders[name].load(key);
    },
    many(name, keys) {
      const now = kept(name, keys);
      return now ? [...now] : loaders[name].loadMany(keys);
    },
  };
}
