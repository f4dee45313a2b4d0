/**
 * Readers never wait behind a write: a GraphQL read sent while an upload's write transaction is
 * open (the old version's tasks already deleted in it) is answered before the upload commits,
 * with the committed version; the read after the commit sees the new one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readJson, type WriteAnswer } from '../support/json-answer.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';
import { copyReferenceData, type TempReferenceData } from '../support/temp-reference-data.js';

const TOKEN = 'test-write-token-0123456789abcdef';
const ORIGINAL = readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8');
/** The same title (and so the same policy, replaced) without item （十九）. */
const REVISED = ORIGINAL.split('\n')
  .filter((line) => !line.startsWith('（十九）'))
  .join('\n');

/**
 * Writes of a loaded document's replacement before the pause: the first two delete the old
 * version's targets and tasks (see removeReplaced in ingest/load/load-document.ts).
 */
const WRITES_BEFORE_PAUSE = 2;

interface Pause {
  /** Resolves when the armed transaction has made its writes and waits. */
  reached: Promise<void>;
  resume: () => void;
}

/** The store, except that the next transaction after `arm()` waits after WRITES_BEFORE_PAUSE writes until resumed. */
function pausingStore(store: GraphStore): { store: GraphStore; arm: () => Pause } {
  let armed: { reached: () => void; resumed: Promise<void> } | null = null;
  return {
    store: {
      ...store,
      backend: store.backend,
      queryCount: 0,
      read: (query, params) => store.read(query, params),
      transaction: (work) => {
        const pause = armed;
        armed = null;
        let writes = 0;
        return store.transaction((tx) =>
          work({
            read: (query, params) => tx.read(query, params),
            async write(query, rows, params) {
              await tx.write(query, rows, params);
              writes += 1;
              if (pause && writes === WRITES_BEFORE_PAUSE) {
                pause.reached();
                await pause.resumed;
              }
            },
          }),
        );
      },
    },
    arm() {
      let reached!: () => void;
      let resume!: () => void;
      const pause: Pause = { reached: new Promise((resolve) => (reached = resolve)), resume: () => resume() };
      armed = { reached, resumed: new Promise((resolve) => (resume = resolve)) };
      return pause;
    },
  };
}

interface TaskView {
  key: string;
  title: string;
  targets: { text: string }[];
}

const POLICY_TASKS = `query($id: ID!) { policy(id: $id) { tasks { key title targets { text } } } }`;

/** Long enough for any read of this small store; a read still waiting then waits for the commit. */
const READ_DEADLINE_MS = 10_000;

describe('a GraphQL read during an upload', () => {
  let temp: TempStore;
  let reference: TempReferenceData;
  let pausing: ReturnType<typeof pausingStore>;
  let app: App;

  beforeAll(async () => {
    temp = await openTempKuzuStore();
    reference = copyReferenceData();
    pausing = pausingStore(temp.store);
    app = createApp({ store: pausing.store, logger: silentLogger, writes: { token: TOKEN, seedsDir: reference.dir } });
  });
  afterAll(async () => {
    await temp.close();
    reference.remove();
  });

  async function upload(text: string): Promise<string | undefined> {
    const response = await app.fetch('http://localhost/api/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'x-file-name': 'sixian.txt' },
      body: Buffer.from(text),
    });
    const body = await readJson<WriteAnswer>(response);
    expect(response.status, JSON.stringify(body)).toBeLessThan(300);
    return body.outcome;
  }

  async function readTasks(policyId: string): Promise<TaskView[]> {
    const answer = await postGraphQL<{ policy: { tasks: TaskView[] } | null }>(app, POLICY_TASKS, { id: policyId });
    expect(answer.errors ?? []).toEqual([]);
    return answer.data?.policy?.tasks ?? [];
  }

  it('is answered before the upload commits, with the committed version', async () => {
    expect(await upload(ORIGINAL)).toBe('created');
    const { data } = await postGraphQL<{ policies: { id: string }[] }>(app, `{ policies(jurisdictionId: "341324") { id } }`);
    const policyId = data?.policies[0]?.id ?? '';
    const committed = await readTasks(policyId);
    expect(committed.map((task) => task.key)).toContain('（十九）');

    const pause = pausing.arm();
    let uploadDone = false;
    const uploading = upload(REVISED).finally(() => (uploadDone = true));
    await pause.reached;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still waiting'), READ_DEADLINE_MS)));
    try {
      const during = await Promise.race([readTasks(policyId), deadline]);
      expect(uploadDone).toBe(false);
      expect(during).toEqual(committed);
    } finally {
      clearTimeout(timer);
      pause.resume();
    }
    expect(await uploading).toBe('replaced');
    const after = await readTasks(policyId);
    expect(after.map((task) => task.key)).toEqual(committed.map((task) => task.key).filter((key) => key !== '（十九）'));
  }, 60_000);
});
