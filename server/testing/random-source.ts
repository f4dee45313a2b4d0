/** @module A seeded pseudo-random source for the search tests, so that a failure can be replayed. */
export function randomSource(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- callers pick from lists that are not empty
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  return { next, int, pick };
}
