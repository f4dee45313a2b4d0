import { describe, expect, it } from 'vitest';
import { catalogueSchema } from './catalogue.js';
import { cueIndexFor, findCues, foldWidth } from './cue-index.js';
import { fixtureGlossary as glossary } from './test-fixtures.js';

const catalogue = catalogueSchema.parse({
  version: 1,
  description: 'test',
  documents: [],
  pillars: [{ id: 'digital', zh: '信息化', en: 'Digital' }],
  items: [
    {
      id: 'digital.internet-plus',
      pillar: 'digital',
      titleZh: '发展“互联网+医疗健康”',
      titleEn: 'Internet plus health care',
      text: '发展“互联网+医疗健康”，推广执业（助理）医师。',
      titleIsSummary: true,
      keywords: ['互联网+医疗健康', '执业（助理）医师'],
      source: null,
    },
  ],
});

describe('findCues', () => {
  it('matches a cue the document prints with a full-width symbol (互联网＋医疗健康), at the offsets of the printed text', () => {
    const text = '推进县域“互联网＋医疗健康”。';
    const [match, ...rest] = findCues(text, cueIndexFor(catalogue, glossary));
    expect(rest).toEqual([]);
    expect(match?.cue.literal).toBe('互联网+医疗健康');
    expect(text.slice(match?.start, match?.end)).toBe('互联网＋医疗健康');
  });

  it('still matches a cue that itself holds full-width brackets (执业（助理）医师)', () => {
    const matches = findCues('提高执业（助理）医师比例。', cueIndexFor(catalogue, glossary));
    expect(matches.map((m) => m.cue.literal)).toEqual(['执业（助理）医师']);
  });
});

describe('foldWidth', () => {
  it('folds each full-width form to one ASCII character and leaves ideographs and 、。 alone', () => {
    expect(foldWidth('互联网＋医疗健康５０％、。')).toBe('互联网+医疗健康50%、。');
    expect(foldWidth('互联网＋医疗健康５０％、。')).toHaveLength('互联网＋医疗健康５０％、。'.length);
  });
});
