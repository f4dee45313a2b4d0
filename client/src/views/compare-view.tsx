/**
 * @module Compare two jurisdictions: `#/compare?a=350400&b=141000&from=2020&to=2024&tab=table|graph`. Each side
 * is named by its jurisdiction and documents; targets are aligned by metric, shared national items sit in two
 * columns with their lead agency types and the two wordings diffed, items found on one side only and local
 * innovations are listed apart; the graph tab puts both sides on one stable preset layout.
 */
import { Fragment, lazy, Suspense } from 'react';
import type { AgencyType } from '../../../graph-schema/model.js';
import { useQuery } from '../api/use-query.js';
import { COMPARE, JURISDICTIONS, type CompareResult, type CompareLink, type CompareRow, type JurisdictionsResult } from '../api/queries.js';
import { agencyTypeName, itemTitle, jurisdictionName, pillarName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { DEFAULT_JURISDICTIONS, detailHref, lineageOfItem } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { ColumnDocuments, PeriodFilter, periodOf } from './documents.js';
import { bestPair, LocalInnovations, TargetTable, WordingDiff } from './compare-parts.js';
import { downloadCsv } from '../components/csv.js';
import { AlignmentToggle } from './task-analyses.js';

// The graph tab brings Cytoscape: loaded when the tab is first opened.
const CompareGraph = lazy(() => import('./compare-graph.js').then((module) => ({ default: module.CompareGraph })));

export function CompareView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const a = route.params.get('a') ?? DEFAULT_JURISDICTIONS[0];
  const b = route.params.get('b') ?? DEFAULT_JURISDICTIONS[1];
  const tab = route.params.get('tab') === 'graph' ? 'graph' : 'table';
  const all = useQuery<JurisdictionsResult>(JURISDICTIONS);
  const period = periodOf(route);
  const state = useQuery<CompareResult>(COMPARE, { a, b, ...(period ? { period } : {}) }, { skip: a === b });
  const options = all.status === 'done' ? all.data.jurisdictions.filter((j) => j.policies.length > 0 || j.id === a || j.id === b) : [];

  const picker = (side: 'a' | 'b', value: string) => (
    <label>
      <select
        value={value}
        data-testid={`compare-${side}`}
        aria-label={side === 'a' ? t('sideA') : t('sideB')}
        onChange={(event) => navigate(withParams(route, { [side]: event.target.value }))}
      >
        {options.length === 0 && <option value={value}>{value}</option>}
        {options.map((j) => (
          <option key={j.id} value={j.id}>
            {jurisdictionName(j, lang)} ({j.id})
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="compare">
      <div className="view-toolbar">
        <h1>{t('compare')}</h1>
        {picker('a', a)}
        <button type="button" onClick={() => navigate(withParams(route, { a: b, b: a }))} aria-label={t('swap')} title={t('swap')}>
          ⇄
        </button>
        {picker('b', b)}
        <PeriodFilter route={route} period={period} />
        <span className="tabs" role="tablist">
          {(['table', 'graph'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'active' : ''}
              onClick={() => navigate(withParams(route, { tab: name === 'table' ? undefined : name }))}
            >
              {t(name)}
            </button>
          ))}
        </span>
      </div>
      {a === b ? (
        <Empty>{t('sameSides')}</Empty>
      ) : state.status === 'loading' || state.status === 'idle' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorNotice error={state.error} />
      ) : tab === 'graph' ? (
        <Suspense fallback={<Loading />}>
          <CompareGraph route={route} result={state.data} />
        </Suspense>
      ) : (
        <CompareTable route={route} result={state.data} />
      )}
    </div>
  );
}

function CompareTable({ route, result }: { route: Route; result: CompareResult }) {
  const t = useT();
  const lang = useLang();
  const { a, b, shared, onlyA, onlyB } = result.compare;
  const nameA = jurisdictionName(a, lang);
  const nameB = jurisdictionName(b, lang);

  const exportCsv = () => {
    const rows = [
      ...shared.map((row) => ['shared', row] as const),
      ...onlyA.map((row) => ['onlyA', row] as const),
      ...onlyB.map((row) => ['onlyB', row] as const),
    ].map(([group, row]) => [
      group,
      row.nationalItem.id,
      row.nationalItem.titleZh,
      row.nationalItem.titleEn,
      row.linksA.map(({ task }) => `${task.key}${task.title}`).join('；'),
      row.linksB.map(({ task }) => `${task.key}${task.title}`).join('；'),
      row.leadAgencyTypesA.join(' '),
      row.leadAgencyTypesB.join(' '),
      row.targetDifferences.map((difference) => difference.metric).join('；'),
    ]);
    downloadCsv(
      `compare-${a.id}-${b.id}.csv`,
      [
        'group',
        'nationalItemId',
        'titleZh',
        'titleEn',
        `tasks ${a.name}`,
        `tasks ${b.name}`,
        `lead ${a.name}`,
        `lead ${b.name}`,
        'differingTargets',
      ],
      rows,
    );
  };

  return (
    <div className="compare-table-wrap">
      <div className="compare-summary">
        <span>
          {t('shared')}: <strong data-testid="shared-count">{shared.length}</strong>
        </span>
        <span>
          {t('onlyIn')} {nameA}: <strong data-testid="only-a-count">{onlyA.length}</strong>
        </span>
        <span>
          {t('onlyIn')} {nameB}: <strong data-testid="only-b-count">{onlyB.length}</strong>
        </span>
        <button type="button" onClick={exportCsv}>
          {t('exportCsv')}
        </button>
      </div>
      <div className="two-columns compare-sides">
        <section data-testid="side-documents-a">
          <h2>
            <span className="dot side-a" /> {nameA}
          </h2>
          <ColumnDocuments documents={result.compare.documentsA} />
        </section>
        <section data-testid="side-documents-b">
          <h2>
            <span className="dot side-b" /> {nameB}
          </h2>
          <ColumnDocuments documents={result.compare.documentsB} />
        </section>
      </div>
      <TargetTable rows={shared} nameA={nameA} nameB={nameB} />
      <table className="compare-table" data-testid="compare-table">
        <colgroup>
          <col className="item-col" />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('nationalItem')}</th>
            <th scope="col" data-testid="column-a">
              {nameA}
            </th>
            <th scope="col" data-testid="column-b">
              {nameB}
            </th>
          </tr>
        </thead>
        <RowGroup route={route} title={t('shared')} rows={shared} kind="shared" sideA={nameA} sideB={nameB} />
        <RowGroup route={route} title={`${t('onlyIn')} ${nameA}`} rows={onlyA} kind="only-a" sideA={nameA} sideB={nameB} />
        <RowGroup route={route} title={`${t('onlyIn')} ${nameB}`} rows={onlyB} kind="only-b" sideA={nameA} sideB={nameB} />
      </table>
      <LocalInnovations route={route} nameA={nameA} nameB={nameB} tasksA={result.compare.unlinkedA} tasksB={result.compare.unlinkedB} />
    </div>
  );
}

