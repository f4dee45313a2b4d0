/**
 * @module A .docx (a zip of WordprocessingML) → text: the central directory is inspected first so
 * that a zip bomb is refused before anything is inflated; the document is made to read as Word shows it
 * (its automatic numbers printed into their paragraphs, see docx-numbering.ts; its hidden text left
 * out), then mammoth renders it to HTML.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { IngestError } from '../document.js';
import { printNumbering } from './docx-numbering.js';
import { htmlToText } from './html-to-text.js';
import { checkZipContainer, type ZipLimits } from './zip-directory.js';

export async function readDocx(path: string, bytes: Uint8Array, limits: ZipLimits): Promise<string> {
  checkZipContainer(path, bytes, limits, '.docx');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(await asShown(bytes)) }, { ignoreEmptyParagraphs: true })).value;
  } catch (error) {
    throw new IngestError(path, `unreadable .docx: ${(error as Error).message}`, 'bad-container');
  }
  return htmlToText(html);
}

/** The .docx with its document.xml as Word shows it; unchanged when that changes nothing. */
async function asShown(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')?.async('string');
  if (!document) return bytes;
  const numbering = await zip.file('word/numbering.xml')?.async('string');
  const shown = withoutHiddenRuns(numbering ? printNumbering(document, numbering) : document);
  if (shown === document) return bytes;
  zip.file('word/document.xml', shown);
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * document.xml without its hidden runs: a run whose properties hold w:vanish (not switched off by
 * w:val="0", "false" or "off") is text Word neither shows nor prints, a note the author kept out of the
 * document, as RTF's \v is (read-rtf.ts). Runs do not nest, so each is matched from its start to its end;
 * a tracked change of formatting (w:rPrChange, last in the properties) holds the properties before it,
 * which are not the run's.
 */
function withoutHiddenRuns(documentXml: string): string {
  return documentXml.replace(/<w:r(?:\s[^>]*)?(?<!\/)>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/gu, (run) => {
    const properties = /^<w:r\b[^>]*>\s*<w:rPr>([\s\S]*?)(?:<w:rPrChange\b|<\/w:rPr>)/u.exec(run)?.[1] ?? '';
    return /<w:vanish\b(?![^>]*w:val="(?:0|false|off)")[^>]*\/>/u.test(properties) ? '' : run;
  });
}
