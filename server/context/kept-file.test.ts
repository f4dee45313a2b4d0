import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceSpansOf, withEvidenceSpans } from './compact-evidence.js';
import { readKeptFile, writeKeptFile, type RowSets } from './kept-file.js';
import { ColumnRows, objectsOf } from './column-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'reformgraph-kept-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tasks = [
  { id: 'p-1/t-1', policyId: 'p-1', seq: 0, depth: 0, title: '推进医保支付方式改革', deadline: null, keywords: ['医保', '支付'] },
  { id: 'p-1/t-2', policyId: 'p-1', seq: 1, depth: 1, title: '全面推行DRG付费', deadline: '2025-12-31', keywords: [] },
];
const responsible = [
  { taskId: 'p-1/t-1', role: 'lead', name: '市医保局', position: 0 },
  { taskId: 'p-1/t-2', role: 'lead', name: '市医保局', position: 0 },
];
const sets = new Map<string, object[]>([
  ['allTasks', tasks],
  ['allResponsible', responsible],
  ['empty', []],
]);

async function written(name: string, rows: RowSets = sets): Promise<string> {
  const file = join(dir, name);
  await writeKeptFile(file, 'stamp-1', rows);
  return file;
}

describe('the kept file', () => {
  it('reads back every set as it was written, in order, with null, numbers, lists and dates', async () => {
    const read = await readKeptFile(await written('round-trip'), 'stamp-1');
    expect(read && [...read.keys()]).toEqual(['allTasks', 'allResponsible', 'empty']);
    expect(read?.get('allTasks')).toEqual(tasks);
    expect(read?.get('allResponsible')).toEqual(responsible);
    expect(read?.get('empty')).toEqual([]);
  });

  it('reads the same rows a few bytes at a time, lines and characters split across reads', async () => {
    const file = await written('in-chunks');
    const whole = await readKeptFile(file, 'stamp-1');
    expect(whole?.get('allTasks')).toEqual(tasks);
    for (const chunkBytes of [1, 7, 64]) expect(await readKeptFile(file, 'stamp-1', { chunkBytes }), `${chunkBytes}`).toEqual(whole);
  });

  it('reads a string the rows repeat as one string, however many rows hold it', async () => {
    const read = await readKeptFile(await written('shared'), 'stamp-1');
    const [first, second] = (read?.get('allResponsible') ?? []) as { name: string }[];
    const [task] = (read?.get('allTasks') ?? []) as { id: string }[];
    expect(first?.name).toBe('市医保局');
    // One string in memory: the same one in both rows and in the task row it names.
    expect(Object.is(first?.name, second?.name)).toBe(true);
    expect(new Set([task?.id, (first as unknown as { taskId: string }).taskId]).size).toBe(1);
  });

  /** A task, a national item and a link between them whose evidence is kept as `spans` into their texts. */
  const linkSets = (evidence: string, spans: number[]) =>
    new Map([
      ['tasks', [{ id: 'p-1/t-1', text: '推进医保支付' }]],
      ['items', [{ id: 'N-PAY', text: '付费改革' }]],
      ['links', [withEvidenceSpans({ fromId: 'p-1/t-1', toId: 'N-PAY', evidence }, '推进医保支付', '付费改革', spans)]],
    ]);
  const linkTexts = new Map([['links', { from: 'tasks', to: 'items' }]]);

  it('writes evidence kept as offsets as its offsets, and reads them back into the texts of the same file', async () => {
    const evidence = '[{"localText":"医保","localSpan":{"start":2,"end":4},"nationalText":"付费","nationalSpan":{"start":0,"end":2}}]';
    const file = await written('offsets', linkSets(evidence, [2, 4, 0, 2]));
    const asWritten = await readKeptFile(file, 'stamp-1', { evidenceTexts: new Map() });
    expect(asWritten?.get('links')).toEqual([{ fromId: 'p-1/t-1', toId: 'N-PAY', evidence: [2, 4, 0, 2] }]);
    const [read] = objectsOf((await readKeptFile(file, 'stamp-1', { evidenceTexts: linkTexts }))?.get('links') ?? []);
    expect(read && evidenceSpansOf(read)).toEqual([2, 4, 0, 2]);
    expect(read && { ...read }).toEqual({ fromId: 'p-1/t-1', toId: 'N-PAY', evidence });
  });

  it('is not read when evidence offsets fall outside their texts', async () => {
    const file = await written('outside', linkSets('', [2, 4, 0, 9]));
    expect(await readKeptFile(file, 'stamp-1', { evidenceTexts: linkTexts })).toBeNull();
  });

  it('reads a column kept split back split, as it is declared', async () => {
    const triples = [
      { taskId: 'doc:资府发〔2017〕23号#1.2', policyId: 'doc:资府发〔2017〕23号' },
      { taskId: 'doc:资府发〔2017〕23号#1.3', policyId: 'doc:资府发〔2017〕23号' },
      { taskId: null, policyId: 'p-2' },
    ];
    const file = await written('split', new Map([['triples', ColumnRows.of(triples, { taskId: '#' })]]));
    const read = (await readKeptFile(file, 'stamp-1', { byColumn: new Map([['triples', { taskId: '#' }]]) }))?.get('triples');
    expect(read instanceof ColumnRows && read.partsOf('taskId')?.tails).toEqual(['1.2', '1.3', null]);
    expect(read && objectsOf(read)).toEqual(triples);
    // Declared whole, or not by column: not read as something else.
    expect(await readKeptFile(file, 'stamp-1', { byColumn: new Map([['triples', {}]]) })).toBeNull();
    expect(await readKeptFile(file, 'stamp-1', { byColumn: new Map() })).toBeNull();
  });

  it('is not read at another stamp, or when absent', async () => {
    expect(await readKeptFile(await written('stamped'), 'stamp-2')).toBeNull();
    expect(await readKeptFile(join(dir, 'absent'), 'stamp-1')).toBeNull();
  });

  it('is not read when written in an earlier format (JSON lines of rows)', async () => {
    const file = join(dir, 'format-1');
    writeFileSync(
      file,
      `${JSON.stringify({ format: 1, stamp: 'stamp-1' })}\n${JSON.stringify({ set: 'allTasks', columns: ['id'], rows: 1 })}\n["t-1"]\n`,
    );
    expect(await readKeptFile(file, 'stamp-1')).toBeNull();
  });

  it('is not read when cut short anywhere, at a line break or inside a line', async () => {
    const file = await written('whole');
    const bytes = readFileSync(file);
    const breaks = [...bytes.entries()].filter(([, byte]) => byte === 0x0a).map(([at]) => at);
    const cuts = [...breaks.slice(0, -1).map((at) => at + 1), ...breaks.map((at) => at - 3)];
    expect(cuts.length).toBeGreaterThan(8);
    for (const cut of cuts) {
      const short = join(dir, `cut-${cut}`);
      writeFileSync(short, bytes);
      truncateSync(short, cut);
      expect(await readKeptFile(short, 'stamp-1'), `cut at byte ${cut}`).toBeNull();
    }
  });

  it('is not read when a column does not fit its set or its table', async () => {
    const file = await written('edited');
    const lines = readFileSync(file, 'utf8').split('\n');
    const shorter = lines.map((line) => (line === '[0,1]' ? '[0]' : line));
    expect(shorter).not.toEqual(lines);
    writeFileSync(file, shorter.join('\n'));
    expect(await readKeptFile(file, 'stamp-1')).toBeNull();
    writeFileSync(file, lines.map((line) => (line === '[0,1]' ? '[0,99]' : line)).join('\n'));
    expect(await readKeptFile(file, 'stamp-1')).toBeNull();
  });
});
