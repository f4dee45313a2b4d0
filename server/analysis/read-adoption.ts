/**
 * @module Adoption data read from a store, shared by the GraphQL `adoption` query and the
 * event-history export (GET /export/adoption.csv), so the two always agree.
 */
import type { JurisdictionNode, NationalItemNode } from '../../graph-schema/model.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries } from '../../store/queries/index.js';
import type { PolicyNode } from '../../graph-schema/model.js';
import { csvField } from '../export/graph-dump.js';
import { adoptionEvents, provinceOf, type AdoptionEvent } from './adoption.js';
import { countedTriples } from './coverage.js';

export interface AdoptionData {
  nationalItems: NationalItemNode[];
  /** Every jurisdiction of the graph (provinces of the observed ones included). */
  jurisdictions: JurisdictionNode[];
  /** The jurisdictions observed, in code order. */
  observed: string[];
  policies: PolicyNode[];
  events: AdoptionEvent[];
}

/** `jurisdictionIds`: the jurisdictions observed; @default every jurisdiction with a loaded document. */
export async function readAdoption(
  store: Pick<GraphStore, 'read'>,
  jurisdictionIds?: readonly string[],
  pillar?: string | null,
): Promise<AdoptionData> {
  const [items, jurisdictions, policies, triples] = await Promise.all([
    store.read(readQueries.allNationalItems),
    store.read(readQueries.allJurisdictions),
    store.read(readQueries.allPolicies),
    store.read(readQueries.allCoverageTriples),
  ]);
  const loaded = policies.filter((policy) => !policy.stub);
  const observed = jurisdictionIds ?? jurisdictions.map((j) => j.id).filter((id) => loaded.some((policy) => policy.jurisdictionId === id));
  const nationalItems = items.filter((item) => !pillar || item.pillar === pillar);
  const counted = countedTriples(triples, new Set(loaded.map((policy) => policy.id)));
  const events = adoptionEvents(
    nationalItems.map((item) => item.id),
    observed,
    loaded,
    counted,
  );
  return { nationalItems, jurisdictions, observed: [...observed], policies: loaded, events };
}

const CSV_COLUMNS = [
  'jurisdiction_id',
  'jurisdiction',
  'jurisdiction_en',
  'level',
  'province_id',
  'national_item_id',
  'national_item',
  'national_item_en',
  'pillar',
  'year',
  'event',
  'document_id',
  'document_number',
  'observed_from',
  'observed_until',
] as const;

/**
 * Event-history form for survival models in R or Stata: one row per (jurisdiction, item); `year` is
 * the year first addressed when `event` is 1, the last year observed (censored) when it is 0.
 */
export function adoptionCsv({ nationalItems, jurisdictions, policies, events }: AdoptionData): string {
  const items = new Map(nationalItems.map((item) => [item.id, item]));
  const places = new Map(jurisdictions.map((j) => [j.id, j]));
  const documents = new Map(policies.map((policy) => [policy.id, policy]));
  const rows = events.map((event) => {
    const place = places.get(event.jurisdictionId);
    const item = items.get(event.nationalItemId);
    const document = event.policyId ? documents.get(event.policyId) : undefined;
    const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      jurisdiction_id: event.jurisdictionId,
      jurisdiction: place?.name,
      jurisdiction_en: place?.nameEn,
      level: place?.level,
      province_id: provinceOf(event.jurisdictionId, places),
      national_item_id: event.nationalItemId,
      national_item: item?.titleZh,
      national_item_en: item?.titleEn,
      pillar: item?.pillar,
      year: event.year ?? event.observedUntil,
      event: event.year === null ? 0 : 1,
      document_id: event.policyId,
      document_number: document?.docNumber,
      observed_from: event.observedFrom,
      observed_until: event.observedUntil,
    };
    return CSV_COLUMNS.map((column) => csvField(row[column])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
