/**
 * @module Helpers for browser tests of the explorer: build the client into its own folder (so test files
 * running side by side never empty each other's build), start the app on it, launch Debian's Chromium, and
 * ask the API what the page should show.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './start-server.js';

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
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
  lang: 'zh' | 'en' = 'zh',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height } });
  await context.addInitScript((chosen) => window.localStorage.setItem('reformgraph.lang', chosen), lang);
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.url) || route.request().url().startsWith('data:') ? route.continue() : route.abort(),
  );
  return { context, page: await context.newPage() };
}
