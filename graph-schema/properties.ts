/**
 * @module Property builders: one declaration per property gives its storage type
 * (shared by Kuzu DDL and Neo4j), its zod validator and its GraphQL type. A structured payload
 * (a span, link evidence) is declared once as a `payload` whose fields are properties too; a
 * property holding one is stored as JSON text, written and read only through its `encode` and
 * `decode`. Each property also has `accepts`, the zod check without zod, for rows validated by the
 * hundred thousand (see rowAcceptorOf).
 */
import { z } from 'zod';

export type StorageType = 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'STRING[]';

export interface PropertySpec<Z extends z.ZodType = z.ZodType> {
  readonly storage: StorageType;
  readonly zod: Z;
  /** GraphQL scalar of the field, or null when the property is storage-only. */
  readonly graphql: string | null;
  readonly required: boolean;
  readonly description: string;
  /**
   * The check of `zod` written out: true only for values `zod` accepts. A zod parse of a row costs
   * more than building it (about 3 ms per document of a national corpus, most of a worker's time
   * outside the linker), so rows are checked with this first and parsed by zod only to name the
   * problem of a row it refuses.
   */
  readonly accepts: (value: unknown) => boolean;
}

interface BuildOptions {
  /** Hide from the GraphQL type (storage-only or exposed through a computed field). */
  internal?: boolean;
}

function build<Z extends z.ZodType>(
  storage: StorageType,
  [zod, accepts]: [Z, (value: unknown) => boolean],
  graphql: string,
  required: boolean,
  description: string,
  { internal = false }: BuildOptions,
): PropertySpec<Z> {
  return { storage, zod, accepts, graphql: internal ? null : graphql, required, description };
}

