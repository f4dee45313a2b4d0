/**
 * @module Debian's Chromium (/usr/bin/chromium) driven by playwright-core, headless and offline-minded,
 * for the browser tests (tests/e2e) and the UI benchmark (bench/steps/ui-step.ts). No vitest here, so
 * the benchmark can import it.
 */
import { chromium, type Browser } from 'playwright-core';

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
