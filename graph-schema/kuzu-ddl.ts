/** @module Kuzu DDL derived from the graph model. */
import { nodes, relationships } from './model.js';
import type { PropertyMap } from './properties.js';

function columns(properties: PropertyMap): string[] {
  return Object.entries(properties).map(([name, spec]) => `${name} ${spec.storage}`);
}

/**
 * CREATE … IF NOT EXISTS statements, node tables before the relationship tables that use them; then
 * every node property added with ADD IF NOT EXISTS, so that a store written before a property was
 * declared gains it (empty) instead of refusing writes. A relationship into few nodes is stored
 * forward only (see RelSpec.intoFewNodes); a store created before keeps both directions.
 */
export function kuzuDdl(): string[] {
  const nodeTables = Object.entries(nodes).map(
    ([label, spec]) => `CREATE NODE TABLE IF NOT EXISTS ${label}(${columns(spec.properties).join(', ')}, PRIMARY KEY(id))`,
  );
  const addedColumns = Object.entries(nodes).flatMap(([label, spec]) =>
    columns(spec.properties)
      .filter((column) => !column.startsWith('id '))
      .map((column) => `ALTER TABLE ${label} ADD IF NOT EXISTS ${column}`),
  );
  const relTables = Object.entries(relationships).map(([type, spec]) => {
    const parts = [`FROM ${spec.from} TO ${spec.to}`, ...columns(spec.properties)];
    const storage = spec.intoFewNodes ? ` WITH (storage_direction = 'fwd')` : '';
    return `CREATE REL TABLE IF NOT EXISTS ${type}(${parts.join(', ')})${storage}`;
  });
  return [...nodeTables, ...relTables, ...addedColumns];
}
