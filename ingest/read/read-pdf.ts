/** @module A PDF's text layer → text, one page after another; a scanned PDF (no text layer) is refused. */
import { IngestError } from '../document.js';

export async function readPdf(path: string, bytes: Uint8Array): Promise<string> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new IngestError(path, 'not a valid PDF (missing %PDF header)', 'bad-container');
  }
  let pages: string[];
  try {
    const { extractText } = await import('unpdf');
    // unpdf may transfer the buffer to its worker; give it a copy so the caller's bytes stay intact.
    pages = (await extractText(new Uint8Array(bytes), { mergePages: false })).text;
  } catch (error) {
    throw new IngestError(path, `unreadable PDF: ${(error as Error).message}`, 'bad-container');
  }
  if (pages.every((page) => page.trim() === '')) {
    throw new IngestError(path, 'no text layer (scanned PDF?); run OCR first', 'no-text-layer');
  }
  // A page boundary is a line break; normalise rejoins sentences broken across pages.
  return pages.join('\n\n');
}
