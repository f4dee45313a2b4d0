/**
 * @module Cytoscape styles derived from graph-schema: one look per node label and relationship type.
 * The Records are keyed by the schema's types, so a label added to model.ts fails to compile until it has a look;
 * the label lists are read from them rather than from model.ts, whose validators would pull zod into the browser.
 */
import type { StylesheetJson } from 'cytoscape';
import type { GraphLabel, GraphRelType } from '../../../graph-schema/model.js';

export interface NodeLook {
  color: string;
  shape: 'ellipse' | 'rectangle' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'barrel' | 'tag';
  size: number;
}

export const NODE_LOOKS: Record<GraphLabel, NodeLook> = {
  Jurisdiction: { color: '#7c3aed', shape: 'hexagon', size: 46 },
  Policy: { color: '#2563eb', shape: 'rectangle', size: 38 },
  Task: { color: '#059669', shape: 'ellipse', size: 26 },
  Agency: { color: '#d97706', shape: 'diamond', size: 30 },
  Target: { color: '#db2777', shape: 'triangle', size: 24 },
  NationalItem: { color: '#dc2626', shape: 'round-rectangle', size: 44 },
};

export interface EdgeLook {
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
  /** Links carry a score; their width grows with it. */
  scored: boolean;
  arrow: boolean;
}

export const EDGE_LOOKS: Record<GraphRelType, EdgeLook> = {
  PART_OF: { color: '#a78bfa', style: 'dotted', scored: false, arrow: false },
  ISSUED_IN: { color: '#a5b4fc', style: 'dotted', scored: false, arrow: false },
  HAS_TASK: { color: '#93c5fd', style: 'solid', scored: false, arrow: false },
  HAS_PART: { color: '#6ee7b7', style: 'solid', scored: false, arrow: false },
  RESPONSIBLE: { color: '#fbbf24', style: 'dashed', scored: false, arrow: false },
  BELONGS_TO: { color: '#fcd34d', style: 'dotted', scored: false, arrow: false },
  HAS_TARGET: { color: '#f9a8d4', style: 'solid', scored: false, arrow: false },
  IMPLEMENTS: { color: '#ef4444', style: 'solid', scored: true, arrow: true },
  DERIVES_FROM: { color: '#8b5cf6', style: 'dashed', scored: true, arrow: true },
  MAY_IMPLEMENT: { color: '#fca5a5', style: 'dotted', scored: true, arrow: true },
  CITES: { color: '#60a5fa', style: 'dashed', scored: false, arrow: true },
};

/** Class of a node whose label is hidden because it would be drawn smaller than its 'min-zoomed-font-size'. */
export const LABEL_TOO_SMALL = 'label-too-small';

export const NODE_LABELS = Object.keys(NODE_LOOKS) as GraphLabel[];
export const REL_TYPES = Object.keys(EDGE_LOOKS) as GraphRelType[];

export function graphStylesheet(): StylesheetJson {
  const base: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
        'font-size': 10,
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        'border-width': 1,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 1,
        opacity: 0.8,
      },
    },
  ];
  const nodeRules: StylesheetJson = NODE_LABELS.map((label) => {
    const look = NODE_LOOKS[label];
    return {
      selector: `node[label = "${label}"]`,
      style: { 'background-color': look.color, shape: look.shape, width: look.size, height: look.size },
    };
  });
  const edgeRules: StylesheetJson = REL_TYPES.map((type) => {
    const look = EDGE_LOOKS[type];
    return {
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': look.color,
        'line-style': look.style,
        'target-arrow-color': look.color,
        'target-arrow-shape': look.arrow ? 'triangle' : 'none',
        ...(look.scored ? { width: 'mapData(score, 0, 1, 1, 8)' } : {}),
      },
    };
  });
  const stateRules: StylesheetJson = [
    // Tasks sit side by side in a rank: short wrapped labels overlap less than one long line.
    {
      selector: 'node[label = "Task"]',
      style: { 'font-size': 9, 'text-wrap': 'wrap', 'text-overflow-wrap': 'anywhere', 'text-max-width': '84px' },
    },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#111827', 'border-style': 'double' } },
    { selector: 'node.expandable', style: { 'border-width': 3, 'border-color': '#111827', 'border-style': 'double' } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold' } },
    { selector: 'edge:selected', style: { 'line-color': '#111827', 'target-arrow-color': '#111827' } },
    { selector: 'node.side-a', style: { 'background-color': '#0ea5e9', width: 16, height: 16, 'text-opacity': 0 } },
    { selector: 'node.side-b', style: { 'background-color': '#f97316', width: 16, height: 16, 'text-opacity': 0 } },
    { selector: 'node.side-a:selected, node.side-b:selected', style: { 'text-opacity': 1 } },
    { selector: 'node.compare-item', style: { 'font-size': 12, 'text-wrap': 'wrap', 'text-max-width': '130px', width: 30, height: 30 } },
    { selector: 'node.gap', style: { 'background-opacity': 0.25, 'border-width': 2, 'border-style': 'dashed', 'border-color': '#dc2626' } },
    { selector: 'edge.secondary', style: { opacity: 0.2 } },
    // Overview: labels beside their nodes, away from the edges between the two columns.
    {
      selector: 'node.pillar',
      style: {
        width: 20,
        height: 20,
        'font-size': 12,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -8,
        'text-margin-y': 0,
        'text-wrap': 'none',
      },
    },
    {
      selector: 'node.overview-item',
      style: {
        width: 12,
        height: 12,
        'font-size': 11,
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -6,
        'text-margin-y': 0,
        'text-wrap': 'none',
      },
    },
    {
      selector: 'node.overview-jurisdiction',
      style: {
        width: 22,
        height: 22,
        'font-size': 12,
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': 8,
        'text-margin-y': 0,
        'text-wrap': 'none',
      },
    },
    { selector: 'edge.differs', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
    // Last, so it wins: GraphCanvas sets this class where a label would be drawn below 'min-zoomed-font-size',
    // which the WebGL renderer does not honour itself (see label-visibility.ts).
    { selector: `node.${LABEL_TOO_SMALL}`, style: { label: '' } },
  ];
  return [...base, ...nodeRules, ...edgeRules, ...stateRules];
}
