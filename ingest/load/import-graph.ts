/**
 * @module Restores a backup: the JSON of `npm run export -- --format json` (or GET
 * /export/graph.json) written into a store in one transaction, every row validated against
 * graph-schema first. Importing into a fresh store gives the exported graph back.
 */
import { z } from 'zod';
import { nodes, nodeSchemas, relationships, relSchemas, type NodeLabel, type RelType } from '../../graph-schema/model.js';
import type { PropertyMap } from '../../graph-schema/properties.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ingestQueries as q } from '../../store/queries/index.js';

const graphJsonSchema = z.object({
  nodes: z.array(
    z.object({
      label: z.enum(Object.keys(nodes) as [NodeLabel, ...NodeLabel[]]),
      id: z.string(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
  edges: z.array(
    z.object({
      type: z.enum(Object.keys(relationships) as [RelType, ...RelType[]]),
      from: z.string(),
      to: z.string(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});

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

export async function importGraph(store: GraphStore, backup: unknown): Promise<{ nodes: number; edges: number }> {
  const graph = validated(graphJsonSchema, backup, 'backup');
  const nodesByLabel = new Map<NodeLabel, Record<string, unknown>[]>();
  for (const [index, node] of graph.nodes.entries()) {
    const specs: PropertyMap = nodes[node.label].properties;
    // Kuzu exports an empty list as null; the schema wants the list.
    const properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, value === null && specs[key]?.storage === 'STRING[]' ? [] : value]),
    );
    const row = validated(nodeSchemas[node.label], { ...properties, id: node.id }, `nodes[${index}] (${node.label})`);
    const rows = nodesByLabel.get(node.label) ?? [];
    rows.push(row);
    nodesByLabel.set(node.label, rows);
  }
  const edgesByType = new Map<RelType, Record<string, unknown>[]>();
  for (const [index, edge] of graph.edges.entries()) {
    const properties = validated(relSchemas[edge.type], edge.properties, `edges[${index}] (${edge.type})`);
    const rows = edgesByType.get(edge.type) ?? [];
    rows.push({ ...properties, from: edge.from, to: edge.to });
    edgesByType.set(edge.type, rows);
  }
  await store.transaction(async (tx) => {
    for (const [label, rows] of nodesByLabel) await tx.write(q.upsert[label], rows);
    for (const [type, rows] of edgesByType) await tx.write(q.merge[type], rows);
  });
  return { nodes: graph.nodes.length, edges: graph.edges.length };
}
