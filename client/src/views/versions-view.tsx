/**
 * @module Versions of a jurisdiction's plans, as PKULaw shows statute versions: `#/versions?j=<code>` finds
 * the series of successive documents of one kind; `#/versions?p=<id>,<id>,…` compares the documents picked.
 * Documents stand side by side; each national item is marked continued, added or dropped from one to the
 * next, and targets on the same metric as raised, lowered or changed.
 */
import { useState } from 'react';
import { useQuery } from '../api/use-query.js';
import {
  PLAN_VERSIONS,
  POLICY_LIST,
  type PlanSeries,
  type PlanVersionsResult,
  type PolicyListResult,
  type PolicyRef,
  type TargetDirection,
} from '../api/analyses-queries.js';
import type { NationalItemRef } from '../api/queries.js';
import { itemTitle, jurisdictionName, pillarName, policyTitle, t as translate, useLang, useT, type Lang } from '../i18n.js';
import { formatRoute, navigate, withParams, type Route } from '../router.js';
import { DEFAULT_JURISDICTIONS, detailHref, lineageOfItem } from '../links.js';
import { ErrorNotice, Loading } from '../components/states.js';

type Presence = 'continued' | 'added' | 'dropped' | 'first' | null;

const directionName = (direction: TargetDirection, lang: Lang) => translate(`direction_${direction}`, lang);

/** For each item, its mark in each document of the series (null: not addressed there). */
export function presenceTable(series: PlanSeries): { item: NationalItemRef; marks: Presence[] }[] {
  const rows = new Map<string, { item: NationalItemRef; marks: Presence[] }>();
  const mark = (item: NationalItemRef, index: number, presence: Presence) => {
    const row = rows.get(item.id) ?? { item, marks: series.documents.map((): Presence => null) };
    row.item = item;
    row.marks[index] = presence;
    rows.set(item.id, row);
  };
  series.steps.forEach((step, index) => {
    // The first document's items are those the first step continues or drops.
    if (index === 0) for (const item of [...step.continued, ...step.dropped]) mark(item, 0, 'first');
    for (const item of step.continued) mark(item, index + 1, 'continued');
    for (const item of step.added) mark(item, index + 1, 'added');
    for (const item of step.dropped) mark(item, index + 1, 'dropped');
  });
  return [...rows.values()].sort((a, b) => a.item.pillar.localeCompare(b.item.pillar) || a.item.id.localeCompare(b.item.id));
}

const policyLabel = (policy: PolicyRef, lang: Lang) =>
  [policy.jurisdiction ? jurisdictionName(policy.jurisdiction, lang) : null, policyTitle(policy, lang), policy.issuedOn]
    .filter(Boolean)
    .join(' · ');

export function VersionsView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const picked = (route.params.get('p') ?? '').split(',').filter(Boolean);
  const jurisdictionId = picked.length > 0 ? null : (route.params.get('j') ?? DEFAULT_JURISDICTIONS[0]);
  const list = useQuery<PolicyListResult>(POLICY_LIST);
  const state = useQuery<PlanVersionsResult>(PLAN_VERSIONS, picked.length > 0 ? { policyIds: picked } : { jurisdictionId });
  const policies = list.status === 'done' ? list.data.policies : [];
  const jurisdictions = [
    ...new Map(
      policies.flatMap((policy) => (policy.jurisdiction ? [[policy.jurisdiction.id, policy.jurisdiction] as const] : [])),
    ).values(),
  ];
  const noSeries = state.status === 'done' && state.data.planVersions.length === 0;

  return (
    <div className="analysis versions">
      <div className="view-toolbar">
        <h1>{t('versionsTitle')}</h1>
        <label>
          {t('jurisdiction')}{' '}
          <select
            value={jurisdictionId ?? ''}
            data-testid="versions-jurisdiction"
            onChange={(event) => navigate(formatRoute('versions', [], { j: event.target.value }))}
          >
            {jurisdictionId === null && <option value="">—</option>}
            {jurisdictions.length === 0 && jurisdictionId && <option value={jurisdictionId}>{jurisdictionId}</option>}
            {jurisdictions.map((j) => (
              <option key={j.id} value={j.id}>
                {jurisdictionName(j, lang)} ({j.id})
              </option>
            ))}
          </select>
        </label>
        <span className="hint">{t('versionsHint')}</span>
      </div>
      <div className="analysis-body">
        {state.status === 'error' ? (
          <ErrorNotice error={state.error} />
        ) : state.status !== 'done' ? (
          <Loading />
        ) : noSeries ? (
          <p className="state state-empty" data-testid="no-series">
            {t('noSeries')}
          </p>
        ) : (
          state.data.planVersions.map((series, index) => <SeriesView key={index} route={route} series={series} />)
        )}
        <DocumentPicker key={picked.join(',')} route={route} policies={policies} picked={picked} open={noSeries || picked.length > 0} />
      </div>
    </div>
  );
}

