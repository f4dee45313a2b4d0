/**
 * @module How far V8 lets a heap grow past what a collection left alive, in a long ingest. While a
 * thread allocates fast V8 sets the next collection at up to four times the live size, and the writer
 * of a bulk load does (each batch's rows arrive from the text workers and leave as CSV): loading the
 * 30,000-document corpus, its heap held 1.1 GiB for about 0.3 GiB alive, a quarter of the process's
 * memory. Measured on that load (batches of 1,000, the 2 workers' heaps included): at 1.5 times the
 * live size the heaps took 1.2 GiB at 28,000 documents and the load peaked at 4,076 MiB in 573 s; at
 * twice, 1.3 GiB, 4,226 MiB in 523 s.
 */
import { setFlagsFromString } from 'node:v8';

/** The next collection comes when a heap is (1 + this / 100) times what the last one left alive. */
export const INGEST_HEAP_GROWING_PERCENT = 50;

/** Applies INGEST_HEAP_GROWING_PERCENT to this process's heaps: the main thread's and its workers'. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${INGEST_HEAP_GROWING_PERCENT}`);
}
