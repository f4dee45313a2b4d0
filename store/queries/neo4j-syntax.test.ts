import { describe, expect, it } from 'vitest';
import { allQueries } from './all-queries.js';
import { neo4jProblems } from './neo4j-syntax.js';
import { neo4jDdl } from '../../graph-schema/neo4j-ddl.js';

describe('the query module under Neo4j 5', () => {
  it.each(allQueries().map((query) => [query.name, query.cypher] as const))('accepts %s', (_name, cypher) => {
    expect(neo4jProblems(cypher)).toEqual([]);
  });

  it('accepts the constraints and indexes derived from graph-schema', () => {
    expect(neo4jDdl().flatMap(neo4jProblems)).toEqual([]);
  });

  it('reports Kuzu-only functions', () => {
    expect(neo4jProblems('MATCH (t:Task) RETURN to_double(t.text) AS x').join(' ')).toMatch(/to_double/);
  });

  it('reports labels and properties that graph-schema does not declare', () => {
    expect(neo4jProblems('MATCH (t:Tsak) RETURN t.titel AS x')).toHaveLength(2);
  });

  it('reports Kuzu DDL', () => {
    expect(neo4jProblems('CREATE NODE TABLE Task(id STRING, PRIMARY KEY(id))')).not.toEqual([]);
  });
});
