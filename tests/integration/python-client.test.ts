/**
 * The notebook example as documented: the server listens on a free port over the five seed
 * documents, and `python3 examples/client.py URL` prints search, lineage, coverage and compare.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { buildSearchIndex } from '../../server/search/store-search-index.js';
import { readQueries } from '../../store/queries/index.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';

const run = promisify(execFile);

let seeded: SeededStore;
let server: Server;
let endpoint: string;

beforeAll(async () => {
  seeded = await openSeededStore();
  const app = createApp({ store: seeded.store, logger: silentLogger, searchIndex: await buildSearchIndex(seeded.store) });
  server = createServer(app.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await seeded.close();
});

describe('examples/client.py', () => {
  it('prints search hits, a lineage, the coverage matrix and a comparison from the seeded graph', async () => {
    // Async on purpose: the server answering the script lives in this process.
    const { stdout } = await run('python3', ['examples/client.py', endpoint], { timeout: 60_000 });

    expect(stdout).toContain('== search: 医保支付');
    expect(stdout).toMatch(/snippet: .*«[^»]+»/);
    expect(stdout).toMatch(/== lineage of /);
    expect(stdout).toMatch(/-\[IMPLEMENTS \d\.\d\d (verbatim|adapted|paraphrase)\]-> national item /);

    // The coverage table names each jurisdiction that has tasks, with its count of gaps.
    const withTasks = (await seeded.store.read(readQueries.jurisdictionIdsWithTasks)).map((row) => row.id);
    const jurisdictions = await seeded.store.read(readQueries.jurisdictionsByIds, { ids: withTasks });
    expect(withTasks.length).toBe(5);
    expect(stdout).toContain(`== coverage: `);
    for (const jurisdiction of jurisdictions) {
      expect(stdout).toMatch(
        new RegExp(`${jurisdiction.name} \\(${jurisdiction.id}\\): \\d+ items covered, \\d+ possible \\([^)]*\\), \\d+ gaps`),
      );
    }
    const [first, second] = [...withTasks].sort();
    expect(stdout).toContain(`== compare `);
    expect(stdout).toContain(`(${first!}) with `);
    expect(stdout).toContain(`(${second!})`);
    expect(stdout).toMatch(/shared: \d+ {3}only .+: \d+ {3}only .+: \d+/);

    // Each column names its documents; a gap is audited; adoption is drawn per pillar.
    for (const jurisdiction of jurisdictions) expect(stdout).toMatch(new RegExp(`${jurisdiction.name} rests on: \\S`));
    expect(stdout).toMatch(/== gap audit: .+ x \S+ .+ \(GAP\)/);
    expect(stdout).toMatch(/ {3}(candidate \d\.\d\d|keyword |no candidate)/);
    expect(stdout).toMatch(/== adoption \d{4}–\d{4}/);
    expect(stdout).toMatch(/\d+ of \d+ \(jurisdiction, item\) pairs adopted/);
  });

  it('runs the code cells of examples/notebook.ipynb in order against the same server', async () => {
    // The cells joined into one script: what "Run all" does in Jupyter, without needing Jupyter.
    const script = [
      'import json, os, sys',
      'notebook = json.load(open("examples/notebook.ipynb", encoding="utf-8"))',
      'source = "\\n\\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")',
      'exec(compile(source, "notebook.ipynb", "exec"))',
    ].join('\n');
    const { stdout } = await run('python3', ['-c', script], { timeout: 60_000, env: { ...process.env, REFORMGRAPH_GRAPHQL: endpoint } });
    expect(stdout).toMatch(/«家庭医生签约»/);
    expect(stdout).toMatch(/IMPLEMENTS\(\d\.\d\d\)/);
    expect(stdout).toMatch(/gaps per jurisdiction: \{'/);
    expect(stdout).toMatch(/ vs .+: \d+ shared, \d+ only in /);
  });

  it('explains a refused query instead of printing a traceback', async () => {
    const failure = await run('python3', ['examples/client.py', endpoint, ' '], { timeout: 60_000 }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect('code' in failure && failure.code).toBe(1);
    expect('stderr' in failure ? failure.stderr : '').toContain(
      'the server refused the query: Argument "text" must not be empty. [BAD_USER_INPUT]',
    );
  });
});
