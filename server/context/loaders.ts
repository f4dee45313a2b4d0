/**
 * @module Per-request DataLoaders, one per lookup declared in store/queries/lookups.ts. Every field
 * that follows a relationship goes through one of these, so a page of N tasks with their agencies,
 * targets and links costs one query per relationship rather than one per task. Where the graph is
 * kept in memory, a batch is answered from the answers the kept graph made once for every request
 * (see kept-graph.ts `answerNow`), not by reading and regrouping its rows for each request.
 * Where it is not, the relationships of tasks whose whole document the request has read are read
 * per document (see DocumentsRead).
 */
import DataLoader from 'dataloader';
import type { GraphStore, Params } from '../../store/graph-store.js';
import { keptTasks, lookups, type AnswerOf, type Lookup, type Lookups } from '../../store/queries/lookups.js';
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

/**
 * The documents whose every task a request has read, and their rows of each set read so far. A
 * request that lists documents' tasks (a compare of two jurisdictions: hundreds of tasks) then
 * follows their relationships; from the database, a read per document costs a few milliseconds,
 * one per task about one (Kuzu looks up each id apart: on 2 million tasks a compare's
 * agencies, targets and links took 3 s).
 */
class DocumentsRead {
  private readonly documentOfTask = new Map<string, string>();
  /** Per query, each document's read (one read covers several documents). */
  private readonly rowsRead = new Map<string, Map<string, Promise<unknown[]>>>();

  constructor(private readonly store: GraphStore) {}

  noteTasks(tasks: readonly { id: string; policyId: string }[]): void {
    for (const task of tasks) this.documentOfTask.set(task.id, task.policyId);
  }

  /** The rows of `query` (a read of some documents' tasks, `ofPolicies`) for the keys' documents; the keys of other documents. */
  async rowsOf<Row>(query: ReadQuery<Row>, keys: readonly string[]): Promise<{ rows: Row[]; otherKeys: string[] }> {
    let byDocument = this.rowsRead.get(query.name);
    if (!byDocument) this.rowsRead.set(query.name, (byDocument = new Map<string, Promise<unknown[]>>()));
    const documents = new Set<string>();
    const otherKeys: string[] = [];
    for (const key of keys) {
      const document = this.documentOfTask.get(key);
      if (document === undefined) otherKeys.push(key);
      else documents.add(document);
    }
    const unread = [...documents].filter((document) => !byDocument.has(document));
    const read = readByIds(this.store, query, unread);
    for (const document of unread) byDocument.set(document, read);
    const reads = new Set([...documents].map((document) => byDocument.get(document) as Promise<Row[]>));
    return { rows: (await Promise.all(reads)).flat(), otherKeys };
  }
}

function loaderOf<Row, Answer>(
  store: GraphStore,
  lookup: Lookup<Row, Answer>,
  {
    answerNow,
    afterPendingIO,
    documentsRead,
  }: { answerNow: AnswerNow | null; afterPendingIO: () => Promise<void>; documentsRead: DocumentsRead },
): DataLoader<string, Answer> {
  return new DataLoader(async (keys) => {
    const kept = answerNow?.(lookup, keys);
    if (kept) {
      await afterPendingIO();
      return kept;
    }
    const ofDocuments = lookup.kept?.ofPolicies;
    if (lookup.query === keptTasks.ofPolicies) {
      // Every task of some documents (tasksOfPolicy): their relationships are then read per document.
      const tasks = await readByIds(store, keptTasks.ofPolicies, keys);
      documentsRead.noteTasks(tasks);
      return lookup.answer(tasks as Row[], keys);
    }
    if (!ofDocuments) return lookup.answer(await readByIds(store, lookup.query, keys), keys);
    // A lookup the kept graph answers from rows read per document: the same rows, read so.
    const { rows, otherKeys } = await documentsRead.rowsOf(ofDocuments, keys);
    const others = await readByIds(store, lookup.query, otherKeys);
    return lookup.answer([...rows, ...others], keys);
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
  const documentsRead = new DocumentsRead(store);
  const entries = Object.entries(lookups) as [keyof Lookups, Lookup<unknown, unknown>][];
  return Object.fromEntries(
    entries.map(([name, lookup]) => [name, loaderOf(store, lookup, { answerNow, afterPendingIO, documentsRead })]),
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
