import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curationQueries, ingestQueries, readQueries } from '../../store/queries/index.js';
import { keptRows, lookups, type Lookup } from '../../store/queries/lookups.js';
import { openSeededStore, type SeededStore } from '../../tests/support/seeded-store.js';
import { recordingStore } from '../testing/recording-store.js';
import { keepGraph } from './kept-graph.js';
import { indexFileOf, openTaskRowsFile, writeTaskRowsFile } from './task-rows-file.js';

let seeded: SeededStore;

beforeAll(async () => {
  seeded = await openSeededStore();
  recorded = recordingStore(seeded.store);
});

afterAll(async () => {
  await seeded.close();
});

/** Every read of the store is recorded (a kept graph reads it in the background, too). */
let recorded: ReturnType<typeof recordingStore>;
/** The reads of task rows that `work` sent to the database: the task lookups' and the documents' (`ofPolicies`). */
const TASK_ROW_READS = new Set(
  [...Object.values(lookups).map((lookup) => lookup.query), ...keptRows.flatMap((rows) => (rows.ofPolicies ? [rows.ofPolicies] : []))].map(
    (query) => query.name,
  ),
);
async function taskRowReads(work: () => Promise<unknown>): Promise<string[]> {
  const before = recorded.names.length;
  await work();
  return recorded.names.slice(before).filter((name) => TASK_ROW_READS.has(name));
}

/** The lookups answered from task rows, each with the keys of every task (or document) of the seeds. */
async function taskLookups() {
  const taskIds = (await seeded.store.read(readQueries.allTasks)).map((task) => task.id);
  const policyIds = (await seeded.store.read(readQueries.allPolicies)).filter((policy) => !policy.stub).map((policy) => policy.id);
  return (Object.entries(lookups) as [string, Lookup<object, unknown>][])
    .filter(([, lookup]) => lookup.kept?.ofPolicies)
    .map(([name, lookup]) => ({ name, lookup, keys: lookup.query === readQueries.tasksByPolicies ? policyIds : taskIds }));
}

