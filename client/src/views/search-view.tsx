/**
 * @module Search: `#/search?q=医保支付&j=350400&type=HEALTH&item=<id>`. Chinese full text on the server
 * (jurisdiction filter there too); agency type and national item filter the ranked answer here. An English query
 * finds national items and agency types by their English names (english-names.ts) and lists the items' tasks;
 * an empty answer says why.
 */
import { useState, type SubmitEvent } from 'react';
import type { AgencyType } from '../../../graph-schema/model.js';
import { useQueries, useQuery } from '../api/use-query.js';
import {
  IMPLEMENTATIONS,
  JURISDICTIONS,
  NATIONAL_ITEMS,
  SEARCH,
  type ImplementationsResult,
  type JurisdictionsResult,
  type NationalItemsResult,
  type SearchResult,
  type TaskSummary,
} from '../api/queries.js';
import { lineageOfItem } from '../links.js';
import { isEnglishQuery, matchEnglishNames } from './english-names.js';
import { AGENCY_TYPE_LIST, agencyTypeName, itemTitle, jurisdictionName, useLang, useT } from '../i18n.js';
import { navigate, withParams, type Route } from '../router.js';
import { Empty, ErrorNotice, Loading, Snippet } from '../components/states.js';
import { TaskList } from './task-list.js';

const SEARCH_LIMIT = 100;
/** An English word may name many items ("health"): their tasks are fetched for the first few. */
const MAX_ENGLISH_ITEMS = 8;

export function SearchView({ route }: { route: Route }) {
  const t = useT();
  const lang = useLang();
  const q = route.params.get('q') ?? '';
  const jurisdictionId = route.params.get('j') ?? '';
  const agencyType = (route.params.get('type') ?? '') as AgencyType | '';
  const itemId = route.params.get('item') ?? '';
  const [text, setText] = useState(q);
  // The box follows the URL when it changes from outside (back, a link): set while rendering, not in an effect
  // (react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  const [followedQ, setFollowedQ] = useState(q);
  if (followedQ !== q) {
    setFollowedQ(q);
    setText(q);
  }

  const jurisdictions = useQuery<JurisdictionsResult>(JURISDICTIONS);
  const items = useQuery<NationalItemsResult>(NATIONAL_ITEMS);
  const english = isEnglishQuery(q);
  const variables = { text: q, limit: SEARCH_LIMIT, ...(jurisdictionId ? { jurisdictionId } : {}) };
  const textSearch = useQuery<SearchResult>(SEARCH, variables, { skip: q.trim().length === 0 || english });
  const matches =
    english && items.status === 'done' ? matchEnglishNames(q, items.data.nationalItems) : { nationalItems: [], agencyTypes: [] };
  const byItems = useQueries<ImplementationsResult>(
    IMPLEMENTATIONS,
    matches.nationalItems
      .slice(0, MAX_ENGLISH_ITEMS)
      .map((item) => ({ nationalItemId: item.id, ...(jurisdictionId ? { jurisdictionId } : {}) })),
    { skip: !english || matches.nationalItems.length === 0 },
  );

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    navigate(withParams(route, { q: text.trim() }));
  };
  const terms = q.split(/\s+/).filter(Boolean);
  // An English query stands for the tasks implementing the items it names.
  const found: (TaskSummary & { snippet?: string | null })[] = english
    ? byItems.status === 'done'
      ? [...new Map(byItems.data.flatMap((answer) => answer.nationalItem?.implementations ?? []).map((task) => [task.id, task])).values()]
      : []
    : textSearch.status === 'done'
      ? textSearch.data.search
      : [];
  const results = found.filter(
    (task) =>
      (!agencyType || task.agencies.some((agency) => agency.type === agencyType)) &&
      (!itemId || task.implements.some((link) => link.nationalItem.id === itemId)),
  );
  const state = english
    ? matches.nationalItems.length === 0
      ? items.status === 'done'
        ? { status: 'done' as const }
        : items
      : byItems
    : textSearch;
  // Say why nothing was found: no English name holds the words, only agency types do, or no task text does.
  const nothingFound = !english ? t('noTextMatch') : matches.agencyTypes.length > 0 ? t('typesOnly') : t('noEnglishMatch');

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
        <select
          aria-label={t('jurisdiction')}
          value={jurisdictionId}
          onChange={(event) => navigate(withParams(route, { j: event.target.value }))}
        >
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
        <select
          aria-label={t('leadType')}
          value={agencyType}
          onChange={(event) => navigate(withParams(route, { type: event.target.value }))}
        >
          <option value="">{t('allAgencyTypes')}</option>
          {AGENCY_TYPE_LIST.map((type) => (
            <option key={type} value={type}>
              {agencyTypeName(type, lang)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('nationalItem')}
          value={itemId}
          className="item-filter"
          onChange={(event) => navigate(withParams(route, { item: event.target.value }))}
        >
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
      ) : (
        <div className="search-results" data-testid="search-results">
          {english && (matches.nationalItems.length > 0 || matches.agencyTypes.length > 0) && (
            <section className="english-matches" data-testid="english-matches">
              <h2>{t('englishMatches')}</h2>
              {matches.nationalItems.length > 0 && (
                <p>
                  <span className="muted">{t('nationalItems')}:</span>{' '}
                  {matches.nationalItems.map((item) => (
                    <a key={item.id} className="chip link" href={lineageOfItem(item.id)} data-testid="english-item" data-item-id={item.id}>
                      {itemTitle(item, lang)}
                    </a>
                  ))}
                </p>
              )}
              {matches.agencyTypes.length > 0 && (
                <p>
                  <span className="muted">{t('agencyTypes')}:</span>{' '}
                  {matches.agencyTypes.map((type) => (
                    <button
                      key={type}
                      type="button"
                      className="chip"
                      data-testid="english-type"
                      aria-pressed={agencyType === type}
                      onClick={() => navigate(withParams(route, { type: agencyType === type ? undefined : type }))}
                    >
                      {agencyTypeName(type, lang)}
                    </button>
                  ))}
                </p>
              )}
              {matches.nationalItems.length > 0 && <h2>{t('tasksOfItems')}</h2>}
            </section>
          )}
          {results.length === 0 ? (
            <div className="state state-empty" data-testid="nothing-found">
              {found.length > 0 ? `${found.length} ${t('hiddenByFilters')}` : nothingFound}
            </div>
          ) : (
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
          )}
        </div>
      )}
    </div>
  );
}
