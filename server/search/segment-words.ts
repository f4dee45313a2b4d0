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
