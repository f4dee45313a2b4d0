/**
 * @module Child process of the benchmark: concurrent GraphQL load with autocannon from a process of
 * its own (so the client's work is not the server's), cycling through the given request bodies.
 * A 200 answer carrying GraphQL `errors` counts as an error too. Writes its result as JSON to --out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  graphqlErrors: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      bodies: { type: 'string' },
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      rate: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.url || !values.bodies || !values.out) throw new Error('usage: load-step --url URL --bodies FILE --out FILE');
  const bodies = JSON.parse(readFileSync(values.bodies, 'utf8')) as string[];
  let graphqlErrors = 0;
  const connections = Number(values.connections);
  const durationS = Number(values.duration);
  const result = await autocannon({
    url: values.url,
    connections,
    duration: durationS,
    timeout: 30,
    ...(values.rate ? { overallRate: Number(values.rate) } : {}),
    requests: bodies.map((body) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body,
      onResponse: (status: number, responseBody: string) => {
        if (status === 200 && responseBody.includes('"errors"')) graphqlErrors += 1;
      },
    })),
  });
  const out: LoadResult = {
    connections,
    durationS,
    requests: result.requests.total,
    requestsPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
  writeFileSync(values.out, JSON.stringify(out));
}

await main();
