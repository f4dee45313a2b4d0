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
 * Offsets (UTF-16) where a jieba word starts or ends in `text`. Used to reject a two-character cue
 * that sits inside a longer word: 中医 in 县中医院 is a hospital, not the TCM reform.
 */
export function wordBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([0, text.length]);
  let offset = 0;
  for (const word of segmenter().cut(text, false)) {
    offset += word.length;
    boundaries.add(offset);
  }
  return boundaries;
}

const CONTENT_WORD = /^[\u3400-\u9fff]{2,}$/u;

/** Distinct Chinese words of two or more characters in `text`: its content words. */
export function contentWords(text: string): Set<string> {
  return new Set(
    segmenter()
      .cut(text, false)
      .filter((word) => CONTENT_WORD.test(word)),
  );
}
