/**
 * @module GraphQL Code Generator: the explorer's result types and typed documents, generated
 * from its documents (client/src/api/*-queries.ts, queries.ts) and the API's SDL as printed
 * from the executable schema (server/schema/__snapshots__/schema.graphql, kept current by
 * `npm run codegen` and checked by server/schema/schema.test.ts). Run `npm run codegen` after
 * changing either; client/src/api/codegen.test.ts fails while the committed output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { inlineFragments } from './scripts/inline-fragments.js';

export const SDL_FILE = 'server/schema/__snapshots__/schema.graphql';
export const GENERATED_DIR = 'client/src/api/generated/';

const config: CodegenConfig = {
  schema: SDL_FILE,
  documents: ['client/src/api/queries.ts', 'client/src/api/analyses-queries.ts'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // The documents sent keep their fields written out (see scripts/inline-fragments.ts).
      documentTransforms: [
        {
          transform: ({ documents }) => {
            const inlined = inlineFragments(documents.flatMap((source) => (source.document ? [source.document] : [])));
            let next = 0;
            return documents.map((source) => (source.document ? { ...source, document: inlined[next++] } : source));
          },
        },
      ],
      config: {
        // Documents stay strings (what fetch sends); no graphql-js parse in the bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        importExtension: '.js',
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
