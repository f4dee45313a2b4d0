/**
 * @module Answers computed once and shared while what they read is unchanged: a query whose root
 * fields are all shared (every query's by default; see app.ts) is executed by the first request, which
 * stamps its answer with the version of what it reads (`stampOf`); later requests with the same
 * document, variables and operation get that answer for as long as the stamp holds (`holds`: no write
 * to what it read, no search index built since, for a search). Requests arriving while it is being
 * computed wait for it rather than compute it again. The graph does not change between writes, so
 * neither does the answer.
 *
 * A request asked before is answered from its parameters (document text, variables, operation),
 * before anything parses, validates or executes it: those hooks do not run for it, and a plugin
 * that adds to every result does so in onExecutionResult. Under load those steps, for an answer
 * already made, cost the server more than sending it (about a third of its CPU at 50 clients).
 *
 * A shared answer is kept as the UTF-8 bytes of its response, not as objects: `{"data":…` (2 MB
 * of JSON for the coverage of 300 jurisdictions) then the request's own extensions, bytes sent
 * again as they are while the extensions are the same. Stringifying, measuring and encoding the
 * same megabytes for every reader cost more than everything else the server did under load. A
 * long answer is then compressed in the background and kept, and sent to clients that take gzip
 * (browsers, Python's requests, Node's fetch), compressed (see gzip-with-tail.ts). At most
 * `maxBytes` are kept, those sent least recently dropped first.
 */
import {
  getArgumentValues,
  getOperationAST,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLSchema,
} from 'graphql';
import { processRegularResult, type Plugin } from 'graphql-yoga';
import { chooseEncoding } from '../accept-encoding.js';
import { compressHead, gzipWithTail, inflateHead, type CompressedHead } from './gzip-with-tail.js';

/** A root field of a shared query, with its arguments (null where they could not be read: the execution reports why). */
export interface RootField {
  name: string;
  args: Record<string, unknown> | null;
  selection: FieldNode;
}

/** A query whose answer is to be shared, as stampOf is given it. */
export interface SharedQuery {
  roots: readonly RootField[];
  document: DocumentNode;
  schema: GraphQLSchema;
}

export interface SharedAnswersOptions<Stamp> {
  /**
   * The stamp of what an answer to the query reads, taken under the read lock as it is computed (the
   * graph's version, and the search index's for a search); null when answers must not be shared
   * (another process may write the graph).
   */
  stampOf: (query: SharedQuery) => Stamp | null;
  /** Whether an answer stamped `stamp` is still the answer now. */
  holds: (stamp: Stamp) => boolean;
  /** Whether answers of a root field are shared. */
  shares: (field: string) => boolean;
  /**
   * Runs a lookup of an answer already made alongside the requests executing, never during a
   * commit (the read side of read-write-lock.ts): the version read then is the one a request
   * executed at that moment would read. @default runs it at once
   */
  whileReading?: <T>(lookup: () => Promise<T>) => Promise<T>;
  /**
   * Bytes of serialised answers kept at most, compressed ones counted compressed; the answers least
   * recently sent are dropped first, and an answer larger than that is not kept (the requests
   * waiting for it still get it). @default 64 MiB
   */
  maxBytes?: number;
}

/** The key of an answer: the request's document text, operation name and variables, as the client sent them. */
function answerKey(documentText: string | null, operationName: string | null | undefined, variables: unknown): string {
  return JSON.stringify([documentText, operationName ?? null, variables ?? {}]);
}

/** The query and its key when every root field is shared; null otherwise. */
export function sharedQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  shares: (field: string) => boolean,
): { key: string; query: SharedQuery } | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== OperationTypeNode.QUERY) return null;
  const selections = operation.selectionSet.selections;
  const roots: RootField[] = [];
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const selection of selections) {
    if (selection.kind !== Kind.FIELD) return null;
    const name = selection.name.value;
    if (name === '__typename') continue;
    const definition = fields[name];
    if (!shares(name) || !definition) return null;
    let args: Record<string, unknown> | null = null;
    try {
      args = getArgumentValues(definition, selection, variables);
    } catch {
      // Arguments the execution will refuse: its error is the answer, and an error is not shared.
    }
    roots.push({ name, args, selection });
  }
  if (selections.length === 0) return null;
  // graphql-yoga parses the request's `query` as it is, so the document's source is the text sent.
  return { key: answerKey(document.loc?.source.body ?? null, operationName, variables), query: { roots, document, schema } };
}

