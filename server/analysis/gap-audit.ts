/**
 * @module The evidence behind an empty coverage cell, for a researcher to confirm or overturn it:
 * the jurisdiction's tasks the linker found some evidence in for the item but did not link (best
 * first, with the score they would have and the matched wording), and every task whose text names
 * one of the item's keywords or their glossary forms. The candidates come from the linker's own
 * decision over each document's outline (decideLinks), so their scores are the ones it weighed.
 */
import type { LinkEvidence, LinkKind, TaskKind } from '../../graph-schema/model.js';
import type { CatalogueItem } from '../../ingest/link/catalogue.js';
import { entryFor, formsOf, type Glossary } from '../../ingest/link/glossary.js';
import { decideLinks, type DecidedLink, type LinkOptions } from '../../ingest/link/link-tasks.js';
import { makeSnippet } from '../search/snippet.js';

export interface AuditedTask {
  id: string;
  path: string;
  kind: TaskKind;
  title: string;
  text: string;
  /** The document the task belongs to, and the unit it is numbered under: the outline the linker reads. */
  policyId?: string;
  parentId?: string | null;
}

export interface GapCandidateData<T> {
  task: T;
  score: number;
  kind: LinkKind;
  evidence: LinkEvidence[];
  /** Whether the task names the reform the item's title names: a possible link at any score. */
  namesReform: boolean;
}

export interface KeywordHitData<T> {
  keyword: string;
  task: T;
  snippet: string;
}

export interface GapAuditData<T> {
  candidates: GapCandidateData<T>[];
  keywordHits: KeywordHitData<T>[];
}

const MAX_CANDIDATES = 10;
const MAX_KEYWORD_HITS = 30;

/**
 * `linkedTaskIds`: the tasks the cell already counts, left out of the candidates. Section headings
 * are not candidates (a matrix counts items and measures), but their wording is searched.
 */
export function auditGap<T extends AuditedTask>(
  item: CatalogueItem,
  tasks: readonly T[],
  linkedTaskIds: ReadonlySet<string>,
  options: Pick<LinkOptions, 'catalogue' | 'glossary'>,
): GapAuditData<T> {
  const decided = decideByDocument(tasks, options);
  const candidates = tasks
    .filter((task) => task.kind !== 'section' && !linkedTaskIds.has(task.id))
    .flatMap((task) => {
      const link = decided.get(task.id)?.find((candidate) => candidate.targetId === item.id);
      return link ? [{ task, score: link.score, kind: link.kind, evidence: link.evidence, namesReform: link.namesReform }] : [];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES);

  const terms = keywordFormsOf(item, options.glossary);
  const keywordHits: KeywordHitData<T>[] = [];
  for (const task of tasks) {
    const found = terms.filter((term) => task.text.includes(term));
    // A form inside a longer form found too (医共体 in 县域医共体) is the same mention.
    const named = found.filter((term) => !found.some((other) => other !== term && other.includes(term)));
    if (named.length === 0) continue;
    keywordHits.push({ keyword: named.join('、'), task, snippet: makeSnippet(task.text, task.text, named, { before: 20, length: 90 }) });
    if (keywordHits.length >= MAX_KEYWORD_HITS) break;
  }
  return { candidates, keywordHits };
}

/** The linker's decision for every task, each document's units judged together as the linker does. */
function decideByDocument(tasks: readonly AuditedTask[], options: Pick<LinkOptions, 'catalogue' | 'glossary'>): Map<string, DecidedLink[]> {
  const byDocument = new Map<string | undefined, AuditedTask[]>();
  for (const task of tasks) {
    const units = byDocument.get(task.policyId);
    if (units) units.push(task);
    else byDocument.set(task.policyId, [task]);
  }
  const decided = new Map<string, DecidedLink[]>();
  for (const units of byDocument.values()) {
    const linkable = units.map(({ id, text, title, kind, parentId }) => ({ path: id, text, title, kind, parentPath: parentId ?? null }));
    for (const [id, links] of decideLinks(linkable, options)) decided.set(id, links);
  }
  return decided;
}

/** The item's keywords and related wordings, with every glossary form of them (集采 for 集中带量采购). */
export function keywordFormsOf(item: CatalogueItem, glossary: Glossary): string[] {
  const forms = new Set<string>();
  for (const keyword of [...item.keywords, ...item.related]) {
    forms.add(keyword);
    const entry = entryFor(glossary, keyword);
    if (entry) for (const form of formsOf(entry)) forms.add(form);
  }
  return [...forms];
}
