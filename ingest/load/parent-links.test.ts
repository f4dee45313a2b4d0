import { describe, expect, it } from 'vitest';
import type { GraphStore, Params } from '../../store/graph-store.js';
import type { ReadQuery } from '../../store/queries/define.js';
import type { PolicyTaskRow } from '../../store/queries/ingest-queries.js';
import { rowComparator } from '../../store/queries/row-order.js';
import { storedTasks, storedTasksOfRun, type LoadedTask } from './parent-links.js';

const task = (policyId: string, seq: number): PolicyTaskRow => ({
  policyId,
  seq,
  id: `${policyId}#${seq + 1}`,
  path: String(seq + 1),
  title: `task ${seq + 1} of ${policyId}`,
  text: `text ${seq + 1} of ${policyId}`,
});

const asLoaded = ({ id, path, title, text }: PolicyTaskRow): LoadedTask => ({ id, path, title, text });

/**
 * A store holding the given tasks that answers the parent-task reads as a database would: rows of
 * the documents asked for (by `$ids` or citing `$policyId`), sorted by the query's declared order
 * as the Kuzu store sorts them; it records the ids each read asked for.
 */
function storeOf(rows: readonly PolicyTaskRow[], citations: Record<string, string[]> = {}) {
  const reads: string[][] = [];
  const read = <Result>(query: ReadQuery<Result>, params: Params = {}): Promise<Result[]> => {
    const ids = query.name === 'tasksOfPolicies' ? (params.ids as string[]) : (citations[params.policyId as string] ?? []);
    reads.push(ids);
    const compare = rowComparator(query.order ?? []);
    const answer = rows.filter((row) => ids.includes(row.policyId));
    return Promise.resolve((compare ? answer.sort(compare) : answer) as Result[]);
  };
  const store = { backend: 'kuzu', read } as unknown as GraphStore;
  return { store, reads };
}

describe('storedTasks', () => {
  it('gives the tasks document by document in the order of the ids asked for, not in the order the store sorts them', async () => {
    const rows = [task('A', 0), task('B', 0), task('B', 1)];
    const { store } = storeOf(rows);
    const tasks = await storedTasks(store).ofPolicies(['B', 'A']);
    expect(tasks.map((each) => each.id)).toEqual(['B#1', 'B#2', 'A#1']);
  });

  it("gives a document's tasks in document order, whatever order the store holds them in", async () => {
    const rows = [task('A', 2), task('A', 0), task('A', 1)];
    const { store } = storeOf(rows);
    expect((await storedTasks(store).ofPolicies(['A'])).map((each) => each.id)).toEqual(['A#1', 'A#2', 'A#3']);
    const citing = storeOf(rows, { P: ['A'] });
    expect((await storedTasks(citing.store).ofCitingPolicies('P')).map((each) => each.id)).toEqual(['A#1', 'A#2', 'A#3']);
  });
});

describe('storedTasksOfRun', () => {
  it('does not look in the store for a document the run did not load (a stub holds no task)', async () => {
    const { store, reads } = storeOf([]);
    const run = storedTasksOfRun(store);
    expect(await run.ofPolicies(['stub-cited-by-title'])).toEqual([]);
    expect(reads).toEqual([]);
  });

  it('answers with the tasks of a document it wrote without reading them back', async () => {
    const rows = [task('A', 0), task('A', 1)];
    const { store, reads } = storeOf(rows);
    const run = storedTasksOfRun(store);
    run.loaded('A', [], rows.map(asLoaded));
    run.loaded('C', ['A'], [asLoaded(task('C', 0))]);
    expect(await run.ofPolicies(['A'])).toEqual(rows.map(asLoaded));
    expect(await run.ofCitingPolicies('A')).toEqual([asLoaded(task('C', 0))]);
    expect(reads).toEqual([]);
  });

  it('reads a document no longer kept once, then keeps it again', async () => {
    const rows = [task('A', 0), task('B', 0)];
    const { store, reads } = storeOf(rows);
    const run = storedTasksOfRun(store, { keptDocuments: 1 });
    run.loaded('A', [], [asLoaded(task('A', 0))]);
    run.loaded('B', [], [asLoaded(task('B', 0))]);
    expect(await run.ofPolicies(['A'])).toEqual([asLoaded(task('A', 0))]);
    expect(await run.ofPolicies(['A'])).toEqual([asLoaded(task('A', 0))]);
    expect(reads).toEqual([['A']]);
  });

  it('gives every document asked for in one call, even more than it keeps', async () => {
    const rows = [task('A', 0), task('B', 0), task('C', 0)];
    const { store } = storeOf(rows);
    const run = storedTasksOfRun(store, { keptDocuments: 1 });
    for (const id of ['A', 'B', 'C']) run.loaded(id, [], [asLoaded(task(id, 0))]);
    expect((await run.ofPolicies(['A', 'B', 'C'])).map((each) => each.id)).toEqual(['A#1', 'B#1', 'C#1']);
  });

  it("gives a replaced document's new tasks, and no longer counts it as citing what it cited before", async () => {
    const { store } = storeOf([]);
    const run = storedTasksOfRun(store);
    run.loaded('A', ['P'], [asLoaded(task('A', 0))]);
    run.loaded('A', [], [asLoaded(task('A', 5))]);
    expect(await run.ofPolicies(['A'])).toEqual([asLoaded(task('A', 5))]);
    expect(await run.ofCitingPolicies('P')).toEqual([]);
  });
});