/** The media types of graphql-yoga's regular (JSON) result processor, in the order it tries them. */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;

function matchingMediaType(asked: string, offered: string): boolean {
  const [askedType, askedSubtype] = asked.split('/');
  const [type, subtype] = offered.split('/');
  return (type === '*' || type === askedType) && (subtype === '*' || subtype === askedSubtype);
}

/**
 * The media type graphql-yoga's regular processor answers `request` in: the last of its types
 * matching the Accept header read backwards, as graphql-yoga's result-processor/accept.js and
 * use-result-processor.js choose it (they do not tell a later plugin which type they chose).
 */
function regularMediaType(request: Request): string | null {
  let chosen: string | null = null;
  const accepts = (request.headers.get('accept') || '*/*').replace(/\s/g, '').toLowerCase().split(',').reverse();
  for (const accept of accepts) {
    const [mediaType, ...params] = accept.split(';');
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (mediaType === undefined || charset !== 'charset=utf-8') continue;
    for (const offered of REGULAR_MEDIA_TYPES) if (matchingMediaType(offered, mediaType)) chosen = offered;
  }
  return chosen;
}

/**
 * A shared answer: the bytes of its last response, `{"data":` and the data, then that response's
 * `tail` (its own extensions); once compressed, those of its gzip body instead.
 */
interface Answer {
  /** What stands for the answer as a result's `data` (see answerOf). */
  marker: object;
  /** The response uncompressed; null once compressed (inflated again for a client that takes no gzip). */
  body: Buffer<ArrayBuffer> | null;
  dataEnd: number;
  tail: string;
  /**
   * Bytes after `dataEnd` that the first response writes its tail into, so that it sends the
   * bytes serialised for it without copying them; empty once a response was sent (its body may
   * still be being written to the socket, and is not written over).
   */
  room: Buffer<ArrayBuffer> | null;
  /** `{"data":…` compressed, once done (see compressHead). */
  compressed: CompressedHead | null;
}

/** Bytes an answer holds: uncompressed until compressed, then compressed. */
const bytesOf = (answer: Answer) => answer.compressed?.gzip.length ?? answer.dataEnd;

/**
 * Answers at least this long are kept and sent gzip-compressed: a compare of two jurisdictions on a
 * store of 30,000 documents is about 3 MB of JSON, 13 times less compressed, and the answers of
 * a mix of 200 questions (120 MB) then fit in the bytes kept (64 MiB) instead of driving each
 * other out. Shorter ones gain too little for the headers it takes.
 */
const COMPRESSED_FROM_BYTES = 1024;

const DATA_PREFIX = '{"data":';

/** Bytes kept after an answer for its first response's tail: `,"extensions":{"storeQueries":12}}` and a few more. */
const TAIL_ROOM = 64;

/** The tail of a result: its fields after `data` as JSON.stringify writes them, closing the object. */
function tailOf(result: ExecutionResult): string {
  const rest: Record<string, unknown> = { ...result };
  delete rest.data;
  return Object.keys(rest).length === 0 ? '}' : `,${JSON.stringify(rest).slice(1)}`;
}

/**
 * The response graphql-yoga's regular processor gives for a result without errors, as
 * JSON.stringify writes `{"data":…,<its other fields>}` when `data` comes first: the answer's
 * bytes with the request's own tail, reused as they are when the tail is the last one's; gzipped
 * when the answer is compressed and the client takes gzip.
 */
