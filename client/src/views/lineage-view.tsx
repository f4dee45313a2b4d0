/**
 * @module Lineage graph. `#/lineage/national/<id>` traces a national item down to the implementing tasks in
 * every jurisdiction and their policies; `#/lineage/task/<id>` traces a task up; `#/lineage/overview` draws
 * reform pillars against jurisdictions, a pillar opening into its items. Double click (or +/- on the node list)
 * expands or collapses a node.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ElementDefinition } from 'cytoscape';
import { useQuery } from '../api/use-query.js';
import { fetchGraphQL } from '../api/graphql-client.js';
import {
  LINEAGE,
  NATIONAL_ITEMS,
  NATIONAL_ITEM_LINEAGE,
  COVERAGE_COUNTS,
  TASK_DETAIL,
  type LineageResult,
  type NationalItemLineageResult,
  type NationalItemsResult,
  type CoverageCountsResult,
  type TaskDetailResult,
} from '../api/queries.js';
import {
  mergeElements,
  nationalItemLineageElements,
  overviewElements,
  taskExpansionElements,
  taskLineageElements,
  withClass,
  type NodeData,
} from '../graph/build-elements.js';
import { GraphCanvas, type LayoutName } from '../graph/graph-canvas.js';
import { itemTitle, pillarName, taskCount, useLang, useT } from '../i18n.js';
import { formatRoute, navigate, withParams, type Route } from '../router.js';
import { lineageOfItem } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';

export function LineageView({ route }: { route: Route }) {
  const [kind, id] = route.segments;
  if (kind === 'national' && id) return <NationalItemLineage route={route} id={id} />;
  if (kind === 'task' && id) return <TaskLineage route={route} id={id} />;
  if (kind === 'overview') return <Overview route={route} />;
  return <LineagePicker />;
}

function LineagePicker() {
  const t = useT();
  const lang = useLang();
  const state = useQuery<NationalItemsResult>(NATIONAL_ITEMS);
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const items = state.data.nationalItems;
  if (items.length === 0) return <Empty />;
  const pillars = [...new Set(items.map((item) => item.pillar))];
  return (
    <div className="picker">
      <div className="view-toolbar">
        <h1>{t('lineage')}</h1>
        <span className="hint">{t('pickNationalItem')}</span>
        <a className="button" href={formatRoute('lineage', ['overview'])}>
          {t('overview')}
        </a>
      </div>
      <div className="picker-columns">
        {pillars.map((pillar) => {
          const inPillar = items.filter((item) => item.pillar === pillar);
          return (
            <section key={pillar}>
              <h2>{inPillar[0] ? pillarName(inPillar[0], lang) : pillar}</h2>
              <ul>
                {inPillar.map((item) => (
                  <li key={item.id}>
                    <a href={lineageOfItem(item.id)} data-testid="lineage-item-link">
                      {itemTitle(item, lang)}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** Expansions keyed by node id; collapsing a node drops what its expansion added. */
function useExpansions(base: ElementDefinition[], resetKey: string) {
  const [expansions, setExpansions] = useState<Map<string, ElementDefinition[]>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // A new base drops the expansions: set while rendering, not in an effect
  // (react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [expandedKey, setExpandedKey] = useState(resetKey);
  if (expandedKey !== resetKey) {
    setExpandedKey(resetKey);
    setExpansions(new Map());
  }

  const elements = useMemo(() => {
    // An expansion whose node is no longer drawn by the base or another expansion (its parent expansion
    // was collapsed) goes with it; repeat until nothing more drops out.
    let alive = [...expansions.entries()];
    for (;;) {
      const next = alive.filter(([nodeId]) => {
        const others = [base, ...alive.filter(([other]) => other !== nodeId).map(([, list]) => list)];
        return others.some((list) => list.some((element) => element.data.id === nodeId));
      });
      if (next.length === alive.length) break;
      alive = next;
    }
    const merged = mergeElements([base, ...alive.map(([, list]) => list)]);
    const expanded = new Set(expansions.keys());
    return merged.map((element) =>
      element.group === 'nodes' && expanded.has(String(element.data.id))
        ? { ...element, classes: withClass(element.classes, 'expanded') }
        : element,
    );
  }, [base, expansions]);

  const toggle = useCallback(
    async (node: NodeData) => {
      if (expansions.has(node.id)) {
        const next = new Map(expansions);
        next.delete(node.id);
        setExpansions(next);
        return;
      }
      setBusy(node.id);
      setError(null);
      try {
        let added: ElementDefinition[] = [];
        if (node.label === 'Task') {
          const result = await fetchGraphQL<TaskDetailResult>(TASK_DETAIL, { id: node.entityId });
          if (result.task) added = taskExpansionElements(result.task);
        } else if (node.label === 'NationalItem') {
          added = nationalItemLineageElements(await fetchGraphQL<NationalItemLineageResult>(NATIONAL_ITEM_LINEAGE, { id: node.entityId }));
        }
        setExpansions((current) => new Map(current).set(node.id, added));
      } catch (caught) {
        setError(caught instanceof Error ? caught : new Error(String(caught)));
      } finally {
        setBusy(null);
      }
    },
    [expansions],
  );
  return { elements, toggle, busy, error, expandedCount: expansions.size };
}

