import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeStaleBundles, workerBundle } from './worker-bundle.js';

describe('the text worker bundle', () => {
  it('is one module of the project code, each module keeping its source file as import.meta.url', async () => {
    const url = await workerBundle();
    expect(url.href).toMatch(/\/dist\/ingest-worker\/process-worker-\d+-\d+\.mjs$/u);
    const code = readFileSync(fileURLToPath(url), 'utf8');
    // seeds/agencies.json is found beside ingest/resolve/, as when run from source.
    expect(code).toContain(JSON.stringify(pathToFileURL(fileURLToPath(new URL('./resolve/agency-table.ts', import.meta.url))).href));
    expect(code).not.toContain('import.meta.url');
    // Packages stay imports, resolved from the project's node_modules.
    expect(code).toMatch(/from "zod"/u);
    expect(await workerBundle()).toBe(url);
  });

  it('names the source file and line in a stack trace from the bundle, with source maps on as the pool turns them on', async () => {
    const url = await workerBundle();
    // Loaded outside a worker thread, process-worker.ts throws at once: a stack trace from the bundle's code.
    const script = `process.setSourceMapsEnabled(true); import(${JSON.stringify(url.href)}).catch((error) => console.log(error.stack))`;
    const { stdout } = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const source = fileURLToPath(new URL('./process-worker.ts', import.meta.url));
    const throwLine =
      readFileSync(source, 'utf8')
        .split('\n')
        .findIndex((line) => line.includes('throw new Error')) + 1;
    expect(stdout).toContain('process-worker runs as a worker thread');
    expect(stdout).toContain(`${source}:${throwLine}:`);
  });

  it("removes the bundles of processes that have ended, and keeps a running process's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-bundles-'));
    try {
      const ended = spawnSync(process.execPath, ['-e', '']).pid;
      const names = {
        ended: `process-worker-${ended}-0.mjs`,
        endedPartial: `process-worker-${ended}-3.mjs.partial`,
        running: `process-worker-${process.pid}-1.mjs`,
        runningPartial: `process-worker-${process.pid}-2.mjs.partial`,
        contentNamedOld: 'process-worker-0123456789abcdef.mjs',
        contentNamedRecent: 'process-worker-fedcba9876543210.mjs',
        other: 'notes.txt',
      };
      for (const name of Object.values(names)) writeFileSync(join(dir, name), '');
      const now = Date.now();
      const twoDaysAgo = (now - 2 * 24 * 60 * 60 * 1000) / 1000;
      utimesSync(join(dir, names.contentNamedOld), twoDaysAgo, twoDaysAgo);

      removeStaleBundles(dir, now);

      expect(readdirSync(dir).sort()).toEqual([names.contentNamedRecent, names.other, names.running, names.runningPartial].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
