import { makeExecutableSchema } from '@graphql-tools/schema';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCompiledQueries } from './compiled-queries.js';
import { useExecutionTimeout } from './limits.js';

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      items: [Item!]!
      later: Later!
      slow: Int!
    }
    type Item {
      id: ID!
      tags: [String!]!
    }
    type Later {
      values: [Int!]!
    }
    type Mutation {
      touch: Boolean!
    }
  `,
  resolvers: {
    Query: {
      items: () => [
        { id: 'a', tags: ['x', 'y'] },
        { id: 'b', tags: [] },
      ],
      // An object whose list is a promise: graphql-js awaits it.
      later: () => ({ values: Promise.resolve([1, 2]) }),
      slow: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return 1;
      },
    },
    Mutation: { touch: () => true },
  },
});

function server(compiled: boolean, timeoutMs = 10_000) {
  return createYoga({ schema, logging: false, plugins: [...(compiled ? [useCompiledQueries()] : []), useExecutionTimeout(timeoutMs)] });
}

async function ask(on: ReturnType<typeof server>, query: string) {
  const response = await on.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('compiled queries', () => {
  it('answer as graphql-js does', async () => {
    const query = '{ items { id tags } }';
    expect(await ask(server(true), query)).toEqual(await ask(server(false), query));
    expect(await ask(server(true), query)).toEqual({
      data: {
        items: [
          { id: 'a', tags: ['x', 'y'] },
          { id: 'b', tags: [] },
        ],
      },
    });
  });

  it('are compiled: a list field whose value is a promise, which graphql-js awaits, is an error (resolvers await their lists)', async () => {
    expect(await ask(server(false), '{ later { values } }')).toEqual({ data: { later: { values: [1, 2] } } });
    expect((await ask(server(true), '{ later { values } }')).errors?.[0]?.message).toMatch(/Iterable/u);
  });

  it('stop at the timeout, as graphql-js does', async () => {
    const answer = await ask(server(true, 50), '{ slow }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
  });

  it('leave other operations to graphql-js', async () => {
    expect(await ask(server(true), 'mutation { touch }')).toEqual({ data: { touch: true } });
  });
});
