/**
 * @module Searching and intersecting ascending lists of task indexes (posting lists, a
 * jurisdiction's tasks) by galloping: the cost grows with the log of the distance skipped.
 *
 * Indexes into the lists are bounded by the loops that produce them, so reads use `!` there
 * rather than a check per element in the hottest loops of a search.
 */
/* eslint-disable @typescript-eslint/no-non-null-assertion -- the whole module is the hottest loops of
   a search; every index read is below the list's length, checked by the loop condition or the line above */

/** The first position at or after `from` whose value is at least `target` (`list.length` if none). */
export function gallopTo(list: Int32Array, from: number, target: number): number {
  if (from >= list.length || list[from]! >= target) return from;
  // Doubling steps bracket the target, binary search finds it: O(log distance), not O(distance).
  let below = from;
  let step = 1;
  let above = from + 1;
  while (above < list.length && list[above]! < target) {
    below = above;
    step *= 2;
    above = below + step;
  }
  above = Math.min(above, list.length);
  while (below + 1 < above) {
    const middle = (below + above) >>> 1;
    if (list[middle]! < target) below = middle;
    else above = middle;
  }
  return above;
}

/**
 * For each ascending list, the positions of the values all lists share, in ascending order. The
 * shortest list drives and the others are galloped through, so a rare gram next to a common one
 * costs little.
 */
export function intersectPositions(lists: readonly Int32Array[]): Int32Array[] {
  // One list shares every value with itself: a search for one gram of a large index (800,000
  // postings) spent 13 ms walking it.
  if (lists.length === 1) {
    const identity = new Int32Array(lists[0]!.length);
    for (let at = 0; at < identity.length; at += 1) identity[at] = at;
    return [identity];
  }
  const order = lists.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
  const driverIndex = order[0];
  const driver = driverIndex === undefined ? undefined : lists[driverIndex];
  if (driverIndex === undefined || driver === undefined) return [];
  const others = order.slice(1);
  const positions = lists.map(() => new Int32Array(driver.length));
  const cursors = new Int32Array(lists.length);
  let shared = 0;
  let at = 0;
  scan: while (at < driver.length) {
    const value = driver[at]!;
    for (const i of others) {
      const list = lists[i]!;
      const cursor = (cursors[i] = gallopTo(list, cursors[i]!, value));
      if (cursor === list.length) break scan;
      if (list[cursor] !== value) {
        at = gallopTo(driver, at + 1, list[cursor]!);
        continue scan;
      }
    }
    cursors[driverIndex] = at;
    for (let i = 0; i < positions.length; i += 1) positions[i]![shared] = cursors[i]!;
    shared += 1;
    at += 1;
  }
  return positions.map((list) => list.subarray(0, shared));
}

/** The positions in `list` of the values it shares with `values` (both ascending), ascending; the shorter list drives. */
export function positionsOfShared(list: Int32Array, values: Int32Array): number[] {
  const positions: number[] = [];
  if (values.length <= list.length) {
    let at = 0;
    for (const value of values) {
      at = gallopTo(list, at, value);
      if (at === list.length) break;
      if (list[at] === value) positions.push(at);
    }
  } else {
    let at = 0;
    for (let i = 0; i < list.length; i += 1) {
      at = gallopTo(values, at, list[i]!);
      if (at === values.length) break;
      if (values[at] === list[i]) positions.push(i);
    }
  }
  return positions;
}
