/**
 * @module A Cytoscape.js graph with a toolbar: hierarchical (dagre) or free (fcose) layout, fit, zoom,
 * PNG export, and a keyboard-reachable list of its nodes. Large graphs switch to the WebGL renderer.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { labelName, useLang, useT, type Lang } from '../i18n.js';
import { downloadBlob } from '../components/csv.js';
import { EDGE_LOOKS, graphStylesheet, LABEL_TOO_SMALL, NODE_LABELS, NODE_LOOKS } from './graph-style.js';
import type { NodeData } from './build-elements.js';
import { hideLabelsTooSmall, labelScale } from './label-visibility.js';

cytoscape.use(dagre);
cytoscape.use(fcose);

export type LayoutName = 'dagre' | 'fcose' | 'preset';

/** Above this many elements the WebGL renderer keeps panning and zooming smooth. */
const WEBGL_THRESHOLD = 1500;

function webglAvailable(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') != null;
  } catch {
    return false;
  }
}

function displayName(data: NodeData, lang: Lang): string {
  return lang === 'zh' ? data.nameZh : data.nameEn;
}

/** Pixels around the graph when it is fitted to the view. */
const FIT_PADDING = 24;

/** Above this many elements dagre takes seconds; a breadth-first layering from the national items does not. */
const LARGE_GRAPH = 1500;

function layoutOptions(name: LayoutName, size: number): LayoutOptions {
  const animate = size < 300;
  if (name === 'dagre' && size > LARGE_GRAPH) {
    // The same hierarchy (national item, tasks, policies, jurisdictions) in rows, computed in linear time.
    return {
      name: 'breadthfirst',
      directed: false,
      roots: 'node[label = "NationalItem"]',
      spacingFactor: 0.9,
      animate: false,
      fit: true,
      padding: FIT_PADDING,
    } as LayoutOptions;
  }
  if (name === 'dagre') {
    // Structural edges run top-down (jurisdiction → policy → task) and links point up to the national item,
    // so ranking bottom-to-top puts national items on top.
    return {
      name: 'dagre',
      rankDir: 'BT',
      nodeSep: 16,
      rankSep: 70,
      nodeDimensionsIncludeLabels: true,
      edgeSep: 6,
      animate,
      fit: true,
      padding: FIT_PADDING,
    } as LayoutOptions;
  }
  if (name === 'fcose') {
    return {
      name: 'fcose',
      quality: size > 2000 ? 'draft' : 'default',
      randomize: true,
      animate,
      fit: true,
      padding: FIT_PADDING,
      nodeRepulsion: 6000,
      idealEdgeLength: 70,
      numIter: size > 2000 ? 800 : 2500,
    } as LayoutOptions;
  }
  return { name: 'preset', fit: true, padding: FIT_PADDING };
}

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  layout: LayoutName;
  onLayoutChange?: (layout: LayoutName) => void;
  /** Layouts offered in the toolbar. */
  layouts?: LayoutName[];
  onSelect?: (node: NodeData) => void;
  /** Double click or Enter on a node. */
  onToggle?: (node: NodeData) => void;
  /** File name of the PNG export, without extension. */
  exportName?: string;
  height?: number | string;
  /** 'auto' switches to WebGL above WEBGL_THRESHOLD elements when the browser has WebGL 2. @default 'auto' */
  rendererChoice?: 'auto' | 'canvas' | 'webgl';
}

