/**
 * @module Document text reuse: `#/reuse?a=<policy id>&b=<policy id>` aligns two documents passage by passage
 * (local alignment over letters and digits) and shows how much of each lies in an aligned passage, with the
 * same and the changed wording of every passage marked.
 */
import { useQuery } from '../api/use-query.js';
import { POLICY_LIST, TEXT_REUSE, type PolicyListResult, type PolicyRef, type TextReuseResult } from '../api/analyses-queries.js';
import { jurisdictionName, policyTitle, useLang, useT, type Lang } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { detailHref } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { AlignedPassage, AlignmentLegend, percent } from '../components/aligned-passage.js';

const policyLabel = (policy: PolicyRef, lang: Lang) =>
  [policy.jurisdiction ? jurisdictionName(policy.jurisdiction, lang) : null, policyTitle(policy, lang), policy.issuedOn?.slice(0, 4)]
    .filter(Boolean)
    .join(' · ');

export function ReuseView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const list = useQuery<PolicyListResult>(POLICY_LIST);
  const policies = list.status === 'done' ? list.data.policies : [];
  const a = route.params.get('a') ?? policies[0]?.id ?? '';
  const b = route.params.get('b') ?? policies[1]?.id ?? '';
  const ready = a !== '' && b !== '' && a !== b;
  const state = useQuery<TextReuseResult>(TEXT_REUSE, { a, b }, { skip: !ready });

  const picker = (side: 'a' | 'b', value: string) => (
    <label>
      {side === 'a' ? t('documentA') : t('documentB')}{' '}
      <select
        value={value}
        data-testid={`reuse-${side}`}
        onChange={(event) => navigate(withParams(route, { a, b, [side]: event.target.value }))}
      >
        {policies.map((policy) => (
          <option key={policy.id} value={policy.id}>
            {policyLabel(policy, lang)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="analysis reuse">
      <div className="view-toolbar">
        <h1>{t('documentReuse')}</h1>
        {picker('a', a)}
        {picker('b', b)}
        <button type="button" onClick={() => navigate(withParams(route, { a: b, b: a }))}>
          ⇄ {t('swap')}
        </button>
      </div>
      <div className="analysis-body">
        {list.status === 'error' ? (
          <ErrorNotice error={list.error} />
        ) : !ready ? (
          list.status === 'done' ? (
            <Empty>{t('pickTwoDocuments')}</Empty>
          ) : (
            <Loading />
          )
        ) : state.status === 'error' ? (
          <ErrorNotice error={state.error} />
        ) : state.status !== 'done' ? (
          <Loading />
        ) : (
          <ReuseResult route={route} result={state.data.textReuse} />
        )}
      </div>
    </div>
  );
}

function ReuseResult({ route, result }: { route: Route; result: TextReuseResult['textReuse'] }) {
  const t = useT();
  const lang = useLang();
  const share = (side: 'a' | 'b', policy: PolicyRef, value: number) => (
    <div className="reuse-share" data-testid={`reuse-share-${side}`}>
      <div className="reuse-share-head">
        <span className="muted">{side === 'a' ? t('documentA') : t('documentB')}</span>{' '}
        <a href={detailHref(route, 'Policy', policy.id)}>{policyLabel(policy, lang)}</a>
      </div>
      <div className="share-bar" title={t('reuseShareHelp')}>
        <span style={{ width: `${Math.min(100, value * 100)}%` }} />
      </div>
      <span>
        <strong data-testid="share-value">{percent(value)}</strong> {t('reuseShare')}
      </span>
    </div>
  );
  return (
    <>
      <div className="reuse-shares">
        {share('a', result.policyA, result.shareA)}
        {share('b', result.policyB, result.shareB)}
      </div>
      <p className="muted small">{t('reuseShareHelp')}</p>
      <h2>
        {t('alignedPassages')} · <span data-testid="passage-count">{result.passages.length}</span>
      </h2>
      {result.passages.length === 0 ? (
        <Empty>{t('noPassages')}</Empty>
      ) : (
        <>
          <AlignmentLegend documents />
          <ol className="passage-list">
            {result.passages.map((passage, index) => (
              <li key={index} data-testid="reuse-passage">
                <div className="muted small">
                  {t('identity')} {percent(passage.identity)} · {t('score')} {passage.score}
                </div>
                <AlignedPassage
                  passage={passage}
                  labelA={`${t('documentA')} · ${t('characters')} ${passage.spanA.start}–${passage.spanA.end}`}
                  labelB={`${t('documentB')} · ${t('characters')} ${passage.spanB.start}–${passage.spanB.end}`}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
