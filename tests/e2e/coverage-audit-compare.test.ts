/**
 * Time, provenance and the gap audit in the coverage matrix, and compare showing its differences, in headless
 * Chromium at 1440×900, 1024×768 and 390×844, checked against the API's own answers. The server accepts
 * curations (on a copy of seeds/), so a candidate accepted in a gap's audit must turn the cell covered at once.
 * Screenshots go to tests/artifacts/screens/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENS, SEED_JURISDICTIONS, useExplorer, type Screen } from '../support/explorer-browser.js';

const ARTIFACTS = resolve('tests/artifacts/screens');
const TOKEN = 'e2e-write-token-0123456789';

const explorer = useExplorer({ artifacts: ARTIFACTS, writeToken: TOKEN });
const { gql, openScreen: openPage } = explorer;

const shot = (page: Page, screen: Screen, view: string) => page.screenshot({ path: resolve(ARTIFACTS, `${view}-${screen.name}.png`) });

interface CoverageAnswer {
  coverage: {
    columns: { jurisdiction: { id: string }; documents: { id: string; docNumber: string | null; status: string }[] }[];
    cells: { nationalItemId: string; jurisdictionId: string; taskCount: number; status: 'COVERED' | 'POSSIBLE' | 'GAP' | 'NO_DOCUMENT' }[];
  };
}

const coverageOf = (period?: { from?: number; to?: number }) =>
  gql<CoverageAnswer>(
    `query($ids: [ID!], $period: PeriodInput) { coverage(jurisdictionIds: $ids, period: $period) {
      columns { jurisdiction { id } documents { id docNumber status } }
      cells { nationalItemId jurisdictionId taskCount status } } }`,
    { ids: SEED_JURISDICTIONS, ...(period ? { period } : {}) },
  );

async function shownStatuses(page: Page): Promise<Record<string, string | null>> {
  return Object.fromEntries(
    await page
      .getByTestId('coverage-cell')
      .evaluateAll((cells) =>
        cells.map((cell) => [
          `${String(cell.getAttribute('data-item-id'))}|${String(cell.getAttribute('data-jurisdiction-id'))}`,
          cell.getAttribute('data-status'),
        ]),
      ),
  );
}

interface AuditAnswer {
  gapAudit: {
    status: string;
    candidates: { task: { id: string }; score: number; namesReform: boolean; evidence: { localText: string }[] }[];
    keywordHits: { task: { id: string } }[];
  };
}

/**
 * An empty cell of the seed jurisdictions whose audit has candidates, one of them naming the item's reform: a
 * possible one first, as a reader meets them.
 */
async function auditedGap(): Promise<{ nationalItemId: string; jurisdictionId: string; status: string; audit: AuditAnswer['gapAudit'] }> {
  const { coverage } = await coverageOf();
  const empty = ['POSSIBLE', 'GAP'].flatMap((status) => coverage.cells.filter((candidate) => candidate.status === status));
  for (const cell of empty) {
    const { gapAudit } = await gql<AuditAnswer>(
      `query($item: ID!, $j: ID!) { gapAudit(nationalItemId: $item, jurisdictionId: $j) {
        status candidates { task { id } score namesReform evidence { localText } } keywordHits { task { id } } } }`,
      { item: cell.nationalItemId, j: cell.jurisdictionId },
    );
    if (gapAudit.candidates.some((candidate) => candidate.namesReform))
      return { nationalItemId: cell.nationalItemId, jurisdictionId: cell.jurisdictionId, status: cell.status, audit: gapAudit };
  }
  throw new Error('no gap of the seeds has a candidate naming its reform');
}