function responseOf(
  result: ExecutionResult,
  answer: Answer,
  mediaType: string,
  acceptEncoding: string | null,
  fetchAPI: { Response: typeof Response },
): Response | Promise<Response> {
  const tail = tailOf(result);
  const headers: Record<string, string> = { 'Content-Type': `${mediaType}; charset=utf-8` };
  if (answer.dataEnd >= COMPRESSED_FROM_BYTES) headers.Vary = 'Accept-Encoding';
  const { body, compressed } = answer;
  if (compressed && chooseEncoding(acceptEncoding, ['gzip']) === 'gzip')
    return new fetchAPI.Response(gzipWithTail(compressed, tail), { status: 200, headers: { ...headers, 'Content-Encoding': 'gzip' } });
  if (body === null) {
    if (!compressed) throw new Error('a shared answer holds neither its bytes nor their compression');
    return inflateHead(compressed).then(
      (head) => new fetchAPI.Response(Buffer.concat([head, Buffer.from(tail)]), { status: 200, headers }),
    );
  }
  const { room } = answer;
  answer.room = null;
  if (tail !== answer.tail) {
    const tailBytes = Buffer.byteLength(tail);
    if (room && answer.dataEnd + tailBytes <= room.length) {
      room.write(tail, answer.dataEnd);
      answer.body = room.subarray(0, answer.dataEnd + tailBytes);
    } else answer.body = Buffer.concat([body.subarray(0, answer.dataEnd), Buffer.from(tail)]);
    answer.tail = tail;
  }
  return new fetchAPI.Response(answer.body, { status: 200, headers });
}

/** Whether `result` serialises as `{"data":…,<its other fields>}` with nothing for graphql-yoga to strip. */
function plainResult(result: unknown): result is ExecutionResult & { data: object } {
  if (typeof result !== 'object' || result === null || Array.isArray(result) || Symbol.asyncIterator in result) return false;
  const { data, errors, extensions } = result as ExecutionResult;
  return (
    typeof data === 'object' &&
    data !== null &&
    Object.keys(result)[0] === 'data' &&
    !errors?.length &&
    !(extensions as { http?: unknown } | undefined)?.http &&
    !('stringify' in result)
  );
}

/** An answer and what it was read from: being computed (`answer` undefined), failed (null) or kept. */
interface Entry<Stamp> {
  stamp: Stamp;
  computed: Promise<Answer | null>;
  answer: Answer | null | undefined;
  /** The bytes of the answer counted as kept. */
  bytes: number;
}

