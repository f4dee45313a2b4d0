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
import { loadedPolicyIdOf } from './ids.js';

/** Ids of the documents a document cites (loaded or stubs). */
export function citedPolicyIds(doc: LinkedDoc, { catalogue }: LinkContext): string[] {
  const { meta } = doc;
  if (!meta) return [];
  const policyId = loadedPolicyIdOf(meta, doc.source.sha256);
  return (doc.citations ?? [])
    .flatMap((citation) => stubPoliciesOf(citation, meta.jurisdictionId, catalogue.documents))
    .map((stub) => stub.id)
    .filter((id) => id !== policyId);
}

export async function linkToLoadedParents(store: GraphStore, doc: LinkedDoc, context: LinkContext): Promise<LinkedDoc> {
  const { meta, tasks = [] } = doc;
  if (!meta) return doc;
  const { glossary } = context;
  const policyId = loadedPolicyIdOf(meta, doc.source.sha256);
  const citedIds = citedPolicyIds(doc, context);

  // Stored tasks stand in with their id as path, so a link's targetId is the stored task id.
  const asLinkable = (rows: { id: string; title: string; text: string }[]) =>
    rows.map((row) => ({ path: row.id, title: row.title, text: row.text }));
  const parentTasks = citedIds.length > 0 ? await store.read(q.tasksOfPolicies, { ids: citedIds }) : [];
  const outbound = linkToParentTasks(tasks, asLinkable(parentTasks), { glossary });

  const childTasks = await store.read(q.tasksOfCitingPolicies, { policyId });
  const inbound = linkToParentTasks(asLinkable(childTasks), tasks, { glossary }).map(({ taskPath, targetId, relation: _relation, ...link }) => ({
    ...link,
    fromTaskId: taskPath,
    toTaskPath: targetId,
  }));

  return { ...doc, links: [...(doc.links ?? []), ...outbound], inboundLinks: inbound };
}
