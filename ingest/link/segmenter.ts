/**
 * @module Word boundaries from @node-rs/jieba. The dictionary (several MB) is loaded once, on first
 * use, never at import time.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * The words of recently segmented texts. A local plan copies its parent's wording and repeats it
 * from item to sub-measure, so the same sentence is often segmented again; the cut of a text is the
 * same each time, and a sentence repeated throughout a corpus is kept while it recurs: at most
 * RECENT_TEXTS are kept, the one used least recently dropped first.
 */
const recentCuts = new Map<string, readonly string[]>();
const RECENT_TEXTS = 1024;

/** The words of `text` in order, as jieba cuts it: their lengths add up to the text's. */
export function wordsOf(text: string): readonly string[] {
  let words = recentCuts.get(text);
  if (words) {
    // Used again: now the most recent (a Map keeps its keys in the order they were set).
    recentCuts.delete(text);
    recentCuts.set(text, words);
    return words;
  }
  words = segmenter().cut(text, false);
  if (recentCuts.size >= RECENT_TEXTS) recentCuts.delete(recentCuts.keys().next().value ?? '');
  recentCuts.set(text, words);
  return words;
}

/**
 * Offsets (UTF-16) where a jieba word starts or ends in `text`. Used to reject a two-character cue
 * that sits inside a longer word: 中医 in 县中医院 is a hospital, not the TCM reform.
 */
export function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  let offset = 0;
  for (const word of wordsOf(text)) {
    offset += word.length;
    boundaries.add(offset);
  }
  return boundaries;
}

const CONTENT_WORD = /^[\u3400-\u9fff]{2,}$/u;

/** Whether a word is a Chinese word of two or more characters: a content word. */
export const isContentWord = (word: string): boolean => CONTENT_WORD.test(word);

/** Distinct Chinese words of two or more characters in `text`: its content words. */
export function contentWords(text: string): Set<string> {
  return new Set(wordsOf(text).filter(isContentWord));
}
