/**
 * Small scanning helpers shared by the extractors: bracket groups, masked regions and
 * offset-preserving whitespace handling. All offsets are into the string given.
 */
import type { Span } from '../../graph-schema/payloads.js';
import { codeUnitsOf } from '../code-units.js';
import { NOTE_CLOSERS, NOTE_OPENERS } from '../responsibility-notes.js';

const OPENERS = codeUnitsOf(NOTE_OPENERS);
const CLOSERS = codeUnitsOf(NOTE_CLOSERS);

export interface BracketGroup {
  open: string;
  /** Text between the brackets. */
  content: string;
  /** Offset of the opening bracket. */
  start: number;
  /** Offset after the closing bracket (or the text end when unclosed). */
  end: number;
  contentStart: number;
}

/** Top-level bracket groups; nested brackets ("各县（区）人民政府" inside 〔…〕) stay in their group's content. */
export function findBracketGroups(text: string): BracketGroup[] {
  const groups: BracketGroup[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (OPENERS.has(code)) {
      if (depth === 0) start = i;
      depth++;
    } else if (CLOSERS.has(code) && depth > 0) {
      depth--;
      if (depth === 0) {
        groups.push({ open: text.charAt(start), content: text.slice(start + 1, i), start, end: i + 1, contentStart: start + 1 });
      }
    }
  }
  if (depth > 0 && start >= 0) {
    groups.push({ open: text.charAt(start), content: text.slice(start + 1), start, end: text.length, contentStart: start + 1 });
  }
  return groups;
}

/** Split `text` at separator characters that sit outside brackets; returns trimmed ranges. */
export function splitTopLevel(text: string, separators: string): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let from = 0;
  const separatorCodes = codeUnitsOf(separators);
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i); // NaN past the end: no opener, closer or separator
    if (OPENERS.has(code)) depth++;
    else if (CLOSERS.has(code) && depth > 0) depth--;
    if (i === text.length || (depth === 0 && separatorCodes.has(code))) {
      const span = trimSpan(text, { start: from, end: i });
      if (span.end > span.start) parts.push(span);
      from = i + 1;
    }
  }
  return parts;
}

export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return { start, end };
}

/** Removes all whitespace: names and titles broken across lines ("县委编办、\n县人力资源社会保障局") are one name. */
export function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * Replaces the inside of 《…》 titles, 〔…〕 year brackets of document numbers and “…” quotations
 * with spaces, keeping offsets: numbers there ("“3个10%”经验", "〔2024〕29号", "《…2024年…》")
 * are names, not targets or deadlines.
 */
export function maskQuoted(text: string): string {
  const pairs: [string, string][] = [
    ['《', '》'],
    ['〔', '〕'],
    ['“', '”'],
    ['‘', '’'],
    ['"', '"'],
  ];
  // Without an opening mark nothing is inside one.
  if (!pairs.some(([open]) => text.includes(open))) return text;
  // UTF-16 code units: every mark is in the BMP, compared as a number (charAt would make a string of each
  // character). Each kind of mark is followed on its own.
  const inside = new Uint8Array(text.length);
  for (const [openMark, closeMark] of pairs) {
    const open = openMark.charCodeAt(0);
    const close = closeMark.charCodeAt(0);
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (open === close) {
        if (code === open) depth = depth ? 0 : 1;
        else if (depth) inside[i] = 1;
        continue;
      }
      if (code === open) depth++;
      else if (code === close && depth > 0) depth--;
      else if (depth > 0) inside[i] = 1;
    }
  }
  let masked = '';
  for (let i = 0; i < text.length;) {
    let kept = i;
    while (kept < text.length && inside[kept] !== 1) kept++;
    let blank = kept;
    while (blank < text.length && inside[blank] === 1) blank++;
    masked += text.slice(i, kept) + ' '.repeat(blank - kept);
    i = blank;
  }
  return masked;
}
