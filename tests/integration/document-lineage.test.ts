import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/pipeline.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readGraphDump } from '../../server/export/graph-dump.js';
import { openTempKuzuStore } from '../support/temp-kuzu.js';

const CHILD = 'seeds/003_94d87789946e72f3.txt';
const PARENT = 'tests/fixtures/parent/national-2024-key-tasks.txt';

async function lineageAfter(order: string[]) {
  const temp = await openTempKuzuStore();
  try {
    for (const file of order) {
      const [report] = await ingestPaths(temp.store, [file]);
      expect(report?.ok, file).toBe(true);
    }
    return await lineageOf(temp.store);
  } finally {
    await temp.close();
  }
}

async function lineageOf(store: GraphStore) {
  const dump = await readGraphDump(store);
  const national = dump.nodes.Policy.filter((policy) => policy.docNumber === '国办发〔2024〕29号');
  const derives = dump.relationships.DERIVES_FROM.map((edge) => `${String(edge.from)} -> ${String(edge.to)}`).sort();
  return { national, derives };
}

describe('document lineage', () => {
  it('completes the cited stub and links the local tasks to the parent tasks, whichever loads first', async () => {
    const childFirst = await lineageAfter([CHILD, PARENT]);
    const parentFirst = await lineageAfter([PARENT, CHILD]);

    expect(childFirst.national).toHaveLength(1);
    expect(childFirst.national[0]).toMatchObject({ stub: false, title: '深化医药卫生体制改革2024年重点工作任务' });
    // Sanming's procurement item restates the national procurement task.
    expect(childFirst.derives).toContain('doc:明医改组〔2024〕4号#三/6 -> doc:国办发〔2024〕29号#二/（二）');
    expect(childFirst.derives).toContain('doc:明医改组〔2024〕4号#一/1 -> doc:国办发〔2024〕29号#一/（一）');
    expect(parentFirst.derives).toEqual(childFirst.derives);
  }, 120_000);
});
