/** Types of build-if-stale.js (plain JavaScript: it runs before anything is transpiled). */
export declare const DIGEST_FILE: string;
export declare function inputsDigest(options: { root: string; inputs: readonly string[] }): string;
export declare function buildIfStale(options: { root: string; inputs: readonly string[]; outDir: string; build: () => boolean }): boolean;
export declare const BUILDS: Record<'client' | 'server', { script: string; inputs: readonly string[]; outDir: string }>;
export declare const BUILT_SERVER: string;
export declare const SERVER_NODE_FLAGS: readonly string[];
export declare const SERVER_ENVIRONMENT: Readonly<Record<string, string>>;
export declare function ensureBuilt(name: 'client' | 'server', root: string): boolean;
