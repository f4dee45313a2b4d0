/**
 * @module The kept search index persisted beside the database with the graph's version stamp, so
 * that a server whose kept rows are loaded from their file (kept-file.ts) need not index every task
 * again. The file is "RGKS", the stamp's length (uint32) and the stamp (UTF-8), padded to 8 bytes,
 * then the index as serialiseSearchIndex writes it. Written to a temporary file and renamed.
 */
import { existsSync, readSync } from 'node:fs';
import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import type { BuiltSearchIndex } from '../search/search-index.js';
import type { SearchableTask } from './kept-graph.js';
import { deserialiseSearchIndex, serialisedParts } from '../search/serialise-search-index.js';

const MAGIC = 'RGKS';
const PREFIX_BYTES = 8;
const alignTo8 = (offset: number) => Math.ceil(offset / 8) * 8;

export async function writeSearchIndexFile(file: string, stamp: string, index: BuiltSearchIndex): Promise<void> {
  const stampBytes = new TextEncoder().encode(stamp);
  const prefix = new Uint8Array(alignTo8(PREFIX_BYTES + stampBytes.length));
  prefix.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(prefix.buffer).setUint32(4, stampBytes.length, true);
  prefix.set(stampBytes, PREFIX_BYTES);
  const partial = `${file}.partial`;
  // Part by part, each written from its own bytes: no copy of the whole index, and the event loop
  // has a turn between writes (see turns.ts).
  const handle = await open(partial, 'w');
  try {
    for (const part of [prefix, ...serialisedParts(index)]) {
      for (let at = 0; at < part.length;) at += (await handle.write(part, at)).bytesWritten;
    }
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

/** Bytes read per call: fs reads take at most 2 GiB at once. */
const READ_BYTES = 2 ** 30;

/**
 * The files of the indexes read, kept open while their postings are read from them, and closed
 * once the index is collected. A rewrite renames a new file over the old one, which stays readable
 * through the descriptor until then.
 */
const openIndexFiles = new FinalizationRegistry<FileHandle>((handle) => void handle.close().catch(() => undefined));

/**
 * The index in `file` when it was written at `stamp`; null when absent, of another version or
 * unreadable. Its postings stay in the file and are read gram by gram as searches ask for them,
 * from the page cache once read: in memory, the index of 2 million tasks took 2.5 GB of the server's
 * resident memory, three quarters of it postings of which a search reads a few grams'.
 */
export async function readSearchIndexFile(file: string, stamp: string): Promise<BuiltSearchIndex | null> {
  if (!existsSync(file)) return null;
  const handle = await open(file, 'r');
  let kept = false;
  try {
    const { size } = await handle.stat();
    /** `length` bytes from `offset`, each read into its own buffer: the index's arrays are views of them. */
    const read = async (offset: number, length: number) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      for (let at = 0; at < bytes.length;) {
        const { bytesRead } = await handle.read(bytes, at, Math.min(READ_BYTES, bytes.length - at), offset + at);
        if (bytesRead === 0) return bytes.subarray(0, at);
        at += bytesRead;
      }
      return bytes;
    };
    const prefix = Buffer.from(await read(0, PREFIX_BYTES));
    if (prefix.length < PREFIX_BYTES || prefix.toString('latin1', 0, 4) !== MAGIC) return null;
    const stampLength = prefix.readUInt32LE(4);
    if (PREFIX_BYTES + stampLength > size || Buffer.from(await read(PREFIX_BYTES, stampLength)).toString('utf8') !== stamp) return null;
    const start = alignTo8(PREFIX_BYTES + stampLength);
    const index = await deserialiseSearchIndex({
      size: size - start,
      read: (offset, length) => read(start + offset, length),
      readNow(offset, length, into) {
        for (let at = 0; at < length;) {
          const bytesRead = readSync(handle.fd, into, at, length - at, start + offset + at);
          if (bytesRead === 0) throw new Error(`${file} ends before the postings it lists`);
          at += bytesRead;
        }
      },
    });
    openIndexFiles.register(index.data.grams.postings, handle);
    kept = true;
    return index;
  } catch {
    return null;
  } finally {
    if (!kept) await handle.close();
  }
}

/**
 * The documents written since the whole index in the file beside was built (kept-search-index.ts),
 * with their tasks then (none for a document whose tasks were deleted): JSON, stamped with the
 * graph's version and with the stamp of the whole index it goes with. An upload writes this small
 * file rather than the whole index again.
 */
export interface WrittenDocuments {
  wholeStamp: string;
  written: ReadonlyMap<string, readonly SearchableTask[]>;
}

interface WrittenDocumentsJson {
  stamp: string;
  wholeStamp: string;
  documents: [policyId: string, tasks: SearchableTask[]][];
}

export async function writeWrittenDocumentsFile(file: string, stamp: string, { wholeStamp, written }: WrittenDocuments): Promise<void> {
  const documents = [...written].map(([policyId, tasks]) => [
    policyId,
    // The fields an index is built from, not the rest of a kept row.
    tasks.map(({ id, title, text, jurisdictionId, policyId, seq }) => ({ id, title, text, jurisdictionId, policyId, seq })),
  ]);
  const partial = `${file}.partial`;
  await writeFile(partial, JSON.stringify({ stamp, wholeStamp, documents }));
  await rename(partial, file);
}

/** The documents in `file` when it was written at `stamp`; null when absent, of another version or unreadable. */
export async function readWrittenDocumentsFile(file: string, stamp: string): Promise<WrittenDocuments | null> {
  try {
    const contents = JSON.parse(await readFile(file, 'utf8')) as WrittenDocumentsJson;
    const wellFormed =
      typeof contents.wholeStamp === 'string' &&
      Array.isArray(contents.documents) &&
      contents.documents.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Array.isArray(entry[1]));
    return contents.stamp === stamp && wellFormed ? { wholeStamp: contents.wholeStamp, written: new Map(contents.documents) } : null;
  } catch {
    return null;
  }
}

/** The file of the documents written since the index in `searchIndexFile` was built. */
export function writtenFile(searchIndexFile: string): string {
  return `${searchIndexFile}.written.json`;
}
