import { describe, expect, it } from 'vitest';
import { TEXT_PART_LENGTH, textOfParts, textPartsOf } from './text-parts.js';
import { GRAPH_LABELS, GRAPH_REL_TYPES, type GraphLabel, type GraphRelType } from './model.js';
import { graphqlTypeDefs } from './graphql-types.js';

describe('textPartsOf', () => {
  it('cuts a long text into parts of at most TEXT_PART_LENGTH units that join back to it', () => {
    const text = '一、深化医保支付方式改革\n'.repeat(60);
    const { parts, edges } = textPartsOf('p1', text);
    expect(parts.length).toBe(Math.ceil(text.length / TEXT_PART_LENGTH));
    expect(parts.every((part) => part.text.length <= TEXT_PART_LENGTH)).toBe(true);
    expect(parts.map((part) => part.seq)).toEqual(parts.map((_, index) => index));
    expect(new Set(parts.map((part) => part.id)).size).toBe(parts.length);
    expect(edges).toEqual(parts.map((part) => ({ from: 'p1', to: part.id })));
    expect(textOfParts(parts)).toBe(text);
  });

  it('never ends a part between the two halves of a character outside the BMP', () => {
    // "𠀀" (U+20000) is a surrogate pair; placed so that a cut at TEXT_PART_LENGTH would split it.
    const text = `${'医'.repeat(TEXT_PART_LENGTH - 1)}𠀀${'改'.repeat(10)}`;
    const { parts } = textPartsOf('p1', text);
    expect(parts[0]?.text).toBe('医'.repeat(TEXT_PART_LENGTH - 1));
    expect(parts[1]?.text.startsWith('𠀀')).toBe(true);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
    expect(parts.some((part) => loneSurrogate.test(part.text))).toBe(false);
    expect(textOfParts(parts)).toBe(text);
  });

  it('has no parts for a policy without text, whose text reads back as null', () => {
    expect(textPartsOf('stub', null)).toEqual({ parts: [], edges: [] });
    expect(textOfParts([])).toBeNull();
  });
});

describe('the parts in the graph the API shows', () => {
  it('are not there: no label, relationship or GraphQL type of their own', () => {
    expect(GRAPH_LABELS).toContain('Policy');
    expect(GRAPH_LABELS).not.toContain('PolicyTextPart');
    expect(GRAPH_REL_TYPES).toContain('HAS_TASK');
    expect(GRAPH_REL_TYPES).not.toContain('HAS_TEXT_PART');
    expect(graphqlTypeDefs()).toContain('type Policy {');
    expect(graphqlTypeDefs()).not.toContain('PolicyTextPart');
    // @ts-expect-error: a storage-only label is no GraphLabel
    const label: GraphLabel = 'PolicyTextPart';
    // @ts-expect-error: nor is a relationship into it a GraphRelType
    const type: GraphRelType = 'HAS_TEXT_PART';
    expect([label, type]).toHaveLength(2);
  });
});