export function GraphCanvas({
  elements,
  layout,
  onLayoutChange,
  layouts = ['dagre', 'fcose'],
  onSelect,
  onToggle,
  exportName = 'reformgraph',
  height = '100%',
  rendererChoice = 'auto',
}: GraphCanvasProps) {
  const t = useT();
  const lang = useLang();
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // With WebGL: the label scale the labels were last shown or hidden for (see label-visibility.ts); null while a
  // layout runs, whose fit decides them once it is done.
  const labelScaleShown = useRef<number | null>(null);
  // The language of the names the nodes' labels show.
  const displayedLang = useRef<Lang | null>(null);
  const handlers = useRef({ onSelect, onToggle });
  // The Cytoscape listeners below call the latest handlers without being registered again.
  useLayoutEffect(() => {
    handlers.current = { onSelect, onToggle };
  });
  const [renderer, setRenderer] = useState<'canvas' | 'webgl'>('canvas');
  // What Cytoscape holds after the last update: nodes, edges, and per node label and edge type (read by the browser tests).
  const [drawn, setDrawn] = useState<{ nodes: number; edges: number; counts: Record<string, number> }>({ nodes: 0, edges: 0, counts: {} });
  const [tooltip, setTooltip] = useState<{ x: number; y: number; text: string } | null>(null);
  const useWebgl = rendererChoice === 'webgl' || (rendererChoice === 'auto' && elements.length > WEBGL_THRESHOLD && webglAvailable());

  // One Cytoscape instance per renderer mode; elements are swapped in place below.
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      ...(useWebgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cy.on('tap', 'node', (event) => handlers.current.onSelect?.((event.target as cytoscape.NodeSingular).data() as NodeData));
    cy.on('mouseover', 'node', (event) => {
      const data = (event.target as cytoscape.NodeSingular).data() as NodeData;
      setTooltip({
        x: event.renderedPosition.x,
        y: event.renderedPosition.y,
        text: data.tooltip ?? `${data.nameZh}${data.nameEn && data.nameEn !== data.nameZh ? `\n${data.nameEn}` : ''}`,
      });
    });
    cy.on('mouseout', 'node', () => setTooltip(null));
    cy.on('viewport', () => setTooltip(null));
    cy.on('dbltap', 'node', (event) => handlers.current.onToggle?.((event.target as cytoscape.NodeSingular).data() as NodeData));
    if (useWebgl)
      cy.on('zoom', () => {
        const scale = labelScale(cy.zoom(), window.devicePixelRatio);
        if (labelScaleShown.current === null || scale === labelScaleShown.current) return;
        labelScaleShown.current = scale;
        hideLabelsTooSmall(cy, scale);
      });
    cyRef.current = cy;
    setRenderer(useWebgl ? 'webgl' : 'canvas');
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [useWebgl]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const options = layoutOptions(layout, elements.length);
    // Labels are hidden until the layout has fitted the graph, so none is measured for a zoom it cannot be read
    // at; not for a layout that places nodes by their labels' size (dagre), or positions would change.
    const hideLabelsFirst = useWebgl && !(options as { nodeDimensionsIncludeLabels?: boolean }).nodeDimensionsIncludeLabels;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(
        elements.map((element) =>
          element.group === 'nodes'
            ? { ...element, data: { ...element.data, display: displayName(element.data as NodeData, lang) } }
            : { ...element, data: { ...element.data } },
        ),
      );
      displayedLang.current = lang;
      if (hideLabelsFirst) cy.nodes().addClass(LABEL_TOO_SMALL);
    });
    labelScaleShown.current = null;
    cy.layout(options).run();
    if (useWebgl) {
      const scale = labelScale(cy.zoom(), window.devicePixelRatio);
      labelScaleShown.current = scale;
      // Every layout fits the graph; a fit without the labels it then shows would cut off the bottom row's.
      if (hideLabelsTooSmall(cy, scale) && hideLabelsFirst) cy.fit(undefined, FIT_PADDING);
    }
    const counts: Record<string, number> = {};
    cy.elements().forEach((element) => {
      const key = String(element.data(element.group() === 'nodes' ? 'label' : 'type'));
      counts[key] = (counts[key] ?? 0) + 1;
    });
    setDrawn({ nodes: cy.nodes().length, edges: cy.edges().length, counts });
    // `lang` is read here but a language change only relabels nodes (next effect), without a new layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [elements, layout, useWebgl]);

  useEffect(() => {
    const cy = cyRef.current;
    // On mount the nodes were just added with names in this language: setting them again would restyle every node.
    if (!cy || displayedLang.current === lang) return;
    displayedLang.current = lang;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.data('display', displayName(node.data() as NodeData, lang));
      });
    });
  }, [lang]);

  const { nodes: nodeCount, edges: edgeCount } = drawn;

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  const exportPng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    // The image is drawn at full size, where labels are readable: the canvas renderer decides which to draw.
    if (renderer === 'webgl') cy.nodes().removeClass(LABEL_TOO_SMALL);
    const blob = cy.png({
      output: 'blob',
      full: true,
      scale: cy.elements().length > 1000 ? 1 : 2,
      bg: '#ffffff',
      maxWidth: 8000,
      maxHeight: 8000,
    });
    if (renderer === 'webgl') hideLabelsTooSmall(cy, labelScale(cy.zoom(), window.devicePixelRatio));
    downloadBlob(blob, `${exportName}.png`);
  };

  return (
    <div className="graph" style={{ height }}>
      <div className="graph-toolbar" role="toolbar" aria-label="graph">
        {layouts.length > 1 &&
          layouts.map((name) => (
            <button
              key={name}
              type="button"
              aria-pressed={layout === name}
              className={layout === name ? 'active' : ''}
              onClick={() => onLayoutChange?.(name)}
            >
              {name === 'dagre' ? t('hierarchical') : name === 'fcose' ? t('free') : name}
            </button>
          ))}
        <button type="button" onClick={() => cyRef.current?.fit(undefined, FIT_PADDING)}>
          {t('fit')}
        </button>
        <button type="button" aria-label={t('zoomIn')} title={t('zoomIn')} onClick={() => zoomBy(1.25)}>
          ＋
        </button>
        <button type="button" aria-label={t('zoomOut')} title={t('zoomOut')} onClick={() => zoomBy(0.8)}>
          －
        </button>
        <button type="button" onClick={exportPng}>
          {t('exportPng')}
        </button>
        <span
          className="graph-count"
          data-testid="graph-count"
          data-nodes={nodeCount}
          data-edges={edgeCount}
          data-renderer={renderer}
          data-counts={JSON.stringify(drawn.counts)}
        >
          {nodeCount + edgeCount} {t('elements')} ({nodeCount} / {edgeCount}){renderer === 'webgl' ? ' · WebGL' : ''}
        </span>
        <span className="legend" aria-label={t('legend')}>
          {NODE_LABELS.map((label) => (
            <span key={label} className="legend-item">
              <span className={`legend-swatch shape-${NODE_LOOKS[label].shape}`} style={{ background: NODE_LOOKS[label].color }} />
              {labelName(label, lang)}
            </span>
          ))}
          <span className="legend-item" title={t('legendEdgeWidth')}>
            <svg width="34" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="10" y2="6" stroke={EDGE_LOOKS.IMPLEMENTS.color} strokeWidth="1" />
              <line x1="12" y1="6" x2="22" y2="6" stroke={EDGE_LOOKS.IMPLEMENTS.color} strokeWidth="3" />
              <line x1="24" y1="6" x2="34" y2="6" stroke={EDGE_LOOKS.IMPLEMENTS.color} strokeWidth="6" />
            </svg>
            {t('legendImplements')}
          </span>
          <span className="legend-item">
            <svg width="22" height="12" aria-hidden="true">
              <line x1="0" y1="6" x2="22" y2="6" stroke={EDGE_LOOKS.DERIVES_FROM.color} strokeWidth="2" strokeDasharray="4 3" />
            </svg>
            {t('legendDerives')}
          </span>
          <span className="legend-item legend-note">{t('legendEdgeWidth')}</span>
        </span>
      </div>
      <div className="graph-body">
        <div className="graph-canvas-wrap">
          <div className="graph-canvas" ref={container} data-testid="graph-canvas" />
          {tooltip && (
            <div className="graph-tooltip" role="tooltip" data-testid="graph-tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 12 }}>
              {tooltip.text}
            </div>
          )}
        </div>
        <NodeList elements={elements} onSelect={onSelect} onToggle={onToggle} />
      </div>
    </div>
  );
}

