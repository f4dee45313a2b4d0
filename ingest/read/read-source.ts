/**
 * @module read: bytes → SourceFile. Pure over the bytes (plus the path for its extension and for
 * error messages); `readSourceFile` is the thin disk wrapper. Formats and their readers are
 * registered in formats.ts.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { IngestError, type ReadDoc, type SourceFile } from '../document.js';
import { extname } from 'node:path';
import { inputFormatOf, inputFormatOrFail } from './formats.js';

export interface ReadOptions {
  /** Refuse files larger than this. @default 20 MB */
  maxBytes?: number;
  /** Refuse a .docx or .xlsx whose entries inflate to more than this in total. @default 200 MB */
  maxUnzippedBytes?: number;
  /** Refuse a .docx or .xlsx with an entry compressed more than this many times (zip bombs reach 1000×). @default 200 */
  maxCompressionRatio?: number;
}

const DEFAULTS = { maxBytes: 20 * 1024 * 1024, maxUnzippedBytes: 200 * 1024 * 1024, maxCompressionRatio: 200 };

/** Decode one input file. Throws IngestError naming the file and the reason. */
export async function readSource(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceFile> {
  const settings = { ...DEFAULTS, ...options };
  const { format, read } = inputFormatOrFail(path);
  if (bytes.length === 0) throw new IngestError(path, 'empty file', 'empty');
  if (bytes.length > settings.maxBytes) {
    throw new IngestError(path, `file too large: ${bytes.length} bytes (limit ${settings.maxBytes})`, 'oversized');
  }
  const { text: sourceText, encoding, format: contentFormat } = await read(path, bytes, settings);
  if (sourceText.trim() === '') throw new IngestError(path, 'empty file (no text)', 'empty');
  return {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteLength: bytes.length,
    format: contentFormat ?? format,
    encoding,
    sourceText,
  };
}

/**
 * The document with a message when its content is another format than its name gives (a web page saved
 * as .xls, see contentFormatOf in formats.ts): what was read, so a reader of the graph knows.
 */
export function withReadingNotes(doc: ReadDoc): ReadDoc {
  const named = inputFormatOf(doc.source.path)?.format;
  if (named === undefined || named === doc.source.format) return doc;
  const extension = extname(doc.source.path).toLowerCase();
  const message = `named ${extension} but its content is ${doc.source.format}: read as ${doc.source.format}`;
  return { ...doc, messages: [{ offset: 0, code: 'content-format', message }, ...doc.messages] };
}

/** What the system's refusals mean to whoever named the file; the code stays for a search. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file (ENOENT: a wrong path, or a link to a file that is gone)',
  EISDIR: 'a folder, not a file (EISDIR)',
};

/** Read a file from disk, refusing oversized files before loading them. */
export async function readSourceFile(path: string, options: ReadOptions = {}): Promise<SourceFile> {
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  inputFormatOrFail(path);
  let size: number;
  try {
    const info = await stat(path);
    // A link named like a document may name a folder: refused here, as readFile would with less to say.
    if (info.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw unreadable(path, error);
  }
  if (size > maxBytes) throw new IngestError(path, `file too large: ${size} bytes (limit ${maxBytes})`, 'oversized');
  const bytes = await readFile(path).catch((error: unknown) => {
    throw unreadable(path, error);
  });
  return readSource(path, new Uint8Array(bytes), options);
}

function unreadable(path: string, error: unknown): IngestError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = (code && SYSTEM_ERRORS[code]) ?? code ?? (error as Error).message;
  return new IngestError(path, `cannot read file: ${reason}`, 'unreadable');
}

/** The pipeline's first stage: a file path in, a document with its source out. */
export async function readStage(path: string, options: ReadOptions = {}): Promise<ReadDoc> {
  return { source: await readSourceFile(path, options), messages: [] };
}
