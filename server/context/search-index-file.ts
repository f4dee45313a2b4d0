/**
 * @module The kept search index persisted beside the database with the graph's version stamp, so
 * that a server whose kept rows are loaded from their file (kept-file.ts) need not index every task
 * again. The file is "RGKS", the stamp's length (uint32) and the stamp (UTF-8), padded to 8 bytes,
 * then the index as serialiseSearchIndex writes it. Written to a temporary file and renamed.
 */
import { existsSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import type { BuiltSearchIndex } from '../search/search-index.js';
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

/** The index in `file` when it was written at `stamp`; null when absent, of another version or unreadable. */
export async function readSearchIndexFile(file: string, stamp: string): Promise<BuiltSearchIndex | null> {
  if (!existsSync(file)) return null;
  const bytes = await readFile(file);
  if (bytes.length < PREFIX_BYTES || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
  const stampLength = bytes.readUInt32LE(4);
  if (PREFIX_BYTES + stampLength > bytes.length || bytes.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + stampLength) !== stamp) return null;
  try {
    return deserialiseSearchIndex(bytes.subarray(alignTo8(PREFIX_BYTES + stampLength)));
  } catch {
    return null;
  }
}
