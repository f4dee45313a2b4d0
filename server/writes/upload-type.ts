/**
 * @module What an upload may be: a file name with a supported extension whose first bytes agree
 * with it — a .docx is a zip, a .pdf starts with %PDF-, and a .txt or .html is not some other
 * known binary format renamed. Whether the text itself decodes is the reader's to say.
 */
import { extname } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../../ingest/read/index.js';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = ascii('%PDF-');

/** Formats a text upload must not turn out to be, by their leading bytes. */
const BINARY_SIGNATURES: readonly { name: string; signature: readonly number[] }[] = [
  { name: 'a zip archive (.docx?)', signature: ZIP },
  { name: 'a PDF', signature: PDF },
  { name: 'a legacy Office file (.doc, .xls)', signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a PNG image', signature: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', signature: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', signature: ascii('GIF8') },
  { name: 'a gzip archive', signature: [0x1f, 0x8b] },
  { name: 'a 7z archive', signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', signature: ascii('Rar!') },
  { name: 'an executable', signature: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Why the upload is not an acceptable document type, or null when it is. */
export function uploadTypeProblem(name: string, bytes: Uint8Array): string | null {
  const extension = extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(extension)) {
    return `${name}: unsupported file type "${extension || '(none)'}"; expected ${SUPPORTED_EXTENSIONS.join(', ')}`;
  }
  if (extension === '.docx') return startsWith(bytes, ZIP) ? null : `${name}: not a .docx (a .docx is a zip archive; it does not start with PK)`;
  if (extension === '.pdf') return startsWith(bytes, PDF) ? null : `${name}: not a PDF (it does not start with %PDF-)`;
  const other = BINARY_SIGNATURES.find(({ signature }) => startsWith(bytes, signature));
  return other ? `${name}: named ${extension} but its content is ${other.name}` : null;
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
