/**
 * @module Over maxKeptTasks (kept-graph.ts), the rows about each document's tasks kept on disk
 * beside the database instead of in memory: on a store of 30,000 documents a new compare read its
 * 20 documents' rows in 80 queries of 5–7 ms each, and a search its hits' in 4 of about 15 ms. The
 * file holds a block per document: a header listing its tasks, each with the length of its
 * segment, then one JSON segment per task, holding the task's rows of every set of task rows, by
 * the set's name, as the database read them. A whole document is one read (117 KB on average on
 * that store, about 2 ms to parse); a task, two small ones (its document's header, kept parsed, and
 * its segment). The index beside the file (`.index.json`) holds the graph's version stamp and
 * where each block and its header end; it is written last, and removed before a new file is
 * written, so a crash never pairs an index with another file.
 */
import { existsSync, readSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

const FORMAT = 2;
/** Documents whose parsed headers are kept (a few KB each): search hits and lineages meet in the same documents. */
const PARSED_HEADERS = 4096;
/** Whole documents kept parsed (a few hundred KB each): a compare reads each of its 20 documents for four lookups at once. */
const PARSED_DOCUMENTS = 32;

/** `make(key)` once per key for the last `size` keys used, those used least recently let go first; a failed one is not kept. */
function recentlyUsed<T>(size: number, make: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return (key) => {
    let value = made.get(key);
    if (value) made.delete(key);
    else {
      value = make(key);
      value.catch(() => made.get(key) === value && made.delete(key));
    }
    made.set(key, value);
    if (made.size > size) made.delete(made.keys().next().value as string);
    return value;
  };
}

/** Rows of each set of task rows, by the set's name (its `every` query's): of a document, or of some of its tasks. */
export type DocumentTaskRows = Readonly<Record<string, readonly object[]>>;

/** What a file is written from: each document's tasks, in order, each with its rows. */
export type DocumentsToWrite = AsyncIterable<readonly [policyId: string, tasks: ReadonlyMap<string, DocumentTaskRows>]>;

export interface TaskRowsFile {
  /** The graph's version stamp the rows are of. */
  readonly stamp: string;
  /** Whether the file holds this document's rows. */
  has(policyId: string): boolean;
  /** The document's rows, frozen. Rejects for a document the file does not hold. */
  rowsOf(policyId: string): Promise<DocumentTaskRows>;
  /** The rows of these tasks of the document (none for a task it does not have), frozen. */
  rowsOfTasks(policyId: string, taskIds: readonly string[]): Promise<DocumentTaskRows>;
  close(): Promise<void>;
}

interface IndexJson {
  format: number;
  stamp: string;
  documents: [policyId: string, offset: number, headerLength: number, length: number][];
}

/** A block's header: its tasks in order, each with the length of its segment in bytes. */
type Header = [taskId: string, length: number][];

export const indexFileOf = (file: string) => `${file}.index.json`;

/** Writes every document's rows as `documents` yields them, stamped with `stamp`; when `documents` throws, nothing is written. */
export async function writeTaskRowsFile(file: string, stamp: string, documents: DocumentsToWrite): Promise<void> {
  await rm(indexFileOf(file), { force: true });
  const partial = `${file}.partial`;
  const index: IndexJson = { format: FORMAT, stamp, documents: [] };
  const handle = await open(partial, 'w');
  let offset = 0;
  try {
    for await (const [policyId, tasks] of documents) {
      const segments = [...tasks.values()].map((rows) => Buffer.from(JSON.stringify(rows)));
      const header = Buffer.from(JSON.stringify([...tasks.keys()].map((taskId, i) => [taskId, segments[i]?.length ?? 0])));
      const bytes = Buffer.concat([header, ...segments]);
      for (let at = 0; at < bytes.length;) at += (await handle.write(bytes, at, bytes.length - at, offset + at)).bytesWritten;
      index.documents.push([policyId, offset, header.length, bytes.length]);
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

/** The segments' rows merged set by set, in the order given, every row and list frozen: callers share them. */
function mergedRows(segments: readonly Record<string, object[]>[]): DocumentTaskRows {
  const merged: Record<string, object[]> = {};
  for (const segment of segments)
    for (const [set, rows] of Object.entries(segment)) {
      const into = (merged[set] ??= []);
      for (const row of rows) into.push(Object.freeze(row));
    }
  for (const rows of Object.values(merged)) Object.freeze(rows);
  return Object.freeze(merged);
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
  const blocks = new Map(index.documents.map(([policyId, offset, headerLength, length]) => [policyId, { offset, headerLength, length }]));
  if ([...blocks.values()].some(({ offset, headerLength, length }) => headerLength > length || offset + length > size)) {
    await handle.close();
    return null;
  }
  const blockOf = (policyId: string) => {
    const block = blocks.get(policyId);
    if (!block) throw new Error(`${file} holds no rows of document ${policyId}`);
    return block;
  };
  // Read at once, not through libuv's thread pool: the bytes come from the page cache in microseconds,
  // while each round trip through the pool left the server's thread idle. On the 30,000-document store
  // 50 clients asking new compares got 8.3 and 7.2 requests/s against 4.5 and 4.7, and lineage p95 was
  // 7.3 and 7.2 ms against 8.1 and 9.3 (two alternate runs each); a block not in the page cache
  // holds the thread for one disk read, as the search index's postings do (search-index-file.ts).
  const read = async (offset: number, length: number) => {
    const bytes = Buffer.allocUnsafe(length);
    const bytesRead = readSync(handle.fd, bytes, 0, length, offset);
    return bytes.subarray(0, bytesRead);
  };
  const headerOf = recentlyUsed(PARSED_HEADERS, async (policyId) => {
    const { offset, headerLength } = blockOf(policyId);
    return JSON.parse((await read(offset, headerLength)).toString('utf8')) as Header;
  });
  const documentOf = recentlyUsed(PARSED_DOCUMENTS, async (policyId) => {
    const { offset, headerLength, length } = blockOf(policyId);
    const bytes = await read(offset, length);
    const header = JSON.parse(bytes.toString('utf8', 0, headerLength)) as Header;
    const segments: Record<string, object[]>[] = [];
    let at = headerLength;
    for (const [, segmentLength] of header) {
      segments.push(JSON.parse(bytes.toString('utf8', at, at + segmentLength)) as Record<string, object[]>);
      at += segmentLength;
    }
    return mergedRows(segments);
  });
  return {
    stamp,
    has: (policyId) => blocks.has(policyId),
    rowsOf: async (policyId) => documentOf(policyId),
    async rowsOfTasks(policyId, taskIds) {
      const { offset, headerLength } = blockOf(policyId);
      const wanted = new Set(taskIds);
      const places: [start: number, length: number][] = [];
      let at = offset + headerLength;
      for (const [taskId, segmentLength] of await headerOf(policyId)) {
        if (wanted.has(taskId)) places.push([at, segmentLength]);
        at += segmentLength;
      }
      const segments = await Promise.all(
        places.map(
          async ([start, segmentLength]) => JSON.parse((await read(start, segmentLength)).toString('utf8')) as Record<string, object[]>,
        ),
      );
      return mergedRows(segments);
    },
    close: () => handle.close(),
  };
}
