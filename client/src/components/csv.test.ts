import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes cells with commas, quotes and line breaks and leaves Chinese as is', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['三明市', 'x,"y"'],
          [1, null],
          ['两\n行', true],
        ],
      ),
    ).toBe('a,b\r\n三明市,"x,""y"""\r\n1,\r\n"两\n行",true\r\n');
  });
});