export function useSharedAnswers<Stamp>({
  stampOf,
  holds,
  shares,
  whileReading = (lookup) => lookup(),
  maxBytes = 64 * 2 ** 20,
}: SharedAnswersOptions<Stamp>): Plugin {
  /**
   * The answers, least recently sent first, and the bytes they hold. One whose stamp no longer holds
   * is dropped when next asked for, or as the least recently sent (it is sent no more).
   */
  const entries = new Map<string, Entry<Stamp>>();
  let keptBytes = 0;
  /**
   * The answer a result's `data` stands for: an empty object per answer, so that an answer is
   * kept as the bytes it was serialised to, not as the objects it was serialised from.
   */
  const answerOf = new WeakMap<object, Answer>();

  function drop(key: string, entry: Entry<Stamp>): void {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    keptBytes -= entry.bytes;
  }

  /** Counts the bytes the answer of a kept entry holds now, dropping the least recently sent if they are too many. */
  function count(key: string, entry: Entry<Stamp>, answer: Answer): void {
    if (entries.get(key) !== entry) return;
    keptBytes += bytesOf(answer) - entry.bytes;
    entry.bytes = bytesOf(answer);
    evict();
  }

  /** Compresses a long answer in the background; it is then kept and sent compressed. */
  function compress(key: string, entry: Entry<Stamp>, answer: Answer): void {
    const { body } = answer;
    if (answer.dataEnd < COMPRESSED_FROM_BYTES || !body) return;
    compressHead(body.subarray(0, answer.dataEnd)).then(
      (compressed) => {
        answer.compressed = compressed;
        answer.body = answer.room = null;
        count(key, entry, answer);
      },
      // Kept uncompressed: zlib fails only without memory, and the answer is still right.
      () => undefined,
    );
  }

  /** Drops the answers least recently sent until those kept fit in `maxBytes` (an answer larger than that is not kept). */
  function evict(): void {
    for (const [key, entry] of entries) {
      if (keptBytes <= maxBytes) return;
      if (entry.answer) drop(key, entry);
    }
  }

  /** The entry of `key` whose stamp holds, marked as sent most recently (those sent most recently are dropped last). */
  function holdingEntry(key: string): Entry<Stamp> | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (!holds(entry.stamp)) {
      drop(key, entry);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  /** Computes the answer of `key` once; requests asking meanwhile wait for it. */
  async function computeOnce(
    key: string,
    stamp: Stamp,
    compute: () => Promise<unknown>,
  ): Promise<{ result: unknown; answer: Answer | null }> {
    let settle: (answer: Answer | null) => void = () => undefined;
    const entry: Entry<Stamp> = { stamp, computed: new Promise((resolve) => (settle = resolve)), answer: undefined, bytes: 0 };
    const earlier = entries.get(key);
    if (earlier) drop(key, earlier);
    entries.set(key, entry);
    let result: unknown = null;
    try {
      result = await compute();
    } finally {
      // A failed answer is not shared: the next request computes its own.
      entry.answer = plainResult(result) ? serialisedAnswer(result.data) : null;
      settle(entry.answer);
      if (entries.get(key) === entry) {
        if (entry.answer === null) entries.delete(key);
        else {
          count(key, entry, entry.answer);
          compress(key, entry, entry.answer);
        }
      }
    }
    return { result, answer: entry.answer };
  }

  function serialisedAnswer(data: object): Answer {
    // Written into one buffer with room for the tail: the bytes are then neither concatenated to
    // the tail nor to the prefix (a copy of hundreds of KB for a compare, megabytes for a coverage).
    const json = JSON.stringify(data);
    const dataEnd = DATA_PREFIX.length + Buffer.byteLength(json);
    const room = Buffer.allocUnsafeSlow(dataEnd + TAIL_ROOM);
    room.write(DATA_PREFIX, 0, 'latin1');
    room.write(json, DATA_PREFIX.length);
    const answer: Answer = { marker: {}, body: room.subarray(0, dataEnd), dataEnd, tail: '', room, compressed: null };
    answerOf.set(answer.marker, answer);
    return answer;
  }

  return {
    async onParams({ params, request, setResult }) {
      if (typeof params.query !== 'string' || regularMediaType(request) === null) return;
      const key = answerKey(params.query, params.operationName, params.variables);
      // Nothing kept under this key: the request goes on to be parsed and executed (it may not be shared at all).
      if (!entries.get(key)?.answer) return;
      const answer = await whileReading(async () => holdingEntry(key)?.answer);
      if (answer) setResult({ data: answer.marker });
    },
    onResultProcess(payload) {
      const { request, result } = payload;
      if (!plainResult(result)) return;
      const answer = answerOf.get(result.data);
      const mediaType = regularMediaType(request);
      // onExecute shares answers only with requests that take the regular processor's JSON.
      if (!answer || mediaType === null) return;
      payload.setResultProcessor((processed, fetchAPI) => {
        // A hook after this one may have replaced the result: then it is processed as usual.
        if (!plainResult(processed) || processed.data !== result.data) return processRegularResult(processed, fetchAPI, mediaType);
        return responseOf(processed, answer, mediaType, request.headers.get('accept-encoding'), fetchAPI);
      }, mediaType);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      // The hook's arguments come typed as any: named here.
      const request = (args.contextValue as { request?: Request }).request;
      if (!request || regularMediaType(request) === null) return;
      const shared = sharedQuery(
        args.schema as GraphQLSchema,
        args.document as DocumentNode,
        args.operationName as string | null | undefined,
        args.variableValues as Record<string, unknown> | undefined,
        shares,
      );
      if (shared === null) return;
      const { key, query } = shared;
      const execute = executeFn as (executionArgs: unknown) => unknown;
      // Runs where execution runs, under the read lock (see read-write-lock.ts): no write in between.
      setExecuteFn((async (executionArgs: unknown) => {
        const stamp = stampOf(query);
        if (stamp === null) return execute(executionArgs);
        // No await unless an answer is there to wait for: requests arriving meanwhile must find the entry computeOnce sets.
        const earlier = holdingEntry(key);
        const answer = earlier && (await earlier.computed);
        if (answer) return { data: answer.marker };
        const computed = await computeOnce(key, stamp, async () => execute(executionArgs));
        return computed.answer ? { ...(computed.result as ExecutionResult), data: computed.answer.marker } : computed.result;
      }) as typeof executeFn);
    },
  };
}
