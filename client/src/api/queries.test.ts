import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { apiTypeDefs } from '../../../server/schema/type-defs.js';
import * as queries from './queries.js';

const documents = Object.entries(queries as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe('the explorer queries', () => {
  it('are all found (one document per view and panel)', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      [
        'COMPARE',
        'COVERAGE',
        'COVERAGE_COUNTS',
        'GAP_AUDIT',
        'IMPLEMENTATIONS',
        'JURISDICTIONS',
        'JURISDICTION_DETAIL',
        'LINEAGE',
        'NATIONAL_ITEMS',
        'NATIONAL_ITEM_DETAIL',
        'NATIONAL_ITEM_LINEAGE',
        'POLICY_DETAIL',
        'SEARCH',
        'TASK_DETAIL',
      ].sort(),
    );
  });

  const schema = buildSchema(apiTypeDefs());
  for (const [name, document] of documents) {
    it(`${name} validates against the server's SDL`, () => {
      const errors = validate(schema, parse(document)).map((error) => error.message);
      expect(errors).toEqual([]);
    });
  }
});
