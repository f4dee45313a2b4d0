/**
 * @module Policy-instrument coding of a task's text: clause by clause, every sub-type of the codebook
 * whose cue phrases or patterns occur in the clause, with the matched words as evidence (exact
 * substrings, offsets into the text), then gathered per sub-type for the task. Multi-label: a clause
 * may use several instruments.
 */
import { RESPONSIBILITY_NOTE } from '../../responsibility-notes.js';
import type { Codebook, InstrumentType, SubTypeEntry } from './codebook.js';

export interface TextSpan {
  start: number;
  end: number;
}

export interface InstrumentEvidence {
  /** The cue as it stands in the text: text.slice(span.start, span.end). */
  text: string;
  span: TextSpan;
  /** The clause the cue stands in. */
  clause: TextSpan;
}

export interface InstrumentUse {
  type: InstrumentType;
  subType: string;
  typeNameZh: string;
  typeNameEn: string;
  nameZh: string;
  nameEn: string;
  /** In text order. */
  evidence: InstrumentEvidence[];
}

/**
 * Clauses end at 。；;！？ and at line ends: a Chinese provision states one measure per sentence or
 * semicolon-separated clause ("加强…；完善…。").
 */
export function splitClauses(text: string): TextSpan[] {
  const clauses: TextSpan[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[。；;！？!?\n]/u.test(text[i] ?? '')) {
      const end = i === text.length ? i : i + 1;
      if (text.slice(start, end).trim().length > 0) clauses.push({ start, end });
      start = end;
    }
  }
  return clauses;
}

/**
 * Spans whose words do not state a measure of this task:
 * - a responsibility note (responsibility-notes.ts) in brackets after the task, as task lists print them
 *   ("（责任单位：县财政局…）", "〔市卫生计生委…负责〕", "〔责任领导：…；责任单位：…〕"): it names bodies
 *   ("县财政局") whose names contain cue words;
 * - the title of a cited document between 《》 ("落实《三明市居民营养计划》"), which names a document,
 *   not what this task does.
 */
export function maskedSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(/《[^《》]*》/gu)) spans.push({ start: match.index, end: match.index + match[0].length });
  for (const match of text.matchAll(/[（(〔［[][^（()）〔〕［］[\]]*(?:[（(][^）)]*[）)][^（()）〔〕［］[\]]*)*[）)〕］\]]/gu)) {
    if (RESPONSIBILITY_NOTE.test(match[0])) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

interface CompiledSubType {
  entry: SubTypeEntry;
  typeNameZh: string;
  typeNameEn: string;
  matchers: RegExp[];
  notWithin: string[];
}

const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(codebook: Codebook): CompiledSubType[] {
  return codebook.subTypes.map((entry) => {
    const type = codebook.types.find((candidate) => candidate.id === entry.type);
    return {
      entry,
      typeNameZh: type?.nameZh ?? entry.type,
      typeNameEn: type?.nameEn ?? entry.type,
      // Patterns may anchor at the clause start (^是否), so each clause is matched on its own.
      matchers: [...entry.cues.map(escape), ...entry.patterns].map((source) => new RegExp(source, 'gu')),
      notWithin: entry.notWithin,
    };
  });
}

/** Whether [start, end) of `clause` lies inside an occurrence of one of `phrases`. */
function insideAny(clause: string, start: number, end: number, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => {
    for (let at = clause.indexOf(phrase); at >= 0; at = clause.indexOf(phrase, at + 1)) {
      if (at <= start && end <= at + phrase.length) return true;
    }
    return false;
  });
}

function overlaps(span: TextSpan, masks: readonly TextSpan[]): boolean {
  return masks.some((mask) => span.start < mask.end && mask.start < span.end);
}

export interface InstrumentCoder {
  code(text: string): InstrumentUse[];
}

/**
 * A coder over one codebook. `memoSize` results are kept by text, so asking for the instruments of
 * the same task again (another field, another request) costs a map lookup.
 * @param options.memoSize @default 20000
 */
export function createInstrumentCoder(codebook: Codebook, { memoSize = 20_000 } = {}): InstrumentCoder {
  const compiled = compile(codebook);
  const question = codebook.questionClauses;
  const questionPattern = question ? new RegExp(question.pattern, 'u') : null;
  const memo = new Map<string, InstrumentUse[]>();
  const codeFresh = (text: string): InstrumentUse[] => {
    const masks = maskedSpans(text);
    const uses: InstrumentUse[] = [];
    for (const subType of compiled) {
      const evidence: InstrumentEvidence[] = [];
      for (const clause of splitClauses(text)) {
        const clauseText = text.slice(clause.start, clause.end);
        const questionMatch = questionPattern?.exec(clauseText.trimStart());
        if (questionMatch && subType.entry.id !== question?.subType) continue;
        if (questionMatch) {
          const words = questionMatch[0];
          const start = clause.start + clauseText.length - clauseText.trimStart().length;
          evidence.push({ text: words, span: { start, end: start + words.length }, clause });
          continue;
        }
        const found: TextSpan[] = [];
        for (const matcher of subType.matchers) {
          matcher.lastIndex = 0;
          for (const match of clauseText.matchAll(matcher)) {
            if (match[0].length === 0) continue;
            const local = { start: match.index, end: match.index + match[0].length };
            const span = { start: clause.start + local.start, end: clause.start + local.end };
            if (overlaps(span, masks) || insideAny(clauseText, local.start, local.end, subType.notWithin)) continue;
            // A shorter cue inside a longer one already found (信息 in 信息平台) is the same evidence.
            if (found.some((other) => other.start <= span.start && span.end <= other.end)) continue;
            for (let i = found.length - 1; i >= 0; i--) {
              // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i runs over found's indices
              const other = found[i]!;
              if (span.start <= other.start && other.end <= span.end) found.splice(i, 1);
            }
            found.push(span);
          }
        }
        found.sort((a, b) => a.start - b.start);
        for (const span of found) evidence.push({ text: text.slice(span.start, span.end), span, clause });
      }
      if (evidence.length > 0) {
        uses.push({
          type: subType.entry.type,
          subType: subType.entry.id,
          typeNameZh: subType.typeNameZh,
          typeNameEn: subType.typeNameEn,
          nameZh: subType.entry.nameZh,
          nameEn: subType.entry.nameEn,
          evidence,
        });
      }
    }
    return uses;
  };
  return {
    code(text) {
      const known = memo.get(text);
      if (known) return known;
      const uses = codeFresh(text);
      if (memo.size >= memoSize) memo.clear();
      memo.set(text, uses);
      return uses;
    },
  };
}
