/**
 * @module A page that draws the explorer's lineage graph (GraphCanvas from client/src/graph, with the
 * explorer's stylesheet and dagre layout) for a synthetic national item implemented by enough tasks
 * to make N elements, and reports how long the layout and the first frame took. The explorer has no
 * hook for synthetic data, so the page builds the same elements the lineage view builds from an API
 * answer (nationalItemLineageElements) and renders the same component.
 */
import { useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Core, ElementDefinition } from 'cytoscape';
import { nationalItemLineageElements } from '../../client/src/graph/build-elements.js';
import { GraphCanvas, type LayoutName } from '../../client/src/graph/graph-canvas.js';
import type { TaskSummary } from '../../client/src/api/queries.js';
import type { LinkKind } from '../../graph-schema/model.js';
import '../../client/src/styles.css';

export interface DrawTiming {
  elements: number;
  nodes: number;
  /** From render to the end of the layout (GraphCanvas runs dagre synchronously in its effect). */
  layoutMs: number;
  /** From render to the first frame painted after the layout. */
  drawMs: number;
  renderer: string;
}

const LINK_KIND: LinkKind = 'adapted';
const item = {
  id: 'bench-item',
  titleZh: '推进医保支付方式改革',
  titleEn: 'Reform of medical insurance payment',
  pillar: 'insurance',
  pillarZh: '医保',
  pillarEn: 'Insurance',
};

function task(n: number): TaskSummary & { parent: { id: string; key: string; title: string } | null } {
  // Four tasks per document, three documents per jurisdiction: the shape of a national item's implementations.
  const policy = Math.floor(n / 4);
  const place = Math.floor(policy / 3);
  return {
    id: `t${n}`,
    key: `（${(n % 4) + 1}）`,
    title: `推进按疾病诊断相关分组付费改革任务${n}`,
    kind: 'item',
    deadline: null,
    span: { start: 0, end: 10 },
    policy: { id: `p${policy}`, title: `深化医药卫生体制改革重点工作任务${policy}` },
    jurisdiction: { id: String(110101 + place), name: `县${place}`, nameEn: `County ${place}`, level: 'county' },
    agencies: [],
    targets: [],
    implements: [{ nationalItem: item, score: 0.8, method: 'bench', kind: LINK_KIND }],
    parent: n % 2 === 0 ? { id: `s${Math.floor(n / 8)}`, key: '一、', title: `章节${Math.floor(n / 8)}` } : null,
  };
}

/** Elements of a national item's lineage with at least `count` elements. */
export function lineageElements(count: number): ElementDefinition[] {
  const tasks: ReturnType<typeof task>[] = [];
  // Grow in steps, then trim by whole tasks; ~7 elements per task.
  let n = Math.floor(count / 8);
  for (;;) {
    while (tasks.length < n) tasks.push(task(tasks.length));
    const elements = nationalItemLineageElements({ nationalItem: { ...item, implementations: tasks } });
    if (elements.length >= count) return elements;
    n += Math.max(1, Math.ceil((count - elements.length) / 8));
  }
}

let root: Root | null = null;

function Probe({ onCommitted }: { onCommitted: () => void }) {
  useEffect(onCommitted, [onCommitted]);
  return null;
}

function cytoscapeOf(container: Element | null): Core | null {
  // Cytoscape registers its instance on the container element.
  if (!container) return null;
  const registry = (container as unknown as { _cyreg?: { cy?: Core } })._cyreg;
  return registry?.cy ?? null;
}

async function draw(count: number, layout: LayoutName = 'dagre'): Promise<DrawTiming> {
  const host = document.getElementById('root');
  if (!host) throw new Error('lineage-bench: index.html has no #root element');
  root?.unmount();
  const mounted = createRoot(host);
  root = mounted;
  const elements = lineageElements(count);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return new Promise<DrawTiming>((resolve, reject) => {
    const started = performance.now();
    const committed = () => {
      // Passive effects run children first, siblings in order: GraphCanvas has created Cytoscape,
      // added the elements and run the (synchronous, unanimated) dagre layout by now.
      const layoutMs = performance.now() - started;
      const cy = cytoscapeOf(host.querySelector('[data-testid="graph-canvas"]'));
      if (!cy) {
        reject(new Error('no Cytoscape instance on the canvas'));
        return;
      }
      const finish = () => {
        const counter = host.querySelector('[data-testid="graph-count"]');
        resolve({
          elements: cy.elements().length,
          nodes: cy.nodes().length,
          layoutMs,
          drawMs: performance.now() - started,
          renderer: counter?.getAttribute('data-renderer') ?? 'unknown',
        });
      };
      cy.one('render', () => requestAnimationFrame(finish));
      // A renderer that drew before the listener was attached still paints the next frame.
      requestAnimationFrame(() => requestAnimationFrame(finish));
    };
    mounted.render(
      <div style={{ width: 1280, height: 800 }}>
        <GraphCanvas elements={elements} layout={layout} height={800} />
        <Probe onCommitted={committed} />
      </div>,
    );
  });
}

declare global {
  interface Window {
    benchDraw: (count: number, layout?: LayoutName) => Promise<DrawTiming>;
    benchReady: boolean;
  }
}

window.benchDraw = draw;
window.benchReady = true;