function DocumentPicker({ route, policies, picked, open }: { route: Route; policies: PolicyRef[]; picked: string[]; open: boolean }) {
  const t = useT();
  const lang = useLang();
  const [chosen, setChosen] = useState<string[]>(picked);
  return (
    <details className="document-picker" open={open}>
      <summary>{t('pickDocuments')}</summary>
      <ul>
        {policies.map((policy) => (
          <li key={policy.id}>
            <label>
              <input
                type="checkbox"
                data-testid="pick-document"
                value={policy.id}
                checked={chosen.includes(policy.id)}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, policy.id] : chosen.filter((id) => id !== policy.id))}
              />{' '}
              {policyLabel(policy, lang)}
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="compare-documents"
        disabled={chosen.length < 2}
        onClick={() => navigate(withParams(route, { p: chosen.join(','), j: undefined }))}
      >
        {t('compareDocuments')}
      </button>
    </details>
  );
}

const MARK_TEXT: Record<Exclude<Presence, null>, 'continued' | 'added' | 'dropped' | null> = {
  first: null,
  continued: 'continued',
  added: 'added',
  dropped: 'dropped',
};

function SeriesView({ route, series }: { route: Route; series: PlanSeries }) {
  const t = useT();
  const lang = useLang();
  const rows = presenceTable(series);
  return (
    <section className="plan-series" data-testid="plan-series">
      <div className="matrix-scroll versions-scroll">
        <table className="matrix versions-table">
          <thead>
            <tr>
              <th className="item-col" scope="col">
                {t('nationalItem')}
              </th>
              {series.documents.map((document) => (
                <th key={document.id} scope="col" className="j-col doc-col" data-policy-id={document.id}>
                  <a href={detailHref(route, 'Policy', document.id)}>{policyTitle(document, lang)}</a>
                  <div className="muted small">{[document.docNumber, document.issuedOn].filter(Boolean).join(' · ')}</div>
                </th>
              ))}
            </tr>
            <tr className="step-summary">
              <th className="item-col" scope="row" />
              {series.documents.map((document, index) => {
                const step = series.steps[index - 1];
                return (
                  <th key={document.id} className="j-col" data-testid={step ? 'step-summary' : undefined}>
                    {!step && <span className="muted small">{t('addressedMark')}</span>}
                    {step && (
                      <>
                        <span className="chip step-continued">
                          {t('continued')} <span data-testid="count-continued">{step.continued.length}</span>
                        </span>{' '}
                        <span className="chip step-added">
                          {t('added')} <span data-testid="count-added">{step.added.length}</span>
                        </span>{' '}
                        <span className="chip step-dropped">
                          {t('dropped')} <span data-testid="count-dropped">{step.dropped.length}</span>
                        </span>
                      </>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ item, marks }) => (
              <tr key={item.id} data-testid="version-row" data-item-id={item.id}>
                <th className="item-col" scope="row">
                  <a href={lineageOfItem(item.id)}>{itemTitle(item, lang)}</a>
                  <div className="muted small">{pillarName(item, lang)}</div>
                </th>
                {marks.map((presence, index) => {
                  const text = presence ? MARK_TEXT[presence] : null;
                  return (
                    <td
                      key={index}
                      className={`version-cell${presence ? ` version-${presence}` : ''}`}
                      data-presence={presence ?? 'absent'}
                    >
                      {presence === 'first' ? '●' : text ? t(text) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {series.steps.some((step) => step.targetChanges.length > 0) && (
        <>
          <h2>{t('targetChanges')}</h2>
          {series.steps.map((step, index) =>
            step.targetChanges.length === 0 ? null : (
              <table key={index} className="target-changes" data-testid="target-changes">
                <caption>
                  {[step.from, step.to]
                    .map((end) => policyTitle(series.documents.find((document) => document.id === end.id) ?? { title: end.id }, lang))
                    .join(' → ')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('targets')}</th>
                    <th scope="col">{t('before')}</th>
                    <th scope="col">{t('after')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {step.targetChanges.map((change) => (
                    <tr key={change.metric} data-testid="target-change" data-direction={change.direction}>
                      <th scope="row">{change.metric}</th>
                      <td>{change.before.map((target) => target.text).join('；')}</td>
                      <td>{change.after.map((target) => target.text).join('；')}</td>
                      <td>
                        <span className={`chip direction-${change.direction.toLowerCase()}`}>
                          {change.direction === 'RAISED' ? '↑ ' : change.direction === 'LOWERED' ? '↓ ' : ''}
                          {directionName(change.direction, lang)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ),
          )}
        </>
      )}
    </section>
  );
}
