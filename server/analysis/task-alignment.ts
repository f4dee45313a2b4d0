/**
 * @module A task beside the passage of a source it is worded closest to: the texts of the parent
 * documents and of the national items it implements are aligned with the task's text
 * (ingest/analyse/text-reuse), and the best-scoring passage wins.
 */
import { alignTexts, type AlignedPassage } from '../../ingest/analyse/text-reuse/align-texts.js';
import { toComparable } from '../../ingest/analyse/text-reuse/comparable-text.js';

export interface AlignmentSource {
  kind: 'policy' | 'nationalItem';
  id: string;
  text: string;
}

export interface TaskAlignmentData {
  source: AlignmentSource;
  /** Side a is the source's text, side b the task's text. */
  passage: AlignedPassage;
  /** Share of the task's letters and digits inside the passage. */
  taskShare: number;
}

/**
 * National items are short summaries, so a task's passage from one is short as well: a minimum of
 * 20 (ten matching characters net of edits) keeps stock phrases of two or three words out.
 */
export function bestTaskAlignment(taskText: string, sources: readonly AlignmentSource[], { minScore = 20 } = {}): TaskAlignmentData | null {
  let best: { source: AlignmentSource; passage: AlignedPassage } | null = null;
  for (const source of sources) {
    for (const passage of alignTexts(source.text, taskText, { minScore }).passages) {
      if (!best || passage.score > best.passage.score) best = { source, passage };
    }
  }
  if (!best) return null;
  const { starts } = toComparable(taskText);
  const inside = starts.filter((start) => start >= best.passage.b.start && start < best.passage.b.end).length;
  return { ...best, taskShare: starts.length === 0 ? 0 : inside / starts.length };
}
