/** @module The one query module: every Cypher statement of the application, shared by Kuzu and Neo4j. */
export * as curationQueries from './curation-queries.js';
export * as ingestQueries from './ingest-queries.js';
export * as readQueries from './read-queries.js';
export * from './define.js';
