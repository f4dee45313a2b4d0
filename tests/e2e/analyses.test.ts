/**
 * The research-analysis views (adoption, instruments, text reuse, plan versions) in headless Chromium at a
 * laptop, a tablet and a phone size: what each page shows is checked against the API's own answers, the
 * page stays inside the screen, and screenshots go to tests/artifacts/analyses/.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Lang } from '../../client/src/i18n.js';
import { SCREENS, useExplorer, type Screen } from '../support/explorer-browser.js';

const ARTIFACTS = resolve('tests/artifacts/analyses');

const explorer = useExplorer({ artifacts: ARTIFACTS });
const { gql, openScreen: openPage } = explorer;

const shot = (page: Page, screen: Screen, name: string) => page.screenshot({ path: resolve(ARTIFACTS, `${name}-${screen.name}.png`) });

/** Nothing wider than the screen: the page itself never scrolls sideways (tables scroll in their own box). */
async function expectInsideScreen(page: Page, screen: Screen) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(screen.width);
}

/** Interface text of the page: Latin words in Chinese, Chinese or enum names in English. */
async function expectOneLanguage(page: Page, lang: Lang, chrome: string) {
  const shown = (await page.locator(chrome).allInnerTexts()).join('\n');
  expect(shown.length).toBeGreaterThan(0);
  if (lang === 'zh') {
    const english = [...shown.matchAll(/[A-Za-z]{3,}/g)].map((match) => match[0]).filter((word) => !['English', 'CSV'].includes(word));
    expect(english).toEqual([]);
  } else {
    expect(shown).not.toMatch(
      /\b(SUPPLY|ENVIRONMENT|DEMAND|RAISED|LOWERED|CHANGED|SAME|INSERTED|DELETED)\b|\b[A-Z]+_[A-Z_]+\b|[a-z]+-[a-z]+-[a-z]+/,
    );
    expect([...shown.matchAll(/[\u3400-\u9fff]+/g)].map((match) => match[0]).filter((word) => word !== '中文')).toEqual([]);
  }
}

interface Ref {
  id: string;
  name: string;
  nameEn: string;
}

const SEGMENTS = 'spanA { start end } spanB { start end } textA textB identity segments { kind textA textB }';

