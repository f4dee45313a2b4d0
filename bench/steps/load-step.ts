/**
 * @module Child process of the benchmark: concurrent GraphQL load with autocannon from a process of
 * its own (so the client's work is not the server's), cycling through the given request bodies.
 * A 200 answer carrying GraphQL `errors` counts as an error too: looked for in the answer's bytes
 * as they arrive, not in the string autocannon builds of them (see `errorsSeenIn`). Each answer's
 * latency is kept under its body's kind, so the result gives percentiles per kind beside the
 * overall ones. Writes its result as JSON to --out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { errorsSeenIn } from '../support/errors-seen-in.js';
import { summarise, type LatencySummary } from '../support/stats.js';

/** A request body of the load and what it asks for (search, lineage, …), to report latency per kind. */
export interface LoadBody {
  kind: string;
  body: string;
}

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  /** Latency of the answers of each kind of body. */
  byKind: Record<string, LatencySummary>;
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
  const bodies = JSON.parse(readFileSync(values.bodies, 'utf8')) as LoadBody[];
  let graphqlErrors = 0;
  const connections = Number(values.connections);
  const durationS = Number(values.duration);
  const latencies = new Map<string, number[]>(bodies.map(({ kind }) => [kind, []]));
  // autocannon calls a request's onResponse and then, synchronously, its client's 'response'
  // listener with the latency (lib/httpClient.js): the kind set by the one is the other's.
  let answeredKind = '';
  const requests = bodies.map(({ kind, body }) => ({
    method: 'POST' as const,
    // As browsers, Python's requests and Node's fetch ask: a long shared answer then comes gzipped
    // (see shared-answers.ts). Only answers without errors are, so errorsSeenIn still sees every error.
    headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate' },
    body,
    // The body (a string autocannon builds) is left alone: see errorsSeenIn.
    onResponse: () => {
      answeredKind = kind;
    },
  }));
  let clients = 0;
  const result = await autocannon({
    url: values.url,
    connections,
    duration: durationS,
    timeout: 30,
    ...(values.rate ? { overallRate: Number(values.rate) } : {}),
    requests,
    setupClient: (client) => {
      // Every client would start at the first body: all 50 would ask the same kind at once, then
      // the next. Each starts further along instead, so that the kinds are mixed from the start.
      const start = Math.floor((clients * requests.length) / connections) % requests.length;
      clients += 1;
      client.setRequests([...requests.slice(start), ...requests.slice(0, start)]);
      const errors = errorsSeenIn();
      // autocannon emits each piece of an answer's body as it is parsed, before the answer's 'response'.
      client.on('body', (bytes: Buffer) => errors.chunk(bytes));
      client.on('response', (status, _bytes, ms) => {
        latencies.get(answeredKind)?.push(ms);
        if (errors.answered() && status === 200) graphqlErrors += 1;
      });
    },
  });
  const overall = summarise([...latencies.values()].flat());
  const out: LoadResult = {
    connections,
    durationS,
    requests: result.requests.total,
    requestsPerSec: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP95Ms: overall.p95,
    latencyP99Ms: result.latency.p99,
    byKind: Object.fromEntries([...latencies].map(([kind, times]) => [kind, summarise(times)])),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  };
  writeFileSync(values.out, JSON.stringify(out));
}

await main();
