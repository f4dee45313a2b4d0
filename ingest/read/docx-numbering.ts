/**
 * @module Word's automatic numbering. A paragraph numbered by Word ("1." "（一）" "①" drawn from
 * word/numbering.xml through its w:numPr) carries no number in its text, so a renderer that reads the
 * text drops it and the outline loses the item. Before rendering, each such paragraph gets its number
 * printed in front of it, as Word shows it: the level's w:lvlText with every %n replaced by the count
 * of level n in the level's w:numFmt, counted per list (w:numId), deeper levels restarting.
 */
interface Level {
  format: string;
  text: string;
  start: number;
}

const CN_DIGITS = '〇一二三四五六七八九';
const digit = (d: number) => CN_DIGITS.charAt(d);

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
function chineseNumeral(n: number): string {
  if (n < 10) return digit(n) || String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : digit(n % 10)}`;
  if (n < 100) return `${digit(Math.floor(n / 10))}十${n % 10 === 0 ? '' : digit(n % 10)}`;
  const rest = n % 100;
  return `${digit(Math.floor(n / 100))}百${rest === 0 ? '' : rest < 10 ? `零${digit(rest)}` : chineseNumeral(rest)}`;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table)
    while (n >= value) {
      out += letters;
      n -= value;
    }
  return out;
}

/** The count `n` in Word's number format `format` (ST_NumberFormat). */
export function formatCount(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumeral(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

const attr = (xml: string, element: string) => new RegExp(`<w:${element}\\b[^>]*?w:val="([^"]*)"`, 'u').exec(xml)?.[1];

/** Levels of every list instance (w:numId), from word/numbering.xml. */
function listsOf(numberingXml: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  // The groups are not optional: a default only gives them the type they have.
  for (const [, id = '', body = ''] of numberingXml.matchAll(
    /<w:abstractNum\b[^>]*?w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu,
  )) {
    const levels: Level[] = [];
    for (const [, ilvl, lvl = ''] of body.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu)) {
      levels[Number(ilvl)] = {
        format: attr(lvl, 'numFmt') ?? 'decimal',
        text: attr(lvl, 'lvlText') ?? '',
        start: Number(attr(lvl, 'start') ?? 1),
      };
    }
    abstract.set(id, levels);
  }
  const lists = new Map<string, Level[]>();
  for (const [, numId = '', body = ''] of numberingXml.matchAll(/<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const levels = abstract.get(attr(body, 'abstractNumId') ?? '');
    if (levels) lists.set(numId, levels);
  }
  return lists;
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** document.xml with each numbered paragraph's number printed as its first run. */
export function printNumbering(documentXml: string, numberingXml: string): string {
  const lists = listsOf(numberingXml);
  const counters = new Map<string, number[]>();
  return documentXml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/gu, (paragraph) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/u.exec(paragraph)?.[1];
    const numId = numPr ? attr(numPr, 'numId') : undefined;
    const levels = numId ? lists.get(numId) : undefined;
    if (!numPr || !numId || !levels) return paragraph;
    const ilvl = Number(attr(numPr, 'ilvl') ?? 0);
    const level = levels[ilvl];
    if (!level) return paragraph;
    const counts = counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1; // a new count at this level restarts the deeper ones
    counters.set(numId, counts);
    const marker = level.text.replace(/%(\d)/gu, (_, n: string) => {
      const at = Number(n) - 1;
      return formatCount(counts[at] ?? levels[at]?.start ?? 1, levels[at]?.format ?? 'decimal');
    });
    if (marker.trim() === '') return paragraph;
    const run = `<w:r><w:t xml:space="preserve">${escapeXml(marker)}</w:t></w:r>`;
    const afterProperties = paragraph.indexOf('</w:pPr>');
    const at = afterProperties >= 0 ? afterProperties + '</w:pPr>'.length : paragraph.indexOf('>') + 1;
    return paragraph.slice(0, at) + run + paragraph.slice(at);
  });
}
