/**
 * @module Answers that cost every reader the same work, computed once per version of the graph and
 * shared: a query whose root fields are all among `fields` (the coverage matrix of every
 * jurisdiction, compare) is executed by the first request; later requests with the same document,
 * variables and operation get its result until the next write. Requests arriving while it is being
 * computed wait for it rather than compute it again.
 */
import { getOperationAST, Kind, OperationTypeNode, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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

export function useSharedAnswers({ version, fields }: SharedAnswersOptions): Plugin {
  let answersOf: number | null = null;
  let answers = new Map<string, Promise<ExecutionResult | null>>();
  return {
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
          (result) => (Symbol.asyncIterator in result || result.errors?.length ? null : result),
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
