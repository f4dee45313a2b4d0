/**
 * The analyses of issue 17 through the API over the five seed documents: instruments per task with
 * exact evidence, the instruments × reform areas matrix checked against the tasks' own instruments
 * and links, the instruments CSV, text reuse between documents and a task's best-aligned passage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';

let seeded: SeededStore;
let app: App;

interface Span {
  start: number;
  end: number;
}
interface SeedTask {
  id: string;
  kind: string;
  text: string;
  jurisdiction: { id: string };
  implements: { nationalItem: { id: string; pillar: string } }[];
  instruments: { type: string; subType: string; nameZh: string; evidence: { text: string; span: Span; clause: Span }[] }[];
}
interface SeedPolicy {
  id: string;
  text: string;
  jurisdiction: { id: string };
  tasks: SeedTask[];
}
let policies: SeedPolicy[];
const tasks = () => policies.flatMap((policy) => policy.tasks);

beforeAll(async () => {
  seeded = await openSeededStore();
  app = createApp({ store: seeded.store, logger: silentLogger });
  const answer = await postGraphQL<{ policies: SeedPolicy[] }>(
    app,
    `{ policies { id text jurisdiction { id } tasks { id kind text jurisdiction { id }
        implements { nationalItem { id pillar } }
        instruments { type subType nameZh evidence { text span { start end } clause { start end } } } } } }`,
  );
  expect(answer.errors).toBeUndefined();
  policies = answer.data!.policies;
});

afterAll(async () => {
  await seeded.close();
});

describe('policy instruments through the API', () => {
  it('gives every task evidence that is the exact text of the task at its span', () => {
    let uses = 0;
    for (const task of tasks()) {
      for (const use of task.instruments) {
        uses++;
        expect(use.evidence.length).toBeGreaterThan(0);
        for (const evidence of use.evidence) expect(task.text.slice(evidence.span.start, evidence.span.end), task.id).toBe(evidence.text);
      }
    }
    expect(uses).toBeGreaterThan(200);
    const items = tasks().filter((task) => task.kind === 'item');
    expect(items.filter((task) => task.instruments.length > 0).length / items.length).toBeGreaterThan(0.9);
  });

  it("counts in each cell of a jurisdiction's matrix the tasks using the sub-type that implement an item of the pillar", async () => {
    const jurisdictionId = policies[0]!.jurisdiction.id;
    const answer = await postGraphQL<{
      instrumentMatrix: {
        jurisdiction: { id: string };
        subTypes: { id: string }[];
        reformAreas: { id: string }[];
        counts: number[][];
        totals: number[];
        taskCount: number;
      };
    }>(
      app,
      `query($j: ID) { instrumentMatrix(jurisdictionId: $j) { jurisdiction { id } subTypes { id } reformAreas { id } counts totals taskCount } }`,
      { j: jurisdictionId },
    );
    expect(answer.errors).toBeUndefined();
    const matrix = answer.data!.instrumentMatrix;
    const own = tasks().filter((task) => task.jurisdiction.id === jurisdictionId);
    expect(matrix.taskCount).toBe(own.length);
    expect(matrix.counts.flat().some((count) => count > 0)).toBe(true);
    matrix.subTypes.forEach((subType, row) => {
      const using = own.filter((task) => task.instruments.some((use) => use.subType === subType.id));
      expect(matrix.totals[row], subType.id).toBe(using.length);
      matrix.reformAreas.forEach((area, column) => {
        const expected = using.filter((task) => task.implements.some((link) => link.nationalItem.pillar === area.id)).length;
        expect(matrix.counts[row]![column], `${subType.id} × ${area.id}`).toBe(expected);
      });
    });
  });

  it("counts every jurisdiction's tasks in the matrix asked without a jurisdiction, the same when asked again", async () => {
    const query = `{ instrumentMatrix { jurisdiction { id } subTypes { id } totals taskCount } }`;
    const answer = await postGraphQL<{
      instrumentMatrix: { jurisdiction: null; subTypes: { id: string }[]; totals: number[]; taskCount: number };
    }>(app, query);
    expect(answer.errors).toBeUndefined();
    const matrix = answer.data!.instrumentMatrix;
    expect(matrix.jurisdiction).toBeNull();
    expect(matrix.taskCount).toBe(tasks().length);
    matrix.subTypes.forEach((subType, row) => {
      expect(matrix.totals[row], subType.id).toBe(
        tasks().filter((task) => task.instruments.some((use) => use.subType === subType.id)).length,
      );
    });
    expect((await postGraphQL(app, query)).data).toEqual(answer.data);
  });

  it('refuses the matrix of an unknown jurisdiction with a message naming it', async () => {
    const answer = await postGraphQL(app, `{ instrumentMatrix(jurisdictionId: "999999") { taskCount } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toContain('999999');
  });

  it('exports one CSV row per task and instrument', async () => {
    const response = await app.fetch('http://localhost/export/instruments.csv');
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'jurisdictionId,policyId,taskId,taskKey,type,subType,nameZh,nameEn,evidence,evidenceSpans,nationalItemIds,reformAreas',
    );
    const uses = tasks().reduce((sum, task) => sum + task.instruments.length, 0);
    // Rows may hold line breaks inside quoted fields only; evidence words are short and hold none.
    expect(lines.length - 1).toBe(uses);
  });
});

describe('text reuse through the API', () => {
  it('aligns a document with itself as one passage covering it all, spans exact', async () => {
    const policy = policies[2]!;
    const answer = await postGraphQL<{
      textReuse: { shareA: number; shareB: number; passages: { spanA: Span; spanB: Span; textA: string; identity: number }[] };
    }>(
      app,
      `query($a: ID!) { textReuse(policyA: $a, policyB: $a) { shareA shareB passages { spanA { start end } spanB { start end } textA identity } } }`,
      { a: policy.id },
    );
    expect(answer.errors).toBeUndefined();
    const reuse = answer.data!.textReuse;
    expect(reuse.shareA).toBeGreaterThan(0.99);
    expect(reuse.passages[0]!.identity).toBe(1);
    expect(reuse.passages[0]!.textA).toBe(policy.text.slice(reuse.passages[0]!.spanA.start, reuse.passages[0]!.spanA.end));
  });

  it('finds little reuse between the plans of two different counties', async () => {
    const [a, b] = [policies[0]!, policies.find((policy) => policy.jurisdiction.id !== policies[0]!.jurisdiction.id)!];
    const answer = await postGraphQL<{ textReuse: { shareA: number; shareB: number } }>(
      app,
      `query($a: ID!, $b: ID!) { textReuse(policyA: $a, policyB: $b) { shareA shareB } }`,
      { a: a.id, b: b.id },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.textReuse.shareA).toBeLessThan(0.1);
  });

  it('refuses an unknown policy with a message naming the argument', async () => {
    const answer = await postGraphQL(app, `{ textReuse(policyA: "no-such-policy", policyB: "no-such-policy") { shareA } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.argument).toBe('policyA');
  });

  it('puts a task beside its best-aligned national passage with the task side exact', async () => {
    const linked = tasks()
      .filter((task) => task.implements.length > 0)
      .slice(0, 15);
    const answer = await postGraphQL<
      {
        task: {
          text: string;
          bestAlignment: null | {
            nationalItem: { text: string } | null;
            policy: { id: string } | null;
            taskShare: number;
            passage: { spanA: Span; spanB: Span; textA: string; textB: string; segments: { kind: string; textB: string }[] };
          };
        };
      }[]
    >(
      app,
      `{ ${linked.map((task, n) => `t${n}: task(id: ${JSON.stringify(task.id)}) { text bestAlignment { taskShare nationalItem { text } policy { id } passage { spanA { start end } spanB { start end } textA textB segments { kind textB } } } }`).join('\n')} }`,
    );
    expect(answer.errors).toBeUndefined();
    const found = Object.values(
      answer.data as unknown as Record<
        string,
        {
          text: string;
          bestAlignment: {
            nationalItem: { text: string } | null;
            taskShare: number;
            passage: { spanA: Span; spanB: Span; textA: string; textB: string; segments: { kind: string; textB: string }[] };
          } | null;
        }
      >,
    ).filter((task) => task.bestAlignment);
    expect(found.length).toBeGreaterThan(0);
    for (const task of found) {
      const { passage, nationalItem, taskShare } = task.bestAlignment!;
      expect(passage.textB).toBe(task.text.slice(passage.spanB.start, passage.spanB.end));
      expect(passage.segments.map((segment) => segment.textB).join('')).toBe(passage.textB);
      if (nationalItem) expect(passage.textA).toBe(nationalItem.text.slice(passage.spanA.start, passage.spanA.end));
      expect(taskShare).toBeGreaterThan(0);
      expect(taskShare).toBeLessThanOrEqual(1);
    }
  });
});
