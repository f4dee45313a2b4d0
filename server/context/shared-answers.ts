/**
 * @module Answers computed once per version of the graph and shared: a query whose root fields are
 * all shared (every query's by default; see app.ts) is executed by the first request; later requests
 * with the same document, variables and operation get its answer until the version changes (a write,
 * a search index built). Requests arriving while it is being computed wait for it rather than
 * compute it again. The graph does not change between writes, so neither does the answer.
 *
 * A request asked before is answered from its parameters (document text, variables, operation),
 * before anything parses, validates or executes it: those hooks do not run for it, and a plugin
 * that adds to every result does so in onExecutionResult. Under load those steps, for an answer
 * already made, cost the server more than sending it (about a third of its CPU at 50 clients).
 *
 * A shared answer is kept as the UTF-8 bytes of its response, not as objects: `{"data":…` (2 MB
 * of JSON for the coverage of 300 jurisdictions) then the request's own extensions, bytes sent
 * again as they are while the extensions are the same. Stringifying, measuring and encoding the
 * same megabytes for every reader cost more than everything else the server did under load. At
 * most `maxBytes` are kept, those sent least recently dropped first.
 */
import { getOperationAST, Kind, OperationTypeNode, type DocumentNode, type ExecutionResult } from 'graphql';
import { processRegularResult, type Plugin } from 'graphql-yoga';

export interface SharedAnswersOptions {
  /**
   * The version of what the answers are read from (the graph, and for searches the index); null
   * when answers must not be shared (another process may write the graph).
   */
  version: () => string | number | null;
  /** Whether answers of a root field are shared. */
  shares: (field: string) => boolean;
  /**
   * Runs a lookup of an answer already made alongside the requests executing, never during a
   * commit (the read side of read-write-lock.ts): the version read then is the one a request
   * executed at that moment would read. @default runs it at once
   */
  whileReading?: <T>(lookup: () => Promise<T>) => Promise<T>;
  /**
   * Bytes of serialised answers kept at most; the answers least recently sent are dropped
   * first, and an answer larger than that is not kept (the requests waiting for it still get it).
   * @default 64 MiB
   */
  maxBytes?: number;
}

/** The key of an answer: the request's document text, operation name and variables, as the client sent them. */
function answerKey(documentText: string | null, operationName: string | null | undefined, variables: unknown): string {
  return JSON.stringify([documentText, operationName ?? null, variables ?? {}]);
}

function sharedKey(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
  shares: (field: string) => boolean,
): string | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== OperationTypeNode.QUERY) return null;
  const roots = operation.selectionSet.selections;
  const shared = roots.every(
    (selection) => selection.kind === Kind.FIELD && (shares(selection.name.value) || selection.name.value === '__typename'),
  );
  if (!shared || roots.length === 0) return null;
  // graphql-yoga parses the request's `query` as it is, so the document's source is the text sent.
  return answerKey(document.loc?.source.body ?? null, operationName, variables);
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

/** A shared answer: the bytes of its last response, `{"data":` and the data, then that response's `tail` (its own extensions). */
interface Answer {
  /** What stands for the answer as a result's `data` (see answerOf). */
  marker: object;
  body: Buffer<ArrayBuffer>;
  dataEnd: number;
  tail: string;
  /**
   * Bytes after `dataEnd` that the first response writes its tail into, so that it sends the
   * bytes serialised for it without copying them; empty once a response was sent (its body may
   * still be being written to the socket, and is not written over).
   */
  room: Buffer<ArrayBuffer> | null;
}

const DATA_PREFIX = '{"data":';

/** Bytes kept after an answer for its first response's tail: `,"extensions":{"storeQueries":12}}` and a few more. */
const TAIL_ROOM = 64;

/**
 * The response graphql-yoga's regular processor gives for a result without errors, as
 * JSON.stringify writes `{"data":…,<its other fields>}` when `data` comes first: the answer's
 * bytes with the request's own tail, reused as they are when the tail is the last one's.
 */
