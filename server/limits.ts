/**
 * @module Protection against expensive queries: the request body and the query's token count are
 * capped before parsing, depth, estimated cost and aliases are checked while validating
 * (graphql-armor rules), execution is aborted after a timeout. Each rejection is a GraphQL error
 * with a code a client can act on.
 */
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type DocumentNode, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { BodyTooLarge, declaredTooLarge, readBodyLimited } from './read-body.js';
import { defaultArgLimits, type ArgLimits } from './schema/args.js';

export interface ApiLimits extends ArgLimits {
  /** Deepest selection, counting the entry point. @default 12 */
  maxDepth: number;
  /**
   * graphql-armor's static cost estimate of the selection (objects 2, scalars 1, ×1.5 per
   * level); row counts are bounded by the page-size arguments instead. The explorer's largest
   * query, compare with full task summaries on both sides, costs about 1,800.
   * @default 5000
   */
  maxCost: number;
  /** @default 20 */
  maxAliases: number;
  /** Execution time before the request is aborted. @default 15000 */
  timeoutMs: number;
  /** Most tokens in a query document; the parser gives up beyond. @default 3000 */
  maxTokens: number;
  /** Largest GraphQL request body, in bytes. @default 100000 */
  maxRequestBytes: number;
}

export const defaultLimits: ApiLimits = {
  ...defaultArgLimits,
  maxDepth: 12,
  maxCost: 5_000,
  maxAliases: 20,
  timeoutMs: 15_000,
  maxTokens: 3_000,
  maxRequestBytes: 100_000,
};

/**
 * graphql-armor reports a rejection as a plain GraphQLError; this adds the code. The error is
 * created just before the callback and thrown right after it, so adding to it is safe.
 */
function withCode(code: string) {
  return (_context: ValidationContext | null, error: GraphQLError) => {
    (error.extensions as Record<string, unknown>).code = code;
  };
}

export function useQueryLimits(limits: ApiLimits): Plugin[] {
  return [
    useRequestSizeLimit(limits.maxRequestBytes),
    useTokenLimit(limits.maxTokens),
    maxDepthPlugin({ n: limits.maxDepth, onReject: [withCode('QUERY_TOO_DEEP')] }),
    costLimitPlugin({ maxCost: limits.maxCost, onReject: [withCode('QUERY_TOO_COMPLEX')] }),
    maxAliasesPlugin({ n: limits.maxAliases, onReject: [withCode('TOO_MANY_ALIASES')] }),
    useExecutionTimeout(limits.timeoutMs),
  ];
}

/**
 * Aborts execution (and any resolver watching the signal) after `timeoutMs`, or when the client
 * goes away. The two are joined by hand, not with AbortSignal.any: Node keeps every signal that
 * AbortSignal.any made and that has a listener (nodejs/node#54614), and graphql-yoga's executor
 * listens, so each request's execution state stayed in memory for good (130 KB per compare).
 */
export function useExecutionTimeout(timeoutMs: number): Plugin {
  return {
    onExecute({ args }) {
      const controller = new AbortController();
      const timer = setTimeout(() => {
        controller.abort(
          new GraphQLError(`The query took longer than ${timeoutMs} ms and was stopped; ask for fewer fields or rows.`, {
            extensions: { code: 'TIMEOUT' },
          }),
        );
      }, timeoutMs);
      const requestSignal = (args.contextValue as { request?: Request }).request?.signal;
      const clientGone = () => controller.abort(requestSignal?.reason);
      if (requestSignal?.aborted) clientGone();
      else requestSignal?.addEventListener('abort', clientGone, { once: true });
      // The executor of graphql-yoga honours args.signal (see useExecutionCancellation); the request's store reads too (request-context.ts).
      (args as { signal?: AbortSignal }).signal = controller.signal;
      const execution = (args.contextValue as { execution?: { signal: AbortSignal | null } }).execution;
      if (execution) execution.signal = controller.signal;
      return {
        onExecuteDone() {
          clearTimeout(timer);
          requestSignal?.removeEventListener('abort', clientGone);
        },
      };
    },
  };
}

function requestTooLarge(maxBytes: number): GraphQLError {
  return createGraphQLError(`The request body is larger than ${maxBytes} bytes; send a shorter query or fewer variables.`, {
    extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 413 } },
  });
}

/**
 * Refuses oversized request bodies: by Content-Length before anything is read, and for chunked
 * bodies (no Content-Length) by reading at most `maxBytes` before yoga's own parser sees them.
 */
export function useRequestSizeLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser) return;
      const parse = requestParser;
      setRequestParser(async (incoming) => {
        if (declaredTooLarge(incoming, maxBytes)) throw requestTooLarge(maxBytes);
        if (!incoming.body || incoming.headers.has('content-length')) return parse(incoming);
        let body: Uint8Array<ArrayBuffer>;
        try {
          body = await readBodyLimited(incoming, maxBytes);
        } catch (error) {
          if (error instanceof BodyTooLarge) throw requestTooLarge(maxBytes);
          throw error;
        }
        return parse(new fetchAPI.Request(request.url, { method: incoming.method, headers: incoming.headers, body }));
      });
    },
  };
}

/** Stops the parser after `maxTokens` tokens: a huge query is refused before it costs memory. */
export function useTokenLimit(maxTokens: number): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          // The hook's parseFn reaches this file typed `any`; what it returns is a parsed document.
          return parseFn(source, { ...options, maxTokens }) as DocumentNode;
        } catch (error) {
          if (error instanceof GraphQLError && /more tha[nt] \d+ tokens/.test(error.message)) {
            throw new GraphQLError(`The query has more than ${maxTokens} tokens; split it into smaller queries.`, {
              extensions: { code: 'QUERY_TOO_LARGE' },
            });
          }
          throw error;
        }
      });
    },
  };
}
