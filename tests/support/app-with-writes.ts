/**
 * @module What the integration tests of writes start from: a temporary Kuzu store and a copy of the
 * reference data (tests/support/temp-kuzu.ts, temp-reference-data.ts), and an app taking writes over
 * them. Each `use…` opens its setup before the tests of the describe block it is called in and
 * removes it after them; the object it returns gives what was opened.
 */
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { buildSearchIndex } from '../../server/search/store-search-index.js';
import { openTempKuzuStore, type TempStore } from './temp-kuzu.js';
import { copyReferenceData, type TempReferenceData } from './temp-reference-data.js';

/** The bearer token an app of `useAppWithWrites` accepts unless told otherwise. */
export const WRITE_TOKEN = 'test-write-token-0123456789abcdef';

export interface TempWorkspace {
  readonly temp: TempStore;
  /** Where curation decisions go: the repository's seeds/ is never written. */
  readonly reference: TempReferenceData;
}

export interface AppWithWrites extends TempWorkspace {
  readonly app: App;
}

function opened<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is used outside the tests of the describe block that opens it`);
  return value;
}

/** A temporary Kuzu store (schema applied) and a copy of the reference data. */
export function useTempWorkspace(): TempWorkspace {
  let temp: TempStore | undefined;
  let reference: TempReferenceData | undefined;
  beforeAll(async () => {
    temp = await openTempKuzuStore();
    reference = copyReferenceData();
  });
  afterAll(async () => {
    await temp?.close();
    reference?.remove();
  });
  return {
    get temp() {
      return opened(temp, 'the temporary store');
    },
    get reference() {
      return opened(reference, 'the reference data');
    },
  };
}

/**
 * The same with an app over them that takes writes with `token` (none when null), curations going
 * to the copy of the reference data; with `searchIndex`, the search index is built at the start.
 */
export function useAppWithWrites({
  token = WRITE_TOKEN,
  searchIndex = false,
}: { token?: string | null; searchIndex?: boolean } = {}): AppWithWrites {
  const workspace = useTempWorkspace();
  let app: App | undefined;
  beforeAll(async () => {
    const { store } = workspace.temp;
    app = createApp({
      store,
      logger: silentLogger,
      ...(searchIndex ? { searchIndex: await buildSearchIndex(store) } : {}),
      writes: { token, seedsDir: workspace.reference.dir },
    });
  });
  return {
    get temp() {
      return workspace.temp;
    },
    get reference() {
      return workspace.reference;
    },
    get app() {
      return opened(app, 'the app');
    },
  };
}
