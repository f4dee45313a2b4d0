/**
 * @module Detail panel for any node (`d=<Label>:<id>` in the URL): a task's source text with its span
 * highlighted, agencies with roles, targets, deadline and links with score and evidence; a policy, a national
 * item or a jurisdiction with its facts. Document text is rendered as text, never as HTML.
 */
import { useEffect, useRef, useState } from 'react';
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
import {
  agencyName,
  agencyTypeName,
  fileName,
  itemTitle,
  jurisdictionName,
  kindHelp,
  labelName,
  levelName,
  methodName,
  pillarName,
  policyTitle,
  roleName,
  statusName,
  t as translate,
  useLang,
  useT,
  type Lang,
} from '../i18n.js';
import { useRoute } from '../router.js';
import { DEFAULT_JURISDICTIONS, detailHref, lineageOfItem, lineageOfTask } from '../links.js';
import { Empty, ErrorNotice, Loading } from '../components/states.js';
import { evidenceMarks, SourceText, type SourceMark } from '../components/source-text.js';
import { formatRoute } from '../router.js';
import { TaskAnalyses } from './task-analyses.js';

export function DetailPanel({ reference, onClose }: { reference: string; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
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
        {/* eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- parseNodeId takes the label from the URL unchecked */}
        <span className="label-badge" style={{ background: parsed ? NODE_LOOKS[parsed.label]?.color : '#999' }}>
          {parsed ? labelName(parsed.label, lang) : '?'}
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

/** What a researcher pastes into a note: document number, date, jurisdiction, item key and character span. */
export function citation(task: TaskDetail, lang: Lang): string {
  const policy = task.policy;
  const itemKey = [task.parent?.key, task.key].filter(Boolean).join(' ');
  const parts = [
    jurisdictionName(task.jurisdiction, lang),
    policy.title ? (lang === 'zh' ? `《${policy.title}》` : policy.title) : null,
    policy.docNumber ? `${translate('docNumber', lang)} ${policy.docNumber}` : null,
    policy.issuedOn,
    policy.status === 'draft' ? statusName('draft', lang) : null,
    `${translate('itemKey', lang)} ${itemKey}`,
    `${translate('characters', lang)} ${task.span.start}–${task.span.end}`,
    policy.sourceFile ? `${translate('file', lang)} ${fileName(policy.sourceFile)}` : null,
  ];
  return parts.filter(Boolean).join(lang === 'zh' ? '，' : ', ');
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission (plain http on another host): the old way through a selection.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only way to copy where the Clipboard API is refused
    document.execCommand('copy');
    area.remove();
  }
}

function TaskFacts({ task }: { task: TaskDetail }) {
  const t = useT();
  const lang = useLang();
  const route = useRoute();
  const [copied, setCopied] = useState(false);
  const policyText = task.policy.text;
  const marks: SourceMark[] = policyText
    ? [
        { ...task.span, name: 'span' },
        ...evidenceMarks(
          policyText,
          task.span,
          task.implements.flatMap((link) => link.evidence),
        ),
      ]
    : [];
  const cite = async () => {
    await copyText(citation(task, lang));
    setCopied(true);
  };
  return (
    <div className="task-detail" data-testid="task-detail" data-task-id={task.id}>
      <h2>
        <span className="task-key">{task.key}</span> {task.title}
      </h2>
      <p className="muted">
        {jurisdictionName(task.jurisdiction, lang)} ·{' '}
        <a href={detailHref(route, 'Policy', task.policy.id)}>{policyTitle(task.policy, lang)}</a>
      </p>
      <p className="provenance" data-testid="task-provenance">
        {task.policy.docNumber && (
          <span>
            {t('docNumber')} <strong data-testid="doc-number">{task.policy.docNumber}</strong>
          </span>
        )}
        {task.policy.issuedOn && <span>{task.policy.issuedOn}</span>}
        <span className={`chip status-${task.policy.status}`}>{statusName(task.policy.status, lang)}</span>
        {task.policy.sourceFile && (
          <span>
            {t('file')} <span data-testid="source-file">{fileName(task.policy.sourceFile)}</span>
          </span>
        )}
      </p>
      <p className="detail-actions">
        <a href={lineageOfTask(task.id)}>{t('lineageOf')} ↗</a>
        <button type="button" data-testid="cite" onClick={() => void cite()} title={citation(task, lang)}>
          {t('cite')}
        </button>
        {copied && (
          <span className="muted" role="status">
            {t('copied')}
          </span>
        )}
      </p>
      <h3>{t('sourceText')}</h3>
      <p className="muted small">{t('sourceLegend')}</p>
      {policyText ? (
        <SourceText text={policyText} marks={marks} label={t('sourceText')} />
      ) : (
        <SourceText text={task.text} marks={[{ start: 0, end: task.text.length, name: 'span' }]} label={t('sourceText')} />
      )}
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
              <span className={`chip role-${agency.role}`}>{roleName(agency.role, lang)}</span> {agencyName(agency.agency, lang)}{' '}
              <span className="muted">
                ({agencyTypeName(agency.type, lang)}
                {agency.agency.name !== agency.name ? ` · ${agency.name}` : ''})
              </span>
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
        <>
          <p className="muted small">{t('scoreHelp')}</p>
          <ul className="link-list">
            {task.implements.map((link) => (
              <li key={link.nationalItem.id}>
                <a href={lineageOfItem(link.nationalItem.id)}>{itemTitle(link.nationalItem, lang)}</a>{' '}
                <span className="chip score" title={t('scoreHelp')}>
                  {link.score.toFixed(2)}
                </span>{' '}
                <span className="muted" data-testid="link-kind">
                  {kindHelp(link.kind, lang)} · {methodName(link.method, lang)}
                </span>
                {link.evidence.length > 0 && (
                  <ul className="evidence">
                    {link.evidence.map((evidence, index) => (
                      <li key={index}>
                        「<u>{evidence.localText}</u>」 ⇢ 「{evidence.nationalText}」
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <TaskAnalyses taskId={task.id} />
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
    </div>
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
        <dd>{statusName(policy.status, lang)}</dd>
        <dt>{t('tasks')}</dt>
        <dd>{policy.tasks.length}</dd>
        <dt>{t('source')}</dt>
        <dd>{policy.sourceFile ? fileName(policy.sourceFile) : '—'}</dd>
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
  for (const task of item.implementations) {
    const name = jurisdictionName(task.jurisdiction, lang);
    perJurisdiction.set(name, (perJurisdiction.get(name) ?? 0) + 1);
  }
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
          {item.titleIsSummary ? ` ${t('summaryTitle')}` : ''}
        </dd>
        <dt>{t('keywords')}</dt>
        <dd>{item.keywords.join('、') || '—'}</dd>
        <dt>{t('implementations')}</dt>
        <dd>
          {item.implementations.length}{' '}
          <span className="muted">
            ({[...perJurisdiction.entries()].map(([name, count]) => `${name} ${count}`).join(lang === 'zh' ? '，' : ', ')})
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
        {lang === 'zh' ? jurisdiction.nameEn : jurisdiction.name} · {jurisdiction.id} · {levelName(jurisdiction.level, lang)}
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
            <a href={detailHref(route, 'Policy', policy.id)}>{policyTitle(policy, lang)}</a>{' '}
            <span className="muted">
              {policy.docNumber ?? ''} {policy.issuedOn ?? ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
