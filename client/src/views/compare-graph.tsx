/**
 * @module The compare view's graph tab: both sides on one stable preset layout (loaded on demand with Cytoscape).
 */
import { useMemo } from 'react';
import type { CompareResult } from '../api/queries.js';
import { jurisdictionName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { compareElements } from '../graph/build-elements.js';
import { GraphCanvas } from '../graph/graph-canvas.js';

export function CompareGraph({ route, result }: { route: Route; result: CompareResult }) {
  const elements = useMemo(() => {
    const differing = new Set(result.compare.shared.filter((row) => row.targetDifferences.length > 0).map((row) => row.nationalItem.id));
    return compareElements(result, differing);
  }, [result]);
  const lang = useLang();
  return (
    <>
      <div className="compare-legend">
        <span className="legend-item">
          <span className="dot side-a" /> {jurisdictionName(result.compare.a, lang)}
        </span>
        <span className="legend-item">
          <span className="dot side-b" /> {jurisdictionName(result.compare.b, lang)}
        </span>
        <span className="legend-item">
          <span className="gap-swatch" /> {useT()('gap')}
        </span>
      </div>
      <GraphCanvas
        elements={elements}
        layout="preset"
        layouts={['preset']}
        onSelect={(node) => navigate(withParams(route, { d: `${node.label}:${node.entityId}` }))}
        exportName={`compare-${result.compare.a.id}-${result.compare.b.id}`}
      />
    </>
  );
}
