/**
 * @module Answers that cost every reader the same work, computed once per version of the graph and
 * shared: a query whose root fields are all among `fields` (the coverage matrix of every
 * jurisdiction, compare) is executed by the first request; later requests with the same document,
 * variables and operation get its result until the next write. Requests arriving while it is being
 * computed wait for it rather than compute it again.
 *
 * A shared answer is also serialised once: its `data` (2 MB of JSON for the coverage of 300
 * jurisdictions) is kept as UTF-8 bytes, and each response is those bytes with the request's own
 * extensions after them. Stringifying, measuring and encoding the same megabytes for every reader
 * cost more than everything else the server did under load.
 */
import { getOperationAST, Kind, OperationTypeNode, type DocumentNode, type ExecutionResult } from 'graphql';
import { processRegularResult, type Plugin } from 'graphql-yoga';

export interface SharedAnswersOptions {
  /** The graph's version; null when answers must not be shared (another process may write it). */
  version: () => number | null;
  /** Root fields whose answers are shared. */
  fields: ReadonlySet<string>;
}

function sharedKey(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
  fields: ReadonlySet<string>,
): string | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== OperationTypeNode.QUERY) return null;
  const roots = operation.selectionSet.selections;
  const shared = roots.every(
    (selection) => selection.kind === Kind.FIELD && (fields.has(selection.name.value) || selection.name.value === '__typename'),
  );
  if (!shared || roots.length === 0) return null;
  return JSON.stringify([document.loc?.source.body ?? null, operationName ?? null, variables ?? {}]);
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
 * The response graphql-yoga's regular processor gives for a result without errors, with the
 * `data` written from bytes serialised once: `{"data":…` then the result's other fields
 * (the request's extensions), as JSON.stringify orders them when `data` comes first.
 */
function responseOf(result: ExecutionResult, data: Buffer, mediaType: string, fetchAPI: { Response: typeof Response }): Response {
  const rest: Record<string, unknown> = { ...result };
  delete rest.data;
  const tail = Object.keys(rest).length === 0 ? '}' : `,${JSON.stringify(rest).slice(1)}`;
  const body = Buffer.concat([Buffer.from('{"data":'), data, Buffer.from(tail)]);
  return new fetchAPI.Response(body, { status: 200, headers: { 'Content-Type': `${mediaType}; charset=utf-8` } });
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

export function useSharedAnswers({ version, fields }: SharedAnswersOptions): Plugin {
  let answersOf: number | null = null;
  let answers = new Map<string, Promise<ExecutionResult | null>>();
  /** The `data` of each shared answer, serialised when first sent (null until then). */
  const serialised = new WeakMap<object, Buffer | null>();
  return {
    onResultProcess(payload) {
      const { request, result, resultProcessor } = payload;
      if (resultProcessor !== processRegularResult || !plainResult(result) || !serialised.has(result.data)) return;
      const mediaType = regularMediaType(request);
      if (mediaType === null) return;
      const data = result.data;
      payload.setResultProcessor((processed, fetchAPI) => {
        // A hook after this one may have replaced the result: then it is processed as usual.
        if (!plainResult(processed) || processed.data !== data) return processRegularResult(processed, fetchAPI, mediaType);
        let bytes = serialised.get(data);
        if (!bytes) serialised.set(data, (bytes = Buffer.from(JSON.stringify(data))));
        return responseOf(processed, bytes, mediaType, fetchAPI);
      }, mediaType);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      // The hook's arguments come typed as any: named here.
      const key = sharedKey(args.document as DocumentNode, args.operationName as string | null | undefined, args.variableValues, fields);
      const execute = executeFn as (
        executionArgs: unknown,
      ) => Promise<ExecutionResult | AsyncIterable<unknown>> | ExecutionResult | AsyncIterable<unknown>;
      if (key === null) return;
      // Runs where execution runs, under the read lock (see read-write-lock.ts): no write in between.
      setExecuteFn(async (executionArgs) => {
        const now = version();
        if (now === null) return execute(executionArgs);
        if (answersOf !== now) {
          answersOf = now;
          answers = new Map();
        }
        const earlier = await answers.get(key);
        if (earlier) return earlier;
        const computing = Promise.resolve(execute(executionArgs));
        const cache = answers;
        const shared = computing.then(
          (result) => {
            if (Symbol.asyncIterator in result || result.errors?.length) return null;
            if (result.data) serialised.set(result.data, null);
            return result;
          },
          () => null,
        );
        cache.set(key, shared);
        // A failed answer is not shared: the next request computes its own.
        void shared.then((result) => result === null && cache.get(key) === shared && cache.delete(key));
        return computing;
      });
    },
  };
}
