/**
 * @module Two wordings of one national item side by side: a longest common subsequence over characters
 * (Chinese has no spaces to diff words by), cut into runs that both share or that only one side has.
 */

export interface DiffRun {
  text: string;
  /** 'both' for shared characters, 'a' or 'b' for characters only that side has. */
  side: 'both' | 'a' | 'b';
}

/** Longer texts are compared on their first characters only: the table is quadratic. */
export const DIFF_MAX_CHARS = 600;

export function diffChars(a: string, b: string): DiffRun[] {
  const x = [...a.slice(0, DIFF_MAX_CHARS)];
  const y = [...b.slice(0, DIFF_MAX_CHARS)];
  const width = y.length + 1;
  // lengths[i * width + j] = LCS length of x[i..] and y[j..]
  const lengths = new Uint16Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i -= 1) {
    for (let j = y.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        x[i] === y[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const runs: DiffRun[] = [];
  const push = (text: string, side: DiffRun['side']) => {
    const last = runs[runs.length - 1];
    if (last?.side === side) last.text += text;
    else runs.push({ text, side });
  };
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push(x[i] ?? '', 'both');
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      push(x[i] ?? '', 'a');
      i += 1;
    } else {
      push(y[j] ?? '', 'b');
      j += 1;
    }
  }
  for (; i < x.length; i += 1) push(x[i] ?? '', 'a');
  for (; j < y.length; j += 1) push(y[j] ?? '', 'b');
  return runs;
}

/** Share of characters the two texts have in common (0–1), by the longer text. */
export function sharedShare(runs: readonly DiffRun[]): number {
  const count = (side: DiffRun['side']) => runs.filter((run) => run.side === side).reduce((sum, run) => sum + [...run.text].length, 0);
  const both = count('both');
  const longer = Math.max(both + count('a'), both + count('b'));
  return longer === 0 ? 1 : both / longer;
}
