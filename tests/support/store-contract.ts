/**
 * Behaviour every GraphStore backend must show, run against a real database: Kuzu always,
 * Neo4j when NEO4J_URI is set.
 */
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/pipeline.js';
import type { GraphStore } from '../../store/graph-store.js';
import { graphSnapshot } from './graph-snapshot.js';
import { ingestQueries as q, readQueries } from '../../store/queries/index.js';
import { allQueries } from '../../store/queries/all-queries.js';
import type { StorageType } from '../../graph-schema/properties.js';
import type { AgencyNode, JurisdictionNode } from '../../graph-schema/model.js';

const SAMPLE: Record<StorageType, unknown> = { STRING: 'sample', INT64: 3, DOUBLE: 0.25, BOOLEAN: true, 'STRING[]': ['a'] };

/** A value for each `$parameter` of a read query, chosen by its name. */
export function sampleParams(cypher: string): Record<string, unknown> {
  const names = [...cypher.matchAll(/\$(\w+)/g)].map((match) => match[1] as string);
  return Object.fromEntries(
    names.map((name): [string, unknown] => {
      if (/^(limit|skip|offset|depth|first|maxDepth)$/i.test(name)) return [name, 10];
      if (/(Ids|ids|Paths|Keys|terms|types|Types)$/.test(name)) return [name, ['sample']];
      if (/^(min|max)[A-Z]|Score$/.test(name)) return [name, 0.5];
      return [name, 'sample'];
    }),
  );
}

const jurisdiction = (id: string, parentId: string | null): JurisdictionNode => ({
  id,
  name: `地区${id}`,
  nameEn: `Area ${id}`,
  level: parentId ? 'city' : 'province',
  parentId,
});

async function counts(store: GraphStore) {
  const [j] = await store.read(q.countNodes.Jurisdiction);
  const [e] = await store.read(q.countRelationships.PART_OF);
  return { jurisdictions: j?.count, partOf: e?.count };
}