for (const screen of SCREENS) {
  describe(`coverage at ${screen.width}×${screen.height} (${screen.name})`, () => {
    it('names the documents of every column and tells cells without a document from gaps, in the legend too', async () => {
      const { coverage } = await coverageOf();
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/coverage`);
        await page.getByTestId('coverage-cell').first().waitFor();
        for (const column of coverage.columns) {
          const shown = await page
            .locator(`thead th[data-jurisdiction-id="${column.jurisdiction.id}"] [data-testid=column-document]`)
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-policy-id')));
          expect(shown, column.jurisdiction.id).toEqual(column.documents.map((document) => document.id));
          const texts = await page
            .locator(`thead th[data-jurisdiction-id="${column.jurisdiction.id}"] [data-testid=column-document]`)
            .allInnerTexts();
          column.documents.forEach((document, index) => {
            if (document.docNumber) expect(texts[index]).toContain(document.docNumber);
            expect(texts[index]).toContain(document.status === 'draft' ? '征求意见稿' : '正式文件');
          });
        }
        expect(await shownStatuses(page)).toEqual(
          Object.fromEntries(coverage.cells.map((cell) => [`${cell.nationalItemId}|${cell.jurisdictionId}`, cell.status])),
        );
        const legend = await page.getByTestId('coverage-legend').innerText();
        expect(legend).toContain('缺口');
        expect(legend).toContain('无文件');
        await shot(page, screen, 'coverage-documents');
      } finally {
        await context.close();
      }
    });

    it('filters by period: the cells and columns of the API for those years, no-document cells drawn apart', async () => {
      const period = { from: 2024, to: 2024 };
      const { coverage } = await coverageOf(period);
      const noDocument = coverage.cells.filter((cell) => cell.status === 'NO_DOCUMENT');
      const gap = coverage.cells.find((cell) => cell.status === 'GAP');
      expect(noDocument.length).toBeGreaterThan(0);
      expect(gap).toBeDefined();
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/coverage`);
        await page.getByTestId('coverage-cell').first().waitFor();
        await page.getByTestId('period-from').fill('2024');
        await page.getByTestId('period-to').fill('2024');
        await page.getByTestId('period-filter').getByRole('button').click();
        await expect.poll(() => page.url()).toContain('from=2024');
        const expected = Object.fromEntries(coverage.cells.map((cell) => [`${cell.nationalItemId}|${cell.jurisdictionId}`, cell.status]));
        await expect.poll(() => shownStatuses(page), { timeout: 10_000 }).toEqual(expected);
        const first = noDocument[0];
        const look = (selector: string) =>
          page
            .locator(selector)
            .first()
            .evaluate((element) => [getComputedStyle(element).backgroundImage, getComputedStyle(element).color].join(' '));
        const noDocumentLook = await look(
          `[data-testid=coverage-cell][data-item-id="${first!.nationalItemId}"][data-jurisdiction-id="${first!.jurisdictionId}"]`,
        );
        const gapLook = await look(
          `[data-testid=coverage-cell][data-item-id="${gap!.nationalItemId}"][data-jurisdiction-id="${gap!.jurisdictionId}"]`,
        );
        expect(noDocumentLook).not.toBe(gapLook);
        expect(
          await page
            .locator(
              `[data-testid=coverage-cell][data-item-id="${first!.nationalItemId}"][data-jurisdiction-id="${first!.jurisdictionId}"]`,
            )
            .innerText(),
        ).toBe('无文件');
        await shot(page, screen, 'coverage-period');
      } finally {
        await context.close();
      }
    });

    it("opens a gap's audit with the API's candidates, scores and keyword hits", async () => {
      const gap = await auditedGap();
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/coverage?item=${encodeURIComponent(gap.nationalItemId)}&in=${gap.jurisdictionId}`);
        const audit = page.getByTestId('gap-audit');
        await audit.waitFor();
        expect(await audit.getAttribute('data-status')).toBe(gap.status);
        const candidates = audit.getByTestId('gap-candidate');
        expect(await candidates.evaluateAll((items) => items.map((item) => item.getAttribute('data-task-id')))).toEqual(
          gap.audit.candidates.map((candidate) => candidate.task.id),
        );
        const firstText = await candidates.first().innerText();
        expect(firstText).toContain(gap.audit.candidates[0]?.score.toFixed(2));
        for (const evidence of gap.audit.candidates[0]?.evidence ?? []) expect(firstText).toContain(evidence.localText);
        expect(await audit.getByTestId('keyword-hit').count()).toBe(gap.audit.keywordHits.length);
        expect(await audit.getByTestId('names-reform').count()).toBe(
          gap.audit.candidates.filter((candidate) => candidate.namesReform).length,
        );
        const close = page.getByTestId('cell-panel').getByRole('button', { name: '关闭' });
        const where = await close.boundingBox();
        expect(where && where.x >= 0 && where.x + where.width <= screen.width && where.y >= 0).toBe(true);
        await shot(page, screen, 'coverage-gap-audit');
      } finally {
        await context.close();
      }
    });
  });

  describe(`compare at ${screen.width}×${screen.height} (${screen.name})`, () => {
    interface CompareAnswer {
      compare: {
        a: { name: string };
        b: { name: string };
        documentsA: { id: string }[];
        documentsB: { id: string }[];
        unlinkedA: { id: string }[];
        unlinkedB: { id: string }[];
        shared: {
          nationalItem: { id: string };
          tasksA: {
            id: string;
            title: string;
            targets: { id: string; metric: string | null }[];
            implements: { nationalItem: { id: string }; score: number }[];
          }[];
          tasksB: {
            id: string;
            title: string;
            targets: { id: string; metric: string | null }[];
            implements: { nationalItem: { id: string }; score: number }[];
          }[];
          linksA: { targets: { id: string; metric: string | null }[] }[];
          linksB: { targets: { id: string; metric: string | null }[] }[];
        }[];
      };
    }
    const side = `id title targets { id metric } implements { nationalItem { id } score }`;

    it('names both sides with their documents, aligns targets by metric, diffs the wordings and lists local innovations apart', async () => {
      const { compare } = await gql<CompareAnswer>(
        `{ compare(a: "340722", b: "141000") { a { name } b { name } documentsA { id } documentsB { id } unlinkedA { id } unlinkedB { id }
           shared { nationalItem { id } tasksA { ${side} } tasksB { ${side} } linksA { targets { id metric } } linksB { targets { id metric } } } } }`,
      );
      const { context, page } = await openPage(screen);
      try {
        await page.goto(`${explorer.server.url}#/compare?a=340722&b=141000`);
        await page.getByTestId('compare-table').waitFor();
        const docs = (testId: string) =>
          page
            .getByTestId(testId)
            .getByTestId('column-document')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-policy-id')));
        expect(await docs('side-documents-a')).toEqual(compare.documentsA.map((document) => document.id));
        expect(await docs('side-documents-b')).toEqual(compare.documentsB.map((document) => document.id));
        expect(await page.getByTestId('side-documents-a').innerText()).toContain(compare.a.name);
        // Targets: every quantified target a link of a shared item bears on (a task taking up several reforms
        // states each one's figures), on exactly one row, some side by side.
        const quantified = compare.shared.flatMap((row) =>
          [...row.linksA, ...row.linksB].flatMap((link) => link.targets.filter((target) => target.metric).map((target) => target.id)),
        );
        const ofTasks = compare.shared.flatMap((row) => [...row.tasksA, ...row.tasksB].flatMap((task) => task.targets));
        expect(quantified.length).toBeLessThan(ofTasks.filter((target) => target.metric).length);
        const shownTargets = (
          await page.getByTestId('target-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-target-ids') ?? ''))
        ).flatMap((ids) => ids.split(' '));
        expect([...shownTargets].sort()).toEqual([...quantified].sort());
        expect(await page.locator('[data-testid=target-row][data-paired=true]').count()).toBeGreaterThan(0);
        // One wording diff per shared item with tasks on both sides (a document's title may cover an item as a whole).
        const withTasks = compare.shared.filter((shared) => shared.tasksA.length > 0 && shared.tasksB.length > 0);
        const diffs = page.getByTestId('wording-diff');
        expect(withTasks.length).toBeGreaterThan(0);
        expect(await diffs.count()).toBe(withTasks.length);
        const row = withTasks[0];
        const best = (tasks: CompareAnswer['compare']['shared'][number]['tasksA']) =>
          [...tasks].sort(
            (x, y) =>
              (y.implements.find((l) => l.nationalItem.id === row?.nationalItem.id)?.score ?? 0) -
              (x.implements.find((l) => l.nationalItem.id === row?.nationalItem.id)?.score ?? 0),
          )[0];
        const firstDiff = page.locator(`[data-testid=compare-row][data-item-id="${row!.nationalItem.id}"] + tr [data-testid=wording-diff]`);
        const shownA = await firstDiff
          .getByTestId('wording-a')
          .evaluate((line) =>
            [...line.querySelectorAll(':scope > span:not(.dot):not(.side-name):not(.task-key), :scope > mark')]
              .map((part) => part.textContent)
              .join(''),
          );
        expect(shownA).toBe(best(row?.tasksA ?? [])?.title);
        expect(await page.getByTestId('unlinked-a').getByTestId('unlinked-task').count()).toBe(compare.unlinkedA.length);
        expect(await page.getByTestId('unlinked-b').getByTestId('unlinked-task').count()).toBe(compare.unlinkedB.length);
        expect(await page.locator('.view-toolbar').innerText()).not.toMatch(/甲方|乙方/);
        await shot(page, screen, 'compare-differences');
        await page.getByTestId('target-table').scrollIntoViewIfNeeded();
        await shot(page, screen, 'compare-targets');
      } finally {
        await context.close();
      }
    });
  });
}