function responseOf(result: ExecutionResult, answer: Answer, mediaType: string, fetchAPI: { Response: typeof Response }): Response {
  const rest: Record<string, unknown> = { ...result };
  delete rest.data;
  const tail = Object.keys(rest).length === 0 ? '}' : `,${JSON.stringify(rest).slice(1)}`;
  const { room } = answer;
  answer.room = null;
  if (tail !== answer.tail) {
    const tailBytes = Buffer.byteLength(tail);
    if (room && answer.dataEnd + tailBytes <= room.length) {
      room.write(tail, answer.dataEnd);
      answer.body = room.subarray(0, answer.dataEnd + tailBytes);
    } else answer.body = Buffer.concat([answer.body.subarray(0, answer.dataEnd), Buffer.from(tail)]);
    answer.tail = tail;
  }
  return new fetchAPI.Response(answer.body, { status: 200, headers: { 'Content-Type': `${mediaType}; charset=utf-8` } });
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

/** An answer of the current version: being computed (`answer` undefined), failed (null) or kept. */
interface Entry {
  computed: Promise<Answer | null>;
  answer: Answer | null | undefined;
}

export function useSharedAnswers({
  version,
  shares,
  whileReading = (lookup) => lookup(),
  maxBytes = 64 * 2 ** 20,
}: SharedAnswersOptions): Plugin {
  let answersOf: string | number | null = null;
  /** The answers of `answersOf`, least recently sent first, and the bytes they hold. */
  let entries = new Map<string, Entry>();
  let keptBytes = 0;
  /**
   * The answer a result's `data` stands for: an empty object per answer, so that an answer is
   * kept as the bytes it was serialised to, not as the objects it was serialised from.
   */
  const answerOf = new WeakMap<object, Answer>();

  /** Drops the answers least recently sent until those kept fit in `maxBytes` (an answer larger than that is not kept). */
  function evict(): void {
    for (const [key, entry] of entries) {
      if (keptBytes <= maxBytes) return;
      if (!entry.answer) continue;
      entries.delete(key);
      keptBytes -= entry.answer.dataEnd;
    }
  }

  /** Computes the answer of `key` once; requests asking meanwhile wait for it. */
  async function computeOnce(key: string, compute: () => Promise<unknown>): Promise<{ result: unknown; answer: Answer | null }> {
    let settle: (answer: Answer | null) => void = () => undefined;
    const entry: Entry = { computed: new Promise((resolve) => (settle = resolve)), answer: undefined };
    const cache = entries;
    cache.set(key, entry);
    let result: unknown = null;
    try {
      result = await compute();
    } finally {
      // A failed answer is not shared: the next request computes its own.
      entry.answer = plainResult(result) ? serialisedAnswer(result.data) : null;
      settle(entry.answer);
      if (cache.get(key) === entry) {
        if (entry.answer === null) cache.delete(key);
        else if (cache === entries) {
          keptBytes += entry.answer.dataEnd;
          evict();
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
    const answer: Answer = { marker: {}, body: room.subarray(0, dataEnd), dataEnd, tail: '', room };
    answerOf.set(answer.marker, answer);
    return answer;
  }

  /** The answer kept for `key` at the current version, marked as sent most recently; undefined when there is none yet. */
  function keptAnswer(key: string): Answer | undefined {
    const now = version();
    if (now === null || answersOf !== now) return undefined;
    const entry = entries.get(key);
    if (!entry?.answer) return undefined;
    // Sent again: the answers sent most recently are dropped last.
    entries.delete(key);
    entries.set(key, entry);
    return entry.answer;
  }

  return {
    async onParams({ params, request, setResult }) {
      if (typeof params.query !== 'string' || regularMediaType(request) === null) return;
      const key = answerKey(params.query, params.operationName, params.variables);
      // Nothing kept under this key: the request goes on to be parsed and executed (it may not be shared at all).
      if (!entries.get(key)?.answer) return;
      const answer = await whileReading(async () => keptAnswer(key));
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
        return responseOf(processed, answer, mediaType, fetchAPI);
      }, mediaType);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      // The hook's arguments come typed as any: named here.
      const request = (args.contextValue as { request?: Request }).request;
      if (!request || regularMediaType(request) === null) return;
      const key = sharedKey(args.document as DocumentNode, args.operationName as string | null | undefined, args.variableValues, shares);
      if (key === null) return;
      const execute = executeFn as (executionArgs: unknown) => unknown;
      // Runs where execution runs, under the read lock (see read-write-lock.ts): no write in between.
      setExecuteFn((async (executionArgs: unknown) => {
        const now = version();
        if (now === null) return execute(executionArgs);
        if (answersOf !== now) {
          answersOf = now;
          entries = new Map();
          keptBytes = 0;
        }
        const earlier = entries.get(key);
        const answer = earlier && (await earlier.computed);
        if (earlier && answer) {
          // Sent again: the answers sent most recently are dropped last.
          if (entries.get(key) === earlier) {
            entries.delete(key);
            entries.set(key, earlier);
          }
          return { data: answer.marker };
        }
        const computed = await computeOnce(key, async () => execute(executionArgs));
        return computed.answer ? { ...(computed.result as ExecutionResult), data: computed.answer.marker } : computed.result;
      }) as typeof executeFn);
    },
  };
}