function RowGroup({
  route,
  title,
  rows,
  kind,
  sideA,
  sideB,
}: {
  route: Route;
  title: string;
  rows: CompareRow[];
  kind: string;
  sideA: string;
  sideB: string;
}) {
  const lang = useLang();
  const t = useT();
  return (
    <tbody className={`group-${kind}`} data-testid={`group-${kind}`}>
      <tr className="group-row">
        <th colSpan={3} scope="colgroup">
          {title} · {rows.length}
        </th>
      </tr>
      {rows.map((row) => {
        const differing = new Set(
          row.targetDifferences.flatMap((difference) => [...difference.targetsA, ...difference.targetsB].map((target) => target.id)),
        );
        const wordings = kind === 'shared' ? bestPair(row) : null;
        return (
          <Fragment key={row.nationalItem.id}>
            <tr data-testid="compare-row" data-item-id={row.nationalItem.id} className={differing.size > 0 ? 'differs' : ''}>
              <th scope="row">
                <a href={lineageOfItem(row.nationalItem.id)}>{itemTitle(row.nationalItem, lang)}</a>
                <div className="muted small">{pillarName(row.nationalItem, lang)}</div>
              </th>
              <td data-side={sideA}>
                <SideCell route={route} links={row.linksA} leads={row.leadAgencyTypesA} differing={differing} shared={kind === 'shared'} />
              </td>
              <td data-side={sideB}>
                <SideCell route={route} links={row.linksB} leads={row.leadAgencyTypesB} differing={differing} shared={kind === 'shared'} />
              </td>
            </tr>
            {wordings && (
              <tr className="wording-row">
                <th scope="row" className="muted small">
                  {t('wordingDiff')}
                </th>
                <td colSpan={2}>
                  <WordingDiff a={wordings[0]} b={wordings[1]} nameA={sideA} nameB={sideB} />
                </td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </tbody>
  );
}

function SideCell({
  route,
  links,
  leads,
  differing,
  shared,
}: {
  route: Route;
  /** The side's links to the row's item: each task with the targets its link bears on. */
  links: CompareLink[];
  leads: AgencyType[];
  differing: ReadonlySet<string>;
  /** A shared item with no task on this side is covered by a document's title as a whole. */
  shared: boolean;
}) {
  const t = useT();
  const lang = useLang();
  if (links.length === 0)
    return shared ? <span className="muted">{t('coveredByTitle')}</span> : <span className="gap-mark">{t('gap')}</span>;
  return (
    <div className="side-cell">
      {leads.length > 0 && (
        <div className="lead-types" title={t('leadType')}>
          {leads.map((type) => (
            <span key={type} className="chip role-lead">
              {agencyTypeName(type, lang)}
            </span>
          ))}
        </div>
      )}
      <ul>
        {links.map(({ task, targets }) => (
          <li key={task.id}>
            <a href={detailHref(route, 'Task', task.id)}>
              <span className="task-key">{task.key}</span> {task.title}
            </a>
            <AlignmentToggle taskId={task.id} />
            {targets.length > 0 && (
              <ul className="task-targets">
                {targets.map((target, index) => (
                  <li
                    key={index}
                    className={differing.has(target.id) ? 'target-differs' : ''}
                    title={differing.has(target.id) ? t('differingTargets') : undefined}
                  >
                    ◎ {target.text}
                    {differing.has(target.id) && <span className="badge">{t('differingTargets')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
