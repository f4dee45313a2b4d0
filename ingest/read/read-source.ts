/**
 * @module read: bytes → SourceFile. Pure over the bytes (plus the path for its extension and for
 * error messages); `readSourceFile` is the thin disk wrapper.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import { IngestError, type IngestDoc, type SourceFile, type SourceFormat } from '../document.js';
import { decodeText, DecodeFailure } from './decode-text.js';
import { htmlToText } from './html-to-text.js';
import { listZipEntries } from './zip-directory.js';

export interface ReadOptions {
  /** Refuse files larger than this. @default 20 MB */
  maxBytes?: number;
  /** Refuse a .docx whose entries inflate to more than this in total. @default 200 MB */
  maxUnzippedBytes?: number;
  /** Refuse a .docx with an entry compressed more than this many times (zip bombs reach 1000×). @default 200 */
  maxCompressionRatio?: number;
}

const DEFAULTS = { maxBytes: 20 * 1024 * 1024, maxUnzippedBytes: 200 * 1024 * 1024, maxCompressionRatio: 200 };

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
};

/** File extensions the reader accepts, lower-case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

function formatOf(path: string): SourceFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    const hint = extension === '.doc' ? ' (save legacy .doc files as .docx)' : '';
    throw new IngestError(
      path,
      `unsupported file type "${extension || '(none)'}"${hint}; expected .txt, .docx, .pdf or .html`,
      'unsupported',
    );
  }
  return format;
}

function decodeOrFail(path: string, bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof DecodeFailure) throw new IngestError(path, error.reason, error.code);
    throw error;
  }
}

async function readDocx(path: string, bytes: Uint8Array, options: Required<ReadOptions>): Promise<string> {
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
    if (entry.uncompressedSize === 0xffffffff || (ratio > options.maxCompressionRatio && entry.uncompressedSize > 1_000_000)) {
      throw new IngestError(path, `refused .docx: entry ${entry.name} inflates ${Math.round(ratio)}× (zip bomb?)`, 'zip-bomb');
    }
  }
  if (total > options.maxUnzippedBytes) {
    throw new IngestError(path, `refused .docx: contents inflate to ${total} bytes (limit ${options.maxUnzippedBytes})`, 'zip-bomb');
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true })).value;
  } catch (error) {
    throw new IngestError(path, `unreadable .docx: ${(error as Error).message}`, 'bad-container');
  }
  return htmlToText(html);
}

async function readPdf(path: string, bytes: Uint8Array): Promise<string> {
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

/** Decode one input file. Throws IngestError naming the file and the reason. */
export async function readSource(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceFile> {
  const settings = { ...DEFAULTS, ...options };
  const format = formatOf(path);
  if (bytes.length === 0) throw new IngestError(path, 'empty file', 'empty');
  if (bytes.length > settings.maxBytes) {
    throw new IngestError(path, `file too large: ${bytes.length} bytes (limit ${settings.maxBytes})`, 'oversized');
  }
  let sourceText: string;
  let encoding: string;
  switch (format) {
    case 'txt':
      ({ text: sourceText, encoding } = decodeOrFail(path, bytes));
      break;
    case 'html': {
      const decoded = decodeOrFail(path, bytes);
      sourceText = htmlToText(decoded.text);
      encoding = decoded.encoding;
      break;
    }
    case 'docx':
      sourceText = await readDocx(path, bytes, settings);
      encoding = 'docx';
      break;
    case 'pdf':
      sourceText = await readPdf(path, bytes);
      encoding = 'pdf';
      break;
  }
  if (sourceText.trim() === '') throw new IngestError(path, 'empty file (no text)', 'empty');
  return {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteLength: bytes.length,
    format,
    encoding,
    sourceText,
  };
}

/** Read a file from disk, refusing oversized files before loading them. */
export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<SourceFile> {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  formatOf(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new IngestError(path, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'unreadable');
  }
  if (size > maxBytes) throw new IngestError(path, `file too large: ${size} bytes (limit ${maxBytes})`, 'oversized');
  return readSource(path, new Uint8Array(await readFile(path)), options);
}

/** The pipeline's first stage: a file path in, a document with its source out. */
export async function readStage(path: string, options: ReadOptions = {}): Promise<IngestDoc> {
  return { source: await readSourceFile(path, options), messages: [] };
}
