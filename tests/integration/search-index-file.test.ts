/**
 * The kept search index persisted beside a Kuzu database: loaded with the kept rows when its stamp
 * is the database's, instead of indexing every task again; and a search during a cold start waits
 * for the index rather than answer that nothing matched.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.js';
import { readSearchIndexFile, writeSearchIndexFile, writtenFile } from '../../server/context/search-index-file.js';
import { persistedStampOf } from '../../server/context/persisted-stamp.js';
import { silentLogger } from '../../server/logger.js';
import { createSearchIndex } from '../../server/search/search-index.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { recordingStore as recording } from '../../server/testing/recording-store.js';
import { openSampleGraph, type SampleGraph } from '../../server/testing/sample-graph.js';
import { copyReferenceData } from '../support/temp-reference-data.js';

let graph: SampleGraph;
let dir: string;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 10 });
  dir = mkdtempSync(join(tmpdir(), 'reformgraph-search-file-'));
});
afterAll(async () => {
  await graph.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const SEARCH = (text: string) => `{ search(text: ${JSON.stringify(text)}) { id } }`;
interface Hits {
  search: { id: string }[];
}

describe('the search index persisted beside the database', () => {
  it('is loaded with the kept rows, not built again, while the database has not changed', async () => {
    const keptFile = join(dir, 'db.kuzu.kept.jsonl');
    const searchIndexFile = join(dir, 'db.kuzu.search-index');
    const first = createApp({ store: graph.store, logger: silentLogger, keptFile, searchIndexFile });
    expect(await first.ready()).toEqual({ loaded: false, searchIndexLoaded: false });
    await vi.waitFor(() => expect(existsSync(searchIndexFile)).toBe(true));
    const built = await postGraphQL<Hits>(first, SEARCH('DRG付费'));
    expect(built.data?.search.length).toBeGreaterThan(0);

    const second = createApp({ store: graph.store, logger: silentLogger, keptFile, searchIndexFile });
    expect(await second.ready()).toEqual({ loaded: true, searchIndexLoaded: true });
    expect((await postGraphQL<Hits>(second, SEARCH('DRG付费'))).data).toEqual(built.data);

    // An index in the file that no build from the graph would give: answers show it was used.
    const version = await graph.store.graphVersion?.();
    if (!version) throw new Error('the Kuzu store has no version stamp');
    const stamp = persistedStampOf(version);
    const planted = createSearchIndex([{ id: 'sm-1-1', title: '独有标题', text: '只在文件里的词语', jurisdictionId: '350400' }]);
    await writeSearchIndexFile(searchIndexFile, stamp, planted);
    const third = createApp({ store: graph.store, logger: silentLogger, keptFile, searchIndexFile });
    expect(await third.ready()).toEqual({ loaded: true, searchIndexLoaded: true });
    expect((await postGraphQL<Hits>(third, SEARCH('只在文件里'))).data).toEqual({ search: [{ id: 'sm-1-1' }] });
    expect(await readSearchIndexFile(searchIndexFile, 'another stamp')).toBeNull();
  });

  it('reads postings from the file it was loaded from, which a rewrite renames over, not from the new file', async () => {
    const searchIndexFile = join(dir, 'rewritten.search-index');
    const stamp = 'a stamp';
    const payment = { id: 'a', title: '医保支付', text: '推进医保支付方式改革。', jurisdictionId: '350400' };
    const familyDoctors = { id: 'b', title: '家庭医生', text: '家庭医生签约服务。', jurisdictionId: '350400' };
    await writeSearchIndexFile(searchIndexFile, stamp, createSearchIndex([payment, familyDoctors]));
    const loaded = await readSearchIndexFile(searchIndexFile, stamp);
    if (!loaded) throw new Error('the index written was not read back');
    expect('read' in loaded.data.grams.postings).toBe(true);
    await writeSearchIndexFile(searchIndexFile, stamp, createSearchIndex([{ ...payment, id: 'c', text: '另一份文件。' }]));
    expect(loaded.search('医保支付方式').map((hit) => hit.id)).toEqual(['a']);
    expect(loaded.search('签约服务').map((hit) => hit.id)).toEqual(['b']);
    expect((await readSearchIndexFile(searchIndexFile, stamp))?.search('医保支付方式')).toEqual([]);
  });

  it('answers a search sent while ready() reads the graph with the tasks that match, building the index once', async () => {
    const { store, names } = recording(graph.store);
    const app = createApp({ store, logger: silentLogger });
    const ready = app.ready();
    const early = postGraphQL<Hits>(app, SEARCH('家庭医生签约'));
    const answer = await early;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.search.map((hit) => hit.id)).toContain('sm-1-2');
    expect(await ready).toEqual({ loaded: false, searchIndexLoaded: false });
    expect(names.filter((name) => name === 'allTasks')).toEqual(['allTasks']);
  });
});

describe('the search index persisted after uploads', () => {
  it('is kept as the index built whole and the documents written since, from which a restarted server answers as the first did', async () => {
    // More tasks than the documents uploaded: the index is brought up to date in parts, not built whole again.
    const own = await openSampleGraph({ extraTasks: 1000 });
    const reference = copyReferenceData();
    try {
      const token = 'test-write-token-0123456789abcdef';
      const keptFile = join(dir, 'uploads.kuzu.kept.jsonl');
      const searchIndexFile = join(dir, 'uploads.kuzu.search-index');
      const optionsOver = (store: typeof own.store) => ({
        store,
        logger: silentLogger,
        keptFile,
        searchIndexFile,
        writes: { token, seedsDir: reference.dir },
      });
      const first = createApp(optionsOver(own.store));
      await first.ready();
      await first.persisted();
      const wholeWritten = readFileSync(searchIndexFile);
      const sixian = readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8');
      for (const text of [sixian, sixian.slice(0, sixian.lastIndexOf('\n（'))]) {
        const response = await first.fetch('http://localhost/api/documents', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'x-file-name': 'sixian.txt' },
          body: Buffer.from(text),
        });
        expect(response.status, await response.text()).toBeLessThan(300);
      }
      await first.persisted();
      // The whole index as it was, and the document written since beside it.
      expect(readFileSync(searchIndexFile).equals(wholeWritten)).toBe(true);
      expect(existsSync(writtenFile(searchIndexFile))).toBe(true);
      const queries = ['家庭医生签约', '医共体', '县域', 'DRG付费', '乡村医生'];
      const answers = await Promise.all(queries.map((text) => postGraphQL<Hits>(first, SEARCH(text))));
      expect(answers.some((answer) => answer.data?.search.some((hit) => hit.id.startsWith('title:341324')))).toBe(true);

      const { store, names } = recording(own.store);
      const second = createApp(optionsOver(store));
      expect(await second.ready()).toEqual({ loaded: true, searchIndexLoaded: true });
      expect(names).not.toContain('allTasks');
      expect(names).not.toContain('searchableTasks');
      for (const [at, text] of queries.entries())
        expect((await postGraphQL<Hits>(second, SEARCH(text))).data, text).toEqual(answers[at]?.data);
    } finally {
      reference.remove();
      await own.dispose();
    }
  });
});
