/**
 * @module A small seeded pseudo-random generator (mulberry32) with the helpers the corpus needs.
 * Math.random cannot be seeded, and the corpus must be byte-identical for the same seed.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (fewer when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream derived from this one and a label, so adding draws elsewhere does not shift it. */
  fork(label: string | number): Random;
}

function hashString(text: string, seed: number): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return randomFrom(next, (label) => createRandom(hashString(String(label), seed)));
}

/** The helpers of Random over a stream of uniform draws. */
function randomFrom(next: () => number, fork: (label: string | number) => Random): Random {
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- next() is in [0, 1), so the index is within the non-empty list
      return items[Math.floor(next() * items.length)]!;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 <= j <= i < out.length
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    sample: (items, count) => random.shuffle(items).slice(0, Math.max(0, count)),
    fork,
  };
  return random;
}

/**
 * The stream of a yearly document in its `yearIndex`-th year: draw i keeps the first year's value
 * until the year it drifts (about `share` of the draws drift each year), then that year's value.
 * A drifted draw also changes what the draws after it choose (an item more, another outline); a
 * fork drifts the same way on its own, so what is drawn from a fork per item (see
 * compose-document.ts) is revised item by item, and a drift in one item leaves the others as they were.
 */
export function driftingRandom(place: Random, yearIndex: number, share: number): Random {
  const first = place.fork('year0');
  const when = place.fork('drift');
  const years = Array.from({ length: yearIndex }, (_, index) => place.fork(`year${index + 1}`));
  const next = () => {
    const drifted = years.map((stream) => stream.next());
    const kept = first.next();
    const driftsInYear = Math.ceil(when.next() / share);
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- drifted has yearIndex draws and the index is checked to be within them
    return driftsInYear >= 1 && driftsInYear <= yearIndex ? drifted[driftsInYear - 1]! : kept;
  };
  return randomFrom(next, (label) => driftingRandom(place.fork(label), yearIndex, share));
}
