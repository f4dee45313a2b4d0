import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../steps/load-step.js';
import { readerGoals } from './report.js';

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
