/**
 * @module Whether a GraphQL answer carries errors, watched in its bytes as they arrive: the load
 * client's check (see bench/steps/load-step.ts).
 */

/** The key of a GraphQL response's errors, as bytes. */
const ERRORS_KEY = Buffer.from('"errors"');

/**
 * Watches one connection's answer bytes, chunk by chunk, for the errors key (also when a chunk
 * boundary splits it). Searching the bytes is native and linear; searching the string autocannon
 * concatenates of an answer (a megabyte for the coverage of 3,000 jurisdictions) first flattens
 * it, and that search took 63% of this process's CPU at 50 clients: the client, not the server,
 * was then what limited the requests per second (bench/results, issue 15).
 */
export function errorsSeenIn(): { chunk(bytes: Buffer): void; answered(): boolean } {
  let seen = false;
  let carried = Buffer.alloc(0);
  return {
    chunk(bytes) {
      const keep = ERRORS_KEY.length - 1;
      if (!seen) seen = bytes.includes(ERRORS_KEY) || Buffer.concat([carried, bytes.subarray(0, keep)]).includes(ERRORS_KEY);
      // The last bytes seen, which the next chunk's first may complete (pieces shorter than the key too).
      const last = bytes.length >= keep ? bytes : Buffer.concat([carried, bytes]);
      carried = Buffer.from(last.subarray(Math.max(0, last.length - keep)));
    },
    /** Whether the answer just completed had the key; starts watching the next one. */
    answered() {
      const had = seen;
      seen = false;
      carried = Buffer.alloc(0);
      return had;
    },
  };
}
