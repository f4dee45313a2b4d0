/**
 * @module Policy instruments × reform areas (the X–Y framework of 政策文本计量): `#/instruments?j=<code>`
 * counts, per instrument sub-type and pillar, the tasks of a jurisdiction (every jurisdiction with `j=all`)
 * that use the instrument and implement an item of the pillar. `cell=<subType>:<pillar>` (or
 * `<subType>:*` for the row's total) lists those tasks with the words showing the instrument marked.
 */
import { Fragment } from 'react';
import { useQuery } from '../api/use-query.js';
import {
  CODED_TASKS,
  INSTRUMENT_MATRIX,
  type CodedTask,
  type CodedTasksResult,
  type InstrumentMatrixResult,
  type InstrumentType,
  type PolicyRef,
} from '../api/analyses-queries.js';
import { jurisdictionName, policyTitle, taskCount, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { DEFAULT_JURISDICTIONS, detailHref } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { EvidenceClauses, instrumentTypeName, subTypeName } from './task-analyses.js';

const ALL = 'all';
const ANY_PILLAR = '*';

/** The tasks behind a cell: those using the sub-type and (unless any pillar) implementing an item of the pillar. */
export function tasksOfCell(policies: readonly (PolicyRef & { tasks: CodedTask[] })[], subType: string, pillar: string) {
  return policies.flatMap((policy) =>
    policy.tasks
      .filter(
        (task) =>
          task.instruments.some((use) => use.subType === subType) &&
          (pillar === ANY_PILLAR || task.implements.some((link) => link.nationalItem.pillar === pillar)),
      )
      .map((task) => ({ task, policy })),
  );
}

export function InstrumentsView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const chosen = route.params.get('j') ?? DEFAULT_JURISDICTIONS[0];
  const jurisdictionId = chosen === ALL ? null : chosen;
  const state = useQuery<InstrumentMatrixResult>(INSTRUMENT_MATRIX, { jurisdictionId });
  const [cellSubType = '', cellPillar = ''] = (route.params.get('cell') ?? '').split(':');
  const options = state.status === 'done' ? state.data.jurisdictions.filter((j) => j.policies.length > 0 || j.id === chosen) : [];

  const toolbar = (
    <div className="view-toolbar">
      <h1>{t('instrumentMatrixTitle')}</h1>
      <label>
        {t('jurisdiction')}{' '}
        <select
          value={chosen}
          data-testid="instruments-jurisdiction"
          onChange={(event) => navigate(withParams(route, { j: event.target.value, cell: undefined }))}
        >
          <option value={ALL}>{t('allJurisdictions')}</option>
          {options.length === 0 && chosen !== ALL && <option value={chosen}>{chosen}</option>}
          {options.map((j) => (
            <option key={j.id} value={j.id}>
              {jurisdictionName(j, lang)} ({j.id})
            </option>
          ))}
        </select>
      </label>
      {state.status === 'done' && (
        <span className="hint" data-testid="instruments-summary">
          {state.data.instrumentMatrix.taskCount} {t('tasksCoded')} · {state.data.instrumentMatrix.unlinkedTaskCount} {t('unlinkedTasks')}
        </span>
      )}
    </div>
  );
  if (state.status === 'loading' || state.status === 'idle')
    return (
      <div className="analysis">
        {toolbar}
        <Loading />
      </div>
    );
  if (state.status === 'error')
    return (
      <div className="analysis">
        {toolbar}
        <ErrorNotice error={state.error} />
      </div>
    );
  const matrix = state.data.instrumentMatrix;
  const types = [...new Set(matrix.subTypes.map((subType) => subType.type))] as InstrumentType[];
  const open = (subType: string, pillar: string) => navigate(withParams(route, { cell: `${subType}:${pillar}` }));
  const cellButton = (subType: string, pillar: string, count: number, label: string) => (
    <td key={pillar} className={`cell${count === 0 ? ' zero' : ''}${cellSubType === subType && cellPillar === pillar ? ' selected' : ''}`}>
      <button
        type="button"
        data-testid="instrument-cell"
        data-sub-type={subType}
        data-pillar={pillar}
        data-count={count}
        aria-label={label}
        onClick={() => open(subType, pillar)}
      >
        {count}
      </button>
    </td>
  );

  return (
    <div className="analysis instruments">
      {toolbar}
      <p className="hint analysis-hint">{t('instrumentHint')}</p>
      <div className="coverage-body">
        <div className="matrix-scroll">
          <table className="matrix instrument-matrix" data-testid="instrument-matrix">
            <thead>
              <tr>
                <th className="item-col" scope="col">
                  {t('instruments')}
                </th>
                {matrix.reformAreas.map((area) => (
                  <th key={area.id} scope="col" className="j-col" data-pillar={area.id}>
                    {lang === 'zh' ? area.nameZh : area.nameEn}
                  </th>
                ))}
                <th scope="col" className="j-col">
                  {t('instrumentTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <Fragment key={type}>
                  <tr className="pillar-row">
                    <th colSpan={matrix.reformAreas.length + 2} scope="colgroup">
                      <span className="pillar-name">{instrumentTypeName(type, lang)}</span>
                    </th>
                  </tr>
                  {matrix.subTypes.map((subType, row) =>
                    subType.type !== type ? null : (
                      <tr key={subType.id} data-sub-type={subType.id}>
                        <th className="item-col" scope="row" title={subType.definition}>
                          {subTypeName(subType, lang)}
                        </th>
                        {matrix.reformAreas.map((area, column) =>
                          cellButton(
                            subType.id,
                            area.id,
                            matrix.counts[row]?.[column] ?? 0,
                            `${subTypeName(subType, lang)} × ${lang === 'zh' ? area.nameZh : area.nameEn}`,
                          ),
                        )}
                        {cellButton(
                          subType.id,
                          ANY_PILLAR,
                          matrix.totals[row] ?? 0,
                          `${subTypeName(subType, lang)} · ${t('instrumentTotal')}`,
                        )}
                      </tr>
                    ),
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
        {cellSubType && cellPillar && (
          <InstrumentCell
            route={route}
            jurisdictionId={jurisdictionId}
            subType={cellSubType}
            pillar={cellPillar}
            title={`${subTypeName(matrix.subTypes.find((entry) => entry.id === cellSubType) ?? { nameZh: cellSubType, nameEn: cellSubType }, lang)} × ${
              cellPillar === ANY_PILLAR
                ? t('instrumentTotal')
                : ((area) => (area ? (lang === 'zh' ? area.nameZh : area.nameEn) : cellPillar))(
                    matrix.reformAreas.find((area) => area.id === cellPillar),
                  )
            }`}
          />
        )}
      </div>
    </div>
  );
}

function InstrumentCell({
  route,
  jurisdictionId,
  subType,
  pillar,
  title,
}: {
  route: Route;
  jurisdictionId: string | null;
  subType: string;
  pillar: string;
  title: string;
}) {
  const t = useT();
  const state = useQuery<CodedTasksResult>(CODED_TASKS, { jurisdictionId });
  return (
    <aside className="cell-panel" data-testid="instrument-cell-panel" aria-label={t('cellTasks')}>
      <div className="cell-panel-head">
        <h2>{title}</h2>
        <button type="button" aria-label={t('close')} onClick={() => navigate(withParams(route, { cell: undefined }))}>
          ×
        </button>
      </div>
      {state.status === 'loading' || state.status === 'idle' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorNotice error={state.error} />
      ) : (
        <CellTasks route={route} rows={tasksOfCell(state.data.policies, subType, pillar)} subType={subType} />
      )}
    </aside>
  );
}

function CellTasks({ route, rows, subType }: { route: Route; rows: ReturnType<typeof tasksOfCell>; subType: string }) {
  const t = useT();
  const lang = useLang();
  if (rows.length === 0) return <Empty />;
  return (
    <>
      <p className="muted">
        {taskCount(rows.length, lang)} · {t('instrumentLegend')}
      </p>
      <ol className="instrument-tasks">
        {rows.map(({ task, policy }) => (
          <li key={task.id} className="task-row" data-testid="instrument-task" data-task-id={task.id}>
            <div className="task-title">
              <a href={detailHref(route, 'Task', task.id)}>
                <span className="task-key">{task.key}</span> {task.title}
              </a>
            </div>
            <div className="task-meta">
              {policy.jurisdiction && <span className="chip jurisdiction">{jurisdictionName(policy.jurisdiction, lang)}</span>}
              <span className="muted policy-title">{policyTitle(policy, lang)}</span>
            </div>
            {task.instruments
              .filter((use) => use.subType === subType)
              .map((use) => (
                <EvidenceClauses key={use.subType} text={task.text} use={use} />
              ))}
          </li>
        ))}
      </ol>
    </>
  );
}
