/**
 * @module The coder judged against the hand-labelled set (tests/instruments/labelled-instruments.json):
 * precision and recall over (unit, label) pairs, per top-level type (a unit uses a type when it uses
 * any of its sub-types) and per sub-type, for each half of the set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Codebook } from './codebook.js';
import type { InstrumentCoder } from './code-instruments.js';

const labelledSetSchema = z.object({
  units: z.array(
    z.object({
      file: z.string(),
      path: z.string(),
      half: z.enum(['tuning', 'held-out']),
      text: z.string().min(1),
      subTypes: z.array(z.string()),
    }),
  ),
});
export type LabelledUnit = z.infer<typeof labelledSetSchema>['units'][number];

export const LABELLED_SET = 'tests/instruments/labelled-instruments.json';

export function loadLabelledInstruments(file = LABELLED_SET, codebook?: Codebook): LabelledUnit[] {
  if (!existsSync(file)) throw new Error(`${file}: the labelled instrument set is missing`);
  const { units } = labelledSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const known = new Set(codebook?.subTypes.map((entry) => entry.id));
  for (const unit of units) {
    const unknown = codebook ? unit.subTypes.filter((id) => !known.has(id)) : [];
    if (unknown.length > 0) throw new Error(`${file}: ${unit.file} ${unit.path} has sub-types the codebook lacks: ${unknown.join(', ')}`);
  }
  return units;
}

export interface LabelFigures {
  label: string;
  /** Units labelled with it, units coded with it, units both. */
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface InstrumentFigures {
  units: number;
  byType: LabelFigures[];
  bySubType: LabelFigures[];
  /** Over every (unit, sub-type) pair. */
  micro: { precision: number; recall: number };
}

export interface JudgedInstrumentUnit {
  unit: LabelledUnit;
  predicted: string[];
}

/** No prediction is no wrong prediction; no gold label is nothing to miss. */
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function figuresFor(labels: readonly string[], pairs: readonly { gold: Set<string>; predicted: Set<string> }[]): LabelFigures[] {
  return labels.map((label) => {
    let gold = 0;
    let predicted = 0;
    let correct = 0;
    for (const pair of pairs) {
      const inGold = pair.gold.has(label);
      const inPredicted = pair.predicted.has(label);
      if (inGold) gold++;
      if (inPredicted) predicted++;
      if (inGold && inPredicted) correct++;
    }
    return { label, gold, predicted, correct, precision: ratio(correct, predicted), recall: ratio(correct, gold) };
  });
}

export function judgeInstruments(units: readonly LabelledUnit[], coder: InstrumentCoder): JudgedInstrumentUnit[] {
  return units.map((unit) => ({ unit, predicted: coder.code(unit.text).map((use) => use.subType) }));
}

export function measureInstruments(judged: readonly JudgedInstrumentUnit[], codebook: Codebook): InstrumentFigures {
  const typeOf = new Map(codebook.subTypes.map((entry) => [entry.id, entry.type]));
  const types = (ids: readonly string[]) => new Set(ids.map((id) => typeOf.get(id) ?? id));
  const subTypePairs = judged.map(({ unit, predicted }) => ({ gold: new Set(unit.subTypes), predicted: new Set(predicted) }));
  const typePairs = judged.map(({ unit, predicted }) => ({ gold: types(unit.subTypes), predicted: types(predicted) }));
  const bySubType = figuresFor(
    codebook.subTypes.map((entry) => entry.id),
    subTypePairs,
  );
  const total = bySubType.reduce(
    (sum, f) => ({ gold: sum.gold + f.gold, predicted: sum.predicted + f.predicted, correct: sum.correct + f.correct }),
    { gold: 0, predicted: 0, correct: 0 },
  );
  return {
    units: judged.length,
    byType: figuresFor(
      codebook.types.map((entry) => entry.id),
      typePairs,
    ),
    bySubType,
    micro: { precision: ratio(total.correct, total.predicted), recall: ratio(total.correct, total.gold) },
  };
}
