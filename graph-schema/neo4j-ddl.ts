/** @module Neo4j 5 constraints and indexes derived from the graph model. */
import { nodes } from './model.js';

export function neo4jDdl(): string[] {
  const statements: string[] = [];
  for (const [label, spec] of Object.entries(nodes)) {
    const lower = label.toLowerCase();
    statements.push(`CREATE CONSTRAINT ${lower}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    for (const property of spec.indexed) {
      statements.push(`CREATE INDEX ${lower}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`);
    }
  }
  return statements;
}
