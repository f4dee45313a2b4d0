/**
 * @module Detail panel for any node (`d=<Label>:<id>` in the URL): a task's source text with its span
 * highlighted, agencies with roles, targets, deadline and links with score and evidence; a policy, a national
 * item or a jurisdiction with its facts. Document text is rendered as text, never as HTML.
 */
import { useEffect, useRef } from 'react';
import { useQuery } from '../api/use-query.js';
import {
  JURISDICTION_DETAIL,
  NATIONAL_ITEM_DETAIL,
  POLICY_DETAIL,
  TASK_DETAIL,
  type JurisdictionDetailResult,
  type NationalItemDetailResult,
  type PolicyDetailResult,
  type TaskDetail,
  type TaskDetailResult,
} from '../api/queries.js';
import { parseNodeId } from '../graph/build-elements.js';
import { NODE_LOOKS } from '../graph/graph-style.js';
import { agencyName, agencyTypeName, itemTitle, jurisdictionName, pillarName, policyTitle, roleName, useLang, useT } from '../i18n.js';
import { useRoute } from '../router.js';
import { DEFAULT_JURISDICTIONS, detailHref, lineageOfItem, lineageOfTask } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { splitAtSpan } from '../components/highlight.js';
import { formatRoute } from '../router.js';

export function DetailPanel({ reference, onClose }: { reference: string; onClose: () => void }) {
  const t = useT();
  const parsed = parseNodeId(reference);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="detail-panel" data-testid="detail-panel" aria-label={t('details')}>
      <div className="detail-head">
        <span className="label-badge" style={{ background: parsed ? NODE_LOOKS[parsed.label]?.color : '#999' }}>
          {parsed?.label ?? '?'}
        </span>
        <button type="button" ref={closeButton} onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <div className="detail-body">
        {parsed?.label === 'Task' && <TaskPanel id={parsed.entityId} />}
        {parsed?.label === 'Policy' && <PolicyPanel id={parsed.entityId} />}
        {parsed?.label === 'NationalItem' && <NationalItemPanel id={parsed.entityId} />}
        {parsed?.label === 'Jurisdiction' && <JurisdictionPanel id={parsed.entityId} />}
        {parsed && !['Task', 'Policy', 'NationalItem', 'Jurisdiction'].includes(parsed.label) && (
          <Empty>
            {parsed.label} {parsed.entityId}
          </Empty>
        )}
        {!parsed && <Empty>{reference}</Empty>}
      </div>
    </aside>
  );
}

function TaskPanel({ id }: { id: string }) {
  const state = useQuery<TaskDetailResult>(TASK_DETAIL, { id });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (!state.data.task) return <Empty>{id}</Empty>;
  return <TaskFacts task={state.data.task} />;
}

