/**
 * @module GraphQL types derived from the graph model: one object type per node label with its
 * public properties, enums for the enumerated properties of nodes and relationships, one object
 * type per payload, and the fields and enums the server's own types take from the model (a link's
 * score, method, kind, curated and evidence; the relation of a lineage link). The server extends
 * these types with relationship and computed fields (`extend type Task { … }`).
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

function fieldOf(name: string, { graphql, required, description }: PropertyMap[string], { describeEmpty = false } = {}): string[] {
  if (graphql === null) return [];
  const nonNull = required && !graphql.endsWith('!') ? '!' : '';
  const describedAs = describeEmpty ? `  ${JSON.stringify(description)}\n` : described(description, '  ');
  return [`${describedAs}  ${name}: ${graphql}${nonNull}`];
}

function fieldsOf(properties: PropertyMap, { describeEmpty }: { describeEmpty: boolean }): string[] {
  return Object.entries(properties).flatMap(([name, property]) => fieldOf(name, property, { describeEmpty }));
}

/**
 * SDL field definitions of some of a model's properties, in the order named, for an object type
 * the server declares (a link type, an agency as a task names it): each with its declared type,
 * nullability and description, or the description given for it here.
 */
export function graphqlFields<P extends PropertyMap>(
  properties: P,
  names: readonly (keyof P & string)[],
  { descriptions = {} }: { descriptions?: Partial<Record<keyof P & string, string>> } = {},
): string {
  return names
    .flatMap((name) => {
      const property = properties[name];
      if (!property) throw new Error(`graphqlFields: no property ${name}`);
      return fieldOf(name, { ...property, description: descriptions[name] ?? property.description });
    })
    .join('\n');
}

export interface EnumTypeOptions<V extends string> {
  description?: string;
  /** A description per value; when given, one for every value. */
  valueDescriptions?: Record<V, string>;
}

/** An enum type: its values in the order given, each with its description when given. */
export function graphqlEnumTypeDef<V extends string>(
  name: string,
  values: readonly V[],
  { description = '', valueDescriptions }: EnumTypeOptions<V> = {},
): string {
  const lines = values.map((value) => `${described(valueDescriptions?.[value] ?? '', '  ')}  ${value}`);
  return `${described(description)}enum ${name} {\n${lines.join('\n')}\n}\n`;
}

/** The object types of the node labels (not the store's own), the enums of their properties before them and those of the relationships after. */
export function graphqlTypeDefs(): string {
  const nodeEnums = new Map<string, readonly string[]>();
  for (const spec of Object.values(nodes)) enumsOf(spec.properties, nodeEnums);
  const relationshipEnums = new Map<string, readonly string[]>();
  for (const spec of Object.values(relationships)) enumsOf(spec.properties, relationshipEnums);
  for (const name of nodeEnums.keys()) relationshipEnums.delete(name);
  const types = Object.entries(nodes)
    .filter(([, spec]) => !('storageOnly' in spec && spec.storageOnly))
    .map(
      ([label, spec]) =>
        `${JSON.stringify(spec.description)}\ntype ${label} {\n${fieldsOf(spec.properties, { describeEmpty: true }).join('\n')}\n}`,
    );
  return (
    [
      ...[...nodeEnums].map(([name, values]) => graphqlEnumTypeDef(name, values).trim()),
      ...types,
      ...[...relationshipEnums].map(([name, values]) => graphqlEnumTypeDef(name, values).trim()),
    ].join('\n\n') + '\n'
  );
}

/** The object type of a payload. */
export function graphqlPayloadTypeDef(payload: Payload): string {
  return `${described(payload.description)}type ${payload.name} {\n${fieldsOf(payload.fields, { describeEmpty: false }).join('\n')}\n}\n`;
}
