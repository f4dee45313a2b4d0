/**
 * @module DERIVES_FROM links between a document and the loaded documents around it: its tasks
 * link to the tasks of the documents it cites (when those are loaded), and the tasks of loaded
 * documents that cite it link to its tasks — whichever of the two is loaded first.
 */
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import type { PolicyTaskRow } from '../../store/queries/ingest-queries.js';
import type { LinkedDoc } from '../document.js';
import type { LinkContext } from '../link/index.js';
import { linkToParentTasks } from '../link/link-to-parent-tasks.js';
import { stubPoliciesOf } from './cited-policies.js';
import { loadedPolicyIdOf } from './ids.js';

/** Ids of the documents a document cites (loaded or stubs). */
export function citedPolicyIds(doc: LinkedDoc, { catalogue }: LinkContext): string[] {
  const { meta } = doc;
  const policyId = loadedPolicyIdOf(meta, doc.source.sha256);
  return doc.citations
    .flatMap((citation) => stubPoliciesOf(citation, meta.jurisdictionId, catalogue.documents))
    .map((stub) => stub.id)
    .filter((id) => id !== policyId);
}

/** A loaded task as the linker sees it. */
export interface LoadedTask {
  id: string;
  path: string;
  title: string;
  text: string;
}

/** Where the tasks of loaded documents are found: the store, or the store and the documents of a bulk load before this one. */
export interface LoadedTasks {
  /** Tasks of the given loaded (not stub) documents, document by document in the order given. */
  ofPolicies(ids: readonly string[]): Promise<LoadedTask[]>;
  /** Tasks of loaded documents, other than `policyId`, that cite it. */
  ofCitingPolicies(policyId: string): Promise<LoadedTask[]>;
}

/** Rows of documents' tasks by document, each document's in the rows' order. */
function tasksByPolicy(rows: readonly PolicyTaskRow[]): Map<string, LoadedTask[]> {
  const byPolicy = new Map<string, LoadedTask[]>();
  for (const { policyId, id, path, title, text } of rows) {
    const tasks = byPolicy.get(policyId);
    if (tasks) tasks.push({ id, path, title, text });
    else byPolicy.set(policyId, [{ id, path, title, text }]);
  }
  return byPolicy;
}

/** Rows of documents' tasks as LoadedTasks gives them: document by document in the order of `ids`. */
function inOrderOf(ids: readonly string[], rows: readonly PolicyTaskRow[]): LoadedTask[] {
  const byPolicy = tasksByPolicy(rows);
  return ids.flatMap((id) => byPolicy.get(id) ?? []);
}

export function storedTasks(store: GraphStore): LoadedTasks {
  return {
    ofPolicies: async (ids) => (ids.length > 0 ? inOrderOf(ids, await store.read(q.tasksOfPolicies, { ids: [...new Set(ids)] })) : []),
    ofCitingPolicies: async (policyId) => {
      const rows = await store.read(q.tasksOfCitingPolicies, { policyId });
      return inOrderOf([...new Set(rows.map((row) => row.policyId))], rows);
    },
  };
}

/** Whether a task id (see taskIdOf) belongs to one of the policies; a policy id may itself hold a '#'. */
function belongsToAny(taskId: string, policyIds: ReadonlySet<string>): boolean {
  for (let at = taskId.indexOf('#'); at !== -1; at = taskId.indexOf('#', at + 1)) {
    if (policyIds.has(taskId.slice(0, at))) return true;
  }
  return false;
}

/** What withPendingTasks needs of a pending document: GraphRows, or the same read before its rows are built. */
export interface PendingTasks {
  policy: { id: string };
  tasks: readonly LoadedTask[];
  cites: readonly { to: string }[];
}

export interface StoredTasksOfRunOptions {
  /**
   * Documents whose tasks are kept in memory once written (the most recently written or read). A
   * matter of cost only, never of the links made: one no longer kept is read back from the store.
   * @default 64
   */
  keptDocuments?: number;
}

/**
 * The tasks of a store whose every loaded document was loaded by this run (it held no task when
 * the run began): a document the run did not load holds no task there (a stub, or not stored at
 * all), so it is not looked for; the tasks of the documents written last are kept, so a parent
 * cited by many is read at most once while kept; and the documents citing one are known from the
 * run's own citations, so their tasks are read by key instead of by a search of every CITES edge.
 * `loaded` records a committed document's citations and tasks (a replaced document's earlier ones are dropped).
 */
