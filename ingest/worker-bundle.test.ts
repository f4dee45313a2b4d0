import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerBundle } from './worker-bundle.js';

describe('the text worker bundle', () => {
  it('is one module of the project code, each module keeping its source file as import.meta.url', async () => {
    const url = await workerBundle();
    expect(url.href).toMatch(/\/dist\/ingest-worker\/process-worker-[0-9a-f]{16}\.mjs$/u);
    const code = readFileSync(fileURLToPath(url), 'utf8');
    // seeds/agencies.json is found beside ingest/resolve/, as when run from source.
    expect(code).toContain(JSON.stringify(pathToFileURL(fileURLToPath(new URL('./resolve/agency-table.ts', import.meta.url))).href));
    expect(code).not.toContain('import.meta.url');
    // Packages stay imports, resolved from the project's node_modules.
    expect(code).toMatch(/from "zod"/u);
    expect(await workerBundle()).toBe(url);
  });
});
