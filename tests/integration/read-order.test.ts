/**
 * A read returns its rows in the order its ORDER BY declares, on Kuzu too. Kuzu 0.11.3 does not
 * reliably sort rows tied on a long string by the keys after it: tasks of one document (a policy id
 * of 20-odd bytes) came back out of `seq` order, and in a different order from one run of the same
 * query to the next (see store/queries/row-order.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkCreateQuery, writeQuery } from '../../store/queries/define.js';
import { readQueries } from '../../store/queries/index.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

/** Documents with ids as long as real ones ("doc:防医改组〔2020〕39号"), their tasks written in no particular order. */
const POLICY_IDS = ['doc:防医改组〔2020〕39号', 'doc:榆府办发〔2021〕9号', 'doc:新府办发〔2021〕25号', 'doc:临政办发〔2020〕39号'];
const TASKS_PER_POLICY = 5_000;

const createTasks = writeQuery<{ id: string; policyId: string; seq: number }>(
  'testCreateTasks',
  `UNWIND $rows AS r CREATE (:Task {id: r.id, policyId: r.policyId, seq: r.seq, jurisdictionId: '450603'})`,
  { id: 'STRING', policyId: 'STRING', seq: 'INT64' },
);

const createPolicies = writeQuery<{ id: string }>('testCreatePolicies', `UNWIND $rows AS r CREATE (:Policy {id: r.id})`, { id: 'STRING' });

let temp: TempStore;

beforeAll(async () => {
  temp = await openTempKuzuStore();
  const count = POLICY_IDS.length * TASKS_PER_POLICY;
  // A permutation of the positions (7919 is prime to the count), so storage order is not seq order.
  const rows = Array.from({ length: count }, (_, i) => {
    const at = (i * 7919) % count;
    const policyId = POLICY_IDS[at % POLICY_IDS.length] ?? '';
    return { id: `${policyId}#${at}`, policyId, seq: Math.floor(at / POLICY_IDS.length) };
  });
  await temp.store.transaction(async (tx) => {
    await tx.write(
      createPolicies,
      POLICY_IDS.map((id) => ({ id })),
    );
    await tx.write(createTasks, rows);
    await tx.write(
      bulkCreateQuery('HAS_TASK'),
      rows.map((row) => ({ from: row.policyId, to: row.id })),
    );
  });
}, 120_000);

afterAll(async () => {
  await temp.close();
});

/** Pairs of neighbouring rows out of (policyId, seq) order, in code points as both databases compare strings. */
function misordered(rows: readonly { policyId: string; seq: number }[]): number {
  let count = 0;
  for (let i = 1; i < rows.length; i += 1) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (!a || !b) continue;
    const byPolicy = a.policyId === b.policyId ? 0 : [a.policyId, b.policyId].sort()[0] === a.policyId ? -1 : 1;
    if (byPolicy > 0 || (byPolicy === 0 && a.seq > b.seq)) count += 1;
  }
  return count;
}

describe('reads on Kuzu', () => {
  it('return every task in document order, whatever the order they were stored in', async () => {
    for (let run = 0; run < 3; run += 1) {
      const rows = await temp.store.read(readQueries.allTasks);
      expect(rows).toHaveLength(POLICY_IDS.length * TASKS_PER_POLICY);
      expect(misordered(rows)).toBe(0);
    }
  });

  it('return the tasks of documents looked up by id in document order', async () => {
    const rows = await temp.store.read(readQueries.tasksByPolicies, { ids: [...POLICY_IDS].reverse() });
    expect(rows).toHaveLength(POLICY_IDS.length * TASKS_PER_POLICY);
    expect(misordered(rows)).toBe(0);
  });
});
