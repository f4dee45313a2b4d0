/**
 * Text reuse along a real lineage: 三明's 2024 task list (seeds/003) below the national 2024 key
 * tasks (tests/fixtures/parent): the documents aligned whole, a derivation's measured reuse share,
 * and a task beside its best-aligned passage of the parent document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/pipeline.js';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

const CHILD = 'seeds/003_94d87789946e72f3.txt';
const PARENT = 'tests/fixtures/parent/national-2024-key-tasks.txt';
const CHILD_ID = 'doc:明医改组〔2024〕4号';
const PARENT_ID = 'doc:国办发〔2024〕29号';

interface Span {
  start: number;
  end: number;
}
interface Passage {
  spanA: Span;
  spanB: Span;
  textA: string;
  textB: string;
  identity: number;
  segments: { kind: string; textA: string; textB: string }[];
}

let temp: TempStore;
let app: App;

beforeAll(async () => {
  temp = await openTempKuzuStore();
  for (const report of await ingestPaths(temp.store, [PARENT, CHILD])) expect(report.ok).toBe(true);
  app = createApp({ store: temp.store, logger: silentLogger });
}, 120_000);

afterAll(async () => {
  await temp.close();
});

describe('text reuse along a lineage', () => {
  it('aligns the local list with the national one, spans exact in both texts', async () => {
    const answer = await postGraphQL<{
      a: { text: string };
      b: { text: string };
      textReuse: { shareA: number; shareB: number; passages: Passage[] };
    }>(
      app,
      `query($a: ID!, $b: ID!) { a: policy(id: $a) { text } b: policy(id: $b) { text }
         textReuse(policyA: $a, policyB: $b) { shareA shareB passages { spanA { start end } spanB { start end } textA textB identity segments { kind textA textB } } } }`,
      { a: CHILD_ID, b: PARENT_ID },
    );
    expect(answer.errors).toBeUndefined();
    const { a, b, textReuse } = answer.data!;
    expect(textReuse.passages.length).toBeGreaterThanOrEqual(2);
    // The fixture holds part of the national list, much of which 三明 restates.
    expect(textReuse.shareB).toBeGreaterThan(0.2);
    // 三明 copies the national item on coordinating the reform, numbering it 1. where the nation prints （一）.
    const copied = textReuse.passages.find((passage) => passage.textA.includes('加强医改工作统筹协调'));
    expect(copied?.textB).toContain('加强医改工作统筹协调');
    expect(copied!.identity).toBeGreaterThan(0.9);
    expect(copied!.segments.find((segment) => segment.kind === 'CHANGED')).toMatchObject({
      textA: expect.stringContaining('1') as unknown,
      textB: expect.stringContaining('一') as unknown,
    });
    for (const passage of textReuse.passages) {
      expect(passage.textA).toBe(a.text.slice(passage.spanA.start, passage.spanA.end));
      expect(passage.textB).toBe(b.text.slice(passage.spanB.start, passage.spanB.end));
      expect(passage.segments.map((segment) => segment.textA).join('')).toBe(passage.textA);
    }
  });

  it('measures how much of a derived task is worded as its parent task', async () => {
    const answer = await postGraphQL<{
      policy: { tasks: { text: string; derivesFrom: { reuseShare: number; to: { text: string }; alignment: Passage | null }[] }[] };
    }>(
      app,
      `query($a: ID!) { policy(id: $a) { tasks { text derivesFrom { reuseShare to { text } alignment { spanA { start end } spanB { start end } textA textB identity segments { kind textA textB } } } } } }`,
      { a: CHILD_ID },
    );
    expect(answer.errors).toBeUndefined();
    const derivations = answer.data!.policy.tasks.flatMap((task) => task.derivesFrom.map((link) => ({ task, link })));
    expect(derivations.length).toBeGreaterThan(0);
    const aligned = derivations.filter(({ link }) => link.alignment);
    expect(aligned.length).toBeGreaterThan(0);
    for (const { task, link } of aligned) {
      expect(link.reuseShare).toBeGreaterThan(0);
      expect(link.alignment!.textA).toBe(link.to.text.slice(link.alignment!.spanA.start, link.alignment!.spanA.end));
      expect(link.alignment!.textB).toBe(task.text.slice(link.alignment!.spanB.start, link.alignment!.spanB.end));
    }
    for (const { link } of derivations.filter(({ link }) => !link.alignment)) expect(link.reuseShare).toBe(0);
  });

  it('puts a derived task beside a passage of the parent document or of a national item', async () => {
    const answer = await postGraphQL<{
      policy: {
        tasks: {
          text: string;
          derivesFrom: unknown[];
          bestAlignment: { policy: { id: string; text: string } | null; nationalItem: { text: string } | null; passage: Passage } | null;
        }[];
      };
    }>(
      app,
      `query($a: ID!) { policy(id: $a) { tasks { text derivesFrom { score } bestAlignment { policy { id text } nationalItem { text } passage { spanA { start end } spanB { start end } textA textB identity segments { kind textA textB } } } } } }`,
      { a: CHILD_ID },
    );
    expect(answer.errors).toBeUndefined();
    const fromParent = answer.data!.policy.tasks.filter((task) => task.bestAlignment?.policy);
    expect(fromParent.length).toBeGreaterThan(0);
    for (const task of fromParent) {
      const { policy, passage } = task.bestAlignment!;
      expect(policy!.id).toBe(PARENT_ID);
      expect(passage.textA).toBe(policy!.text.slice(passage.spanA.start, passage.spanA.end));
      expect(passage.textB).toBe(task.text.slice(passage.spanB.start, passage.spanB.end));
    }
  });
});
