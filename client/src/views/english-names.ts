/**
 * @module English search, in the browser: the server's full-text index reads Chinese only, so an English
 * query is matched against the English names the API already gives (national items, pillars) and against
 * the English names of agency types.
 */
import type { AgencyType } from '../../../graph-schema/model.js';
import type { NationalItemRef } from '../api/queries.js';
import { AGENCY_TYPE_LIST, agencyTypeName } from '../i18n.js';

/** Latin letters and no Chinese: the query cannot match document text. */
export function isEnglishQuery(query: string): boolean {
  return /[a-z]/i.test(query) && !/[\u3400-\u9fff]/.test(query);
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);

/** Every query word starts a word of the name ("insur" finds "Insurance", "care" does not find "healthcare"). */
function nameMatches(name: string, queryWords: readonly string[]): boolean {
  const nameWords = words(name);
  return queryWords.every((queryWord) => nameWords.some((word) => word.startsWith(queryWord)));
}

export interface EnglishMatches {
  nationalItems: NationalItemRef[];
  agencyTypes: AgencyType[];
}

export function matchEnglishNames(query: string, nationalItems: readonly NationalItemRef[]): EnglishMatches {
  const queryWords = words(query);
  if (queryWords.length === 0) return { nationalItems: [], agencyTypes: [] };
  return {
    nationalItems: nationalItems.filter((item) => nameMatches(`${item.titleEn} ${item.pillarEn}`, queryWords)),
    agencyTypes: AGENCY_TYPE_LIST.filter((type) => nameMatches(agencyTypeName(type, 'en'), queryWords)),
  };
}
