import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGraphRows } from '../../ingest/load/graph-rows.js';
import { loadDocument, loadDocuments } from '../../ingest/load/load-document.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q, readQueries } from '../../store/queries/index.js';
import { textOfParts, textPartsOf } from '../../graph-schema/text-parts.js';
import { graphCounts } from '../support/graph-counts.js';
import { fixtureDoc, FIXTURE_SOURCE } from '../support/ingest-doc-fixture.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

describe('loading a document', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempKuzuStore();
  });
  afterEach(async () => {
    await temp.close();
  });

  it('writes the document, its tasks, agencies, targets and citation stub', async () => {
    expect(await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }))).toBe('created');
    expect(await graphCounts(temp.store)).toMatchObject({
      Policy: 2,
      Task: 3,
      Agency: 2,
      Target: 1,
      Jurisdiction: 3,
      HAS_TASK: 3,
      HAS_PART: 2,
      RESPONSIBLE: 2,
      HAS_TARGET: 1,
      CITES: 1,
      ISSUED_IN: 2,
      PART_OF: 2,
      BELONGS_TO: 2,
      PolicyTextPart: textPartsOf('', FIXTURE_SOURCE).parts.length,
      HAS_TEXT_PART: textPartsOf('', FIXTURE_SOURCE).parts.length,
    });
  });

  it('changes nothing when the same document is loaded again', async () => {
    await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }));
    const before = await graphCounts(temp.store);
    expect(await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }))).toBe('unchanged');
    expect(await graphCounts(temp.store)).toEqual(before);
  });

  it('replaces the tasks of a revised edition without leaving orphans', async () => {
    await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }));
    const revised = fixtureDoc({ source: `${FIXTURE_SOURCE}\n修订`, withMeasure: false });
    expect(await loadDocument(temp.store, buildGraphRows(revised, { ingestKey: 'k2' }))).toBe('replaced');
    const counts = await graphCounts(temp.store);
    expect(counts).toMatchObject({ Policy: 2, Task: 2, HAS_TASK: 2, HAS_PART: 1, Target: 1, HAS_TARGET: 1, CITES: 1 });
  });

  it("replaces a revised edition's text, leaving none of the longer text it replaces", async () => {
    const long = `${FIXTURE_SOURCE}\n附件：${'三明市医改任务分解表'.repeat(80)}`;
    const policyText = async () => textOfParts(await temp.store.read(readQueries.policyTextParts, { ids: ['doc:明医改组〔2024〕4号'] }));
    await loadDocument(temp.store, buildGraphRows(fixtureDoc({ source: long }), { ingestKey: 'k1' }));
    expect(await policyText()).toBe(long);
    const revisedSource = `${FIXTURE_SOURCE}\n修订`;
    expect(await loadDocument(temp.store, buildGraphRows(fixtureDoc({ source: revisedSource }), { ingestKey: 'k2' }))).toBe('replaced');
    expect(await policyText()).toBe(revisedSource);
    const parts = textPartsOf('', revisedSource).parts.length;
    expect(textPartsOf('', long).parts.length).toBeGreaterThan(parts);
    expect(await graphCounts(temp.store)).toMatchObject({ PolicyTextPart: parts, HAS_TEXT_PART: parts });
  });

  it('keeps the stored edition whole when writing a revision fails half way', async () => {
    await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }));
    const before = await graphCounts(temp.store);
    let writes = 0;
    const failing: GraphStore = {
      ...temp.store,
      backend: temp.store.backend,
      queryCount: 0,
      transaction: (work) =>
        temp.store.transaction((tx) =>
          work({
            read: (query, params) => tx.read(query, params),
            async write(query, rows, params) {
              writes += 1;
              if (writes === 6) throw new Error('disk full');
              await tx.write(query, rows, params);
            },
          }),
        ),
    };
    const revised = fixtureDoc({ source: `${FIXTURE_SOURCE}\n修订`, withMeasure: false });
    await expect(loadDocument(failing, buildGraphRows(revised, { ingestKey: 'k2' }))).rejects.toThrow('disk full');
    expect(await graphCounts(temp.store)).toEqual(before);
    const [policy] = await temp.store.read(q.policiesExisting, { ids: ['doc:明医改组〔2024〕4号'] });
    expect(policy?.ingestKey).toBe('k1');
  });

  it('completes a stub when the cited document itself is loaded, without a duplicate', async () => {
    await loadDocument(temp.store, buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }));
    await loadDocument(temp.store, buildGraphRows(nationalEdition(), { ingestKey: 'k3' }));
    const [stub] = await temp.store.read(q.policiesExisting, { ids: ['doc:国办发〔2024〕29号'] });
    expect(stub).toMatchObject({ stub: false, title: '深化医药卫生体制改革2024年重点工作任务' });
    expect((await graphCounts(temp.store)).Policy).toBe(2);
  });

  it('loads a batch in one transaction, a document cited within the batch as itself, not a stub', async () => {
    const national = nationalEdition();
    const batch = [buildGraphRows(fixtureDoc(), { ingestKey: 'k1' }), buildGraphRows(national, { ingestKey: 'k3' })];
    expect(await loadDocuments(temp.store, batch)).toEqual(['created', 'created']);
    const [cited] = await temp.store.read(q.policiesExisting, { ids: ['doc:国办发〔2024〕29号'] });
    expect(cited?.stub).toBe(false);
    expect((await graphCounts(temp.store)).Policy).toBe(2);
    expect(await loadDocuments(temp.store, batch)).toEqual(['unchanged', 'unchanged']);
  });
});

/** The national document the fixture cites, as a loaded document of its own. */
function nationalEdition() {
  const national = fixtureDoc({ source: '国办发文本' });
  national.meta = {
    ...national.meta,
    docNumber: '国办发〔2024〕29号',
    jurisdictionId: '000000',
    title: '深化医药卫生体制改革2024年重点工作任务',
  };
  national.citations = [];
  national.agencies = new Map();
  for (const task of national.tasks) task.agencies = [];
  return national;
}
