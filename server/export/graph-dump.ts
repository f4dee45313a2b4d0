/**
 * @module The whole graph read out of the store (one query per label and relationship type) and
 * written as JSON, CSV or GraphML for analysis tools (pandas, R, Gephi, NetworkX).
 *
 * Formats:
 * - JSON: `{ nodes: [{ label, id, properties }], edges: [{ type, from, fromLabel, to, toLabel, properties }] }`.
 * - CSV: one file per label (`Task.csv`: its properties) and per relationship type
 *   (`IMPLEMENTS.csv`: `from,to` and its properties); lists are JSON arrays in one cell.
 * - GraphML: node ids are `Label:id`; every property is a `<data>` of a declared key.
 * Values are as stored, but for the evidence of IMPLEMENTS and DERIVES_FROM, stored as spans only
 * (graph-schema/evidence-spans.ts) and written as the JSON string of its phrases with their texts,
 * and a policy's text, stored in parts (graph-schema/text-parts.ts) and written whole as a column of the policy.
 */
import { GRAPH_LABELS, GRAPH_REL_TYPES, nodes, relationships, type GraphLabel, type GraphRelType } from '../../graph-schema/model.js';
import { evidenceJsonOf } from '../../graph-schema/evidence-spans.js';
import { textOfParts } from '../../graph-schema/text-parts.js';
import type { StorageType } from '../../graph-schema/properties.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries } from '../../store/queries/index.js';

export interface GraphDump {
  nodes: Record<GraphLabel, Record<string, unknown>[]>;
  relationships: Record<GraphRelType, Record<string, unknown>[]>;
}

/** The graph the API shows, without the store's own labels (PolicyTextPart). */
export const NODE_LABELS = GRAPH_LABELS;
export const REL_TYPES = GRAPH_REL_TYPES;

export async function readGraphDump(store: GraphStore): Promise<GraphDump> {
  const nodeRows = await Promise.all(NODE_LABELS.map((label) => readExportRows(store, label)));
  const relRows = await Promise.all(REL_TYPES.map((type) => store.read(readQueries.exportRelationships[type])));
  const dump: GraphDump = {
    nodes: Object.fromEntries(NODE_LABELS.map((label, i) => [label, nodeRows[i] ?? []])) as GraphDump['nodes'],
    relationships: Object.fromEntries(REL_TYPES.map((type, i) => [type, relRows[i] ?? []])) as GraphDump['relationships'],
  };
  const taskTexts = textsOf(dump.nodes.Task);
  withEvidenceTexts(dump.relationships.IMPLEMENTS, taskTexts, textsOf(dump.nodes.NationalItem));
  withEvidenceTexts(dump.relationships.DERIVES_FROM, taskTexts, taskTexts);
  return dump;
}

/** Policy rows with their texts, joined from the parts read in order. */
async function withPolicyTexts(store: GraphStore, policies: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  const parts = new Map<string, { text: string }[]>();
  for (const part of await store.read(readQueries.exportPolicyTextParts)) {
    const list = parts.get(part.id) ?? [];
    list.push(part);
    parts.set(part.id, list);
  }
  return policies.map((policy) => ({ ...policy, text: textOfParts(parts.get(String(policy.id)) ?? []) }));
}

function textsOf(rows: readonly Record<string, unknown>[]): Map<unknown, string> {
  return new Map(rows.map((row) => [row.id, typeof row.text === 'string' ? row.text : '']));
}

/** Each link's evidence as the JSON of its phrases, cut from the texts of its two ends. */
function withEvidenceTexts(
  links: Record<string, unknown>[],
  localTexts: ReadonlyMap<unknown, string>,
  otherTexts: ReadonlyMap<unknown, string>,
): void {
  for (const link of links) {
    if (typeof link.evidence !== 'string') continue;
    const texts = { localText: localTexts.get(link.from) ?? '', otherText: otherTexts.get(link.to) ?? '' };
    link.evidence = evidenceJsonOf(link.evidence, texts);
  }
}

/** Property columns of a label or relationship type, in model order (`from`, `to` first for relationships; a policy's text last). */
export function columnsOf(name: GraphLabel | GraphRelType): string[] {
  if (name === 'Policy') return [...Object.keys(nodes.Policy.properties), 'text'];
  if (name in nodes) return Object.keys(nodes[name as GraphLabel].properties);
  return ['from', 'to', ...Object.keys(relationships[name as GraphRelType].properties)];
}

function storageOf(name: GraphLabel | GraphRelType, column: string): StorageType {
  const properties: Record<string, { storage: StorageType }> =
    name in nodes ? nodes[name as GraphLabel].properties : relationships[name as GraphRelType].properties;
  return properties[column]?.storage ?? 'STRING';
}

function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}

// --- JSON ---------------------------------------------------------------------------------------

