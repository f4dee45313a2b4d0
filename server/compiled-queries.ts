/**
 * @module Queries executed by graphql-jit: each query document is compiled once into a function
 * that walks the selection with no per-field lookups of the schema, and answers as graphql-js
 * does. A compare of two jurisdictions over ten years (1,400 tasks, 840 KB) took 150 ms in
 * graphql-js and 75 ms compiled on the national store, most of it graphql-js's per-field promises
 * and garbage.
 *
 * What graphql-jit does not do, done here or left to graphql-js:
 * - It does not watch the execution's abort signal (the timeout, a client gone: limits.ts). The
 *   answer is raced against it, and the request's store reads refuse to start once it fired
 *   (request-context.ts), so the resolvers stop as under graphql-js.
 * - A list field whose value is a promise is an error to it, not awaited: resolvers await their lists.
 * - Operations other than queries (the schema has none) and documents it cannot compile go to
 *   graphql-js, which reports them as it does.
 */
import { getOperationAST, OperationTypeNode, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/** Must come before the plugins that wrap execution (shared answers, the read lock): they wrap this one. */
export function useCompiledQueries(): Plugin {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  function compiledOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map<string, CompiledQuery | null>()));
    const name = operationName ?? '';
    if (!byOperation.has(name)) {
      const query = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      byOperation.set(name, isCompiledQuery(query) ? query : null);
    }
    return byOperation.get(name) ?? null;
  }
  return {
    onExecute({ args, setExecuteFn }) {
      // The hook's arguments come typed as any: named here.
      const document = args.document as DocumentNode;
      const operationName = (args.operationName as string | null | undefined) ?? undefined;
      if (getOperationAST(document, operationName)?.operation !== OperationTypeNode.QUERY) return;
      const query = compiledOf(args.schema as GraphQLSchema, document, operationName);
      if (!query) return;
      setExecuteFn((executionArgs) =>
        untilAborted(
          Promise.resolve(
            query.query(
              executionArgs.rootValue,
              executionArgs.contextValue,
              executionArgs.variableValues as Record<string, unknown> | undefined,
            ),
          ),
          (executionArgs as { signal?: AbortSignal }).signal,
        ),
      );
    },
  };
}

/** The answer, or a rejection with the signal's reason once it fires first (as graphql-js's executor in graphql-yoga rejects). */
function untilAborted(answer: Promise<ExecutionResult>, signal: AbortSignal | undefined): Promise<ExecutionResult> {
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([answer, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
