import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.js';
import { silentLogger } from '../logger.js';
import { buildSearchIndex } from '../search/store-search-index.js';
import { postGraphQL } from '../testing/graphql-request.js';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';

let graph: SampleGraph;
let app: App;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 60 });
  app = createApp({ store: graph.store, logger: silentLogger, searchIndex: await buildSearchIndex(graph.store) });
});

afterAll(async () => {
  await graph.dispose();
});

const TASK_FIELDS = `
  id key title order
  policy { id title jurisdiction { id } }
  jurisdiction { id name }
  parent { id key }
  children { id }
  agencies { name type role agency { id name aliases } }
  targets { text metric value }
  implements { nationalItem { id titleZh } score evidence { localText } }
  derivesFrom { to { id } score }
`;

/**
 * Store reads of one request, as the answer's extensions report them (not the backend's count of
 * statements: Kuzu splits a keyed read of many ids, and the server answers some reads from memory).
 */
async function costOf(query: string, variables: Record<string, unknown>): Promise<{ rows: number; queries: number }> {
  const answer = await postGraphQL<Record<string, unknown[]>>(app, query, variables);
  expect(answer.errors ?? []).toEqual([]);
  const rows = Object.values(answer.data ?? {})[0]?.length ?? 0;
  return { rows, queries: answer.extensions?.storeQueries ?? -1 };
}

describe('batching', () => {
  it('costs the same number of store queries for a page of 2 tasks as for a page of 60', async () => {
    const page = `query($limit: Int) { tasks(jurisdictionId: "350400", limit: $limit) { ${TASK_FIELDS} } }`;
    const small = await costOf(page, { limit: 2 });
    const large = await costOf(page, { limit: 60 });
    expect(small.rows).toBe(2);
    expect(large.rows).toBe(60);
    expect(large.queries).toBe(small.queries);
    // One query for the page, one per relationship followed: a fixed handful, not one per task.
    expect(large.queries).toBeLessThanOrEqual(14);
  });

  it('costs the same for 3 search results as for 50', async () => {
    const search = `query($limit: Int) { search(text: "DRG付费", limit: $limit) { snippet ${TASK_FIELDS} } }`;
    const small = await costOf(search, { limit: 3 });
    const large = await costOf(search, { limit: 50 });
    expect(large.rows).toBe(50);
    expect(large.queries).toBe(small.queries);
  });

  it('costs the same to compare however many tasks each side has', async () => {
    const compare = `{ compare(a: "350400", b: "510100") { shared { nationalItem { id } tasksA { ${TASK_FIELDS} } tasksB { id } targetDifferences { metric } leadAgencyTypesA } } }`;
    const { queries } = await costOf(compare, {});
    expect(queries).toBeLessThanOrEqual(16);
  });
});
