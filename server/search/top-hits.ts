/**
 * @module The top k of a stream of scored tasks, kept in a heap whose root is the worst kept, so
 * that a candidate can be turned away by an upper bound on its score before it is scored.
 */

/** A candidate on its way into the results; `terms` are what its snippet highlights. */
export interface RankedHit {
  index: number;
  score: number;
  terms: readonly string[];
}

/** Result order: higher score first, then the earlier task. */
export function ranksBefore(a: { index: number; score: number }, b: { index: number; score: number }): boolean {
  return a.score > b.score || (a.score === b.score && a.index < b.index);
}

/** The best hits offered, by score descending then index ascending; the worst sits at the heap's root. */
export class TopHits {
  private readonly heap: RankedHit[] = [];

  constructor(private readonly capacity: number) {}

  /** The score a hit must reach to enter (reaching it, the earlier task wins); -Infinity while there is room. */
  get floor(): number {
    return this.heap.length < this.capacity ? -Infinity : (this.heap[0]?.score ?? Infinity);
  }

  /** Whether a hit scoring at most `bound` could still enter: if not, it need not be scored. */
  admits(index: number, bound: number): boolean {
    if (this.heap.length < this.capacity) return true;
    const worst = this.heap[0];
    return worst !== undefined && (bound > worst.score || (bound === worst.score && index < worst.index));
  }

  offer(hit: RankedHit): void {
    if (!this.admits(hit.index, hit.score)) return;
    if (this.heap.length < this.capacity) {
      this.heap.push(hit);
      this.siftUp(this.heap.length - 1);
    } else {
      this.heap[0] = hit;
      this.siftDown(0);
    }
  }

  sorted(): RankedHit[] {
    return [...this.heap].sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
  }

  /** The hit at a position below heap.length, where there always is one. */
  private hitAt(at: number): RankedHit {
    const hit = this.heap[at];
    if (hit === undefined) throw new RangeError(`no hit at position ${at} of a heap of ${this.heap.length}`);
    return hit;
  }

  // The hit at `at` moves through the heap as a hole, the hits it passes taking its place, and
  // lands once.
  private siftUp(at: number): void {
    const { heap } = this;
    const hit = this.hitAt(at);
    let child = at;
    while (child > 0) {
      const parentAt = (child - 1) >> 1;
      const parent = this.hitAt(parentAt);
      if (!ranksBefore(parent, hit)) break;
      heap[child] = parent;
      child = parentAt;
    }
    heap[child] = hit;
  }

  private siftDown(at: number): void {
    const { heap } = this;
    const hit = this.hitAt(at);
    let parent = at;
    for (;;) {
      const leftAt = 2 * parent + 1;
      const rightAt = leftAt + 1;
      // A child past the end of the heap reads as undefined: there is none.
      const left = heap[leftAt];
      const right = heap[rightAt];
      let worstAt = parent;
      let worst = hit;
      if (left !== undefined && ranksBefore(worst, left)) {
        worstAt = leftAt;
        worst = left;
      }
      if (right !== undefined && ranksBefore(worst, right)) {
        worstAt = rightAt;
        worst = right;
      }
      if (worstAt === parent) break;
      heap[parent] = worst;
      parent = worstAt;
    }
    heap[parent] = hit;
  }
}
