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

/**
 * Distinct words of a (folded) term in order, without punctuation and stop words, and without
 * single characters where the term has a longer word. Chinese content words are mostly two
 * characters or more; a single one left by the cut is a word cut off at the phrase's edge (作 of
 * 工作 in 作机制推, 公 of 公立 in 三深化公) or a function word, which says nothing of the topic and
 * matches most tasks: on a store of 2 million tasks such a character's postings made a search
 * take 50–180 ms to fill up its results.
 */
export function segmentWords(term: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = jieba
    .cut(term, true)
    .map((word) => word.trim())
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word) && /[\p{L}\p{N}]/u.test(word));
  const longer = words.filter((word) => [...word].length > 1);
  return [...new Set(longer.length > 0 ? longer : words)];
}
