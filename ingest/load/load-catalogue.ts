/**
 * @module Writes the national reform catalogue as NationalItem nodes (idempotent: MERGE by id).
 */
import { nodes } from '../../graph-schema/model.js';
import type { NationalItemNode } from '../../graph-schema/model.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q, readQueries } from '../../store/queries/index.js';
import { withLists } from '../../store/queries/lookups.js';
import { nationalItemNodes, type Catalogue } from '../link/catalogue.js';

/** The database gives an absent property as null. */
const propertyValue = (node: NationalItemNode, name: string) => JSON.stringify((node as Record<string, unknown>)[name] ?? null);

function sameItem(stored: NationalItemNode | undefined, item: NationalItemNode): boolean {
  return (
    stored !== undefined &&
    Object.keys(nodes.NationalItem.properties).every((name) => propertyValue(stored, name) === propertyValue(item, name))
  );
}

/**
 * Writes the items that are new or differ from the stored ones. Every ingest and the first upload
 * load the catalogue, so an unchanged one writes nothing: the graph keeps its version stamp, and
 * what a server persisted beside the database stays valid (see GraphStore.graphVersion).
 */
export async function loadNationalCatalogue(store: GraphStore, catalogue: Catalogue): Promise<void> {
  // Kuzu reads an empty list back as null: compared raw, an item without unconfirmed source fields would be written again on every load.
  const stored = new Map((await store.read(readQueries.allNationalItems)).map((item) => [item.id, withLists('NationalItem', item)]));
  const changed = nationalItemNodes(catalogue).filter((item) => !sameItem(stored.get(item.id), item));
  if (changed.length > 0) await store.transaction((tx) => tx.write(q.upsert.NationalItem, changed));
}