describe('curation from a gap audit', () => {
  it('accepting a candidate turns the cell covered at once, as the API then says', async () => {
    const gap = await auditedGap();
    const screen = SCREENS[0];
    const { context, page } = await openPage(screen);
    try {
      await page.goto(`${explorer.server.url}#/coverage?item=${encodeURIComponent(gap.nationalItemId)}&in=${gap.jurisdictionId}`);
      const cell = page.locator(
        `[data-testid=coverage-cell][data-item-id="${gap.nationalItemId}"][data-jurisdiction-id="${gap.jurisdictionId}"]`,
      );
      expect(await cell.getAttribute('data-status')).toBe(gap.status);
      await page.getByTestId('gap-audit').waitFor();
      // Without the token the read-only server refuses, and says so.
      await page.getByTestId('accept-candidate').first().click();
      await expect.poll(() => page.getByTestId('curation-outcome').innerText()).toContain('401');
      await page.getByTestId('reviewer').fill('e2e');
      await page.getByTestId('write-token').fill(TOKEN);
      await page.getByTestId('accept-candidate').first().click();
      await expect.poll(() => cell.getAttribute('data-status'), { timeout: 15_000 }).toBe('COVERED');
      const { coverage } = await coverageOf();
      const after = coverage.cells.find(
        (candidate) => candidate.nationalItemId === gap.nationalItemId && candidate.jurisdictionId === gap.jurisdictionId,
      );
      expect(after?.status).toBe('COVERED');
      expect(await cell.getAttribute('data-count')).toBe(String(after?.taskCount));
      await shot(page, screen, 'coverage-after-curation');
    } finally {
      await context.close();
    }
  });
});

