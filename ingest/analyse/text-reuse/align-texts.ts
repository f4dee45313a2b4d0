/**
 * @module Text reuse between two texts, after the Legislative Influence Detector: local alignment
 * (Smith–Waterman with affine gaps, Gotoh's recurrences) of the comparable characters of both
 * (comparable-text.ts). Aligning whole documents cell by cell would cost n·m cells (900 million for
 * two documents of 30,000 characters), so alignment is seeded: runs of `seedLength` characters
 * shared by both are chained along nearby diagonals, and each chain is aligned only inside a band
 * around its diagonals. Spans are exact offsets into the original texts.
 */
import type { Span } from '../../../graph-schema/payloads.js';
import { originalSpan, toComparable, type ComparableText } from './comparable-text.js';

export interface AlignmentOptions {
  /** Characters of a shared run that starts a candidate passage. @default 8 */
  seedLength?: number;
  /** @default 2 */
  match?: number;
  /** @default -2 */
  mismatch?: number;
  /** Cost of opening a gap, its first character included. @default 4 */
  gapOpen?: number;
  /** Cost of each further character of a gap. @default 1 */
  gapExtend?: number;
  /** Passages scoring less are dropped: 30 is fifteen matching characters net of edits. @default 30 */
  minScore?: number;
  /** Runs shared this often by the indexed text are boilerplate, not evidence of copying. @default 50 */
  maxSeedOccurrences?: number;
  /** Seeds further apart than this (characters) start a new candidate passage. @default 120 */
  maxSeedGap?: number;
  /**
   * Diagonals either side of the path through a chain's seeds that the alignment may use, and
   * rows before and after: the longest gap it can find between two seeds. @default 32
   */
  bandMargin?: number;
}

export const SEGMENT_KINDS = ['same', 'changed', 'inserted', 'deleted'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/**
 * A stretch of an aligned passage: wording the same in both, changed, only in b (inserted) or only
 * in a (deleted). Segments tile the passage on both sides: their texts joined give the passage's.
 */
export interface AlignedSegment {
  kind: SegmentKind;
  a: Span;
  b: Span;
  aText: string;
  bText: string;
}

export interface AlignedPassage {
  a: Span;
  b: Span;
  aText: string;
  bText: string;
  score: number;
  /** Matching characters over alignment columns (matches, substitutions and gap characters). */
  identity: number;
  segments: AlignedSegment[];
}

export interface TextReuse {
  /** In order of their place in a. */
  passages: AlignedPassage[];
  /** Share of a's comparable characters (letters and digits) inside some passage. */
  shareA: number;
  shareB: number;
}

const DEFAULTS: Required<AlignmentOptions> = {
  seedLength: 8,
  match: 2,
  mismatch: -2,
  gapOpen: 4,
  gapExtend: 1,
  minScore: 30,
  maxSeedOccurrences: 50,
  maxSeedGap: 120,
  bandMargin: 32,
};

interface Seed {
  i: number;
  j: number;
}

/** Runs of `k` characters shared by both texts; the shorter text is indexed, the longer scanned. */
function findSeeds(a: string, b: string, k: number, maxOccurrences: number): Seed[] {
  const indexA = a.length <= b.length;
  const indexed = indexA ? a : b;
  const scanned = indexA ? b : a;
  const positions = new Map<string, number[]>();
  for (let p = 0; p + k <= indexed.length; p++) {
    const gram = indexed.slice(p, p + k);
    const list = positions.get(gram);
    if (list) list.push(p);
    else positions.set(gram, [p]);
  }
  const seeds: Seed[] = [];
  for (let q = 0; q + k <= scanned.length; q++) {
    const list = positions.get(scanned.slice(q, q + k));
    if (!list || list.length > maxOccurrences) continue;
    for (const p of list) seeds.push(indexA ? { i: p, j: q } : { i: q, j: p });
  }
  return seeds.sort((x, y) => x.i - y.i || x.j - y.j);
}

interface Chain {
  seeds: Seed[];
  lastI: number;
  /** Median diagonal of the last few seeds: a stray seed (a phrase repeated nearby) does not move it. */
  lastD: number;
  recentD: number[];
}

function median(values: readonly number[]): number {
  const middle = [...values].sort((x, y) => x - y)[values.length >> 1];
  if (middle === undefined) throw new Error('align-texts: the median of no diagonals');
  return middle;
}

/** A chain holds at least the seed that opened it. */
function firstOf<T>(chain: readonly T[]): T {
  const item = chain[0];
  if (item === undefined) throw new Error('align-texts: an empty chain of seeds');
  return item;
}

function lastOf<T>(chain: readonly T[]): T {
  const item = chain[chain.length - 1];
  if (item === undefined) throw new Error('align-texts: an empty chain of seeds');
  return item;
}

/** Seeds chained along nearby diagonals (d = j − i), each chain a candidate passage. */
function chainSeeds(seeds: readonly Seed[], options: Required<AlignmentOptions>): Seed[][] {
  const open: Chain[] = [];
  const done: Seed[][] = [];
  for (const seed of seeds) {
    const d = seed.j - seed.i;
    for (let c = open.length - 1; c >= 0; c--) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- c runs over open's indices
      const chain = open[c]!;
      if (chain.lastI < seed.i - options.maxSeedGap) {
        open.splice(c, 1);
        done.push(chain.seeds);
      }
    }
    let best: Chain | undefined;
    for (const chain of open) {
      if (Math.abs(d - chain.lastD) > options.bandMargin) continue;
      const closer = !best || Math.abs(d - chain.lastD) < Math.abs(d - best.lastD);
      const asCloseAndLonger = best && Math.abs(d - chain.lastD) === Math.abs(d - best.lastD) && chain.seeds.length > best.seeds.length;
      if (closer || asCloseAndLonger) best = chain;
    }
    if (best) {
      best.seeds.push(seed);
      best.lastI = seed.i;
      best.recentD.push(d);
      if (best.recentD.length > 5) best.recentD.shift();
      best.lastD = median(best.recentD);
    } else {
      open.push({ seeds: [seed], lastI: seed.i, lastD: d, recentD: [d] });
    }
  }
  return mergeChains([...done, ...open.map((chain) => chain.seeds)], options);
}

