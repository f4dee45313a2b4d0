/**
 * @module The catalogue turned into cues: every keyword of a national item, every glossary form of
 * it (集采 for 集中带量采购), and glossary patterns for local adaptations (健康枞阳行动). Each cue knows
 * the wording in the item's text that a match of it is evidence for.
 */
import type { Catalogue, CatalogueItem } from './catalogue.js';
import { entryFor, formsOf, type Glossary, type GlossaryEntry } from './glossary.js';
import { indexPhrases } from './common-phrases.js';
import { contentWords, wordBoundaries } from './segmenter.js';

export type CueStrength = 'strong' | 'weak';

export interface Cue {
  itemId: string;
  /** Glossary entry id, or `kw:` + the keyword: forms of one concept count once per item. */
  concept: string;
  strength: CueStrength;
  /** Weight after discounting wordings that several items share. */
  weight: number;
  /** Wording in the item's text that the match is evidence for. */
  national: string;
  literal: string | null;
  pattern: RegExp | null;
  /** Whether the item's title names this cue's concept (做实家庭医生签约服务 for 家庭医生团队). */
  namesItem: boolean;
  /** Contexts in which the wording is another word (GlossaryEntry.otherSenses); a match inside one is no cue. */
  otherSenses: readonly RegExp[];
}

export interface CueMatch {
  cue: Cue;
  start: number;
  end: number;
}

/** A cue matched as a wording, with that wording as a match compares it (see foldWidth). */
export type LiteralCue = Cue & { literal: string; folded: string };

/** A node of the trie of literal cues: the cues whose folded wording ends here, in catalogue order, and the nodes one code on. */
export interface CueTrie {
  cues: LiteralCue[];
  next: Map<number, CueTrie>;
}

export interface CueIndex {
  items: Map<string, CatalogueItem>;
  /** Literal cues by their folded wording, one UTF-16 code at a time: every cue a text position starts is found in one walk. */
  literals: CueTrie;
  patterns: Cue[];
  /** How many item texts contain a phrase (memoised). */
  phraseSpread: (phrase: string) => number;
  /**
   * Items whose text holds each PHRASE_MIN_LENGTH-gram, with where it starts there (in order): the only
   * items a shared phrase can come from, and the gram starts commonPhrases would find in each.
   */
  itemsByGram: Map<string, { itemId: string; starts: readonly number[] }[]>;
  /**
   * Whether some item's text may hold the PHRASE_MIN_LENGTH-gram of `text` at `start`: false when none
   * does (a hash filter of itemsByGram's grams), so most grams of a task are ruled out without being made.
   */
  mayHoldGram: (text: string, start: number) => boolean;
  /** Content words of each item's title and text, and how specific a word is: log(items / items using it). */
  itemWords: Map<string, Set<string>>;
  wordSpecificity: (word: string) => number;
  /**
   * Each word some item uses, numbered, with its specificity (as wordSpecificity gives it): one look-up
   * per word of a task, after which a word is weighed against each candidate item by its number.
   */
  wordInfo: Map<string, { id: number; specificity: number }>;
  /** The specificity of each word by its number. */
  specificityById: Float64Array;
  /** For each item, a flag per word number: 1 where its title or text uses the word (itemWords). */
  itemWordFlags: Map<string, Uint8Array>;
}

/**
 * log2 of the bits of the gram filter (512 KiB): of the grams no item holds, about 0.1% pass it with the
 * catalogue's four thousand grams, and still about 1% would with forty thousand.
 */
const GRAM_FILTER_BITS = 22;

/** A hash of the `length` code units of `text` at `start`, GRAM_FILTER_BITS bits wide. */
function gramHash(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < start + length; k += 1) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (hash ^ (hash >>> 12)) >>> (32 - GRAM_FILTER_BITS);
}

const BASE_WEIGHT: Record<CueStrength, number> = { strong: 1, weak: 0.35 };
/** A glossary form other than the keyword itself is a slightly weaker signal. */
const FORM_DISCOUNT = 0.85;
export const PHRASE_MIN_LENGTH = 5;

const cache = new WeakMap<Catalogue, WeakMap<Glossary, CueIndex>>();

export function cueIndexFor(catalogue: Catalogue, glossary: Glossary): CueIndex {
  let byGlossary = cache.get(catalogue);
  if (!byGlossary) cache.set(catalogue, (byGlossary = new WeakMap()));
  let index = byGlossary.get(glossary);
  if (!index) byGlossary.set(glossary, (index = buildCueIndex(catalogue, glossary)));
  return index;
}

