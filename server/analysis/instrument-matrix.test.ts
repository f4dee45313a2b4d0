import { describe, expect, it } from 'vitest';
import { createInstrumentCoder, loadCodebook } from '../../ingest/analyse/instruments/index.js';
import { buildInstrumentMatrix } from './instrument-matrix.js';

const codebook = loadCodebook();
const coder = createInstrumentCoder(codebook);
const nationalItems = [
  { id: 'drug-supply.procurement', pillar: 'drug-supply', pillarZh: '药品供应保障', pillarEn: 'Drug supply' },
  { id: 'medical-insurance.payment', pillar: 'medical-insurance', pillarZh: '医疗保障', pillarEn: 'Medical insurance' },
];

describe('the instruments × reform areas matrix', () => {
  const matrix = buildInstrumentMatrix({
    tasks: [
      { id: 't1', text: '开展药品集中带量采购，推进按病种付费。' },
      { id: 't2', text: '开展药品集中带量采购。' },
      { id: 't3', text: '加强宣传引导。' },
    ],
    links: [
      { taskId: 't1', nationalItemId: 'drug-supply.procurement' },
      { taskId: 't1', nationalItemId: 'medical-insurance.payment' },
      { taskId: 't2', nationalItemId: 'drug-supply.procurement' },
    ],
    nationalItems,
    codebook,
    coder,
  });
  const cell = (subType: string, pillar: string) =>
    matrix.counts[codebook.subTypes.findIndex((entry) => entry.id === subType)]![matrix.pillars.findIndex((entry) => entry.id === pillar)];

  it('counts a task in the column of every pillar it implements', () => {
    expect(cell('government-procurement', 'drug-supply')).toBe(2);
    expect(cell('government-procurement', 'medical-insurance')).toBe(1);
    expect(cell('insurance-payment-price', 'drug-supply')).toBe(1);
  });

  it('keeps tasks that implement nothing in the totals and counts them apart', () => {
    expect(matrix.totals[codebook.subTypes.findIndex((entry) => entry.id === 'publicity')]).toBe(1);
    expect(cell('publicity', 'drug-supply')).toBe(0);
    expect(matrix.unlinkedTaskCount).toBe(1);
    expect(matrix.taskCount).toBe(3);
  });
});
