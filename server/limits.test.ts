/**
 * The limits app.test.ts does not already pin down: aliases, tokens, request size, page size, the
 * messages for malformed queries, arguments and bodies, and the execution timeout's memory.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from './app.js';
import { defaultLimits } from './limits.js';
import { silentLogger } from './logger.js';
import { postGraphQL } from './testing/graphql-request.js';
import { openSampleGraph, type SampleGraph } from './testing/sample-graph.js';

let graph: SampleGraph;
let app: App;

beforeAll(async () => {
  graph = await openSampleGraph();
  app = createApp({ store: graph.store, logger: silentLogger });
});

afterAll(async () => {
  await graph.dispose();
});

function post(body: string, headers: Record<string, string> = {}, on: App = app) {
  return on.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
}

/** The errors of a GraphQL answer, read from its JSON body. */
async function errorsOf(response: Response): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
  return ((await response.json()) as { errors: { message: string; extensions?: Record<string, unknown> }[] }).errors;
}

describe('size limits', () => {
  it('refuses more aliases than the limit with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: defaultLimits.maxAliases + 1 }, (_, i) => `a${i}: jurisdictions { id }`).join(' ');
    const answer = await postGraphQL(app, `{ ${aliases} }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
    expect(answer.data ?? null).toBeNull();
  });

  it('stops parsing a query with more tokens than the limit, with QUERY_TOO_LARGE', async () => {
    const small = createApp({ store: graph.store, logger: silentLogger, limits: { maxTokens: 50 } });
    const fields = Array.from({ length: 60 }, () => 'id').join(' ');
    const answer = await postGraphQL(small, `{ jurisdictions { ${fields} } }`);
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TOO_LARGE' } });
    expect(answer.errors?.[0]?.message).toContain('50 tokens');
    // The same query under the default limit is fine.
    expect((await postGraphQL(app, `{ jurisdictions { ${fields} } }`)).errors).toBeUndefined();
  });

  it('refuses a request body above the limit with 413, by its Content-Length and when streamed without one', async () => {
    const small = createApp({ store: graph.store, logger: silentLogger, limits: { maxRequestBytes: 1000 } });
    const body = JSON.stringify({ query: `{ jurisdictions { id } }`, variables: { padding: 'x'.repeat(2000) } });
    const declared = await post(body, {}, small);
    expect(declared.status).toBe(413);
    expect(JSON.stringify(await declared.json())).toContain('REQUEST_TOO_LARGE');

    const bytes = new TextEncoder().encode(body);
    const streamed = await small.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.subarray(i, i + 500));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    const fine = await post(JSON.stringify({ query: `{ jurisdiction(id: "350400") { name } }` }), {}, small);
    expect(await fine.json()).toMatchObject({ data: { jurisdiction: { name: '三明市' } } });
  });

  it('caps the page size of tasks and search with a message naming the limit', async () => {
    const tasks = await postGraphQL(app, `{ tasks(limit: ${defaultLimits.maxPageSize + 1}) { id } }`);
    expect(tasks.errors?.[0]).toMatchObject({
      message: `Argument "limit" must be at most ${defaultLimits.maxPageSize}.`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'limit' },
    });
    const search = await postGraphQL(app, `{ search(text: "医保", limit: ${defaultLimits.maxSearchResults + 1}) { id } }`);
    expect(search.errors?.[0]?.message).toBe(`Argument "limit" must be at most ${defaultLimits.maxSearchResults}.`);
    const coverage = await postGraphQL(app, `query($ids: [ID!]) { coverage(jurisdictionIds: $ids) { cells { taskCount } } }`, {
      ids: Array.from({ length: defaultLimits.maxCoverageJurisdictions + 1 }, () => '350400'),
    });
    expect(coverage.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('malformed requests', () => {
  it('answers a syntax error with its position', async () => {
    const answer = await postGraphQL(app, `{ jurisdictions { id `);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
  });

  it('names an unknown field, a wrong argument type and a missing argument', async () => {
    const unknown = await postGraphQL(app, `{ jurisdictions { id password } }`);
    expect(unknown.errors?.[0]?.message).toBe('Cannot query field "password" on type "Jurisdiction".');
    const wrongType = await postGraphQL(app, `{ tasks(limit: "ten") { id } }`);
    expect(wrongType.errors?.[0]?.message).toMatch(/^Int cannot represent non-integer value: "ten"/);
    const missing = await postGraphQL(app, `{ search { id } }`);
    expect(missing.errors?.[0]?.message).toMatch(/argument "text" of type "String!" is required/);
  });

  it('names a variable of the wrong type', async () => {
    const answer = await postGraphQL(app, `query($limit: Int) { tasks(limit: $limit) { id } }`, { limit: 'all' });
    expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$limit" got invalid value "all"/);
  });

  it('refuses a body that is not JSON, a batch, and a request without a query', async () => {
    const notJson = await post('{"query": "{ jurisdictions { id } }"');
    expect(notJson.status).toBe(400);
    expect((await errorsOf(notJson))[0]).toMatchObject({ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } });
    const batch = await post(JSON.stringify([{ query: '{ jurisdictions { id } }' }, { query: '{ policies { id } }' }]));
    expect(batch.status).toBe(400);
    expect((await errorsOf(batch))[0]?.message).toBe('Batching is not supported.');
    const empty = await post(JSON.stringify({ variables: {} }));
    expect((await errorsOf(empty))[0]).toMatchObject({ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses a mutation sent with GET as well as with POST: the schema has none', async () => {
    const get = await app.fetch(`http://localhost/graphql?query=${encodeURIComponent('mutation { x }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect((await postGraphQL(app, 'mutation { x }')).errors?.[0]?.message).toMatch(/mutation/i);
  });
});

describe('execution timeout', () => {
  it('leaves nothing behind once a request is answered (AbortSignal.any kept every request in memory)', async () => {
    // The heap is measured after forced collections, in a process of its own started with --expose-gc.
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--expose-gc',
      '--import',
      'tsx',
      'server/testing/heap-after-requests.ts',
      '2000',
    ]);
    const growthBytes = Number(stdout.trim().split('\n').at(-1));
    expect(Number.isFinite(growthBytes)).toBe(true);
    // About 3.7 KB per request with the leak (7.4 MB), 0.2 MB in all without it.
    expect(growthBytes).toBeLessThan(2 * 1024 * 1024);
  }, 120_000);

  it('stops executing when the client goes away', async () => {
    let reads = 0;
    const slow = {
      ...graph.store,
      backend: 'kuzu' as const,
      read: async <R>(query: Parameters<typeof graph.store.read<R>>[0], params?: Record<string, unknown>) => {
        reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return graph.store.read<R>(query, params);
      },
    };
    const patient = createApp({ store: slow, logger: silentLogger });
    const client = new AbortController();
    const answered = Promise.resolve(
      patient.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ policy(id: "p-sm") { tasks { id agencies { name } targets { text } } } }' }),
        signal: client.signal,
      }),
    ).catch(() => null);
    setTimeout(() => client.abort(), 50);
    await answered;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Unstopped, the query reads the policy, its tasks, then their agencies and targets.
    expect(reads).toBeLessThan(3);
  });
});
