import { describe, expect, it, vi } from 'vitest';
import { graphqlPayloadTypeDef } from './graphql-types.js';
import { edgeSchemas, relationships, type LinkEvidence } from './model.js';

const evidence = relationships.IMPLEMENTS.properties.evidence;
const phrase: LinkEvidence = {
  localText: '分级诊疗',
  localSpan: { start: 2, end: 6 },
  nationalText: '分级诊疗',
  nationalSpan: { start: 0, end: 4 },
};

describe('link evidence, a payload stored as JSON text', () => {
  it('reads back the phrases it was given', () => {
    expect(evidence.decode(evidence.encode([phrase]))).toEqual([phrase]);
  });

  it('refuses stored text that is not a list of phrases with their spans', () => {
    expect(() => evidence.decode('{"localText":"x"}')).toThrow();
    expect(() => evidence.decode('[{"localText":"x","localSpan":{"start":0}}]')).toThrow();
  });

  it('is checked as stored text by the edge validators of both link types', () => {
    const row = { from: 't1', to: 'N-PAY', score: 1, method: 'test', kind: 'verbatim', curated: false };
    for (const type of ['IMPLEMENTS', 'DERIVES_FROM'] as const) {
      expect(edgeSchemas[type].safeParse({ ...row, evidence: evidence.encode([phrase]) }).success, type).toBe(true);
      expect(edgeSchemas[type].safeParse({ ...row, evidence: 'not json' }).success, type).toBe(false);
    }
  });

  it('checks the text it encoded from accepted phrases without parsing it back, and parses any other text', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const encoded = evidence.encode([phrase]);
      expect(evidence.accepts(encoded)).toBe(true);
      expect(parse).not.toHaveBeenCalled();
      // Text not made by encode (as read from the store), and the text of a phrase refused, are parsed.
      expect(evidence.accepts(JSON.stringify([{ ...phrase, localText: '分级诊疗制度' }]))).toBe(true);
      expect(evidence.accepts(evidence.encode([{ ...phrase, localSpan: { start: 2 } } as unknown as LinkEvidence]))).toBe(false);
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
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
