/**
 * Reproducible answers: the same graph gives byte-identical answers whichever way a server reads it.
 * A server on Kuzu answers from the database until it keeps the graph's rows, then from rows read
 * whole at start, or read again a few documents at a time after a write (server/context/kept-graph.ts);
 * which of them answers a request depends on timing. Lists whose order the queries left to the
 * database (a task's national items or parent tasks of equal score, targets at one offset) came out
 * in a different order by each way, so two runs of the same ingest answered differently.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus/generate-corpus.js';
import { ingestPaths } from '../../ingest/pipeline.js';
import { createApp, type App } from '../../server/app.js';
import { keepGraph } from '../../server/context/kept-graph.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

const PAGE = 500;

const TASKS = /* GraphQL */ `
  query ($offset: Int) {
    tasks(limit: ${PAGE}, offset: $offset) {
      id
      agencies { name role agency { id } }
      targets { id text }
      implements { nationalItem { id } score }
      derivesFrom { to { id } score }
      derivedBy { from { id } score }
    }
  }
`;

const POLICIES = /* GraphQL */ `
  {
    policies {
      id
      cites {
        id
      }
      citedBy {
        id
      }
    }
  }
`;

const NATIONAL_ITEMS = /* GraphQL */ `
  {
    nationalItems {
      id
      implementations {
        id
        implements {
          nationalItem {
            id
          }
          score
        }
      }
      implementedBy {
        task {
          id
        }
        score
      }
    }
  }
`;

const COVERAGE = /* GraphQL */ `
  {
    coverage {
      jurisdictions {
        id
      }
      cells {
        nationalItemId
        jurisdictionId
        taskIds
      }
    }
  }
`;

const COMPARE = /* GraphQL */ `
  query ($a: ID!, $b: ID!) {
    compare(a: $a, b: $b) {
      shared {
        nationalItem {
          id
        }
        tasksA {
          id
        }
        tasksB {
          id
        }
      }
      onlyA {
        tasksA {
          id
        }
      }
      onlyB {
        tasksB {
          id
        }
      }
    }
  }
`;

const LINEAGE = /* GraphQL */ `
  query ($taskId: ID!) {
    lineage(taskId: $taskId) {
      tasks {
        id
      }
      nationalItems {
        id
      }
      links {
        fromTaskId
        toTaskId
        toNationalItemId
        score
      }
    }
  }
`;

interface TaskAnswer {
  id: string;
  implements: { score: number }[];
  derivesFrom: { score: number }[];
}

let temp: TempStore;
let corpusDir: string;

beforeAll(async () => {
  corpusDir = mkdtempSync(join(tmpdir(), 'reformgraph-corpus-'));
  // The benchmark's generated task lists: county and city documents with parent links of equal score. Sixteen
  // places give a sub-measure two national items at one score under seeds 2, 3 and 4 alike; eight did under
  // some seeds only, so a change of the generator or the linker took the tie away.
  writeCorpus(corpusDir, { jurisdictions: 16, seed: 3, seedsDir: 'seeds' });
  temp = await openTempKuzuStore();
  const reports = await ingestPaths(temp.store, [corpusDir], { seedsDir: 'seeds' });
  expect(reports.filter((report) => !report.ok)).toEqual([]);
}, 300_000);

afterAll(async () => {
  await temp.close();
  rmSync(corpusDir, { recursive: true, force: true });
});

async function answerOf(app: App, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const answer = await postGraphQL(app, query, variables);
  expect(answer.errors).toBeUndefined();
  return JSON.stringify(answer.data);
}

/** Every task page, every document's citations, every national item's implementations, and the lineage of tasks with ties. */
async function answersOf(app: App, lineageOf: readonly string[]): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await answerOf(app, TASKS, { offset });
    answers.set(`tasks from ${offset}`, page);
    if ((JSON.parse(page) as { tasks: unknown[] }).tasks.length < PAGE) break;
  }
  answers.set('policies', await answerOf(app, POLICIES));
  answers.set('national items', await answerOf(app, NATIONAL_ITEMS));
  for (const taskId of lineageOf) answers.set(`lineage of ${taskId}`, await answerOf(app, LINEAGE, { taskId }));
  const coverage = await answerOf(app, COVERAGE);
  answers.set('coverage', coverage);
  const { jurisdictions } = (JSON.parse(coverage) as { coverage: { jurisdictions: { id: string }[] } }).coverage;
  for (const [i, a] of jurisdictions.entries()) {
    const b = jurisdictions[(i + 1) % jurisdictions.length];
    if (b && b.id !== a.id) answers.set(`compare ${a.id} ${b.id}`, await answerOf(app, COMPARE, { a: a.id, b: b.id }));
  }
  return answers;
}

/** The answers that differ from the reference's, by name: a short failure message rather than two dumps. */
function differing(answers: ReadonlyMap<string, string>, reference: ReadonlyMap<string, string>): string[] {
  const names = new Set([...answers.keys(), ...reference.keys()]);
  return [...names].filter((name) => answers.get(name) !== reference.get(name));
}

const hasTie = (scores: readonly { score: number }[]) => scores.some((link, i) => i > 0 && link.score === scores[i - 1]?.score);

describe('answers over one graph', () => {
  it('are the same from the database, from the rows kept at start and from the rows kept again after a write', async () => {
    const fromDatabase = createApp({ store: keepGraph(temp.store, { keptRows: [] }), logger: silentLogger });
    const tasks = (await postGraphQL<{ tasks: TaskAnswer[] }>(fromDatabase, TASKS, { offset: 0 })).data?.tasks ?? [];
    // Ties of score are what the order must not leave to the database: the corpus has both kinds.
    const tied = tasks.filter((task) => hasTie(task.implements) || hasTie(task.derivesFrom)).map((task) => task.id);
    expect(tasks.some((task) => hasTie(task.implements))).toBe(true);
    expect(tasks.some((task) => hasTie(task.derivesFrom))).toBe(true);
    const lineageOf = tied.slice(0, 20);
    const reference = await answersOf(fromDatabase, lineageOf);

    const keptAtStart = createApp({ store: temp.store, logger: silentLogger });
    await keptAtStart.ready();
    expect(differing(await answersOf(keptAtStart, lineageOf), reference)).toEqual([]);

    const served = keepGraph(temp.store);
    const keptAfterWrite = createApp({ store: served, logger: silentLogger });
    await keptAfterWrite.ready();
    // A transaction that fails drops the kept rows as a write does (it may have committed): they
    // are read again document by document, as after an upload.
    await expect(served.transaction(() => Promise.reject(new Error('no write')))).rejects.toThrow('no write');
    await served.settled();
    expect(served.taskRowsKept).toBe(true);
    expect(differing(await answersOf(keptAfterWrite, lineageOf), reference)).toEqual([]);
  }, 300_000);
});
