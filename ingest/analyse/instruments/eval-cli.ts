/**
 * @module The instruments part of `npm run eval`: precision and recall of the instrument coder per
 * top-level type and per sub-type against the hand-labelled set, tuning and held-out halves apart.
 * `--verbose` lists every unit where coder and labels differ.
 */
import { loadCodebook } from './codebook.js';
import { createInstrumentCoder } from './code-instruments.js';
import { judgeInstruments, loadLabelledInstruments, measureInstruments, type LabelFigures } from './evaluate-instruments.js';

const verbose = process.argv.includes('--verbose');
const codebook = loadCodebook();
const coder = createInstrumentCoder(codebook);
const units = loadLabelledInstruments(undefined, codebook);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (f: LabelFigures) =>
  `    ${f.label.padEnd(24)} ${pct(f.precision).padStart(6)} / ${pct(f.recall).padStart(6)}  (${f.gold} labelled / ${f.predicted} coded / ${f.correct} both)`;

const lines: string[] = [];
for (const half of ['tuning', 'held-out'] as const) {
  const judged = judgeInstruments(
    units.filter((unit) => unit.half === half),
    coder,
  );
  const figures = measureInstruments(judged, codebook);
  lines.push(
    `instruments, ${half} half: ${figures.units} items and measures; micro precision ${pct(figures.micro.precision)}  recall ${pct(figures.micro.recall)}`,
    '  per type (precision / recall):',
    ...figures.byType.map(row),
    '  per sub-type (precision / recall):',
    ...figures.bySubType.map(row),
  );
  if (verbose) {
    for (const { unit, predicted } of judged) {
      const missing = unit.subTypes.filter((id) => !predicted.includes(id));
      const extra = predicted.filter((id) => !unit.subTypes.includes(id));
      if (missing.length > 0 || extra.length > 0) {
        lines.push(
          `  ${unit.file} ${unit.path}: missing ${missing.join(' ') || '-'}; extra ${extra.join(' ') || '-'}\n    ${unit.text.slice(0, 120)}`,
        );
      }
    }
  }
}
process.stdout.write(lines.join('\n') + '\n');
