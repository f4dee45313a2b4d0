/**
 * @module Offline check that a Cypher statement is valid for Neo4j 5: the Neo4j language
 * service parses it and resolves every label, relationship type, property key and function
 * against graph-schema and the Neo4j 5 function list, so a Kuzu-only construct is reported.
 */
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { nodes, relationships } from '../../graph-schema/model.js';

/** LSP severity 1; warnings (2) are hints such as a cartesian product. */
const DiagnosticSeverity = { Error: 1 } as const;

function schemaFromModel(): DbSchema {
  const propertyKeys = new Set<string>(['from', 'to']);
  for (const spec of [...Object.values(nodes), ...Object.values(relationships)]) {
    for (const name of Object.keys(spec.properties)) propertyKeys.add(name);
  }
  return {
    // The Neo4j 5 function and procedure signatures shipped with the language service.
    functions: testData.mockSchema.functions ?? {},
    procedures: testData.mockSchema.procedures ?? {},
    labels: Object.keys(nodes),
    relationshipTypes: Object.keys(relationships),
    propertyKeys: [...propertyKeys],
  };
}

let schema: DbSchema | null = null;

/** Errors Neo4j 5 would raise for the statement (undeclared parameters are fine; performance hints are not errors). */
export function neo4jProblems(cypher: string): string[] {
  schema ??= schemaFromModel();
  const { diagnostics } = lintCypherQuery(`CYPHER 5 ${cypher}`, schema);
  return diagnostics
    .map((diagnostic) => ({
      severity: diagnostic.severity,
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    }))
    .filter(
      ({ severity, message }) =>
        !/^Parameter \$\w+ is not defined/.test(message) &&
        // Unknown labels, properties and functions are only warnings to the language service; to us they are errors.
        (severity === DiagnosticSeverity.Error || message.includes('is not present in the database')),
    )
    .map(({ message }) => message);
}
