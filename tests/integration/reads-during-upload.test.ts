/**
 * Readers while a document is being replaced see the old or the new version, never a mixture:
 * first at the store (a read while the replacing transaction is open sees the committed graph),
 * then through the API (many GraphQL reads of the policy's tasks, with their targets and agencies,
 * while revised versions are uploaded over and over).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../ingest/fingerprint.js';
import { loadNationalCatalogue } from '../../ingest/load/load-catalogue.js';
import { ingestBytes, loadStageContext } from '../../ingest/pipeline.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries } from '../../store/queries/index.js';
import { readJson, type WriteAnswer } from '../support/json-answer.js';
import { useAppWithWrites, useTempWorkspace, WRITE_TOKEN } from '../support/app-with-writes.js';

const ORIGINAL = readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8');

/**
 * The revision: item （一） gets a new heading and item （十九） is dropped; the title (and so the
 * policy id) stays, so loading it replaces the original.
 */
function revise(text: string): string {
  const lines = text.split('\n');
  const without = lines.filter((line) => !line.startsWith('（十九）'));
  expect(without).toHaveLength(lines.length - 1);
  const revised = without.join('\n').replace('（一）加强新冠肺炎疫情防控。', '（一）统筹常态化疫情防控和应急处置。');
  expect(revised).not.toBe(without.join('\n'));
  return revised;
}
const REVISED = revise(ORIGINAL);

interface TaskView {
  id: string;
  key: string;
  title: string;
  targets: { text: string }[];
  agencies: { name: string }[];
}

const POLICY_TASKS = `query($id: ID!) { policy(id: $id) { tasks { id key title targets { text } agencies { name } } } }`;

describe('a read while a replacing transaction is still open', () => {
  const setup = useTempWorkspace();

  it('sees the committed version, and the new one only after the commit', async () => {
    const { temp, reference } = setup;
    const stage = await loadStageContext(reference.dir);
    const context = { ...stage, fingerprint: await fingerprintOf(reference.dir) };
    await loadNationalCatalogue(temp.store, stage.linkContext.catalogue);
    expect((await ingestBytes(temp.store, 'sixian.txt', Buffer.from(ORIGINAL), context)).ok).toBe(true);
    const [policy] = await temp.store.read(readQueries.allPolicies);
    const keysNow = async () => (await temp.store.read(readQueries.tasksByPolicies, { ids: [policy!.id] })).map((task) => task.key);
    const original = await keysNow();
    expect(original).toContain('（十九）');

    // The same store, except that each transaction waits at its end, every write done, for the test to let it commit.
    let letCommit!: () => void;
    const commitAllowed = new Promise<void>((resolve) => (letCommit = resolve));
    let reachedCommit!: () => void;
    const atCommit = new Promise<void>((resolve) => (reachedCommit = resolve));
    const pausing: GraphStore = {
      ...temp.store,
      backend: temp.store.backend,
      queryCount: 0,
      read: (query, params) => temp.store.read(query, params),
      transaction: (work) =>
        temp.store.transaction(async (tx) => {
          const value = await work(tx);
          reachedCommit();
          await commitAllowed;
          return value;
        }),
    };
    const replacing = ingestBytes(pausing, 'sixian.txt', Buffer.from(REVISED), context);
    await atCommit;
    expect(await keysNow()).toEqual(original);
    letCommit();
    expect(await replacing).toMatchObject({ ok: true, outcome: 'replaced' });
    const revised = await keysNow();
    expect(revised).toEqual(original.filter((key) => key !== '（十九）'));
  });
});

describe('GraphQL reads while revised versions are uploaded', () => {
  const setup = useAppWithWrites();

  async function uploadVersion(text: string): Promise<string> {
    const response = await setup.app.fetch('http://localhost/api/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${WRITE_TOKEN}`, 'x-file-name': 'sixian.txt' },
      body: Buffer.from(text),
    });
    const body = await readJson<WriteAnswer>(response);
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
    return body.outcome!;
  }

  async function readTasks(policyId: string): Promise<TaskView[]> {
    const answer = await postGraphQL<{ policy: { tasks: TaskView[] } | null }>(setup.app, POLICY_TASKS, { id: policyId });
    expect(answer.errors ?? []).toEqual([]);
    return answer.data!.policy!.tasks;
  }

  it('always answer exactly the old or exactly the new task set', async () => {
    expect(await uploadVersion(ORIGINAL)).toBe('created');
    const { data } = await postGraphQL<{ policies: { id: string }[] }>(setup.app, `{ policies(jurisdictionId: "341324") { id } }`);
    const policyId = data!.policies[0]!.id;
    const oldTasks = await readTasks(policyId);
    expect(await uploadVersion(REVISED)).toBe('replaced');
    const newTasks = await readTasks(policyId);

    // The two versions differ as the revision says: （十九） gone, （一） renamed, the rest alike.
    expect(oldTasks.map((task) => task.key)).toContain('（十九）');
    expect(newTasks.map((task) => task.key)).toEqual(oldTasks.map((task) => task.key).filter((key) => key !== '（十九）'));
    expect(oldTasks.find((task) => task.key === '（一）')?.title).toContain('加强新冠肺炎疫情防控');
    expect(newTasks.find((task) => task.key === '（一）')?.title).toContain('统筹常态化疫情防控和应急处置');
    expect(oldTasks.some((task) => task.targets.length > 0 && task.agencies.length > 0)).toBe(true);

    const versions = new Map([
      [JSON.stringify(oldTasks), 'old'],
      [JSON.stringify(newTasks), 'new'],
    ]);
    const seen: string[] = [];
    let uploading = false;
    let readsDuringUploads = 0;
    let writerDone = false;

    const writer = (async () => {
      try {
        for (const text of [ORIGINAL, REVISED, ORIGINAL, REVISED, ORIGINAL, REVISED]) {
          uploading = true;
          expect(await uploadVersion(text)).toBe('replaced');
          uploading = false;
        }
      } finally {
        writerDone = true;
      }
    })();
    const reader = async () => {
      while (!writerDone) {
        // A client's next request arrives through the network, in a later turn of the event loop. In
        // process, an answer shared from its bytes settles in microtasks alone, and a loop of them
        // would never let the upload's own I/O run.
        await new Promise((resolve) => setImmediate(resolve));
        const started = uploading;
        const tasks = await readTasks(policyId);
        if (started) readsDuringUploads += 1;
        seen.push(versions.get(JSON.stringify(tasks)) ?? `mixture: ${JSON.stringify(tasks.map((task) => [task.key, task.title]))}`);
      }
    };
    await Promise.all([writer, reader(), reader(), reader(), reader()]);

    expect(seen.filter((version) => version !== 'old' && version !== 'new')).toEqual([]);
    expect(new Set(seen)).toEqual(new Set(['old', 'new']));
    expect(readsDuringUploads).toBeGreaterThan(10);
  }, 120_000);
});