/**
 * Two chains on one path: where phrases repeat nearby (rows of a table), stray seeds can pull a
 * path's seeds into two interleaved chains. A chain that starts inside or just after another, on a
 * diagonal near where the other ends, is the same passage.
 */
function mergeChains(chains: Seed[][], options: Required<AlignmentOptions>): Seed[][] {
  const sorted = chains.sort((x, y) => firstOf(x).i - firstOf(y).i);
  // Merged chains are sorted once at the end; meanwhile each keeps its furthest row.
  const merged: { seeds: Seed[]; lastRow: number }[] = [];
  const grown = new Set<Seed[]>();
  for (const chain of sorted) {
    const first = firstOf(chain);
    const host = merged.find((other) => {
      return (
        other.seeds.length >= chain.length / 4 &&
        first.i >= firstOf(other.seeds).i &&
        first.i <= other.lastRow + options.maxSeedGap &&
        Math.abs(first.j - first.i - median(other.seeds.slice(-5).map((seed) => seed.j - seed.i))) <= options.bandMargin
      );
    });
    const chainEnd = lastOf(chain).i;
    if (!host) {
      merged.push({ seeds: [...chain], lastRow: chainEnd });
    } else {
      for (const seed of chain) host.seeds.push(seed);
      host.lastRow = Math.max(host.lastRow, chainEnd);
      grown.add(host.seeds);
    }
  }
  for (const chain of grown) chain.sort((x, y) => x.i - y.i || x.j - y.j);
  return merged.map((chain) => chain.seeds);
}

type Op = 'M' | 'X' | 'I' | 'D';

interface LocalAlignment {
  score: number;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  ops: Op[];
}

const NEG = -1e9;

/**
 * The band of a chain: for each row i in [iLo, iHi) the first diagonal d = j − i it may use, the
 * path through the chain's seeds less the margin. The path runs through the median diagonal of each
 * seed's neighbours, so that a stray seed (a phrase repeated nearby) does not pull it aside, and is
 * interpolated between seeds.
 */
function bandOf(seeds: readonly Seed[], iLo: number, iHi: number, margin: number): Int32Array {
  const radius = 4;
  const path = seeds.map((seed, n) => ({
    i: seed.i,
    d: median(seeds.slice(Math.max(0, n - radius), n + radius + 1).map((near) => near.j - near.i)),
  }));
  const firstDiagonal = new Int32Array(iHi - iLo);
  let next = 0;
  for (let i = iLo; i < iHi; i++) {
    let after = path[next];
    while (after !== undefined && after.i <= i) after = path[++next];
    const before = path[next - 1];
    let d: number;
    if (before === undefined) d = firstOf(path).d;
    else if (after === undefined || after.i === before.i) d = before.d;
    else {
      const t = (i - before.i) / (after.i - before.i);
      d = Math.round(before.d + t * (after.d - before.d));
    }
    firstDiagonal[i - iLo] = d - margin;
  }
  return firstDiagonal;
}

