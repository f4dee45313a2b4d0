/**
 * @module A list of tasks with their jurisdiction, policy, agencies, targets and links; used by the coverage
 * cell panel and by search. Every row links to the task's detail panel and lineage.
 */
import type { ReactNode } from 'react';
import type { TaskSummary } from '../api/queries.js';
import {
  agencyName,
  agencyTypeName,
  itemTitle,
  jurisdictionName,
  kindHelp,
  policyTitle,
  roleName,
  taskCount,
  useLang,
  useT,
} from '../i18n.js';
import type { Route } from '../router.js';
import { detailHref, lineageOfTask } from '../links.js';
import { downloadCsv } from '../components/csv.js';

export function taskCsvRows(tasks: readonly TaskSummary[]) {
  return tasks.map((task) => [
    task.id,
    task.jurisdiction.name,
    task.policy.title,
    task.key,
    task.title,
    task.deadline,
    task.agencies
      .filter((agency) => agency.role === 'lead')
      .map((agency) => agency.name)
      .join('；'),
    task.targets.map((target) => target.text).join('；'),
    task.implements.map((link) => `${link.nationalItem.id}:${link.score.toFixed(2)}`).join(' '),
  ]);
}

export const TASK_CSV_HEADER = ['taskId', 'jurisdiction', 'policy', 'key', 'title', 'deadline', 'lead', 'targets', 'implements'];

export function TaskList({
  route,
  tasks,
  highlightItemId,
  csvName,
  extra,
}: {
  route: Route;
  tasks: readonly TaskSummary[];
  highlightItemId?: string;
  csvName: string;
  extra?: (task: TaskSummary) => ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="task-list">
      <div className="task-list-head">
        <span>{taskCount(tasks.length, lang)}</span>
        <button type="button" onClick={() => downloadCsv(csvName, TASK_CSV_HEADER, taskCsvRows(tasks))}>
          {t('exportCsv')}
        </button>
      </div>
      <ol>
        {tasks.map((task) => (
          <li key={task.id} className="task-row" data-testid="task-row" data-task-id={task.id}>
            <div className="task-title">
              <a href={detailHref(route, 'Task', task.id)}>
                <span className="task-key">{task.key}</span> {task.title}
              </a>
            </div>
            <div className="task-meta">
              <span className="chip jurisdiction">{jurisdictionName(task.jurisdiction, lang)}</span>
              <span className="muted policy-title" title={policyTitle(task.policy, lang)}>
                {policyTitle(task.policy, lang)}
              </span>
              {task.deadline && (
                <span className="chip deadline">
                  {t('deadline')}: {task.deadline}
                </span>
              )}
            </div>
            {extra?.(task)}
            {task.agencies.length > 0 && (
              <div className="task-agencies">
                {task.agencies.map((agency, index) => (
                  <span key={index} className={`chip role-${agency.role}`} title={agencyTypeName(agency.type, lang)}>
                    {roleName(agency.role, lang)} · {agencyName(agency.agency, lang)}
                  </span>
                ))}
              </div>
            )}
            {task.targets.length > 0 && (
              <ul className="task-targets">
                {task.targets.map((target, index) => (
                  <li key={index}>◎ {target.text}</li>
                ))}
              </ul>
            )}
            <div className="task-links">
              {task.implements.map((link) => (
                <span
                  key={link.nationalItem.id}
                  className={`chip link${link.nationalItem.id === highlightItemId ? ' current' : ''}`}
                  title={`${kindHelp(link.kind, lang)} · ${t('scoreHelp')}`}
                >
                  → {itemTitle(link.nationalItem, lang)} <span className="score">{link.score.toFixed(2)}</span>
                </span>
              ))}
              <a className="action" href={lineageOfTask(task.id)}>
                {t('lineageOf')} ↗
              </a>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
