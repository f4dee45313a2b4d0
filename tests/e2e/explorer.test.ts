/**
 * Browser tests of the explorer: real headless Chromium (Debian `chromium`, driven by playwright-core)
 * against the real app on a free port over a temporary Kuzu store seeded from seeds/. Expected values are
 * fetched from the GraphQL API in the test, so the views are checked against the API they draw.
 * Screenshots of each view go to tests/artifacts/ (gitignored).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_JURISDICTIONS, useExplorer } from '../support/explorer-browser.js';

const ARTIFACTS = resolve('tests/artifacts');

const explorer = useExplorer({ artifacts: ARTIFACTS });
const { gql } = explorer;
let page: Page;

async function open(hash: string): Promise<void> {
  await page.goto(`${explorer.server.url}${hash}`);
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
}

/** Per-label and per-type counts of what Cytoscape holds, once the graph has drawn something. */
async function drawnCounts(): Promise<Record<string, number>> {
  const count = page.getByTestId('graph-count');
  await expectAttribute(count, 'data-counts', (value) => value !== '{}');
  return JSON.parse((await count.getAttribute('data-counts')) ?? '{}') as Record<string, number>;
}

async function expectAttribute(locator: ReturnType<Page['getByTestId']>, name: string, ok: (value: string) => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await locator.getAttribute(name).catch(() => null);
    if (value !== null && ok(value)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`attribute ${name} never became as expected`);
}

interface CoverageAnswer {
  coverage: {
    nationalItems: { id: string }[];
    jurisdictions: { id: string; name: string; nameEn: string }[];
    cells: { nationalItemId: string; jurisdictionId: string; taskCount: number; taskIds: string[]; status?: string }[];
  };
}

beforeAll(async () => {
  const context = await explorer.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.addInitScript(() => window.localStorage.setItem('reformgraph.lang', 'zh'));
  page = await context.newPage();
});

describe('coverage view', () => {
  it('draws one cell per national item and seed jurisdiction with the API counts, gaps marked', async () => {
    const { coverage } = await gql<CoverageAnswer>(
      'query($ids: [ID!]) { coverage(jurisdictionIds: $ids) { nationalItems { id } jurisdictions { id name nameEn } cells { nationalItemId jurisdictionId taskCount taskIds status } } }',
      { ids: SEED_JURISDICTIONS },
    );
    await open('#/coverage');
    const cells = page.getByTestId('coverage-cell');
    await cells.first().waitFor();
    expect(await cells.count()).toBe(coverage.nationalItems.length * SEED_JURISDICTIONS.length);
    const headers = await page
      .locator('thead th[data-jurisdiction-id]')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-jurisdiction-id')));
    expect(headers).toEqual(SEED_JURISDICTIONS);
    for (const jurisdictionId of SEED_JURISDICTIONS) {
      const gaps = coverage.cells.filter((cell) => cell.jurisdictionId === jurisdictionId && cell.status === 'GAP').length;
      const shownGaps = await page.locator(`td.gap [data-jurisdiction-id="${jurisdictionId}"]`).count();
      expect(shownGaps, `gaps of ${jurisdictionId}`).toBe(gaps);
    }
    await screenshot('coverage');
  });

  it('lists exactly the tasks of the clicked cell', async () => {
    const { coverage } = await gql<CoverageAnswer>(
      'query($ids: [ID!]) { coverage(jurisdictionIds: $ids) { nationalItems { id } jurisdictions { id name nameEn } cells { nationalItemId jurisdictionId taskCount taskIds } } }',
      { ids: SEED_JURISDICTIONS },
    );
    const busiest = [...coverage.cells].sort((a, b) => b.taskCount - a.taskCount)[0];
    expect(busiest?.taskCount).toBeGreaterThan(1);
    if (!busiest) return;
    await open('#/coverage');
    await page
      .locator(`[data-testid=coverage-cell][data-item-id="${busiest.nationalItemId}"][data-jurisdiction-id="${busiest.jurisdictionId}"]`)
      .click();
    const rows = page.getByTestId('cell-panel').getByTestId('task-row');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-task-id')));
    expect([...shown].sort()).toEqual([...busiest.taskIds].sort());
    expect(page.url()).toContain(`item=${encodeURIComponent(busiest.nationalItemId)}`);
    await screenshot('coverage-cell');
  });

  it('opens a cell from the keyboard', async () => {
    await open('#/coverage');
    const cell = page.getByTestId('coverage-cell').first();
    await cell.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('cell-panel').waitFor();
  });

  it('shows English names of jurisdictions after the language toggle', async () => {
    const { coverage } = await gql<CoverageAnswer>(
      '{ coverage(jurisdictionIds: ["350400"]) { nationalItems { id } jurisdictions { id name nameEn } cells { nationalItemId jurisdictionId taskCount taskIds } } }',
    );
    const sanming = coverage.jurisdictions[0];
    await open('#/coverage?j=350400');
    await page.getByTestId('coverage-cell').first().waitFor();
    expect(await page.locator('thead th[data-jurisdiction-id="350400"]').innerText()).toContain(sanming?.name);
    await page.getByTestId('lang-toggle').click();
    expect(await page.locator('thead th[data-jurisdiction-id="350400"]').innerText()).toContain(sanming?.nameEn);
    await page.getByTestId('lang-toggle').click();
  });

  it('exports the matrix as CSV with a header and one line per national item', async () => {
    const { coverage } = await gql<CoverageAnswer>(
      '{ coverage(jurisdictionIds: ["350400", "141000"]) { nationalItems { id } jurisdictions { id name nameEn } cells { nationalItemId jurisdictionId taskCount taskIds } } }',
    );
    await open('#/coverage?j=350400,141000');
    await page.getByTestId('coverage-cell').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toContain('nationalItemId');
    expect(lines).toHaveLength(coverage.nationalItems.length + 1);
  });
});

