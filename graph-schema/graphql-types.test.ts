import { describe, expect, it } from 'vitest';
import { graphqlEnumTypeDef, graphqlFields } from './graphql-types.js';
import { linkProperties } from './model.js';

describe('SDL pieces the server takes from the model', () => {
  it('gives the named properties in the order named, with their types, nullability and descriptions', () => {
    expect(graphqlFields(linkProperties, ['curated', 'evidence', 'method'], { descriptions: { method: 'Linker or reviewer.' } })).toBe(
      [
        '  "True when set by the reviewed-links file."',
        '  curated: Boolean!',
        '  "Matched phrases with spans on both sides."',
        '  evidence: [LinkEvidence!]!',
        '  "Linker or reviewer."',
        '  method: String!',
      ].join('\n'),
    );
  });

  it('gives an enum its values in the order given, each with its description', () => {
    expect(
      graphqlEnumTypeDef('Side', ['A', 'B'], { description: 'Which side.', valueDescriptions: { A: 'The first.', B: 'The second.' } }),
    ).toBe(['"Which side."', 'enum Side {', '  "The first."', '  A', '  "The second."', '  B', '}', ''].join('\n'));
    expect(graphqlEnumTypeDef('Side', ['A', 'B'])).toBe('enum Side {\n  A\n  B\n}\n');
  });
});
