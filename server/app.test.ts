import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError, type GraphStore } from '../store/graph-store.js';
import { readQueries } from '../store/queries/index.js';
import * as explorerQueries from '../client/src/api/queries.js';
import { createApp, type App } from './app.js';
import { silentLogger } from './logger.js';
import { buildSearchIndex } from './search/store-search-index.js';
import { postGraphQL } from './testing/graphql-request.js';
import { openSampleGraph, type SampleGraph } from './testing/sample-graph.js';

let graph: SampleGraph;
let app: App;

beforeAll(async () => {
  graph = await openSampleGraph();
  app = createApp({ store: graph.store, logger: silentLogger, searchIndex: await buildSearchIndex(graph.store) });
});

afterAll(async () => {
  await graph.dispose();
});

/** The answer's data, typed by the caller as far as the test reads into it (the rest is only compared). */
async function data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, on: App = app): Promise<T> {
  const answer = await postGraphQL<T>(on, query, variables);
  expect(answer.errors ?? []).toEqual([]);
  return answer.data!;
}

interface Id {
  id: string;
}
interface CompareRow {
  nationalItem: Id;
  tasksA: Id[];
  tasksB: Id[];
}
interface CoverageCell {
  nationalItemId: string;
  jurisdictionId: string;
  taskCount: number;
  taskIds: string[];
}

