import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue.js';
import { isExactEvidence, linkTasks, linkTasksWithMessages } from './link-tasks.js';
import { loadReviewedLinks, type ReviewedLink } from './reviewed-links.js';
import { fixtureCatalogue as catalogue, fixtureGlossary as glossary } from './test-fixtures.js';

const task = { path: '二/（三）', text: '巩固扩大集采成果，推进中医馆建设。', title: '巩固扩大集采成果' };
const entry = (over: Partial<ReviewedLink>): ReviewedLink => ({
  taskMatch: '巩固扩大集采成果',
  nationalItemId: 'drugs.procurement',
  decision: 'accept',
  note: 'checked',
  reviewer: 'test',
  date: '2024-01-01',
  ...over,
});

describe('reviewed links', () => {
  it('removes a link the reviewer rejected', () => {
    const before = linkTasks([task], { catalogue, glossary });
    expect(before.map((l) => l.targetId)).toContain('drugs.procurement');
    const after = linkTasks([task], { catalogue, glossary, reviewed: [entry({ decision: 'reject' })] });
    expect(after.map((l) => l.targetId)).not.toContain('drugs.procurement');
  });

  it('marks an accepted link curated and keeps what the linker found', () => {
    const [accepted] = linkTasks([task], { catalogue, glossary, reviewed: [entry({})] }).filter((l) => l.targetId === 'drugs.procurement');
    expect(accepted?.curated).toBe(true);
    expect(accepted?.method).toBe('cue+ngram@2');
  });

  it('adds a curated link with the task phrase and the named national wording as evidence', () => {
    const added = linkTasks([task], {
      catalogue,
      glossary,
      reviewed: [
        entry({ decision: 'add', nationalItemId: 'health.healthy-china', taskMatch: '推进中医馆建设', nationalMatch: '发展中医药' }),
      ],
    }).find((l) => l.targetId === 'health.healthy-china');
    expect(added).toMatchObject({ curated: true, score: 1, method: 'reviewed@1', taskPath: '二/（三）' });
    expect(added?.evidence).toEqual([
      { localText: '推进中医馆建设', localSpan: { start: 9, end: 16 }, nationalText: '发展中医药', nationalSpan: { start: 20, end: 25 } },
    ]);
  });

  it('applies an entry narrowed to a jurisdiction only to that jurisdiction', () => {
    const reviewed = [entry({ decision: 'reject', jurisdictionId: '350400' })];
    const elsewhere = linkTasks([task], { catalogue, glossary, reviewed, scope: { jurisdictionId: '141000' } });
    const there = linkTasks([task], { catalogue, glossary, reviewed, scope: { jurisdictionId: '350400' } });
    expect(elsewhere.map((l) => l.targetId)).toContain('drugs.procurement');
    expect(there.map((l) => l.targetId)).not.toContain('drugs.procurement');
  });

  it('reports an entry naming an item the catalogue lacks instead of ignoring it', () => {
    const { messages } = linkTasksWithMessages([task], {
      catalogue,
      glossary,
      reviewed: [entry({ decision: 'add', nationalItemId: 'drugs.nothing' })],
    });
    expect(messages.map((m) => m.code)).toEqual(['REVIEWED_LINK_UNKNOWN_ITEM']);
  });

  it('keeps the seed file valid: every entry names a catalogue item and yields exact evidence', () => {
    const real = loadCatalogue();
    const ids = new Set(real.items.map((item) => item.id));
    const entries = loadReviewedLinks();
    expect(entries.length).toBeGreaterThan(0);
    for (const reviewed of entries) {
      expect(ids.has(reviewed.nationalItemId), reviewed.nationalItemId).toBe(true);
      if (reviewed.nationalMatch) {
        expect(real.items.find((item) => item.id === reviewed.nationalItemId)?.text).toContain(reviewed.nationalMatch);
      }
    }
    const added = entries.find((e) => e.decision === 'add');
    if (added) {
      const local = { path: 'x', text: `甲。${added.taskMatch}。`, title: '甲' };
      const links = linkTasks([local], { catalogue: real, glossary, reviewed: [added] });
      const curated = links.find((l) => l.curated && l.targetId === added.nationalItemId);
      const item = real.items.find((i) => i.id === added.nationalItemId);
      expect(curated && item && curated.evidence.every((e) => isExactEvidence(e, local.text, item.text))).toBe(true);
    }
  });
});
