/** @module The executable schema: derived SDL plus resolvers. */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { analysesResolvers } from './analyses-resolvers.js';
import { resolvers } from './resolvers.js';
import { apiTypeDefs } from './type-defs.js';

export function createApiSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: apiTypeDefs(), resolvers: [resolvers, analysesResolvers] });
}