for (const screen of SCREENS) {
  describe(`analyses at ${screen.width}×${screen.height} (${screen.name})`, () => {
    it('draws one adoption curve per pillar, lists the adopters of a point, and links adoption.csv', async () => {
      const { adoption } = await gql<{
        adoption: { years: number[]; jurisdictions: Ref[]; pillarCurves: { key: string; adopters: string[][] }[] };
      }>('{ adoption { years jurisdictions { id name nameEn } pillarCurves { key adopters } } }');
      expect(adoption.pillarCurves.length).toBeGreaterThan(1);
      for (const lang of ['zh', 'en'] as const) {
        const { context, page } = await openPage(screen, lang);
        try {
          await page.goto(`${explorer.server.url}#/adoption`);
          await page.getByTestId('curve-chart').waitFor();
          expect(await page.getByTestId('curve').count()).toBe(adoption.pillarCurves.length);
          expect(await page.getByTestId('curve-point').count()).toBe(adoption.pillarCurves.length * adoption.years.length);
          // A point of the last year with adopters: its tooltip names exactly those jurisdictions.
          const curve = adoption.pillarCurves[0]!;
          const at = adoption.years.length - 1;
          const expected = (curve.adopters[at] ?? [])
            .map((id) => adoption.jurisdictions.find((j) => j.id === id)!)
            .map((j) => (lang === 'zh' ? j.name : j.nameEn));
          expect(expected.length).toBeGreaterThan(0);
          // Highlighting the curve from the legend draws it on top, so the pointer reaches its point.
          await page.locator(`.curve-legend button[data-key="${curve.key}"]`).click();
          await page.locator(`[data-testid=curve-point][data-key="${curve.key}"][data-year="${adoption.years[at]!}"]`).hover();
          const tooltip = page.getByTestId('curve-tooltip');
          await tooltip.waitFor();
          expect(await tooltip.getByTestId('tooltip-adopters').locator('li').allInnerTexts()).toEqual(expected);
          const box = await tooltip.boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= screen.width).toBe(true);
          await expectInsideScreen(page, screen);
          await expectOneLanguage(
            page,
            lang,
            '.view-toolbar h1, .view-toolbar a, .analysis-body .hint, .curve-chart text, .curve-legend, [data-testid=curve-tooltip]',
          );
          if (lang === 'zh') await shot(page, screen, 'adoption');
          // The download link answers with the event-history CSV.
          const href = await page.getByTestId('adoption-csv').getAttribute('href');
          const csv = await (await fetch(new URL(href!, explorer.server.url))).text();
          expect(csv.split('\n').length).toBeGreaterThan(adoption.jurisdictions.length);
        } finally {
          await context.close();
        }
      }
    });

    it('draws one adoption curve per national item once a pillar is chosen', async () => {
      const pillar = 'medical-security';
      const { adoption } = await gql<{ adoption: { itemCurves: { key: string; nationalItem: { titleZh: string } }[] } }>(
        `{ adoption(pillar: "${pillar}") { itemCurves { key nationalItem { titleZh } } } }`,
      );
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/adoption`);
        await page.getByTestId('curve-chart').waitFor();
        await page.getByTestId('adoption-pillar').selectOption(pillar);
        await page.waitForURL(/pillar=medical-security/);
        await expect.poll(() => page.getByTestId('curve').count(), { timeout: 20_000 }).toBe(adoption.itemCurves.length);
        const legend = await page.locator('.curve-legend button').allInnerTexts();
        expect(legend.map((text) => text.replace(/\s*\(\d+\)$/, '').trim())).toEqual(
          adoption.itemCurves.map((curve) => curve.nationalItem.titleZh),
        );
        await expectInsideScreen(page, screen);
        await shot(page, screen, 'adoption-pillar');
      } finally {
        await context.close();
      }
    });

    it("shows the instruments × reform areas matrix of a jurisdiction and lists a cell's tasks with the evidence marked", async () => {
      const { instrumentMatrix: matrix } = await gql<{
        instrumentMatrix: { subTypes: { id: string }[]; reformAreas: { id: string }[]; counts: number[][]; totals: number[] };
      }>('{ instrumentMatrix(jurisdictionId: "350400") { subTypes { id } reformAreas { id } counts totals } }');
      for (const lang of ['zh', 'en'] as const) {
        const { context, page } = await openPage(screen, lang);
        try {
          await page.goto(`${explorer.server.url}#/instruments?j=350400`);
          await page.getByTestId('instrument-cell').first().waitFor();
          const cells = await page
            .getByTestId('instrument-cell')
            .evaluateAll((buttons) =>
              buttons.map((button) => [button.getAttribute('data-sub-type'), button.getAttribute('data-pillar'), button.textContent]),
            );
          const expected = matrix.subTypes.flatMap((subType, row) => [
            ...matrix.reformAreas.map((area, column) => [subType.id, area.id, String(matrix.counts[row]![column])]),
            [subType.id, '*', String(matrix.totals[row])],
          ]);
          expect(cells).toEqual(expected);
          await expectInsideScreen(page, screen);
          await expectOneLanguage(page, lang, '.view-toolbar h1, .analysis-hint, thead, .pillar-row, tbody th.item-col');
          if (lang === 'en') continue;
          await shot(page, screen, 'instruments');
          // The fullest cell: its task list has as many tasks as the cell counts, each with its evidence words marked.
          let best = { row: 0, column: 0 };
          matrix.counts.forEach((counts, row) =>
            counts.forEach((count, column) => {
              if (count > matrix.counts[best.row]![best.column]!) best = { row, column };
            }),
          );
          const subType = matrix.subTypes[best.row]!.id;
          const pillar = matrix.reformAreas[best.column]!.id;
          await page.locator(`[data-testid=instrument-cell][data-sub-type="${subType}"][data-pillar="${pillar}"]`).click();
          const panel = page.getByTestId('instrument-cell-panel');
          await panel.getByTestId('instrument-task').first().waitFor();
          const rows = panel.getByTestId('instrument-task');
          expect(await rows.count()).toBe(matrix.counts[best.row]![best.column]);
          const first = rows.first();
          const taskId = await first.getAttribute('data-task-id');
          const { task } = await gql<{
            task: { instruments: { subType: string; evidence: { text: string }[] }[]; implements: { nationalItem: { pillar: string } }[] };
          }>(`query ($id: ID!) { task(id: $id) { instruments { subType evidence { text } } implements { nationalItem { pillar } } } }`, {
            id: taskId,
          });
          expect(task.implements.some((link) => link.nationalItem.pillar === pillar)).toBe(true);
          const evidence = task.instruments.find((use) => use.subType === subType)!.evidence.map((item) => item.text);
          const marked = await first.locator('mark').allInnerTexts();
          expect(marked.length).toBeGreaterThan(0);
          for (const words of evidence)
            expect(
              marked.some((text) => text.includes(words)),
              words,
            ).toBe(true);
          const panelBox = await panel.boundingBox();
          expect(panelBox && panelBox.x >= 0 && panelBox.x + panelBox.width <= screen.width + 0.5).toBe(true);
          await shot(page, screen, 'instruments-cell');
        } finally {
          await context.close();
        }
      }
    });

    it("shows a task's instrument codes and its best-aligned source passage in the detail panel", async () => {
      const { search } = await gql<{
        search: {
          id: string;
          bestAlignment: { taskShare: number; passage: { textA: string; textB: string } } | null;
          instruments: { subType: string }[];
        }[];
      }>(`{ search(text: "医保", limit: 20) { id bestAlignment { taskShare passage { textA textB } } instruments { subType } } }`);
      const task = search.find((found) => found.bestAlignment && found.instruments.length > 1);
      expect(task).toBeDefined();
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/search?q=${encodeURIComponent('医保')}&d=${encodeURIComponent(`Task:${task!.id}`)}`);
        const section = page.getByTestId('task-analyses');
        await section.waitFor();
        expect(
          await section
            .locator('[data-testid=instrument-uses] > li')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-sub-type'))),
        ).toEqual(task!.instruments.map((use) => use.subType));
        expect(await section.getByTestId('aligned-a').locator('p').innerText()).toBe(task!.bestAlignment!.passage.textA);
        expect(await section.getByTestId('aligned-b').locator('p').innerText()).toContain(task!.bestAlignment!.passage.textB);
        expect(await section.getByTestId('aligned-b').locator('mark').count()).toBeGreaterThan(0);
        const share = Number((await section.getByTestId('task-share').innerText()).replace('%', ''));
        expect(share).toBeCloseTo(task!.bestAlignment!.taskShare * 100, 0);
        await section.getByTestId('best-alignment').scrollIntoViewIfNeeded();
        await shot(page, screen, 'detail-analyses');
      } finally {
        await context.close();
      }
    });

    it("opens a task's best-aligned passage in compare", async () => {
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/compare?a=350400&b=141000`);
        const toggle = page.getByTestId('group-shared').getByTestId('alignment-toggle').first();
        await toggle.waitFor();
        const taskId = await toggle.evaluate(
          (button) => /d=Task%3A([^&]+)/.exec(button.closest('li')!.querySelector('a')!.getAttribute('href')!)![1]!,
        );
        const { task } = await gql<{ task: { bestAlignment: { passage: { textA: string } } | null } }>(
          'query ($id: ID!) { task(id: $id) { bestAlignment { passage { textA } } } }',
          { id: decodeURIComponent(taskId) },
        );
        await toggle.click();
        const cell = toggle.locator('xpath=..');
        if (task.bestAlignment) {
          await cell.getByTestId('aligned-a').waitFor();
          expect(await cell.getByTestId('aligned-a').locator('p').innerText()).toBe(task.bestAlignment.passage.textA);
        } else {
          await cell.getByTestId('no-alignment').waitFor();
        }
        await expectInsideScreen(page, screen);
        await shot(page, screen, 'compare-alignment');
      } finally {
        await context.close();
      }
    });

    it('aligns two documents with the reuse share of each and every passage marked', async () => {
      const { policies } = await gql<{ policies: { id: string }[] }>('{ policies { id } }');
      // The pair with the most aligned passages among the seed documents.
      let pair = { a: '', b: '', passages: -1 };
      for (const [index, a] of policies.entries()) {
        for (const b of policies.slice(index + 1)) {
          const { textReuse } = await gql<{ textReuse: { passages: unknown[] } }>(
            'query ($a: ID!, $b: ID!) { textReuse(policyA: $a, policyB: $b) { passages { score } } }',
            { a: a.id, b: b.id },
          );
          if (textReuse.passages.length > pair.passages) pair = { a: a.id, b: b.id, passages: textReuse.passages.length };
        }
      }
      expect(pair.passages).toBeGreaterThan(0);
      const { textReuse } = await gql<{ textReuse: { shareA: number; shareB: number; passages: { textA: string; textB: string }[] } }>(
        `query ($a: ID!, $b: ID!) { textReuse(policyA: $a, policyB: $b) { shareA shareB passages { ${SEGMENTS} } } }`,
        pair,
      );
      for (const lang of ['zh', 'en'] as const) {
        const { context, page } = await openPage(screen, lang);
        try {
          await page.goto(`${explorer.server.url}#/reuse?a=${encodeURIComponent(pair.a)}&b=${encodeURIComponent(pair.b)}`);
          await page.getByTestId('reuse-passage').first().waitFor();
          for (const [side, share] of [
            ['a', textReuse.shareA],
            ['b', textReuse.shareB],
          ] as const) {
            const shown = Number((await page.getByTestId(`reuse-share-${side}`).getByTestId('share-value').innerText()).replace('%', ''));
            expect(Math.abs(shown - share * 100)).toBeLessThanOrEqual(0.05);
          }
          const passages = page.getByTestId('reuse-passage');
          expect(await passages.count()).toBe(textReuse.passages.length);
          for (const [index, passage] of textReuse.passages.entries()) {
            expect(await passages.nth(index).getByTestId('aligned-a').locator('p').innerText()).toBe(passage.textA);
            expect(await passages.nth(index).getByTestId('aligned-b').locator('p').innerText()).toBe(passage.textB);
          }
          await expectInsideScreen(page, screen);
          await expectOneLanguage(
            page,
            lang,
            '.view-toolbar h1, .view-toolbar button, .reuse-share-head .muted, .analysis-body h2, .alignment-legend',
          );
          if (lang === 'zh') await shot(page, screen, 'reuse');
        } finally {
          await context.close();
        }
      }
    });

    it('sets plan versions side by side: items continued, added and dropped, targets changed', async () => {
      const { policies } = await gql<{ policies: { id: string; issuedOn: string | null }[] }>('{ policies { id issuedOn } }');
      const dated = policies.filter((policy) => policy.issuedOn).map((policy) => policy.id);
      const { planVersions } = await gql<{
        planVersions: {
          documents: { id: string }[];
          steps: { continued: { id: string }[]; added: { id: string }[]; dropped: { id: string }[]; targetChanges: { metric: string }[] }[];
        }[];
      }>(
        'query ($ids: [ID!]) { planVersions(policyIds: $ids) { documents { id } steps { continued { id } added { id } dropped { id } targetChanges { metric } } } }',
        { ids: dated },
      );
      const series = planVersions[0]!;
      expect(series.steps.length).toBeGreaterThan(0);
      for (const lang of ['zh', 'en'] as const) {
        const { context, page } = await openPage(screen, lang);
        try {
          await page.goto(`${explorer.server.url}#/versions?p=${dated.map(encodeURIComponent).join(',')}`);
          await page.getByTestId('plan-series').waitFor();
          expect(
            await page
              .locator('th[data-policy-id]')
              .evaluateAll((headers) => headers.map((header) => header.getAttribute('data-policy-id'))),
          ).toEqual(series.documents.map((document) => document.id));
          const summaries = page.getByTestId('step-summary');
          expect(await summaries.count()).toBe(series.steps.length);
          for (const [index, step] of series.steps.entries()) {
            const summary = summaries.nth(index);
            expect(await summary.getByTestId('count-continued').innerText()).toBe(String(step.continued.length));
            expect(await summary.getByTestId('count-added').innerText()).toBe(String(step.added.length));
            expect(await summary.getByTestId('count-dropped').innerText()).toBe(String(step.dropped.length));
          }
          // Each step's added and dropped items carry that mark in the later document's column.
          const last = series.steps.length;
          const step = series.steps[last - 1]!;
          for (const [items, presence] of [
            [step.added, 'added'],
            [step.dropped, 'dropped'],
            [step.continued, 'continued'],
          ] as const) {
            for (const item of items) {
              expect(
                await page.locator(`[data-testid=version-row][data-item-id="${item.id}"] td`).nth(last).getAttribute('data-presence'),
              ).toBe(presence);
            }
          }
          expect(await page.getByTestId('target-change').count()).toBe(
            series.steps.reduce((sum, each) => sum + each.targetChanges.length, 0),
          );
          await expectInsideScreen(page, screen);
          await expectOneLanguage(
            page,
            lang,
            '.view-toolbar h1, .view-toolbar .hint, thead th.item-col, .step-summary, .target-changes thead',
          );
          if (lang === 'zh') await shot(page, screen, 'versions');
        } finally {
          await context.close();
        }
      }
    });

    it('says when a jurisdiction has no series of plans and lets documents be picked instead', async () => {
      const { planVersions } = await gql<{ planVersions: unknown[] }>('{ planVersions(jurisdictionId: "350400") { documents { id } } }');
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/versions?j=350400`);
        if (planVersions.length === 0) {
          await page.getByTestId('no-series').waitFor();
          const boxes = page.getByTestId('pick-document');
          await boxes.nth(0).check();
          await boxes.nth(1).check();
          await page.getByTestId('compare-documents').click();
          await page.waitForURL(/p=/);
          await page.getByTestId('plan-series').waitFor();
        } else {
          await page.getByTestId('plan-series').first().waitFor();
        }
        expect(await page.getByTestId('plan-series').count()).toBeGreaterThan(0);
        await expectInsideScreen(page, screen);
      } finally {
        await context.close();
      }
    });
  });
}
