import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from './codebook.js';
import { createInstrumentCoder, maskedSpans, splitClauses } from './code-instruments.js';

const codebook = loadCodebook();
const coder = createInstrumentCoder(codebook);
const subTypesOf = (text: string) => coder.code(text).map((use) => use.subType);

describe('the instrument codebook', () => {
  it('names every sub-type in Chinese and English under one of the three types', () => {
    expect(codebook.subTypes.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([
        'talent',
        'funding',
        'infrastructure',
        'technology-information',
        'public-service',
        'goal-planning',
        'regulation',
        'assessment-supervision',
        'finance-tax',
        'strategic-measures',
        'government-procurement',
        'pilot-demonstration',
        'insurance-payment-price',
        'publicity',
      ]),
    );
    expect(codebook.subTypes.find((entry) => entry.id === 'government-procurement')).toMatchObject({
      type: 'demand',
      nameZh: '政府购买服务',
    });
  });

  it('codes every example of the codebook with its own sub-type', () => {
    for (const entry of codebook.subTypes) {
      for (const example of entry.examples) expect(subTypesOf(example), `${entry.id}: ${example}`).toContain(entry.id);
    }
  });

  it('refuses a codebook with a broken pattern, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codebook-'));
    const file = join(dir, 'codebook.json');
    const broken = { ...codebook, subTypes: [{ ...codebook.subTypes[0]!, patterns: ['(unclosed'] }] };
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadCodebook(file)).toThrow(/codebook\.json.*patterns/);
  });
});

describe('coding a task', () => {
  it('gives evidence that is the exact text at its span, inside its clause', () => {
    const text = '加大财政投入，开展药品集中带量采购。加强人才培养；到2025年基层诊疗量占比达到65%以上。';
    const uses = coder.code(text);
    expect(uses.map((use) => use.subType).sort()).toEqual(['funding', 'goal-planning', 'government-procurement', 'talent']);
    for (const use of uses) {
      for (const evidence of use.evidence) {
        expect(text.slice(evidence.span.start, evidence.span.end)).toBe(evidence.text);
        expect(evidence.clause.start).toBeLessThanOrEqual(evidence.span.start);
        expect(evidence.span.end).toBeLessThanOrEqual(evidence.clause.end);
      }
    }
    expect(uses.find((use) => use.subType === 'funding')?.evidence.map((e) => e.text)).toEqual(['财政投入']);
  });

  it('codes one clause with every instrument it uses', () => {
    expect(subTypesOf('推进按病种付费试点。').sort()).toEqual(['insurance-payment-price', 'pilot-demonstration']);
  });

  it('reads nothing from the responsibility note of a task list', () => {
    const text = '推进家庭医生签约服务。（责任单位：县财政局、县人力资源社会保障局、县医保局）';
    expect(subTypesOf(text)).toEqual(['public-service']);
    expect(maskedSpans(text)).toEqual([{ start: 11, end: text.length }]);
  });

  it('reads nothing from the title of a cited document', () => {
    expect(subTypesOf('贯彻落实《医疗保障基金使用监督管理条例》。')).toEqual([]);
  });

  it('does not take a cue inside a longer phrase that means something else', () => {
    // 考核合格 is passing an examination, not appraisal by the government.
    expect(subTypesOf('经考核合格后，执业注册可以申请增加注册全科医学。')).not.toContain('assessment-supervision');
    expect(subTypesOf('加强对医疗机构的考核。')).toContain('assessment-supervision');
  });

  it('codes an item of an inspection checklist as supervision only', () => {
    expect(subTypesOf('是否为非定点零售药店进行医保费用结算；')).toEqual(['assessment-supervision']);
  });

  it('splits clauses at 。and ；', () => {
    expect(splitClauses('甲。乙；丙')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
  });

  it('answers the same text from memory with the same result', () => {
    const text = '加强宣传引导。';
    expect(coder.code(text)).toBe(coder.code(text));
  });
});
