/**
 * @module Long builds of the server (the search index of every task, the kept file) written as
 * steps: a generator that yields between slices of work. The same steps run to the end at once
 * (tests, a fresh index) or give the event loop a turn between slices, so that a server rebuilding
 * after a write keeps answering requests meanwhile. A loop held for seconds also loses clients:
 * Node's keep-alive timer (5 s) fires before the request waiting on that socket is read, and the
 * client sees the connection reset.
 */

/** Work that yields between slices and returns `T` at its end. */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end without giving the event loop a turn. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A turn of the event loop: timers, I/O and requests waiting run before the promise settles. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the steps, giving the event loop a turn whenever `sliceMs` have passed since the last one
 * (each step is short; a turn per step would cost more than the work).
 */
export async function runInTurns<T>(steps: Steps<T>, { sliceMs = 20 }: { sliceMs?: number } = {}): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
}
