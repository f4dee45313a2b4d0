/**
 * @module What an upload may be: a file name with the extension of a registered input format
 * (ingest/read/formats.ts) whose first bytes agree with it — a .docx or .xlsx is a zip holding its
 * own main part, a .doc or .xls an OLE compound file holding its own main stream (or an HTML page, a
 * web archive, a .docx, .xlsx, PDF or RTF, or under a .xls name an XML Spreadsheet or comma-separated
 * rows, read as such: contentFormatOf in ingest/read/formats.ts), a .pdf starts with %PDF-, an .rtf
 * with {\rtf, and a .txt, .csv or .html is not some other known binary format renamed. Whether the
 * text itself decodes is the reader's to say.
 */
import { extname } from 'node:path';
import { IngestError } from '../../ingest/document.js';
import { inputFormatOrFail, type InputFormat } from '../../ingest/read/index.js';

/** Why the upload is not an acceptable document type, or null when it is. */
export function uploadTypeProblem(name: string, bytes: Uint8Array): string | null {
  let format: InputFormat;
  try {
    format = inputFormatOrFail(name);
  } catch (error) {
    // The command line's message for an extension no format has.
    if (error instanceof IngestError) return error.message;
    throw error;
  }
  const problem = format.signatureProblem(bytes, extname(name).toLowerCase());
  return problem ? `${name}: ${problem}` : null;
}

/**
 * The name an upload is stored and reported under: the last path segment only (a client's
 * "../../etc/x.txt" is just "x.txt"), without control characters, at most 200 characters.
 */
export function safeUploadName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (cleaned.length <= 200) return cleaned;
  const extension = extname(cleaned).slice(0, 10);
  return `${cleaned.slice(0, 200 - extension.length)}${extension}`;
}
