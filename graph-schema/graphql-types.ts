/**
 * @module GraphQL object types derived from the graph model: one type per node label with its
 * public properties, and enums for its enumerated properties. The server extends these types
 * with relationship and computed fields (`extend type Task { … }`).
 */
import { z } from 'zod';
import { nodes } from './model.js';

function enumValues(schema: z.ZodType): readonly string[] | null {
  const unwrapped = schema instanceof z.ZodNullable ? schema.unwrap() : schema;
  return unwrapped instanceof z.ZodEnum ? (unwrapped.options as readonly string[]) : null;
}

export function graphqlTypeDefs(): string {
  const enums = new Map<string, readonly string[]>();
  const types = Object.entries(nodes).map(([label, spec]) => {
    const fields = Object.entries(spec.properties).flatMap(([name, property]) => {
      if (property.graphql === null) return [];
      const values = enumValues(property.zod);
      if (values) enums.set(property.graphql, values);
      const nonNull = property.required ? '!' : '';
      return [`  ${JSON.stringify(property.description)}\n  ${name}: ${property.graphql}${nonNull}`];
    });
    return `${JSON.stringify(spec.description)}\ntype ${label} {\n${fields.join('\n')}\n}`;
  });
  const enumDefs = [...enums].map(([name, values]) => `enum ${name} {\n${values.map((v) => `  ${v}`).join('\n')}\n}`);
  return [...enumDefs, ...types].join('\n\n') + '\n';
}
