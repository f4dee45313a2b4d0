/**
 * @module The audit of a gap cell (or a cell without documents): the documents read, the near-miss candidates
 * the linker did not keep (score, kind, matched wording) and the tasks naming the item's keywords, each with
 * accept / reject through POST /api/curation. A saved decision refreshes every query on screen.
 */
import { useState } from 'react';
import { notifyDataChanged, useQuery } from '../api/use-query.js';
import { GAP_AUDIT, type AuditTask, type GapAuditResult, type Period } from '../api/queries.js';
import { kindHelp, useLang, useT } from '../i18n.js';
import type { Route } from '../router.js';
import { detailHref } from '../links.js';
import { Empty, ErrorNotice, Loading, Snippet } from '../components/states.js';
import { DocumentLine } from './documents.js';

type Decision = 'accept' | 'reject' | 'add';

interface CurationBody {
  taskId: string;
  nationalItemId: string;
  decision: Decision;
  note: string;
  reviewer: string;
  nationalMatch?: string;
}

async function postCuration(body: CurationBody, token: string): Promise<void> {
  const response = await fetch('/api/curation', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (response.ok) return;
  let message = `${response.status} ${response.statusText}`;
  try {
    const answer = (await response.json()) as { error?: string };
    if (answer.error) message = `${response.status}: ${answer.error}`;
  } catch {
    // The status line is all there is.
  }
  throw new Error(message);
}

const REVIEWER_KEY = 'reformgraph.reviewer';
const TOKEN_KEY = 'reformgraph.writeToken';

/** What a panel about one coverage cell is given: the cell, and the period the matrix is restricted to. */
export interface CellPanelProps {
  route: Route;
  nationalItemId: string;
  jurisdictionId: string;
  period: Period | null;
}

export function GapAuditPanel({ route, nationalItemId, jurisdictionId, period }: CellPanelProps) {
  const t = useT();
  const lang = useLang();
  const state = useQuery<GapAuditResult>(GAP_AUDIT, { nationalItemId, jurisdictionId, ...(period ? { period } : {}) });
  const [reviewer, setReviewer] = useState(() => window.localStorage.getItem(REVIEWER_KEY) ?? '');
  const [token, setToken] = useState(() => window.sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const audit = state.data.gapAudit;

  const decide = async (task: AuditTask, decision: Decision, nationalMatch?: string) => {
    setBusy(true);
    setOutcome(null);
    window.localStorage.setItem(REVIEWER_KEY, reviewer);
    window.sessionStorage.setItem(TOKEN_KEY, token);
    try {
      await postCuration(
        {
          taskId: task.id,
          nationalItemId,
          decision,
          note: decision === 'reject' ? t('defaultRejectNote') : t('defaultNote'),
          reviewer: reviewer.trim() || 'explorer',
          ...(nationalMatch ? { nationalMatch } : {}),
        },
        token,
      );
      setOutcome({ ok: true, message: t('curationSaved') });
      notifyDataChanged();
    } catch (caught) {
      setOutcome({ ok: false, message: `${t('curationRefused')}: ${caught instanceof Error ? caught.message : String(caught)}` });
    } finally {
      setBusy(false);
    }
  };

  const taskLink = (task: AuditTask) => (
    <a href={detailHref(route, 'Task', task.id)}>
      <span className="task-key">{task.key}</span> {task.title}
    </a>
  );
  const buttons = (task: AuditTask, accept: () => void) => (
    <span className="decision-buttons">
      <button type="button" data-testid="accept-candidate" disabled={busy} onClick={accept}>
        {t('accept')}
      </button>
      <button type="button" data-testid="reject-candidate" disabled={busy} onClick={() => void decide(task, 'reject')}>
        {t('reject')}
      </button>
    </span>
  );

  return (
    <div className="gap-audit" data-testid="gap-audit" data-status={audit.status}>
      <h3>{t('audit')}</h3>
      {audit.status === 'NO_DOCUMENT' && <p className="muted">{t('noDocumentCell')}</p>}
      {audit.status === 'GAP' && <p className="muted">{t('legendGap')}</p>}
      {audit.status === 'POSSIBLE' && <p className="muted">{t('auditPossible')}</p>}
      <h3>{t('documents')}</h3>
      {audit.documents.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul className="column-documents">
          {audit.documents.map((policy) => (
            <DocumentLine key={policy.id} policy={policy} />
          ))}
        </ul>
      )}
      {audit.status !== 'NO_DOCUMENT' && (
        <>
          <div className="curation-form">
            <label>
              {t('reviewer')} <input value={reviewer} onChange={(event) => setReviewer(event.target.value)} data-testid="reviewer" />
            </label>
            <label>
              {t('writeToken')}{' '}
              <input
                type="password"
                value={token}
                onChange={(event) => setToken(event.target.value)}
                data-testid="write-token"
                autoComplete="off"
              />
            </label>
            <p className="muted small">{t('readOnlyHint')}</p>
            {outcome && (
              <p className={outcome.ok ? 'curation-ok' : 'state-error'} role="status" data-testid="curation-outcome">
                {outcome.message}
              </p>
            )}
          </div>
          <h3>{t('candidates')}</h3>
          {audit.candidates.length === 0 ? (
            <Empty>{t('noCandidates')}</Empty>
          ) : (
            <ol className="audit-list">
              {audit.candidates.map((candidate) => (
                <li key={candidate.task.id} data-testid="gap-candidate" data-task-id={candidate.task.id}>
                  <div>{taskLink(candidate.task)}</div>
                  <div className="small">
                    <span className="chip score">{candidate.score.toFixed(2)}</span>{' '}
                    <span className="muted">{kindHelp(candidate.kind, lang)}</span>
                    {candidate.namesReform && (
                      <>
                        {' '}
                        <span className="chip" data-testid="names-reform">
                          {t('namesReform')}
                        </span>
                      </>
                    )}
                  </div>
                  <ul className="evidence">
                    {candidate.evidence.map((evidence, index) => (
                      <li key={index}>
                        「<mark>{evidence.localText}</mark>」 ⇢ 「{evidence.nationalText}」
                      </li>
                    ))}
                  </ul>
                  {buttons(candidate.task, () => void decide(candidate.task, 'accept', candidate.evidence[0]?.nationalText))}
                </li>
              ))}
            </ol>
          )}
          <h3>{t('keywordHits')}</h3>
          {audit.keywordHits.length === 0 ? (
            <Empty>{t('noKeywordHits')}</Empty>
          ) : (
            <ol className="audit-list">
              {audit.keywordHits.map((hit) => (
                <li key={`${hit.task.id}-${hit.keyword}`} data-testid="keyword-hit" data-task-id={hit.task.id}>
                  <div>
                    <span className="chip">{hit.keyword}</span> {taskLink(hit.task)}
                  </div>
                  <p className="snippet">
                    <Snippet snippet={hit.snippet} terms={hit.keyword.split('、')} />
                  </p>
                  {buttons(hit.task, () => void decide(hit.task, 'add'))}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
