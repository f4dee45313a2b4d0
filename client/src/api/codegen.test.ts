import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

describe('the generated client types', () => {
  it('are what `npm run codegen` makes of the documents and the SDL now (run it after changing either)', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.map((output) => output.filename).sort()).toEqual([
      'client/src/api/generated/gql.ts',
      'client/src/api/generated/graphql.ts',
      'client/src/api/generated/index.ts',
    ]);
    for (const { filename, content } of outputs) {
      expect(readFileSync(filename, 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
    }
  });
});
