/**
 * @module DERIVES_FROM: a local task and the task of a parent document (national or provincial) it
 * breaks down. Local lists copy their parent's wording and quantify it, so shared phrases are the main
 * signal, weighted by how rare they are among the parent's tasks; glossary concepts catch the
 * abbreviated copies (集采 for 集中带量采购).
 */
import type { LinkEvidence, LinkKind } from '../../graph-schema/model.js';
import type { TaskLink } from '../document.js';
import { commonPhrases, indexPhrases } from './common-phrases.js';
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

/** Links each local task to the one or two parent tasks it derives from; targetId is the parent's path. */
export function linkToParentTasks(localTasks: LinkableTask[], parentTasks: LinkableTask[], options: ParentLinkOptions = {}): TaskLink[] {
  const { glossary, maxLinks = 2, relativeCutoff = 0.7, minRaw = 2, minPhraseLength = 4 } = options;
  if (parentTasks.length === 0) return [];
  const concepts = (glossary?.entries ?? []).map((entry) => formsOf(entry).sort((a, b) => b.length - a.length));
  /** For each glossary concept, the first of its forms the text contains (longest first). */
  const conceptFormsIn = (text: string) => concepts.map((forms) => forms.find((form) => text.includes(form)));
  const parents = parentTasks.map((parent) => {
    const masked = maskBoilerplate(parent.text);
    return { parent, masked, index: indexPhrases(masked, minPhraseLength), forms: conceptFormsIn(masked) };
  });
  // Which parents share a phrase start or a glossary concept with a task: the only ones worth comparing.
  const parentsByGram = new Map<string, number[]>();
  const parentsByConcept = concepts.map(() => [] as number[]);
  parents.forEach(({ index, forms }, position) => {
    for (const gram of index.grams.keys()) {
      const list = parentsByGram.get(gram);
      if (list) list.push(position);
      else parentsByGram.set(gram, [position]);
    }
    forms.forEach((form, concept) => form && parentsByConcept[concept]?.push(position));
  });
  const rarityMemo = new Map<string, number>();
  const rarity = (phrase: string) => {
    let value = rarityMemo.get(phrase);
    if (value === undefined) {
      const spread = parents.filter((p) => p.masked.includes(phrase)).length;
      value = Math.log(1 + parents.length / Math.max(1, spread)) / Math.log(1 + parents.length);
      rarityMemo.set(phrase, value);
    }
    return value;
  };

  const links: TaskLink[] = [];
  for (const task of localTasks) {
    const masked = maskBoilerplate(task.text);
    const localForms = conceptFormsIn(masked);
    const related = new Set<number>();
    for (let i = 0; i + minPhraseLength <= masked.length; i += 1) {
      for (const position of parentsByGram.get(masked.slice(i, i + minPhraseLength)) ?? []) related.add(position);
    }
    localForms.forEach((form, concept) => form && parentsByConcept[concept]?.forEach((position) => related.add(position)));
    const candidates: Candidate[] = [];
    for (const position of [...related].sort((a, b) => a - b)) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- positions are indices of parents (parents.forEach above)
      const { parent, masked: parentMasked, index, forms: parentForms } = parents[position]!;
      const evidence: Candidate['evidence'] = [];
      let raw = 0;
      let longest = 0;
      for (const phrase of commonPhrases(masked, index)) {
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
      for (const [concept, local] of localForms.entries()) {
        const national = parentForms[concept];
        if (!local || !national) continue;
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
        .filter((e) => isExactEvidence(e, task.text, candidate.parent.text))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 8)
        .sort((a, b) => a.localSpan.start - b.localSpan.start)
        .map(({ localText, localSpan, nationalText, nationalSpan }) => ({ localText, localSpan, nationalText, nationalSpan }));
      if (evidence.length === 0) continue;
      const kind: LinkKind = candidate.longest >= 12 ? 'verbatim' : candidate.longest >= 6 ? 'adapted' : 'paraphrase';
      links.push({
        taskPath: task.path,
        targetId: candidate.parent.path,
        relation: 'DERIVES_FROM',
        score: Math.round((candidate.raw / (candidate.raw + 4)) * 1000) / 1000,
        method: DERIVES_METHOD,
        kind,
        evidence,
        curated: false,
      });
    }
  }
  return links;
}
