import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPartsOf } from '../../graph-schema/text-parts.js';
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

  it('imported again, with one text shortened, replaces that text whole and changes nothing else', async () => {
    const backup = toGraphJson(await readGraphDump(seeded.store));
    const policy = backup.nodes.find((node) => node.label === 'Policy' && typeof node.properties.text === 'string');
    const text = String(policy?.properties.text);
    expect(text.length).toBeGreaterThan(1000);
    const before = await graphCounts(fresh.store);
    const shortened = {
      ...backup,
      nodes: backup.nodes.map((node) => (node === policy ? { ...node, properties: { ...node.properties, text: '短' } } : node)),
    };
    await importGraph(fresh.store, shortened);
    const after = await graphCounts(fresh.store);
    expect(after.PolicyTextPart).toBe((before.PolicyTextPart ?? 0) - textPartsOf('', text).parts.length + 1);
    expect({ ...after, PolicyTextPart: 0, HAS_TEXT_PART: 0 }).toEqual({ ...before, PolicyTextPart: 0, HAS_TEXT_PART: 0 });
    const dump = await readGraphDump(fresh.store);
    expect(dump.nodes.Policy.find((row) => row.id === policy?.id)?.text).toBe('短');
  });

  it('is refused whole when one row breaks the schema, naming the row', async () => {
    const before = await graphCounts(fresh.store);
    const backup = toGraphJson(await readGraphDump(seeded.store));
    const broken = { ...backup, nodes: [...backup.nodes, { label: 'Task', id: 'x', properties: { kind: 'chapter' } }] };
    await expect(importGraph(fresh.store, broken)).rejects.toThrow(/nodes\[\d+\] \(Task\)/);
    expect(await graphCounts(fresh.store)).toEqual(before);
  });
});
