/**
 * @module GraphQL arguments validated with zod at the edge. A bad argument becomes a GraphQL
 * error with code BAD_USER_INPUT and a message naming the argument; resolvers work with the
 * parsed values.
 */
import { GraphQLError } from 'graphql';
import { z } from 'zod';

export interface ArgLimits {
  /** Largest `search(limit)`. @default 100 */
  maxSearchResults: number;
  /** Largest `tasks(limit)`. @default 500 */
  maxPageSize: number;
  /** Most jurisdictions in one coverage matrix. @default 50 */
  maxCoverageJurisdictions: number;
}

export const defaultArgLimits: ArgLimits = { maxSearchResults: 100, maxPageSize: 500, maxCoverageJurisdictions: 50 };

const jurisdictionId = z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code such as 350400');
const id = z.string().trim().min(1, 'must not be empty').max(200, 'is too long');

const year = z.number().int().min(1949, 'must be a year from 1949').max(2100, 'must be a year up to 2100');
const period = z
  .object({ from: year.nullish(), to: year.nullish() })
  .refine((p) => p.from == null || p.to == null || p.from <= p.to, 'must not end before it starts')
  .nullish();

export function argSchemas(limits: ArgLimits) {
  return {
    id: z.object({ id }),
    jurisdiction: z.object({ id: jurisdictionId }),
    policies: z.object({ jurisdictionId: jurisdictionId.nullish(), includeStubs: z.boolean().nullish() }),
    tasks: z.object({
      jurisdictionId: jurisdictionId.nullish(),
      limit: z.number().int().min(1, 'must be at least 1').max(limits.maxPageSize, `must be at most ${limits.maxPageSize}`).default(50),
      offset: z.number().int().min(0, 'must not be negative').default(0),
    }),
    search: z.object({
      text: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      jurisdictionId: jurisdictionId.nullish(),
      limit: z
        .number()
        .int()
        .min(1, 'must be at least 1')
        .max(limits.maxSearchResults, `must be at most ${limits.maxSearchResults}`)
        .default(20),
    }),
    nationalItems: z.object({ pillar: z.string().nullish() }),
    implementations: z.object({ jurisdictionId: jurisdictionId.nullish(), counted: z.boolean().nullish(), period }),
    lineage: z.object({ taskId: id }),
    coverage: z.object({
      jurisdictionIds: z
        .array(jurisdictionId)
        .min(1, 'must name at least one jurisdiction (or be omitted)')
        .max(limits.maxCoverageJurisdictions, `must name at most ${limits.maxCoverageJurisdictions} jurisdictions`)
        .nullish(),
      period,
    }),
    compare: z.object({ a: jurisdictionId, b: jurisdictionId, period }),
    gapAudit: z.object({ nationalItemId: id, jurisdictionId, period }),
    planVersions: z
      .object({
        jurisdictionId: jurisdictionId.nullish(),
        policyIds: z.array(id).min(2, 'must name at least two documents').max(20, 'must name at most 20 documents').nullish(),
      })
      .refine((args) => Boolean(args.jurisdictionId) !== Boolean(args.policyIds), 'give either jurisdictionId or policyIds'),
    adoption: z.object({
      jurisdictionIds: z
        .array(jurisdictionId)
        .min(1, 'must name at least one jurisdiction (or be omitted)')
        .max(limits.maxCoverageJurisdictions, `must name at most ${limits.maxCoverageJurisdictions} jurisdictions`)
        .nullish(),
      pillar: z.string().nullish(),
    }),
  };
}

export type ArgSchemas = ReturnType<typeof argSchemas>;

/** A mistake of the caller's that they can correct; shown to clients unmasked. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** GraphQL passes null for omitted optional arguments with no default; zod's defaults need undefined. */
function withoutNulls(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null));
}

export function parseArgs<S extends z.ZodType>(schema: S, args: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(withoutNulls(args));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const argument = issue?.path.map(String).join('.') ?? '';
  throw badUserInput(`Argument "${argument}" ${issue?.message ?? 'is invalid'}.`, argument);
}
