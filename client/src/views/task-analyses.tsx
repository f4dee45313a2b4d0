/**
 * @module A task's research analyses, for the detail panel and compare: its policy-instrument codes with the
 * words that show them, and its wording beside the best-aligned passage of a national item or parent document.
 */
import { useState } from 'react';
import { useQuery } from '../api/use-query.js';
import {
  TASK_ANALYSES,
  type InstrumentType,
  type InstrumentUse,
  type TaskAlignment,
  type TaskAnalysesResult,
} from '../api/analyses-queries.js';
import { itemTitle, policyTitle, t as translate, useLang, useT, type Lang } from '../i18n.js';
import { Empty, ErrorNotice, Loading, Pieces } from '../components/states.js';
import { evidenceClauses } from '../components/evidence-clauses.js';
import { AlignedPassage, AlignmentLegend, percent } from '../components/aligned-passage.js';

export const instrumentTypeName = (type: InstrumentType, lang: Lang) => translate(`instrumentType_${type}`, lang);
export const subTypeName = (subType: { nameZh: string; nameEn: string }, lang: Lang) => (lang === 'zh' ? subType.nameZh : subType.nameEn);

/** Instruments and best alignment of a task: the detail panel's section. */
export function TaskAnalyses({ taskId }: { taskId: string }) {
  const t = useT();
  const state = useQuery<TaskAnalysesResult>(TASK_ANALYSES, { id: taskId });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const task = state.data.task;
  if (!task) return <Empty>{taskId}</Empty>;
  return (
    <section className="task-analyses" data-testid="task-analyses">
      <h3>{t('instrumentCodes')}</h3>
      {task.instruments.length === 0 ? <p className="muted">—</p> : <InstrumentUses text={task.text} uses={task.instruments} />}
      <h3>{t('bestAlignment')}</h3>
      <BestAlignment text={task.text} alignment={task.bestAlignment} />
    </section>
  );
}

export function InstrumentUses({ text, uses }: { text: string; uses: readonly InstrumentUse[] }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <p className="muted small">{t('instrumentLegend')}</p>
      <ul className="instrument-uses" data-testid="instrument-uses">
        {uses.map((use) => (
          <li key={use.subType} data-sub-type={use.subType}>
            <span className={`chip instrument-${use.type.toLowerCase()}`}>{instrumentTypeName(use.type, lang)}</span>{' '}
            <strong>{subTypeName(use, lang)}</strong>
            <EvidenceClauses text={text} use={use} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function EvidenceClauses({ text, use }: { text: string; use: InstrumentUse }) {
  return (
    <ul className="evidence-clauses">
      {evidenceClauses(text, use.evidence).map((pieces, index) => (
        <li key={index} data-testid="evidence-clause">
          <Pieces pieces={pieces} />
        </li>
      ))}
    </ul>
  );
}

function sourceName(alignment: TaskAlignment, lang: Lang): string {
  if (alignment.nationalItem) return `${translate('nationalItem', lang)}: ${itemTitle(alignment.nationalItem, lang)}`;
  if (alignment.policy) return `${translate('policy', lang)}: ${policyTitle(alignment.policy, lang)}`;
  return translate('sourcePassage', lang);
}

export function BestAlignment({ text, alignment }: { text: string; alignment: TaskAlignment | null }) {
  const t = useT();
  const lang = useLang();
  if (!alignment)
    return (
      <p className="muted" data-testid="no-alignment">
        {t('noAlignment')}
      </p>
    );
  return (
    <div className="best-alignment" data-testid="best-alignment">
      <p className="small">
        {t('taskShare')}: <strong data-testid="task-share">{percent(alignment.taskShare)}</strong> · {t('identity')}:{' '}
        {percent(alignment.passage.identity)}
      </p>
      <AlignmentLegend />
      <AlignedPassage passage={alignment.passage} labelA={sourceName(alignment, lang)} labelB={t('taskPassage')} contextB={text} />
    </div>
  );
}

/** Compare's button under a task: opens its wording beside the best-aligned source passage. */
export function AlignmentToggle({ taskId }: { taskId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <div className="alignment-toggle">
      <button type="button" className="link-button" data-testid="alignment-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('hideAlignment') : t('showAlignment')}
      </button>
      {open && <ToggledAlignment taskId={taskId} />}
    </div>
  );
}

function ToggledAlignment({ taskId }: { taskId: string }) {
  const state = useQuery<TaskAnalysesResult>(TASK_ANALYSES, { id: taskId });
  if (state.status === 'loading' || state.status === 'idle') return <Loading />;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const task = state.data.task;
  if (!task) return <Empty>{taskId}</Empty>;
  return <BestAlignment text={task.text} alignment={task.bestAlignment} />;
}
