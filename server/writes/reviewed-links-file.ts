/**
 * @module Appends a curation decision to the reviewed-links file (seeds/reviewed-links.json),
 * which every ingest applies, so the decision outlives the next re-ingest. The file is validated
 * before and after, and replaced by a rename so a crash leaves either the old or the new file.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { reviewedLinksSchema, type ReviewedLink } from '../../ingest/link/reviewed-links.js';

const EMPTY = {
  version: 1 as const,
  description: "Researchers' decisions on IMPLEMENTS links, applied on every ingest.",
  entries: [] as ReviewedLink[],
};

export async function appendReviewedLink(file: string, entry: ReviewedLink): Promise<void> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  });
  const current = text === null ? EMPTY : reviewedLinksSchema.parse(JSON.parse(text));
  const next = reviewedLinksSchema.parse({ ...current, entries: [...current.entries, entry] });
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