export function storedTasksOfRun(
  store: GraphStore,
  { keptDocuments = 64 }: StoredTasksOfRunOptions = {},
): LoadedTasks & { loaded(policyId: string, citedIds: readonly string[], tasks: readonly LoadedTask[]): void } {
  const citedBy = new Map<string, Set<string>>();
  const citesOf = new Map<string, readonly string[]>();
  /** Tasks of loaded documents by policy id, least recently used first. */
  const kept = new Map<string, readonly LoadedTask[]>();
  const keep = (policyId: string, tasks: readonly LoadedTask[]) => {
    kept.delete(policyId);
    kept.set(policyId, tasks);
    for (const oldest of kept.keys()) {
      if (kept.size <= keptDocuments) break;
      kept.delete(oldest);
    }
  };
  const ofPolicies = async (ids: readonly string[]): Promise<LoadedTask[]> => {
    const found = new Map<string, readonly LoadedTask[]>();
    const missing: string[] = [];
    // citesOf holds every document this run loaded, citing or not (see loaded).
    for (const id of new Set(ids.filter((each) => citesOf.has(each)))) {
      const tasks = kept.get(id);
      if (tasks) found.set(id, tasks);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const read = tasksByPolicy(await store.read(q.tasksOfPolicies, { ids: missing }));
      // A document loaded again while this read ran is taken as `loaded` gave it, the newer.
      for (const id of missing) found.set(id, kept.get(id) ?? read.get(id) ?? []);
    }
    for (const [id, tasks] of found) keep(id, tasks);
    return ids.flatMap((id) => found.get(id) ?? []);
  };
  return {
    ofPolicies,
    async ofCitingPolicies(policyId) {
      const citing = [...(citedBy.get(policyId) ?? [])].filter((id) => id !== policyId);
      return citing.length > 0 ? ofPolicies(citing) : [];
    },
    loaded(policyId, citedIds, tasks) {
      for (const id of citesOf.get(policyId) ?? []) citedBy.get(id)?.delete(policyId);
      citesOf.set(policyId, citedIds);
      for (const id of citedIds) citedBy.set(id, (citedBy.get(id) ?? new Set()).add(policyId));
      keep(policyId, tasks);
    },
  };
}

/**
 * The tasks of the store as they will be once `pending` (documents of a bulk load not yet written,
 * in load order) are loaded: a pending document's tasks stand in for a stored version of it. A
 * document linked before the pending ones are written thus finds what document-by-document loading
 * would have found in the store. `storeHasTasks` false (a fresh store) skips the store's reads.
 */
export function withPendingTasks(store: LoadedTasks, pending: readonly PendingTasks[], { storeHasTasks = true } = {}): LoadedTasks {
  const asLoaded = (rows: PendingTasks): LoadedTask[] => rows.tasks.map(({ id, path, title, text }) => ({ id, path, title, text }));
  const pendingById = () => new Map(pending.map((rows) => [rows.policy.id, rows]));
  return {
    async ofPolicies(ids) {
      const byId = pendingById();
      const storedIds = [...new Set(ids.filter((id) => !byId.has(id)))];
      const stored = storeHasTasks && storedIds.length > 0 ? await store.ofPolicies(storedIds) : [];
      return ids.flatMap((id) => {
        const rows = byId.get(id);
        return rows ? asLoaded(rows) : stored.filter((task) => belongsToAny(task.id, new Set([id])));
      });
    },
    async ofCitingPolicies(policyId) {
      const byId = pendingById();
      const stored = storeHasTasks ? await store.ofCitingPolicies(policyId) : [];
      const citing = pending.filter((rows) => rows.policy.id !== policyId && rows.cites.some((edge) => edge.to === policyId));
      const pendingIds = new Set(byId.keys());
      return [...stored.filter((task) => !belongsToAny(task.id, pendingIds)), ...citing.flatMap(asLoaded)];
    },
  };
}

export async function linkToLoadedParents(store: GraphStore | LoadedTasks, doc: LinkedDoc, context: LinkContext): Promise<LinkedDoc> {
  const loaded = 'ofPolicies' in store ? store : storedTasks(store);
  const { meta, tasks } = doc;
  const { glossary } = context;
  const policyId = loadedPolicyIdOf(meta, doc.source.sha256);
  const citedIds = citedPolicyIds(doc, context);

  // Stored tasks stand in with their id as path, so a link's targetId is the stored task id.
  const asLinkable = (rows: LoadedTask[]) => rows.map((row) => ({ path: row.id, title: row.title, text: row.text }));
  const parentTasks = citedIds.length > 0 ? await loaded.ofPolicies(citedIds) : [];
  const outbound = linkToParentTasks(tasks, asLinkable(parentTasks), { glossary });

  const childTasks = await loaded.ofCitingPolicies(policyId);
  const inbound = linkToParentTasks(asLinkable(childTasks), tasks, { glossary }).map(({ taskPath, targetId, relation, ...link }) => ({
    ...link,
    fromTaskId: taskPath,
    toTaskPath: targetId,
  }));

  return { ...doc, links: [...doc.links, ...outbound], inboundLinks: inbound };
}
