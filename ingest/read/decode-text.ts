/**
 * @module Decode the bytes of a plain-text file: UTF-8 (with or without BOM), UTF-16 LE/BE
 * (BOM or detected from the NUL pattern) and GB18030/GBK, detected rather than assumed.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** Why a file could not be decoded; the caller turns it into an IngestError. */
export class DecodeFailure extends Error {
  constructor(
    readonly reason: string,
    readonly code: 'binary' | 'bad-encoding' | 'truncated',
  ) {
    super(reason);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean, skipBom: boolean): string {
  const body = skipBom ? bytes.subarray(2) : bytes;
  if (body.length % 2 !== 0) {
    throw new DecodeFailure('truncated UTF-16 text (odd number of bytes)', 'truncated');
  }
  const decoder = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { fatal: true });
  try {
    return decoder.decode(body);
  } catch {
    throw new DecodeFailure(`invalid UTF-16${littleEndian ? 'LE' : 'BE'} text (unpaired surrogate)`, 'bad-encoding');
  }
}

/** Share of characters that belong in a Chinese or English text document. */
function readableShare(text: string): number {
  if (text.length === 0) return 0;
  let readable = 0;
  for (const ch of text) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a character of a string has a code point
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x27bf) ||
      c === 0xfeff
    )
      readable++;
  }
  return readable / text.length;
}

/**
 * UTF-16 without a BOM: ASCII characters put NULs on one side of each code unit, but so do CJK
 * characters such as 一 (U+4E00), so decode both ways and keep the one that reads as text.
 */
function guessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes.length % 2 !== 0) return null;
  // The sample may end inside a surrogate pair; one replacement character there does not matter.
  const sample = bytes.subarray(0, Math.min(bytes.length, 65_536));
  let best: { order: 'le' | 'be'; share: number } | null = null;
  for (const order of ['le', 'be'] as const) {
    let text: string;
    try {
      text = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(sample);
    } catch {
      continue;
    }
    const share = readableShare(text);
    if (!best || share > best.share) best = { order, share };
  }
  return best && best.share >= 0.95 ? best.order : null;
}

/** Length of the valid UTF-8 prefix and whether the failure is an incomplete sequence at the very end. */
function utf8Damage(bytes: Uint8Array): { validMultibyte: number; invalidAt: number; truncatedTail: boolean } {
  let validMultibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < bytes.length
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (need < 0 || b > 0xf4) return { validMultibyte, invalidAt: i, truncatedTail: false };
    if (i + need >= bytes.length) {
      // Only continuation bytes left: the file was cut inside a character.
      const tail = bytes.subarray(i + 1);
      return { validMultibyte, invalidAt: i, truncatedTail: tail.every((c) => (c & 0xc0) === 0x80) };
    }
    for (let k = 1; k <= need; k++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i + need < bytes.length, checked above
      if ((bytes[i + k]! & 0xc0) !== 0x80) return { validMultibyte, invalidAt: i, truncatedTail: false };
    }
    validMultibyte++;
    i += need + 1;
  }
  return { validMultibyte, invalidAt: -1, truncatedTail: false };
}

function hasBinaryControls(text: string): boolean {
  let controls = 0;
  for (const ch of text) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a character of a string has a code point
    const c = ch.codePointAt(0)!;
    if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) controls++;
  }
  return controls > 0 && controls > text.length * 0.01;
}

/** GB18030 decodes almost any byte soup; accept it only when the result reads like Chinese text. */
function plausibleChinese(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  let cjk = 0;
  let odd = 0;
  for (const ch of text) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a character of a string has a code point
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x27bf)) continue;
    else odd++;
  }
  return cjk > 0 && odd <= cjk * 0.05;
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (plausibleChinese(gb)) return { text: gb, encoding: 'gb18030' };
  // A lead byte with nothing after it: GB18030 text cut inside a character.
  if (gb.endsWith('\ufffd') && plausibleChinese(gb.slice(0, -1))) {
    throw new DecodeFailure('truncated GB18030 text (ends inside a character)', 'truncated');
  }
  for (const match of chardet.analyse(bytes)) {
    if (match.confidence < 30 || !iconv.encodingExists(match.name)) continue;
    const name = match.name.toLowerCase();
    if (name.startsWith('utf')) continue;
    const text = iconv.decode(Buffer.from(bytes), match.name);
    if (!text.includes('\ufffd') && (name === 'big5' ? plausibleChinese(text) : true)) {
      return { text, encoding: name };
    }
  }
  throw new DecodeFailure('undecodable text: not valid UTF-8, UTF-16 or GB18030', 'bad-encoding');
}

/**
 * Decode text bytes. Order matters: a BOM is authoritative; UTF-8 is validated strictly before anything
 * else because GB18030 would happily "decode" UTF-8 bytes into nonsense.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      const damage = utf8Damage(bytes.subarray(3));
      throw damage.truncatedTail
        ? new DecodeFailure('truncated UTF-8 text (ends inside a character)', 'truncated')
        : new DecodeFailure(`invalid UTF-8 byte sequence at byte ${damage.invalidAt + 3}`, 'bad-encoding');
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, true, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, false, true), encoding: 'utf-16be' };

  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes);
    if (!utf16) throw new DecodeFailure('binary content (NUL bytes), not a text file', 'binary');
    const text = decodeUtf16(bytes, utf16 === 'le', false);
    if (hasBinaryControls(text)) throw new DecodeFailure('binary content, not a text file', 'binary');
    return { text, encoding: `utf-16${utf16}` };
  }

  const damage = utf8Damage(bytes);
  if (damage.invalidAt < 0) {
    const text = utf8.decode(bytes);
    if (hasBinaryControls(text)) throw new DecodeFailure('binary content, not a text file', 'binary');
    return { text, encoding: 'utf-8' };
  }
  if (damage.truncatedTail && damage.validMultibyte > 0) {
    throw new DecodeFailure('truncated UTF-8 text (ends inside a character)', 'truncated');
  }
  // Mostly-valid UTF-8 with a bad byte in the middle is damaged UTF-8, not GBK.
  if (damage.validMultibyte >= 20 && damage.invalidAt > bytes.length * 0.5) {
    throw new DecodeFailure(`invalid UTF-8 byte sequence at byte ${damage.invalidAt}`, 'bad-encoding');
  }
  const legacy = decodeLegacy(bytes);
  if (hasBinaryControls(legacy.text)) throw new DecodeFailure('binary content, not a text file', 'binary');
  return legacy;
}
