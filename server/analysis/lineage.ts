/**
 * @module Upward lineage of a task: breadth-first over IMPLEMENTS (to national items) and
 * DERIVES_FROM (to tasks of parent documents), one batched fetch per level, then every path.
 */
import type { LinkType } from '../../graph-schema/model.js';

export interface LineageEdge {
  relation: LinkType;
  fromTaskId: string;
  /** A NationalItem id for IMPLEMENTS, a Task id for DERIVES_FROM. */
  toId: string;
  score: number;
}

export interface LineageSources<E extends LineageEdge> {
  /** Outgoing links of each task, in the order of `taskIds`. */
  linksOf(taskIds: readonly string[]): Promise<E[][]>;
}

export interface LineageData<E extends LineageEdge> {
  taskIds: string[];
  nationalItemIds: string[];
  links: E[];
  paths: { links: E[]; score: number }[];
}

export interface LineageOptions {
  /** Document levels followed upward (county → city → province → nation). @default 8 */
  maxDepth?: number;
  /** Paths listed at most. @default 500 */
  maxPaths?: number;
}

export async function collectLineage<E extends LineageEdge>(
  taskId: string,
  sources: LineageSources<E>,
  { maxDepth = 8, maxPaths = 500 }: LineageOptions = {},
): Promise<LineageData<E>> {
  const taskIds = [taskId];
  const seenTasks = new Set(taskIds);
  const nationalItemIds: string[] = [];
  const links: E[] = [];
  const outgoing = new Map<string, E[]>();
  let frontier = [taskId];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth += 1) {
    const linkLists = await sources.linksOf(frontier);
    const next: string[] = [];
    frontier.forEach((from, i) => {
      const list = linkLists[i] ?? [];
      outgoing.set(from, list);
      for (const link of list) {
        links.push(link);
        if (link.relation === 'IMPLEMENTS') {
          if (!nationalItemIds.includes(link.toId)) nationalItemIds.push(link.toId);
        } else if (!seenTasks.has(link.toId)) {
          seenTasks.add(link.toId);
          taskIds.push(link.toId);
          next.push(link.toId);
        }
      }
    });
    frontier = next;
  }

  // Every path from the task to a national item or to a task with nothing further up.
  const paths: { links: E[]; score: number }[] = [];
  const walk = (at: string, trail: E[], visited: Set<string>) => {
    if (paths.length >= maxPaths) return;
    const next = (outgoing.get(at) ?? []).filter((link) => link.relation === 'IMPLEMENTS' || !visited.has(link.toId));
    if (next.length === 0) {
      if (trail.length > 0) paths.push({ links: trail, score: trail.reduce((product, link) => product * link.score, 1) });
      return;
    }
    for (const link of next) {
      if (link.relation === 'IMPLEMENTS') {
        paths.push({ links: [...trail, link], score: [...trail, link].reduce((product, l) => product * l.score, 1) });
      } else {
        walk(link.toId, [...trail, link], new Set([...visited, link.toId]));
      }
      if (paths.length >= maxPaths) return;
    }
  };
  walk(taskId, [], new Set([taskId]));
  return { taskIds, nationalItemIds, links, paths };
}
