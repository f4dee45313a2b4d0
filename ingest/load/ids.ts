/**
 * @module Stable node ids. A document keeps its id across revisions (same document number, or
 * same title in the same jurisdiction), so a revised version replaces the old one and a cited
 * document loaded later completes its stub instead of duplicating it.
 */

/** 资府发〔2017〕23号, 资府发[2017]23号 and 资府发（2017）23号 are one number. */
export function normaliseDocNumber(docNumber: string): string {
  return docNumber
    .replace(/\s+/g, '')
    .replace(/[[［(（【〔]/g, '〔')
    .replace(/[\]］)）】〕]/g, '〕');
}

/** Titles compare without quotes, spaces, and a draft marker such as （征求意见稿）. */
export function normaliseTitle(title: string): string {
  return title.replace(/[（(]\s*征求意见稿\s*[）)]/g, '').replace(/[\s《》〈〉“”"'‘’]/g, '');
}

export function policyIdOf({
  docNumber,
  title,
  jurisdictionId,
}: {
  docNumber: string | null;
  title: string;
  jurisdictionId: string;
}): string {
  return docNumber ? `doc:${normaliseDocNumber(docNumber)}` : `title:${jurisdictionId}:${normaliseTitle(title)}`;
}

/**
 * The id of a loaded document. One that prints neither a number nor a title (a notice copied from a
 * web page whose title stayed on the page) is known by its bytes: an edited copy is another document.
 */
export function loadedPolicyIdOf(meta: { docNumber: string | null; title: string; jurisdictionId: string }, sha256: string): string {
  return meta.docNumber || normaliseTitle(meta.title) !== '' ? policyIdOf(meta) : `file:${sha256}`;
}

export function taskIdOf(policyId: string, taskPath: string): string {
  return `${policyId}#${taskPath}`;
}

export function targetIdOf(taskId: string, index: number): string {
  return `${taskId}#target${index}`;
}