function buildCueIndex(catalogue: Catalogue, glossary: Glossary): CueIndex {
  const cues: Cue[] = [];
  // One RegExp per pattern of an entry, shared by its cues, so findCues looks each up once per text.
  const compiled = new Map<GlossaryEntry, RegExp[]>();
  const otherSensesOf = (entry: GlossaryEntry) => {
    let patterns = compiled.get(entry);
    if (!patterns) compiled.set(entry, (patterns = entry.otherSenses.map((source) => new RegExp(source, 'gu'))));
    return patterns;
  };
  for (const item of catalogue.items) {
    const own = new Map<string, Cue>();
    const add = (cue: Cue) => {
      const key = cue.literal ?? `/${cue.pattern?.source ?? ''}/`;
      const previous = own.get(key);
      if (!previous || previous.weight < cue.weight) own.set(key, cue);
    };
    const strengths: [string, CueStrength][] = [
      ...item.keywords.map((k): [string, CueStrength] => [k, 'strong']),
      ...item.related.map((k): [string, CueStrength] => [k, 'weak']),
    ];
    for (const [keyword, strength] of strengths) {
      const entry = entryFor(glossary, keyword);
      const concept = entry ? entry.id : `kw:${keyword}`;
      const base = BASE_WEIGHT[strength];
      const namesItem = (entry ? formsOf(entry) : [keyword]).some((form) => item.titleZh.includes(form));
      const otherSenses = entry ? otherSensesOf(entry) : [];
      add({ itemId: item.id, concept, strength, weight: base, national: keyword, literal: keyword, pattern: null, namesItem, otherSenses });
      if (!entry) continue;
      for (const form of formsOf(entry)) {
        if (form === keyword) continue;
        const national = item.text.includes(form) ? form : keyword;
        add({
          itemId: item.id,
          concept,
          strength,
          weight: base * FORM_DISCOUNT,
          national,
          literal: form,
          pattern: null,
          namesItem,
          otherSenses,
        });
      }
      for (const source of entry.patterns) {
        add({
          itemId: item.id,
          concept,
          strength,
          weight: base * FORM_DISCOUNT,
          national: keyword,
          literal: null,
          pattern: new RegExp(source, 'gu'),
          namesItem,
          otherSenses,
        });
      }
    }
    cues.push(...own.values());
  }

  // A wording that cues several items says less about each of them.
  const spread = new Map<string, number>();
  for (const cue of cues) if (cue.literal) spread.set(cue.literal, (spread.get(cue.literal) ?? 0) + 1);
  for (const cue of cues) if (cue.literal) cue.weight /= Math.sqrt(spread.get(cue.literal) ?? 1);

  const literals: CueTrie = { cues: [], next: new Map() };
  for (const cue of cues) {
    if (cue.literal === null) continue;
    const literal: LiteralCue = Object.assign(cue, { literal: cue.literal, folded: foldWidth(cue.literal) });
    if (literal.folded === '') continue;
    let node = literals;
    for (let i = 0; i < literal.folded.length; i += 1) {
      const code = literal.folded.charCodeAt(i);
      let next = node.next.get(code);
      if (!next) node.next.set(code, (next = { cues: [], next: new Map() }));
      node = next;
    }
    node.cues.push(literal);
  }

  const phrases = new Map(catalogue.items.map((item) => [item.id, indexPhrases(item.text, PHRASE_MIN_LENGTH)]));
  const itemsByGram: CueIndex['itemsByGram'] = new Map();
  for (const [itemId, phraseIndex] of phrases) {
    for (const [gram, starts] of phraseIndex.grams) {
      const list = itemsByGram.get(gram);
      if (list) list.push({ itemId, starts });
      else itemsByGram.set(gram, [{ itemId, starts }]);
    }
  }
  const gramFilter = new Uint32Array(2 ** GRAM_FILTER_BITS / 32);
  for (const gram of itemsByGram.keys()) {
    const bit = gramHash(gram, 0, gram.length);
    gramFilter[bit >>> 5] = (gramFilter[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  const mayHoldGram = (text: string, start: number) => {
    const bit = gramHash(text, start, PHRASE_MIN_LENGTH);
    return ((gramFilter[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  };
  const texts = catalogue.items.map((item) => item.text);
  const spreadMemo = new Map<string, number>();
  const phraseSpread = (phrase: string) => {
    let count = spreadMemo.get(phrase);
    if (count === undefined) spreadMemo.set(phrase, (count = texts.filter((text) => text.includes(phrase)).length));
    return count;
  };

  const itemWords = new Map(catalogue.items.map((item) => [item.id, contentWords(`${item.titleZh}。${item.text}`)]));
  const itemsUsing = new Map<string, number>();
  for (const words of itemWords.values()) for (const word of words) itemsUsing.set(word, (itemsUsing.get(word) ?? 0) + 1);
  // Computed once per word: a task's words are weighed against every candidate item and clause.
  const specificity = new Map([...itemsUsing].map(([word, using]) => [word, Math.log(catalogue.items.length / using)]));
  const wordSpecificity = (word: string) => specificity.get(word) ?? 0;
  const wordInfo = new Map([...specificity].map(([word, value], id) => [word, { id, specificity: value }]));
  const specificityById = Float64Array.from(specificity.values());
  const itemWordFlags = new Map(
    [...itemWords].map(([itemId, words]) => {
      const flags = new Uint8Array(wordInfo.size);
      for (const word of words) flags[wordInfo.get(word)?.id ?? 0] = 1;
      return [itemId, flags];
    }),
  );

  return {
    itemWords,
    wordSpecificity,
    wordInfo,
    specificityById,
    itemWordFlags,
    mayHoldGram,
    items: new Map(catalogue.items.map((item) => [item.id, item])),
    literals,
    patterns: cues.filter((cue) => cue.pattern),
    phraseSpread,
    itemsByGram,
  };
}

/**
 * Chinese documents often print Latin symbols in their full-width forms ("＋" in "互联网＋医疗健康",
 * "／", "％", the Unicode block U+FF01–FF5E), and the normaliser folds only letters and digits. Each
 * full-width form U+FF01–FF5E folds to the ASCII character it stands for — one character for one, so
 * offsets into the text stay the same — on both sides of a match. The full-width brackets and
 * commas of a cue ("执业（助理）医师") fold alike on both sides, so they still match.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

const NONE: readonly LiteralCue[] = [];

/** The nodes one code on from a trie's root, by code: the first step of the walk from every position of a text. */
const rootSteps = new WeakMap<CueTrie, readonly (CueTrie | undefined)[]>();

function rootStepsOf(literals: CueTrie): readonly (CueTrie | undefined)[] {
  let steps = rootSteps.get(literals);
  if (!steps) {
    const table = new Array<CueTrie | undefined>(0x10000).fill(undefined);
    for (const [code, node] of literals.next) table[code] = node;
    rootSteps.set(literals, (steps = table));
  }
  return steps;
}

/** The literal cues whose folded wording `folded` has at `at`, the longest first, cues of one wording in catalogue order. */
export function literalCuesAt(folded: string, at: number, literals: CueTrie): readonly LiteralCue[] {
  return literalCuesFrom(folded, at, rootStepsOf(literals));
}

function literalCuesFrom(folded: string, at: number, rootSteps: readonly (CueTrie | undefined)[]): readonly LiteralCue[] {
  let found: LiteralCue[] | undefined;
  for (let node = rootSteps[folded.charCodeAt(at)], end = at + 1; node; node = node.next.get(folded.charCodeAt(end)), end += 1) {
    if (node.cues.length > 0) found = found ? [...node.cues, ...found] : node.cues;
  }
  return found ?? NONE;
}

const ASCII_WORD = /[A-Za-z0-9]/;
/**
 * A hospital's own name is a place name (ending in 省, 市, 县 or 区) followed by the kind of hospital:
 * 三明市中西医结合医院, 市中医医院. A cue inside such a name names one hospital (where, say, a key
 * specialty is built), not the reform its kind stands for.
 */
const PLACE_NAME_END = /[省市县区]/u;
const HOSPITAL = '医院';
const CJK = /[\u3400-\u9fff]/u;

/**
 * A list of capital construction projects (基本建设项目) names each project by the institution or building it
 * builds and closes with what is built: "市第二人民医院、市疾控中心、市中医医院、市急救中心…6个异地新建项目",
 * "市第一医院生态新城分院、市皮肤病业务综合楼等项目建设", "市疾控中心整体迁建项目". A cue inside such a name
 * names the site of a building project (the item of planning the resources, 区域卫生规划), not the reform its
 * institution stands for; "疾控中心标准化建设" is not a name of one, since the name must end in the
 * institution or building and run straight into the project.
 */
const PROJECT_SITE = '[^，。；：、和及等\\s\\t\\u0000]{1,24}?(?:医院|分院|中心|卫生院|院|站|所|楼)';
const PROJECT_LIST = new RegExp(
  `${PROJECT_SITE}(?:(?:、|和|及)${PROJECT_SITE})*等?(?:[0-9０-９一二三四五六七八九十]+(?:个|大))?(?:整体|异地)?(?:新建|迁建|改扩建|扩建|改建)?项目`,
  'gu',
);

/**
 * All cue matches in `text` (already masked). A match inside a longer match is dropped — 医疗集团
 * inside 县级医疗集团, 转诊 inside 有偿转诊, 绩效考核 inside 目标管理绩效考核 — and so is a short
 * Chinese cue that cuts through a word, or a Latin/number cue glued to other letters or digits.
 * `boundaries` are the text's word boundaries (see wordBoundaries) when the caller has them already, or
 * how to get them: only a short Chinese cue needs them, so a text without one is not cut into words.
 */
export function findCues(text: string, index: CueIndex, boundaries?: ReadonlySet<number> | (() => ReadonlySet<number>)): CueMatch[] {
  let wordEdges: ReadonlySet<number> | undefined;
  const boundariesOfText = () => (wordEdges ??= typeof boundaries === 'function' ? boundaries() : (boundaries ?? wordBoundaries(text)));
  const raw: CueMatch[] = [];
  const folded = foldWidth(text);
  const steps = rootStepsOf(index.literals);
  for (let i = 0; i < folded.length; i += 1) {
    for (const cue of literalCuesFrom(folded, i, steps)) raw.push({ cue, start: i, end: i + cue.folded.length });
  }
  for (const cue of index.patterns) {
    const { pattern } = cue;
    if (!pattern) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      if (match[0].length > 0) raw.push({ cue, start: match.index, end: match.index + match[0].length });
    }
  }

  // Where each wording of another sense lies in the text, found once per pattern.
  const otherSenseSpans = new Map<RegExp, [number, number][]>();
  const inOtherSense = (m: CueMatch) =>
    m.cue.otherSenses.some((pattern) => {
      let spans = otherSenseSpans.get(pattern);
      if (!spans) {
        pattern.lastIndex = 0;
        spans = [...text.matchAll(pattern)].map((found): [number, number] => [found.index, found.index + found[0].length]);
        otherSenseSpans.set(pattern, spans);
      }
      return spans.some(([start, end]) => start <= m.start && end >= m.end);
    });
  const acceptable = (m: CueMatch) => {
    if (inOtherSense(m)) return false;
    const literal = text.slice(m.start, m.end);
    if (ASCII_WORD.test(literal.charAt(0)) && m.start > 0 && ASCII_WORD.test(text.charAt(m.start - 1))) return false;
    if (ASCII_WORD.test(literal.charAt(literal.length - 1)) && ASCII_WORD.test(text.charAt(m.end))) return false;
    if (literal.length <= 2 && CJK.test(literal)) {
      const edges = boundariesOfText();
      return edges.has(m.start) && edges.has(m.end);
    }
    return true;
  };

  // Spans of hospital names a cue starts ("市|中西医结合医院"): no cue inside them counts.
  const hospitalNames = raw
    .filter((m) => m.start > 0 && PLACE_NAME_END.test(text.charAt(m.start - 1)))
    .map((m) => ({
      start: m.start,
      end: text.endsWith(HOSPITAL, m.end) ? m.end : text.startsWith(HOSPITAL, m.end) ? m.end + HOSPITAL.length : -1,
    }))
    .filter((name) => name.end > 0);
  // A project list closes with 项目 (PROJECT_LIST): a text without it has none, and is not scanned for one.
  const projectSites = text.includes('项目')
    ? [...text.matchAll(PROJECT_LIST)].map((found) => ({ start: found.index, end: found.index + found[0].length }))
    : [];
  const candidates = raw.filter(
    (m) =>
      acceptable(m) &&
      !hospitalNames.some((name) => name.start <= m.start && name.end >= m.end) &&
      !projectSites.some((site) => site.start <= m.start && site.end >= m.end),
  );
  return candidates.filter(
    (m) => !candidates.some((other) => other.start <= m.start && other.end >= m.end && other.end - other.start > m.end - m.start),
  );
}
