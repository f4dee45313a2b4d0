/**
 * @module DERIVES_FROM: a local task and the task of a parent document (national or provincial) it
 * breaks down. Local lists copy their parent's wording and quantify it, so shared phrases are the main
 * signal, weighted by how rare they are among the parent's tasks; glossary concepts catch the
 * abbreviated copies (集采 for 集中带量采购).
 */
import { LRUCache } from 'lru-cache';
import type { LinkEvidence, LinkKind } from '../../graph-schema/model.js';
import type { TaskLink } from '../document.js';
import { forEachGramStart, hasBreak, maximalPhrases } from './common-phrases.js';
import { formsOf, type Glossary } from './glossary.js';
import type { LinkableTask } from './link-tasks.js';
import { isExactEvidence } from './link-tasks.js';
import { maskBoilerplate } from './mask-boilerplate.js';

export const DERIVES_METHOD = 'ngram+glossary@1';

export interface ParentLinkOptions {
  glossary?: Glossary;
  /** @default 2 */
  maxLinks?: number;
  /** @default 0.7 */
  relativeCutoff?: number;
  /** Least raw score (about two rare four-character phrases). @default 2 */
  minRaw?: number;
  /** @default 4 */
  minPhraseLength?: number;
}

interface Candidate {
  parent: LinkableTask;
  raw: number;
  longest: number;
  evidence: (LinkEvidence & { weight: number })[];
}

/** A list of parent tasks readied for linking: built once, since every county plan citing its city's plan links to the same tasks. */
interface ParentIndex {
  parents: { parent: LinkableTask; masked: string; forms: (string | undefined)[] }[];
  /**
   * Where each phrase-start gram occurs in the parents, by the gram's key (gramKeyAt): parent position and
   * offset one after the other, by position, then offset. Grams sharing a key are told apart with sameGram.
   */
  gramsAt: Map<number, number[]>;
  /** For each glossary concept, the parents using one of its forms. */
  parentsByConcept: number[][];
  /** How rare a phrase is among the parents, 0 to 1. */
  rarity: (phrase: string) => number;
  /** The links found for recently seen task texts, by options and text (see linksOfText). */
  recentLinks: LRUCache<string, readonly ParentLink[]>;
}

/** A link to a parent task as found for a task's text, before it is made a link of one task. */
type ParentLink = Omit<TaskLink, 'taskPath'>;

/**
 * Task texts whose links to one parent list are kept. A county copies its city's tasks and repeats
 * last year's items word for word, so a text linked once recurs in the documents that cite the same
 * parents; at most this many are kept per list, the one used least recently dropped first.
 */
const RECENT_TEXTS = 1_024;

/** A glossary's concepts, each as its forms longest first, and the forms by their first character. */
interface Concepts {
  forms: string[][];
  /** By the UTF-16 code of their first character, in a table: a code is looked up without making a string of it. */
  byFirstCode: readonly (string[] | undefined)[];
  /** The concepts each form is a form of, by position in `forms`. */
  conceptsOfForm: Map<string, number[]>;
}

const NO_FORMS: readonly string[] = [];

const NO_GLOSSARY = {};
const conceptsByGlossary = new WeakMap<object, Concepts>();
/** Recently used parent lists, by glossary, the least recently used dropped first; a few are enough for a run in document order. */
const parentIndexes = new WeakMap<object, LRUCache<string, ParentIndex>>();
const PARENT_INDEXES_KEPT = 4;

function conceptsOf(glossary: Glossary | undefined): Concepts {
  const key = glossary ?? NO_GLOSSARY;
  let concepts = conceptsByGlossary.get(key);
  if (concepts) return concepts;
  const forms = (glossary?.entries ?? []).map((entry) => formsOf(entry).sort((a, b) => b.length - a.length));
  const byFirstCode = new Array<string[] | undefined>(0x10000).fill(undefined);
  for (const form of new Set(forms.flat())) byFirstCode[form.charCodeAt(0)] = [...(byFirstCode[form.charCodeAt(0)] ?? []), form];
  const conceptsOfForm = new Map<string, number[]>();
  forms.forEach((conceptForms, concept) => {
    for (const form of conceptForms) conceptsOfForm.set(form, [...(conceptsOfForm.get(form) ?? []), concept]);
  });
  concepts = { forms, byFirstCode, conceptsOfForm };
  conceptsByGlossary.set(key, concepts);
  return concepts;
}

/** For each glossary concept, the first of its forms the text contains (longest first). */
function conceptFormsIn(text: string, { forms, byFirstCode, conceptsOfForm }: Concepts): (string | undefined)[] {
  const contained = new Set<string>();
  for (let i = 0; i < text.length; i += 1) {
    for (const form of byFirstCode[text.charCodeAt(i)] ?? NO_FORMS) if (text.startsWith(form, i)) contained.add(form);
  }
  // Only the concepts of a form the text contains can have one: the others are left undefined unread.
  const found = new Array<string | undefined>(forms.length).fill(undefined);
  for (const form of contained) {
    for (const concept of conceptsOfForm.get(form) ?? []) {
      found[concept] ??= forms[concept]?.find((conceptForm) => contained.has(conceptForm));
    }
  }
  return found;
}

