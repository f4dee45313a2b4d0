/**
 * Readers do not wait for each other: a read that takes seconds holds one of the store's read
 * connections, not the others; and an answer every reader asks for (the coverage matrix of every
 * jurisdiction) is computed once per version of the graph, and again after a write.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { openSampleGraph, type SampleGraph } from '../../server/testing/sample-graph.js';
import { readQueries, readQuery } from '../../store/queries/index.js';
import { useAppWithWrites, WRITE_TOKEN } from '../support/app-with-writes.js';

describe('reads on the embedded store', () => {
  let graph: SampleGraph;
  beforeAll(async () => {
    graph = await openSampleGraph();
  });
  afterAll(async () => {
    await graph.dispose();
  });

  /** A second or more of work for Kuzu, whatever the graph (it builds the list before summing it). */
  const slowRead = readQuery<{ total: bigint | number }>('slowSum', 'UNWIND range(1, 300000) AS i RETURN sum(i) AS total');

  it('answer a lookup while a slow read is still running', async () => {
    const finished: string[] = [];
    const slow = graph.store.read(slowRead).then((rows) => {
      finished.push('slow');
      return rows;
    });
    const fast = await graph.store.read(readQueries.jurisdictionsByIds, { ids: ['350400'] });
    finished.push('fast');
    expect(fast.map((row) => row.id)).toEqual(['350400']);
    expect(Number((await slow)[0]?.total)).toBe(45000150000);
    expect(finished).toEqual(['fast', 'slow']);
  });
});

describe('an answer every reader asks for', () => {
  const COVERAGE = `{ coverage { columns { jurisdiction { id } } counts } }`;
  const setup = useAppWithWrites();

  async function upload(file: string): Promise<void> {
    const response = await setup.app.fetch('http://localhost/api/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${WRITE_TOKEN}`, 'x-file-name': file },
      body: readFileSync(`seeds/${file}`),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }

  async function coverage() {
    const answer = await postGraphQL<{ coverage: { columns: { jurisdiction: { id: string } }[]; counts: number[][] } }>(
      setup.app,
      COVERAGE,
    );
    expect(answer.errors ?? []).toEqual([]);
    return {
      columns: answer.data!.coverage.columns.map((column) => column.jurisdiction.id),
      counts: answer.data!.coverage.counts,
      queries: answer.extensions?.storeQueries,
    };
  }

  it('is computed once per version of the graph, and again after a write', async () => {
    await upload('002_c6b286a5770366cf.txt');
    const first = await coverage();
    expect(first.columns).toHaveLength(1);
    expect(first.queries).toBeGreaterThan(0);

    const again = await coverage();
    expect(again.queries).toBe(0);
    expect(again.columns).toEqual(first.columns);
    expect(again.counts).toEqual(first.counts);

    await upload('003_94d87789946e72f3.txt');
    const after = await coverage();
    expect(after.queries).toBeGreaterThan(0);
    expect(after.columns).toHaveLength(2);
    expect(after.columns).toEqual(expect.arrayContaining(first.columns));
  });
});
