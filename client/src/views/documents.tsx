/**
 * @module The documents a matrix column or a compare side rests on (year, number, draft or final), and the
 * period filter (`from`/`to` years in the URL) that chooses them.
 */
import { useState, type SubmitEvent } from 'react';
import type { Period, PolicyRef } from '../api/queries.js';
import { policyTitle, statusName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';

/** The years a document covers as its title says, else the year it was issued. */
export function documentYears(policy: Pick<PolicyRef, 'coversFrom' | 'coversTo' | 'issuedOn'>): string {
  const { coversFrom: from, coversTo: to } = policy;
  if (from != null && to != null) return from === to ? String(from) : `${from}–${to}`;
  if (from != null || to != null) return String(from ?? to);
  return policy.issuedOn?.slice(0, 4) ?? '';
}

export function DocumentLine({ policy }: { policy: PolicyRef }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className="document-line" data-testid="column-document" data-policy-id={policy.id} title={policyTitle(policy, lang)}>
      <span className="doc-year">{documentYears(policy)}</span> <span className="doc-number">{policy.docNumber ?? t('noDocNumber')}</span>{' '}
      <span className={`chip status-${policy.status}`}>{statusName(policy.status, lang)}</span>
    </li>
  );
}

export function ColumnDocuments({ documents }: { documents: readonly PolicyRef[] }) {
  const t = useT();
  if (documents.length === 0) return <div className="column-documents muted">{t('noDocument')}</div>;
  return (
    <ul className="column-documents">
      {documents.map((policy) => (
        <DocumentLine key={policy.id} policy={policy} />
      ))}
    </ul>
  );
}

const YEAR = /^\d{4}$/;

export function periodOf(route: Route): Period | null {
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const period: Period = {};
  if (YEAR.test(from)) period.from = Number(from);
  if (YEAR.test(to)) period.to = Number(to);
  return period.from === undefined && period.to === undefined ? null : period;
}

export function PeriodFilter({ route, period }: { route: Route; period: Period | null }) {
  const t = useT();
  const [from, setFrom] = useState(period?.from?.toString() ?? '');
  const [to, setTo] = useState(period?.to?.toString() ?? '');
  // The boxes follow the URL when it changes from outside: set while rendering, not in an effect
  // (react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [followed, setFollowed] = useState({ from: period?.from, to: period?.to });
  if (followed.from !== period?.from || followed.to !== period?.to) {
    setFollowed({ from: period?.from, to: period?.to });
    setFrom(period?.from?.toString() ?? '');
    setTo(period?.to?.toString() ?? '');
  }
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    navigate(withParams(route, { from: YEAR.test(from) ? from : undefined, to: YEAR.test(to) ? to : undefined }));
  };
  return (
    <form className="period-filter" onSubmit={apply} data-testid="period-filter">
      <span>{t('period')}</span>
      <input
        type="number"
        min={1990}
        max={2100}
        value={from}
        onChange={(event) => setFrom(event.target.value)}
        aria-label={t('fromYear')}
        placeholder={t('fromYear')}
        data-testid="period-from"
      />
      –
      <input
        type="number"
        min={1990}
        max={2100}
        value={to}
        onChange={(event) => setTo(event.target.value)}
        aria-label={t('toYear')}
        placeholder={t('toYear')}
        data-testid="period-to"
      />
      <button type="submit">{t('apply')}</button>
    </form>
  );
}
