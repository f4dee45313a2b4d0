import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { graphCounts } from '../support/graph-counts.js';
import { runCli, type CliResult } from '../support/run-cli.js';

const GOOD = 'seeds/002_c6b286a5770366cf.txt';

/** Each bad input and what its error line must say. */
const BAD: Record<string, RegExp> = {
  'tests/fixtures/bad/empty.txt': /empty/,
  'tests/fixtures/bad/random-binary.txt': /binary/,
  'tests/fixtures/bad/truncated-utf8.txt': /UTF-8/,
  'tests/fixtures/bad/no-structure.txt': /no numbered/,
  'tests/fixtures/bad/not-a-zip.docx': /not a zip/,
  'tests/fixtures/bad/no-text-layer.pdf': /no text layer/,
  'tests/fixtures/bad/broken.xls': /unreadable \.xls/,
  'tests/fixtures/bad/broken.doc': /unreadable \.doc/,
};

describe('ingesting bad inputs', () => {
  const work = mkdtempSync(join(tmpdir(), 'reformgraph-bad-'));
  const outside = mkdtempSync(join(tmpdir(), 'reformgraph-outside-'));
  const db = join(work, 'db.kuzu');
  const env = { REFORMGRAPH_DB: db };
  const generated: Record<string, RegExp> = {};
  /** A document of the user's outside the working directory: the command reads any file its user names. */
  const stray = join(outside, 'task-list.txt');
  let before: Record<string, number>;
  let result: CliResult;

  async function counts() {
    const store = await openKuzuStore({ path: db });
    try {
      return await graphCounts(store);
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    const huge = join(work, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, '医改。'));
    generated[huge] = /too large/;
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', Buffer.alloc(300 * 1024 * 1024, 0x20));
    const bomb = join(work, 'bomb.docx');
    writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    generated[bomb] = /zip bomb/;
    writeFileSync(stray, '一、加强领导\n（一）完善机制。（责任单位：县卫健委）\n（二）健全制度。（责任单位：县医保局）\n');

    const first = await runCli('ingest/cli.ts', [GOOD], env);
    expect(first.code).toBe(0);
    before = await counts();
    result = await runCli('ingest/cli.ts', [...Object.keys(BAD), ...Object.keys(generated), 'seeds/004_097bdcb5c9a3e0ad.txt', stray], env);
  }, 240_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('exits non-zero when any document failed', () => {
    expect(result.code).toBe(1);
  });

  it('gives each bad file one error line naming the file and the reason', () => {
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('✗'));
    for (const [file, reason] of Object.entries({ ...BAD, ...generated })) {
      const mine = lines.filter((line) => line.includes(file));
      expect(mine, file).toHaveLength(1);
      expect(mine[0], file).toMatch(reason);
    }
  });

  it('loads a document outside the working directory, because the user named it', () => {
    expect(result.stdout).toContain(`✓ ${stray}: created`);
  });

  it('follows each loaded document with its quality report, no report line starting with ✓ or ✗', () => {
    const lines = result.stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('✓ seeds/004_097bdcb5c9a3e0ad.txt'));
    expect(lines[first + 1]).toMatch(/^ {2}.* · units 一、×\d+/u);
    expect(lines[first + 2]).toMatch(/^ {2}items with agencies \d+% · targets \d+% · deadlines \d+% · warnings /u);
    expect(lines.filter((line) => /^[✓✗]/u.test(line))).toHaveLength(2);
  });

  it('still loads the good document of the same run and keeps the one stored before', async () => {
    expect(result.stdout).toMatch(/✓ seeds\/004_097bdcb5c9a3e0ad\.txt: created/);
    const after = await counts();
    expect(after.Policy).toBeGreaterThan(before.Policy ?? 0);
    expect(after.Task).toBeGreaterThan(before.Task ?? 0);
    const again = await runCli('ingest/cli.ts', [GOOD], env);
    expect(again.stdout).toMatch(/unchanged/);
  });
});
