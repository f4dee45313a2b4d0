/**
 * The resolve stage: every agency mention of every task to a canonical agency of its jurisdiction.
 */
import { messageAt, type ExtractedDoc, type ResolvedAgency, type ResolvedDoc } from '../document.js';
import { loadAgencyTable, type AgencyTable } from './agency-table.js';
import { jurisdictionById } from './jurisdiction-registry.js';
import { resolveAgencyName } from './resolve-agency.js';

/**
 * The issuing body as the signature prints it, resolved. Joint issuers ("三明市市场监督管理局三明市医疗
 * 保障局", "中共三明市委 三明市人民政府") print the sponsoring body first: the first one known is taken.
 */
export function resolveIssuer(
  issuer: string | null,
  { jurisdictionId, table }: { jurisdictionId: string; table: AgencyTable },
): ResolvedAgency | null {
  if (!issuer) return null;
  const compacted = issuer.replace(/\s+/gu, '');
  const whole = resolveAgencyName(compacted, { jurisdictionId, table });
  if (whole.known) return whole.agency;
  const home = jurisdictionById(jurisdictionId)?.name ?? '';
  const parts =
    home.length >= 2 ? compacted.split(new RegExp(`(?=${home})|(?=中共)`, 'u')).filter((part) => part.length > home.length) : [];
  for (const part of parts) {
    const found = resolveAgencyName(part, { jurisdictionId, table });
    if (found.known) return found.agency;
  }
  return null;
}

export interface ResolveOptions {
  /** Alias table. @default the table in seeds/agencies.json */
  table?: AgencyTable;
}

export function resolveDoc(doc: ExtractedDoc, { table = loadAgencyTable() }: ResolveOptions = {}): ResolvedDoc {
  const { jurisdictionId } = doc.meta;
  const messages = [...doc.messages];
  const byId = new Map<string, ResolvedAgency>();
  const agencies = new Map<string, ResolvedAgency>();
  const reported = new Set<string>();
  const issuer = resolveIssuer(doc.meta.issuer, { jurisdictionId, table });

  for (const task of doc.tasks) {
    let inheritedJurisdictionId: string | null = null;
    let inheritedLevelWord: string | null = null;
    for (const mention of task.agencies) {
      const {
        agency,
        known,
        prefixed,
        unplacedLevel = null,
      } = resolveAgencyName(mention.name, {
        jurisdictionId,
        table,
        inheritedJurisdictionId,
        inheritedLevelWord,
        issuer,
      });
      if (prefixed) [inheritedJurisdictionId, inheritedLevelWord] = [agency.jurisdictionId, unplacedLevel];
      // One object per canonical agency, collecting every name it was printed under.
      const shared = byId.get(agency.id) ?? { ...agency, aliases: [] };
      if (!shared.aliases.includes(mention.name)) shared.aliases.push(mention.name);
      byId.set(agency.id, shared);
      agencies.set(`${task.path}\u0000${mention.name}`, shared);
      if (!known && !reported.has(mention.name)) {
        reported.add(mention.name);
        messages.push(
          messageAt(
            doc.normalised,
            'unknown-agency',
            `agency "${mention.name}" is not in the alias table; kept as printed with type ${agency.type}`,
            mention.span?.start ?? 0,
          ),
        );
      }
    }
  }
  return { ...doc, agencies, messages };
}
