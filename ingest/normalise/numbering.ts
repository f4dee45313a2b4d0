/**
 * @module The outline numbering conventions of Chinese government documents, shared by normalise
 * (which must not join a numbered heading to the next paragraph) and segment (which builds the outline).
 * Brackets are already unified to full-width （） when these run.
 */

/**
 * 第一部分 · 第一章 · 第一节 · 第一条 · 一、 · （一） · 1. 1、 1． · （1） · ① — in the usual nesting order.
 * Plans (规划) divide into 第X章/第X节 above 一、; regulations and measures (办法, 若干措施) number
 * their provisions 第X条.
 */
export type NumberStyle = 'part' | 'chapter' | 'division' | 'article' | 'cn' | 'cnParen' | 'arabic' | 'arabicParen' | 'circled';

export interface Marker {
  style: NumberStyle;
  value: number;
  /** The marker as it appears in the normalised text, e.g. "（一）", "1、", "①". */
  key: string;
  /** Normalised key used in paths: "一", "（一）", "1", "（1）", "①". */
  pathKey: string;
  /** Characters taken by the marker and the spaces after it. */
  length: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103. */
export function parseChineseNumeral(numeral: string): number | null {
  let total = 0;
  let current = 0;
  for (const ch of numeral) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const digit = CN_DIGITS[ch];
      if (digit === undefined) return null;
      current = current * 10 + digit;
    }
  }
  return total + current;
}

/** A Chinese numeral as outline numbers print it: 一 … 十二 … 一百零三 (〇 as typed for 零). */
export const CN_NUMERAL = '[一二三四五六七八九十百零〇]{1,4}';
/**
 * One to ninety-nine without 百 or 零 — a month, a day ("十一月二十四日"), or a marker inside running
 * text, where a longer run ("二〇二〇、二〇二一年") would be a year, not a number.
 */
export const CN_SMALL_NUMERAL = '[一二三四五六七八九十]{1,3}';
const CN = CN_NUMERAL;
const PATTERNS: readonly [NumberStyle, RegExp][] = [
  // "第一部分 总体要求", "第二章  指导思想与主要目标", "第一节 基础条件", "第三条 …" — the character after
  // the number names the level; a space or the text follows. Not "第一批", "第三方".
  ['part', new RegExp(`^第(${CN})部分[ 、：:]*`, 'u')],
  ['chapter', new RegExp(`^第(${CN})章[ 、：:]*`, 'u')],
  ['division', new RegExp(`^第(${CN})节[ 、：:]*`, 'u')],
  ['article', new RegExp(`^第(${CN})条[ 、：:]*`, 'u')],
  // "一、加强…"; "一 强化…" is how normalise rejoins a flattened table's 序号 cell "一" with its heading
  // (a space between two Chinese characters is never left in the text otherwise).
  ['cn', new RegExp(`^(${CN})(?:、 *| (?=[\\u4e00-\\u9fff]))`, 'u')],
  // "（一）健全…"
  ['cnParen', new RegExp(`^（(${CN})） *`, 'u')],
  // "1. 加强…", "1、进一步…", "7.2020年…" — but not a decimal such as "1.5张".
  ['arabic', /^(\d{1,3})(、|\.(?!\d)) */u],
  // "（1）…"
  ['arabicParen', /^（(\d{1,3})） */u],
  // "①深入开展…"
  ['circled', /^([\u2460-\u2473\u3251-\u325f]) */u],
];

function circledValue(ch: string): number {
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- callers pass one circled numeral
  const code = ch.codePointAt(0)!;
  return code >= 0x3251 ? code - 0x3251 + 21 : code - 0x2460 + 1;
}

/** A mark printed before the number of a key task: "★1.推进医共体建设", "▲（二）…". */
const DECORATION = /^[★☆▲△●◆■※]\s*/u;

/** The numbering marker at the start of `text`, if any. */
export function markerAt(text: string): Marker | null {
  const decoration = DECORATION.exec(text)?.[0] ?? '';
  const marker = plainMarkerAt(decoration ? text.slice(decoration.length) : text);
  return marker && decoration ? { ...marker, length: marker.length + decoration.length } : marker;
}

function plainMarkerAt(text: string): Marker | null {
  for (const [style, pattern] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- every pattern above captures the numeral in group 1, which is not optional
    const raw = match[1]!;
    const value = style === 'circled' ? circledValue(raw) : /\d/u.test(raw) ? Number(raw) : parseChineseNumeral(raw);
    if (value === null || value === 0) continue;
    const key = match[0].trimEnd();
    const pathKey =
      style === 'cn' || style === 'arabic' || style === 'circled'
        ? raw
        : style === 'cnParen' || style === 'arabicParen'
          ? `（${raw}）`
          : key.replace(/[ 、：:]+$/u, '');
    return { style, value, key, pathKey, length: match[0].length };
  }
  return null;
}

/** Every circled-number marker inside a text, for sub-measures written inline ("①…。②…"). */
export function circledMarkersIn(text: string): { index: number; value: number; key: string }[] {
  const found: { index: number; value: number; key: string }[] = [];
  for (const match of text.matchAll(/[\u2460-\u2473\u3251-\u325f]/gu)) {
    found.push({ index: match.index, value: circledValue(match[0]), key: match[0] });
  }
  return found;
}
