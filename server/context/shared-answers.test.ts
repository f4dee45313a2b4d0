import { gunzipSync } from 'node:zlib';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useSharedAnswers } from './shared-answers.js';

/** The graph the resolvers answer from: a write changes it and its version. */
let graphVersion = 0;
/** What `found` alone reads besides the graph (as a search reads the index). */
let indexVersion = 0;
let matrixCalls = 0;
let itemCalls = 0;
let foundCalls = 0;
let longCalls = 0;

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Cell {
      item: String!
      count: Int!
    }
    type Query {
      matrix: [Cell!]!
      other: Int!
      item(name: String!): Cell!
      found: Int!
      long(name: String!): String!
    }
  `,
  resolvers: {
    Query: {
      matrix: () => (
        (matrixCalls += 1),
        [
          { item: '家庭医生签约', count: 3 },
          { item: 'DRG付费 "quoted" \\ «marked»', count: graphVersion },
        ]
      ),
      other: () => 1,
      item: async (_: unknown, { name }: { name: string }) => {
        itemCalls += 1;
        // Long enough for requests asked at the same time to arrive while it is being computed.
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { item: name, count: graphVersion };
      },
      found: () => ((foundCalls += 1), indexVersion),
      long: (_: unknown, { name }: { name: string }) => ((longCalls += 1), `${name.repeat(6000)}${graphVersion}`),
    },
  },
});

/** Each request's own extension, as the app adds `storeQueries` to each result. */
function useRequestNumber(): Plugin {
  let requests = 0;
  return {
    onExecutionResult(payload) {
      const { result } = payload;
      if (!result || Array.isArray(result) || Symbol.asyncIterator in result) return;
      payload.setResult({ ...result, extensions: { ...result.extensions, request: (requests += 1) } });
    },
  };
}

/** How many requests were parsed, validated and executed. */
function usePhaseCounts(counts: { parsed: number; validated: number; executed: number }): Plugin {
  return {
    onParse: () => void (counts.parsed += 1),
    onValidate: () => void (counts.validated += 1),
    onExecute: () => void (counts.executed += 1),
  };
}

function server(
  shared: boolean,
  {
    maxBytes,
    phases,
    whileReading,
  }: {
    maxBytes?: number;
    phases?: Parameters<typeof usePhaseCounts>[0];
    whileReading?: <T>(lookup: () => Promise<T>) => Promise<T>;
  } = {},
) {
  const plugins: Plugin[] = [useRequestNumber()];
  if (phases) plugins.push(usePhaseCounts(phases));
  if (shared)
    plugins.unshift(
      useSharedAnswers({
        stampOf: ({ roots }) => ({ graph: graphVersion, index: roots.some(({ name }) => name === 'found') ? indexVersion : null }),
        holds: ({ graph, index }) => graph === graphVersion && (index === null || index === indexVersion),
        shares: (field) => field !== 'other',
        ...(maxBytes === undefined ? {} : { maxBytes }),
        ...(whileReading === undefined ? {} : { whileReading }),
      }),
    );
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

interface MatrixAnswer {
  data: { matrix: { count: number }[] };
  extensions: { request: number };
}
const parsed = (body: string) => JSON.parse(body) as MatrixAnswer;

describe('shared answers across versions and memory', () => {
  it('computes an answer again once the version changed, and not before', async () => {
    const sharing = server(true);
    const before = matrixCalls;
    const first = parsed((await answer(sharing, '{ matrix { count } }')).body);
    expect(parsed((await answer(sharing, '{ matrix { count } }')).body).data).toEqual(first.data);
    expect(matrixCalls - before).toBe(1);

    graphVersion += 1;
    const after = parsed((await answer(sharing, '{ matrix { count } }')).body);
    expect(matrixCalls - before).toBe(2);
    expect(after.data.matrix[1]?.count).toBe(graphVersion);
    expect(after.data).not.toEqual(first.data);
  });

  it('keeps an answer while its own stamp holds: a change to what another answer reads leaves it', async () => {
    const sharing = server(true);
    const [matrixBefore, foundBefore] = [matrixCalls, foundCalls];
    await answer(sharing, '{ matrix { count } }');
    await answer(sharing, '{ found }');
    indexVersion += 1;
    expect(parsed((await answer(sharing, '{ matrix { count } }')).body).data.matrix[1]?.count).toBe(graphVersion);
    expect(JSON.parse((await answer(sharing, '{ found }')).body)).toMatchObject({ data: { found: indexVersion } });
    expect([matrixCalls - matrixBefore, foundCalls - foundBefore]).toEqual([1, 2]);
  });

  it('computes an answer once for requests asking for it at the same time', async () => {
    const sharing = server(true);
    const before = itemCalls;
    const bodies = await Promise.all(Array.from({ length: 8 }, () => answer(sharing, '{ item(name: "同时") { item count } }')));
    expect(new Set(bodies.map(({ body }) => JSON.stringify((JSON.parse(body) as { data: unknown }).data))).size).toBe(1);
    expect(itemCalls - before).toBe(1);
  });

  it('keeps an answer per request: other variables are another answer', async () => {
    const sharing = server(true);
    const query = 'query ($name: String!) { item(name: $name) { item count } }';
    const ask = async (name: string) => {
      const response = await sharing.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { name } }),
      });
      return ((await response.json()) as { data: { item: { item: string } } }).data.item.item;
    };
    const before = itemCalls;
    expect([await ask('医保'), await ask('医改'), await ask('医保')]).toEqual(['医保', '医改', '医保']);
    expect(itemCalls - before).toBe(2);
  });

  it('drops the answers sent least recently once they hold more than maxBytes', async () => {
    // Each answer of item(name) is about 39 bytes ({"data":{"item":{"item":"a","count":0}}): three fit in 130, not four.
    const sharing = server(true, { maxBytes: 130 });
    const ask = (name: string) => answer(sharing, `{ item(name: "${name}") { item count } }`);
    const before = itemCalls;
    for (const name of ['a', 'b', 'c', 'a', 'd']) await ask(name);
    expect(itemCalls - before).toBe(4);
    // 'b' was sent least recently ('a' again after it): it went when 'd' came.
    for (const name of ['a', 'c', 'd']) await ask(name);
    expect(itemCalls - before).toBe(4);
    await ask('b');
    expect(itemCalls - before).toBe(5);
  });

  it('leaves the bytes of a response not yet read as they were when a later one carries other extensions', async () => {
    const sharing = server(true);
    const ask = () =>
      sharing.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ matrix { item count } }' }),
      });
    const first = await ask();
    const second = parsed(await (await ask()).text());
    const firstBody = parsed(await first.text());
    expect(firstBody.extensions.request).toBe(second.extensions.request - 1);
    expect(firstBody.data).toEqual(second.data);
  });

  it('does not share what it is not asked to share', async () => {
    const sharing = server(true);
    const first = await answer(sharing, '{ other }');
    const second = await answer(sharing, '{ other }');
    expect(parsed(first.body).extensions.request).not.toBe(parsed(second.body).extensions.request);
  });
});

describe('a request asked before', () => {
  it('is answered without being parsed, validated or executed again, until the version changes', async () => {
    const phases = { parsed: 0, validated: 0, executed: 0 };
    const sharing = server(true, { phases });
    const first = parsed((await answer(sharing, '{ matrix { item count } }')).body);
    expect(phases).toEqual({ parsed: 1, validated: 1, executed: 1 });
    const again = parsed((await answer(sharing, '{ matrix { item count } }')).body);
    expect(again.data).toEqual(first.data);
    expect(again.extensions.request).toBe(first.extensions.request + 1);
    expect(phases).toEqual({ parsed: 1, validated: 1, executed: 1 });

    graphVersion += 1;
    const after = parsed((await answer(sharing, '{ matrix { item count } }')).body);
    expect(after.data.matrix[1]?.count).toBe(graphVersion);
    expect(phases.executed).toBe(2);
  });

  it('is looked up while reading is allowed: a commit holding the lock is waited for, and its new version answered', async () => {
    let commit: (() => void) | null = null;
    let committing: Promise<void> = Promise.resolve();
    const sharing = server(true, { whileReading: async (lookup) => (await committing, lookup()) });
    const before = matrixCalls;
    await answer(sharing, '{ matrix { count } }');
    committing = new Promise((resolve) => (commit = resolve));
    const asked = answer(sharing, '{ matrix { count } }');
    // The commit ends with a new version, before the waiting request looks its answer up.
    await new Promise((resolve) => setTimeout(resolve, 10));
    graphVersion += 1;
    commit!();
    const got = parsed((await asked).body);
    expect(got.data.matrix[1]?.count).toBe(graphVersion);
    expect(matrixCalls - before).toBe(2);
  });
});

describe('long answers', () => {
  const ask = (yoga: ReturnType<typeof server>, name: string, acceptEncoding?: string) =>
    yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      body: JSON.stringify({ query: `{ long(name: "${name}") }` }),
    });
  const gunzipped = async (response: Response) => gunzipSync(Buffer.from(await response.arrayBuffer())).toString();
  /** The first response gzipped: an answer is compressed in the background once computed. */
  async function compressedAnswer(yoga: ReturnType<typeof server>, name: string): Promise<Response> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const response = await ask(yoga, name, 'gzip, deflate');
      if (response.headers.get('content-encoding') === 'gzip') return response;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`the answer for ${name} was never sent compressed`);
  }

  it('are sent gzip-compressed to a client that takes gzip, and as they are to one that does not, each with its own extensions', async () => {
    const sharing = server(true);
    const plain = server(false);
    const expected = await (await ask(plain, '长')).text();
    const before = longCalls;
    const compressed = await compressedAnswer(sharing, '长');
    expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
    const requestNumber = (body: string) => (JSON.parse(body) as { extensions: { request: number } }).extensions.request;
    const withRequest = (body: string, request: number) => body.replace(/"request":\d+/u, `"request":${request}`);
    const gzipped = await gunzipped(compressed);
    expect(gzipped).toBe(withRequest(expected, requestNumber(gzipped)));

    const identity = await ask(sharing, '长');
    expect(identity.headers.get('content-encoding')).toBeNull();
    const text = await identity.text();
    expect(text).toBe(withRequest(expected, requestNumber(gzipped) + 1));
    const again = await gunzipped(await ask(sharing, '长', 'br, gzip;q=0.5'));
    expect(again).toBe(withRequest(expected, requestNumber(gzipped) + 2));
    expect(longCalls - before).toBe(1);
  });

  it('are counted by their compressed bytes: answers too long together to be kept uncompressed are all kept', async () => {
    // Each answer is 6 KB uncompressed and about a hundred bytes compressed: two fit in 8,000 bytes
    // uncompressed, all four compressed.
    const sharing = server(true, { maxBytes: 8000 });
    for (const name of ['a', 'b', 'c', 'd']) await compressedAnswer(sharing, name);
    const before = longCalls;
    for (const name of ['a', 'b', 'c', 'd']) expect(await gunzipped(await ask(sharing, name, 'gzip'))).toContain(name.repeat(6000));
    expect(longCalls - before).toBe(0);
  });
});
