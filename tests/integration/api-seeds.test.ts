/**
 * The API over the five seed documents: what the issue-5 acceptance checks ask of it, checked
 * against the graph itself rather than against figures copied from the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_LABELS, GRAPH_REL_TYPES } from '../../graph-schema/model.js';
import { loadCatalogue } from '../../ingest/link/catalogue.js';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { buildSearchIndex } from '../../server/search/store-search-index.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { ingestQueries } from '../../store/queries/index.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';

let seeded: SeededStore;
let app: App;

interface SeedTask {
  id: string;
  kind: string;
  text: string;
  jurisdiction: { id: string };
  implements: { nationalItem: { id: string }; kind: string }[];
}
let tasks: SeedTask[];

beforeAll(async () => {
  seeded = await openSeededStore();
  app = createApp({ store: seeded.store, logger: silentLogger, searchIndex: await buildSearchIndex(seeded.store) });
  const answer = await postGraphQL<{ policies: { tasks: SeedTask[] }[] }>(
    app,
    `{ policies { tasks { id kind text jurisdiction { id } implements { nationalItem { id } kind } } } }`,
  );
  tasks = answer.data!.policies.flatMap((policy) => policy.tasks);
});

afterAll(async () => {
  await seeded.close();
});

describe('the API over the seed documents', () => {
  it('finds every numbered item among the first 20 results by a phrase from the middle of its text', async () => {
    const items = tasks.filter((task) => task.kind === 'item' && task.text.length >= 8);
    expect(items.length).toBeGreaterThan(50);
    const missed: string[] = [];
    for (const item of items) {
      const start = Math.floor((item.text.length - 8) / 2);
      const phrase = item.text.slice(start, start + 8);
      const answer = await postGraphQL<{ search: { id: string }[] }>(app, `query($t: String!) { search(text: $t) { id } }`, { t: phrase });
      if (!answer.data?.search.some((hit) => hit.id === item.id)) missed.push(`${item.id}: ${phrase}`);
    }
    expect(missed).toEqual([]);
  });

  it("builds a coverage matrix of the five jurisdictions that agrees with every task's implements", async () => {
    const answer = await postGraphQL<{
      coverage: {
        nationalItems: { id: string }[];
        jurisdictions: { id: string }[];
        cells: { nationalItemId: string; jurisdictionId: string; taskIds: string[] }[];
        counts: number[][];
      };
    }>(app, `{ coverage { nationalItems { id } jurisdictions { id } cells { nationalItemId jurisdictionId taskIds } counts } }`);
    const { nationalItems, jurisdictions, cells, counts } = answer.data!.coverage;
    expect(jurisdictions).toHaveLength(5);
    const expected = new Map<string, Set<string>>();
    for (const task of tasks) {
      if (task.kind === 'section') continue; // headings are not counted
      // Nor an item's link through its measures: the measure is.
      for (const link of task.implements.filter((each) => each.kind !== 'measures')) {
        const key = `${link.nationalItem.id} ${task.jurisdiction.id}`;
        expected.set(key, (expected.get(key) ?? new Set()).add(task.id));
      }
    }
    for (const cell of cells) {
      const want = [...(expected.get(`${cell.nationalItemId} ${cell.jurisdictionId}`) ?? [])].sort();
      expect([...cell.taskIds].sort(), `${cell.nationalItemId} ${cell.jurisdictionId}`).toEqual(want);
    }
    expect(cells.filter((cell) => cell.taskIds.length > 0).length).toBe(expected.size);
    // The matrix of counts: items down, jurisdictions across, the same numbers as the cells.
    expect(counts.map((row) => row.length)).toEqual(nationalItems.map(() => jurisdictions.length));
    nationalItems.forEach((item, i) =>
      jurisdictions.forEach((j, k) => {
        const cell = cells.find((c) => c.nationalItemId === item.id && c.jurisdictionId === j.id)!;
        expect(counts[i]![k], `${item.id} ${j.id}`).toBe(cell.taskIds.length);
      }),
    );
  });

  it('says of every national item whether its wording is ours and which fields of its source document no published text confirms, as the catalogue records them', async () => {
    const catalogue = loadCatalogue();
    const answer = await postGraphQL<{
      nationalItems: { id: string; source: string | null; sourceUnconfirmed: string[]; titleIsSummary: boolean }[];
    }>(app, `{ nationalItems { id source sourceUnconfirmed titleIsSummary } }`);
    const served = new Map(answer.data!.nationalItems.map((item) => [item.id, item]));
    expect(served.size).toBe(catalogue.items.length);
    for (const item of catalogue.items) {
      const document = catalogue.documents.find((candidate) => candidate.docNumber === item.source?.docNumber);
      expect(served.get(item.id), item.id).toMatchObject({
        titleIsSummary: item.titleIsSummary,
        sourceUnconfirmed: document?.unconfirmed ?? [],
      });
      if (item.source) expect(served.get(item.id)?.source, item.id).toContain(item.source.docNumber);
    }
    // Both kinds occur, so the comparison above cannot pass on an answer that is always empty.
    const unconfirmedCounts = [...served.values()].map((item) => item.sourceUnconfirmed.length);
    expect(unconfirmedCounts.some((count) => count > 0)).toBe(true);
    expect([...served.values()].some((item) => item.source !== null && item.sourceUnconfirmed.length === 0)).toBe(true);
  });

  it('exports as many nodes and edges of each kind as the store holds', async () => {
    const graph = (await (await app.fetch('http://localhost/export/graph.json')).json()) as {
      nodes: { label: string }[];
      edges: { type: string }[];
    };
    for (const label of GRAPH_LABELS) {
      const [row] = await seeded.store.read(ingestQueries.countNodes[label]);
      expect(graph.nodes.filter((node) => node.label === label).length, label).toBe(row!.count);
    }
    for (const type of GRAPH_REL_TYPES) {
      const [row] = await seeded.store.read(ingestQueries.countRelationships[type]);
      expect(graph.edges.filter((edge) => edge.type === type).length, type).toBe(row!.count);
    }
    // The store keeps the policies' texts in parts; the export has them whole, as the policies' column.
    expect(graph.nodes.some((node) => node.label === 'PolicyTextPart')).toBe(false);
  });
});
