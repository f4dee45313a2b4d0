/**
 * @module Restores a backup: the JSON of `npm run export -- --format json` (or GET
 * /export/graph.json) written into a store in one transaction, every row validated against
 * graph-schema first. Importing into a fresh store gives the exported graph back.
 */
import { z } from 'zod';
import {
  GRAPH_LABELS,
  GRAPH_REL_TYPES,
  edgeSchemas,
  nodes,
  nodeSchemas,
  relationships,
  type GraphLabel,
  type GraphRelType,
  type NodeLabel,
  type RelType,
  type RowOf,
  type Table,
} from '../../graph-schema/model.js';
import { spansTextOfPhrases } from '../../graph-schema/evidence-spans.js';
import { textPartsOf } from '../../graph-schema/text-parts.js';
import type { PropertyMap } from '../../graph-schema/properties.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';

const graphJsonSchema = z.object({
  nodes: z.array(
    z.object({
      label: z.enum(GRAPH_LABELS as [GraphLabel, ...GraphLabel[]]),
      id: z.string(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
  edges: z.array(
    z.object({
      type: z.enum(GRAPH_REL_TYPES as [GraphRelType, ...GraphRelType[]]),
      from: z.string(),
      to: z.string(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});

const policyTextSchema = z.string().nullable();

export class ImportError extends Error {
  readonly code = 'BAD_BACKUP';
}

function validated<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ImportError(`${where}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

type RowsByTable = { [T in Table]?: RowOf<T>[] };

function collect<T extends Table>(rows: RowsByTable, table: T, row: RowOf<T>): void {
  const list: RowOf<T>[] = rows[table] ?? [];
  list.push(row);
  rows[table] = list as RowsByTable[T];
}

function textsOf(rows: readonly { id: string; text: string }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.id, row.text]));
}

export async function importGraph(store: GraphStore, backup: unknown): Promise<{ nodes: number; edges: number }> {
  const graph = validated(graphJsonSchema, backup, 'backup');
  const rowsByTable: RowsByTable = {};
  const policyTexts = new Map<string, string | null>();
  for (const [index, node] of graph.nodes.entries()) {
    const specs: PropertyMap = nodes[node.label].properties;
    // Kuzu exports an empty list as null; the schema wants the list.
    const properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, value === null && specs[key]?.storage === 'STRING[]' ? [] : value]),
    );
    collect(rowsByTable, node.label, validated(nodeSchemas[node.label], { ...properties, id: node.id }, `nodes[${index}] (${node.label})`));
    if (node.label === 'Policy')
      policyTexts.set(node.id, validated(policyTextSchema, properties.text ?? null, `nodes[${index}] (Policy) text`));
  }
  // A policy's text is a column of the export; the store keeps it in parts (graph-schema/text-parts.ts).
  for (const [policyId, text] of policyTexts) {
    const { parts, edges } = textPartsOf(policyId, text);
    for (const part of parts) collect(rowsByTable, 'PolicyTextPart', part);
    for (const edge of edges) collect(rowsByTable, 'HAS_TEXT_PART', edge);
  }
  const texts = { Task: textsOf(rowsByTable.Task ?? []), NationalItem: textsOf(rowsByTable.NationalItem ?? []) };
  for (const [index, edge] of graph.edges.entries()) {
    const row: Record<string, unknown> = { ...edge.properties, from: edge.from, to: edge.to };
    if ((edge.type === 'IMPLEMENTS' || edge.type === 'DERIVES_FROM') && typeof row.evidence === 'string' && row.evidence.startsWith('[{')) {
      // An export writes evidence as its phrases with their texts; the store holds the spans (graph-schema/evidence-spans.ts).
      const sides = {
        localText: texts.Task.get(edge.from) ?? '',
        otherText: (edge.type === 'IMPLEMENTS' ? texts.NationalItem : texts.Task).get(edge.to) ?? '',
      };
      const spans = spansTextOfPhrases(row.evidence, sides);
      if (spans === null) throw new ImportError(`edges[${index}] (${edge.type}): evidence is not the text of its spans in the two texts`);
      row.evidence = spans;
    }
    collect(rowsByTable, edge.type, validated(edgeSchemas[edge.type], row, `edges[${index}] (${edge.type})`));
  }
  await store.transaction(async (tx) => {
    // A policy's stored text gives way to the backup's, whatever the number of its parts.
    await tx.write(
      q.deletePolicyText,
      [...policyTexts.keys()].map((policyId) => ({ policyId })),
    );
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- L ties q.upsert[label] to its rows; a union parameter does not compile
    const upsert = <L extends NodeLabel>(label: L) => tx.write(q.upsert[label], rowsByTable[label] ?? []);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- R ties q.merge[type] to its rows; a union parameter does not compile
    const merge = <R extends RelType>(type: R) => tx.write(q.merge[type], rowsByTable[type] ?? []);
    for (const label of Object.keys(nodes) as NodeLabel[]) if (rowsByTable[label]) await upsert(label);
    for (const type of Object.keys(relationships) as RelType[]) if (rowsByTable[type]) await merge(type);
  });
  return { nodes: graph.nodes.length, edges: graph.edges.length };
}
