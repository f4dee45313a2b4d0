/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface Request {
    method?: 'GET' | 'POST';
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    onResponse?: (status: number, body: string) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    overallRate?: number;
    requests?: Request[];
    /** Called with each client (one per connection) once it is made. */
    setupClient?: (client: Client) => void;
  }
  interface Client {
    /** The bodies this client cycles through, from the first. */
    setRequests(requests: Request[]): void;
    /** After each answer, with its status, size in bytes and latency in milliseconds. */
    on(event: 'response', listener: (status: number, bytes: number, latencyMs: number) => void): Client;
    /** Each piece of an answer's body as it is parsed (lib/httpClient.js), before that answer's 'response'. */
    on(event: 'body', listener: (bytes: Buffer) => void): Client;
  }
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
