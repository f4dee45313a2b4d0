import { describe, expect, it } from 'vitest';
import { localPhrasesOf, spansTextOfPhrases } from './evidence-spans.js';
import { graphqlPayloadTypeDef } from './graphql-types.js';
import { edgeSchemas, relationships, type LinkEvidence } from './model.js';

const evidence = relationships.IMPLEMENTS.properties.evidence;
const phrase: LinkEvidence = {
  localText: '分级诊疗',
  localSpan: { start: 2, end: 6 },
  nationalText: '分级诊疗',
  nationalSpan: { start: 0, end: 4 },
};

describe('link evidence, stored as the spans of its phrases', () => {
  const texts = { localText: '推进分级诊疗制度建设', otherText: '分级诊疗' };

  it('stores the offsets only, and reads the phrases back with their texts cut from the two texts', () => {
    const stored = evidence.encode([phrase]);
    expect(stored).toBe('[2,6,0,4]');
    expect(evidence.decode(stored, texts)).toEqual([phrase]);
    expect(evidence.decode(evidence.encode([]), texts)).toEqual([]);
  });

  it('reads evidence stored with its texts, as the code before spans stored it, as it is', () => {
    expect(evidence.decode(JSON.stringify([phrase]), { localText: '', otherText: '' })).toEqual([phrase]);
  });

  it('refuses to store a phrase whose text is not as long as its span', () => {
    expect(() => evidence.encode([{ ...phrase, localText: '分级诊疗制度' }])).toThrow(/not the text of its spans/);
  });

  it('refuses stored text that is neither spans nor a list of phrases with their spans', () => {
    expect(() => evidence.decode('{"localText":"x"}', texts)).toThrow();
    expect(() => evidence.decode('[{"localText":"x","localSpan":{"start":0}}]', texts)).toThrow();
    expect(() => evidence.decode('[2,6,0]', texts)).toThrow();
  });

  it('gives the stored text of phrases with their texts only when each text is its span of the two texts', () => {
    expect(spansTextOfPhrases(JSON.stringify([phrase]), texts)).toBe('[2,6,0,4]');
    expect(spansTextOfPhrases(JSON.stringify([{ ...phrase, nationalText: '诊疗分级' }]), texts)).toBeNull();
  });

  it("gives the task's side of the wording alone, from spans or from phrases stored with their texts, and none from other text", () => {
    const two = evidence.encode([phrase, { ...phrase, localText: '制度', localSpan: { start: 6, end: 8 } }]);
    expect(localPhrasesOf(two, texts.localText)).toEqual(['分级诊疗', '制度']);
    expect(localPhrasesOf(JSON.stringify([phrase]), '')).toEqual(['分级诊疗']);
    expect(localPhrasesOf('not json', texts.localText)).toEqual([]);
    expect(localPhrasesOf('[2,6,0]', texts.localText)).toEqual([]);
  });

  it('is checked as stored text by the edge validators of both link types', () => {
    const row = { from: 't1', to: 'N-PAY', score: 1, method: 'test', kind: 'verbatim', curated: false };
    for (const type of ['IMPLEMENTS', 'DERIVES_FROM'] as const) {
      expect(edgeSchemas[type].safeParse({ ...row, evidence: evidence.encode([phrase]) }).success, type).toBe(true);
      expect(edgeSchemas[type].safeParse({ ...row, evidence: 'not json' }).success, type).toBe(false);
      expect(edgeSchemas[type].safeParse({ ...row, evidence: '[6,2,0,4]' }).success, type).toBe(false);
      // The phrases with their texts are what an export writes, not what the store holds.
      expect(edgeSchemas[type].safeParse({ ...row, evidence: JSON.stringify([phrase]) }).success, type).toBe(false);
    }
  });

  it('gives its GraphQL object type, a field per declared field', () => {
    expect(graphqlPayloadTypeDef(evidence.payload)).toBe(
      [
        '"One matched phrase behind a link."',
        'type LinkEvidence {',
        '  localText: String!',
        `  "Span in the linking task's text (Task.text)."`,
        '  localSpan: Span!',
        '  nationalText: String!',
        `  "Span in NationalItem.text, or in the parent task's text for a derivation."`,
        '  nationalSpan: Span!',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('edge validators', () => {
  it('need both endpoints of an edge', () => {
    expect(edgeSchemas.HAS_PART.safeParse({ from: 'a', to: 'b' }).success).toBe(true);
    expect(edgeSchemas.HAS_PART.safeParse({ from: 'a' }).success).toBe(false);
    expect(edgeSchemas.CITES.safeParse({ from: 'a', to: 'b' }).success).toBe(false);
  });
});
