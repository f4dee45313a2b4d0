import { describe, expect, it } from 'vitest';
import { buildSchema, parse, validate } from 'graphql';
import { apiTypeDefs } from '../../../server/schema/type-defs.js';
import * as queries from './analyses-queries.js';

const documents = Object.entries(queries as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe("the analysis views' queries", () => {
  it('are all found (adoption, instruments, text reuse, versions)', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      ['ADOPTION', 'CODED_TASKS', 'INSTRUMENT_MATRIX', 'PLAN_VERSIONS', 'POLICY_LIST', 'TASK_ANALYSES', 'TEXT_REUSE'].sort(),
    );
  });

  const schema = buildSchema(apiTypeDefs());
  for (const [name, document] of documents) {
    it(`${name} validates against the server's SDL`, () => {
      expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
    });
  }
});
