/**
 * @module Word boundaries from @node-rs/jieba. The dictionary (several MB) is loaded once, on first
 * use, never at import time.
 */
import { Jieba } from '@node-rs/jieba';
import { LRUCache } from 'lru-cache';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Whether jieba puts out a character as a word of its own, never joined to a neighbour: CJK and
 * fullwidth punctuation (、。〈〉《》「」【】 ，：；！？（） …). jieba cuts each run of Chinese characters,
 * ASCII letters and digits on its own and puts out every other character alone (white space aside,
 * whose "\r\n" is one word), so the cut of a text is the cuts of its runs between these characters,
 * each followed by its character (the segmenter test checks this on every line of the seeds).
 */
function standsAlone(unit: number): boolean {
  return (
    (unit >= 0x3001 && unit <= 0x303f) ||
    (unit >= 0xff01 && unit <= 0xff0f) ||
    (unit >= 0xff1a && unit <= 0xff20) ||
    (unit >= 0xff3b && unit <= 0xff40) ||
    (unit >= 0xff5b && unit <= 0xff65)
  );
}

/**
 * The cuts of recently seen runs between punctuation. A sub-measure's text is part of its item's,
 * a local plan copies its parent's clauses, and a clause recurs from document to document, so most
 * runs were cut before; at most RECENT_RUNS are kept, the one used least recently dropped first.
 */
const RECENT_RUNS = 16_384;
const recentCuts = new LRUCache<string, readonly string[]>({ max: RECENT_RUNS });

function cutOfRun(run: string): readonly string[] {
  let words = recentCuts.get(run);
  if (!words) recentCuts.set(run, (words = segmenter().cut(run, false)));
  return words;
}

/** The words of `text` in order, as jieba cuts it: their lengths add up to the text's. */
export function wordsOf(text: string): readonly string[] {
  const words: string[] = [];
  let start = 0;
  for (let at = 0; at <= text.length; at += 1) {
    if (at < text.length && !standsAlone(text.charCodeAt(at))) continue;
    if (at > start) for (const word of cutOfRun(text.slice(start, at))) words.push(word);
    if (at < text.length) words.push(text.charAt(at));
    start = at + 1;
  }
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
