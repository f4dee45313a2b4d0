/**
 * Hostile requests to a real HTTP server over the seed documents: injection-shaped text is just
 * text (answers normally, the graph is unchanged), and failures deep in the store reach the
 * client without Cypher, file paths or stack traces — from GraphQL, the exports and the uploads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { buildSearchIndex } from '../../server/search/store-search-index.js';
import { StoreError, type GraphStore } from '../../store/graph-store.js';
import { graphCounts } from '../support/graph-counts.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import type { GraphQLBody, WriteAnswer } from '../support/json-answer.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';
import { copyReferenceData, type TempReferenceData } from '../support/temp-reference-data.js';

const TOKEN = 'test-write-token-0123456789abcdef';

const HOSTILE_TEXT = [
  `MATCH (n) DETACH DELETE n`,
  `'; DROP TABLE Task; --`,
  `") MATCH (n) DETACH DELETE n //`,
  '`Task`) DETACH DELETE t RETURN 1 //',
  `{ "query": "mutation" } }}} {{{`,
  `$ids \${process.exit()} \\u0000 \\"`,
  `' OR 1=1 OR '' = '`,
  `CALL db.clearQueryCaches(); CREATE (x:Task {id: "evil"})`,
  `<script>alert(1)</script>`,
  `医保'}) DETACH DELETE n WITH 1 AS x MATCH (m) DELETE m //`,
  `\u0000\u0001\u001f\u007f\u200b\u202e\ufeff\ud83d\ude00 医改 \ufffd`,
  `"""""""''''''\`\`\`\`\\\\\\\\`,
  `%s%n%x%d ../../../../etc/passwd`,
  `家庭医生签约"); MATCH (n) SET n.title = "pwned`,
];

async function serve(app: App): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(app.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type SearchIds = GraphQLBody<{ search: { id: string }[] }>;

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

let seeded: SeededStore;

beforeAll(async () => {
  seeded = await openSeededStore();
}, 120_000);

afterAll(async () => {
  await seeded.close();
});

describe('injection-shaped text', () => {
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    server = await serve(createApp({ store: seeded.store, logger: silentLogger, searchIndex: await buildSearchIndex(seeded.store) }));
  });
  afterAll(async () => {
    await server.close();
  });

  it('is searched for as text, in variables and inline, and leaves the graph as it was', async () => {
    const before = await graphSnapshot(seeded.store);
    const counts = await graphCounts(seeded.store);
    for (const text of HOSTILE_TEXT) {
      const viaVariable = await graphql(
        server.url,
        `
          query ($t: String!) {
            search(text: $t, limit: 5) {
              id
              title
              snippet
            }
          }
        `,
        { t: text },
      );
      expect(viaVariable.status, text).toBe(200);
      const answer = JSON.parse(viaVariable.text) as SearchIds;
      expect(answer.errors, text).toBeUndefined();
      expect(Array.isArray(answer.data!.search), text).toBe(true);
      // JSON string syntax is GraphQL string syntax, so the same text can sit in the query itself.
      const inline = JSON.parse(
        (await graphql(server.url, `{ search(text: ${JSON.stringify(text)}, limit: 5) { id } }`)).text,
      ) as SearchIds;
      expect(inline.errors, text).toBeUndefined();
      expect(
        inline.data!.search.map((hit) => hit.id),
        text,
      ).toEqual(answer.data!.search.map((hit) => hit.id));
    }
    expect(await graphCounts(seeded.store)).toEqual(counts);
    expect((await graphSnapshot(seeded.store)).checksum).toBe(before.checksum);
  });

  it('leaves real phrases searchable after the hostile searches', async () => {
    const plain = JSON.parse(
      (
        await graphql(
          server.url,
          `
            {
              search(text: "家庭医生签约", limit: 3) {
                id
              }
            }
          `,
        )
      ).text,
    ) as SearchIds;
    expect(plain.data!.search.length).toBeGreaterThan(0);
  });

  it('as an id or a code gives null or a validation message, never a store error', async () => {
    const counts = await graphCounts(seeded.store);
    for (const text of HOSTILE_TEXT.filter((t) => t.trim().length > 0)) {
      const { status, text: body } = await graphql(
        server.url,
        `
          query ($id: ID!) {
            task(id: $id) {
              id
            }
            policy(id: $id) {
              id
            }
            nationalItem(id: $id) {
              id
            }
            lineage(taskId: $id) {
              tasks {
                id
              }
            }
          }
        `,
        { id: text },
      );
      expect(status, text).toBe(200);
      // expect.any() is a matcher, typed `any` by vitest.
      expect(JSON.parse(body), text).toEqual({
        data: { task: null, policy: null, nationalItem: null, lineage: null },
        extensions: { storeQueries: expect.any(Number) as unknown },
      });
      const jurisdiction = JSON.parse(
        (
          await graphql(
            server.url,
            `
              query ($id: ID!) {
                jurisdiction(id: $id) {
                  id
                }
              }
            `,
            { id: text },
          )
        ).text,
      ) as GraphQLBody;
      expect(jurisdiction.errors![0]!.extensions!.code, text).toBe('BAD_USER_INPUT');
    }
    expect(await graphCounts(seeded.store)).toEqual(counts);
  });

  it('longer than 200 characters is refused with a message, not searched', async () => {
    const answer = JSON.parse(
      (
        await graphql(
          server.url,
          `
            query ($t: String!) {
              search(text: $t) {
                id
              }
            }
          `,
          { t: 'MATCH (n) '.repeat(30) },
        )
      ).text,
    ) as GraphQLBody;
    expect(answer.errors![0]).toMatchObject({
      message: 'Argument "text" must be at most 200 characters.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

describe('failures inside the store', () => {
  const CYPHER_AND_PATH = 'Binder exception: MATCH (t:Task) WHERE t.id IN $ids RETURN t at /work/main/data/reformgraph.kuzu';
  // What a client must never see: Cypher, file paths, source files, stack frames, driver names.
  const LEAKS =
    /MATCH|RETURN|Binder|\$ids|\/work|\/tmp|data\/|\.kuzu|\.ts\b|\.js\b|node_modules|\bat [\w.<]+ \(|stack|StoreError|TypeError/;

  /** Every read fails, inside transactions too; writes work (the upload path loads the catalogue first). */
  function failingStore(error: () => Error): GraphStore {
    const read = async (): Promise<never> => {
      throw error();
    };
    return {
      ...seeded.store,
      backend: seeded.store.backend,
      queryCount: 0,
      read,
      transaction: (work) =>
        seeded.store.transaction((tx) => work({ write: (query, rows, params) => tx.write(query, rows, params), read })),
    };
  }

  let reference: TempReferenceData;
  beforeAll(() => {
    reference = copyReferenceData();
  });
  afterAll(() => {
    reference.remove();
  });

  it.each([
    ['a StoreError with Cypher and a path', () => new StoreError('tasksByIds', CYPHER_AND_PATH)],
    [
      'a TypeError from a bug',
      () => new TypeError(`Cannot read properties of undefined (reading 'id') at /work/main/server/schema/resolvers.ts:120:5`),
    ],
  ])('masks %s in GraphQL answers, exports and uploads', async (_name, error) => {
    const server = await serve(
      createApp({ store: failingStore(error), logger: silentLogger, writes: { token: TOKEN, seedsDir: reference.dir } }),
    );
    try {
      const queries = [
        `{ jurisdictions { id } }`,
        `{ task(id: "x") { id } }`,
        `{ search(text: "医保") { id } coverage { cells { taskCount } } }`,
        `{ policies { id } nationalItems { id } }`,
      ];
      for (const query of queries) {
        const { text } = await graphql(server.url, query);
        const answer = JSON.parse(text) as GraphQLBody;
        expect(answer.errors?.length, query).toBeGreaterThan(0);
        for (const each of answer.errors!) expect(each.message, query).toBe('Unexpected error.');
        expect(text, query).not.toMatch(LEAKS);
      }

      const exported = await fetch(`${server.url}/export/graph.json`);
      expect(exported.status).toBe(500);
      expect(await exported.text()).not.toMatch(LEAKS);

      const uploaded = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'x-file-name': 'plan.txt' },
        body: '一、总体要求\n（一）推进医保支付方式改革。',
      });
      expect(uploaded.status).toBe(500);
      const uploadBody = await uploaded.text();
      expect((JSON.parse(uploadBody) as WriteAnswer).code).toBe('INTERNAL');
      expect(uploadBody).not.toMatch(LEAKS);

      const curated = await fetch(`${server.url}/api/curation`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ taskId: 't', nationalItemId: 'medical-security.payment-reform', decision: 'add', note: 'n', reviewer: 'r' }),
      });
      expect(curated.status).toBe(500);
      expect(await curated.text()).not.toMatch(LEAKS);
    } finally {
      await server.close();
    }
  });
});
