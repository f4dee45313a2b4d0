import { describe, expect, it } from 'vitest';
import { bestTaskAlignment } from './task-alignment.js';

describe("a task's best-aligned passage", () => {
  const task = '全面推进紧密型县域医共体建设，到2025年实现全覆盖。';
  const sources = [
    { kind: 'nationalItem' as const, id: 'n1', text: '推进紧密型县域医共体建设' },
    { kind: 'policy' as const, id: 'p1', text: '一、深化改革。（一）全面推进紧密型县域医共体建设，到2025年底实现全覆盖。' },
  ];

  it('takes the source whose passage scores best, with the task side exact', () => {
    const best = bestTaskAlignment(task, sources)!;
    expect(best.source.id).toBe('p1');
    expect(best.passage.bText).toBe(task.slice(best.passage.b.start, best.passage.b.end));
    expect(best.passage.segments.filter((segment) => segment.kind !== 'same').map((segment) => segment.kind)).toEqual(['deleted']);
    expect(best.taskShare).toBeGreaterThan(0.9);
  });

  it('answers null when no source shares ten characters of wording', () => {
    expect(bestTaskAlignment(task, [{ kind: 'nationalItem', id: 'n2', text: '加强中医药人才培养' }])).toBeNull();
  });
});