/**
 * Smith–Waterman with affine gaps (Gotoh) over rows [iLo, iHi) of a, row r using the diagonals
 * firstDiagonal[r] … firstDiagonal[r] + width − 1: two rolling rows of scores, one byte of
 * traceback per cell of the band. H: best local alignment ending at (i, j); E: ending in a gap in a
 * (b's character inserted); F: ending in a gap in b (a's character deleted).
 */
function alignInBand(
  a: string,
  b: string,
  iLo: number,
  firstDiagonal: Int32Array,
  width: number,
  o: Required<AlignmentOptions>,
): LocalAlignment | null {
  const rows = firstDiagonal.length;
  if (rows <= 0) return null;
  const trace = new Uint8Array(rows * width);
  let prevH = new Int32Array(width);
  let prevF = new Int32Array(width).fill(NEG);
  let curH = new Int32Array(width);
  let curF = new Int32Array(width).fill(NEG);
  let best = { score: 0, row: -1, col: -1 };
  for (let r = 0; r < rows; r++) {
    const i = iLo + r;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- r < rows, the length of firstDiagonal
    const dLo = firstDiagonal[r]!;
    // Column of diagonal d in the previous row: d − its first diagonal.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 ≤ r − 1 < rows
    const shift = r > 0 ? dLo - firstDiagonal[r - 1]! : 0;
    let leftH = 0;
    let leftE = NEG;
    for (let c = 0; c < width; c++) {
      const j = i + dLo + c;
      if (j < 0 || j >= b.length) {
        curH[c] = 0;
        curF[c] = NEG;
        leftH = 0;
        leftE = NEG;
        continue;
      }
      // The diagonal neighbour (i-1, j-1) lies on d, the up neighbour (i-1, j) on d+1.
      const sameDiagonal = c + shift;
      const upDiagonal = sameDiagonal + 1;
      const upInBand = r > 0 && upDiagonal >= 0 && upDiagonal < width;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- upInBand: 0 ≤ upDiagonal < width
      const upH = upInBand ? prevH[upDiagonal]! : 0;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- upInBand: 0 ≤ upDiagonal < width
      const upF = upInBand ? prevF[upDiagonal]! : NEG;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 ≤ sameDiagonal < width checked here
      const diagH = r > 0 && sameDiagonal >= 0 && sameDiagonal < width ? prevH[sameDiagonal]! : 0;
      const openF = upH - o.gapOpen;
      const extendF = upF - o.gapExtend;
      const f = Math.max(openF, extendF);
      const openE = leftH - o.gapOpen;
      const extendE = leftE - o.gapExtend;
      const e = Math.max(openE, extendE);
      const diag = diagH + (a[i] === b[j] ? o.match : o.mismatch);
      let h = 0;
      let source = 0;
      if (diag > h) {
        h = diag;
        source = 1;
      }
      if (e > h) {
        h = e;
        source = 2;
      }
      if (f > h) {
        h = f;
        source = 3;
      }
      trace[r * width + c] = source | (extendE > openE ? 4 : 0) | (extendF > openF ? 8 : 0);
      curH[c] = h;
      curF[c] = f;
      leftH = h;
      leftE = e;
      if (h > best.score) best = { score: h, row: r, col: c };
    }
    [prevH, curH] = [curH, prevH];
    [prevF, curF] = [curF, prevF];
  }
  if (best.row < 0) return null;
  const ops: Op[] = [];
  let r = best.row;
  let c = best.col;
  let state: 'H' | 'E' | 'F' = 'H';
  while (r >= 0 && c >= 0 && c < width) {
    // The walk starts at best.row and only goes up; the loop condition keeps c inside the band.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 ≤ r ≤ best.row < rows, 0 ≤ c < width
    const cell = trace[r * width + c]!;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 ≤ r − 1 < r < rows
    const shift = r > 0 ? firstDiagonal[r]! - firstDiagonal[r - 1]! : 0;
    if (state === 'H') {
      const source = cell & 3;
      if (source === 0) break;
      if (source === 1) {
        const i = iLo + r;
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 ≤ r < rows
        ops.push(a[i] === b[i + firstDiagonal[r]! + c] ? 'M' : 'X');
        r -= 1;
        c += shift;
      } else state = source === 2 ? 'E' : 'F';
    } else if (state === 'E') {
      ops.push('I');
      state = cell & 4 ? 'E' : 'H';
      c -= 1;
    } else {
      ops.push('D');
      state = cell & 8 ? 'F' : 'H';
      r -= 1;
      c += shift + 1;
    }
  }
  ops.reverse();
  const aEnd = iLo + best.row + 1;
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- best.row is a row of the band (≥ 0 checked above)
  const bEnd = aEnd - 1 + firstDiagonal[best.row]! + best.col + 1;
  const aLength = ops.filter((op) => op !== 'I').length;
  const bLength = ops.filter((op) => op !== 'D').length;
  return { score: best.score, aStart: aEnd - aLength, aEnd, bStart: bEnd - bLength, bEnd, ops };
}

