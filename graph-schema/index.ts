/** @module What the graph is: labels, relationships, properties and everything derived from them. */
export * from './model.js';
export * from './properties.js';
export * from './payloads.js';
export * from './text-parts.js';
export { kuzuDdl } from './kuzu-ddl.js';
export { neo4jDdl } from './neo4j-ddl.js';
export { graphqlEnumTypeDef, graphqlFields, graphqlPayloadTypeDef, graphqlTypeDefs, type EnumTypeOptions } from './graphql-types.js';
