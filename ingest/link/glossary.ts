/**
 * @module The domain glossary (seeds/glossary.json): the wordings local documents use for one
 * reform concept — full form, abbreviation, local variant — with an English gloss. The linker treats
 * every form of an entry as the same concept (集采 = 集中带量采购, 医共体 = 紧密型县域医共体).
 */
import { z } from 'zod';
import { readSeedJson, seedPath } from './seed-file.js';

/** Regular expressions as source text, each checked to compile. */
const regularExpressions = z
  .array(
    z.string().refine((source) => {
      try {
        new RegExp(source, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression'),
  )
  .default([]);

export const glossaryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  term: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
  /** Regular expressions (source text) for local adaptations, e.g. 健康[\u4e00-\u9fa5]{2,3}行动 for 健康枞阳行动. */
  patterns: regularExpressions,
  /**
   * Regular expressions (source text) of the contexts in which a form of the entry is another word: 编制
   * of a staffing quota is also the verb "to draw up" ("预算编制", "编制本规划"). A form matched inside one
   * of them is not the concept.
   */
  otherSenses: regularExpressions,
  en: z.string().min(1),
  note: z.string().optional(),
});

export const glossarySchema = z
  .object({
    version: z.literal(1),
    description: z.string(),
    entries: z.array(glossaryEntrySchema).min(1),
  })
  .superRefine((glossary, ctx) => {
    const ids = new Set<string>();
    glossary.entries.forEach((entry, index) => {
      if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: `duplicate id ${entry.id}` });
      ids.add(entry.id);
    });
  });

export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/** Every literal form of an entry, the term first. */
export function formsOf(entry: GlossaryEntry): string[] {
  return [entry.term, ...entry.synonyms.filter((form) => form !== entry.term)];
}

/** Entry whose term or synonym is exactly `wording`, if any. */
export function entryFor(glossary: Glossary, wording: string): GlossaryEntry | undefined {
  return glossary.entries.find((entry) => entry.term === wording || entry.synonyms.includes(wording));
}

/** @param file @default seeds/glossary.json */
export function loadGlossary(file: string = seedPath('glossary.json')): Glossary {
  return readSeedJson(glossarySchema, file, 'BAD_GLOSSARY');
}
