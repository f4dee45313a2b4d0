/**
 * @module The research analyses of issue 17 in one lazily loaded chunk: adoption curves, the instruments ×
 * reform areas matrix, document text reuse and plan versions.
 */
import type { AnalysisView, Route } from '../router.js';
import { AdoptionView } from './adoption-view.js';
import { InstrumentsView } from './instruments-view.js';
import { ReuseView } from './reuse-view.js';
import { VersionsView } from './versions-view.js';

export function AnalysisViews({ route, view }: { route: Route; view: AnalysisView }) {
  if (view === 'adoption') return <AdoptionView route={route} />;
  if (view === 'instruments') return <InstrumentsView route={route} />;
  if (view === 'reuse') return <ReuseView route={route} />;
  return <VersionsView route={route} />;
}
