import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useSharedAnswers } from './shared-answers.js';

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Cell {
      item: String!
      count: Int!
    }
    type Query {
      matrix: [Cell!]!
      other: Int!
    }
  `,
  resolvers: {
    Query: {
      matrix: () => [
        { item: '家庭医生签约', count: 3 },
        { item: 'DRG付费 "quoted" \\ «marked»', count: 0 },
      ],
      other: () => 1,
    },
  },
});

/** Each request's own extension, as the app adds `storeQueries` after execution. */
function useRequestNumber(): Plugin {
  let requests = 0;
  return {
    onExecute() {
      const number = (requests += 1);
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, request: number } });
        },
      };
    },
  };
}

function server(shared: boolean) {
  const plugins: Plugin[] = [useRequestNumber()];
  if (shared) plugins.unshift(useSharedAnswers({ version: () => 1, fields: new Set(['matrix']) }));
  return createYoga({ schema, plugins, logging: false });
}

async function answer(yoga: ReturnType<typeof server>, query: string, accept?: string) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    length: response.headers.get('content-length'),
    body,
  };
}

describe('shared answers', () => {
  it('sends a shared answer byte for byte as graphql-yoga serialises it, with each request its own extensions', async () => {
    const sharing = server(true);
    const plain = server(false);
    const accepts = [
      undefined,
      'application/json',
      'application/graphql-response+json',
      'application/graphql-response+json, application/json',
      'application/json;q=0.9, application/graphql-response+json',
      'text/html, */*',
    ];
    for (const accept of accepts) {
      for (let i = 0; i < 2; i += 1) {
        const expected = await answer(plain, '{ matrix { item count } }', accept);
        const got = await answer(sharing, '{ matrix { item count } }', accept);
        expect(got, `Accept: ${String(accept)}`).toEqual(expected);
        expect(JSON.parse(got.body)).toMatchObject({ data: { matrix: [{ count: 3 }, { count: 0 }] } });
      }
    }
  });
});
