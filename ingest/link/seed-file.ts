/**
 * @module Reading a JSON seed file and validating it with zod, so that every seed loader fails the
 * same way: an `IngestError` naming the file and the first offending path.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { IngestError } from '../document.js';

/** Absolute path of a file under the repository's `seeds/` folder. */
export function seedPath(relative: string): string {
  return fileURLToPath(new URL(`../../seeds/${relative}`, import.meta.url));
}

/** Parses `data` with `schema`; a mismatch becomes an `IngestError` with code `code`. */
export function parseSeed<S extends z.ZodType>(schema: S, data: unknown, file: string, code: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new IngestError(file, `${where}: ${issue?.message ?? 'invalid'}`, code);
  }
  return result.data;
}

export function readSeedJson<S extends z.ZodType>(schema: S, file: string, code: string): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IngestError(file, `cannot read JSON: ${(error as Error).message}`, code);
  }
  return parseSeed(schema, data, file, code);
}
