import { describe, expect, it } from 'vitest';
import type { ParsedTask, ResolvedDoc } from '../document.js';
import { linkDoc } from './link-doc.js';
import { fixtureCatalogue as catalogue, fixtureGlossary as glossary } from './test-fixtures.js';

function task(path: string, kind: ParsedTask['kind'], text: string, start: number, parentPath: string | null = null): ParsedTask {
  return {
    key: path,
    path,
    parentPath,
    kind,
    depth: 0,
    order: start,
    title: text.split(/[。，]/u)[0] ?? text,
    text,
    span: { start, end: start + text.length },
    agencies: [],
    targets: [],
    deadline: null,
    supplements: [],
  };
}

const doc: ResolvedDoc = {
  source: { path: 'x.txt', sha256: '0', byteLength: 0, format: 'txt', encoding: 'utf-8', sourceText: '' },
  // The normalised text is the source here: offsets map to themselves.
  normalised: { text: ' '.repeat(60), sourceOffsets: [...Array(61).keys()] },
  meta: {
    title: 't',
    docNumber: '明医改组〔2024〕4号',
    issuer: null,
    issuedOn: null,
    status: 'final',
    coversFrom: null,
    coversTo: null,
    jurisdictionId: '350400',
    year: 2024,
  },
  tasks: [
    task('一', 'section', '二、加大药品耗材集采改革力度', 0),
    task('一/1', 'item', '做实紧密型县域医共体。', 20, '一'),
    task('一/2', 'item', '各单位要加强宣传培训。', 40, '一'),
  ],
  citations: [],
  agencies: new Map(),
  messages: [],
};

describe('linkDoc', () => {
  it('fills doc.links from the tasks, a heading keeping none that its items lack, and leaves the input untouched', () => {
    const linked = linkDoc(doc, { catalogue, glossary });
    expect(linked.links.map((l) => [l.taskPath, l.targetId])).toEqual([['一/1', 'care.county-community']]);
    expect('links' in doc).toBe(false);
  });

  it('notes an item it could not link, at the item offset', () => {
    const linked = linkDoc(doc, { catalogue, glossary });
    expect(linked.messages).toEqual([expect.objectContaining({ code: 'TASK_UNLINKED', offset: 40 })]);
  });

  it('applies reviewed links scoped by the document number', () => {
    const reviewed = [
      {
        taskMatch: '各单位要加强宣传培训',
        docNumber: '明医改组〔2024〕4号',
        nationalItemId: 'health.healthy-china',
        decision: 'add' as const,
        nationalMatch: '健康中国行动',
        note: 'test',
        reviewer: 'test',
        date: '2024-01-01',
      },
    ];
    const linked = linkDoc(doc, { catalogue, glossary, reviewed });
    expect(linked.links.find((l) => l.taskPath === '一/2')).toMatchObject({ targetId: 'health.healthy-china', curated: true });
  });

  it('adds DERIVES_FROM links when parent tasks are given', () => {
    const parentTasks = [{ path: 'p/1', title: '推进紧密型县域医共体建设', text: '全面推进紧密型县域医共体建设。' }];
    const linked = linkDoc(doc, { catalogue, glossary, parentTasks });
    expect(linked.links.filter((l) => l.relation === 'DERIVES_FROM').map((l) => [l.taskPath, l.targetId])).toEqual([['一/1', 'p/1']]);
  });
});
