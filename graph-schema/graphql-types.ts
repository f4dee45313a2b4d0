/**
 * @module GraphQL types derived from the graph model: one object type per node label with its
 * public properties, enums for the enumerated properties of nodes and relationships, and one
 * object type per payload. The server extends these types with relationship and computed
 * fields (`extend type Task { … }`).
 */
import { z } from 'zod';
import { nodes, relationships } from './model.js';
import type { Payload, PropertyMap } from './properties.js';

function enumValues(schema: z.ZodType): readonly string[] | null {
  const unwrapped = schema instanceof z.ZodNullable ? schema.unwrap() : schema;
  return unwrapped instanceof z.ZodEnum ? (unwrapped.options as readonly string[]) : null;
}

function enumsOf(properties: PropertyMap, into: Map<string, readonly string[]>): void {
  for (const property of Object.values(properties)) {
    const values = enumValues(property.zod);
    if (values && property.graphql) into.set(property.graphql, values);
  }
}

const described = (description: string, indent = '') => (description ? `${indent}${JSON.stringify(description)}\n` : '');

function fieldsOf(properties: PropertyMap, { describeAll }: { describeAll: boolean }): string[] {
  return Object.entries(properties).flatMap(([name, property]) => {
    if (property.graphql === null) return [];
    const nonNull = property.required && !property.graphql.endsWith('!') ? '!' : '';
    const description = describeAll ? `  ${JSON.stringify(property.description)}\n` : described(property.description, '  ');
    return [`${description}  ${name}: ${property.graphql}${nonNull}`];
  });
}

function enumDefinition(name: string, values: readonly string[]): string {
  return `enum ${name} {\n${values.map((value) => `  ${value}`).join('\n')}\n}`;
}

/** The object types of the node labels, the enums of their properties before them and those of the relationships after. */
export function graphqlTypeDefs(): string {
  const nodeEnums = new Map<string, readonly string[]>();
  for (const spec of Object.values(nodes)) enumsOf(spec.properties, nodeEnums);
  const relationshipEnums = new Map<string, readonly string[]>();
  for (const spec of Object.values(relationships)) enumsOf(spec.properties, relationshipEnums);
  for (const name of nodeEnums.keys()) relationshipEnums.delete(name);
  const types = Object.entries(nodes).map(
    ([label, spec]) =>
      `${JSON.stringify(spec.description)}\ntype ${label} {\n${fieldsOf(spec.properties, { describeAll: true }).join('\n')}\n}`,
  );
  return (
    [
      ...[...nodeEnums].map(([name, values]) => enumDefinition(name, values)),
      ...types,
      ...[...relationshipEnums].map(([name, values]) => enumDefinition(name, values)),
    ].join('\n\n') + '\n'
  );
}

/** The object type of a payload. */
export function graphqlPayloadTypeDef(payload: Payload): string {
  return `${described(payload.description)}type ${payload.name} {\n${fieldsOf(payload.fields, { describeAll: false }).join('\n')}\n}\n`;
}