describe('entry points', () => {
  it('answers a task with the field names of issue 5', async () => {
    const { task } = await data<{ task: { span: { start: number; end: number }; agencies: unknown; implements: unknown } }>(`{
      task(id: "sm-1-1") {
        id key title order span { start end } deadline
        policy { id } jurisdiction { id name } parent { id } children { id }
        agencies { name type role agency { id name nameEn } }
        targets { text metric op value unit by }
        implements { nationalItem { id titleZh titleEn pillar } score method kind evidence { localText localSpan { start end } nationalText } }
      }
    }`);
    expect(task).toMatchObject({
      id: 'sm-1-1',
      key: '（一）',
      title: '全面推行按疾病诊断相关分组（DRG）付费',
      order: 1,
      deadline: null,
      policy: { id: 'p-sm' },
      jurisdiction: { id: '350400', name: '三明市' },
      parent: { id: 'sm-1' },
      children: [],
      targets: [{ text: 'DRG付费占比达到50%以上', metric: 'DRG付费占比', op: '>=', value: 50, unit: '%', by: '2020' }],
    });
    expect(task.span.start).toBe(10);
    expect(task.span.end - task.span.start).toBe('全面推行按疾病诊断相关分组（DRG）付费，DRG付费占比达到50%以上。'.length);
    expect(task.agencies).toEqual([
      {
        name: '市医保局',
        type: 'MEDICAL_INSURANCE',
        role: 'lead',
        agency: { id: 'ag-sm-yb', name: '三明市医疗保障局', nameEn: 'Sanming Healthcare Security Administration' },
      },
      {
        name: '市卫健委',
        type: 'HEALTH',
        role: 'support',
        agency: { id: 'ag-sm-wj', name: '三明市卫生健康委员会', nameEn: 'Sanming Health Commission' },
      },
    ]);
    expect(task.implements).toEqual([
      {
        nationalItem: {
          id: 'N-PAY',
          titleZh: '深化医保支付方式改革',
          titleEn: 'Reform medical insurance payment methods',
          pillar: 'insurance',
        },
        score: 0.9,
        method: 'test',
        kind: 'adapted',
        evidence: [{ localText: '按疾病诊断相关分组', localSpan: { start: 4, end: 13 }, nationalText: '按疾病诊断相关分组' }],
      },
    ]);
  });

  it('answers null for a task that does not exist', async () => {
    expect(await data(`{ task(id: "nope") { id } lineage(taskId: "nope") { tasks { id } } }`)).toEqual({ task: null, lineage: null });
  });

  it('lists jurisdictions with their parents and policies, without citation stubs unless asked', async () => {
    const { jurisdictions, policies, withStubs } = await data<{
      jurisdictions: Id[];
      policies: Id[];
      withStubs: (Id & { stub: boolean })[];
    }>(`{
      jurisdictions { id name nameEn level parent { id } policies { id } }
      policies { id }
      withStubs: policies(includeStubs: true) { id stub }
    }`);
    expect(jurisdictions.map((j) => j.id)).toEqual(['000000', '350000', '350400', '510000', '510100']);
    expect(jurisdictions.find((j) => j.id === '350400')).toEqual({
      id: '350400',
      name: '三明市',
      nameEn: 'Sanming City',
      level: 'city',
      parent: { id: '350000' },
      policies: [{ id: 'p-sm' }],
    });
    expect(policies.map((p) => p.id).sort()).toEqual(['p-cd', 'p-fj', 'p-sm']);
    expect(withStubs.filter((p) => p.stub).map((p) => p.id)).toEqual(['p-stub']);
  });

  it('answers a policy with its metadata, tasks in document order and citations both ways', async () => {
    const { sm, fj, of } = await data<{ sm: unknown; fj: { citedBy: unknown }; of: unknown }>(`{
      sm: policy(id: "p-sm") { id title docNumber issuedOn status sourceFile sha256 jurisdiction { id } tasks { id } cites { id } citedBy { id } }
      fj: policy(id: "p-fj") { citedBy { id } }
      of: policies(jurisdictionId: "510100") { id }
    }`);
    expect(sm).toEqual({
      id: 'p-sm',
      title: '三明市深化医药卫生体制改革2017年重点工作任务',
      docNumber: 'p-sm号',
      issuedOn: '2017-06-30',
      status: 'final',
      sourceFile: 'p-sm.txt',
      sha256: 'sha-p-sm',
      jurisdiction: { id: '350400' },
      tasks: [{ id: 'sm-1' }, { id: 'sm-1-1' }, { id: 'sm-1-2' }, { id: 'sm-1-2-1' }],
      cites: [{ id: 'p-fj' }],
      citedBy: [],
    });
    expect(fj.citedBy).toEqual([{ id: 'p-sm' }]);
    expect(of).toEqual([{ id: 'p-cd' }]);
  });

  it('pages through tasks in document order', async () => {
    const { page } = await data(`{ page: tasks(jurisdictionId: "350400", limit: 2, offset: 1) { id } }`);
    expect(page).toEqual([{ id: 'sm-1-1' }, { id: 'sm-1-2' }]);
  });

  it('makes each request one reader, whose store reads wait only for those of older requests (store/read-queue.ts)', async () => {
    const readers: unknown[] = [];
    const store: GraphStore = {
      ...graph.store,
      read: (query, params, reader) => (readers.push(reader ?? 'none'), graph.store.read(query, params, reader)),
    };
    const unkept = createApp({ store, logger: silentLogger, searchIndex: await buildSearchIndex(graph.store), maxKeptTasks: 0 });
    await unkept.ready();
    const readersOf = async (jurisdictionId: string) => {
      readers.length = 0;
      await data(`query($j: ID) { tasks(jurisdictionId: $j, limit: 5) { id agencies { name } } }`, { j: jurisdictionId }, unkept);
      return new Set(readers);
    };
    const [first, second] = [await readersOf('350400'), await readersOf('510100')];
    expect([first.size, second.size]).toEqual([1, 1]);
    const [[firstReader], [secondReader]] = [[...first], [...second]];
    expect(firstReader).not.toBe(secondReader);
  });

  it("pages a jurisdiction's tasks read document by document as the page query orders them", async () => {
    for (const [jurisdictionId, offset, limit] of [
      ['350400', 0, 3],
      ['350400', 2, 50],
      ['510100', 0, 10],
      ['350000', 1, 1],
      ['110000', 0, 5],
    ] as const) {
      const { page } = await data<{ page: Id[] }>(
        `query($j: ID, $o: Int, $l: Int) { page: tasks(jurisdictionId: $j, offset: $o, limit: $l) { id } }`,
        {
          j: jurisdictionId,
          o: offset,
          l: limit,
        },
      );
      const fromQuery = await graph.store.read(readQueries.taskIdsPage, { jurisdictionIds: [jurisdictionId], skip: offset, limit });
      expect(
        page.map((task) => task.id),
        `${jurisdictionId} ${offset} ${limit}`,
      ).toEqual(fromQuery.map((row) => row.id));
    }
  });
});

