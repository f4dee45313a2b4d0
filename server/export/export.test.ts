import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_LABELS, GRAPH_REL_TYPES, nodes, relationships, type NodeLabel, type RelType } from '../../graph-schema/model.js';
import { ingestQueries } from '../../store/queries/index.js';
import { createApp, type App } from '../app.js';
import { silentLogger } from '../logger.js';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';

let graph: SampleGraph;
let app: App;
const storeCounts: Record<string, number> = {};

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 3 });
  app = createApp({ store: graph.store, logger: silentLogger });
  for (const label of Object.keys(nodes) as NodeLabel[]) {
    storeCounts[label] = (await graph.store.read(ingestQueries.countNodes[label]))[0]!.count;
  }
  for (const type of Object.keys(relationships) as RelType[]) {
    storeCounts[type] = (await graph.store.read(ingestQueries.countRelationships[type]))[0]!.count;
  }
});

afterAll(async () => {
  await graph.dispose();
});

/** RFC 4180 records, quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field.replace(/\r$/, ''));
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  return records;
}

describe('export', () => {
  it('holds the sample graph the counts below are checked against', () => {
    // Hand count of sample-graph.ts with 3 extra tasks.
    expect(storeCounts).toMatchObject({
      Jurisdiction: 5,
      Policy: 4,
      Task: 12,
      NationalItem: 4,
      Target: 6,
      IMPLEMENTS: 8,
      DERIVES_FROM: 1,
      CITES: 2,
    });
  });

  it('round-trips graph.json to the store counts of every label and relationship type', async () => {
    const response = await app.fetch('http://localhost/export/graph.json');
    expect(response.headers.get('content-type')).toContain('application/json');
    const graphJson = (await response.json()) as {
      nodes: { label: string; id: string; properties: Record<string, unknown> }[];
      edges: { type: string; from: string; to: string }[];
    };
    for (const label of GRAPH_LABELS) {
      expect(graphJson.nodes.filter((node) => node.label === label).length, label).toBe(storeCounts[label]);
    }
    for (const type of GRAPH_REL_TYPES) {
      expect(graphJson.edges.filter((edge) => edge.type === type).length, type).toBe(storeCounts[type]);
    }
    expect(graphJson.edges).toContainEqual(
      expect.objectContaining({ type: 'DERIVES_FROM', from: 'sm-1-1', to: 'fj-1-1', fromLabel: 'Task', toLabel: 'Task' }),
    );
    // The store's parts of the policies' texts are not nodes of the export; the texts are a column of the policies.
    expect(graphJson.nodes.some((node) => node.label === 'PolicyTextPart')).toBe(false);
    expect(storeCounts.PolicyTextPart).toBeGreaterThan(0);
    const policy = graphJson.nodes.find((node) => node.id === 'p-sm');
    expect(String(policy?.properties.text)).toMatch(/^一、医保支付\n（一）全面推行/u);
    expect(graphJson.nodes.find((node) => node.id === 'p-stub')?.properties.text).toBeNull();
    const task = graphJson.nodes.find((node) => node.id === 'sm-1-1');
    expect(task?.properties).toMatchObject({ seq: 1, spanStart: 10, policyId: 'p-sm' });
  });

  it('writes one CSV per label and relationship type with a header and one record per row', async () => {
    const index = (await (await app.fetch('http://localhost/export')).json()) as { files: string[] };
    const csvFiles = index.files.filter((file) => file.startsWith('/export/csv/'));
    expect(csvFiles).toHaveLength(GRAPH_LABELS.length + GRAPH_REL_TYPES.length);
    for (const file of csvFiles) {
      const name = file.slice('/export/csv/'.length, -'.csv'.length);
      const text = await (await app.fetch(`http://localhost${file}`)).text();
      const records = parseCsv(text.replace(/^\ufeff/, ''));
      expect(records.length - 1, name).toBe(storeCounts[name]);
      expect(new Set(records.map((record) => record.length)).size, `${name} columns`).toBe(1);
    }
    const policies = parseCsv((await (await app.fetch('http://localhost/export/csv/Policy.csv')).text()).replace(/^\ufeff/, ''));
    const header = policies[0]!;
    const sm = policies.find((record) => record[0] === 'p-sm')!;
    expect(sm[header.indexOf('text')]).toContain('\n（一）全面推行');
    const edges = parseCsv((await (await app.fetch('http://localhost/export/csv/RESPONSIBLE.csv')).text()).replace(/^\ufeff/, ''));
    expect(edges[0]).toEqual(['from', 'to', 'role', 'name', 'position']);
  });

  it('writes GraphML with every node and edge', async () => {
    const xml = await (await app.fetch('http://localhost/export/graph.graphml')).text();
    const nodeTotal = GRAPH_LABELS.reduce((sum, label) => sum + storeCounts[label]!, 0);
    const edgeTotal = GRAPH_REL_TYPES.reduce((sum, type) => sum + storeCounts[type]!, 0);
    expect(xml.match(/<node id=/g)?.length).toBe(nodeTotal);
    expect(xml.match(/<edge source=/g)?.length).toBe(edgeTotal);
    expect(xml).toContain('<edge source="Task:sm-1-1" target="Task:fj-1-1"><data key="e_label">DERIVES_FROM</data>');
  });

  it('answers 404 for an unknown export', async () => {
    expect((await app.fetch('http://localhost/export/csv/Nothing.csv')).status).toBe(404);
    expect((await app.fetch('http://localhost/export/csv/PolicyTextPart.csv')).status).toBe(404);
  });
});
