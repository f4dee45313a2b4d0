/**
 * A server starts from the graph it kept, persisted beside the database, when the database's
 * version stamp is the one the file was written at; after a write it reads the database again.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingStore as recording } from '../../server/testing/recording-store.js';
import { createApp } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { openSampleGraph, type SampleGraph } from '../../server/testing/sample-graph.js';
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
