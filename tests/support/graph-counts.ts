/** Node and relationship counts of a store, by label and type. */
import { nodes, relationships, type NodeLabel, type RelType } from '../../graph-schema/model.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';

export async function graphCounts(store: GraphStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const label of Object.keys(nodes) as NodeLabel[]) counts[label] = (await store.read(q.countNodes[label]))[0]?.count ?? -1;
  for (const type of Object.keys(relationships) as RelType[]) counts[type] = (await store.read(q.countRelationships[type]))[0]?.count ?? -1;
  return counts;
}