describe('lineage', () => {
  it('follows every path upward, through the provincial plan to the national item, with scores and evidence', async () => {
    const { lineage } = await data<{
      lineage: {
        task: unknown;
        tasks: unknown;
        nationalItems: unknown;
        links: unknown;
        paths: { score: number; links: { fromTaskId: string }[] }[];
      };
    }>(`{
      lineage(taskId: "sm-1-1") {
        task { id }
        tasks { id }
        nationalItems { id }
        links { relation fromTaskId toTaskId toNationalItemId score evidence { localText } }
        paths { score nationalItem { id } end { id } links { fromTaskId toTaskId toNationalItemId } }
      }
    }`);
    expect(lineage.task).toEqual({ id: 'sm-1-1' });
    expect(lineage.tasks).toEqual([{ id: 'sm-1-1' }, { id: 'fj-1-1' }]);
    expect(lineage.nationalItems).toEqual([{ id: 'N-PAY' }]);
    expect(lineage.links).toEqual([
      {
        relation: 'IMPLEMENTS',
        fromTaskId: 'sm-1-1',
        toTaskId: null,
        toNationalItemId: 'N-PAY',
        score: 0.9,
        evidence: [{ localText: '按疾病诊断相关分组' }],
      },
      {
        relation: 'DERIVES_FROM',
        fromTaskId: 'sm-1-1',
        toTaskId: 'fj-1-1',
        toNationalItemId: null,
        score: 0.8,
        evidence: [{ localText: 'DRG付费' }],
      },
      { relation: 'IMPLEMENTS', fromTaskId: 'fj-1-1', toTaskId: null, toNationalItemId: 'N-PAY', score: 0.5, evidence: [] },
    ]);
    expect(lineage.paths).toHaveLength(2);
    expect(lineage.paths[0]).toEqual({
      score: 0.9,
      nationalItem: { id: 'N-PAY' },
      end: null,
      links: [{ fromTaskId: 'sm-1-1', toTaskId: null, toNationalItemId: 'N-PAY' }],
    });
    expect(lineage.paths[1]!.score).toBeCloseTo(0.4);
    expect(lineage.paths[1]!.links.map((l) => l.fromTaskId)).toEqual(['sm-1-1', 'fj-1-1']);
  });

  it('goes downward from a national item through its implementations, per jurisdiction when asked', async () => {
    const { all, chengdu } = await data<{
      all: { implementations: Id[]; implementedBy: unknown };
      chengdu: { implementations: unknown };
    }>(`{
      all: nationalItem(id: "N-PAY") { implementations { id } implementedBy { task { id } score } }
      chengdu: nationalItem(id: "N-PAY") { implementations(jurisdictionId: "510100") { id } }
    }`);
    expect(all.implementations.map((t) => t.id).sort()).toEqual(['cd-1-1', 'fj-1-1', 'sm-1-1']);
    expect(all.implementedBy).toContainEqual({ task: { id: 'fj-1-1' }, score: 0.5 });
    expect(chengdu.implementations).toEqual([{ id: 'cd-1-1' }]);
  });
});