/** The checks of `accepts`, each the counterpart of the zod schema it is paired with. */
const isString = (value: unknown): value is string => typeof value === 'string';
/** zod 4's int() takes safe integers only, and number() no infinities. */
const isInt = (value: unknown) => Number.isSafeInteger(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown) => typeof value === 'boolean';
const orNull = (accepts: (value: unknown) => boolean) => (value: unknown) => value === null || accepts(value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A structured value: its GraphQL object type, its zod schema and its fields' declarations. */
export interface Payload<F extends PropertyMap = PropertyMap> {
  readonly name: string;
  readonly description: string;
  readonly fields: F;
  readonly zod: z.ZodObject<ZodShapeOf<F>>;
  /** `zod` written out (see PropertySpec.accepts). */
  readonly accepts: (value: unknown) => boolean;
}

export type PayloadValue<P extends Payload> = z.infer<P['zod']>;

export function payload<const F extends PropertyMap>(name: string, description: string, fields: F): Payload<F> {
  return { name, description, fields, zod: zodObjectOf(fields), accepts: rowAcceptorOf(fields) };
}

/** A property stored as the JSON text of a list of payloads; `zod` checks the stored text. */
export interface PayloadListSpec<P extends Payload> extends PropertySpec<z.ZodString> {
  readonly payload: P;
  encode(values: readonly PayloadValue<P>[]): string;
  /** The stored text as values; throws when it is not a list of the payload. */
  decode(stored: string): PayloadValue<P>[];
}

function payloadList<P extends Payload>(item: P, description: string, { internal = false }: BuildOptions): PayloadListSpec<P> {
  const list = z.array(item.zod);
  const parses = (text: string) => {
    try {
      return list.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  };
  // Texts `encode` made of values `item.accepts` takes: a row checked just after it is built (see
  // validateRows in ingest/load/graph-rows.ts) is not parsed back, which was most of the time a
  // worker spent checking link evidence. Bounded: a text no longer here is parsed, as any other.
  const checkedTexts = new Set<string>();
  const CHECKED_TEXTS_KEPT = 4096;
  const encode = (values: readonly PayloadValue<P>[]) => {
    const text = JSON.stringify(values);
    // A value accepted before encoding is accepted after it: JSON keeps strings, finite numbers, booleans, null and nested objects as they are.
    if (values.every(item.accepts)) {
      if (checkedTexts.size >= CHECKED_TEXTS_KEPT) checkedTexts.clear();
      checkedTexts.add(text);
    }
    return text;
  };
  const accepts = (value: unknown) => {
    if (!isString(value)) return false;
    if (checkedTexts.has(value)) return true;
    try {
      const values: unknown = JSON.parse(value);
      return Array.isArray(values) && values.every(item.accepts);
    } catch {
      return false;
    }
  };
  return {
    storage: 'STRING',
    zod: z.string().refine(parses, `not a JSON list of ${item.name}`),
    accepts,
    graphql: internal ? null : `[${item.name}!]!`,
    required: true,
    description,
    payload: item,
    encode,
    decode: (stored) => list.parse(JSON.parse(stored)) as PayloadValue<P>[],
  };
}

/** Builders for required properties; `.optional` variants accept null. */
export const prop = {
  id: (description = 'Stable identifier') =>
    build('STRING', [z.string().min(1), (value) => isString(value) && value.length > 0], 'ID', true, description, {}),
  string: (description: string, options: BuildOptions = {}) =>
    build('STRING', [z.string(), isString], 'String', true, description, options),
  int: (description: string, options: BuildOptions = {}) => build('INT64', [z.number().int(), isInt], 'Int', true, description, options),
  float: (description: string, options: BuildOptions = {}) => build('DOUBLE', [z.number(), isNumber], 'Float', true, description, options),
  boolean: (description: string, options: BuildOptions = {}) =>
    build('BOOLEAN', [z.boolean(), isBoolean], 'Boolean', true, description, options),
  strings: (description: string, options: BuildOptions = {}) =>
    build(
      'STRING[]',
      [z.array(z.string()), (value) => Array.isArray(value) && value.every(isString)],
      '[String!]',
      true,
      description,
      options,
    ),
  /** A field of a payload holding another payload (not storable on its own). */
  nested: <P extends Payload>(item: P, description = ''): PropertySpec<P['zod']> => ({
    storage: 'STRING',
    zod: item.zod,
    accepts: item.accepts,
    graphql: item.name,
    required: true,
    description,
  }),
  /** A list of payloads, stored as JSON text. */
  payloads: <P extends Payload>(item: P, description: string, options: BuildOptions = {}) => payloadList(item, description, options),
  enumOf: <const V extends readonly [string, ...string[]]>(values: V, graphqlEnum: string, description: string) => {
    const allowed = new Set<unknown>(values);
    return build('STRING', [z.enum(values), (value) => allowed.has(value)], graphqlEnum, true, description, {});
  },
  optional: {
    string: (description: string, options: BuildOptions = {}) =>
      build('STRING', [z.string().nullable(), orNull(isString)], 'String', false, description, options),
    int: (description: string, options: BuildOptions = {}) =>
      build('INT64', [z.number().int().nullable(), orNull(isInt)], 'Int', false, description, options),
    float: (description: string, options: BuildOptions = {}) =>
      build('DOUBLE', [z.number().nullable(), orNull(isNumber)], 'Float', false, description, options),
    date: (description: string, options: BuildOptions = {}) =>
      build(
        'STRING',
        [z.string().regex(ISO_DATE).nullable(), orNull((value) => isString(value) && ISO_DATE.test(value))],
        'String',
        false,
        description,
        options,
      ),
  },
};

export type PropertyMap = Record<string, PropertySpec>;

/** The zod object shape of a property map. */
export type ZodShapeOf<P extends PropertyMap> = { [K in keyof P]: P[K]['zod'] };

export function zodObjectOf<P extends PropertyMap>(properties: P): z.ZodObject<ZodShapeOf<P>> {
  const shape = Object.fromEntries(Object.entries(properties).map(([name, spec]) => [name, spec.zod]));
  return z.object(shape as ZodShapeOf<P>);
}

/** What zodObjectOf's schema accepts, written out (see PropertySpec.accepts); like zod, it ignores fields not declared. */
export function rowAcceptorOf(properties: PropertyMap): (row: unknown) => boolean {
  const checks = Object.entries(properties).map(([name, spec]) => [name, spec.accepts] as const);
  return (row) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
    const fields = row as Record<string, unknown>;
    return checks.every(([name, accepts]) => accepts(fields[name]));
  };
}
