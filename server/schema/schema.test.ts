import { getNamedType, GraphQLEnumType, GraphQLObjectType, isNonNullType, parse, printSchema, validate, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPH_LABELS, nodes, relationships } from '../../graph-schema/model.js';
import type { PropertyMap } from '../../graph-schema/properties.js';
import * as clientQueries from '../../client/src/api/queries.js';
import { createApiSchema } from './schema.js';

const schema = createApiSchema();

function objectType(name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type`);
  return type;
}

function field(typeName: string, fieldName: string): GraphQLField<unknown, unknown> {
  const found = objectType(typeName).getFields()[fieldName];
  if (!found) throw new Error(`${typeName}.${fieldName} is missing`);
  return found;
}

describe('the API schema', () => {
  it('prints the same SDL as the reviewed snapshot (a diff here is an API change)', async () => {
    await expect(printSchema(schema)).toMatchFileSnapshot('./__snapshots__/schema.graphql');
  });

  it('exposes every public property of every node label with its declared type and nullability', () => {
    for (const label of GRAPH_LABELS) {
      const properties: PropertyMap = nodes[label].properties;
      for (const [name, property] of Object.entries(properties)) {
        if (property.graphql === null) continue;
        const found = field(label, name);
        expect(getNamedType(found.type).name, `${label}.${name}`).toBe(property.graphql.replace(/[[\]!]/g, ''));
        expect(isNonNullType(found.type), `${label}.${name} non-null`).toBe(property.required);
      }
    }
  });

  it('offers every value of the enumerated properties of relationships', () => {
    for (const spec of Object.values(relationships)) {
      const properties: PropertyMap = spec.properties;
      for (const property of Object.values(properties)) {
        const values = 'options' in property.zod ? (property.zod.options as string[]) : null;
        if (!values || !property.graphql) continue;
        const type = schema.getType(property.graphql);
        expect(type).toBeInstanceOf(GraphQLEnumType);
        expect((type as GraphQLEnumType).getValues().map((v) => v.name)).toEqual(values);
      }
    }
  });

  it('keeps the entry points and field names that notebooks depend on (issue 5)', () => {
    const query = objectType('Query').getFields();
    for (const name of [
      'jurisdictions',
      'jurisdiction',
      'policies',
      'policy',
      'task',
      'search',
      'nationalItems',
      'nationalItem',
      'lineage',
      'coverage',
      'compare',
    ]) {
      expect(query[name], name).toBeDefined();
    }
    expect(Object.keys(query.search!.args.reduce((acc, arg) => ({ ...acc, [arg.name]: true }), {}))).toEqual([
      'text',
      'jurisdictionId',
      'limit',
    ]);
    const expected: Record<string, string[]> = {
      Jurisdiction: ['id', 'name', 'nameEn', 'level', 'parent', 'policies'],
      Policy: [
        'id',
        'title',
        'docNumber',
        'issuer',
        'issuedOn',
        'status',
        'sourceFile',
        'sha256',
        'jurisdiction',
        'tasks',
        'cites',
        'citedBy',
      ],
      Task: [
        'id',
        'key',
        'title',
        'text',
        'order',
        'span',
        'policy',
        'jurisdiction',
        'parent',
        'children',
        'deadline',
        'agencies',
        'targets',
        'implements',
        'snippet',
      ],
      TaskAgency: ['name', 'type', 'role', 'agency'],
      Target: ['text', 'metric', 'op', 'value', 'unit', 'by'],
      ImplementsLink: ['nationalItem', 'score', 'method', 'kind', 'evidence'],
      LinkEvidence: ['localText', 'localSpan', 'nationalText'],
      NationalItem: ['id', 'titleZh', 'titleEn', 'pillar', 'implementations'],
      Coverage: ['nationalItems', 'jurisdictions', 'cells'],
      CoverageCell: ['nationalItemId', 'jurisdictionId', 'taskCount', 'taskIds'],
      Comparison: ['shared', 'onlyA', 'onlyB'],
      CompareRow: ['nationalItem', 'tasksA', 'tasksB'],
      Span: ['start', 'end'],
    };
    for (const [type, names] of Object.entries(expected)) {
      for (const name of names) expect(objectType(type).getFields()[name], `${type}.${name}`).toBeDefined();
    }
  });

  it('accepts every document the explorer sends', () => {
    const documents = Object.entries(clientQueries).filter(([, value]) => typeof value === 'string' && /^\s*query\b/.test(value));
    expect(documents.length).toBeGreaterThan(5);
    for (const [name, source] of documents) {
      const errors = validate(schema, parse(source));
      expect(
        errors.map((error) => error.message),
        name,
      ).toEqual([]);
    }
  });
});
