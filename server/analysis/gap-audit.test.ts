import { describe, expect, it } from 'vitest';
import { candidateLinks, isExactEvidence, linkTasks } from '../../ingest/link/link-tasks.js';
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

describe('auditGap over a document’s outline', () => {
  const community = item('care.county-community');
  // The measure has only a weak cue of its own; the linker links it through the item it is numbered
  // under (the nearest-ancestor rule), at the item's score.
  const outline = [
    { ...task('plan-1/item', '全面推进紧密型县域医共体建设，实行医保基金打包付费。'), policyId: 'plan-1', parentId: null },
    { ...task('plan-1/measure', '配合探索打包付费。', 'measure'), policyId: 'plan-1', parentId: 'plan-1/item' },
  ];
  const asLinkable = outline.map((t) => ({ path: t.id, text: t.text, title: t.title, kind: t.kind, parentPath: t.parentId }));

  it("gives a candidate the score of the linker's decision over the outline, not of the task judged alone", () => {
    const linked = linkTasks(asLinkable, { catalogue, glossary }).find(
      (l) => l.taskPath === 'plan-1/measure' && l.targetId === community.id,
    );
    const alone = candidateLinks(asLinkable[1]!, { catalogue, glossary }).find((l) => l.targetId === community.id);
    expect(linked?.score).toBeGreaterThan(alone?.score ?? 0);
    // The cell does not count the measure (a reviewer rejected it): the audit shows it as the linker scored it.
    const audit = auditGap(community, outline, new Set(['plan-1/item']), { catalogue, glossary });
    expect(audit.candidates.map((c) => [c.task.id, c.score])).toEqual([['plan-1/measure', linked?.score]]);
  });

  it('judges the units of each document apart: a unit of another document is no parent', () => {
    const other = [outline[0]!, { ...outline[1]!, policyId: 'plan-2' }];
    const audit = auditGap(community, other, new Set(['plan-1/item']), { catalogue, glossary });
    const alone = candidateLinks(asLinkable[1]!, { catalogue, glossary }).find((l) => l.targetId === community.id);
    expect(audit.candidates.map((c) => c.score)).toEqual([alone?.score]);
  });
});

describe('keywordFormsOf', () => {
  it('adds the glossary forms of each keyword', () => {
    expect(keywordFormsOf(item('drugs.procurement'), glossary)).toEqual(expect.arrayContaining(['集中带量采购', '集采', '带量采购']));
  });
});
