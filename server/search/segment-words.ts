/**
 * @module Word segmentation for queries that are not a substring of any task, such as
 * 医保支付改革 against 推进医保支付方式改革: jieba splits them into words that are then matched
 * one by one. The dictionary is loaded on first use (about a second), not at import.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;

/** Function words that would match almost every task. */
const STOP_WORDS = new Set(['的', '和', '与', '及', '等', '在', '对', '是', '了', '并', '或', '把', '将', '为', '以']);

/** Distinct words of a (folded) term in order, without punctuation and stop words. */
export function segmentWords(term: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = jieba
    .cut(term, true)
    .map((word) => word.trim())
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word) && /[\p{L}\p{N}]/u.test(word));
  return [...new Set(words)];
}

/**
 * The words a search fills up with, without a single character more tasks hold than any longer word
 * beside it. Chinese content words are mostly two characters or more; a single one left by the cut
 * and commoner than the words beside it is a fragment of other words (作 of 工作 in 作机制推, 推 of
 * 推进) that only widens the fill-up to most tasks — on a store of 2 million tasks, scoring its tasks
 * made such a search take 50–180 ms — while a rarer one (委 of 卫健委 in 委配合) narrows it to the
 * tasks the phrase was cut from.
 */
export function fillUpWords(words: readonly string[], tasksHolding: (word: string) => number): string[] {
  const longer = words.filter((word) => [...word].length > 1);
  if (longer.length === 0) return [...words];
  const most = Math.max(...longer.map(tasksHolding));
  return words.filter((word) => [...word].length > 1 || tasksHolding(word) <= most);
}