describe('lineage view', () => {
  it('draws a national item with every implementing task, their policies and jurisdictions', async () => {
    const { nationalItems } = await gql<{
      nationalItems: { id: string; implementations: { id: string; policy: { id: string }; jurisdiction: { id: string } }[] }[];
    }>('{ nationalItems { id implementations { id policy { id } jurisdiction { id } } } }');
    const item = [...nationalItems].sort((a, b) => b.implementations.length - a.implementations.length)[0];
    expect(item?.implementations.length).toBeGreaterThan(2);
    if (!item) return;
    await open(`#/lineage/national/${encodeURIComponent(item.id)}`);
    const counts = await drawnCounts();
    expect(counts.NationalItem).toBe(1);
    expect(counts.IMPLEMENTS).toBe(item.implementations.length);
    expect(counts.Policy).toBe(new Set(item.implementations.map((task) => task.policy.id)).size);
    expect(counts.Jurisdiction).toBe(new Set(item.implementations.map((task) => task.jurisdiction.id)).size);
    // Implementing tasks plus the sections or items they sit under.
    expect(counts.Task).toBeGreaterThanOrEqual(item.implementations.length);
    await page.waitForTimeout(600);
    await screenshot('lineage-national');
  });

  it('draws a task up to the national items and parent-document tasks of its lineage', async () => {
    const { nationalItems } = await gql<{ nationalItems: { implementations: { id: string }[] }[] }>(
      '{ nationalItems { implementations { id } } }',
    );
    const taskId = nationalItems.flatMap((item) => item.implementations)[0]?.id;
    expect(taskId).toBeDefined();
    if (!taskId) return;
    const { lineage } = await gql<{
      lineage: { links: { fromTaskId: string; toTaskId: string | null; toNationalItemId: string | null }[] };
    }>('query($id: ID!) { lineage(taskId: $id) { links { fromTaskId toTaskId toNationalItemId } } }', { id: taskId });
    const toItems = new Set(
      lineage.links.filter((link) => link.toNationalItemId).map((link) => `${link.fromTaskId}>${link.toNationalItemId!}`),
    );
    const toTasks = new Set(lineage.links.filter((link) => link.toTaskId).map((link) => `${link.fromTaskId}>${link.toTaskId!}`));
    await open(`#/lineage/task/${encodeURIComponent(taskId)}`);
    const counts = await drawnCounts();
    expect(counts.IMPLEMENTS ?? 0).toBe(toItems.size);
    expect(counts.DERIVES_FROM ?? 0).toBe(toTasks.size);
    await screenshot('lineage-task');
  });

  it('expands a task from the node list with + and collapses it with -', async () => {
    const { nationalItems } = await gql<{
      nationalItems: { id: string; implementations: { id: string; agencies: { name: string }[] }[] }[];
    }>('{ nationalItems { id implementations { id agencies { name } } } }');
    const item = nationalItems.find((candidate) => candidate.implementations.some((task) => task.agencies.length > 0));
    const task = item?.implementations.find((candidate) => candidate.agencies.length > 0);
    expect(task).toBeDefined();
    if (!item || !task) return;
    await open(`#/lineage/national/${encodeURIComponent(item.id)}`);
    const before = await drawnCounts();
    expect(before.RESPONSIBLE ?? 0).toBe(0);
    // The node list is the keyboard route to a node: "+" expands it, "-" collapses it.
    const taskButton = page.locator(`.node-list button[data-node-id="Task:${task.id}"]`);
    await taskButton.focus();
    await page.keyboard.press('+');
    await expectAttribute(
      page.getByTestId('graph-count'),
      'data-counts',
      (value) => ((JSON.parse(value) as Record<string, number>).RESPONSIBLE ?? 0) > 0,
    );
    await taskButton.focus();
    await page.keyboard.press('-');
    await expectAttribute(page.getByTestId('graph-count'), 'data-counts', (value) => value === JSON.stringify(before));
  });

  it('draws the same elements with the WebGL renderer used for large graphs', async () => {
    await open('#/lineage/overview?renderer=canvas');
    const onCanvas = await drawnCounts();
    await open('#/lineage/overview?renderer=webgl');
    await expectAttribute(page.getByTestId('graph-count'), 'data-renderer', (value) => value === 'webgl');
    const onWebgl = await drawnCounts();
    expect(onWebgl).toEqual(onCanvas);
    await screenshot('lineage-overview-webgl');
  });

  it('exports the graph as a PNG image', async () => {
    await open('#/lineage/overview');
    await drawnCounts();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /PNG/ }).click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await screenshot('lineage-overview');
  });
});

