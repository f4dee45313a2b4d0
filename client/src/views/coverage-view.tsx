/**
 * @module Coverage: national items (grouped by pillar) × jurisdictions; each column names the documents it rests
 * on, each cell counts the implementing tasks or says it is a gap or has no document to read; a gap opens its
 * audit. URL: `#/coverage?j=350400,141000&gaps=350400&item=<id>&in=<jurisdiction>&from=2020&to=2024`.
 */
import { useMemo } from 'react';
import { useQuery } from '../api/use-query.js';
import {
  COVERAGE,
  IMPLEMENTATIONS,
  JURISDICTIONS,
  type CoverageResult,
  type CoverageStatus,
  type ImplementationsResult,
  type JurisdictionsResult,
  type NationalItemRef,
} from '../api/queries.js';
import { itemTitle, jurisdictionName, pillarName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { DEFAULT_JURISDICTIONS, lineageOfItem } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { downloadCsv } from '../components/csv.js';
import { TaskList } from './task-list.js';
import { ColumnDocuments, PeriodFilter, periodOf } from './documents.js';
import { GapAuditPanel, type CellPanelProps } from './gap-audit-panel.js';

interface PillarGroup {
  pillar: string;
  items: NationalItemRef[];
}

function groupByPillar(items: readonly NationalItemRef[]): PillarGroup[] {
  const groups = new Map<string, PillarGroup>();
  for (const item of items) {
    const group = groups.get(item.pillar) ?? { pillar: item.pillar, items: [] };
    group.items.push(item);
    groups.set(item.pillar, group);
  }
  return [...groups.values()];
}

export function CoverageView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const selected = (route.params.get('j') ?? '').split(',').filter(Boolean);
  const jurisdictionIds = selected.length > 0 ? selected : [...DEFAULT_JURISDICTIONS];
  const gapsOf = route.params.get('gaps') ?? '';
  const cellItem = route.params.get('item');
  const cellJurisdiction = route.params.get('in');
  const period = periodOf(route);
  const coverage = useQuery<CoverageResult>(COVERAGE, { jurisdictionIds, ...(period ? { period } : {}) });
  const all = useQuery<JurisdictionsResult>(JURISDICTIONS);

  const cells = useMemo(() => {
    const byKey = new Map<string, { count: number; status: CoverageStatus }>();
    if (coverage.status === 'done') {
      for (const cell of coverage.data.coverage.cells)
        byKey.set(`${cell.nationalItemId}|${cell.jurisdictionId}`, { count: cell.taskCount, status: cell.status });
    }
    return byKey;
  }, [coverage]);

  const setJurisdictions = (ids: string[]) => navigate(withParams(route, { j: ids.join(',') }));

  if (coverage.status === 'loading' || coverage.status === 'idle') return <Loading />;
  if (coverage.status === 'error') return <ErrorNotice error={coverage.error} />;
  const { nationalItems, jurisdictions, columns } = coverage.data.coverage;
  const cellOf = (itemId: string, jurisdictionId: string) =>
    cells.get(`${itemId}|${jurisdictionId}`) ?? { count: 0, status: 'NO_DOCUMENT' as const };
  const count = (itemId: string, jurisdictionId: string) => cellOf(itemId, jurisdictionId).count;
  const documentsOf = (jurisdictionId: string) => columns.find((column) => column.jurisdiction.id === jurisdictionId)?.documents ?? [];
  // A possible cell is a gap until a reader confirms its candidate: both are listed.
  const isGapOrPossible = (status: string) => status === 'GAP' || status === 'POSSIBLE';
  const visibleItems = gapsOf ? nationalItems.filter((item) => isGapOrPossible(cellOf(item.id, gapsOf).status)) : nationalItems;
  const groups = groupByPillar(visibleItems);
  const gapTotal = (gaps: number, possible: number, items: number) =>
    `${gaps} / ${items}${possible > 0 ? ` ${t('possibleMore').replace('{n}', String(possible))}` : ''}`;
  const addable = all.status === 'done' ? all.data.jurisdictions.filter((j) => !jurisdictionIds.includes(j.id)) : [];
  const selectedCellItem = nationalItems.find((item) => item.id === cellItem);
  const selectedCellJurisdiction = jurisdictions.find((j) => j.id === cellJurisdiction);

  const exportCsv = () =>
    downloadCsv(
      'coverage.csv',
      ['pillar', 'nationalItemId', 'titleZh', 'titleEn', ...jurisdictions.map((j) => `${j.name} (${j.id})`)],
      // A cell without documents is left empty, not 0: nothing can be said about it.
      nationalItems.map((item) => [
        item.pillarZh || item.pillar,
        item.id,
        item.titleZh,
        item.titleEn,
        ...jurisdictions.map((j) => (cellOf(item.id, j.id).status === 'NO_DOCUMENT' ? null : count(item.id, j.id))),
      ]),
    );

  return (
    <div className={`coverage${selectedCellItem ? ' with-cell' : ''}`}>
      <div className="view-toolbar">
        <h1>{t('coverage')}</h1>
        <label>
          {t('addJurisdiction')}{' '}
          <select
            value=""
            data-testid="add-jurisdiction"
            onChange={(event) => event.target.value && setJurisdictions([...jurisdictionIds, event.target.value])}
            disabled={addable.length === 0}
          >
            <option value="">—</option>
            {addable.map((j) => (
              <option key={j.id} value={j.id}>
                {jurisdictionName(j, lang)} ({j.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('gaps')}{' '}
          <select value={gapsOf} data-testid="gaps-of" onChange={(event) => navigate(withParams(route, { gaps: event.target.value }))}>
            <option value="">—</option>
            {jurisdictions.map((j) => (
              <option key={j.id} value={j.id}>
                {jurisdictionName(j, lang)}
              </option>
            ))}
          </select>
        </label>
        <PeriodFilter route={route} period={period} />
        <button type="button" onClick={exportCsv}>
          {t('exportCsv')}
        </button>
      </div>
      <div className="coverage-legend" data-testid="coverage-legend">
        <span>
          <span className="swatch covered-swatch" aria-hidden="true">
            3
          </span>{' '}
          {t('legendCovered')}
        </span>
        <span>
          <span className="swatch possible-swatch" aria-hidden="true" /> {t('legendPossible')}
        </span>
        <span>
          <span className="swatch gap-swatch" aria-hidden="true" /> {t('legendGap')}
        </span>
        <span>
          <span className="swatch no-document-swatch" aria-hidden="true" /> {t('legendNoDocument')}
        </span>
      </div>
      {nationalItems.length === 0 ? (
        <Empty />
      ) : (
        <div className="coverage-body">
          <div className="matrix-scroll">
            <table className="matrix" data-testid="coverage-matrix">
              <thead>
                <tr>
                  <th scope="col" className="item-col">
                    {t('nationalItem')}
                  </th>
                  {jurisdictions.map((j) => (
                    <th scope="col" key={j.id} className="j-col" data-jurisdiction-id={j.id}>
                      <span className="j-name">{jurisdictionName(j, lang)}</span>
                      {jurisdictionIds.length > 1 && (
                        <button
                          type="button"
                          className="remove"
                          aria-label={`${t('remove')} ${jurisdictionName(j, lang)}`}
                          title={t('remove')}
                          onClick={() => setJurisdictions(jurisdictionIds.filter((id) => id !== j.id))}
                        >
                          ×
                        </button>
                      )}
                      <ColumnDocuments documents={documentsOf(j.id)} />
                    </th>
                  ))}
                  <th scope="col" className="covered-col">
                    {t('coveredIn')}
                  </th>
                </tr>
              </thead>
              {groups.map((group) => (
                <tbody key={group.pillar}>
                  <tr className="pillar-row">
                    <th scope="colgroup" colSpan={2 + jurisdictions.length}>
                      <span className="pillar-name">
                        {group.items[0] ? pillarName(group.items[0], lang) : group.pillar}
                        <span className="muted"> · {group.items.length}</span>
                      </span>
                    </th>
                  </tr>
                  {group.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row" className="item-col">
                        <a href={lineageOfItem(item.id)} title={`${item.titleZh} / ${item.titleEn}`}>
                          {itemTitle(item, lang)}
                        </a>
                      </th>
                      {jurisdictions.map((j) => {
                        const { count: n, status } = cellOf(item.id, j.id);
                        const isSelected = item.id === cellItem && j.id === cellJurisdiction;
                        const shown =
                          status === 'COVERED'
                            ? String(n)
                            : status === 'GAP'
                              ? t('gap')
                              : status === 'POSSIBLE'
                                ? t('possible')
                                : t('noDocument');
                        return (
                          <td
                            key={j.id}
                            className={`cell status-${status.toLowerCase().replace('_', '-')}${status === 'GAP' ? ' gap' : ''}${isSelected ? ' selected' : ''}`}
                          >
                            <button
                              type="button"
                              data-testid="coverage-cell"
                              data-item-id={item.id}
                              data-jurisdiction-id={j.id}
                              data-count={n}
                              data-status={status}
                              aria-label={`${itemTitle(item, lang)} · ${jurisdictionName(j, lang)}: ${shown}`}
                              onClick={() => navigate(withParams(route, { item: item.id, in: j.id }))}
                            >
                              {status === 'COVERED' ? (
                                n > 0 ? (
                                  n
                                ) : (
                                  <span title={t('coveredByTitle')}>{t('wholeDocument')}</span>
                                )
                              ) : (
                                <span className="gap-mark">{shown}</span>
                              )}
                            </button>
                          </td>
                        );
                      })}
                      <td className="covered">
                        {jurisdictions.filter((j) => cellOf(item.id, j.id).status === 'COVERED').length} / {jurisdictions.length}
                      </td>
                    </tr>
                  ))}
                </tbody>
              ))}
              <tfoot>
                <tr>
                  <th scope="row">{t('gaps')}</th>
                  {jurisdictions.map((j) => (
                    <td key={j.id} className="gap-total" data-testid="gap-total" data-jurisdiction-id={j.id}>
                      {documentsOf(j.id).length === 0
                        ? t('noDocument')
                        : gapTotal(
                            nationalItems.filter((item) => cellOf(item.id, j.id).status === 'GAP').length,
                            nationalItems.filter((item) => cellOf(item.id, j.id).status === 'POSSIBLE').length,
                            nationalItems.length,
                          )}
                    </td>
                  ))}
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          {selectedCellItem && selectedCellJurisdiction && (
            <aside className="cell-panel" data-testid="cell-panel" aria-label={t('cellTasks')}>
              <div className="cell-panel-head">
                <h2>
                  {itemTitle(selectedCellItem, lang)} · {jurisdictionName(selectedCellJurisdiction, lang)}
                </h2>
                <button
                  type="button"
                  aria-label={t('close')}
                  onClick={() => navigate(withParams(route, { item: undefined, in: undefined }))}
                >
                  ×
                </button>
              </div>
              {cellOf(selectedCellItem.id, selectedCellJurisdiction.id).status === 'COVERED' ? (
                <CellTasks
                  route={route}
                  nationalItemId={selectedCellItem.id}
                  jurisdictionId={selectedCellJurisdiction.id}
                  period={period}
                />
              ) : (
                <GapAuditPanel
                  route={route}
                  nationalItemId={selectedCellItem.id}
                  jurisdictionId={selectedCellJurisdiction.id}
                  period={period}
                />
              )}
            </aside>
          )}
        </div>
      )}
    </div>
  );
}

function CellTasks({ route, nationalItemId, jurisdictionId, period }: CellPanelProps) {
  const t = useT();
  // The tasks the cell counts, as its number says: of the documents of the period, not a heading, nor an item beside its measure.
  const state = useQuery<ImplementationsResult>(IMPLEMENTATIONS, {
    nationalItemId,
    jurisdictionId,
    counted: true,
    ...(period ? { period } : {}),
  });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const tasks = state.data.nationalItem?.implementations ?? [];
  // A covered cell without tasks is covered by a document whose title names the reform.
  if (tasks.length === 0) return <Empty>{t('coveredByTitle')}</Empty>;
  return (
    <TaskList route={route} tasks={tasks} highlightItemId={nationalItemId} csvName={`tasks-${nationalItemId}-${jurisdictionId}.csv`} />
  );
}
