/** Types of build-if-stale.js (plain JavaScript: it runs before anything is transpiled). */
export declare const DIGEST_FILE: string;
export declare function inputsDigest(options: { root: string; inputs: readonly string[] }): string;
export declare function buildIfStale(options: { root: string; inputs: readonly string[]; outDir: string; build: () => boolean }): boolean;
export declare function npmRun(script: string, root: string): () => boolean;
