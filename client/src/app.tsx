/**
 * @module The explorer's shell: navigation, language toggle, the routed view and the detail panel.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { LangContext, t as translate, type Lang } from './i18n.js';
import { ANALYSIS_VIEWS, formatRoute, useRoute, withParams, navigate, type AnalysisView, type ViewName } from './router.js';
import { CoverageView } from './views/coverage-view.js';
import { CompareView } from './views/compare-view.js';
import { SearchView } from './views/search-view.js';
import { DetailPanel } from './views/detail-panel.js';
import { Loading } from './components/states.js';

// Cytoscape and its layouts are most of the code: the lineage graphs load them when first opened.
const LineageView = lazy(() => import('./views/lineage-view.js').then((module) => ({ default: module.LineageView })));

// The research analyses (adoption, instruments, text reuse, versions) load when first opened.
const AnalysisViews = lazy(() => import('./views/analysis-views.js').then((module) => ({ default: module.AnalysisViews })));
const isAnalysis = (view: ViewName): view is AnalysisView => (ANALYSIS_VIEWS as readonly string[]).includes(view);

const NAV: ViewName[] = ['coverage', 'lineage', 'compare', 'search', ...ANALYSIS_VIEWS];

function initialLang(): Lang {
  const stored = window.localStorage.getItem('reformgraph.lang');
  return stored === 'zh' || stored === 'en' ? stored : 'zh';
}

export function App() {
  const route = useRoute();
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    window.localStorage.setItem('reformgraph.lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  }, [lang]);
  const detail = route.params.get('d');
  const t = (key: Parameters<typeof translate>[0]) => translate(key, lang);

  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <div className={`app${detail ? ' with-detail' : ''}`}>
        <header className="topbar">
          <a className="brand" href={formatRoute('coverage')}>
            {t('appTitle')}
          </a>
          <nav aria-label="views">
            {NAV.map((view) => (
              <a
                key={view}
                href={formatRoute(view)}
                className={route.view === view ? 'active' : ''}
                aria-current={route.view === view ? 'page' : undefined}
              >
                {t(view)}
              </a>
            ))}
          </nav>
          <button
            type="button"
            className="lang-toggle"
            data-testid="lang-toggle"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            aria-label={lang === 'zh' ? 'Switch to English' : '切换到中文'}
          >
            {t('language')}
          </button>
        </header>
        <main className="view" data-view={route.view}>
          {route.view === 'coverage' && <CoverageView route={route} />}
          {route.view === 'lineage' && (
            <Suspense fallback={<Loading />}>
              <LineageView route={route} />
            </Suspense>
          )}
          {route.view === 'compare' && <CompareView route={route} />}
          {route.view === 'search' && <SearchView route={route} />}
          {isAnalysis(route.view) && (
            <Suspense fallback={<Loading />}>
              <AnalysisViews route={route} view={route.view} />
            </Suspense>
          )}
        </main>
        {detail && <DetailPanel reference={detail} onClose={() => navigate(withParams(route, { d: undefined }))} />}
      </div>
    </LangContext.Provider>
  );
}
