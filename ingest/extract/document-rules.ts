/**
 * Rules a document states once for all its agency lists:
 *   "列首位的为牵头部门，下同" — the first name listed leads, in this list and every later one;
 *   "以下各项均需各县市区人民政府负责，不再列出" — a body responsible for every later item
 *   without being printed again.
 */
import type { AgencyRole } from '../../graph-schema/model.js';
import { parseAgencyList } from './agency-lists.js';

export interface StandingAgency {
  name: string;
  role: AgencyRole;
  /** Offset in the normalised text of the rule; it applies to items starting after it. */
  from: number;
}

export interface DocumentRules {
  /** Offset from which "列首位的为牵头部门" applies, or null when the document does not say. */
  firstListedLeadsFrom: number | null;
  standing: StandingAgency[];
}

const FIRST_LISTED_LEADS = /列(?:首位|第一位?)的?(?:为|是)牵头(?:部门|单位)/u;
/** "以下各项均需X负责，不再列出", "以下各项均由X牵头". */
const STANDING = /以下各项(?:均需|均由|均|都需|都由)?([^。；;，,]{2,60}?)(牵头负责|牵头|负责|参与|配合)/gu;
const STANDING_ROLE: Record<string, AgencyRole> = { 牵头: 'lead', 牵头负责: 'lead', 参与: 'participate', 配合: 'support', 负责: 'support' };

export function findDocumentRules(text: string): DocumentRules {
  const firstListed = FIRST_LISTED_LEADS.exec(text);
  const standing: StandingAgency[] = [];
  for (const match of text.matchAll(STANDING)) {
    const names = parseAgencyList(match[1] ?? '', { strict: false }) ?? [];
    // Listed among the other responsible bodies, a body "也负责" supports the lead named first.
    const role = STANDING_ROLE[match[2] ?? ''] ?? 'support';
    for (const agency of names) standing.push({ name: agency.name, role, from: match.index });
  }
  return { firstListedLeadsFrom: firstListed?.index ?? null, standing };
}
