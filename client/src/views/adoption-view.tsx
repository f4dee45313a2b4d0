/**
 * @module Adoption over time (政策扩散): `#/adoption` draws one cumulative adoption curve per pillar,
 * `#/adoption?pillar=<id>` one per national item of that pillar. A point lists the jurisdictions whose
 * documents had taken up the item (or pillar) by that year; adoption.csv holds the event-history rows.
 */
import { useState } from 'react';
import { useQuery } from '../api/use-query.js';
import { ADOPTION, type AdoptionCurve, type AdoptionResult } from '../api/analyses-queries.js';
import { NATIONAL_ITEMS, type NationalItemRef, type NationalItemsResult } from '../api/queries.js';
import { itemTitle, jurisdictionName, pillarName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { CurveChart, curveColour, curveDash, type Curve } from '../components/curve-chart.js';

export const ADOPTION_CSV_URL = '/export/adoption.csv';

export function AdoptionView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const pillar = route.params.get('pillar') ?? '';
  const catalogue = useQuery<NationalItemsResult>(NATIONAL_ITEMS);
  const items = catalogue.status === 'done' ? catalogue.data.nationalItems : [];
  const pillars = [...new Map(items.map((item) => [item.pillar, item])).values()];
  return (
    <div className="analysis adoption">
      <div className="view-toolbar">
        <h1>{t('adoptionTitle')}</h1>
        <label>
          {t('pillar')}{' '}
          <select
            value={pillar}
            data-testid="adoption-pillar"
            onChange={(event) => navigate(withParams(route, { pillar: event.target.value }))}
          >
            <option value="">{t('allPillars')}</option>
            {pillars.map((item) => (
              <option key={item.pillar} value={item.pillar}>
                {pillarName(item, lang)}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={ADOPTION_CSV_URL} download="adoption.csv" data-testid="adoption-csv">
          {t('downloadAdoptionCsv')}
        </a>
      </div>
      {catalogue.status === 'error' ? (
        <ErrorNotice error={catalogue.error} />
      ) : (
        <AdoptionCurves key={pillar} pillar={pillar} pillars={pillars} />
      )}
    </div>
  );
}

/** Keyed by pillar: a new choice starts from loading, never from the curves of the last one. */
function AdoptionCurves({ pillar, pillars }: { pillar: string; pillars: readonly NationalItemRef[] }) {
  const t = useT();
  const lang = useLang();
  const state = useQuery<AdoptionResult>(ADOPTION, pillar ? { pillar } : {});
  const [highlighted, setHighlighted] = useState<string | null>(null);
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const { adoption } = state.data;
  const source: AdoptionCurve[] = pillar ? adoption.itemCurves : adoption.pillarCurves;
  const pillarOf = new Map<string, NationalItemRef>(pillars.map((item) => [item.pillar, item]));
  const labelOf = (curve: AdoptionCurve) => {
    if (curve.nationalItem) return itemTitle(curve.nationalItem, lang);
    const pillar = pillarOf.get(curve.pillar);
    return pillar ? pillarName(pillar, lang) : curve.pillar;
  };
  const curves: Curve[] = source.map((curve) => ({ key: curve.key, label: labelOf(curve), values: curve.adopted }));
  const byKey = new Map(source.map((curve) => [curve.key, curve]));
  const nameOf = new Map(adoption.jurisdictions.map((j) => [j.id, jurisdictionName(j, lang)]));

  const describe = (curve: Curve, index: number) => {
    const adopters = byKey.get(curve.key)?.adopters[index] ?? [];
    const others = adoption.jurisdictions.filter((j) => !adopters.includes(j.id));
    return (
      <>
        <strong>{curve.label}</strong>
        <div>
          {adoption.years[index]} · {t('adoptedCount')} {adopters.length}/{adoption.jurisdictions.length}
        </div>
        <ul data-testid="tooltip-adopters">
          {adopters.map((id) => (
            <li key={id}>{nameOf.get(id) ?? id}</li>
          ))}
        </ul>
        {others.length > 0 && (
          <div className="muted">
            {t('notYet')}
            {lang === 'zh' ? '：' : ': '}
            {others.map((j) => jurisdictionName(j, lang)).join(lang === 'zh' ? '、' : ', ')}
          </div>
        )}
      </>
    );
  };

  return (
    <div className="analysis-body">
      <p className="hint">{t('adoptionHint')}</p>
      {curves.length === 0 || adoption.years.length === 0 ? (
        <Empty />
      ) : (
        <div className="chart-with-legend">
          <CurveChart
            xs={adoption.years}
            curves={curves}
            yMax={adoption.jurisdictions.length}
            xLabel={t('year')}
            yLabel={t('adoptedBy')}
            highlighted={highlighted}
            describe={describe}
          />
          <ul className="curve-legend" data-testid="curve-legend">
            {curves.map((curve, index) => (
              <li key={curve.key}>
                <button
                  type="button"
                  className={highlighted === curve.key ? 'active' : ''}
                  aria-pressed={highlighted === curve.key}
                  data-key={curve.key}
                  onClick={() => setHighlighted(highlighted === curve.key ? null : curve.key)}
                >
                  <svg width="22" height="10" aria-hidden="true">
                    <line x1="0" x2="22" y1="5" y2="5" stroke={curveColour(index)} strokeWidth="3" strokeDasharray={curveDash(index)} />
                  </svg>{' '}
                  {curve.label} <span className="muted">({curve.values[curve.values.length - 1] ?? 0})</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
