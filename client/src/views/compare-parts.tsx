/**
 * @module Parts of the compare table: targets aligned by metric, the two wordings of one national item as a
 * character diff, and each side's local innovations (tasks linked to no national item).
 */
import type { CompareLink, CompareRow, LineageTask, CompareTask, TaskTarget } from '../api/queries.js';
import { itemTitle, taskCount, useLang, useT } from '../i18n.js';
import type { Route } from '../router.js';
import { detailHref } from '../links.js';
import { diffChars, sharedShare } from '../components/char-diff.js';

/** Each side's task that implements the row's item best: the wordings to compare. */
export function bestPair(row: CompareRow): [CompareTask, CompareTask] | null {
  const best = (links: CompareLink[]) => [...links].sort((x, y) => y.score - x.score)[0]?.task;
  const a = best(row.linksA);
  const b = best(row.linksB);
  return a && b ? [a, b] : null;
}

export function WordingDiff({ a, b, nameA, nameB }: { a: CompareTask; b: CompareTask; nameA: string; nameB: string }) {
  const t = useT();
  const runs = diffChars(a.title, b.title);
  const line = (side: 'a' | 'b') =>
    runs
      .filter((run) => run.side === 'both' || run.side === side)
      .map((run, index) =>
        run.side === 'both' ? (
          <span key={index}>{run.text}</span>
        ) : (
          <mark key={index} className={`only-${side}`}>
            {run.text}
          </mark>
        ),
      );
  return (
    <div className="wording-diff" data-testid="wording-diff" title={t('wordingHelp')}>
      <div data-testid="wording-a">
        <span className="dot side-a" /> <span className="side-name">{nameA}</span> <span className="task-key">{a.key}</span> {line('a')}
      </div>
      <div data-testid="wording-b">
        <span className="dot side-b" /> <span className="side-name">{nameB}</span> <span className="task-key">{b.key}</span> {line('b')}
      </div>
    </div>
  );
}

interface SideTarget {
  task: CompareTask;
  target: TaskTarget & { metric: string };
}

interface MetricRow {
  itemId: string;
  itemTitle: string;
  a: SideTarget | null;
  b: SideTarget | null;
  /** How much the two metrics' wording shares (0–1); 0 for a one-sided row. */
  likeness: number;
}

const figure = (target: TaskTarget) => `${target.op ?? ''}${target.value ?? ''}${target.unit ?? ''}`;

/**
 * Under one national item, two metrics are put side by side when at least this share of their characters agree:
 * "DRG付费的医保基金占…的比例" and "实施按病种（床日）付费的出院病例数占…的比例" share 25%, "医用耗材" and
 * "医疗服务收入…占医疗收入比例" 9%.
 */
export const SAME_METRIC = 0.25;

/**
 * Targets of a shared national item side by side: each of A's quantified targets beside B's target whose metric
 * reads most alike (best pairs first), the rest on rows of their own. Paired rows come first.
 */
export function metricRows(rows: readonly CompareRow[], title: (row: CompareRow) => string): MetricRow[] {
  const result: MetricRow[] = [];
  const quantified = (links: CompareLink[]): SideTarget[] =>
    links.flatMap(({ task, targets }) =>
      targets.flatMap((target) => (target.metric ? [{ task, target: { ...target, metric: target.metric } }] : [])),
    );
  for (const row of rows) {
    const a = quantified(row.linksA);
    const b = quantified(row.linksB);
    const pairs = a
      .flatMap((left) => b.map((right) => ({ left, right, likeness: sharedShare(diffChars(left.target.metric, right.target.metric)) })))
      .filter((pair) => pair.likeness >= SAME_METRIC)
      .sort((x, y) => y.likeness - x.likeness);
    const used = new Set<SideTarget>();
    const base = { itemId: row.nationalItem.id, itemTitle: title(row) };
    for (const pair of pairs) {
      if (used.has(pair.left) || used.has(pair.right)) continue;
      used.add(pair.left).add(pair.right);
      result.push({ ...base, a: pair.left, b: pair.right, likeness: pair.likeness });
    }
    for (const left of a) if (!used.has(left)) result.push({ ...base, a: left, b: null, likeness: 0 });
    for (const right of b) if (!used.has(right)) result.push({ ...base, a: null, b: right, likeness: 0 });
  }
  const paired = (row: MetricRow) => (row.a && row.b ? 0 : 1);
  return result.sort((x, y) => paired(x) - paired(y));
}

export function TargetTable({ rows, nameA, nameB }: { rows: readonly CompareRow[]; nameA: string; nameB: string }) {
  const t = useT();
  const lang = useLang();
  const aligned = metricRows(rows, (row) => itemTitle(row.nationalItem, lang));
  const cell = (entry: SideTarget | null) =>
    entry ? (
      <>
        <div className="metric">{entry.target.metric}</div>
        <strong>{figure(entry.target) || entry.target.text}</strong>{' '}
        <span className="muted small">
          「{entry.target.text}」 {entry.task.key}
        </span>
      </>
    ) : (
      <span className="muted">—</span>
    );
  return (
    <details className="target-table-wrap" open>
      <summary>
        <h2>{t('targetsByMetric')}</h2>
      </summary>
      {aligned.length === 0 ? (
        <p className="muted">{t('noTargets')}</p>
      ) : (
        <table className="compare-table target-table" data-testid="target-table">
          <thead>
            <tr>
              <th scope="col">{t('nationalItem')}</th>
              <th scope="col">{nameA}</th>
              <th scope="col">{nameB}</th>
            </tr>
          </thead>
          <tbody>
            {aligned.map((row) => {
              const differs = row.a !== null && row.b !== null && figure(row.a.target) !== figure(row.b.target);
              return (
                <tr
                  key={`${row.itemId}|${row.a?.target.id ?? ''}|${row.b?.target.id ?? ''}`}
                  data-testid="target-row"
                  data-item-id={row.itemId}
                  data-target-ids={[row.a?.target.id, row.b?.target.id].filter(Boolean).join(' ')}
                  data-paired={row.a && row.b ? 'true' : 'false'}
                  className={differs ? 'differs' : ''}
                >
                  <td>
                    {row.itemTitle}
                    {differs && <span className="badge">{t('differingTargets')}</span>}
                  </td>
                  <td data-side={nameA}>{cell(row.a)}</td>
                  <td data-side={nameB}>{cell(row.b)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}

export function LocalInnovations({
  route,
  nameA,
  nameB,
  tasksA,
  tasksB,
}: {
  route: Route;
  nameA: string;
  nameB: string;
  tasksA: LineageTask[];
  tasksB: LineageTask[];
}) {
  const t = useT();
  const lang = useLang();
  const list = (tasks: LineageTask[], side: 'a' | 'b', name: string) => (
    <section data-testid={`unlinked-${side}`}>
      <h3>
        <span className={`dot side-${side}`} /> {name} · {taskCount(tasks.length, lang)}
      </h3>
      <ul>
        {tasks.map((task) => (
          <li key={task.id} data-testid="unlinked-task" data-task-id={task.id}>
            <a href={detailHref(route, 'Task', task.id)}>
              <span className="task-key">{task.key}</span> {task.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="local-innovations">
      <h2>{t('localInnovations')}</h2>
      <div className="two-columns">
        {list(tasksA, 'a', nameA)}
        {list(tasksB, 'b', nameB)}
      </div>
    </div>
  );
}
