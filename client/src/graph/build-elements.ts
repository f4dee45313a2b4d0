/**
 * @module API answers → Cytoscape elements. Pure functions, so the graph drawn for an answer can be
 * checked without a browser. Node ids are `<Label>:<entity id>` because ids of different tables may collide.
 *
 * Structural edges are drawn from the top of the hierarchy down (jurisdiction → policy → task), so that a
 * layered layout puts national items above the tasks that implement them; they carry no arrow head.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphLabel, GraphRelType } from '../../../graph-schema/model.js';
import type {
  CompareResult,
  CompareRow,
  CompareTask,
  JurisdictionRef,
  LineageResult,
  NationalItemLineageResult,
  NationalItemRef,
  TaskDetail,
  TaskSummary,
} from '../api/queries.js';

export interface NodeData {
  id: string;
  label: GraphLabel;
  entityId: string;
  nameZh: string;
  nameEn: string;
  /** What the node shows; set from nameZh/nameEn by the language toggle. */
  display: string;
  jurisdictionId?: string;
  /** Set on the overview's aggregated pillar nodes: the pillar they stand for. */
  pillar?: string;
  /** Full text shown on hover. */
  tooltip?: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: GraphRelType;
  score?: number;
}

export const nodeId = (label: GraphLabel, entityId: string) => `${label}:${entityId}`;

/** An element's classes with one more; Cytoscape takes them as one string or as a list. */
export function withClass(classes: ElementDefinition['classes'], className: string): string {
  return `${Array.isArray(classes) ? classes.join(' ') : (classes ?? '')} ${className}`.trim();
}

export function parseNodeId(id: string): { label: GraphLabel; entityId: string } | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  return { label: id.slice(0, at) as GraphLabel, entityId: id.slice(at + 1) };
}

const shorten = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Collects nodes and edges once each; the first definition of a node wins. */
export class ElementSet {
  private readonly nodes = new Map<string, ElementDefinition>();
  private readonly edges = new Map<string, ElementDefinition>();

  node(label: GraphLabel, entityId: string, nameZh: string, nameEn = nameZh, extra: Partial<NodeData> = {}, classes = ''): string {
    const id = nodeId(label, entityId);
    if (!this.nodes.has(id)) {
      const data: NodeData = { id, label, entityId, nameZh, nameEn, display: nameZh, ...extra };
      this.nodes.set(id, { group: 'nodes', data, classes });
    }
    return id;
  }