/**
 * A number for the gram of `length` code units at `start`, so that a gram is looked up without making a
 * string of it (a task has a gram at nearly every character). Two grams may share a key: a reader of
 * ParentIndex.gramsAt keeps only the offsets where sameGram holds.
 */
function gramKeyAt(text: string, start: number, length: number): number {
  let key = 0;
  for (let k = 0; k < length; k += 1) key = (Math.imul(key, 0x9e3779b1) + text.charCodeAt(start + k)) | 0;
  return key;
}

/** Whether `a` at `aStart` and `b` at `bStart` hold the same `length` code units. */
function sameGram(a: string, aStart: number, b: string, bStart: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) if (a.charCodeAt(aStart + k) !== b.charCodeAt(bStart + k)) return false;
  return true;
}

function parentIndexFor(parentTasks: readonly LinkableTask[], glossary: Glossary | undefined, minPhraseLength: number): ParentIndex {
  let recent = parentIndexes.get(glossary ?? NO_GLOSSARY);
  if (!recent) parentIndexes.set(glossary ?? NO_GLOSSARY, (recent = new LRUCache({ max: PARENT_INDEXES_KEPT })));
  // Only a parent's path and text are read, so lists equal in those are linked to alike.
  const key = JSON.stringify([minPhraseLength, parentTasks.map(({ path, text }) => [path, text])]);
  let index = recent.get(key);
  if (!index) recent.set(key, (index = buildParentIndex(parentTasks, conceptsOf(glossary), minPhraseLength)));
  return index;
}

function buildParentIndex(parentTasks: readonly LinkableTask[], concepts: Concepts, minPhraseLength: number): ParentIndex {
  const parents = parentTasks.map((parent) => {
    const masked = maskBoilerplate(parent.text);
    return { parent, masked, forms: conceptFormsIn(masked, concepts) };
  });
  // Which parents share a phrase start or a glossary concept with a task: the only ones worth comparing.
  const gramsAt = new Map<number, number[]>();
  const parentsByConcept = concepts.forms.map(() => [] as number[]);
  parents.forEach(({ masked, forms }, position) => {
    forEachGramStart(masked, minPhraseLength, (start) => {
      const key = gramKeyAt(masked, start, minPhraseLength);
      const list = gramsAt.get(key);
      if (list) list.push(position, start);
      else gramsAt.set(key, [position, start]);
    });
    forms.forEach((form, concept) => form && parentsByConcept[concept]?.push(position));
  });
  const rarityMemo = new Map<string, number>();
  // The parents holding a phrase without a break character hold its first gram (gramsAt), so only those are read.
  const parentsHolding = (phrase: string): number => {
    if (phrase.length < minPhraseLength || hasBreak(phrase)) return parents.filter((p) => p.masked.includes(phrase)).length;
    const at = gramsAt.get(gramKeyAt(phrase, 0, minPhraseLength)) ?? [];
    let holding = 0;
    let lastRead = -1;
    for (let k = 0; k + 1 < at.length; k += 2) {
      const position = at[k] ?? -1;
      if (position === lastRead) continue; // one parent's starts follow each other
      const masked = parents[position]?.masked ?? '';
      if (!sameGram(phrase, 0, masked, at[k + 1] ?? 0, minPhraseLength)) continue; // another gram of the same key
      lastRead = position;
      if (masked.includes(phrase)) holding += 1;
    }
    return holding;
  };
  const rarity = (phrase: string) => {
    let value = rarityMemo.get(phrase);
    if (value === undefined) {
      const spread = parentsHolding(phrase);
      value = Math.log(1 + parents.length / Math.max(1, spread)) / Math.log(1 + parents.length);
      rarityMemo.set(phrase, value);
    }
    return value;
  };
  return { parents, gramsAt, parentsByConcept, rarity, recentLinks: new LRUCache({ max: RECENT_TEXTS }) };
}

/** Links each local task to the one or two parent tasks it derives from; targetId is the parent's path. */
export function linkToParentTasks(localTasks: LinkableTask[], parentTasks: LinkableTask[], options: ParentLinkOptions = {}): TaskLink[] {
  const { glossary, maxLinks = 2, relativeCutoff = 0.7, minRaw = 2, minPhraseLength = 4 } = options;
  if (parentTasks.length === 0 || localTasks.length === 0) return [];
  const index = parentIndexFor(parentTasks, glossary, minPhraseLength);
  const found = { concepts: conceptsOf(glossary), maxLinks, relativeCutoff, minRaw, minPhraseLength };
  return localTasks.flatMap((task) => linksOfText(task.text, index, found).map((link) => ({ taskPath: task.path, ...link })));
}

