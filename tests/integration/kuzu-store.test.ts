import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kuzu from 'kuzu';
import { describe, expect, it } from 'vitest';
import { textOfParts, textPartsOf } from '../../graph-schema/text-parts.js';
import { openKuzuStore } from '../../store/kuzu-store.js';
import { readQueries } from '../../store/queries/index.js';
import { graphCounts } from '../support/graph-counts.js';
import { describeStoreContract } from '../support/store-contract.js';

const dirs = new Map<object, string>();

describeStoreContract(
  'Kuzu',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reformgraph-kuzu-'));
    const store = await openKuzuStore({ path: join(dir, 'db.kuzu') });
    await store.applySchema();
    dirs.set(store, dir);
    return store;
  },
  async (store) => {
    await store.close();
    rmSync(dirs.get(store) ?? '', { recursive: true, force: true });
  },
);

describe('Kuzu store, closed while reads wait their turn', () => {
  it('fails the waiting reads with a store error instead of crashing the process', async () => {
    // Before the guard, this ended the process with SIGSEGV (a call on a closed connection).
    const dir = mkdtempSync(join(tmpdir(), 'reformgraph-kuzu-'));
    try {
      const store = await openKuzuStore({ path: join(dir, 'db.kuzu') });
      await store.applySchema();
      const reads = Array.from({ length: 20 }, () => store.read(readQueries.allJurisdictions));
      // Settled before closing: the reads refused during close() are then handled, not reported as unhandled.
      const settling = Promise.allSettled(reads);
      await store.close();
      const settled = await settling;
      const refused = settled.filter((result) => result.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      for (const result of refused) expect(String(result.reason)).toMatch(/the Kuzu store is closed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Kuzu store written before policies kept their texts in parts', () => {
  const text = `三明市深化医改重点任务\n${'一、推进分级诊疗，建设紧密型县域医共体。'.repeat(40)}`;

  /** A store as the previous version left it: the texts in a Policy column `text`. */
  async function legacyStore(path: string, { partsOfLastRun = false } = {}): Promise<void> {
    const store = await openKuzuStore({ path });
    await store.applySchema();
    await store.close();
    const { connection, close } = rawKuzu(path);
    const statements = [
      'ALTER TABLE Policy ADD text STRING',
      `CREATE (:Policy {id: 'p1', title: '三明', stub: false, status: 'final', text: $text})`,
      `CREATE (:Policy {id: 'stub', title: '意见', stub: true, status: 'final'})`,
    ];
    for (const statement of statements) {
      await execute(connection, statement, statement.includes('$text') ? { text } : {});
    }
    // A move interrupted after its transaction committed and before the column was dropped.
    if (partsOfLastRun) {
      await execute(
        connection,
        `MATCH (p:Policy {id: 'p1'}) CREATE (p)-[:HAS_TEXT_PART]->(:PolicyTextPart {id: 'p1#text0', seq: 0, text: $part})`,
        { part: text.slice(0, 256) },
      );
    }
    await close();
  }

  async function execute(connection: kuzu.Connection, statement: string, params: Record<string, kuzu.KuzuValue> = {}) {
    const result = (await connection.execute(await connection.prepare(statement), params)) as kuzu.QueryResult;
    const rows = await result.getAll();
    result.close();
    return rows;
  }

  /** The database without the store, to write what the store no longer writes. */
  function rawKuzu(path: string) {
    const db = new kuzu.Database(path);
    const connection = new kuzu.Connection(db);
    return {
      connection,
      close: async () => {
        await connection.close();
        await db.close();
      },
    };
  }

  async function reopened(path: string) {
    const store = await openKuzuStore({ path });
    await store.applySchema();
    const texts = await store.read(readQueries.policyTextParts, { ids: ['p1', 'stub'] });
    const counts = await graphCounts(store);
    await store.close();
    return {
      text: textOfParts(texts.filter((row) => row.id === 'p1')),
      stubParts: texts.filter((row) => row.id === 'stub').length,
      counts,
    };
  }

  it.each([false, true])('moves them into parts on opening, once (parts of an interrupted move: %s)', async (partsOfLastRun) => {
    const dir = mkdtempSync(join(tmpdir(), 'reformgraph-kuzu-'));
    try {
      const path = join(dir, 'db.kuzu');
      await legacyStore(path, { partsOfLastRun });
      const expected = textPartsOf('p1', text).parts.length;
      const first = await reopened(path);
      expect(first.text).toBe(text);
      expect(first.stubParts).toBe(0);
      expect(first.counts).toMatchObject({ Policy: 2, PolicyTextPart: expected, HAS_TEXT_PART: expected });
      // The column is gone, and opening again changes nothing.
      const again = await reopened(path);
      expect(again).toEqual(first);
      const { connection, close } = rawKuzu(path);
      const columns = (await execute(connection, `CALL table_info('Policy') RETURN name`)).map((column) => column.name);
      await close();
      expect(columns).toContain('title');
      expect(columns).not.toContain('text');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
