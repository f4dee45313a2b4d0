/**
 * @module Helpers for browser tests of the explorer: build the client into its own folder (so test files
 * running side by side never empty each other's build), start the app on it, launch Debian's Chromium, and
 * ask the API what the page should show; `useExplorer` does all of it for a test file.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Lang } from '../../client/src/i18n.js';
import { launchChromium } from './launch-chromium.js';
import { startTestServer, type TestServer } from './start-server.js';

/** The jurisdictions of the seed documents the explorer is started over, in the order the explorer lists them. */
export const SEED_JURISDICTIONS = ['350400', '141000', '512000', '341324', '340722'];

/** The three screens every view is checked on: a laptop, a tablet in landscape and a phone. */
export const SCREENS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

export type Screen = (typeof SCREENS)[number];

export async function buildClientInto(outDir = mkdtempSync(join(tmpdir(), 'reformgraph-client-'))): Promise<string> {
  await build({ configFile: resolve('client/vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function startExplorer(
  options: Omit<Parameters<typeof startTestServer>[0] & object, 'clientDir'> = {},
): Promise<{ server: TestServer; clientDir: string }> {
  const clientDir = await buildClientInto();
  const server = await startTestServer({ ...options, clientDir });
  return { server, clientDir };
}

export function graphqlClient(server: TestServer) {
  return async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(new URL('graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data as T;
  };
}

/** A page of its own at a screen's size, in a language, with every request outside our server refused (offline). */
export async function openScreen(
  browser: Browser,
  server: TestServer,
  screen: Screen,
  lang: Lang = 'zh',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height } });
  await context.addInitScript((chosen) => window.localStorage.setItem('reformgraph.lang', chosen), lang);
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.url) || route.request().url().startsWith('data:') ? route.continue() : route.abort(),
  );
  return { context, page: await context.newPage() };
}

export interface ExplorerUnderTest {
  readonly server: TestServer;
  readonly browser: Browser;
  /** The built client the server serves. */
  readonly clientDir: string;
  /** The API, asked as the page asks it. */
  readonly gql: ReturnType<typeof graphqlClient>;
  /** A page of its own at a screen's size (see `openScreen`). */
  readonly openScreen: (screen: Screen, lang?: Lang) => Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * The explorer over the seed documents and Chromium, started before the tests of the file (or
 * describe block) it is called in and closed after them. `artifacts` is made for screenshots; with a
 * `writeToken` the server takes writes, curations going to a copy of seeds/ that is removed after.
 */
export function useExplorer({ artifacts, writeToken = null }: { artifacts?: string; writeToken?: string | null } = {}): ExplorerUnderTest {
  let server: TestServer | undefined;
  let clientDir: string | undefined;
  let seedsCopy: string | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is used before useExplorer's beforeAll started it`);
    return value;
  };
  beforeAll(async () => {
    if (artifacts) mkdirSync(artifacts, { recursive: true });
    if (writeToken !== null) {
      seedsCopy = mkdtempSync(join(tmpdir(), 'reformgraph-seeds-'));
      cpSync('seeds', seedsCopy, { recursive: true });
    }
    ({ server, clientDir } = await startExplorer(seedsCopy ? { seedsDir: seedsCopy, writeToken } : {}));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [clientDir, seedsCopy]) if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const explorer: ExplorerUnderTest = {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    get clientDir() {
      return started(clientDir, 'the client build');
    },
    gql: (query, variables) => graphqlClient(explorer.server)(query, variables),
    openScreen: (screen, lang) => openScreen(explorer.browser, explorer.server, screen, lang),
  };
  return explorer;
}