describe('coverage and compare', () => {
  it('counts the tasks of every national item in every jurisdiction, gaps included', async () => {
    const { coverage } = await data<{ coverage: { nationalItems: Id[]; jurisdictions: unknown; cells: CoverageCell[] } }>(`{
      coverage(jurisdictionIds: ["350400", "510100"]) {
        nationalItems { id } jurisdictions { id }
        cells { nationalItemId jurisdictionId taskCount taskIds }
      }
    }`);
    expect(coverage.nationalItems.map((n) => n.id)).toEqual(['N-DRUG', 'N-HOSP', 'N-PAY', 'N-TIER']);
    expect(coverage.jurisdictions).toEqual([{ id: '350400' }, { id: '510100' }]);
    const table = Object.fromEntries(coverage.cells.map((c) => [`${c.nationalItemId} ${c.jurisdictionId}`, c.taskIds]));
    expect(table).toEqual({
      'N-DRUG 350400': [],
      'N-DRUG 510100': ['cd-1-2'],
      'N-HOSP 350400': [],
      'N-HOSP 510100': [],
      'N-PAY 350400': ['sm-1-1'],
      'N-PAY 510100': ['cd-1-1'],
      'N-TIER 350400': ['sm-1-2'],
      'N-TIER 510100': [],
    });
    for (const cell of coverage.cells) expect(cell.taskCount).toBe(cell.taskIds.length);
  });

  it('answers the coverage of chosen jurisdictions and a compare from the kept graph, without a database statement', async () => {
    await app.ready();
    const before = graph.store.queryCount;
    const { coverage } = await data<{ coverage: { cells: { nationalItemId: string; status: string; possibleTaskIds: string[] }[] } }>(`{
      coverage(jurisdictionIds: ["510100"]) { cells { nationalItemId status possibleTaskIds } }
      compare(a: "510100", b: "350400") { onlyA { nationalItem { id } } unlinkedB { id } }
    }`);
    expect(graph.store.queryCount - before).toBe(0);
    expect(coverage.cells.find((cell) => cell.nationalItemId === 'N-HOSP')).toEqual({
      nationalItemId: 'N-HOSP',
      status: 'POSSIBLE',
      possibleTaskIds: ['cd-1-1'],
    });
  });

  it('defaults to every jurisdiction that has tasks', async () => {
    const { coverage } = await data<{ coverage: { jurisdictions: unknown } }>(`{ coverage { jurisdictions { id } } }`);
    expect(coverage.jurisdictions).toEqual([{ id: '350000' }, { id: '350400' }, { id: '510100' }]);
  });

  it('compares two cities: shared items with differing targets and lead agency types, and each side alone', async () => {
    const { compare } = await data<{ compare: { a: unknown; shared: unknown; onlyA: unknown; onlyB: unknown } }>(`{
      compare(a: "350400", b: "510100") {
        a { id } b { id }
        shared {
          nationalItem { id } tasksA { id } tasksB { id } leadAgencyTypesA leadAgencyTypesB
          targetDifferences { metric targetsA { value unit } targetsB { value unit } }
        }
        onlyA { nationalItem { id } tasksA { id } tasksB { id } targetDifferences { metric } }
        onlyB { nationalItem { id } tasksA { id } tasksB { id } }
      }
    }`);
    expect(compare.a).toEqual({ id: '350400' });
    expect(compare.shared).toEqual([
      {
        nationalItem: { id: 'N-PAY' },
        tasksA: [{ id: 'sm-1-1' }],
        tasksB: [{ id: 'cd-1-1' }],
        leadAgencyTypesA: ['MEDICAL_INSURANCE'],
        leadAgencyTypesB: ['HEALTH'],
        targetDifferences: [{ metric: 'DRG付费占比', targetsA: [{ value: 50, unit: '%' }], targetsB: [{ value: 30, unit: '%' }] }],
      },
    ]);
    expect(compare.onlyA).toEqual([{ nationalItem: { id: 'N-TIER' }, tasksA: [{ id: 'sm-1-2' }], tasksB: [], targetDifferences: [] }]);
    expect(compare.onlyB).toEqual([{ nationalItem: { id: 'N-DRUG' }, tasksA: [], tasksB: [{ id: 'cd-1-2' }] }]);
  });

  it('agrees with coverage for every pair of jurisdictions', async () => {
    const { coverage } = await data<{ coverage: { jurisdictions: Id[]; cells: Omit<CoverageCell, 'taskCount'>[] } }>(
      `{ coverage { jurisdictions { id } cells { nationalItemId jurisdictionId taskIds } } }`,
    );
    const ids: string[] = coverage.jurisdictions.map((j) => j.id);
    const tasksOf = (item: string, j: string) => coverage.cells.find((c) => c.nationalItemId === item && c.jurisdictionId === j)!.taskIds;
    for (const a of ids) {
      for (const b of ids) {
        if (a === b) continue;
        const { compare } = await data<{ compare: Record<'shared' | 'onlyA' | 'onlyB', CompareRow[]> }>(
          `query($a: ID!, $b: ID!) {
          compare(a: $a, b: $b) {
            shared { nationalItem { id } tasksA { id } tasksB { id } }
            onlyA { nationalItem { id } tasksA { id } tasksB { id } }
            onlyB { nationalItem { id } tasksA { id } tasksB { id } }
          }
        }`,
          { a, b },
        );
        for (const [group, rows] of Object.entries(compare)) {
          for (const row of rows) {
            const item = row.nationalItem.id;
            expect(row.tasksA.map((t) => t.id)).toEqual(tasksOf(item, a));
            expect(row.tasksB.map((t) => t.id)).toEqual(tasksOf(item, b));
            const expected = tasksOf(item, a).length > 0 ? (tasksOf(item, b).length > 0 ? 'shared' : 'onlyA') : 'onlyB';
            expect(group, `${item} ${a} ${b}`).toBe(expected);
          }
        }
        const listed = Object.values(compare).flat().length;
        const covered = new Set(
          coverage.cells
            .filter((c) => (c.jurisdictionId === a || c.jurisdictionId === b) && c.taskIds.length > 0)
            .map((c) => c.nationalItemId),
        );
        expect(listed).toBe(covered.size);
      }
    }
  });
});

