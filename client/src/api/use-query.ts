/**
 * @module React hook around fetchGraphQL with loading, error and stale-answer handling.
 */
import { useEffect, useRef, useState } from 'react';
import { fetchGraphQL, type TypedQuery } from './graphql-client.js';

export type QueryState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: Error } | { status: 'done'; data: T };

const dataListeners = new Set<() => void>();

/** The graph changed (a curation): every query on screen asks again, so what is shown is never stale. */
export function notifyDataChanged(): void {
  for (const listener of [...dataListeners]) listener();
}

/** A number that grows each time the graph changes. */
function useDataVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((current) => current + 1);
    dataListeners.add(listener);
    return () => {
      dataListeners.delete(listener);
    };
  }, []);
  return version;
}

/** Runs `query` whenever the variables change (or the graph does); `skip` keeps it idle (e.g. no search text yet). */
export function useQuery<T>(
  query: TypedQuery<T>,
  variables: Record<string, unknown> = {},
  { skip = false }: { skip?: boolean } = {},
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: skip ? 'idle' : 'loading' });
  const version = useDataVersion();
  const shownKey = useRef<string | null>(null);
  // Variables are compared by value: callers build a new object on every render.
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) {
      shownKey.current = null;
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    // A refresh after a change of the graph keeps the old answer on screen until the new one arrives.
    if (shownKey.current !== `${query}|${key}`) setState({ status: 'loading' });
    shownKey.current = `${query}|${key}`;
    fetchGraphQL<T>(query, JSON.parse(key) as Record<string, unknown>, { signal: controller.signal }).then(
      (data) => setState({ status: 'done', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [query, key, skip, version]);
  return state;
}

/** Runs one query per variables object, together; done when every answer is in. */
export function useQueries<T>(
  query: TypedQuery<T>,
  variablesList: readonly Record<string, unknown>[],
  { skip = false }: { skip?: boolean } = {},
): QueryState<T[]> {
  const [state, setState] = useState<QueryState<T[]>>({ status: skip ? 'idle' : 'loading' });
  const key = JSON.stringify(variablesList);
  useEffect(() => {
    if (skip) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    const list = JSON.parse(key) as Record<string, unknown>[];
    Promise.all(list.map((variables) => fetchGraphQL<T>(query, variables, { signal: controller.signal }))).then(
      (data) => setState({ status: 'done', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [query, key, skip]);
  return state;
}
