/**
 * @module A .docx (a zip of WordprocessingML) → text: the central directory is inspected first so
 * that a zip bomb is refused before anything is inflated; Word's automatic numbers are printed into their
 * paragraphs (see docx-numbering.ts), then mammoth renders it to HTML.
 */
import mammoth from 'mammoth';
import { IngestError } from '../document.js';
import { withPrintedNumbering } from './docx-numbering.js';
import { htmlToText } from './html-to-text.js';
import { checkZipContainer, type ZipLimits } from './zip-directory.js';

export async function readDocx(path: string, bytes: Uint8Array, limits: ZipLimits): Promise<string> {
  checkZipContainer(path, bytes, limits, '.docx');
  let html: string;
  try {
    const numbered = await withPrintedNumbering(bytes);
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(numbered) }, { ignoreEmptyParagraphs: true })).value;
  } catch (error) {
    throw new IngestError(path, `unreadable .docx: ${(error as Error).message}`, 'bad-container');
  }
  return htmlToText(html);
}
