/**
 * Tasks a researcher reading the seeds says implement a national item, named in the lineage issue:
 * their coverage cells must not read as gaps. Each case is a regression test named after what broke.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinkedDoc } from '../../ingest/document.js';
import { loadCatalogue } from '../../ingest/link/catalogue.js';
import { loadGlossary } from '../../ingest/link/glossary.js';
import { linkTasksWithMessages, POSSIBLE_FLOOR } from '../../ingest/link/link-tasks.js';
import { loadStageContext, processDocument } from '../../ingest/pipeline.js';
import { readSourceFile } from '../../ingest/read/index.js';

const docs = new Map<string, LinkedDoc>();
const linkedItems = (file: string, path: string) =>
  (docs.get(file)?.links ?? []).filter((l) => l.relation === 'IMPLEMENTS' && l.taskPath === path).map((l) => l.targetId);

beforeAll(async () => {
  const context = await loadStageContext('seeds');
  for (const file of ['001_8b093ff0cb75f7ca.txt', '002_c6b286a5770366cf.txt', '003_94d87789946e72f3.txt', '004_097bdcb5c9a3e0ad.txt']) {
    docs.set(file, processDocument({ source: await readSourceFile(`seeds/${file}`), messages: [] }, context));
  }
});

describe('known implementations in the seeds', () => {
  it('links 泗县 三/（十二） 做实紧密型县域医共体, which also makes family doctors’ contracts real, to both items', () => {
    expect(linkedItems('002_c6b286a5770366cf.txt', '三/（十二）')).toEqual(
      expect.arrayContaining(['hierarchical-care.county-medical-community', 'hierarchical-care.family-doctor']),
    );
  });

  it('keeps 临汾 （四）’s sentence on family-doctor teams as a possible link, below the threshold, so the cell is not a bare gap', () => {
    // "加强基层医疗机构和家庭医生团队健康管理服务" in an item of nine measures: the lineage issue's own example of a false gap.
    const doc = docs.get('004_097bdcb5c9a3e0ad.txt')!;
    const possible = (doc.possibleLinks ?? []).find((link) => link.taskPath === '一/（四）' && link.targetId === 'hierarchical-care.family-doctor');
    expect(possible?.score).toBeGreaterThanOrEqual(POSSIBLE_FLOOR);
    expect(possible?.score).toBeLessThan(0.5);
    expect(linkedItems('004_097bdcb5c9a3e0ad.txt', '一/（四）')).not.toContain('hierarchical-care.family-doctor');
    // No possible link duplicates a link, or sits on a heading.
    const linked = new Set(doc.links.map((link) => `${link.taskPath} ${link.targetId}`));
    const headings = new Set(doc.tasks.filter((task) => task.kind === 'section').map((task) => task.path));
    for (const link of doc.possibleLinks ?? []) {
      expect(linked.has(`${link.taskPath} ${link.targetId}`)).toBe(false);
      expect(headings.has(link.taskPath)).toBe(false);
    }
  });

  it('keeps 资阳 三/（二）/5, which names 医疗联合体 in passing, as a possible link for medical alliances however low it scores', () => {
    // "2018 年，完善利益分配机制和医疗联合体运行机制，健全双向转诊制度": one clause of a long measure on tiered care, which
    // scores under the possible floor; no other unit of the document links medical alliances, so without it the cell read as a gap.
    const doc = docs.get('001_8b093ff0cb75f7ca.txt')!;
    expect(doc.links.some((link) => link.relation === 'IMPLEMENTS' && link.targetId === 'hierarchical-care.medical-alliance')).toBe(false);
    const possible = (doc.possibleLinks ?? []).find((link) => link.taskPath === '三/（二）/5' && link.targetId === 'hierarchical-care.medical-alliance');
    expect(possible?.score).toBeLessThan(POSSIBLE_FLOOR);
  });

  it('drops the possible link a researcher rejected', () => {
    const doc = docs.get('004_097bdcb5c9a3e0ad.txt')!;
    const reject = {
      taskMatch: '家庭医生团队健康管理服务',
      nationalItemId: 'hierarchical-care.family-doctor',
      decision: 'reject' as const,
      note: 'test',
      reviewer: 'test',
      date: '2026-12-06',
    };
    const options = { catalogue: loadCatalogue(), glossary: loadGlossary(), scope: { jurisdictionId: doc.meta.jurisdictionId } };
    const pairsOf = (reviewed: (typeof reject)[]) =>
      linkTasksWithMessages(doc.tasks, { ...options, reviewed }).possibleLinks.map((link) => `${link.taskPath} ${link.targetId}`);
    expect(pairsOf([])).toContain('一/（四） hierarchical-care.family-doctor');
    expect(pairsOf([reject])).not.toContain('一/（四） hierarchical-care.family-doctor');
  });

  it('links a key-specialty measure of 三明 to hospital capacity and not to TCM for a hospital named 中西医结合医院', () => {
    const items = linkedItems('003_94d87789946e72f3.txt', '五/17/③');
    expect(items).toContain('service-system.hospital-capacity');
    expect(items).not.toContain('tcm.inheritance-development');
  });
});