describe('compare view', () => {
  it('shows both jurisdictions in two columns with the API shared and one-sided items', async () => {
    const { compare } = await gql<{
      compare: { a: { name: string }; b: { name: string }; shared: { nationalItem: { id: string } }[]; onlyA: unknown[]; onlyB: unknown[] };
    }>(
      '{ compare(a: "350400", b: "141000") { a { name } b { name } shared { nationalItem { id } } onlyA { nationalItem { id } } onlyB { nationalItem { id } } } }',
    );
    await open('#/compare?a=350400&b=141000');
    await page.getByTestId('compare-table').waitFor();
    expect(await page.getByTestId('column-a').innerText()).toBe(compare.a.name);
    expect(await page.getByTestId('column-b').innerText()).toBe(compare.b.name);
    expect(await page.getByTestId('group-shared').getByTestId('compare-row').count()).toBe(compare.shared.length);
    expect(await page.getByTestId('group-only-a').getByTestId('compare-row').count()).toBe(compare.onlyA.length);
    expect(await page.getByTestId('group-only-b').getByTestId('compare-row').count()).toBe(compare.onlyB.length);
    const sharedIds = await page
      .getByTestId('group-shared')
      .getByTestId('compare-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')));
    expect(sharedIds.sort()).toEqual(compare.shared.map((row) => row.nationalItem.id).sort());
    await screenshot('compare');
  });

  it('draws both sides on one preset layout that is the same on every visit', async () => {
    await open('#/compare?a=350400&b=141000&tab=graph');
    await drawnCounts();
    await page.waitForTimeout(300);
    const first = await page.getByTestId('graph-canvas').screenshot();
    await screenshot('compare-graph');
    await open('#/compare?a=350400&b=141000&tab=graph');
    await drawnCounts();
    await page.waitForTimeout(300);
    const second = await page.getByTestId('graph-canvas').screenshot();
    expect(second.equals(first)).toBe(true);
  });
});