function TaskFacts({ task }: { task: TaskDetail }) {
  const t = useT();
  const lang = useLang();
  const route = useRoute();
  return (
    <div className="task-detail" data-testid="task-detail" data-task-id={task.id}>
      <h2>
        <span className="task-key">{task.key}</span> {task.title}
      </h2>
      <p className="muted">
        {jurisdictionName(task.jurisdiction, lang)} · <a href={detailHref(route, 'Policy', task.policy.id)}>{policyTitle(task.policy, lang)}</a>
        {task.policy.docNumber ? ` · ${task.policy.docNumber}` : ''}
      </p>
      <p>
        <a href={lineageOfTask(task.id)}>{t('lineageOf')} ↗</a>
      </p>
      <dl className="facts">
        <dt>{t('deadline')}</dt>
        <dd>{task.deadline ?? '—'}</dd>
        {task.parent && (
          <>
            <dt>{t('parent')}</dt>
            <dd>
              <a href={detailHref(route, 'Task', task.parent.id)}>
                {task.parent.key} {task.parent.title}
              </a>
            </dd>
          </>
        )}
      </dl>
      <h3>{t('agencies')}</h3>
      {task.agencies.length === 0 ? (
        // A sub-measure's bodies are printed for its item: say where to look rather than guess them here.
        <p className="muted">{task.parent && task.kind === 'measure' ? t('agenciesOfParent') : '—'}</p>
      ) : (
        <ul className="agency-list">
          {task.agencies.map((agency, index) => (
            <li key={index}>
              <span className={`chip role-${agency.role}`}>{roleName(agency.role, lang)}</span>{' '}
              {agency.agency ? agencyName(agency.agency, lang) : agency.name}{' '}
              <span className="muted">({agencyTypeName(agency.type, lang)}{agency.agency && agency.agency.name !== agency.name ? ` · ${agency.name}` : ''})</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('targets')}</h3>
      {task.targets.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul>
          {task.targets.map((target, index) => (
            <li key={index}>
              {target.text}
              {target.metric && (
                <span className="muted">
                  {' '}
                  [{target.metric} {target.op ?? ''} {target.value ?? ''}
                  {target.unit ?? ''}
                  {target.by ? ` · ${target.by}` : ''}]
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('links')}</h3>
      {task.implements.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul className="link-list">
          {task.implements.map((link) => (
            <li key={link.nationalItem.id}>
              <a href={lineageOfItem(link.nationalItem.id)}>{itemTitle(link.nationalItem, lang)}</a>{' '}
              <span className="chip score" title={t('score')}>
                {link.score.toFixed(2)}
              </span>{' '}
              <span className="muted">
                {link.kind} · {link.method}
              </span>
              {link.evidence.length > 0 && (
                <ul className="evidence">
                  {link.evidence.map((evidence, index) => (
                    <li key={index}>
                      「{evidence.localText}」 ⇢ 「{evidence.nationalText}」
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {task.children.length > 0 && (
        <>
          <h3>{t('children')}</h3>
          <ul>
            {task.children.map((child) => (
              <li key={child.id}>
                <a href={detailHref(route, 'Task', child.id)}>
                  {child.key} {child.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('sourceText')}</h3>
      <SourceText text={task.policy.text ?? task.text} span={task.policy.text ? task.span : { start: 0, end: task.text.length }} />
    </div>
  );
}

/** The policy text with the task's span marked and scrolled into view. */
function SourceText({ text, span }: { text: string; span: { start: number; end: number } }) {
  const mark = useRef<HTMLElement>(null);
  const box = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // Scroll only the text box (scrollIntoView would also scroll the panel away from the task's facts).
    if (mark.current && box.current) box.current.scrollTop = Math.max(0, mark.current.offsetTop - box.current.clientHeight / 3);
  }, [text, span.start, span.end]);
  const [before, inside, after] = splitAtSpan(text, span);
  return (
    <pre className="source-text" data-testid="source-text" tabIndex={0} ref={box}>
      {before}
      <mark ref={mark} data-testid="source-span">
        {inside}
      </mark>
      {after}
    </pre>
  );
}

function PolicyPanel({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const route = useRoute();
  const state = useQuery<PolicyDetailResult>(POLICY_DETAIL, { id });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const policy = state.data.policy;
  if (!policy) return <Empty>{id}</Empty>;
  return (
    <div>
      <h2>{policyTitle(policy, lang)}</h2>
      <dl className="facts">
        <dt>{t('jurisdiction')}</dt>
        <dd>{policy.jurisdiction ? jurisdictionName(policy.jurisdiction, lang) : '—'}</dd>
        <dt>No.</dt>
        <dd>{policy.docNumber ?? '—'}</dd>
        <dt>{t('issuedOn')}</dt>
        <dd>{policy.issuedOn ?? '—'}</dd>
        <dt>{t('status')}</dt>
        <dd>{policy.status}</dd>
        <dt>{t('tasks')}</dt>
        <dd>{policy.tasks.length}</dd>
        <dt>{t('source')}</dt>
        <dd>{policy.sourceFile ?? '—'}</dd>
      </dl>
      {policy.cites.length > 0 && (
        <>
          <h3>{t('cites')}</h3>
          <ul>
            {policy.cites.map((cited) => (
              <li key={cited.id}>
                <a href={detailHref(route, 'Policy', cited.id)}>{policyTitle(cited, lang)}</a> {cited.docNumber}
              </li>
            ))}
          </ul>
        </>
      )}
      {policy.citedBy.length > 0 && (
        <>
          <h3>{t('citedBy')}</h3>
          <ul>
            {policy.citedBy.map((citing) => (
              <li key={citing.id}>
                <a href={detailHref(route, 'Policy', citing.id)}>{policyTitle(citing, lang)}</a> {citing.docNumber}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function NationalItemPanel({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const state = useQuery<NationalItemDetailResult>(NATIONAL_ITEM_DETAIL, { id });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const item = state.data.nationalItem;
  if (!item) return <Empty>{id}</Empty>;
  const perJurisdiction = new Map<string, number>();
  for (const task of item.implementations) perJurisdiction.set(task.jurisdiction.id, (perJurisdiction.get(task.jurisdiction.id) ?? 0) + 1);
  return (
    <div>
      <h2>{itemTitle(item, lang)}</h2>
      <p className="muted">
        {lang === 'zh' ? item.titleEn : item.titleZh} · {pillarName(item, lang)}
      </p>
      <p>
        <a href={lineageOfItem(item.id)}>{t('lineageOf')} ↗</a>
      </p>
      <blockquote className="item-text">{item.text}</blockquote>
      <dl className="facts">
        <dt>{t('source')}</dt>
        <dd>
          {item.source ?? '—'}
          {item.titleIsSummary ? ' (summary)' : ''}
        </dd>
        <dt>{t('keywords')}</dt>
        <dd>{item.keywords.join('、') || '—'}</dd>
        <dt>{t('implementations')}</dt>
        <dd>
          {item.implementations.length}{' '}
          <span className="muted">
            ({[...perJurisdiction.entries()].map(([jurisdictionId, count]) => `${jurisdictionId}: ${count}`).join(', ')})
          </span>
        </dd>
      </dl>
    </div>
  );
}

function JurisdictionPanel({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const route = useRoute();
  const state = useQuery<JurisdictionDetailResult>(JURISDICTION_DETAIL, { id });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const jurisdiction = state.data.jurisdiction;
  if (!jurisdiction) return <Empty>{id}</Empty>;
  return (
    <div>
      <h2>{jurisdictionName(jurisdiction, lang)}</h2>
      <p className="muted">
        {lang === 'zh' ? jurisdiction.nameEn : jurisdiction.name} · {jurisdiction.id} · {jurisdiction.level}
        {jurisdiction.parent ? ` · ${jurisdictionName(jurisdiction.parent, lang)}` : ''}
      </p>
      <ul>
        <li>
          <a href={formatRoute('coverage', [], { j: [...new Set([...DEFAULT_JURISDICTIONS, id])].join(','), gaps: id })}>{t('gaps')}</a>
        </li>
        <li>
          <a href={formatRoute('search', [], { j: id })}>{t('search')}</a>
        </li>
      </ul>
      <h3>{t('policy')}</h3>
      <ul>
        {jurisdiction.policies.map((policy) => (
          <li key={policy.id}>
            <a href={detailHref(route, 'Policy', policy.id)}>{policyTitle(policy, lang)}</a> <span className="muted">{policy.docNumber ?? ''} {policy.issuedOn ?? ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