type FindOptions = Required<Pick<ParentLinkOptions, 'maxLinks' | 'relativeCutoff' | 'minRaw' | 'minPhraseLength'>> & { concepts: Concepts };

/** The links of a task to the parents of `index`, found from its text alone (a text found before is read from the index). */
function linksOfText(text: string, index: ParentIndex, options: FindOptions): readonly ParentLink[] {
  const key = JSON.stringify([options.maxLinks, options.relativeCutoff, options.minRaw, text]);
  let links = index.recentLinks.get(key);
  if (!links) index.recentLinks.set(key, (links = findLinksOfText(text, index, options)));
  return links;
}

function findLinksOfText(
  text: string,
  { parents, gramsAt, parentsByConcept, rarity }: ParentIndex,
  { concepts, maxLinks, relativeCutoff, minRaw, minPhraseLength }: FindOptions,
): ParentLink[] {
  const links: ParentLink[] = [];
  const masked = maskBoilerplate(text);
  const localForms = conceptFormsIn(masked, concepts);
  // The concepts the task names, by number: a task names few of the glossary's.
  const localConcepts: [number, string][] = [];
  localForms.forEach((form, concept) => {
    if (form !== undefined) localConcepts.push([concept, form]);
  });
  // The gram starts each parent shares with the task, in the order of the task's offsets, then the parent's.
  const sharedStarts = new Map<number, number[]>();
  forEachGramStart(masked, minPhraseLength, (start) => {
    const at = gramsAt.get(gramKeyAt(masked, start, minPhraseLength));
    if (at === undefined) return;
    for (let k = 0; k + 1 < at.length; k += 2) {
      const position = at[k] ?? 0;
      const offset = at[k + 1] ?? 0;
      if (!sameGram(masked, start, parents[position]?.masked ?? '', offset, minPhraseLength)) continue;
      const list = sharedStarts.get(position);
      if (list) list.push(start, offset);
      else sharedStarts.set(position, [start, offset]);
    }
  });
  const related = new Set<number>(sharedStarts.keys());
  for (const [concept] of localConcepts) parentsByConcept[concept]?.forEach((position) => related.add(position));
  const candidates: Candidate[] = [];
  for (const position of [...related].sort((a, b) => a - b)) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- positions are indices of parents (parents.forEach above)
    const { parent, masked: parentMasked, forms: parentForms } = parents[position]!;
    const evidence: Candidate['evidence'] = [];
    let raw = 0;
    let longest = 0;
    for (const phrase of maximalPhrases(masked, parentMasked, sharedStarts.get(position) ?? [], minPhraseLength)) {
      const weight = (phrase.text.length - minPhraseLength + 1) * rarity(phrase.text);
      raw += weight;
      longest = Math.max(longest, phrase.text.length);
      evidence.push({
        localText: phrase.text,
        localSpan: { start: phrase.a, end: phrase.a + phrase.text.length },
        nationalText: phrase.text,
        nationalSpan: { start: phrase.b, end: phrase.b + phrase.text.length },
        weight,
      });
    }
    for (const [concept, local] of localConcepts) {
      const national = parentForms[concept];
      if (!national) continue;
      const localStart = masked.indexOf(local);
      const nationalStart = parentMasked.indexOf(national);
      if (evidence.some((e) => e.localSpan.start <= localStart && e.localSpan.end >= localStart + local.length)) continue;
      const weight = rarity(national);
      raw += weight;
      evidence.push({
        localText: local,
        localSpan: { start: localStart, end: localStart + local.length },
        nationalText: national,
        nationalSpan: { start: nationalStart, end: nationalStart + national.length },
        weight,
      });
    }
    if (raw >= minRaw) candidates.push({ parent, raw, longest, evidence });
  }
  candidates.sort((a, b) => b.raw - a.raw);
  const best = candidates[0]?.raw ?? 0;
  for (const candidate of candidates.filter((c) => c.raw >= best * relativeCutoff).slice(0, maxLinks)) {
    const evidence = candidate.evidence
      .filter((e) => isExactEvidence(e, text, candidate.parent.text))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 8)
      .sort((a, b) => a.localSpan.start - b.localSpan.start)
      .map(({ localText, localSpan, nationalText, nationalSpan }) => ({ localText, localSpan, nationalText, nationalSpan }));
    if (evidence.length === 0) continue;
    const kind: LinkKind = candidate.longest >= 12 ? 'verbatim' : candidate.longest >= 6 ? 'adapted' : 'paraphrase';
    links.push({
      targetId: candidate.parent.path,
      relation: 'DERIVES_FROM',
      score: Math.round((candidate.raw / (candidate.raw + 4)) * 1000) / 1000,
      method: DERIVES_METHOD,
      kind,
      evidence,
      curated: false,
    });
  }
  return links;
}