export function describeStoreContract(name: string, open: () => Promise<GraphStore>, cleanUp: (store: GraphStore) => Promise<void>) {
  describe(`${name} store`, () => {
    it('treats applying the schema a second time as a no-op', async () => {
      const store = await open();
      try {
        await store.applySchema();
        await store.transaction((tx) => tx.write(q.upsert.Jurisdiction, [jurisdiction('350000', null)]));
        await store.applySchema();
        expect(await counts(store)).toEqual({ jurisdictions: 1, partOf: 0 });
      } finally {
        await cleanUp(store);
      }
    });

    it('leaves the same counts when the same batch is written twice', async () => {
      const store = await open();
      try {
        const nodes = [jurisdiction('350000', null), jurisdiction('350400', '350000'), jurisdiction('350100', '350000')];
        const edges = [
          { from: '350400', to: '350000' },
          { from: '350100', to: '350000' },
        ];
        for (let round = 0; round < 2; round += 1) {
          await store.transaction(async (tx) => {
            await tx.write(q.upsert.Jurisdiction, nodes);
            await tx.write(q.merge.PART_OF, edges);
          });
        }
        expect(await counts(store)).toEqual({ jurisdictions: 3, partOf: 2 });
      } finally {
        await cleanUp(store);
      }
    });

    it('keeps nulls, integers and fractions apart in one batch', async () => {
      const store = await open();
      try {
        const base = { text: 't', metric: null, op: null, unit: null, by: null, taskId: 'task', spanStart: 0, spanEnd: 1 };
        await store.transaction((tx) =>
          tx.write(q.upsert.Target, [
            { ...base, id: 'a', value: null },
            { ...base, id: 'b', value: 2.5, unit: '%' },
            { ...base, id: 'c', value: 70 },
          ]),
        );
        const rows = await store.read<{ id: string; value: number | null; unit: string | null }>({
          kind: 'read',
          name: 'targetValues',
          cypher: 'MATCH (t:Target) RETURN t.id AS id, t.value AS value, t.unit AS unit ORDER BY id',
        });
        expect(rows).toEqual([
          { id: 'a', value: null, unit: null },
          { id: 'b', value: 2.5, unit: '%' },
          { id: 'c', value: 70, unit: null },
        ]);
      } finally {
        await cleanUp(store);
      }
    });

    it('writes nothing from a transaction that fails half way', async () => {
      const store = await open();
      try {
        await expect(
          store.transaction(async (tx) => {
            await tx.write(q.upsert.Jurisdiction, [jurisdiction('350000', null)]);
            throw new Error('interrupted');
          }),
        ).rejects.toThrow('interrupted');
        expect(await counts(store)).toEqual({ jurisdictions: 0, partOf: 0 });
      } finally {
        await cleanUp(store);
      }
    });

    it('finds nothing, and does not crash, for an empty list of ids', async () => {
      const store = await open();
      try {
        await store.transaction((tx) => tx.write(q.upsert.Jurisdiction, [jurisdiction('350000', null)]));
        expect(await store.read(q.policiesExisting, { ids: [] })).toEqual([]);
      } finally {
        await cleanUp(store);
      }
    });

    it('answers a keyed read with each stored id once, however long the list', async () => {
      const store = await open();
      try {
        const ids = Array.from({ length: 70 }, (_, i) => String(110101 + i));
        await store.transaction((tx) =>
          tx.write(
            q.upsert.Jurisdiction,
            ids.map((id) => jurisdiction(id, null)),
          ),
        );
        for (const size of [1, 3, 32, 33, 70]) {
          const asked = [...ids.slice(0, size), 'missing'];
          const rows = await store.read(readQueries.jurisdictionsByIds, { ids: asked });
          expect(rows.map((row) => row.id).sort()).toEqual(ids.slice(0, size));
          expect(rows.find((row) => row.id === ids[0])).toMatchObject({ name: `地区${ids[0]!}`, level: 'province' });
        }
      } finally {
        await cleanUp(store);
      }
    });

    it('bulk-creates nodes and relationships, into empty and non-empty tables, with Chinese text, nulls and lists as written', async () => {
      const store = await open();
      try {
        const text = '一、推进“三医”联动，\n（一）落实"两个允许"，\\不得,加价';
        const base = { metric: null, op: null, unit: null, by: null, taskId: 'task', spanStart: 0, spanEnd: 1 };
        const targets = [
          { ...base, id: 'a', text, value: null },
          { ...base, id: 'b', text: '', value: 2.5, unit: '%' },
          { ...base, id: 'c', text: ',', value: 70, by: '2025年' },
        ];
        const agency: Omit<AgencyNode, 'id'> = {
          name: '市卫健委',
          nameEn: 'Health Commission',
          type: 'HEALTH',
          jurisdictionId: '350400',
          aliases: ['卫健委, 市卫生健康委', '"卫健"'],
        };
        await store.transaction(async (tx) => {
          await tx.write(q.bulkCreate.Target, targets.slice(0, 1));
          await tx.write(q.bulkCreate.Jurisdiction, [jurisdiction('350000', null), jurisdiction('350400', '350000')]);
          await tx.write(q.bulkCreate.PART_OF, [{ from: '350400', to: '350000' }]);
        });
        await store.transaction(async (tx) => {
          await tx.write(q.bulkCreate.Target, targets.slice(1));
          await tx.write(q.bulkCreate.Agency, [
            { ...agency, id: 'g1' },
            { ...agency, id: 'g2', aliases: [] },
          ]);
          await tx.write(q.bulkCreate.BELONGS_TO, [
            { from: 'g1', to: '350400' },
            { from: 'g2', to: '350400' },
          ]);
        });
        const rows = await store.read<Record<string, unknown>>({
          kind: 'read',
          name: 'bulkTargets',
          cypher: 'MATCH (t:Target) RETURN t.id AS id, t.text AS text, t.value AS value, t.unit AS unit, t.by AS by ORDER BY id',
        });
        expect(rows).toEqual(targets.map(({ id, text: written, value, unit, by }) => ({ id, text: written, value, unit, by })));
        const agencies = await store.read<{ id: string; aliases: string[] | null; jurisdiction: string }>({
          kind: 'read',
          name: 'bulkAgencies',
          cypher:
            'MATCH (a:Agency)-[:BELONGS_TO]->(j:Jurisdiction)-[:PART_OF]->(:Jurisdiction) RETURN a.id AS id, a.aliases AS aliases, j.id AS jurisdiction ORDER BY id',
        });
        // Kuzu reads an empty list back as null, as it does after a MERGE.
        expect(agencies.map((row) => ({ ...row, aliases: row.aliases ?? [] }))).toEqual([
          { id: 'g1', aliases: agency.aliases, jurisdiction: '350400' },
          { id: 'g2', aliases: [], jurisdiction: '350400' },
        ]);
      } finally {
        await cleanUp(store);
      }
    });

    it('writes nothing from a transaction whose bulk creation fails', async () => {
      const store = await open();
      try {
        await store.transaction((tx) => tx.write(q.bulkCreate.Jurisdiction, [jurisdiction('350000', null)]));
        await expect(
          store.transaction(async (tx) => {
            await tx.write(q.bulkCreate.Jurisdiction, [jurisdiction('350400', '350000')]);
            await tx.write(q.bulkCreate.Jurisdiction, [jurisdiction('350000', null)]);
          }),
        ).rejects.toThrow();
        expect(await counts(store)).toEqual({ jurisdictions: 1, partOf: 0 });
      } finally {
        await cleanUp(store);
      }
    });

    it('loads the seeds in bulk into the graph that loading them document by document gives', async () => {
      const snapshotAfter = async (loader: 'bulk' | 'per-document') => {
        const store = await open();
        try {
          const reports = await ingestPaths(store, ['seeds'], { loader, batchSize: loader === 'bulk' ? 500 : 1 });
          expect(reports.filter((report) => !report.ok)).toEqual([]);
          return await graphSnapshot(store);
        } finally {
          await cleanUp(store);
        }
      };
      const perDocument = await snapshotAfter('per-document');
      const bulk = await snapshotAfter('bulk');
      expect(bulk.dump.nodes.Task.length).toBeGreaterThan(0);
      if (bulk.checksum !== perDocument.checksum) expect(bulk.dump).toEqual(perDocument.dump);
      expect(bulk.checksum).toBe(perDocument.checksum);
    }, 240_000);

    it('runs every named query of the query module', async () => {
      const store = await open();
      try {
        const failures: string[] = [];
        for (const query of allQueries()) {
          try {
            if (query.kind === 'write') {
              const row = Object.fromEntries(Object.entries(query.rowTypes).map(([field, type]) => [field, SAMPLE[type]]));
              // A bulk creation adds a node that must be new; its relationships join the sample nodes the upserts wrote.
              if (query.bulkTable && 'id' in row) row.id = `new-${query.name}`;
              await store.transaction((tx) => tx.write(query, [row], sampleParams(query.cypher.replace('$rows', ''))));
            } else {
              await store.read(query, sampleParams(query.cypher));
            }
          } catch (error) {
            failures.push(`${query.name}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        expect(failures).toEqual([]);
        expect(allQueries().length).toBeGreaterThan(20);
      } finally {
        await cleanUp(store);
      }
    });
  });
}
