/**
 * @module `npm run corpus -- --jurisdictions N --seed S [--years Y] [--out DIR]`: writes a deterministic
 * synthetic corpus of health-reform task lists, one .txt per jurisdiction (per jurisdiction and year,
 * each year's list drifting from the last's), that `npm run ingest` reads.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeCorpus } from './corpus/generate-corpus.js';

const args = z.object({
  jurisdictions: z.coerce.number().int().min(1).max(3300),
  seed: z.coerce.number().int().min(0),
  years: z.coerce.number().int().min(1).max(30),
  out: z.string().min(1).optional(),
  seeds: z.string().min(1),
});

function main(): number {
  const { values } = parseArgs({
    options: {
      jurisdictions: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string', default: '1' },
      out: { type: 'string' },
      seeds: { type: 'string', default: 'seeds' },
    },
  });
  const parsed = args.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    process.stderr.write(`corpus: --${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}\n`);
    process.stderr.write('usage: npm run corpus -- --jurisdictions N --seed S [--years Y] [--out DIR] [--seeds DIR]\n');
    return 2;
  }
  const { jurisdictions, seed, seeds, years } = parsed.data;
  const out = parsed.data.out ?? `data/corpus/n${jurisdictions}${years > 1 ? `-y${years}` : ''}-s${seed}`;
  const started = performance.now();
  const manifest = writeCorpus(out, { jurisdictions, seed, seedsDir: seeds, years });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${manifest.documents} documents in ${out} (${seconds} s): ${manifest.units} tasks and sub-measures ` +
      `(${manifest.sections} sections, ${manifest.items} items, ${manifest.measures} sub-measures)\n`,
  );
  return 0;
}

process.exitCode = main();