  edge(type: GraphRelType, source: string, target: string, score?: number, classes = ''): void {
    const id = `${type}:${source}->${target}`;
    if (this.edges.has(id)) return;
    const data: EdgeData = { id, source, target, type, ...(score === undefined ? {} : { score }) };
    this.edges.set(id, { group: 'edges', data, classes });
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  addClass(id: string, className: string): void {
    const element = this.nodes.get(id);
    if (element) element.classes = withClass(element.classes, className);
  }

  toArray(): ElementDefinition[] {
    // Edges whose ends are missing would make Cytoscape throw.
    const edges = [...this.edges.values()].filter(
      (edge) => this.nodes.has(String(edge.data.source)) && this.nodes.has(String(edge.data.target)),
    );
    return [...this.nodes.values(), ...edges];
  }
}

export function addJurisdiction(set: ElementSet, j: JurisdictionRef): string {
  return set.node('Jurisdiction', j.id, j.name, j.nameEn || j.name);
}

export function addNationalItem(set: ElementSet, item: NationalItemRef | { id: string; titleZh?: string; titleEn?: string }): string {
  const zh = item.titleZh ?? item.id;
  return set.node('NationalItem', item.id, shorten(zh), shorten(item.titleEn || zh, 32));
}

type TaskLike = Pick<TaskSummary, 'id' | 'key' | 'title' | 'policy' | 'jurisdiction'> & {
  parent?: { id: string; key: string; title: string } | null;
};

const taskName = (task: { key: string; title: string }) => shorten(`${task.key} ${task.title}`.trim());

/** A task with its policy and jurisdiction (and parent task, when known) drawn under it. */
export function addTaskWithContext(set: ElementSet, task: TaskLike): string {
  const jurisdictionId = task.jurisdiction.id;
  const taskId = set.node('Task', task.id, taskName(task), taskName(task), { jurisdictionId });
  const policyId = set.node('Policy', task.policy.id, shorten(task.policy.title), shorten(task.policy.title), { jurisdictionId });
  set.edge('ISSUED_IN', addJurisdiction(set, task.jurisdiction), policyId);
  if (task.parent) {
    const parentId = set.node('Task', task.parent.id, taskName(task.parent), taskName(task.parent), { jurisdictionId });
    set.edge('HAS_TASK', policyId, parentId);
    set.edge('HAS_PART', parentId, taskId);
  } else {
    set.edge('HAS_TASK', policyId, taskId);
  }
  return taskId;
}

/** Downward lineage: a national item, every implementing task, their policies and jurisdictions. */
export function nationalItemLineageElements(result: NationalItemLineageResult): ElementDefinition[] {
  const set = new ElementSet();
  const item = result.nationalItem;
  if (!item) return [];
  const itemId = addNationalItem(set, item);
  set.addClass(itemId, 'focus');
  for (const task of item.implementations) {
    const taskId = addTaskWithContext(set, task);
    const link = task.implements.find((candidate) => candidate.nationalItem.id === item.id);
    set.edge('IMPLEMENTS', taskId, itemId, link?.score ?? 0.5);
  }
  return set.toArray();
}

/** Upward lineage: a task, the national items and parent-document tasks it derives from. */
export function taskLineageElements(result: LineageResult): ElementDefinition[] {
  const set = new ElementSet();
  const task = result.task;
  if (!task) return [];
  const focusId = addTaskWithContext(set, task);
  set.addClass(focusId, 'focus');
  for (const item of result.lineage?.nationalItems ?? []) addNationalItem(set, item);
  for (const other of result.lineage?.tasks ?? []) addTaskWithContext(set, other);
  for (const link of task.implements) {
    set.edge('IMPLEMENTS', focusId, addNationalItem(set, link.nationalItem), link.score);
  }
  for (const link of result.lineage?.links ?? []) {
    const from = nodeId('Task', link.fromTaskId);
    if (link.toNationalItemId) set.edge('IMPLEMENTS', from, nodeId('NationalItem', link.toNationalItemId), link.score);
    if (link.toTaskId) set.edge('DERIVES_FROM', from, nodeId('Task', link.toTaskId), link.score);
  }
  return set.toArray();
}

/** Expansion of a task: its links, parent, sub-tasks, agencies and targets. */
export function taskExpansionElements(task: TaskDetail): ElementDefinition[] {
  const set = new ElementSet();
  const taskId = addTaskWithContext(set, task);
  const jurisdictionId = task.jurisdiction.id;
  for (const link of task.implements) set.edge('IMPLEMENTS', taskId, addNationalItem(set, link.nationalItem), link.score);
  for (const child of task.children) {
    set.edge('HAS_PART', taskId, set.node('Task', child.id, taskName(child), taskName(child), { jurisdictionId }));
  }
  for (const agency of task.agencies) {
    const agencyEntity = agency.agency.id;
    const agencyId = set.node('Agency', agencyEntity, agency.agency.name, agency.agency.nameEn, {
      jurisdictionId,
    });
    set.edge('RESPONSIBLE', taskId, agencyId);
  }
  task.targets.forEach((target, index) => {
    set.edge('HAS_TARGET', taskId, set.node('Target', `${task.id}#${index}`, shorten(target.text, 16)));
  });
  return set.toArray();
}

/** Rows of the overview are this far apart: labels of 12 px on one line never touch. */
const OVERVIEW_ROW = 34;
/** Horizontal distance between the item column and the jurisdiction column. */
const OVERVIEW_SPAN = 520;

export interface OverviewData {
  nationalItems: NationalItemRef[];
  jurisdictions: JurisdictionRef[];
  /** Task counts, one row per national item and one column per jurisdiction, in their orders above (Coverage.counts). */
  counts: number[][];
}

/**
 * The overview: pillars (aggregated national items with their counts) in a column on the left, jurisdictions on
 * the right, an edge per pair whose width grows with the implementing tasks. An expanded pillar lists its items
 * under it, each with its own edges. Rows sit on a fixed grid, so labels never overlap and the picture is the
 * same on every visit; the whole graph is never laid out at once.
 */
export function overviewElements(data: OverviewData, expandedPillars: ReadonlySet<string>, lang: 'zh' | 'en' = 'zh'): ElementDefinition[] {
  const set = new ElementSet();
  const positions = new Map<string, { x: number; y: number }>();
  const pillars = new Map<string, NationalItemRef[]>();
  for (const item of data.nationalItems) pillars.set(item.pillar, [...(pillars.get(item.pillar) ?? []), item]);
  const rowOf = new Map(data.nationalItems.map((item, i) => [item.id, data.counts[i] ?? []]));
  const columnOf = new Map(data.jurisdictions.map((j, i) => [j.id, i]));
  const count = (itemIds: readonly string[], jurisdictionId: string) => {
    const column = columnOf.get(jurisdictionId) ?? -1;
    return itemIds.reduce((sum, id) => sum + (rowOf.get(id)?.[column] ?? 0), 0);
  };
  const pairs: { source: string; itemIds: string[] }[] = [];
  let row = 0;
  for (const [pillar, items] of pillars) {
    const first = items[0];
    if (!first) continue;
    const itemIds = items.map((item) => item.id);
    const total = data.jurisdictions.reduce((sum, j) => sum + count(itemIds, j.id), 0);
    const open = expandedPillars.has(pillar);
    const zh = `${first.pillarZh || pillar}（${items.length} 项 · ${total} 任务）`;
    const en = `${first.pillarEn || pillar} (${items.length} items · ${total} tasks)`;
    const id = set.node(
      'NationalItem',
      `pillar:${pillar}`,
      zh,
      en,
      { pillar, tooltip: lang === 'zh' ? zh : en },
      `pillar${open ? ' expanded' : ' expandable'}`,
    );
    positions.set(id, { x: 0, y: row * OVERVIEW_ROW });
    row += 1;
    if (!open) {
      pairs.push({ source: id, itemIds });
      continue;
    }
    for (const item of items) {
      const itemTotal = data.jurisdictions.reduce((sum, j) => sum + count([item.id], j.id), 0);
      const itemId = set.node(
        'NationalItem',
        item.id,
        shorten(item.titleZh, 26),
        shorten(item.titleEn || item.titleZh, 40),
        {
          tooltip: `${item.titleZh}\n${item.titleEn}\n${itemTotal} ${lang === 'zh' ? '任务' : itemTotal === 1 ? 'task' : 'tasks'}`,
        },
        'overview-item',
      );
      positions.set(itemId, { x: 40, y: row * OVERVIEW_ROW });
      row += 1;
      pairs.push({ source: itemId, itemIds: [item.id] });
    }
  }
  // Jurisdictions spread over the height of the item column, at least a row apart.
  const step = Math.max(OVERVIEW_ROW, ((row - 1) * OVERVIEW_ROW) / Math.max(1, data.jurisdictions.length - 1));
  const maxCount = Math.max(1, ...pairs.flatMap((pair) => data.jurisdictions.map((j) => count(pair.itemIds, j.id))));
  data.jurisdictions.forEach((j, index) => {
    const id = set.node('Jurisdiction', j.id, j.name, j.nameEn || j.name, { tooltip: `${j.name} · ${j.nameEn}` }, 'overview-jurisdiction');
    positions.set(id, { x: OVERVIEW_SPAN, y: index * step });
    for (const pair of pairs) {
      const n = count(pair.itemIds, j.id);
      if (n > 0) set.edge('IMPLEMENTS', pair.source, id, n / maxCount);
    }
  });
  return set.toArray().map((element) => {
    const position = positions.get(String(element.data.id));
    return position ? { ...element, position } : element;
  });
}

/**
 * Both jurisdictions on one preset layout. Pillars are columns in a fixed order and each national item is a
 * row of its pillar's column, with A's tasks in a small grid to its left and B's to its right. A task that
 * implements several items sits at its best-scored one and draws edges to the others. Positions depend only
 * on the items and tasks, so a pair looks the same on every visit and swapping sides mirrors it.
 */
export function compareElements(result: CompareResult, differing: ReadonlySet<string> = new Set()): ElementDefinition[] {
  const { shared, onlyA, onlyB } = result.compare;
  const rows: CompareRow[] = [...shared, ...onlyA, ...onlyB].sort(
    (x, y) => x.nationalItem.pillar.localeCompare(y.nationalItem.pillar) || x.nationalItem.id.localeCompare(y.nationalItem.id),
  );
  const perRow = 3;
  const cell = 26;
  const bandWidth = 2 * perRow * cell + 150;
  const set = new ElementSet();
  const positions = new Map<string, { x: number; y: number }>();
  const placedTask = new Set<string>();
  const pillars = [...new Set(rows.map((row) => row.nationalItem.pillar))];
  // Pillar columns wrap onto a second line so the picture suits a landscape screen.
  const columns = Math.max(1, Math.ceil(pillars.length / 2));
  const nextY = new Map<string, number>(pillars.map((pillar) => [pillar, 0]));
  // A task is placed at the row where its link scores best (ties: the first row).
  const bestRow = new Map<string, { itemId: string; score: number }>();
  for (const row of rows)
    for (const { task, score } of [...row.linksA, ...row.linksB]) {
      const best = bestRow.get(task.id);
      if (!best || score > best.score) bestRow.set(task.id, { itemId: row.nationalItem.id, score });
    }
  for (const row of rows) {
    const pillar = row.nationalItem.pillar;
    const centreX = (pillars.indexOf(pillar) % columns) * bandWidth;
    const top = nextY.get(pillar) ?? 0;
    const itemId = addNationalItem(set, row.nationalItem);
    set.addClass(itemId, 'compare-item');
    const own = (tasks: CompareTask[]) =>
      tasks.filter((task) => bestRow.get(task.id)?.itemId === row.nationalItem.id && !placedTask.has(task.id));
    const ownA = own(row.linksA.map((link) => link.task));
    const ownB = own(row.linksB.map((link) => link.task));
    const height = Math.max(1, Math.ceil(ownA.length / perRow), Math.ceil(ownB.length / perRow)) * cell;
    positions.set(itemId, { x: centreX, y: top + height / 2 });
    if (row.linksA.length === 0 || row.linksB.length === 0) set.addClass(itemId, 'gap');
    const place = (tasks: CompareTask[], side: 'a' | 'b') =>
      tasks.forEach((task, index) => {
        const id = set.node(
          'Task',
          task.id,
          taskName(task),
          taskName(task),
          { jurisdictionId: (side === 'a' ? result.compare.a : result.compare.b).id },
          `side-${side}`,
        );
        placedTask.add(task.id);
        const column = index % perRow;
        const offset = 75 + column * cell;
        positions.set(id, { x: centreX + (side === 'a' ? -offset : offset), y: top + Math.floor(index / perRow) * cell + cell / 2 });
      });
    place(ownA, 'a');
    place(ownB, 'b');
    nextY.set(pillar, top + height + 40);
  }
  for (const row of rows) {
    const itemId = nodeId('NationalItem', row.nationalItem.id);
    for (const { task, score } of [...row.linksA, ...row.linksB]) {
      const classes = [
        differing.has(row.nationalItem.id) ? 'differs' : '',
        bestRow.get(task.id)?.itemId === row.nationalItem.id ? '' : 'secondary',
      ];
      set.edge('IMPLEMENTS', nodeId('Task', task.id), itemId, score, classes.join(' ').trim());
    }
  }
  // The second line of pillars starts below the tallest column of the first.
  const firstLine = pillars.slice(0, columns);
  const secondLineTop = Math.max(0, ...firstLine.map((pillar) => nextY.get(pillar) ?? 0)) + 60;
  const lineOf = (pillar: string) => (pillars.indexOf(pillar) >= columns ? secondLineTop : 0);
  const pillarOfNode = new Map<string, string>();
  for (const row of rows) pillarOfNode.set(nodeId('NationalItem', row.nationalItem.id), row.nationalItem.pillar);
  for (const row of rows)
    for (const { task } of [...row.linksA, ...row.linksB]) {
      if (bestRow.get(task.id)?.itemId === row.nationalItem.id) pillarOfNode.set(nodeId('Task', task.id), row.nationalItem.pillar);
    }
  return set.toArray().map((element) => {
    const id = String(element.data.id);
    const position = positions.get(id);
    if (!position) return element;
    return { ...element, position: { x: position.x, y: position.y + lineOf(pillarOfNode.get(id) ?? '') } };
  });
}

/** Merges element lists; the first definition of an id wins and edges without both ends are dropped. */
export function mergeElements(lists: readonly (readonly ElementDefinition[])[]): ElementDefinition[] {
  const byId = new Map<string, ElementDefinition>();
  for (const list of lists)
    for (const element of list) {
      const id = String(element.data.id);
      if (!byId.has(id)) byId.set(id, element);
    }
  const all = [...byId.values()];
  const nodeIds = new Set(all.filter((element) => element.group === 'nodes').map((element) => String(element.data.id)));
  return all.filter(
    (element) => element.group === 'nodes' || (nodeIds.has(String(element.data.source)) && nodeIds.has(String(element.data.target))),
  );
}
