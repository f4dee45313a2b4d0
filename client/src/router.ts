/**
 * @module Hash routes: every view has a shareable URL such as `#/coverage?j=350400,141000`,
 * `#/lineage/national/<id>`, `#/lineage/task/<id>`, `#/compare?a=…&b=…` or `#/search?q=…`; the analyses
 * `#/adoption?pillar=…`, `#/instruments?j=…&cell=…`, `#/reuse?a=…&b=…` and `#/versions?j=…` (or `p=<id>,<id>`).
 * `d=<kind>:<id>` on any route opens the detail panel.
 */
import { useEffect, useState } from 'react';

export type ViewName = 'coverage' | 'lineage' | 'compare' | 'search' | AnalysisView;
/** The research analyses of issue 17. */
export type AnalysisView = 'adoption' | 'instruments' | 'reuse' | 'versions';
export const ANALYSIS_VIEWS: readonly AnalysisView[] = ['adoption', 'instruments', 'reuse', 'versions'];

export interface Route {
  view: ViewName;
  /** Path segments after the view name, e.g. ['national', 'NI-01']. */
  segments: string[];
  params: URLSearchParams;
}

const VIEWS: readonly ViewName[] = ['coverage', 'lineage', 'compare', 'search', ...ANALYSIS_VIEWS];

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const queryAt = text.indexOf('?');
  const path = queryAt === -1 ? text : text.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : text.slice(queryAt + 1));
  const [first = '', ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as readonly string[]).includes(first) ? (first as ViewName) : 'coverage';
  return { view, segments: view === first ? rest : [], params };
}

export function formatRoute(view: ViewName, segments: string[] = [], params: Record<string, string | undefined> = {}): string {
  const path = [view, ...segments].map(encodeURIComponent).join('/');
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const queryText = query.toString();
  return `#/${path}${queryText ? `?${queryText}` : ''}`;
}

/** The same route with some parameters replaced (undefined or '' removes one). */
export function withParams(route: Route, changes: Record<string, string | undefined>): string {
  const params = new Map(route.params.entries());
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  return formatRoute(route.view, route.segments, Object.fromEntries(params));
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

export function navigate(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}