describe('search view', () => {
  it('highlights the query in the snippets of the results', async () => {
    const query = '医保支付';
    const { search } = await gql<{ search: { id: string }[] }>('query($q: String!) { search(text: $q, limit: 100) { id } }', { q: query });
    expect(search.length).toBeGreaterThan(0);
    await open('#/search');
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('search-results').waitFor();
    expect(await page.getByTestId('task-row').count()).toBe(search.length);
    const marks = await page.locator('[data-testid=snippet] mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks).toContain(query);
    expect(page.url()).toContain(`q=${encodeURIComponent(query)}`);
    await screenshot('search');
  });

  it('shows markup in document text as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>粗体</b>';
    await page.route('**/graphql', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { data?: { search?: { title: string; snippet: string | null }[] } };
      for (const task of body.data?.search ?? []) {
        task.title = `${hostile}${task.title}`;
        task.snippet = `${hostile}«医改»`;
      }
      await route.fulfill({ response, json: body });
    });
    try {
      await open('#/search?q=医改');
      await page.getByTestId('search-results').waitFor();
      const snippet = page.getByTestId('snippet').first();
      expect(await snippet.innerText()).toContain('<b>粗体</b>');
      expect(await page.locator('[data-testid=search-results] b, [data-testid=search-results] img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await page.unroute('**/graphql');
    }
  });
});

describe('detail panel', () => {
  it("marks the task's span in its policy's source text", async () => {
    const { search } = await gql<{ search: { id: string; span: { start: number; end: number }; policy: { text: string } }[] }>(
      '{ search(text: "医保", limit: 1) { id span { start end } policy { text } } }',
    );
    const task = search[0];
    expect(task).toBeDefined();
    if (!task) return;
    await open(`#/search?q=${encodeURIComponent('医保')}&d=${encodeURIComponent(`Task:${task.id}`)}`);
    const span = page.getByTestId('source-span');
    await span.first().waitFor();
    // The span may cross table cells and paragraph tags, which are laid out, not shown.
    const shown = (await span.evaluateAll((marks) => marks.map((mark) => mark.textContent).join(''))).replace(/\s+/g, '');
    expect(shown).toBe(
      task.policy.text
        .slice(task.span.start, task.span.end)
        .replace(/<\/?p>/g, '')
        .replace(/\s+/g, ''),
    );
    await screenshot('detail-task');
  });
});

describe('Chinese text', () => {
  it('renders with real CJK glyphs, not boxes', async () => {
    await open('#/coverage');
    await page.getByTestId('coverage-cell').first().waitFor();
    const result = await page.evaluate(() => {
      const font = `32px ${getComputedStyle(document.querySelector('h1') as Element).fontFamily}`;
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.font = font;
        context.fillText(text, 4, 36);
        return canvas.toDataURL();
      };
      // U+10FFFD is a private-use code point no font has: it draws as the missing-glyph box.
      const missing = draw('\u{10FFFD}');
      return { yi: draw('医'), gai: draw('改'), missing, blank: draw('') };
    });
    expect(result.yi).not.toBe(result.gai);
    expect(result.yi).not.toBe(result.missing);
    expect(result.gai).not.toBe(result.missing);
    expect(result.yi).not.toBe(result.blank);
  });
});

describe('GraphiQL', () => {
  it('runs a query with every request outside this server blocked', async () => {
    const context = await explorer.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === new URL(explorer.server.url).origin || url.protocol === 'data:' || url.protocol === 'blob:')
        return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    const graphiql = await context.newPage();
    try {
      await graphiql.goto(new URL('graphql', explorer.server.url).href);
      await graphiql.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
      // The examples hold several operations: run the first, Search.
      await graphiql.locator('.graphiql-execute-button').click();
      const menu = graphiql.getByRole('menuitem', { name: 'Search' });
      if (await menu.isVisible().catch(() => false)) await menu.click();
      await expect.poll(async () => graphiql.locator('.graphiql-response').innerText(), { timeout: 30_000 }).toContain('"search"');
      await graphiql.screenshot({ path: resolve(ARTIFACTS, 'graphiql.png') });
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
