/**
 * Tasks a researcher reading the seeds says implement a national item, named in the lineage issue:
 * their coverage cells must not read as gaps. Each case is a regression test named after what broke.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinkedDoc } from '../../ingest/document.js';
import { loadStageContext, processDocument } from '../../ingest/pipeline.js';
import { readSourceFile } from '../../ingest/read/index.js';

const docs = new Map<string, LinkedDoc>();
const linkedItems = (file: string, path: string) =>
  (docs.get(file)?.links ?? []).filter((l) => l.relation === 'IMPLEMENTS' && l.taskPath === path).map((l) => l.targetId);

beforeAll(async () => {
  const context = await loadStageContext('seeds');
  for (const file of ['002_c6b286a5770366cf.txt', '003_94d87789946e72f3.txt']) {
    docs.set(file, processDocument({ source: await readSourceFile(`seeds/${file}`), messages: [] }, context));
  }
});

describe('known implementations in the seeds', () => {
  it('links 泗县 三/（十二） 做实紧密型县域医共体, which also makes family doctors’ contracts real, to both items', () => {
    expect(linkedItems('002_c6b286a5770366cf.txt', '三/（十二）')).toEqual(
      expect.arrayContaining(['hierarchical-care.county-medical-community', 'hierarchical-care.family-doctor']),
    );
  });

  it('links a key-specialty measure of 三明 to hospital capacity and not to TCM for a hospital named 中西医结合医院', () => {
    const items = linkedItems('003_94d87789946e72f3.txt', '五/17/③');
    expect(items).toContain('service-system.hospital-capacity');
    expect(items).not.toContain('tcm.inheritance-development');
  });
});
