import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inlineFragments } from './inline-fragments.js';

const flat = (source: string) => print(parse(source));

describe('inlineFragments', () => {
  it('writes each spread out as its fragment fields, fragments within fragments too', () => {
    const [query] = inlineFragments([
      parse(`query Q { task(id: "t") { ...Summary text } }`),
      parse(`fragment Summary on Task { id jurisdiction { ...Place } }`),
      parse(`fragment Place on Jurisdiction { id name }`),
    ]);
    expect(print(query!)).toBe(flat(`query Q { task(id: "t") { id jurisdiction { id name } text } }`));
  });

  it('refuses a spread of a fragment it does not know', () => {
    expect(() => inlineFragments([parse(`query Q { task(id: "t") { ...Missing } }`)])).toThrow('unknown fragment "Missing"');
  });

  it('refuses a fragment that spreads itself', () => {
    expect(() => inlineFragments([parse(`fragment Loop on Task { id parent { ...Loop } }`)])).toThrow('fragment "Loop" spreads itself');
  });
});
