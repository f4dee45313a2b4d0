import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../steps/load-step.js';
import { corpusGoals, latencyGoals, lineageViewGoal, readerGoals, smallerSizeGoals, type GrowthRow } from './report.js';
import type { UiResult } from '../steps/ui-step.js';

const summary = (p95: number) => ({ n: 100, p50: p95 / 2, p95, p99: p95 * 2, max: p95 * 3 });

function fiftyClients(overrides: Partial<LoadResult>): LoadResult {
  return {
    connections: 50,
    durationS: 10,
    requests: 5200,
    requestsPerSec: 520,
    latencyP50Ms: 40,
    latencyP95Ms: 120,
    latencyP99Ms: 180,
    byKind: { search: summary(15), lineage: summary(12), compare: summary(30), coverage: summary(90), tasksPage: summary(60) },
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    graphqlErrors: 0,
    ...overrides,
  };
}

describe("issue 15's reader goals", () => {
  it('reads throughput as a lower bound, p99 and each kind’s p95 as upper bounds', () => {
    const verdicts = Object.fromEntries(readerGoals(fiftyClients({})).map((goal) => [goal.goal, goal.pass]));
    expect(verdicts).toEqual({
      '50 clients, mixed load: requests/s (at least)': true,
      '50 clients, mixed load: p99': true,
      '50 clients, mixed load: errors': true,
      '50 clients, mixed load: search p95': true,
      '50 clients, mixed load: lineage p95': false,
      '50 clients, mixed load: compare p95': true,
      '50 clients, mixed load: coverage p95': true,
    });
  });

  it('misses throughput below 500 requests/s, and counts GraphQL errors and timeouts as errors', () => {
    const goals = readerGoals(fiftyClients({ requestsPerSec: 142, graphqlErrors: 2, timeouts: 1 }));
    expect(goals.find((goal) => goal.goal.includes('requests/s'))).toMatchObject({ pass: false, margin: 'short by 358 req/s' });
    expect(goals.find((goal) => goal.goal.includes('errors'))).toMatchObject({ pass: false, margin: '3 errors' });
  });

  it('misses a kind the load never answered instead of passing it', () => {
    const goals = readerGoals(fiftyClients({ byKind: {} }));
    expect(goals.find((goal) => goal.goal.includes('coverage'))?.pass).toBe(false);
  });
});

describe("issue 15's load, latency and lineage-view goals", () => {
  it('holds 3,000 documents to 60 s and 2 GiB, and a larger corpus to 10 minutes and 4 GiB', () => {
    const limits = (documents: number) =>
      corpusGoals({ documents, totalSeconds: 100, peakRssMiB: 3000 }, 'full').map((goal) => [goal.limit, goal.pass]);
    expect(limits(3000)).toEqual([
      [60, false],
      [2048, false],
    ]);
    expect(limits(30_000)).toEqual([
      [600, true],
      [4096, true],
    ]);
  });

  it('says when a quick corpus is not the size of the goal', () => {
    const [load] = corpusGoals({ documents: 8, totalSeconds: 5, peakRssMiB: 500 }, 'quick');
    expect(load?.goal).toContain('quick corpus');
  });

  it('holds each kind of request one at a time to the p95 the issue sets', () => {
    const http = { search: summary(21), lineage: summary(9), compare: summary(49), coverage: summary(101), tasksPage: summary(500) };
    const verdicts = latencyGoals(Object.fromEntries(Object.entries(http).map(([kind, s]) => [kind, { ...s, errors: 0 }])));
    expect(verdicts.map((goal) => [goal.goal, goal.limit, goal.pass])).toEqual([
      ['search p95 over HTTP', 20, false],
      ['lineage p95 over HTTP', 10, true],
      ['compare p95 over HTTP', 50, true],
      ['coverage of all jurisdictions (count matrix) p95 over HTTP', 100, false],
    ]);
  });

  it('misses the lineage view when one run of five takes 3 s or more, whatever the median', () => {
    const view = (slowestDrawMs: number): UiResult => ({
      ...{ elements: 5000, nodes: 2500, layoutMs: 900, drawMs: 2000, renderer: 'canvas', runs: 5 },
      slowestDrawMs,
    });
    expect(lineageViewGoal({ 'dagre:5000': view(3100) })).toMatchObject({ measured: 3100, limit: 3000, pass: false });
    const passing = lineageViewGoal({ 'dagre:5000': view(2900) });
    expect([passing.pass, passing.goal]).toEqual([true, 'lineage view with 5,000 elements drawn and laid out, slowest of 5 runs']);
    expect(lineageViewGoal({}).pass).toBe(false);
  });
});

describe("issue 15's goals at the smaller size of a run over several years", () => {
  const size = (documents: number, overrides: Partial<GrowthRow> = {}): GrowthRow => ({
    documents,
    tasks: documents * 70,
    loadSeconds: documents / 30,
    loadPeakRssMiB: 2000,
    coldStartSeconds: 60,
    persistedStartSeconds: 10,
    serverRssMiB: 1300,
    p95Ms: { search: 15, lineage: 5, compare: 30, coverage: 40 },
    readers: {
      repeated: { requestsPerSec: 400, p99Ms: 300, failed: 0 },
      askingNew: { requestsPerSec: 100, p99Ms: 900, failed: 0 },
      whileUploading: null,
    },
    ...overrides,
  });

  it('holds the first year (the national store) to the latency, start and memory goals, named with its size', () => {
    const goals = smallerSizeGoals([
      size(3000, { serverRssMiB: 1600, p95Ms: { search: 25, lineage: 5, compare: 30, coverage: 40 } }),
      size(30000),
    ]);
    expect(goals.map((goal) => [goal.goal, goal.limit, goal.pass])).toEqual([
      ['search p95 over HTTP, 3000 documents', 20, false],
      ['lineage p95 over HTTP, 3000 documents', 10, true],
      ['compare p95 over HTTP, 3000 documents', 50, true],
      ['coverage of all jurisdictions (count matrix) p95 over HTTP, 3000 documents', 100, true],
      ['server ready (search and coverage from memory) after a persisted start, 3000 documents', 15, true],
      ['server RSS when ready and after 50 clients, the larger, 3000 documents', 1536, false],
    ]);
  });

  it('takes the smaller size whatever the order of the rows, and adds nothing for a run of one size', () => {
    expect(smallerSizeGoals([size(30000), size(3000, { persistedStartSeconds: 20 })]).at(-2)).toMatchObject({ measured: 20, pass: false });
    expect(smallerSizeGoals([size(3000)])).toEqual([]);
  });
});