/**
 * Whether a chain can reach `minScore`: a chain spanning fewer characters than a passage needs is
 * usually a stock phrase shared by chance ("深化医药卫生体制改革"), so it is aligned only when its
 * first seed, extended along its diagonal without gaps, already scores enough (the ungapped
 * extension step of BLAST). This spares the banded alignment of thousands of such chains.
 */
function worthAligning(a: string, b: string, seeds: readonly Seed[], o: Required<AlignmentOptions>): boolean {
  const first = firstOf(seeds);
  const last = lastOf(seeds);
  if ((last.i - first.i + o.seedLength) * o.match >= o.minScore) return true;
  const dropOff = 3 * o.match;
  let best = o.seedLength * o.match;
  for (const step of [1, -1]) {
    let score = step === 1 ? o.seedLength * o.match : 0;
    let top = score;
    let i = step === 1 ? first.i + o.seedLength : first.i - 1;
    let j = step === 1 ? first.j + o.seedLength : first.j - 1;
    while (i >= 0 && j >= 0 && i < a.length && j < b.length && score > top - dropOff) {
      score += a[i] === b[j] ? o.match : o.mismatch;
      top = Math.max(top, score);
      i += step;
      j += step;
    }
    best += step === 1 ? top - o.seedLength * o.match : top;
  }
  return best >= o.minScore;
}

function toPassage(ca: ComparableText, cb: ComparableText, local: LocalAlignment): AlignedPassage {
  // Runs of matches are "same"; the runs between them are changed, inserted or deleted.
  const runs: { kind: SegmentKind; aFrom: number; aTo: number; bFrom: number; bTo: number }[] = [];
  let i = local.aStart;
  let j = local.bStart;
  for (const op of local.ops) {
    const same = op === 'M';
    let run = runs[runs.length - 1];
    if (!run || (run.kind === 'same') !== same) {
      run = { kind: same ? 'same' : 'changed', aFrom: i, aTo: i, bFrom: j, bTo: j };
      runs.push(run);
    }
    if (op !== 'I') run.aTo = ++i;
    if (op !== 'D') run.bTo = ++j;
  }
  const a = originalSpan(ca, local.aStart, local.aEnd);
  const b = originalSpan(cb, local.bStart, local.bEnd);
  // Each segment runs to where the next begins, so the punctuation between belongs to one of them.
  // A run's first character lies inside the alignment (aFrom < aTo ≤ aEnd, or aFrom < aEnd), so
  // inside the comparable text that `starts` indexes.
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- aFrom < aEnd ≤ ca.starts.length, see above
  const aStarts = runs.map((run) => (run.aTo > run.aFrom ? ca.starts[run.aFrom]! : run.aFrom < local.aEnd ? ca.starts[run.aFrom]! : a.end));
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- bFrom < bEnd ≤ cb.starts.length, see above
  const bStarts = runs.map((run) => (run.bTo > run.bFrom ? cb.starts[run.bFrom]! : run.bFrom < local.bEnd ? cb.starts[run.bFrom]! : b.end));
  const segments = runs.map((run, n): AlignedSegment => {
    const kind: SegmentKind =
      run.kind === 'same' ? 'same' : run.aTo === run.aFrom ? 'inserted' : run.bTo === run.bFrom ? 'deleted' : 'changed';
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- aStarts has one entry per run
    const aSpan = { start: aStarts[n]!, end: aStarts[n + 1] ?? a.end };
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- bStarts has one entry per run
    const bSpan = { start: bStarts[n]!, end: bStarts[n + 1] ?? b.end };
    return { kind, a: aSpan, b: bSpan, aText: ca.original.slice(aSpan.start, aSpan.end), bText: cb.original.slice(bSpan.start, bSpan.end) };
  });
  const matches = local.ops.filter((op) => op === 'M').length;
  return {
    a,
    b,
    aText: ca.original.slice(a.start, a.end),
    bText: cb.original.slice(b.start, b.end),
    score: local.score,
    identity: matches / local.ops.length,
    segments,
  };
}

