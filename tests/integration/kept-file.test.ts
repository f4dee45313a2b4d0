/**
 * A server starts from the graph it kept, persisted beside the database, when the database's
 * version stamp is the one the file was written at; after a write it reads the database again.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingStore as recording } from '../../server/testing/recording-store.js';
import { createApp } from '../../server/app.js';
import { persistedStampOf } from '../../server/context/persisted-stamp.js';
import { serverConfigFromEnv } from '../../server/config.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { openSampleGraph, type SampleGraph } from '../../server/testing/sample-graph.js';
import { startApp } from '../../server/start-app.js';
import { ingestQueries } from '../../store/queries/index.js';

let graph: SampleGraph;
let dir: string;

beforeAll(async () => {
  graph = await openSampleGraph({ extraTasks: 10 });
  dir = mkdtempSync(join(tmpdir(), 'reformgraph-kept-'));
});
afterAll(async () => {
  await graph.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const LINEAGE = `{ task(id: "sm-1-1") { id title agencies { name } implements { nationalItem { id } } } search(text: "DRG付费") { id } }`;

describe('the kept graph persisted beside the database', () => {
  it('is loaded instead of read while the database has not changed, and read again after a write', async () => {
    const keptFile = join(dir, 'db.kuzu.kept.jsonl');
    const first = createApp({ store: graph.store, logger: silentLogger, keptFile });
    expect(await first.ready()).toMatchObject({ loaded: false });
    await first.persisted();
    expect(existsSync(keptFile)).toBe(true);
    const answer = await postGraphQL(first, LINEAGE);

    const { store, names } = recording(graph.store);
    const second = createApp({ store, logger: silentLogger, keptFile });
    expect(await second.ready()).toMatchObject({ loaded: true });
    expect(names).not.toContain('allTasks');
    expect(names).not.toContain('allImplements');
    const again = await postGraphQL(second, LINEAGE);
    expect(again.data).toEqual(answer.data);
    expect((again.data as { search: unknown[] }).search.length).toBeGreaterThan(0);

    await graph.store.transaction((tx) =>
      tx.write(ingestQueries.upsert.Jurisdiction, [
        { id: '350500', name: '泉州市', nameEn: 'Quanzhou City', level: 'city', parentId: '350000' },
      ]),
    );
    const third = createApp({ store: graph.store, logger: silentLogger, keptFile });
    expect(await third.ready()).toMatchObject({ loaded: false });
  });
});

describe('a kept file written by a build whose reads differ', () => {
  it('is read again from the database: its rows may not be what this build reads', async () => {
    const keptFile = join(dir, 'older.kuzu.kept.jsonl');
    const first = createApp({ store: graph.store, logger: silentLogger, keptFile });
    await first.ready();
    await first.persisted();
    // Stamped as an older build stamped its files: the graph's version alone.
    const [header = '', ...rest] = readFileSync(keptFile, 'utf8').split('\n');
    const version = await graph.store.graphVersion?.();
    writeFileSync(keptFile, [JSON.stringify({ ...(JSON.parse(header) as object), stamp: version }), ...rest].join('\n'));

    const { store, names } = recording(graph.store);
    const second = createApp({ store, logger: silentLogger, keptFile });
    expect(await second.ready()).toMatchObject({ loaded: false });
    expect(names).toContain('allImplements');
  });
});

describe('a kept file that cannot be read', () => {
  it('is read again from the database when cut short, giving the same answers', async () => {
    const keptFile = join(dir, 'cut.kuzu.kept.jsonl');
    const first = createApp({ store: graph.store, logger: silentLogger, keptFile });
    await first.ready();
    await first.persisted();
    const answer = await postGraphQL(first, LINEAGE);
    truncateSync(keptFile, Math.floor(statSync(keptFile).size / 2));

    const { store, names } = recording(graph.store);
    const second = createApp({ store, logger: silentLogger, keptFile });
    expect(await second.ready()).toMatchObject({ loaded: false });
    expect(names).toContain('allImplements');
    expect((await postGraphQL(second, LINEAGE)).data).toEqual(answer.data);
  });
});

describe('starting the server as `npm start` does, seeds ingested on start', () => {
  it('loads the kept graph and the search index from their files on the second start over the same store', async () => {
    const path = join(dir, 'started.kuzu');
    const start = () =>
      startApp({ config: serverConfigFromEnv({ SEEDS_DIR: 'seeds' }), storeConfig: { backend: 'kuzu', path }, logger: silentLogger });

    const first = await start();
    expect(first.ingestReports.map((report) => report.ok && report.outcome)).toEqual(Array(5).fill('created'));
    expect(await first.app.ready()).toEqual({ loaded: false, searchIndexLoaded: false });
    await first.app.persisted();
    expect([existsSync(`${path}.kept.jsonl`), existsSync(`${path}.search-index`)]).toEqual([true, true]);
    const stamp = await first.store.graphVersion?.();
    expect(stamp).toEqual(expect.any(String));
    await first.close();

    const second = await start();
    try {
      expect(second.ingestReports.map((report) => report.ok && report.outcome)).toEqual(Array(5).fill('unchanged'));
      expect(await second.store.graphVersion?.()).toBe(stamp);
      expect(await second.app.ready()).toEqual({ loaded: true, searchIndexLoaded: true });
      const answer = await postGraphQL<{ search: { id: string }[] }>(second.app, `{ search(text: "家庭医生签约") { id } }`);
      expect(answer.data?.search.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  }, 120_000);
});

describe('over the budget of kept tasks, the task rows on file', () => {
  it('are written once the server is ready, and opened, not written again, on the next start over the same store', async () => {
    const path = join(dir, 'over.kuzu');
    const start = () =>
      startApp({
        config: serverConfigFromEnv({ SEEDS_DIR: 'seeds', KEPT_TASKS_MAX: '0' }),
        storeConfig: { backend: 'kuzu', path },
        logger: silentLogger,
      });
    const first = await start();
    await first.app.ready();
    await first.app.persisted();
    const version = await first.store.graphVersion?.();
    const index = JSON.parse(readFileSync(`${path}.task-rows.index.json`, 'utf8')) as { stamp: string; documents: unknown[] };
    expect(index.stamp).toBe(persistedStampOf(version ?? ''));
    expect(index.documents.length).toBeGreaterThanOrEqual(5);
    const written = statSync(`${path}.task-rows`).mtimeMs;
    const answer = await postGraphQL(
      first.app,
      `{ search(text: "家庭医生签约") { id agencies { name } implements { nationalItem { id } } } }`,
    );
    await first.close();

    const second = await start();
    try {
      await second.app.ready();
      await second.app.persisted();
      expect(statSync(`${path}.task-rows`).mtimeMs).toBe(written);
      const again = await postGraphQL(
        second.app,
        `{ search(text: "家庭医生签约") { id agencies { name } implements { nationalItem { id } } } }`,
      );
      expect(again.data).toEqual(answer.data);
      expect((again.data as { search: unknown[] }).search.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  }, 120_000);
});
