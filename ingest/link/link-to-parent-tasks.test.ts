import { describe, expect, it } from 'vitest';
import { isExactEvidence } from './link-tasks.js';
import { linkToParentTasks } from './link-to-parent-tasks.js';
import { fixtureGlossary as glossary } from './test-fixtures.js';

const parents = [
  { path: '一/（一）', title: '加强医改组织领导', text: '加强医改组织领导，落实地方各级政府深化医改责任，及时研究解决改革中的重大问题。' },
  { path: '二/（三）', title: '推进药品耗材集中带量采购', text: '推进药品耗材集中带量采购提质扩面，开展新批次国家组织药品集采。' },
  { path: '三/（五）', title: '深化医疗服务价格改革', text: '深化医疗服务价格改革，完成年度启动触发调价评估。' },
];

describe('linkToParentTasks', () => {
  it('links a local task to the parent task whose wording it copies and adapts', () => {
    const local = {
      path: '1',
      title: '加强医改工作统筹协调',
      text: '推动地方各级政府进一步落实全面深化医改责任，及时研究解决改革中的重大问题。',
    };
    const links = linkToParentTasks([local], parents, { glossary });
    expect(links.map((l) => l.targetId)).toEqual(['一/（一）']);
    expect(links[0]).toMatchObject({ relation: 'DERIVES_FROM', taskPath: '1', kind: 'verbatim', method: 'ngram+glossary@1' });
    expect(links[0]?.evidence.some((e) => e.localText === '及时研究解决改革中的重大问题')).toBe(true);
    for (const e of links[0]?.evidence ?? []) expect(isExactEvidence(e, local.text, parents[0]?.text ?? '')).toBe(true);
  });

  it('uses the glossary for an abbreviated copy (集采)', () => {
    const local = { path: '2', title: '推进集采扩面', text: '推进三明采购联盟扩容扩围，开展药品耗材集采。' };
    const [first] = linkToParentTasks([local], parents, { glossary });
    expect(first?.targetId).toBe('二/（三）');
    const cited = first?.evidence.find((e) => e.localText === '集采');
    expect(cited?.nationalText).toBe('集中带量采购');
  });

  it('makes no link to a parent the local task shares no wording with', () => {
    const local = { path: '3', title: '建设中医馆', text: '乡镇卫生院全部设置中医馆。' };
    expect(linkToParentTasks([local], parents, { glossary })).toEqual([]);
  });
});

describe('linkToParentTasks with a parent list it has readied before', () => {
  const local = {
    path: '1',
    title: '加强医改工作统筹协调',
    text: '推动地方各级政府进一步落实全面深化医改责任，及时研究解决改革中的重大问题。',
  };

  it('links alike when the same parent list comes again', () => {
    const first = linkToParentTasks([local], parents, { glossary });
    const again = linkToParentTasks(
      [local],
      parents.map((parent) => ({ ...parent })),
      { glossary },
    );
    expect(again).toEqual(first);
    expect(again.map((l) => l.targetId)).toEqual(['一/（一）']);
  });

  it('gives a task with the wording of one linked before the same links, under its own path', () => {
    const first = linkToParentTasks([local], parents, { glossary });
    const copied = linkToParentTasks([{ ...local, path: '二/3' }], parents, { glossary });
    expect(copied.map((l) => l.taskPath)).toEqual(['二/3']);
    expect(copied.map(({ taskPath, ...l }) => l)).toEqual(first.map(({ taskPath, ...l }) => l));
  });

  it('does not answer other options with the links the wording had under the first', () => {
    expect(linkToParentTasks([local], parents, { glossary })).toHaveLength(1);
    expect(linkToParentTasks([local], parents, { glossary, minRaw: 1000 })).toEqual([]);
  });

  it('reads a parent list again when a parent task at the same path has other wording', () => {
    linkToParentTasks([local], parents, { glossary });
    const revised = parents.map((parent) =>
      parent.path === '一/（一）' ? { ...parent, text: '完善医改监测评估，定期通报进展。' } : parent,
    );
    expect(linkToParentTasks([local], revised, { glossary })).toEqual([]);
  });
});
