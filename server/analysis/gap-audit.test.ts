import { describe, expect, it } from 'vitest';
import { isExactEvidence } from '../../ingest/link/link-tasks.js';
import { fixtureCatalogue as catalogue, fixtureGlossary as glossary } from '../../ingest/link/test-fixtures.js';
import { auditGap, keywordFormsOf } from './gap-audit.js';

const item = (id: string) => catalogue.items.find((candidate) => candidate.id === id)!;
const task = (id: string, text: string, kind: 'section' | 'item' | 'measure' = 'item') => ({
  id,
  path: id,
  kind,
  title: text.split(/[，。]/u)[0]!,
  text,
});

describe('auditGap', () => {
  const community = item('care.county-community');
  const tasks = [
    task('heading', '推进医共体建设', 'section'),
    task('linked', '做实医共体运行机制。'),
    task('weak', '推进爱国卫生运动，配合探索医共体打包付费。'),
    task('unrelated', '加强中医馆建设。'),
  ];

  it('lists the unlinked tasks with evidence for the item, with the score they would have and exact evidence', () => {
    const audit = auditGap(community, tasks, new Set(['linked']), { catalogue, glossary });
    expect(audit.candidates.map((c) => c.task.id)).toEqual(['weak']);
    const [candidate] = audit.candidates;
    expect(candidate!.score).toBeGreaterThan(0);
    expect(candidate!.evidence.map((e) => e.localText)).toContain('医共体');
    for (const e of candidate!.evidence) expect(isExactEvidence(e, tasks[2]!.text, community.text)).toBe(true);
  });

  it("finds every task naming a form of the item's keywords, headings included, with the match marked", () => {
    const audit = auditGap(community, tasks, new Set(['linked']), { catalogue, glossary });
    expect(audit.keywordHits.map((hit) => hit.task.id)).toEqual(['heading', 'linked', 'weak']);
    expect(audit.keywordHits[2]).toMatchObject({ keyword: '医共体、打包付费' });
    expect(audit.keywordHits[0]!.snippet).toBe('推进«医共体»建设');
  });
});

describe('keywordFormsOf', () => {
  it('adds the glossary forms of each keyword', () => {
    expect(keywordFormsOf(item('drugs.procurement'), glossary)).toEqual(expect.arrayContaining(['集中带量采购', '集采', '带量采购']));
  });
});