describe('search', () => {
  it('finds a task by a phrase from its text, with the match highlighted', async () => {
    const { search } = await data<{ search: unknown[] }>(`{ search(text: "家庭医生签约") { id snippet jurisdiction { id } } }`);
    expect(search[0]).toEqual({ id: 'sm-1-2', snippet: '推进分级诊疗，«家庭医生签约»服务覆盖率达到40%。', jurisdiction: { id: '350400' } });
  });

  it('keeps to the jurisdiction asked for', async () => {
    const { here, there } = await data<{ here: Id[]; there: unknown }>(`{
      here: search(text: "DRG付费", jurisdictionId: "510100") { id }
      there: search(text: "家庭医生签约", jurisdictionId: "510100") { id }
    }`);
    expect(here.map((t) => t.id)).toEqual(['cd-1-1']);
    expect(there).toEqual([]);
  });

  it('answers null snippets outside search', async () => {
    expect((await data(`{ task(id: "sm-1-2") { snippet } }`)).task).toEqual({ snippet: null });
  });
});

describe('errors and limits', () => {
  it('rejects bad arguments with BAD_USER_INPUT and a message naming the argument', async () => {
    const cases: [string, string][] = [
      [`{ search(text: "医保", limit: 1000) { id } }`, 'limit'],
      [`{ search(text: "  ") { id } }`, 'text'],
      [`{ jurisdiction(id: "Sanming") { id } }`, 'id'],
      [`{ compare(a: "350400", b: "999999") { a { id } } }`, 'a'],
      [`{ coverage(jurisdictionIds: ["35040"]) { cells { taskCount } } }`, 'jurisdictionIds.0'],
      [`{ tasks(limit: 0) { id } }`, 'limit'],
    ];
    for (const [query, argument] of cases) {
      const answer = await postGraphQL(app, query);
      expect(answer.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(answer.errors?.[0]?.message, query).toContain(argument === 'a' ? '999999' : `"${argument}"`);
    }
  });

  it('masks unexpected errors: no Cypher, stack or path reaches the client', async () => {
    const failing: GraphStore = {
      ...graph.store,
      backend: 'kuzu',
      queryCount: 0,
      read: async () => {
        throw new StoreError('allJurisdictions', 'Binder exception: MATCH (j:Jurisdiction) at /tmp/db.kuzu');
      },
    };
    const broken = createApp({ store: failing, logger: silentLogger });
    const response = await broken.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ jurisdictions { id } }' }),
    });
    const body = await response.text();
    expect((JSON.parse(body) as { errors: { message: string }[] }).errors[0]!.message).toBe('Unexpected error.');
    expect(body).not.toMatch(/MATCH|Binder|\/tmp|stack|at /);
  });

  it('rejects a query nested deeper than the limit', async () => {
    const deep = `{ task(id: "sm-1-1") { ${'parent { '.repeat(14)}id${' }'.repeat(14)} } }`;
    const answer = await postGraphQL(app, deep);
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('rejects a query whose estimated cost is above the limit', async () => {
    const strict = createApp({ store: graph.store, logger: silentLogger, limits: { maxCost: 30 } });
    const answer = await postGraphQL(
      strict,
      `{ policies { tasks { id title agencies { name agency { id name } } implements { score } } } }`,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('stops a query that runs longer than the timeout', async () => {
    const slow: GraphStore = {
      ...graph.store,
      backend: 'kuzu',
      queryCount: 0,
      read: async (query, params) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return graph.store.read(query, params);
      },
    };
    const impatient = createApp({ store: slow, logger: silentLogger, limits: { timeoutMs: 50 } });
    const answer = await postGraphQL(impatient, `{ jurisdictions { id policies { id } } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
  });

  it('runs every query the explorer sends within the default limits, compiled answering as graphql-js does', async () => {
    const uncompiled = createApp({
      store: graph.store,
      logger: silentLogger,
      searchIndex: await buildSearchIndex(graph.store),
      compiledQueries: false,
    });
    const variables = {
      taskId: 'sm-1-1',
      id: 'N-PAY',
      nationalItemId: 'N-PAY',
      jurisdictionId: '350400',
      a: '350400',
      b: '510100',
      text: '医保',
      jurisdictionIds: ['350400'],
    };
    const documents = Object.entries(explorerQueries).filter(([, value]) => typeof value === 'string' && /^\s*query\b/.test(value));
    for (const [name, document] of documents) {
      // `$id` names a different kind of node in each detail query.
      const ids: Record<string, string> = { POLICY_DETAIL: 'p-sm', TASK_DETAIL: 'sm-1-1', JURISDICTION_DETAIL: '350400' };
      const asked = name in ids ? { ...variables, id: ids[name] } : variables;
      const answer = await postGraphQL(app, document as string, asked);
      expect(answer.errors ?? [], name).toEqual([]);
      expect(answer.data, name).toBeTruthy();
      expect(JSON.stringify(answer.data), name).toBe(JSON.stringify((await postGraphQL(uncompiled, document as string, asked)).data));
    }
  });
});

describe('HTTP', () => {
  it('serves GraphiQL to a browser at /graphql', async () => {
    const response = await app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GraphiQL');
  });

  it('allows only the configured origins', async () => {
    const preflight = (on: App) =>
      on.fetch('http://localhost/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://notebook.example', 'access-control-request-method': 'POST' },
      });
    const open = createApp({ store: graph.store, logger: silentLogger, cors: ['https://notebook.example'] });
    expect((await preflight(open)).headers.get('access-control-allow-origin')).toBe('https://notebook.example');
    expect((await preflight(app)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the built explorer with a fallback to index.html, and nothing outside its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reformgraph-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const withClient = createApp({ store: graph.store, logger: silentLogger, clientDir: dir });
    try {
      const root = await withClient.fetch('http://localhost/');
      expect(await root.text()).toContain('id="root"');
      const route = await withClient.fetch('http://localhost/compare/350400/510100', { headers: { accept: 'text/html' } });
      expect(await route.text()).toContain('id="root"');
      const script = await withClient.fetch('http://localhost/assets/app.js');
      expect(script.headers.get('content-type')).toContain('javascript');
      const escape = await withClient.fetch('http://localhost/assets/..%2F..%2F..%2Fetc%2Fpasswd');
      expect(await escape.text()).not.toContain('root:');
      expect((await withClient.fetch('http://localhost/missing.js')).status).toBe(404);
      const graphqlStill = await postGraphQL(withClient, '{ jurisdiction(id: "350400") { name } }');
      expect(graphqlStill.data).toEqual({ jurisdiction: { name: '三明市' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
