import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleGraph, type SampleGraph } from '../testing/sample-graph.js';

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

let graph: SampleGraph;
let out: string;

beforeAll(async () => {
  graph = await openSampleGraph();
  await graph.release();
  out = mkdtempSync(join(tmpdir(), 'reformgraph-export-'));
});

afterAll(async () => {
  await graph.dispose();
  rmSync(out, { recursive: true, force: true });
});

function exportTo(format: string, target: string) {
  return run(tsx, ['server/export/cli.ts', '--format', format, '--out', target], {
    env: { ...process.env, REFORMGRAPH_DB: graph.path },
    timeout: 60_000,
  });
}

describe('npm run export', () => {
  it('writes graph.json with every node and edge of the store', async () => {
    const { stdout } = await exportTo('json', join(out, 'graph.json'));
    // Hand count of sample-graph.ts: 5 jurisdictions, 4 policies, 9 tasks, 4 agencies, 3 targets, 4 national items.
    expect(stdout).toContain('wrote 29 nodes and');
    const graphJson = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as { nodes: unknown[]; edges: { type: string }[] };
    expect(graphJson.nodes).toHaveLength(29);
    expect(graphJson.edges.filter((edge) => edge.type === 'IMPLEMENTS')).toHaveLength(5);
  });

  it('writes one CSV file per label and relationship type into the folder given', async () => {
    await exportTo('csv', join(out, 'csv'));
    const files = readdirSync(join(out, 'csv')).sort();
    expect(files).toContain('Task.csv');
    expect(files).toContain('IMPLEMENTS.csv');
    expect(files).toContain('MAY_IMPLEMENT.csv');
    expect(files).toHaveLength(17);
    const tasks = readFileSync(join(out, 'csv', 'Task.csv'), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(tasks).toHaveLength(1 + 9);
  });

  it('writes GraphML', async () => {
    await exportTo('graphml', join(out, 'graph.graphml'));
    const xml = readFileSync(join(out, 'graph.graphml'), 'utf8');
    expect(xml.match(/<node id=/g)).toHaveLength(29);
  });

  it('explains a bad format and exits with status 2', async () => {
    const failure = await exportTo('xml', join(out, 'x')).catch((error: unknown) => error as { code: number; stderr: string });
    expect('code' in failure && failure.code).toBe(2);
    expect('stderr' in failure ? failure.stderr : '').toContain('--format must be json, csv or graphml');
  });
});
