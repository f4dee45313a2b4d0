/**
 * @module Which of a task's targets each of its links bears on. A task that takes up several reforms
 * states each one's figures beside its wording, sentence by sentence: 临汾 2022 （十八） "深化医养结合,…,45%
 * 二级以上综合医院设置老年医学科,…,养老机构与周边医疗机构签约100%全覆盖。…抓好信息化建设,深入推进“互联网+医疗健康”…"
 * sets elderly-care figures, none of informatisation, though it links to both. A target bears on the links
 * whose evidence wording its sentence holds (a link's evidence is where its wording first occurs, and a
 * later sentence may name the reform again: "…妇幼保健机构标准化建设率达到95%"); when no link's wording is in
 * it (a figure in a sentence of its own), or the task has one link, it bears on every link of the task, as
 * the task says no more.
 */

/**
 * Sentence ends of Chinese official prose: 。 and ；, their ASCII forms, ！ and ？. Not line breaks: text
 * copied from a PDF or a web page breaks lines inside sentences ("二级以上医院设置疾病预防控制（预防保健）⏎科室").
 */
const SENTENCE_END = /[。；;！!？?]/u;

/** A link of a task: its national item and the task's wording its evidence matched. */
export interface LinkWording {
  itemId: string;
  phrases: readonly string[];
}

/** The sentence of `text` holding `start` to `end`: from after the sentence end before it up to its own end. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? '')) from -= 1;
  let to = Math.max(start, end);
  while (to < text.length && !SENTENCE_END.test(text[to] ?? '')) to += 1;
  return text.slice(from, to);
}

/** Where `text` occurs in `within` nearest to `near` (the first occurrence when not given); -1 when nowhere. */
function nearestOccurrence(within: string, text: string, near: number | undefined): number {
  let best = -1;
  for (let at = within.indexOf(text); at >= 0; at = within.indexOf(text, at + 1)) {
    if (near === undefined) return at;
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}

/**
 * The targets of a task that its link to `itemId` bears on (see the module's comment), in their order.
 * `offsetInTask` says about where the task's text has a target (its offset from the task's start in the
 * document's source text, which normalising shifts a little at most), so that a figure printed twice
 * ("全覆盖") is read where it is; a target whose text is not in the task's text (read from a table cell
 * beside it) bears on every link.
 */
export function targetsOfLink<T extends { text: string }>(
  taskText: string,
  targets: readonly T[],
  links: readonly LinkWording[],
  itemId: string,
  offsetInTask: (target: T) => number | undefined = () => undefined,
): T[] {
  if (links.length <= 1) return [...targets];
  return targets.filter((target) => {
    const at = nearestOccurrence(taskText, target.text, offsetInTask(target));
    if (at < 0) return true;
    const sentence = sentenceAround(taskText, at, at + target.text.length);
    const bearing = links.filter((link) => link.phrases.some((phrase) => phrase.length > 0 && sentence.includes(phrase)));
    return bearing.length === 0 || bearing.some((link) => link.itemId === itemId);
  });
}
