/**
 * @module DERIVES_FROM links between a document and the loaded documents around it: its tasks
 * link to the tasks of the documents it cites (when those are loaded), and the tasks of loaded
 * documents that cite it link to its tasks — whichever of the two is loaded first.
 */
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import type { LinkedDoc } from '../document.js';
import type { LinkContext } from '../link/index.js';
import { linkToParentTasks } from '../link/link-to-parent-tasks.js';
import { stubPoliciesOf } from './cited-policies.js';
import type { GraphRows } from './graph-rows.js';
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

export function storedTasks(store: GraphStore): LoadedTasks {
  return {
    ofPolicies: async (ids) => (ids.length > 0 ? store.read(q.tasksOfPolicies, { ids }) : []),
    ofCitingPolicies: (policyId) => store.read(q.tasksOfCitingPolicies, { policyId }),
  };
}

/** Whether a task id (see taskIdOf) belongs to one of the policies; a policy id may itself hold a '#'. */
function belongsToAny(taskId: string, policyIds: ReadonlySet<string>): boolean {
  for (let at = taskId.indexOf('#'); at !== -1; at = taskId.indexOf('#', at + 1)) {
    if (policyIds.has(taskId.slice(0, at))) return true;
  }
  return false;
}

/**
 * The tasks of the store as they will be once `pending` (documents of a bulk load not yet written,
 * in load order) are loaded: a pending document's tasks stand in for a stored version of it. A
 * document linked before the pending ones are written thus finds what document-by-document loading
 * would have found in the store. `storeHasTasks` false (a fresh store) skips the store's reads.
 */
export function withPendingTasks(store: LoadedTasks, pending: readonly GraphRows[], { storeHasTasks = true } = {}): LoadedTasks {
  const asLoaded = (rows: GraphRows): LoadedTask[] => rows.tasks.map(({ id, path, title, text }) => ({ id, path, title, text }));
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
