import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { COMPARE, COVERAGE, COVERAGE_COUNTS, LINEAGE } from '../../client/src/api/queries.js';
import { createApiSchema } from '../schema/schema.js';
import { jurisdictionsOfAnswer } from './answer-scope.js';
import { sharedQuery } from './shared-answers.js';

const schema = createApiSchema();

function scopeOf(query: string, variables: Record<string, unknown> = {}): string[] | null {
  const shared = sharedQuery(schema, parse(query), undefined, variables, () => true);
  if (!shared) throw new Error('not a shared query');
  return jurisdictionsOfAnswer(shared.query);
}

describe('the jurisdictions a shared answer rests on', () => {
  it("is the two sides of the explorer's comparison, and the jurisdictions a coverage names", () => {
    expect(scopeOf(COMPARE, { a: '350400', b: '341324' })).toEqual(['350400', '341324']);
    expect(scopeOf(COVERAGE, { jurisdictionIds: ['350400', '141000'] })).toEqual(['350400', '141000']);
    expect(scopeOf(`{ tasks(jurisdictionId: "341324") { id title policy { title } agencies { agency { name } } } }`)).toEqual(['341324']);
  });

  it('is the whole graph for a root field of every jurisdiction or of a task', () => {
    expect(scopeOf(COVERAGE, {})).toBeNull();
    expect(scopeOf(COVERAGE_COUNTS)).toBeNull();
    expect(scopeOf(`{ tasks { id } }`)).toBeNull();
    expect(scopeOf(LINEAGE, { taskId: 'doc:x#一' })).toBeNull();
    expect(scopeOf(`{ compare(a: "350400", b: "341324") { a { id } } search(text: "医保") { id } }`)).toBeNull();
  });

  it('is the whole graph once the selection reaches another jurisdiction, through a field or a fragment', () => {
    const leaving = [
      `{ tasks(jurisdictionId: "341324") { derivesFrom { to { title } } } }`,
      `{ tasks(jurisdictionId: "341324") { derivedBy { from { title } } } }`,
      `{ tasks(jurisdictionId: "341324") { policy { cites { title } } } }`,
      `{ tasks(jurisdictionId: "341324") { jurisdiction { parent { name } } } }`,
      `{ tasks(jurisdictionId: "341324") { agencies { agency { aliases } } } }`,
      `{ tasks(jurisdictionId: "341324") { implements { nationalItem { implementations { id } } } } }`,
      `{ tasks(jurisdictionId: "341324") { bestAlignment { score } } }`,
      `{ tasks(jurisdictionId: "341324") { ...up } } fragment up on Task { derivesFrom { score } }`,
      `{ tasks(jurisdictionId: "341324") { ... on Task { policy { citedBy { id } } } } }`,
    ];
    for (const query of leaving) expect(scopeOf(query), query).toBeNull();
    expect(
      scopeOf(`{ tasks(jurisdictionId: "341324") { ...own } } fragment own on Task { __typename title implements { score } }`),
    ).toEqual(['341324']);
  });
});