/** The graph's nodes as buttons, so every node can be reached and opened without a mouse. */
function NodeList({
  elements,
  onSelect,
  onToggle,
}: {
  elements: ElementDefinition[];
  onSelect: ((node: NodeData) => void) | undefined;
  onToggle: ((node: NodeData) => void) | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return elements
      .filter((element) => element.group === 'nodes')
      .map((element) => element.data as NodeData)
      .filter((data) => !needle || data.nameZh.toLowerCase().includes(needle) || data.nameEn.toLowerCase().includes(needle))
      .slice(0, 200);
  }, [elements, filter]);
  return (
    <div className="node-list">
      <input
        type="search"
        placeholder={t('filter')}
        aria-label={t('filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul>
        {shown.map((data) => (
          <li key={data.id}>
            <button
              type="button"
              title={`${labelName(data.label, lang)}: ${data.nameZh}`}
              data-node-id={data.id}
              onClick={() => onSelect?.(data)}
              onKeyDown={(event) => {
                if (event.key === '+' || event.key === '-') onToggle?.(data);
              }}
              onDoubleClick={() => onToggle?.(data)}
            >
              <span className="dot" style={{ background: NODE_LOOKS[data.label].color }} />
              {lang === 'zh' ? data.nameZh : data.nameEn}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
