import { describe, expect, it } from 'vitest';
import { docxBytes } from '../../tests/support/sample-documents.js';
import { formatCount, printNumbering } from './docx-numbering.js';
import { readSource } from './read-source.js';

const NUMBERING = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const numbered = (text: string, ilvl: number) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('Word automatic numbering', () => {
  it('formats counts as Word does in each number format', () => {
    expect(
      ['decimal', 'chineseCounting', 'decimalEnclosedCircle', 'lowerLetter', 'upperRoman'].map((format) => formatCount(12, format)),
    ).toEqual(['12', '十二', '⑫', 'l', 'XII']);
    expect(formatCount(20, 'chineseCountingThousand')).toBe('二十');
  });

  it('prints each numbered paragraph’s number in front of it, deeper levels restarting', () => {
    const xml = printNumbering(
      [
        numbered('加快分级诊疗', 0),
        numbered('建设医共体。', 1),
        numbered('推进签约服务。', 1),
        numbered('深化医保改革', 0),
        numbered('推行按病种付费。', 1),
      ].join(''),
      NUMBERING,
    );
    const texts = [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/gu)].map(([, body]) =>
      [...body!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map(([, t]) => t).join(''),
    );
    expect(texts).toEqual(['（一）加快分级诊疗', '1.建设医共体。', '2.推进签约服务。', '（二）深化医保改革', '1.推行按病种付费。']);
  });

  it('leaves paragraphs without numbering, or with a list it does not define, as they are', () => {
    const plain = '<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>';
    const unknown = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>';
    expect(printNumbering(plain + unknown, NUMBERING)).toBe(plain + unknown);
  });

  it('reads a .docx whose items Word numbers itself into numbered lines', async () => {
    const bytes = await docxBytes(
      `<w:p><w:r><w:t>一、重点任务</w:t></w:r></w:p>${numbered('加快分级诊疗', 0)}${numbered('建设医共体。', 1)}`,
      {
        'word/numbering.xml': NUMBERING,
      },
    );
    const source = await readSource('plan.docx', bytes);
    expect(source.sourceText.split('\n').filter((line) => line !== '')).toEqual(['一、重点任务', '（一）加快分级诊疗', '1.建设医共体。']);
  });
});
