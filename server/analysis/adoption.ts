/**
 * @module Policy diffusion (政策扩散): the year each jurisdiction first took up each national item,
 * as event-history rows (adopted in a year, or censored at the last year observed) and as cumulative
 * adoption curves. A document is dated by its issue year, else by the first year its title covers;
 * a document stating neither cannot be placed in time and is left out.
 */
import type { JurisdictionLevel } from '../../graph-schema/model.js';
import type { CoverageTriple } from './coverage.js';

export interface AdoptionPolicy {
  id: string;
  jurisdictionId: string | null;
  stub: boolean;
  issuedOn: string | null;
  coversFrom: number | null;
}

export interface AdoptionJurisdiction {
  id: string;
  level: JurisdictionLevel;
  parentId: string | null;
}

/** One (jurisdiction, item) pair: adopted in `year` by `policyId`, or censored at `observedUntil`. */
export interface AdoptionEvent {
  jurisdictionId: string;
  nationalItemId: string;
  /** Year of the first document addressing the item; null: not addressed in any dated document. */
  year: number | null;
  policyId: string | null;
  /** First and last years of the jurisdiction's dated documents: the window it is observed in. */
  observedFrom: number;
  observedUntil: number;
}

export function documentYear(policy: AdoptionPolicy): number | null {
  if (policy.issuedOn) return Number(policy.issuedOn.slice(0, 4));
  return policy.coversFrom;
}

/**
 * Every (jurisdiction with a dated document, item) pair, jurisdictions in the order given, items
 * inner. `triples` are the counted links (items and measures, see countedTriples) with their policy.
 */
export function adoptionEvents(
  nationalItemIds: readonly string[],
  jurisdictionIds: readonly string[],
  policies: readonly AdoptionPolicy[],
  triples: readonly (CoverageTriple & { policyId: string })[],
): AdoptionEvent[] {
  const dated = new Map<string, { policy: AdoptionPolicy; year: number }>();
  const windows = new Map<string, { from: number; until: number }>();
  for (const policy of policies) {
    const year = documentYear(policy);
    if (policy.stub || year === null || policy.jurisdictionId === null) continue;
    dated.set(policy.id, { policy, year });
    const window = windows.get(policy.jurisdictionId);
    windows.set(
      policy.jurisdictionId,
      window ? { from: Math.min(window.from, year), until: Math.max(window.until, year) } : { from: year, until: year },
    );
  }
  const first = new Map<string, { year: number; policyId: string }>();
  for (const triple of triples) {
    const document = dated.get(triple.policyId);
    if (!document) continue;
    const key = `${triple.jurisdictionId}\u0000${triple.nationalItemId}`;
    const known = first.get(key);
    // The earlier document wins; in one year, the lower id, so that the answer does not depend on row order.
    if (!known || document.year < known.year || (document.year === known.year && triple.policyId < known.policyId)) {
      first.set(key, { year: document.year, policyId: triple.policyId });
    }
  }
  const events: AdoptionEvent[] = [];
  for (const jurisdictionId of jurisdictionIds) {
    const window = windows.get(jurisdictionId);
    if (!window) continue;
    for (const nationalItemId of nationalItemIds) {
      const adopted = first.get(`${jurisdictionId}\u0000${nationalItemId}`);
      events.push({
        jurisdictionId,
        nationalItemId,
        year: adopted?.year ?? null,
        policyId: adopted?.policyId ?? null,
        observedFrom: window.from,
        observedUntil: window.until,
      });
    }
  }
  return events;
}

export interface AdoptionCurve {
  /** National item id, or pillar id for a pillar's curve. */
  key: string;
  /** Jurisdictions adopted by each year of `years` (cumulative), with their ids. */
  adopted: number[];
  adopters: string[][];
}

/**
 * Cumulative adoption per key over `years` (ascending). `keyOf` groups items (an item's own id, or its
 * pillar): a jurisdiction adopts a pillar the first year it addresses any item of it.
 */
export function adoptionCurves(
  events: readonly AdoptionEvent[],
  years: readonly number[],
  keyOf: (nationalItemId: string) => string,
): AdoptionCurve[] {
  // Keys in the order first seen (a Map iterates in insertion order).
  const firstYear = new Map<string, Map<string, number>>();
  for (const event of events) {
    const key = keyOf(event.nationalItemId);
    let byJurisdiction = firstYear.get(key);
    if (!byJurisdiction) firstYear.set(key, (byJurisdiction = new Map<string, number>()));
    if (event.year === null) continue;
    const known = byJurisdiction.get(event.jurisdictionId);
    if (known === undefined || event.year < known) byJurisdiction.set(event.jurisdictionId, event.year);
  }
  return [...firstYear].map(([key, byJurisdiction]) => {
    const adopters = years.map((year) =>
      [...byJurisdiction]
        .filter(([, first]) => first <= year)
        .map(([jurisdictionId]) => jurisdictionId)
        .sort(),
    );
    return { key, adopted: adopters.map((list) => list.length), adopters };
  });
}

/** Every year from the first to the last observed. */
export function observedYears(events: readonly AdoptionEvent[]): number[] {
  if (events.length === 0) return [];
  const from = Math.min(...events.map((event) => event.observedFrom));
  const until = Math.max(...events.map((event) => event.observedUntil));
  return Array.from({ length: until - from + 1 }, (_, i) => from + i);
}

/** The province a jurisdiction lies in (itself for a province; null for the nation). */
export function provinceOf(jurisdictionId: string, jurisdictions: ReadonlyMap<string, AdoptionJurisdiction>): string | null {
  for (
    let current = jurisdictions.get(jurisdictionId);
    current;
    current = current.parentId ? jurisdictions.get(current.parentId) : undefined
  ) {
    if (current.level === 'province') return current.id;
    if (current.level === 'national') return null;
  }
  return null;
}
