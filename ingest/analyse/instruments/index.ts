/** @module Policy-instrument coding: the codebook, the coder and one shared coder over the seed codebook. */
import { loadCodebook, type Codebook } from './codebook.js';
import { createInstrumentCoder, type InstrumentCoder } from './code-instruments.js';

export * from './codebook.js';
export * from './code-instruments.js';

let shared: { codebook: Codebook; coder: InstrumentCoder } | null = null;

/** The codebook of seeds/national and a coder over it, read on first use and kept (with its memo). */
export function sharedInstrumentCoder(): { codebook: Codebook; coder: InstrumentCoder } {
  if (!shared) {
    const codebook = loadCodebook();
    shared = { codebook, coder: createInstrumentCoder(codebook) };
  }
  return shared;
}
