/**
 * @module The policy-instrument codebook (seeds/national/instrument-codebook.json): Rothwell and
 * Zegveld's three types and their sub-types, each with names, a definition, cue phrases and
 * patterns, read once and validated with zod.
 */
import { z } from 'zod';
import { IngestError } from '../../document.js';
import { readSeedJson, seedPath } from '../../link/seed-file.js';

export const INSTRUMENT_TYPES = ['supply', 'environment', 'demand'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

const named = { nameZh: z.string().min(1), nameEn: z.string().min(1), definition: z.string().min(1) };

const codebookSchema = z.object({
  version: z.number(),
  description: z.string(),
  /** Clauses of this form use only the one sub-type (the items of an inspection checklist). */
  questionClauses: z.object({ pattern: z.string().min(1), subType: z.string(), definition: z.string() }).optional(),
  types: z.array(z.object({ id: z.enum(INSTRUMENT_TYPES), ...named })),
  subTypes: z.array(
    z.object({
      id: z.string().regex(/^[a-z-]+$/),
      type: z.enum(INSTRUMENT_TYPES),
      ...named,
      cues: z.array(z.string().min(1)),
      patterns: z.array(z.string().min(1)).default([]),
      notWithin: z.array(z.string().min(1)).default([]),
      examples: z.array(z.string().min(1)).min(1),
    }),
  ),
});

export type Codebook = z.infer<typeof codebookSchema>;
export type SubTypeEntry = Codebook['subTypes'][number];

/** @param file @default seeds/national/instrument-codebook.json */
export function loadCodebook(file = seedPath('national/instrument-codebook.json')): Codebook {
  const codebook = readSeedJson(codebookSchema, file, 'bad-instrument-codebook');
  const ids = new Set<string>();
  for (const [index, entry] of codebook.subTypes.entries()) {
    if (ids.has(entry.id)) throw new IngestError(file, `subTypes.${index}.id: "${entry.id}" is given twice`, 'bad-instrument-codebook');
    ids.add(entry.id);
    for (const pattern of entry.patterns) {
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        throw new IngestError(file, `subTypes.${index}.patterns: ${(error as Error).message}`, 'bad-instrument-codebook');
      }
    }
  }
  const question = codebook.questionClauses;
  if (question && !ids.has(question.subType)) {
    throw new IngestError(file, `questionClauses.subType: "${question.subType}" is not a sub-type`, 'bad-instrument-codebook');
  }
  if (question) {
    try {
      new RegExp(question.pattern, 'u');
    } catch (error) {
      throw new IngestError(file, `questionClauses.pattern: ${(error as Error).message}`, 'bad-instrument-codebook');
    }
  }
  for (const type of INSTRUMENT_TYPES) {
    if (!codebook.types.some((entry) => entry.id === type))
      throw new IngestError(file, `types: "${type}" is missing`, 'bad-instrument-codebook');
  }
  return codebook;
}
