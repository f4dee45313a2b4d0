/**
 * The alias table of canonical agencies (seeds/agencies.json), validated at load.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AGENCY_TYPES, JURISDICTION_LEVELS } from '../../graph-schema/model.js';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

const agencyEntrySchema = z.object({
  /** Why the entry is what it is: the reform or regulation that set the body up. */
  $comment: z.string().optional(),
  type: z.enum(AGENCY_TYPES),
  /** The one body of its type in a jurisdiction: its id is `${jurisdictionId}:${type}`. */
  primary: z.boolean().default(false),
  /** Core Chinese name, without the jurisdiction, e.g. 卫生健康委员会. */
  name: z.string().min(1),
  /** Core name by level of the jurisdiction, for bodies named after it (所辖各县（市、区）人民政府). */
  nameByLevel: z.partialRecord(z.enum(JURISDICTION_LEVELS), z.string().min(1)).optional(),
  /** English name; {jurisdiction} is replaced by the jurisdiction's English name. */
  en: z.string().includes('{jurisdiction}'),
  /** Core names as printed, without the jurisdiction prefix. */
  aliases: z.array(z.string().min(1)),
  /** Regular expressions over the whole printed name, prefix included. */
  patterns: z.array(z.string().refine(isRegExp, 'not a valid regular expression')).default([]),
});

/** A type for a name the table does not list, from the kind of body it names ("县人民医院" is a HOSPITAL). */
const typeHintSchema = z.object({
  type: z.enum(AGENCY_TYPES),
  pattern: z.string().refine(isRegExp, 'not a valid regular expression'),
});

export const agencyTableSchema = z
  .object({
    $comment: z.string().optional(),
    agencies: z.array(agencyEntrySchema).min(1),
    typeHints: z.array(typeHintSchema).default([]),
  })
  .superRefine((table, ctx) => {
    const primaries = new Set<string>();
    const aliases = new Map<string, string>();
    for (const [index, entry] of table.agencies.entries()) {
      if (entry.primary) {
        if (primaries.has(entry.type))
          ctx.addIssue({ code: 'custom', path: ['agencies', index, 'primary'], message: `two primary agencies of type ${entry.type}` });
        primaries.add(entry.type);
      }
      for (const alias of entry.aliases) {
        const owner = aliases.get(alias);
        if (owner !== undefined)
          ctx.addIssue({ code: 'custom', path: ['agencies', index, 'aliases'], message: `alias ${alias} also belongs to ${owner}` });
        aliases.set(alias, entry.name);
      }
    }
  });

export type AgencyEntry = z.infer<typeof agencyEntrySchema>;
export type AgencyTableData = z.infer<typeof agencyTableSchema>;

/** The table with its aliases and patterns indexed for lookup. */
export interface AgencyTable {
  entries: readonly AgencyEntry[];
  byAlias: ReadonlyMap<string, AgencyEntry>;
  patterns: readonly { pattern: RegExp; entry: AgencyEntry }[];
  /** Tried in order on names not in the table; the printed name is kept. */
  typeHints: readonly { pattern: RegExp; type: AgencyEntry['type'] }[];
}

export function agencyTableOf(data: unknown): AgencyTable {
  const table = agencyTableSchema.parse(data);
  const byAlias = new Map<string, AgencyEntry>();
  const patterns: { pattern: RegExp; entry: AgencyEntry }[] = [];
  for (const entry of table.agencies) {
    for (const alias of [entry.name, ...entry.aliases]) if (!byAlias.has(alias)) byAlias.set(alias, entry);
    for (const source of entry.patterns) patterns.push({ pattern: new RegExp(source, 'u'), entry });
  }
  const typeHints = table.typeHints.map(({ type, pattern }) => ({ type, pattern: new RegExp(pattern, 'u') }));
  return { entries: table.agencies, byAlias, patterns, typeHints };
}

export const DEFAULT_AGENCY_TABLE_PATH = new URL('../../seeds/agencies.json', import.meta.url);

let defaultTable: AgencyTable | null = null;

/** Reads and validates an alias table; without a path, the one in seeds/ (read once). */
export function loadAgencyTable(path?: string | URL): AgencyTable {
  if (path === undefined && defaultTable) return defaultTable;
  const table = agencyTableOf(JSON.parse(readFileSync(path ?? DEFAULT_AGENCY_TABLE_PATH, 'utf8')) as unknown);
  if (path === undefined) defaultTable = table;
  return table;
}
