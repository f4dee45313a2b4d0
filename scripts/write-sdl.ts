/**
 * @module Writes the API's SDL, printed from the executable schema, to the file GraphQL Code
 * Generator reads (codegen.ts); `npm run codegen` runs it first. The file doubles as the SDL
 * snapshot of server/schema/schema.test.ts, which fails while it is stale.
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { SDL_FILE } from '../codegen.js';
import { createApiSchema } from '../server/schema/schema.js';

writeFileSync(SDL_FILE, printSchema(createApiSchema()));
console.log(`wrote ${SDL_FILE}`);
