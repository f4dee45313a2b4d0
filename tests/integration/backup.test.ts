import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGraph } from '../../ingest/load/import-graph.js';
import { readGraphDump, toGraphJson } from '../../server/export/graph-dump.js';
import { graphCounts } from '../support/graph-counts.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

describe('a JSON backup', () => {
  let seeded: SeededStore;
  let fresh: TempStore;
  beforeAll(async () => {
    seeded = await openSeededStore();
    fresh = await openTempKuzuStore();
  }, 120_000);
  afterAll(async () => {
    await seeded.close();
    await fresh.close();
  });

  it('imported into a fresh store gives the same counts and property checksum', async () => {
    const backup: unknown = JSON.parse(JSON.stringify(toGraphJson(await readGraphDump(seeded.store))));
    await importGraph(fresh.store, backup);
    expect(await graphCounts(fresh.store)).toEqual(await graphCounts(seeded.store));
    expect((await graphSnapshot(fresh.store)).checksum).toBe((await graphSnapshot(seeded.store)).checksum);
  });

  it('is refused whole when one row breaks the schema, naming the row', async () => {
    const before = await graphCounts(fresh.store);
    const backup = toGraphJson(await readGraphDump(seeded.store));
    const broken = { ...backup, nodes: [...backup.nodes, { label: 'Task', id: 'x', properties: { kind: 'chapter' } }] };
    await expect(importGraph(fresh.store, broken)).rejects.toThrow(/nodes\[\d+\] \(Task\)/);
    expect(await graphCounts(fresh.store)).toEqual(before);
  });
});
