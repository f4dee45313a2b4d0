/**
 * @module Curation: seeds/reviewed-links.json records a researcher's decisions on links — reject a
 * wrong one, accept a right one, add a missing one — and is applied on every ingest, so curated links
 * survive re-ingest whatever the linker does. Entries find their task by a distinctive phrase of its
 * text, optionally narrowed to a jurisdiction or document number; researchers edit the file, not code.
 */
import { z } from 'zod';
import type { LinkEvidence } from '../../graph-schema/model.js';
import type { IngestMessage, TaskLink } from '../document.js';
import type { Catalogue, CatalogueItem } from './catalogue.js';
import { readSeedJson, seedPath } from './seed-file.js';

export const REVIEWED_METHOD = 'reviewed@1';

export const reviewedLinkSchema = z.object({
  /** A distinctive phrase of the task's text; every task containing it is affected. */
  taskMatch: z.string().min(2),
  /** GB/T 2260 code: only tasks of documents of this jurisdiction. */
  jurisdictionId: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** Only tasks of the document with this number, e.g. 明医改组〔2024〕4号. */
  docNumber: z.string().min(1).optional(),
  nationalItemId: z.string().min(1),
  decision: z.enum(['accept', 'reject', 'add']),
  /** For add: wording of the national item to cite; defaults to a keyword the task shares, or the item's first clause. */
  nationalMatch: z.string().min(1).optional(),
  note: z.string().min(1),
  reviewer: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const reviewedLinksSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  entries: z.array(reviewedLinkSchema),
});

export type ReviewedLink = z.infer<typeof reviewedLinkSchema>;

export interface ReviewScope {
  jurisdictionId?: string | null;
  docNumber?: string | null;
}

/** @param file @default seeds/reviewed-links.json */
export function loadReviewedLinks(file: string = seedPath('reviewed-links.json')): ReviewedLink[] {
  return readSeedJson(reviewedLinksSchema, file, 'BAD_REVIEWED_LINKS').entries;
}

/** Entries naming an item the catalogue lacks: worth a message, never a silent no-op. */
export function unknownItems(entries: ReviewedLink[], catalogue: Catalogue): ReviewedLink[] {
  const ids = new Set(catalogue.items.map((item) => item.id));
  return entries.filter((entry) => !ids.has(entry.nationalItemId));
}

interface TaskText {
  path: string;
  text: string;
}

function applies(entry: ReviewedLink, task: TaskText, scope: ReviewScope): boolean {
  if (entry.jurisdictionId && entry.jurisdictionId !== scope.jurisdictionId) return false;
  if (entry.docNumber && entry.docNumber !== scope.docNumber) return false;
  return task.text.includes(entry.taskMatch);
}

/**
 * Evidence for a curated link: the task phrase against the national wording it was reviewed for —
 * `nationalMatch` if given, else a keyword both texts contain, else the item's first clause.
 */
function curatedEvidence(entry: ReviewedLink, task: TaskText, item: CatalogueItem): LinkEvidence | null {
  const localStart = task.text.indexOf(entry.taskMatch);
  if (localStart < 0) return null;
  const shared = [...item.keywords, ...item.related].find((keyword) => task.text.includes(keyword));
  const firstClause = item.text.split(/[，。；]/u)[0] ?? item.text;
  const national = [entry.nationalMatch, shared, firstClause].find(
    (candidate): candidate is string => !!candidate && item.text.includes(candidate),
  );
  if (!national) return null;
  const nationalStart = item.text.indexOf(national);
  const evidence: LinkEvidence = {
    localText: entry.taskMatch,
    localSpan: { start: localStart, end: localStart + entry.taskMatch.length },
    nationalText: national,
    nationalSpan: { start: nationalStart, end: nationalStart + national.length },
  };
  if (shared && national === shared && shared !== entry.taskMatch) {
    // Cite the shared keyword on the local side too, where it really occurs.
    const at = task.text.indexOf(shared);
    return {
      localText: shared,
      localSpan: { start: at, end: at + shared.length },
      nationalText: national,
      nationalSpan: evidence.nationalSpan,
    };
  }
  return evidence;
}

/** The (task path, national item) pairs a researcher rejected, as `path\u0000itemId`: no link, and no possible link either. */
export function rejectedPairs(tasks: readonly TaskText[], entries: readonly ReviewedLink[], scope: ReviewScope = {}): Set<string> {
  const rejected = new Set<string>();
  for (const entry of entries) {
    if (entry.decision !== 'reject') continue;
    for (const task of tasks) if (applies(entry, task, scope)) rejected.add(`${task.path}\u0000${entry.nationalItemId}`);
  }
  return rejected;
}

/**
 * Applies reviewed entries to IMPLEMENTS links: reject removes the link, accept and add keep or
 * create it with `curated: true`. Later entries win over earlier ones for the same task and item.
 */
export function applyReviewedLinks(
  tasks: (TaskText & { span?: { start: number } })[],
  links: TaskLink[],
  entries: ReviewedLink[],
  { catalogue, scope = {} }: { catalogue: Catalogue; scope?: ReviewScope },
): { links: TaskLink[]; messages: IngestMessage[] } {
  const messages: IngestMessage[] = [];
  const items = new Map(catalogue.items.map((item) => [item.id, item]));
  let result = [...links];
  const key = (path: string, id: string) => `${path}\u0000${id}`;

  for (const entry of entries) {
    const item = items.get(entry.nationalItemId);
    const matching = tasks.filter((task) => applies(entry, task, scope));
    if (matching.length === 0) continue;
    if (!item) {
      messages.push({
        offset: matching[0]?.span?.start ?? 0,
        code: 'REVIEWED_LINK_UNKNOWN_ITEM',
        message: `reviewed link for "${entry.taskMatch}" names unknown national item ${entry.nationalItemId}`,
      });
      continue;
    }
    for (const task of matching) {
      const existing = result.find(
        (link) => link.relation === 'IMPLEMENTS' && key(link.taskPath, link.targetId) === key(task.path, item.id),
      );
      if (entry.decision === 'reject') {
        result = result.filter((link) => link !== existing);
        continue;
      }
      if (existing) {
        result = result.map((link) => (link === existing ? { ...link, curated: true } : link));
        continue;
      }
      const evidence = curatedEvidence(entry, task, item);
      if (!evidence) {
        messages.push({
          offset: task.span?.start ?? 0,
          code: 'REVIEWED_LINK_NO_EVIDENCE',
          message: `reviewed link ${entry.nationalItemId} for "${entry.taskMatch}": nationalMatch does not occur in the item's text`,
        });
        continue;
      }
      result.push({
        taskPath: task.path,
        targetId: item.id,
        relation: 'IMPLEMENTS',
        score: 1,
        method: REVIEWED_METHOD,
        kind: evidence.localText === evidence.nationalText ? 'adapted' : 'paraphrase',
        evidence: [evidence],
        curated: true,
      });
    }
  }
  return { links: result, messages };
}
