/**
 * The resolve stage: every agency mention of every task to a canonical agency of its jurisdiction.
 */
import type { IngestDoc, ResolvedAgency } from '../document.js';
import { loadAgencyTable, type AgencyTable } from './agency-table.js';
import { resolveAgencyName } from './resolve-agency.js';

export interface ResolveOptions {
  /** Alias table. @default the table in seeds/agencies.json */
  table?: AgencyTable;
}

export function resolveDoc(doc: IngestDoc, { table = loadAgencyTable() }: ResolveOptions = {}): IngestDoc {
  const jurisdictionId = doc.meta?.jurisdictionId;
  if (!jurisdictionId || !doc.tasks) {
    return { ...doc, messages: [...doc.messages, { offset: 0, code: 'resolve-skipped', message: 'resolve needs the document jurisdiction and its tasks' }] };
  }
  const messages = [...doc.messages];
  const sourceOffset = (offset: number | undefined) => (offset === undefined ? 0 : doc.normalised?.sourceOffsets[offset] ?? offset);
  const byId = new Map<string, ResolvedAgency>();
  const agencies = new Map<string, ResolvedAgency>();
  const reported = new Set<string>();

  for (const task of doc.tasks) {
    let inheritedJurisdictionId: string | null = null;
    for (const mention of task.agencies) {
      const { agency, known, prefixed } = resolveAgencyName(mention.name, { jurisdictionId, table, inheritedJurisdictionId });
      if (prefixed) inheritedJurisdictionId = agency.jurisdictionId;
      // One object per canonical agency, collecting every name it was printed under.
      const shared = byId.get(agency.id) ?? { ...agency, aliases: [] };
      if (!shared.aliases.includes(mention.name)) shared.aliases.push(mention.name);
      byId.set(agency.id, shared);
      agencies.set(`${task.path}\u0000${mention.name}`, shared);
      if (!known && !reported.has(mention.name)) {
        reported.add(mention.name);
        messages.push({
          offset: sourceOffset(mention.span?.start),
          code: 'unknown-agency',
          message: `agency "${mention.name}" is not in the alias table; kept as printed with type OTHER`,
        });
      }
    }
  }
  return { ...doc, agencies, messages };
}
