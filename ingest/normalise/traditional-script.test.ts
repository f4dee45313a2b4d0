import { readdirSync, readFileSync } from 'node:fs';
import { ConverterFactory } from 'opencc-js/core';
import CJK_COMPATIBILITY_IDEOGRAPHS from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import ST_CHARACTERS from 'opencc-js/dict/STCharacters';
import ST_PHRASES from 'opencc-js/dict/STPhrases';
import ST_REGIONAL_PHRASES from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TW_VARIANTS from 'opencc-js/dict/TWVariants';
import TW_VARIANTS_PHRASES from 'opencc-js/dict/TWVariantsPhrases';
import { describe, expect, it } from 'vitest';
import type { LinkedDoc } from '../document.js';
import { loadStageContext, processDocument } from '../pipeline.js';
import { readSource } from '../read/index.js';
import { isTraditional, simplified } from './traditional-script.js';

/** What a reader sees of a processed document: its metadata, and per task its title, agencies, targets, deadline and links. */
function outcome(doc: LinkedDoc) {
  const { title, docNumber, issuedOn, jurisdictionId } = doc.meta;
  return {
    meta: { title, docNumber, issuedOn, jurisdictionId },
    tasks: doc.tasks.map((task) => ({
      path: task.path,
      title: task.title,
      agencies: task.agencies.map(({ name, role }) => `${name} ${role}`),
      targets: task.targets.map(({ metric, op, value, unit }) => [metric, op, value, unit].join(' ')),
      deadline: task.deadline?.date ?? null,
      links: doc.links.filter((link) => link.taskPath === task.path).map((link) => `${link.targetId} ${link.score}`),
    })),
  };
}

/** OpenCC's mainland → Taiwan conversion (its s2tw chain), as a portal's 繁體 view prints a page: 縣衛生健康委, 醫保局, 號. */
const toTraditional = ConverterFactory(
  [CJK_COMPATIBILITY_IDEOGRAPHS],
  [ST_PHRASES, ST_REGIONAL_PHRASES, ST_CHARACTERS],
  [TW_VARIANTS_PHRASES, TW_VARIANTS],
);

describe('a document in traditional characters', () => {
  it('is read in simplified ones, phrase by phrase, one character for one', () => {
    const text = '衞生健康委員會、縣醫保局按職責分工負責，成效顯著。著名專家';
    expect(simplified(text)).toBe('卫生健康委员会、县医保局按职责分工负责，成效显著。著名专家');
    expect(simplified(text)).toHaveLength(text.length);
    // 㗲's simplified form, 𠵾, is two UTF-16 units: it stays, and the rest of its run is still converted.
    expect(simplified('醫療㗲衛生')).toBe('医疗㗲卫生');
  });

  it('is told apart from a simplified one, which may hold a traditional form or two (著 of 显著)', () => {
    const simplifiedTexts = ['seeds', 'tests/fixtures/real'].flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => readFileSync(`${dir}/${name}`, 'utf8')),
    );
    expect(simplifiedTexts.length).toBeGreaterThan(20);
    expect(simplifiedTexts.filter(isTraditional)).toEqual([]);
    expect(simplifiedTexts.filter((text) => !isTraditional(toTraditional(text)))).toEqual([]);
  });

  it('gives the title, number, place, agencies, targets, deadlines and links its simplified original gives', async () => {
    const context = await loadStageContext('seeds');
    const original = readFileSync('seeds/002_c6b286a5770366cf.txt', 'utf8');
    const traditional = toTraditional(original);
    expect(traditional).not.toBe(original);
    const process = async (text: string) =>
      processDocument({ source: await readSource('plan.txt', new TextEncoder().encode(text)), messages: [] }, context);
    const [fromOriginal, fromTraditional] = [await process(original), await process(traditional)];
    expect(outcome(fromTraditional)).toEqual(outcome(fromOriginal));
    expect(fromOriginal.tasks.filter((task) => task.agencies.length > 0).length).toBeGreaterThan(10);
    expect(fromTraditional.messages.filter((message) => message.code === 'traditional-script')).toHaveLength(1);
    expect(fromOriginal.messages.filter((message) => message.code === 'traditional-script')).toEqual([]);
  });
});
