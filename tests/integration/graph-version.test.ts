/**
 * The graph's version stamp (GraphStore.graphVersion) changes with every transaction that writes
 * rows, and only then: a catalogue or a document loaded again unchanged keeps it, so what a server
 * persisted beside the database stays valid from one start to the next.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JurisdictionNode } from '../../graph-schema/model.js';
import { loadNationalCatalogue } from '../../ingest/load/load-catalogue.js';
import { buildGraphRows } from '../../ingest/load/graph-rows.js';
import { loadDocument } from '../../ingest/load/load-document.js';
import { loadStageContext } from '../../ingest/pipeline.js';
import { ingestQueries, readQueries } from '../../store/queries/index.js';
import { fixtureDoc } from '../support/ingest-doc-fixture.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempKuzuStore();
});
afterEach(async () => {
  await temp.close();
});

const versionNow = async () => (await temp.store.graphVersion?.()) ?? null;

const QUANZHOU: JurisdictionNode = { id: '350500', name: '泉州市', nameEn: 'Quanzhou City', level: 'city', parentId: '350000' };

describe('the graph version stamp', () => {
  it('is set by the first transaction, even one that writes nothing', async () => {
    expect(await versionNow()).toBeNull();
    await temp.store.transaction(async () => undefined);
    expect(await versionNow()).toEqual(expect.any(String));
  });

  it('is kept by a transaction that writes no row, and changed by one that does', async () => {
    await temp.store.transaction((tx) => tx.write(ingestQueries.upsert.Jurisdiction, [QUANZHOU]));
    const first = await versionNow();
    await temp.store.transaction(async (tx) => {
      await tx.read(readQueries.allJurisdictions);
      await tx.write(ingestQueries.upsert.Jurisdiction, []);
    });
    expect(await versionNow()).toBe(first);
    await temp.store.transaction((tx) => tx.write(ingestQueries.upsert.Jurisdiction, [{ ...QUANZHOU, nameEn: 'Quanzhou' }]));
    expect(await versionNow()).not.toBe(first);
  });

  it('is kept when the national catalogue is loaded again unchanged, and changed when an item is revised', async () => {
    const { catalogue } = (await loadStageContext('seeds')).linkContext;
    await loadNationalCatalogue(temp.store, catalogue);
    const loaded = await versionNow();
    await loadNationalCatalogue(temp.store, catalogue);
    expect(await versionNow()).toBe(loaded);

    const [item] = catalogue.items;
    if (!item) throw new Error('the seeds catalogue has no item');
    const revised = {
      ...catalogue,
      items: catalogue.items.map((each) => (each === item ? { ...each, titleEn: `${item.titleEn} (revised)` } : each)),
    };
    await loadNationalCatalogue(temp.store, revised);
    expect(await versionNow()).not.toBe(loaded);
    const stored = await temp.store.read(readQueries.allNationalItems);
    expect(stored.find((each) => each.id === item.id)?.titleEn).toBe(`${item.titleEn} (revised)`);
    expect(stored).toHaveLength(catalogue.items.length);
  });

  it('is kept when a document is loaded again unchanged', async () => {
    expect(await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }))).toBe('created');
    const loaded = await versionNow();
    expect(await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }))).toBe('unchanged');
    expect(await versionNow()).toBe(loaded);
  });
});