describe('a cell of a jurisdiction with documents of several years, a period chosen', () => {
  it("lists in its panel the tasks of the period's documents, as many as the cell counts", async () => {
    // A second document of 三明 (350400), of 2021, beside the seed of 2024.
    const uploaded = await fetch(new URL('api/documents', explorer.server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'x-file-name': 'sanming-2021-health-work-task-division.txt' },
      body: readFileSync('tests/fixtures/real/sanming-2021-health-work-task-division.txt'),
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const period = { from: 2024, to: 2024 };
    const [inPeriod, ever] = await Promise.all([coverageOf(period), coverageOf()]);
    const countOf = (answer: CoverageAnswer, itemId: string) =>
      answer.coverage.cells.find((cell) => cell.nationalItemId === itemId && cell.jurisdictionId === '350400')?.taskCount ?? 0;
    // A cell both documents count in: the period leaves the 2021 document's tasks out.
    const cell = inPeriod.coverage.cells.find(
      (each) => each.jurisdictionId === '350400' && each.taskCount > 0 && countOf(ever, each.nationalItemId) > each.taskCount,
    );
    expect(cell).toBeDefined();
    const { context, page } = await openPage(SCREENS[0]);
    try {
      await page.goto(`${explorer.server.url}#/coverage?from=2024&to=2024&item=${encodeURIComponent(cell!.nationalItemId)}&in=350400`);
      const rows = page.getByTestId('cell-panel').getByTestId('task-row');
      await rows.first().waitFor();
      await expect.poll(() => rows.count()).toBe(cell!.taskCount);
      await shot(page, SCREENS[0], 'coverage-period-cell');
    } finally {
      await context.close();
    }
  });
});
