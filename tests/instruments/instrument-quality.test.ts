/**
 * The instrument coder against the hand-labelled set: the held-out half must keep precision and
 * recall of at least 0.80 per top-level type (the bar of issue 17); the tuning half is held to the
 * same. Figures per sub-type are printed by `npm run eval`.
 */
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../ingest/analyse/instruments/codebook.js';
import { createInstrumentCoder } from '../../ingest/analyse/instruments/code-instruments.js';
import { judgeInstruments, loadLabelledInstruments, measureInstruments } from '../../ingest/analyse/instruments/evaluate-instruments.js';

const codebook = loadCodebook();
const units = loadLabelledInstruments(undefined, codebook);

describe('instrument coding against the hand-labelled set', () => {
  it('has at least 150 labelled items and measures, split into two halves by document', () => {
    expect(units.length).toBeGreaterThanOrEqual(150);
    const halvesOf = new Map<string, Set<string>>();
    for (const unit of units) halvesOf.set(unit.file, (halvesOf.get(unit.file) ?? new Set()).add(unit.half));
    expect([...halvesOf.values()].every((halves) => halves.size === 1)).toBe(true);
  });

  for (const half of ['held-out', 'tuning'] as const) {
    it(`keeps precision and recall of each top-level type at 0.80 or more on the ${half} half`, () => {
      const figures = measureInstruments(judgeInstruments(units.filter((unit) => unit.half === half), createInstrumentCoder(codebook)), codebook);
      for (const type of figures.byType) {
        expect(type.gold, `${type.label} has labels`).toBeGreaterThan(10);
        expect(type.precision, `${type.label} precision`).toBeGreaterThanOrEqual(0.8);
        expect(type.recall, `${type.label} recall`).toBeGreaterThanOrEqual(0.8);
      }
    });
  }
});
