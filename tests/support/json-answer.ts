/**
 * @module Typed views of the JSON a test reads back from the server. `response.json()` and
 * `JSON.parse` give `any`; these name the shape the test expects (`JSON.parse(text) as GraphQLBody`),
 * and the test's own assertions check it — nothing here validates, so a wrong answer still fails
 * the assertion that reads it.
 */
import type { GraphQLAnswer } from '../../server/testing/graphql-request.js';

export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A GraphQL answer as it comes over HTTP (the status is the response's). */
export type GraphQLBody<T = Record<string, unknown>> = Omit<GraphQLAnswer<T>, 'status'>;

/**
 * The body of a write endpoint's answer (server/writes): a refusal carries `code` and `error`; an
 * upload says what it did with the file, a curation the link it wrote. Each answer has only some.
 */
export interface WriteAnswer {
  ok?: boolean;
  code?: string;
  error?: string;
  outcome?: string;
  file?: string;
  summary?: Record<string, unknown>;
  link?: { curated: boolean; method: string; score: number; evidence: { localText: string }[] } | null;
}