function coveredShare(length: number, ranges: readonly [number, number][]): number {
  if (length === 0) return 0;
  const covered = new Uint8Array(length);
  for (const [from, to] of ranges) covered.fill(1, from, to);
  return covered.reduce((sum, x) => sum + x, 0) / length;
}

/** Aligned passages of `a` and `b` and the share of each reused in the other. */
export function alignTexts(a: string, b: string, options: AlignmentOptions = {}): TextReuse {
  const o = { ...DEFAULTS, ...options };
  const ca = toComparable(a);
  const cb = toComparable(b);
  const found: LocalAlignment[] = [];
  // Longest chains last, to be taken first: a shorter chain inside a passage already found is a
  // repeat of its wording elsewhere, which the overlap rule below would drop anyway.
  const byLength = (x: Seed[], y: Seed[]) => x.length - y.length;
  const queue = chainSeeds(findSeeds(ca.chars, cb.chars, o.seedLength, o.maxSeedOccurrences), o).sort(byLength);
  // A chain may hold two passages with an unalignable stretch between: its seeds outside the
  // passage found are chained again, a bounded number of times.
  let budget = queue.length * 4 + 16;
  while (queue.length > 0 && budget-- > 0) {
    const seeds = queue.pop();
    if (!seeds) break;
    const first = firstOf(seeds);
    const last = lastOf(seeds);
    const inside = (from: number, to: number, start: number, end: number) => start <= from && to <= end;
    if (found.some((local) => inside(first.i, last.i + o.seedLength, local.aStart, local.aEnd))) continue;
    if (found.some((local) => inside(Math.min(first.j, last.j), Math.max(first.j, last.j) + o.seedLength, local.bStart, local.bEnd)))
      continue;
    if (!worthAligning(ca.chars, cb.chars, seeds, o)) continue;
    const iLo = Math.max(0, first.i - o.bandMargin);
    const iHi = Math.min(ca.chars.length, last.i + o.seedLength + o.bandMargin);
    const local = alignInBand(ca.chars, cb.chars, iLo, bandOf(seeds, iLo, iHi, o.bandMargin), 2 * o.bandMargin + 1, o);
    if (!local || local.score < o.minScore) continue;
    found.push(local);
    const outside = seeds.filter((seed) => seed.i + o.seedLength <= local.aStart || seed.i >= local.aEnd);
    if (outside.length > 0 && outside.length < seeds.length) {
      queue.push(...chainSeeds(outside, o));
      queue.sort(byLength);
    }
  }
  // The same passage reached from two chains, or a repeated phrase aligned twice: keep the best.
  const kept: LocalAlignment[] = [];
  const overlap = (x0: number, x1: number, y0: number, y1: number) => Math.max(0, Math.min(x1, y1) - Math.max(x0, y0));
  for (const local of found.sort((x, y) => y.score - x.score)) {
    const clash = kept.some(
      (other) =>
        overlap(local.aStart, local.aEnd, other.aStart, other.aEnd) > 0.2 * (local.aEnd - local.aStart) ||
        overlap(local.bStart, local.bEnd, other.bStart, other.bEnd) > 0.2 * (local.bEnd - local.bStart),
    );
    if (!clash) kept.push(local);
  }
  kept.sort((x, y) => x.aStart - y.aStart);
  return {
    passages: kept.map((local) => toPassage(ca, cb, local)),
    shareA: coveredShare(
      ca.chars.length,
      kept.map((local) => [local.aStart, local.aEnd]),
    ),
    shareB: coveredShare(
      cb.chars.length,
      kept.map((local) => [local.bStart, local.bEnd]),
    ),
  };
}