function LineageGraph({
  route,
  title,
  base,
  resetKey,
  defaultLayout = 'dagre',
}: {
  route: Route;
  title: ReactNode;
  base: ElementDefinition[];
  resetKey: string;
  defaultLayout?: LayoutName;
}) {
  const t = useT();
  const layout = (route.params.get('layout') as LayoutName | null) ?? defaultLayout;
  const rendererParam = route.params.get('renderer');
  const rendererChoice = rendererParam === 'webgl' || rendererParam === 'canvas' ? rendererParam : 'auto';
  const { elements, toggle, busy, error } = useExpansions(base, resetKey);
  const select = (node: NodeData) => navigate(withParams(route, { d: `${node.label}:${node.entityId}` }));
  return (
    <div className="lineage">
      <div className="view-toolbar">
        <h1>{title}</h1>
        <span className="hint">
          {t('expandHint')}
          {busy ? ` · ${t('loading')}` : ''}
        </span>
        {error && <ErrorNotice error={error} />}
      </div>
      {base.length === 0 ? (
        <Empty />
      ) : (
        <GraphCanvas
          elements={elements}
          layout={layout}
          onLayoutChange={(name) => navigate(withParams(route, { layout: name }))}
          onSelect={select}
          onToggle={(node) => void toggle(node)}
          exportName={`lineage-${resetKey.replace(/[^\w-]+/g, '_')}`}
          rendererChoice={rendererChoice}
        />
      )}
    </div>
  );
}

function NationalItemLineage({ route, id }: { route: Route; id: string }) {
  const t = useT();
  const lang = useLang();
  const state = useQuery<NationalItemLineageResult>(NATIONAL_ITEM_LINEAGE, { id });
  const base = useMemo(() => (state.status === 'done' ? nationalItemLineageElements(state.data) : []), [state]);
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const item = state.data.nationalItem;
  if (!item) return <Empty>{id}</Empty>;
  const title = (
    <>
      {t('lineage')}: <span data-testid="lineage-title">{itemTitle(item, lang)}</span>{' '}
      <span className="muted">({taskCount(item.implementations.length, lang)})</span>
    </>
  );
  return <LineageGraph route={route} title={title} base={base} resetKey={`national-${id}`} />;
}

function TaskLineage({ route, id }: { route: Route; id: string }) {
  const t = useT();
  const state = useQuery<LineageResult>(LINEAGE, { taskId: id });
  const base = useMemo(() => (state.status === 'done' ? taskLineageElements(state.data) : []), [state]);
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const task = state.data.task;
  if (!task) return <Empty>{id}</Empty>;
  const title = (
    <>
      {t('lineage')}:{' '}
      <span data-testid="lineage-title">
        {task.key} {task.title}
      </span>
    </>
  );
  return <LineageGraph route={route} title={title} base={base} resetKey={`task-${id}`} />;
}

/** `#/lineage/overview?open=<pillar>,<pillar>`: pillars against jurisdictions; a click on a pillar opens its items. */
function Overview({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const state = useQuery<CoverageCountsResult>(COVERAGE_COUNTS, {});
  const openParam = route.params.get('open') ?? '';
  const open = useMemo(() => new Set(openParam.split(',').filter(Boolean)), [openParam]);
  const elements = useMemo(() => (state.status === 'done' ? overviewElements(state.data.coverage, open, lang) : []), [state, open, lang]);
  const rendererParam = route.params.get('renderer');
  const rendererChoice = rendererParam === 'webgl' || rendererParam === 'canvas' ? rendererParam : 'auto';
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const toggle = (pillar: string) => {
    const next = new Set(open);
    if (next.has(pillar)) next.delete(pillar);
    else next.add(pillar);
    navigate(withParams(route, { open: [...next].join(',') }));
  };
  const select = (node: NodeData) => {
    if (node.pillar) toggle(node.pillar);
    else navigate(withParams(route, { d: `${node.label}:${node.entityId}` }));
  };
  return (
    <div className="lineage">
      <div className="view-toolbar">
        <h1>{t('overview')}</h1>
        <span className="hint">{t('overviewHint')}</span>
      </div>
      <GraphCanvas
        elements={elements}
        layout="preset"
        layouts={['preset']}
        onSelect={select}
        onToggle={select}
        exportName="overview"
        rendererChoice={rendererChoice}
      />
    </div>
  );
}