describe('task rows on file, over the budget of kept tasks', () => {
  it('answers every task lookup of the documents on file as the database does, without it, until a write changes a document', async () => {
    const over = keepGraph(recorded.store, { maxKeptTasks: 0 });
    await over.warm();
    expect(over.taskRowsOverBudget).toBe(true);
    const path = join(seeded.dir, 'db.kuzu.task-rows');
    await writeTaskRowsFile(path, 'stamp-1', over.taskRowsByDocument());
    expect(await openTaskRowsFile(path, 'stamp-0')).toBeNull();
    const file = await openTaskRowsFile(path, 'stamp-1');
    expect(file).not.toBeNull();
    over.useTaskRowsFile(file!, over.version!);

    const checked = await taskLookups();
    expect(checked.map(({ name }) => name).sort()).toEqual([
      'derivesFromOfTask',
      'implementsOfTask',
      'responsibleOfTask',
      'targetsOfTask',
      'task',
      'tasksOfPolicy',
    ]);
    for (const { name, lookup, keys } of checked) {
      let answer: unknown[] = [];
      expect({
        name,
        reads: await taskRowReads(async () => (answer = lookup.answer(await over.read(lookup.query, { ids: keys }), keys))),
      }).toEqual({
        name,
        reads: [],
      });
      expect(answer).toEqual(lookup.answer(await seeded.store.read(lookup.query, { ids: keys }), keys));
      // Not vacuous: a lookup answers something where the store holds rows of its set (the seeds derive no task from another).
      const stored = (await seeded.store.read(lookup.kept!.every)).length > 0;
      expect({ name, answered: answer.some((each) => each !== null && !(Array.isArray(each) && each.length === 0)) }).toEqual({
        name,
        answered: stored,
      });
      if (name !== 'derivesFromOfTask') expect(stored).toBe(true);
    }

    // Whole documents' rows of each set, as a compare or a page of tasks reads them.
    const policyIds = (await seeded.store.read(readQueries.allPolicies)).map((policy) => policy.id);
    for (const rows of keptRows.filter((each) => each.ofPolicies)) {
      const query = rows.ofPolicies!;
      let answer: unknown[] = [];
      expect({
        query: query.name,
        reads: await taskRowReads(async () => (answer = await over.read(query, { ids: policyIds }))),
      }).toEqual({
        query: query.name,
        reads: [],
      });
      expect(answer).toEqual(await seeded.store.read(query, { ids: policyIds }));
    }

    // A link of one task deleted: the keys of its document go to the database, the others' stay on file.
    const [link] = await seeded.store.read(readQueries.allImplements);
    const other = (await seeded.store.read(readQueries.allTasks)).find((task) => !link!.fromId.startsWith(`${task.policyId}#`));
    await over.transaction((tx) => tx.write(curationQueries.deleteImplementsLink, [{ from: link!.fromId, to: link!.toId }]));
    await over.settled();
    const links = (ids: string[]) => over.read(readQueries.implementsByTasks, { ids });
    let after: unknown[] = [];
    expect(await taskRowReads(async () => (after = await links([link!.fromId])))).toEqual(['implementsByTasks']);
    expect(after).toEqual(await seeded.store.read(readQueries.implementsByTasks, { ids: [link!.fromId] }));
    expect(after).not.toContainEqual(expect.objectContaining({ toId: link!.toId }));
    expect(await taskRowReads(() => links([other!.id]))).toEqual([]);

    // An agency renamed: the rows naming it go to the database, as it answers now.
    const assignment = (await seeded.store.read(readQueries.allResponsible)).find(
      (row) => !row.taskId.startsWith(link!.fromId.slice(0, link!.fromId.lastIndexOf('#') + 1)),
    );
    const [agency] = await seeded.store.read(readQueries.agenciesByIds, { ids: [assignment!.agencyId] });
    const responsible = () => over.read(readQueries.responsibleByTasks, { ids: [assignment!.taskId] });
    expect(await taskRowReads(responsible)).toEqual([]);
    await over.transaction((tx) => tx.write(ingestQueries.upsert.Agency, [{ ...agency!, name: `${agency!.name}（更名）` }]));
    await over.settled();
    let renamed: unknown[] = [];
    expect(await taskRowReads(async () => (renamed = await responsible()))).toEqual(['responsibleByTasks']);
    expect(renamed).toEqual(await seeded.store.read(readQueries.responsibleByTasks, { ids: [assignment!.taskId] }));
    expect(renamed).toContainEqual(expect.objectContaining({ agencyName: `${agency!.name}（更名）` }));
  });

  it("gives a document's rows or some of its tasks, and is not opened when its index is missing, of another format, or names more bytes than the file holds", async () => {
    const path = join(seeded.dir, 'cut.task-rows');
    const tasks = new Map([
      ['p-1#1', { allTasks: [{ id: 'p-1#1' }], allTargets: [{ id: 'p-1#1#target0' }] }],
      ['p-1#2', { allTasks: [{ id: 'p-1#2' }], allTargets: [] }],
    ]);
    async function* documents() {
      yield ['p-1', tasks] as const;
    }
    await writeTaskRowsFile(path, 's', documents());
    expect(existsSync(indexFileOf(path))).toBe(true);
    const file = await openTaskRowsFile(path, 's');
    expect(file?.has('p-1')).toBe(true);
    expect(await file?.rowsOf('p-1')).toEqual({ allTasks: [{ id: 'p-1#1' }, { id: 'p-1#2' }], allTargets: [{ id: 'p-1#1#target0' }] });
    expect(await file?.rowsOfTasks('p-1', ['p-1#2', 'p-1#9'])).toEqual({ allTasks: [{ id: 'p-1#2' }], allTargets: [] });
    await file?.close();
    writeFileSync(path, '{}');
    expect(await openTaskRowsFile(path, 's')).toBeNull();
    writeFileSync(indexFileOf(path), JSON.stringify({ format: 0, stamp: 's', documents: [] }));
    expect(await openTaskRowsFile(path, 's')).toBeNull();
  });

  it('writes nothing when reading the documents fails, leaving no index of another file', async () => {
    const path = join(seeded.dir, 'failed.task-rows');
    async function* failing(): AsyncGenerator<readonly [string, Map<string, Record<string, object[]>>]> {
      yield ['p-1', new Map([['p-1#1', { allTasks: [] }]])];
      throw new Error('the database went away');
    }
    await expect(writeTaskRowsFile(path, 's', failing())).rejects.toThrow('the database went away');
    expect([existsSync(path), existsSync(indexFileOf(path)), existsSync(`${path}.partial`)]).toEqual([false, false, false]);
  });
});
