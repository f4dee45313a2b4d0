/**
 * @module The explorer's only way to the server: a POST to same-origin `/graphql`.
 */

/** An answer with GraphQL errors, or a failed request; `message` is what the server said. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A document whose answer has the shape `T`: what `graphql(…).toString()` gives in queries.ts, a
 * string typed by GraphQL Code Generator (the `DocumentTypeDecoration` of
 * @graphql-typed-document-node/core), so asking for an answer of another shape does not compile.
 */
export type TypedQuery<T> = string & { __apiType?: (variables: never) => T };

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function fetchGraphQL<T>(
  query: TypedQuery<T>,
  variables: Record<string, unknown> = {},
  { signal, endpoint = '/graphql' }: { signal?: AbortSignal; endpoint?: string } = {},
): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without JSON`);
  }
  const firstError = body.errors?.[0];
  if (firstError) throw new ApiError(firstError.message, firstError.extensions?.code ?? null);
  if (!response.ok || body.data == null) throw new ApiError(`The server answered ${response.status} without data`);
  return body.data;
}
