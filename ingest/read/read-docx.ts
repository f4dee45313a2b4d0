/**
 * @module A .docx (a zip of WordprocessingML) → text: the central directory is inspected first so
 * that a zip bomb is refused before anything is inflated; Word's automatic numbers are printed into their
 * paragraphs (see docx-numbering.ts), then mammoth renders it to HTML.
 */
import mammoth from 'mammoth';
import { IngestError } from '../document.js';
import { withPrintedNumbering } from './docx-numbering.js';
import { htmlToText } from './html-to-text.js';
import { listZipEntries } from './zip-directory.js';

export interface DocxLimits {
  /** Refuse a .docx whose entries inflate to more than this in total. */
  maxUnzippedBytes: number;
  /** Refuse a .docx with an entry compressed more than this many times (zip bombs reach 1000×). */
  maxCompressionRatio: number;
}

export async function readDocx(path: string, bytes: Uint8Array, limits: DocxLimits): Promise<string> {
  const entries = listZipEntries(bytes);
  if (!entries) throw new IngestError(path, 'not a valid .docx (not a zip archive)', 'bad-container');
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new IngestError(path, 'not a valid .docx (no word/document.xml)', 'bad-container');
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    // Zip64 entries report 0xFFFFFFFF here; a .docx never needs them.
    if (entry.uncompressedSize === 0xffffffff || (ratio > limits.maxCompressionRatio && entry.uncompressedSize > 1_000_000)) {
      throw new IngestError(path, `refused .docx: entry ${entry.name} inflates ${Math.round(ratio)}× (zip bomb?)`, 'zip-bomb');
    }
  }
  if (total > limits.maxUnzippedBytes) {
    throw new IngestError(path, `refused .docx: contents inflate to ${total} bytes (limit ${limits.maxUnzippedBytes})`, 'zip-bomb');
  }
  let html: string;
  try {
    const numbered = await withPrintedNumbering(bytes);
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(numbered) }, { ignoreEmptyParagraphs: true })).value;
  } catch (error) {
    throw new IngestError(path, `unreadable .docx: ${(error as Error).message}`, 'bad-container');
  }
  return htmlToText(html);
}
