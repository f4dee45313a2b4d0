/**
 * @module Writes the national reform catalogue as NationalItem nodes (idempotent: MERGE by id).
 */
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';
import { nationalItemNodes, type Catalogue } from '../link/catalogue.js';

export async function loadNationalCatalogue(store: GraphStore, catalogue: Catalogue): Promise<void> {
  await store.transaction((tx) => tx.write(q.upsert.NationalItem, nationalItemNodes(catalogue)));
}
