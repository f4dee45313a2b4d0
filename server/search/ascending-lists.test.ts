import { describe, expect, it } from 'vitest';
import { gallopTo, intersectPositions, positionsOfShared } from './ascending-lists.js';
import { randomSource } from '../testing/random-source.js';

describe('posting-list helpers', () => {
  it('gallops to the first position holding at least the target', () => {
    const list = Int32Array.from([2, 4, 4, 8, 16, 32]);
    expect(gallopTo(list, 0, 1)).toBe(0);
    expect(gallopTo(list, 0, 4)).toBe(1);
    expect(gallopTo(list, 2, 4)).toBe(2);
    expect(gallopTo(list, 0, 9)).toBe(4);
    expect(gallopTo(list, 0, 33)).toBe(6);
    expect(gallopTo(list, 6, 1)).toBe(6);
  });

  it('intersects posting lists of very different lengths', () => {
    const evens = Int32Array.from({ length: 100_000 }, (_, i) => 2 * i);
    const sparse = Int32Array.from([3, 4, 50_000, 99_999, 199_998, 300_000]);
    const positions = intersectPositions([evens, sparse]);
    expect(Array.from(positions[0]!, (at) => evens[at])).toEqual([4, 50_000, 199_998]);
    expect(Array.from(positions[1]!)).toEqual([1, 2, 4]);
  });

  it('intersects random lists as a set would', () => {
    const random = randomSource(7);
    for (let round = 0; round < 50; round += 1) {
      const lists = Array.from({ length: random.int(1, 4) }, () => {
        const density = random.pick([0.01, 0.2, 0.9]);
        return Int32Array.from(Array.from({ length: 2000 }, (_, value) => value).filter(() => random.next() < density));
      });
      const expected = Array.from(lists[0]!).filter((value) => lists.every((list) => list.includes(value)));
      const positions = intersectPositions(lists);
      lists.forEach((list, i) => expect(Array.from(positions[i]!, (at) => list[at])).toEqual(expected));
    }
  });

  it('returns no positions when one list is empty', () => {
    expect(intersectPositions([Int32Array.from([1, 2, 3]), new Int32Array(0)]).map((positions) => positions.length)).toEqual([0, 0]);
  });

  it('returns no lists for no lists', () => {
    expect(intersectPositions([])).toEqual([]);
  });
});

describe('positionsOfShared', () => {
  it('finds the positions of the shared values whichever list is shorter', () => {
    const random = randomSource(7);
    for (let round = 0; round < 100; round += 1) {
      const ascending = (length: number) => Int32Array.from(new Set(Array.from({ length }, () => random.int(0, 60)))).sort();
      const list = ascending(random.int(0, 40));
      const values = ascending(random.int(0, 40));
      const expected = Array.from(list.keys()).filter((at) => values.includes(list[at]!));
      expect(positionsOfShared(list, values)).toEqual(expected);
    }
  });
});
