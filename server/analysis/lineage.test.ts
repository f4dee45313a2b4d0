import { describe, expect, it } from 'vitest';
import { collectLineage, type LineageEdge } from './lineage.js';

const implementsLink = (from: string, to: string, score: number): LineageEdge => ({
  relation: 'IMPLEMENTS',
  fromTaskId: from,
  toId: to,
  score,
});
const derivesLink = (from: string, to: string, score: number): LineageEdge => ({
  relation: 'DERIVES_FROM',
  fromTaskId: from,
  toId: to,
  score,
});

/** county → city → province; the city task also implements N2 directly; the province task implements N1. */
const graph: Record<string, LineageEdge[]> = {
  county: [derivesLink('county', 'city', 0.9)],
  city: [derivesLink('city', 'province', 0.8), implementsLink('city', 'N2', 0.5)],
  province: [implementsLink('province', 'N1', 0.5)],
};

function sources(calls: string[][]) {
  return {
    async linksOf(ids: readonly string[]) {
      calls.push([...ids]);
      return ids.map((id) => graph[id] ?? []);
    },
  };
}

describe('collectLineage', () => {
  it('walks up through every document level, one batched fetch per level', async () => {
    const calls: string[][] = [];
    const lineage = await collectLineage('county', sources(calls));
    expect(calls).toEqual([['county'], ['city'], ['province']]);
    expect(lineage.taskIds).toEqual(['county', 'city', 'province']);
    expect(lineage.nationalItemIds).toEqual(['N2', 'N1']);
    expect(lineage.links).toHaveLength(4);
  });

  it('lists every path to a national item with the product of its scores', async () => {
    const { paths } = await collectLineage('county', sources([]));
    expect(paths.map((p) => [p.links.map((l) => l.toId), Number(p.score.toFixed(3))])).toEqual([
      [['city', 'province', 'N1'], 0.36],
      [['city', 'N2'], 0.45],
    ]);
  });

  it('ends a path at a task with no link further up, and survives a cycle', async () => {
    const cyclic: Record<string, LineageEdge[]> = { a: [derivesLink('a', 'b', 1)], b: [derivesLink('b', 'a', 1)] };
    const lineage = await collectLineage('a', { linksOf: async (ids) => ids.map((id) => cyclic[id] ?? []) });
    expect(lineage.taskIds).toEqual(['a', 'b']);
    expect(lineage.paths.map((p) => p.links.map((l) => l.toId))).toEqual([['b']]);
  });

  it('has no links and no paths for a task that implements nothing', async () => {
    expect(await collectLineage('alone', sources([]))).toEqual({ taskIds: ['alone'], nationalItemIds: [], links: [], paths: [] });
  });
});
