/**
 * @module Over maxKeptTasks (kept-graph.ts), the rows about each document's tasks kept on disk
 * beside the database instead of in memory: on a store of 30,000 documents a new compare read its
 * 20 documents' rows in 80 queries of 5–7 ms each, and a search its hits' in 4 of about 15 ms, while
 * reading one document's block from this file (117 KB on average, from the page cache) and parsing
 * it takes about 2 ms (that store's file: 3.5 GB, written in 9 minutes). The file holds one JSON block per document: its rows of every set of
 * task rows, by the set's name, as the database read them. The index beside it (`.index.json`)
 * holds the graph's version stamp and each document's offset and length; it is written last, and
 * removed before a new file is written, so a crash never pairs an index with another file.
 */
import { existsSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

const FORMAT = 1;
/** Documents whose parsed blocks are kept (a few hundred KB each): a compare reads each of its 20 documents for four lookups. */
const PARSED_BLOCKS = 64;

/** One document's rows of each set of task rows, by the set's name (its `every` query's). */
export type DocumentTaskRows = Readonly<Record<string, readonly object[]>>;

export interface TaskRowsFile {
  /** The graph's version stamp the rows are of. */
  readonly stamp: string;
  /** Whether the file holds this document's rows. */
  has(policyId: string): boolean;
  /** The document's rows, frozen: every caller shares them. Rejects for a document the file does not hold. */
  rowsOf(policyId: string): Promise<DocumentTaskRows>;
  close(): Promise<void>;
}

interface IndexJson {
  format: number;
  stamp: string;
  documents: [policyId: string, offset: number, length: number][];
}

type Documents = AsyncIterable<readonly [policyId: string, rows: DocumentTaskRows]>;

export const indexFileOf = (file: string) => `${file}.index.json`;

/** Writes every document's rows as `documents` yields them, stamped with `stamp`; when `documents` throws, nothing is written. */
export async function writeTaskRowsFile(file: string, stamp: string, documents: Documents): Promise<void> {
  await rm(indexFileOf(file), { force: true });
  const partial = `${file}.partial`;
  const index: IndexJson = { format: FORMAT, stamp, documents: [] };
  const handle = await open(partial, 'w');
  let offset = 0;
  try {
    for await (const [policyId, rows] of documents) {
      const bytes = Buffer.from(JSON.stringify(rows));
      for (let at = 0; at < bytes.length;) at += (await handle.write(bytes, at, bytes.length - at, offset + at)).bytesWritten;
      index.documents.push([policyId, offset, bytes.length]);
      offset += bytes.length;
    }
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  await rename(partial, file);
  await writeFile(`${indexFileOf(file)}.partial`, JSON.stringify(index));
  await rename(`${indexFileOf(file)}.partial`, indexFileOf(file));
}

/** Every row and list of rows frozen: a block is shared by every request that reads the document. */
function frozenRows(sets: Record<string, object[]>): DocumentTaskRows {
  for (const rows of Object.values(sets)) {
    for (const row of rows) Object.freeze(row);
    Object.freeze(rows);
  }
  return Object.freeze(sets);
}

/** The file's rows when its index says they are of `stamp`; null when absent, of another version, or cut short. */
export async function openTaskRowsFile(file: string, stamp: string): Promise<TaskRowsFile | null> {
  if (!existsSync(file) || !existsSync(indexFileOf(file))) return null;
  let index: IndexJson;
  try {
    index = JSON.parse(await readFile(indexFileOf(file), 'utf8')) as IndexJson;
  } catch {
    return null;
  }
  if (index.format !== FORMAT || index.stamp !== stamp || !Array.isArray(index.documents)) return null;
  const handle: FileHandle = await open(file, 'r');
  const { size } = await handle.stat();
  const blocks = new Map(index.documents.map(([policyId, offset, length]) => [policyId, [offset, length] as const]));
  if ([...blocks.values()].some(([offset, length]) => offset + length > size)) {
    await handle.close();
    return null;
  }
  /** Parsed blocks, least recently used first; a block being read is shared by those asking meanwhile. */
  const parsed = new Map<string, Promise<DocumentTaskRows>>();
  return {
    stamp,
    has: (policyId) => blocks.has(policyId),
    rowsOf(policyId) {
      let rows = parsed.get(policyId);
      if (rows) parsed.delete(policyId);
      else {
        const block = blocks.get(policyId);
        if (!block) return Promise.reject(new Error(`${file} holds no rows of document ${policyId}`));
        const [offset, length] = block;
        const bytes = Buffer.allocUnsafe(length);
        rows = handle
          .read(bytes, 0, length, offset)
          .then(({ bytesRead }) => frozenRows(JSON.parse(bytes.toString('utf8', 0, bytesRead)) as Record<string, object[]>));
        rows.catch(() => parsed.get(policyId) === rows && parsed.delete(policyId));
      }
      parsed.set(policyId, rows);
      if (parsed.size > PARSED_BLOCKS) parsed.delete(parsed.keys().next().value as string);
      return rows;
    },
    close: () => handle.close(),
  };
}
