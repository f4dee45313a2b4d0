/**
 * @module Search: `#/search?q=医保支付&j=350400&type=HEALTH&item=<id>`. Chinese full text on the server
 * (jurisdiction filter there too); agency type and national item filter the ranked answer here.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AgencyType } from '../../../graph-schema/model.js';
import { useQuery } from '../api/use-query.js';
import { JURISDICTIONS, NATIONAL_ITEMS, SEARCH, type JurisdictionsResult, type NationalItemsResult, type SearchResult } from '../api/queries.js';
import { AGENCY_TYPE_LIST, agencyTypeName, itemTitle, jurisdictionName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { Empty, ErrorNotice, Loading, Snippet } from '../components/states.js';
import { TaskList } from './task-list.js';

const SEARCH_LIMIT = 100;

export function SearchView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const q = route.params.get('q') ?? '';
  const jurisdictionId = route.params.get('j') ?? '';
  const agencyType = (route.params.get('type') ?? '') as AgencyType | '';
  const itemId = route.params.get('item') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const jurisdictions = useQuery<JurisdictionsResult>(JURISDICTIONS);
  const items = useQuery<NationalItemsResult>(NATIONAL_ITEMS);
  const variables = { text: q, limit: SEARCH_LIMIT, ...(jurisdictionId ? { jurisdictionId } : {}) };
  const state = useQuery<SearchResult>(SEARCH, variables, { skip: q.trim().length === 0 });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(withParams(route, { q: text.trim() }));
  };
  const terms = q.split(/\s+/).filter(Boolean);
  const results =
    state.status === 'done'
      ? state.data.search.filter(
          (task) =>
            (!agencyType || task.agencies.some((agency) => agency.type === agencyType)) &&
            (!itemId || task.implements.some((link) => link.nationalItem.id === itemId)),
        )
      : [];

  return (
    <div className="search">
      <form className="view-toolbar search-form" onSubmit={submit} role="search">
        <h1>{t('search')}</h1>
        <input
          type="search"
          name="q"
          data-testid="search-input"
          value={text}
          placeholder={t('searchPlaceholder')}
          aria-label={t('search')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit">{t('search')}</button>
        <select aria-label={t('jurisdiction')} value={jurisdictionId} onChange={(event) => navigate(withParams(route, { j: event.target.value }))}>
          <option value="">{t('allJurisdictions')}</option>
          {jurisdictions.status === 'done' &&
            jurisdictions.data.jurisdictions
              .filter((j) => j.policies.length > 0)
              .map((j) => (
                <option key={j.id} value={j.id}>
                  {jurisdictionName(j, lang)}
                </option>
              ))}
        </select>
        <select aria-label={t('leadType')} value={agencyType} onChange={(event) => navigate(withParams(route, { type: event.target.value }))}>
          <option value="">{t('allAgencyTypes')}</option>
          {AGENCY_TYPE_LIST.map((type) => (
            <option key={type} value={type}>
              {agencyTypeName(type, lang)}
            </option>
          ))}
        </select>
        <select aria-label={t('nationalItem')} value={itemId} className="item-filter" onChange={(event) => navigate(withParams(route, { item: event.target.value }))}>
          <option value="">{t('allNationalItems')}</option>
          {items.status === 'done' &&
            items.data.nationalItems.map((item) => (
              <option key={item.id} value={item.id}>
                {itemTitle(item, lang)}
              </option>
            ))}
        </select>
      </form>
      {state.status === 'idle' ? (
        <Empty>{t('searchPlaceholder')}</Empty>
      ) : state.status === 'loading' ? (
        <Loading />
      ) : state.status === 'error' ? (
        <ErrorNotice error={state.error} />
      ) : results.length === 0 ? (
        <Empty />
      ) : (
        <div className="search-results" data-testid="search-results">
          <TaskList
            route={route}
            tasks={results}
            csvName={`search-${q}.csv`}
            extra={(task) => {
              const snippet = results.find((result) => result.id === task.id)?.snippet;
              return snippet ? (
                <p className="snippet" data-testid="snippet">
                  <Snippet snippet={snippet} terms={terms} />
                </p>
              ) : null;
            }}
          />
        </div>
      )}
    </div>
  );
}