export function toGraphJson(dump: GraphDump) {
  return {
    nodes: NODE_LABELS.flatMap((label) =>
      dump.nodes[label].map((row) => ({ label, id: String(row.id), properties: pick(row, columnsOf(label)) })),
    ),
    edges: REL_TYPES.flatMap((type) => {
      const { from: fromLabel, to: toLabel } = relationships[type];
      const propertyColumns = columnsOf(type).slice(2);
      return dump.relationships[type].map((row) => ({
        type,
        from: String(row.from),
        fromLabel,
        to: String(row.to),
        toLabel,
        properties: pick(row, propertyColumns),
      }));
    }),
  };
}

// --- CSV ----------------------------------------------------------------------------------------

/** A stored property as text: storage types are scalars or lists of strings (graph-schema/properties.ts); lists become JSON. */
function propertyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes. Lists become JSON. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = propertyText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows of one label or relationship type (for one CSV file). */
export async function readExportRows(store: GraphStore, name: GraphLabel | GraphRelType): Promise<Record<string, unknown>[]> {
  if (name === 'Policy') return withPolicyTexts(store, await store.read(readQueries.exportNodes.Policy));
  if (name in nodes) return store.read(readQueries.exportNodes[name as GraphLabel]);
  const rows = await store.read(readQueries.exportRelationships[name as GraphRelType]);
  if (name === 'IMPLEMENTS' || name === 'DERIVES_FROM') {
    const [tasks, others] = await Promise.all([
      store.read(readQueries.exportNodes.Task),
      name === 'IMPLEMENTS' ? store.read(readQueries.exportNodes.NationalItem) : null,
    ]);
    const taskTexts = textsOf(tasks);
    withEvidenceTexts(rows, taskTexts, others ? textsOf(others) : taskTexts);
  }
  return rows;
}

export function toCsv(name: GraphLabel | GraphRelType, rows: readonly Record<string, unknown>[]): string {
  const columns = columnsOf(name);
  const lines = [columns.join(','), ...rows.map((row) => columns.map((column) => csvField(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** File names of the CSV export, e.g. `Task.csv`, `IMPLEMENTS.csv`. */
export function csvFileNames(): string[] {
  return [...NODE_LABELS, ...REL_TYPES].map((name) => `${name}.csv`);
}

export function isExportName(name: string): name is GraphLabel | GraphRelType {
  return (NODE_LABELS as readonly string[]).includes(name) || (REL_TYPES as readonly string[]).includes(name);
}

// --- GraphML ------------------------------------------------------------------------------------

function xmlEscape(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 forbids (control characters other than tab and line breaks).
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

const GRAPHML_TYPES: Record<StorageType, string> = {
  STRING: 'string',
  INT64: 'long',
  DOUBLE: 'double',
  BOOLEAN: 'boolean',
  'STRING[]': 'string',
};

export function toGraphMl(dump: GraphDump): string {
  // One key per (domain, property name); a name used with two storage types falls back to string.
  const keys = new Map<string, { domain: 'node' | 'edge'; name: string; type: string }>();
  const declare = (domain: 'node' | 'edge', name: string, type: string) => {
    const id = `${domain === 'node' ? 'n' : 'e'}_${name}`;
    const known = keys.get(id);
    if (known && known.type !== type) known.type = 'string';
    else if (!known) keys.set(id, { domain, name, type });
    return id;
  };
  declare('node', 'label', 'string');
  declare('edge', 'label', 'string');
  for (const label of NODE_LABELS) for (const column of columnsOf(label)) declare('node', column, GRAPHML_TYPES[storageOf(label, column)]);
  for (const type of REL_TYPES) {
    for (const column of columnsOf(type).slice(2)) declare('edge', column, GRAPHML_TYPES[storageOf(type, column)]);
  }

  const data = (domain: 'node' | 'edge', name: string, value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = propertyText(value);
    return `<data key="${domain === 'node' ? 'n' : 'e'}_${name}">${xmlEscape(text)}</data>`;
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...[...keys].map(([id, key]) => `  <key id="${id}" for="${key.domain}" attr.name="${key.name}" attr.type="${key.type}"/>`),
    '  <graph id="reformgraph" edgedefault="directed">',
  ];
  for (const label of NODE_LABELS) {
    for (const row of dump.nodes[label]) {
      const fields = columnsOf(label)
        .map((column) => data('node', column, row[column]))
        .join('');
      out.push(`    <node id="${xmlEscape(`${label}:${String(row.id)}`)}">${data('node', 'label', label)}${fields}</node>`);
    }
  }
  for (const type of REL_TYPES) {
    const { from, to } = relationships[type];
    for (const row of dump.relationships[type]) {
      const fields = columnsOf(type)
        .slice(2)
        .map((column) => data('edge', column, row[column]))
        .join('');
      const source = xmlEscape(`${from}:${String(row.from)}`);
      const target = xmlEscape(`${to}:${String(row.to)}`);
      out.push(`    <edge source="${source}" target="${target}">${data('edge', 'label', type)}${fields}</edge>`);
    }
  }
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
