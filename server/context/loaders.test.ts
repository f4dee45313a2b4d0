import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../store/graph-store.js';
import { lookups, type Lookup } from '../../store/queries/lookups.js';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';
import { createLoaders, readByIds } from './loaders.js';

let graph: SampleGraph;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 40 });
});

afterAll(async () => {
  await graph.dispose();
});

/** The store, with the name of each query read through it. */
function recording(store: GraphStore): { store: GraphStore; names: string[] } {
  const names: string[] = [];
  return { store: { ...store, read: (query, params) => (names.push(query.name), store.read(query, params)) }, names };
}

describe('loaders over a store that keeps nothing', () => {
  const followed = ['responsibleOfTask', 'targetsOfTask', 'implementsOfTask', 'derivesFromOfTask'] as const;

  it("read the relationships of a document's tasks per document once the request has listed its tasks, answering as per task", async () => {
    const { store, names } = recording(graph.store);
    const loaders = createLoaders(store);
    const [fujian, sanming] = await loaders.tasksOfPolicy.loadMany(['p-fj', 'p-sm']);
    if (!Array.isArray(fujian) || !Array.isArray(sanming)) throw new Error('tasks of p-fj and p-sm not read');
    const ids = [...sanming, ...fujian].map((task) => task.id);
    expect(ids.length).toBeGreaterThan(40);
    names.length = 0;
    for (const name of followed) {
      const lookup = lookups[name] as Lookup<object, object[]>;
      const perTask = lookup.answer(await readByIds(graph.store, lookup.query, ids), ids);
      expect(perTask.flat().length, name).toBeGreaterThan(0);
      expect(await loaders[name].loadMany(ids), name).toEqual(perTask);
    }
    expect(names).toEqual(followed.map((name) => lookups[name].kept?.ofPolicies?.name));
  });

  it('read a task listed alone as before, and a document once for tasks asked in two batches', async () => {
    const { store, names } = recording(graph.store);
    const loaders = createLoaders(store);
    const alone = await loaders.task.load('sm-1-1');
    expect(await loaders.targetsOfTask.load('sm-1-1')).toEqual(
      lookups.targetsOfTask.answer(await readByIds(graph.store, lookups.targetsOfTask.query, ['sm-1-1']), ['sm-1-1'])[0],
    );
    expect(alone?.id).toBe('sm-1-1');
    expect(names).toEqual(['tasksByIds', 'targetsByTasks']);

    names.length = 0;
    const tasks = await loaders.tasksOfPolicy.load('p-sm');
    await loaders.implementsOfTask.loadMany(tasks.slice(0, 3).map((task) => task.id));
    await loaders.implementsOfTask.loadMany(tasks.slice(3).map((task) => task.id));
    expect(names).toEqual(['tasksByPolicies', 'implementsByPolicies']);
  });
});
