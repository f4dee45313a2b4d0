import { describe, expect, it } from 'vitest';
import { randomSource } from '../testing/random-source.js';
import { TopHits } from './top-hits.js';

const hit = (index: number, score: number) => ({ index, score, terms: [] });

describe('TopHits', () => {
  it('keeps the best hits by score, the earlier task first among equal scores', () => {
    const top = new TopHits(3);
    [hit(5, 1), hit(1, 3), hit(2, 2), hit(0, 2), hit(4, 3), hit(3, 0.5)].forEach((h) => top.offer(h));
    expect(top.sorted().map(({ index }) => index)).toEqual([1, 4, 0]);
  });

  it('admits anything while there is room, then only what could beat the worst kept', () => {
    const top = new TopHits(2);
    expect(top.floor).toBe(-Infinity);
    top.offer(hit(3, 2));
    expect(top.admits(9, -100)).toBe(true);
    top.offer(hit(4, 5));
    expect(top.floor).toBe(2);
    expect(top.admits(9, 1.5)).toBe(false);
    expect(top.admits(9, 2)).toBe(false);
    expect(top.admits(1, 2)).toBe(true);
    expect(top.admits(9, 2.5)).toBe(true);
  });

  it('keeps nothing with no capacity', () => {
    const top = new TopHits(0);
    top.offer(hit(0, 1));
    expect(top.sorted()).toEqual([]);
  });

  it('agrees with sorting every hit and cutting the list', () => {
    const random = randomSource(11);
    for (let round = 0; round < 30; round += 1) {
      const hits = Array.from({ length: random.int(0, 60) }, (_, index) => hit(index, random.int(0, 8)));
      const capacity = random.int(1, 10);
      const top = new TopHits(capacity);
      const order = random.next() < 0.5 ? hits : [...hits].reverse();
      order.forEach((h) => top.offer(h));
      const expected = [...hits].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, capacity);
      expect(top.sorted()).toEqual(expected);
    }
  });
});
