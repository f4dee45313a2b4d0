/**
 * The explorer on a laptop (1440×900), a tablet (1024×768) and a phone (390×844) in headless Chromium:
 * navigation readable, the matrix scrolling under frozen headers, the detail panel with its close button on
 * screen, compare readable. Screenshots of every view at every size go to tests/artifacts/screens/.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENS, useExplorer, type Screen } from '../support/explorer-browser.js';

const ARTIFACTS = resolve('tests/artifacts/screens');

const explorer = useExplorer({ artifacts: ARTIFACTS });
const { gql, openScreen: openPage } = explorer;

interface SourceTask {
  id: string;
  key: string;
  span: { start: number; end: number };
  jurisdiction: { name: string };
  parent: { key: string } | null;
  policy: { text: string; docNumber: string | null; issuedOn: string | null; sourceFile: string | null };
  implements: { evidence: { localText: string }[] }[];
}

const shot = (page: Page, screen: Screen, view: string) => page.screenshot({ path: resolve(ARTIFACTS, `${view}-${screen.name}.png`) });

/** The box of an element, which must exist. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
}

for (const screen of SCREENS) {
  describe(`at ${screen.width}×${screen.height} (${screen.name})`, () => {
    it('shows every navigation label whole and on screen', async () => {
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/coverage`);
        await page.getByTestId('coverage-cell').first().waitFor();
        const links = page.locator('header nav a');
        expect(await links.allInnerTexts()).toEqual([
          '覆盖矩阵',
          '溯源图',
          '对比',
          '检索',
          '采纳时间线',
          '政策工具',
          '文本复用',
          '版本对比',
        ]);
        for (const link of await links.all()) {
          // Whole: not cut, and on one line (the first round wrapped them to one character per line).
          const layout = await link.evaluate((element) => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
            return { lines, fits: element.scrollWidth <= element.clientWidth + 1 };
          });
          expect(layout, await link.innerText()).toEqual({ lines: 1, fits: true });
          const where = await link.boundingBox();
          expect(where && where.x >= 0 && where.x + where.width <= screen.width + 0.5).toBe(true);
        }
        const toggle = await box(page, '[data-testid=lang-toggle]');
        expect(toggle.x + toggle.width).toBeLessThanOrEqual(screen.width);
        await shot(page, screen, 'coverage');
      } finally {
        await context.close();
      }
    });

    it('scrolls the matrix under its frozen header row and item column', async () => {
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/coverage?j=350400,141000,512000,341324,340722`);
        await page.getByTestId('coverage-cell').first().waitFor();
        const headerBefore = await box(page, 'thead th[data-jurisdiction-id]');
        const itemBefore = await box(page, 'tbody th.item-col');
        await page.locator('.matrix-scroll').evaluate((element) => element.scrollBy(400, 600));
        const scrolled = await page.locator('.matrix-scroll').evaluate((element) => ({ top: element.scrollTop, left: element.scrollLeft }));
        expect(scrolled.top).toBeGreaterThan(0);
        const headerAfter = await box(page, 'thead .item-col');
        expect(headerAfter.y).toBeCloseTo(headerBefore.y, 0);
        const someItem = await box(page, 'tbody th.item-col');
        expect(someItem.x).toBeCloseTo(itemBefore.x, 0);
        // Every cell is reachable: the scroll area ends inside the screen.
        const area = await box(page, '.matrix-scroll');
        expect(area.x + area.width).toBeLessThanOrEqual(screen.width + 0.5);
        expect(area.y + area.height).toBeLessThanOrEqual(screen.height + 0.5);
        await shot(page, screen, 'coverage-scrolled');
      } finally {
        await context.close();
      }
    });

    it('opens a task as a panel whose close button is on screen and closes it', async () => {
      const { search } = await gql<{ search: { id: string }[] }>('{ search(text: "医保", limit: 1) { id } }');
      const taskId = search[0]?.id;
      expect(taskId).toBeDefined();
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/search?q=${encodeURIComponent('医保')}&d=${encodeURIComponent(`Task:${taskId!}`)}`);
        await page.getByTestId('task-detail').waitFor();
        const panel = await box(page, '[data-testid=detail-panel]');
        expect(panel.x + panel.width).toBeLessThanOrEqual(screen.width + 0.5);
        if (screen.name === 'phone') {
          // A full-screen sheet on a phone.
          expect(panel.x).toBeLessThanOrEqual(0.5);
          expect(panel.width).toBeGreaterThanOrEqual(screen.width - 0.5);
        }
        const close = page.getByTestId('detail-panel').getByRole('button', { name: '关闭' });
        const closeBox = await close.boundingBox();
        expect(
          closeBox &&
            closeBox.x >= 0 &&
            closeBox.x + closeBox.width <= screen.width &&
            closeBox.y >= 0 &&
            closeBox.y + closeBox.height <= screen.height,
        ).toBe(true);
        await shot(page, screen, 'detail-task');
        await close.click();
        await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
        expect(page.url()).not.toContain('d=');
      } finally {
        await context.close();
      }
    });

    it('shows compare with both sides readable', async () => {
      const { compare } = await gql<{ compare: { a: { name: string }; b: { name: string }; shared: unknown[] } }>(
        '{ compare(a: "350400", b: "141000") { a { name } b { name } shared { nationalItem { id } } } }',
      );
      expect(compare.shared.length).toBeGreaterThan(0);
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/compare?a=350400&b=141000`);
        const row = page.getByTestId('group-shared').getByTestId('compare-row').first();
        await row.waitFor();
        const sides = row.locator('td[data-side]');
        expect(await sides.count()).toBe(2);
        expect(await sides.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-side')))).toEqual([
          compare.a.name,
          compare.b.name,
        ]);
        for (const side of await sides.all()) {
          const where = await side.boundingBox();
          // Wide enough for a line of Chinese text (the first round drew one-character columns on a phone).
          expect(where?.width ?? 0).toBeGreaterThan(Math.min(300, screen.width * 0.3));
          expect((where?.x ?? -1) + (where?.width ?? 0)).toBeLessThanOrEqual(screen.width + 0.5);
        }
        await shot(page, screen, 'compare');
      } finally {
        await context.close();
      }
    });

    it('draws the lineage of a national item with its node list reachable', async () => {
      const { nationalItems } = await gql<{ nationalItems: { id: string; implementations: { id: string }[] }[] }>(
        '{ nationalItems { id implementations { id } } }',
      );
      const item = [...nationalItems].sort((a, b) => b.implementations.length - a.implementations.length)[0];
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/lineage/national/${encodeURIComponent(item?.id ?? '')}`);
        const count = page.getByTestId('graph-count');
        await count.waitFor();
        await expect.poll(async () => Number(await count.getAttribute('data-nodes')), { timeout: 20_000 }).toBeGreaterThan(1);
        const canvas = await box(page, '[data-testid=graph-canvas]');
        expect(canvas.width).toBeGreaterThan(screen.width * 0.5);
        expect(canvas.height).toBeGreaterThan(150);
        const list = await box(page, '.node-list');
        expect(list.x + list.width).toBeLessThanOrEqual(screen.width + 0.5);
        await page.waitForTimeout(500);
        await shot(page, screen, 'lineage-national');
      } finally {
        await context.close();
      }
    });

    it("shows a task's source beside the list: tables as tables, no tags, span and evidence marked, file and number, cite", async () => {
      const { search } = await gql<{ search: SourceTask[] }>(
        `{ search(text: "医保", jurisdictionId: "350400", limit: 50) {
            id key span { start end } jurisdiction { name } parent { key }
            policy { text docNumber issuedOn sourceFile }
            implements { evidence { localText } }
        } }`,
      );
      // A Sanming task whose span holds the converter's <p> tags and whose links carry evidence.
      const task = search.find(
        (candidate) =>
          candidate.policy.text.slice(candidate.span.start, candidate.span.end).includes('<p>') &&
          candidate.implements.some((link) => link.evidence.length > 0),
      );
      expect(task).toBeDefined();
      if (!task) return;
      const { context, page } = await openPage(screen);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: explorer.server.url });
      try {
        await page.goto(
          `${explorer.server.url}#/search?q=${encodeURIComponent('医保')}&j=350400&d=${encodeURIComponent(`Task:${task.id}`)}`,
        );
        const source = page.getByTestId('source-text');
        await source.waitFor();
        const text = await source.innerText();
        expect(text).not.toMatch(/<\/?p>/);
        expect(await source.locator('table.source-table').count()).toBeGreaterThan(0);
        const spanText = (
          await source.getByTestId('source-span').evaluateAll((marks) => marks.map((mark) => mark.textContent).join(''))
        ).replace(/\s+/g, '');
        expect(spanText).toBe(
          task.policy.text
            .slice(task.span.start, task.span.end)
            .replace(/<\/?p>/g, '')
            .replace(/\s+/g, ''),
        );
        expect(spanText).not.toContain('</p>');
        const evidenceWords = new Set(task.implements.flatMap((link) => link.evidence.map((evidence) => evidence.localText)));
        const marked = await source.locator('mark.evidence').allInnerTexts();
        expect(marked.length).toBeGreaterThan(0);
        for (const word of marked)
          expect(
            [...evidenceWords].some((evidence) => evidence.includes(word)),
            word,
          ).toBe(true);
        // The span is scrolled into the source box, and the box is on screen.
        const boxArea = await box(page, '[data-testid=source-text]');
        const firstMark = await box(page, '[data-testid=source-span]');
        expect(firstMark.y).toBeGreaterThanOrEqual(boxArea.y - 1);
        expect(firstMark.y).toBeLessThan(boxArea.y + boxArea.height);
        expect(boxArea.y).toBeLessThan(screen.height);
        if (screen.name !== 'phone') {
          // Split view: the results stay visible to the left of the source.
          const list = await box(page, '[data-testid=task-row]');
          expect(list.x + list.width).toBeLessThanOrEqual(boxArea.x);
        }
        const fileShown = await page.getByTestId('source-file').innerText();
        expect(fileShown).toBe(task.policy.sourceFile?.split(/[\\/]/).pop());
        expect(fileShown).not.toContain('/');
        expect(await page.getByTestId('doc-number').innerText()).toBe(task.policy.docNumber);
        await page.getByTestId('cite').click();
        await page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
        const cited = await page.evaluate(() => navigator.clipboard.readText());
        for (const part of [
          task.policy.docNumber ?? '',
          task.policy.issuedOn ?? '',
          task.jurisdiction.name,
          task.key,
          `${task.span.start}–${task.span.end}`,
        ])
          expect(cited).toContain(part);
        await shot(page, screen, 'detail-source');
      } finally {
        await context.close();
      }
    });

    it('speaks one language at a time: no English words in the Chinese interface, no enum names in the English one', async () => {
      const { search } = await gql<{ search: { id: string }[] }>('{ search(text: "医保", jurisdictionId: "350400", limit: 1) { id } }');
      const pages = [
        ['#/coverage', '[data-testid=coverage-cell]'],
        [`#/search?q=${encodeURIComponent('医保')}&d=${encodeURIComponent(`Task:${search[0]!.id}`)}`, '[data-testid=link-kind]'],
        ['#/compare?a=350400&b=141000', '[data-testid=compare-row]'],
        ['#/lineage/overview', '.legend-item'],
      ] as const;
      // Interface text only: bars, headings, legends, labels; document text may hold Latin (DRG, CT).
      const chrome =
        'header, .view-toolbar, .graph-toolbar, thead, .detail-head, .facts dt, .task-detail h3, [data-testid=link-kind], .provenance .chip, .task-list-head, .compare-summary, .group-row, .legend';
      for (const lang of ['zh', 'en'] as const) {
        const { context, page } = await openPage(screen, lang);
        try {
          for (const [hash, ready] of pages) {
            await page.goto(`${explorer.server.url}${hash}`);
            await page.locator(ready).first().waitFor({ timeout: 20_000 });
            // Document numbers are printed text (明医改组〔2024〕4号) and stay as printed.
            const texts = await page.locator(chrome).evaluateAll((elements) =>
              elements.map((element) => {
                const copy = element.cloneNode(true) as HTMLElement;
                copy.querySelectorAll('.doc-number').forEach((number) => number.remove());
                return copy.textContent;
              }),
            );
            const options = await page.locator('select option').allInnerTexts();
            const shown = [...texts, ...options].join('\n');
            if (lang === 'zh') {
              const english = [...shown.matchAll(/[A-Za-z]{3,}/g)]
                .map((match) => match[0])
                .filter((word) => !['English', 'CSV', 'PNG'].includes(word));
              expect(english, `${hash} (zh)`).toEqual([]);
            } else {
              // Enum names read as words ("Hrss", "MEDICAL_INSURANCE") and plurals after one ("1 Tasks").
              expect(shown, `${hash} (en)`).not.toMatch(/\bHrss\b|\b[A-Z]+_[A-Z_]+\b|\b1 Tasks\b|\bverbatim · cue|\b[a-z]+\+[a-z]+@\d/);
              // The language toggle names the other language in its own script.
              const chinese = [...shown.matchAll(/[\u3400-\u9fff]+/g)].map((match) => match[0]).filter((word) => word !== '中文');
              expect(chinese, `${hash} (en)`).toEqual([]);
            }
          }
        } finally {
          await context.close();
        }
      }
    });

    it('finds national items and agency types by English name, and says why nothing was found', async () => {
      const { nationalItems } = await gql<{
        nationalItems: { id: string; titleEn: string; pillarEn: string; implementations: { id: string }[] }[];
      }>('{ nationalItems { id titleEn pillarEn implementations { id } } }');
      const expectedItems = nationalItems.filter((item) => /\binsurance/i.test(`${item.titleEn} ${item.pillarEn}`));
      expect(expectedItems.length).toBeGreaterThan(0);
      const { context, page } = await openPage(screen, 'en');
      try {
        await page.goto(`${explorer.server.url}#/search`);
        await page.getByTestId('search-input').fill('insurance');
        await page.getByTestId('search-input').press('Enter');
        await page.getByTestId('english-matches').waitFor();
        const shownItems = await page
          .getByTestId('english-item')
          .evaluateAll((links) => links.map((link) => link.getAttribute('data-item-id')));
        expect([...shownItems].sort()).toEqual(expectedItems.map((item) => item.id).sort());
        expect(await page.getByTestId('english-type').allInnerTexts()).toContain('Medical insurance');
        const tasks = new Set(expectedItems.slice(0, 8).flatMap((item) => item.implementations.map((task) => task.id)));
        await page.getByTestId('task-row').first().waitFor();
        expect(await page.getByTestId('task-row').count()).toBe(tasks.size);
        await shot(page, screen, 'search-english');
        await page.getByTestId('search-input').fill('zebra');
        await page.getByTestId('search-input').press('Enter');
        expect(await page.getByTestId('nothing-found').innerText()).toContain('task texts are Chinese');
        await page.getByTestId('search-input').fill('麒麟瓜');
        await page.getByTestId('search-input').press('Enter');
        await expect.poll(() => page.getByTestId('nothing-found').innerText()).toContain('No task text contains');
      } finally {
        await context.close();
      }
    });

    it('draws an overview people can read: pillars against jurisdictions, expandable, labels apart, tooltips on hover', async () => {
      const { coverage } = await gql<{
        coverage: {
          nationalItems: { id: string; pillar: string; pillarZh: string }[];
          jurisdictions: { id: string }[];
          cells: { nationalItemId: string; jurisdictionId: string; taskCount: number }[];
        };
      }>('{ coverage { nationalItems { id pillar pillarZh } jurisdictions { id } cells { nationalItemId jurisdictionId taskCount } } }');
      const pillarOf = new Map(coverage.nationalItems.map((item) => [item.id, item.pillar]));
      const pillars = [...new Set(coverage.nationalItems.map((item) => item.pillar))];
      const pillarPairs = new Set(
        coverage.cells.filter((cell) => cell.taskCount > 0).map((cell) => `${pillarOf.get(cell.nationalItemId)!}|${cell.jurisdictionId}`),
      );
      const { context, page } = await openPage(screen);
      const drawn = async () => {
        const count = page.getByTestId('graph-count');
        await expect.poll(async () => (await count.getAttribute('data-counts')) ?? '{}', { timeout: 20_000 }).not.toBe('{}');
        return JSON.parse((await count.getAttribute('data-counts')) ?? '{}') as Record<string, number>;
      };
      /** Label boxes that intersect, measured on the drawn graph itself. */
      const overlaps = () =>
        page.getByTestId('graph-canvas').evaluate((element) => {
          const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
          const boxes = cy.nodes().map((node) => node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }));
          let found = 0;
          for (let i = 0; i < boxes.length; i += 1)
            for (let j = i + 1; j < boxes.length; j += 1) {
              const a = boxes[i];
              const b = boxes[j];
              if (a && b && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found += 1;
            }
          return found;
        });
      try {
        await page.goto(`${explorer.server.url}#/lineage/overview`);
        const collapsed = await drawn();
        expect(collapsed.NationalItem).toBe(pillars.length);
        expect(collapsed.Jurisdiction).toBe(coverage.jurisdictions.length);
        expect(collapsed.IMPLEMENTS).toBe(pillarPairs.size);
        expect(collapsed.Task ?? 0).toBe(0);
        await page.waitForTimeout(300);
        expect(await overlaps()).toBe(0);
        // Hover a pillar: its full name and counts.
        const pillar = pillars[0] ?? '';
        const where = await page.getByTestId('graph-canvas').evaluate((element, id) => {
          const cy = (element as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
          return cy.getElementById(`NationalItem:pillar:${id}`).renderedPosition();
        }, pillar);
        const canvas = await page.getByTestId('graph-canvas').boundingBox();
        await page.mouse.move((canvas?.x ?? 0) + where.x, (canvas?.y ?? 0) + where.y);
        const pillarZh = coverage.nationalItems.find((item) => item.pillar === pillar)?.pillarZh ?? pillar;
        await expect
          .poll(() =>
            page
              .getByTestId('graph-tooltip')
              .innerText()
              .catch(() => ''),
          )
          .toContain(pillarZh);
        await shot(page, screen, 'overview');
        // Open the pillar from the node list: its items appear, still apart.
        await page.locator(`.node-list button[data-node-id="NationalItem:pillar:${pillar}"]`).click();
        await expect.poll(() => page.url()).toContain('open=');
        const items = coverage.nationalItems.filter((item) => item.pillar === pillar).length;
        await expect.poll(async () => (await drawn()).NationalItem).toBe(pillars.length + items);
        await page.waitForTimeout(300);
        expect(await overlaps()).toBe(0);
        await shot(page, screen, 'overview-expanded');
      } finally {
        await context.close();
      }
    });

    it('searches and lists results inside the screen', async () => {
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/search?q=${encodeURIComponent('医保支付')}`);
        await page.getByTestId('task-row').first().waitFor();
        const row = await box(page, '[data-testid=task-row]');
        expect(row.x + row.width).toBeLessThanOrEqual(screen.width + 0.5);
        await shot(page, screen, 'search');
      } finally {
        await context.close();
      }
    });
  });
}
