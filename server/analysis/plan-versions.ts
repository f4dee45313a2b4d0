/**
 * @module Versions of a jurisdiction's plans, as PKULaw shows versions of a statute: successive
 * documents of one kind (the key-task lists of 2021 and 2024, the 十三五 and 十四五 plans) side by
 * side — national items continued, added and dropped, and targets whose figures changed.
 */
import { TITLE_END } from '../../ingest/conventions.js';
import { yearsInForce } from '../../ingest/segment/plan-period.js';
import { differingTargets, type ComparableTarget } from './coverage.js';

export interface VersionedPolicy {
  id: string;
  title: string;
  issuedOn: string | null;
  coversFrom: number | null;
  coversTo: number | null;
}

/**
 * What a title says the document is, without when: years, plan periods (（2023—2025年）, “十四五”),
 * quotation marks and 专项 removed — "2020年全市卫生健康工作主要任务分工方案" and its 2021 successor
 * become the same.
 */
export function titleKind(title: string): string {
  return title
    .replace(/[（(]?(?:19|20)\d{2}\s*年?\s*(?:[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?)?度?[）)]?/gu, '')
    .replace(/十[一二三四五六七八九]五(?:期间|时期)?/gu, '')
    .replace(/[“”"‘’'《》\s]/gu, '')
    .replace(/专项/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 2 <= text.length; i += 1) grams.set(text.slice(i, i + 2), (grams.get(text.slice(i, i + 2)) ?? 0) + 1);
  return grams;
}

/** Dice coefficient of character bigrams. */
export function titleSimilarity(a: string, b: string): number {
  const [ga, gb] = [bigrams(a), bigrams(b)];
  let shared = 0;
  for (const [gram, count] of ga) shared += Math.min(count, gb.get(gram) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Two titles of one series: nearly the same words once the years are gone. */
const SAME_KIND = 0.75;

const startYear = (policy: VersionedPolicy) => yearsInForce(policy)?.from ?? Infinity;
const chronological = (a: VersionedPolicy, b: VersionedPolicy) =>
  startYear(a) - startYear(b) || (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') || a.id.localeCompare(b.id);

/**
 * The series among one jurisdiction's documents: groups of two or more whose titles are of one
 * kind — the same document type (文种: a 规划 follows a 规划, not a 行动方案) and nearly the same
 * words — each oldest first. Untitled documents belong to none.
 */
export function planSeries<P extends VersionedPolicy>(policies: readonly P[]): P[][] {
  const groups: { kind: string; members: P[] }[] = [];
  for (const policy of [...policies].sort(chronological)) {
    const kind = titleKind(policy.title);
    if (kind.length < 4) continue;
    const type = TITLE_END.exec(kind)?.[0];
    const group = groups.find(
      (candidate) => TITLE_END.exec(candidate.kind)?.[0] === type && titleSimilarity(candidate.kind, kind) >= SAME_KIND,
    );
    if (group) group.members.push(policy);
    else groups.push({ kind, members: [policy] });
  }
  return groups.filter((group) => group.members.length >= 2).map((group) => group.members);
}

export function inChronologicalOrder<P extends VersionedPolicy>(policies: readonly P[]): P[] {
  return [...policies].sort(chronological);
}

export const TARGET_DIRECTIONS = ['RAISED', 'LOWERED', 'CHANGED'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export interface VersionStep<T> {
  continued: string[];
  added: string[];
  dropped: string[];
  targetChanges: { metric: string; before: T[]; after: T[]; direction: TargetDirection }[];
}

/**
 * From one version to the next: national items (ids, in the order given) each addresses, and
 * targets on the same metric whose figures differ — RAISED or LOWERED when each side states one
 * figure in the same unit, CHANGED otherwise.
 */
export function versionStep<T extends ComparableTarget>(
  itemsBefore: readonly string[],
  itemsAfter: readonly string[],
  targetsBefore: readonly T[],
  targetsAfter: readonly T[],
): VersionStep<T> {
  const before = new Set(itemsBefore);
  const after = new Set(itemsAfter);
  return {
    continued: itemsAfter.filter((id) => before.has(id)),
    added: itemsAfter.filter((id) => !before.has(id)),
    dropped: itemsBefore.filter((id) => !after.has(id)),
    targetChanges: differingTargets(targetsBefore, targetsAfter).map(({ metric, targetsA, targetsB }) => ({
      metric,
      before: targetsA,
      after: targetsB,
      direction: directionOf(targetsA, targetsB),
    })),
  };
}

function directionOf(before: readonly ComparableTarget[], after: readonly ComparableTarget[]): TargetDirection {
  const [a] = before;
  const [b] = after;
  if (before.length !== 1 || after.length !== 1 || !a || a.unit !== b?.unit || a.value === null || b.value === null) return 'CHANGED';
  if (b.value > a.value) return 'RAISED';
  if (b.value < a.value) return 'LOWERED';
  return 'CHANGED';
}
