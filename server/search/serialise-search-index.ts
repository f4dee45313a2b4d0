/**
 * @module A built search index as bytes and back, so that a server can start from a saved index
 * instead of folding and indexing every task again. A small JSON header holds each jurisdiction
 * and document once; everything per task is in typed arrays (the folded corpus as UTF-16 units,
 * where each title lies in it, where the texts as written differ, the ids, each task's jurisdiction
 * and document by number, the postings), written as their raw bytes, each at an offset a multiple of 8, and read
 * back as views on the bytes without copying. No string is made per task as the index is read: on
 * a store of 2 million tasks, ids and titles in the header were 330 MB of JSON, 4 s to decode and
 * parse, and 2 s of garbage collection.
 *
 * Layout: "RGSI", format version (uint32), header length (uint32), header (UTF-8 JSON), padding
 * to 8, then the arrays in ARRAYS's order, each padded to 8. Typed arrays are written in the machine's byte
 * order; the header records it and a reader of the other order refuses the bytes.
 */
import type { GramIndex, Postings, PostingsReader } from './bigram-postings.js';
import { fromUnits, joinedUnits, type FoldedCorpus } from './folded-corpus.js';
import { searchIndexOf, type BuiltSearchIndex, type TaskStrings } from './search-index.js';

const MAGIC = 'RGSI';
/**
 * 2: the texts as written kept where they differ from the folded corpus (`unfoldedAt`, `unfoldedUnits`), not in full.
 * 3: each task's document (`policies`, `policyOf`).
 * 4: titles folded, ids and jurisdictions in arrays (`titleUnits`, `idUnits`, `jurisdictionOf`), not in the header.
 * 5: titles as spans of the corpus, which holds them (`titleFrom`, `titleTo`), not folded again.
 */
const FORMAT_VERSION = 5;
const PREFIX_BYTES = 12;

/** The typed arrays of an index, in the order they are written. */
const ARRAYS: Record<ArrayName, Uint8ArrayConstructor | Uint16ArrayConstructor | Int32ArrayConstructor> = {
  units: Uint16Array,
  unfoldedAt: Int32Array,
  unfoldedUnits: Uint16Array,
  starts: Int32Array,
  titleFrom: Int32Array,
  titleTo: Int32Array,
  idUnits: Uint16Array,
  idStarts: Int32Array,
  charIds: Int32Array,
  pairKeys: Int32Array,
  pairIds: Int32Array,
  postingStarts: Int32Array,
  docs: Int32Array,
  info: Uint8Array,
  first: Uint16Array,
  jurisdictionOf: Int32Array,
  policyOf: Int32Array,
};
type IndexArrays = FoldedCorpus &
  Omit<GramIndex, 'postings'> &
  Postings & {
    unfoldedAt: Int32Array;
    unfoldedUnits: Uint16Array;
    titleFrom: Int32Array;
    titleTo: Int32Array;
    idUnits: Uint16Array;
    idStarts: Int32Array;
    jurisdictionOf: Int32Array;
    policyOf: Int32Array;
  };
type ArrayName = keyof IndexArrays;
const ARRAY_NAMES = Object.keys(ARRAYS) as ArrayName[];
/** The arrays a source that reads on demand leaves in the file (see ByteSource.readNow). */
const POSTING_ARRAYS = ['docs', 'info', 'first'] as const satisfies readonly ArrayName[];
const isPostingArray = (name: ArrayName) => (POSTING_ARRAYS as readonly ArrayName[]).includes(name);

interface Header {
  littleEndian: boolean;
  /** Each jurisdiction once: task `i`'s is `jurisdictions[jurisdictionOf[i]]`. */
  jurisdictions: string[];
  /** Each document once: task `i`'s is `policies[policyOf[i]]`. */
  policies: string[];
  /**
   * The tasks whose id `idUnits` holds whole. The others' ids are their document's id, '#' and
   * what `idUnits` holds (as ingest names tasks: taskIdOf in ingest/load/ids.ts), each document's id once.
   */
  wholeIds: number[];
  /** Each array's length in elements. */
  lengths: Record<ArrayName, number>;
}

/** Bad bytes handed to deserialiseSearchIndex: not an index, another version, or cut short. */
export class SearchIndexBytesError extends Error {
  readonly code = 'SEARCH_INDEX_BYTES';
  constructor(problem: string) {
    super(`cannot read the search index: ${problem}`);
    this.name = 'SearchIndexBytesError';
  }
}

const machineIsLittleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const alignTo8 = (offset: number) => Math.ceil(offset / 8) * 8;

export function serialiseSearchIndex(index: BuiltSearchIndex): Uint8Array {
  const parts = serialisedParts(index);
  const bytes = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * The bytes of serialiseSearchIndex in parts, one after another: the prefix and header, then each
 * array as a view of its own bytes (no copy) with its padding. A file writer writes them in turn
 * instead of copying hundreds of MB into one buffer.
 */
export function serialisedParts(index: BuiltSearchIndex): Uint8Array[] {
  const { ids, titles, jurisdictionIds, policyIds, corpus, unfolded, grams } = index.data;
  const { postings, ...gramArrays } = grams;
  const policies = numbered(policyIds);
  const jurisdictions = numbered(jurisdictionIds);
  const wholeIds: number[] = [];
  const storedIds = joinedUnits(
    Array.from({ length: ids.length }, (_, task) => {
      const id = ids.at(task) ?? '';
      const prefix = `${policyIds.at(task) ?? ''}#`;
      if (id.startsWith(prefix)) return id.slice(prefix.length);
      wholeIds.push(task);
      return id;
    }),
  );
  const arrays: IndexArrays = {
    ...corpus,
    unfoldedAt: unfolded.at,
    unfoldedUnits: unfolded.units,
    titleFrom: titles.from,
    titleTo: titles.to,
    idUnits: storedIds.units,
    idStarts: storedIds.starts,
    ...gramArrays,
    // An index whose postings were left in its file is written with them read back whole.
    ...('read' in postings ? postings.read(0, postings.length) : postings),
    jurisdictionOf: jurisdictions.of,
    policyOf: policies.of,
  };
  const lengths = Object.fromEntries(ARRAY_NAMES.map((name) => [name, arrays[name].length])) as Record<ArrayName, number>;
  const header: Header = {
    littleEndian: machineIsLittleEndian,
    jurisdictions: jurisdictions.table,
    policies: policies.table,
    wholeIds,
    lengths,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  // The first array starts at the next multiple of 8, as layArrays lays it.
  const head = new Uint8Array(alignTo8(PREFIX_BYTES + headerBytes.length));
  head.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(head.buffer);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  head.set(headerBytes, PREFIX_BYTES);
  const parts: Uint8Array[] = [head];
  let end = head.length;
  for (const name of ARRAY_NAMES) {
    const array = arrays[name];
    parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    end += array.byteLength;
    const padding = alignTo8(end) - end;
    if (padding > 0) parts.push(new Uint8Array(padding));
    end += padding;
  }
  return parts;
}

/** Each distinct string of `list` once (`table`), and each entry's number in it (`of`). */
function numbered(list: TaskStrings): { table: string[]; of: Int32Array } {
  const numbers = new Map<string, number>();
  const of = Int32Array.from({ length: list.length }, (_, at) => {
    const value = list.at(at) ?? '';
    let number = numbers.get(value);
    if (number === undefined) numbers.set(value, (number = numbers.size));
    return number;
  });
  return { table: [...numbers.keys()], of };
}

/** The list whose entry `at` is `table[numbers[at]]`. */
function listOf(table: readonly string[], numbers: Int32Array): TaskStrings {
  return { length: numbers.length, at: (at) => table[numbers[at] ?? -1] };
}

/**
 * Serialised bytes read `length` at `offset` at a time: bytes in memory, or a file read array by
 * array (an index of 2 million tasks takes 3 GB, more than one Buffer holds: 2 GiB through readFile).
 */
export interface ByteSource {
  readonly size: number;
  /** The bytes from `offset`, fewer than `length` only where the source ends. */
  read(offset: number, length: number): Uint8Array | Promise<Uint8Array>;
  /**
   * The same, at once (a file kept open): the index's postings are then left in the source and
   * read gram by gram as searches ask for them, not held in memory (see PostingsReader).
   */
  readNow?(offset: number, length: number, into: Uint8Array): void;
}

/** Views need their offsets aligned in the buffer; a Buffer from a file may start anywhere in a pool. */
function aligned(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset % 8 === 0 && bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

/** The index written by serialiseSearchIndex; rejects with SearchIndexBytesError for anything else. */
export async function deserialiseSearchIndex(input: Uint8Array | ByteSource): Promise<BuiltSearchIndex> {
  const source: ByteSource =
    input instanceof Uint8Array ? { size: input.length, read: (at, length) => input.subarray(at, at + length) } : input;
  const prefix = aligned(await source.read(0, PREFIX_BYTES));
  if (prefix.length < PREFIX_BYTES || new TextDecoder().decode(prefix.subarray(0, 4)) !== MAGIC)
    throw new SearchIndexBytesError('the bytes do not start with "RGSI"');
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new SearchIndexBytesError(`format version ${version}, this build reads version ${FORMAT_VERSION}`);
  const headerEnd = PREFIX_BYTES + view.getUint32(8, true);
  if (headerEnd > source.size) throw new SearchIndexBytesError('the header is cut short');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await source.read(PREFIX_BYTES, headerEnd - PREFIX_BYTES)));
  } catch (error) {
    throw new SearchIndexBytesError(`the header is not JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed) || !isObject(parsed.lengths)) throw new SearchIndexBytesError('the header has no array lengths');
  // Each length and list is checked below, before it is used.
  const header = parsed as unknown as Header;
  if (header.littleEndian !== machineIsLittleEndian) throw new SearchIndexBytesError('it was written on a machine of the other byte order');

  const lengths = header.lengths;
  const { offsets } = layArrays(headerEnd, lengths);
  for (const name of ARRAY_NAMES) {
    const length = lengths[name];
    if (!Number.isSafeInteger(length) || length < 0) throw new SearchIndexBytesError(`the header gives no length for the array ${name}`);
    if (offsets[name] + length * ARRAYS[name].BYTES_PER_ELEMENT > source.size)
      throw new SearchIndexBytesError(`the array ${name} is cut short`);
  }
  // Every array asked for at once: a file source allocates each array's memory as it is asked,
  // and V8 collects garbage as that memory grows, in full pauses as long as the heap is large.
  // Asked for at once, the collections come while the heap is as small as it will be (reading
  // the kept rows meanwhile grows it to 450 MB on a store of 30,000 documents, where pauses of 0.4-1.3 s came
  // with each array asked for one after another).
  const readNow = source.readNow?.bind(source);
  const inMemory = readNow ? ARRAY_NAMES.filter((name) => !isPostingArray(name)) : ARRAY_NAMES;
  const read = await Promise.all(inMemory.map(async (name) => source.read(offsets[name], lengths[name] * ARRAYS[name].BYTES_PER_ELEMENT)));
  const arrays = {} as IndexArrays;
  for (const [at, name] of inMemory.entries()) {
    const bytes = aligned(read[at] ?? new Uint8Array(0));
    if (bytes.length < lengths[name] * ARRAYS[name].BYTES_PER_ELEMENT) throw new SearchIndexBytesError(`the array ${name} is cut short`);
    (arrays as Record<ArrayName, unknown>)[name] = new ARRAYS[name](bytes.buffer, bytes.byteOffset, lengths[name]);
  }
  checkShape(arrays, header);
  const {
    units,
    starts,
    unfoldedAt,
    unfoldedUnits,
    titleFrom,
    titleTo,
    idUnits,
    idStarts,
    jurisdictionOf,
    policyOf,
    docs,
    info,
    first,
    ...gramArrays
  } = arrays;
  const postings = readNow ? postingsReader(readNow, lengths.docs, offsets) : { docs, info, first };
  const wholeIds = new Set(header.wholeIds);
  const policyIds = listOf(header.policies, policyOf);
  const ids: TaskStrings = {
    length: idStarts.length - 1,
    at(task) {
      const from = idStarts[task];
      const to = idStarts[task + 1];
      if (from === undefined || to === undefined) return undefined;
      const stored = fromUnits(idUnits.subarray(from, to));
      return wholeIds.has(task) ? stored : `${policyIds.at(task) ?? ''}#${stored}`;
    },
  };
  return searchIndexOf({
    ids,
    titles: { from: titleFrom, to: titleTo },
    jurisdictionIds: listOf(header.jurisdictions, jurisdictionOf),
    policyIds,
    corpus: { units, starts },
    unfolded: { at: unfoldedAt, units: unfoldedUnits },
    grams: { ...gramArrays, postings },
  });
}

/** Postings read from the source as asked, each field into arrays of their own. */
function postingsReader(readNow: NonNullable<ByteSource['readNow']>, length: number, offsets: Record<ArrayName, number>): PostingsReader {
  const readArray = <T extends Int32Array | Uint8Array | Uint16Array>(name: (typeof POSTING_ARRAYS)[number], array: T, from: number): T => {
    readNow(offsets[name] + from * array.BYTES_PER_ELEMENT, array.byteLength, new Uint8Array(array.buffer));
    return array;
  };
  return {
    length,
    read(from, to) {
      if (!(0 <= from && from <= to && to <= length)) throw new RangeError(`postings ${from} to ${to} are outside the index's ${length}`);
      const count = to - from;
      return {
        docs: readArray('docs', new Int32Array(count), from),
        info: readArray('info', new Uint8Array(count), from),
        first: readArray('first', new Uint16Array(count), from),
      };
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Where each array starts when the header ends at `headerEnd`, and the size of the whole: each at a multiple of 8, in ARRAY_NAMES's order. */
function layArrays(headerEnd: number, lengths: Record<ArrayName, number>): { offsets: Record<ArrayName, number>; size: number } {
  const offsets = {} as Record<ArrayName, number>;
  let size = alignTo8(headerEnd);
  for (const name of ARRAY_NAMES) {
    offsets[name] = size;
    size = alignTo8(size + lengths[name] * ARRAYS[name].BYTES_PER_ELEMENT);
  }
  return { offsets, size };
}

/** The checks that keep a damaged index from answering wrong tasks instead of failing. */
function checkShape(arrays: IndexArrays, header: Header): void {
  const taskCount = arrays.starts.length - 1;
  const spans = {
    corpus: [arrays.starts, arrays.units],
    ids: [arrays.idStarts, arrays.idUnits],
  } as const;
  for (const [name, [starts, units]] of Object.entries(spans)) {
    if (starts.length !== taskCount + 1) throw new SearchIndexBytesError(`the ${name} do not hold one entry per task (${taskCount})`);
    if (starts.at(-1) !== units.length || starts.some((start, i) => i > 0 && start < (starts[i - 1] ?? 0)))
      throw new SearchIndexBytesError(`the starts of the ${name} do not ascend to their length`);
  }
  // A title outside its task's content would be scored against another task's words.
  const { starts, titleFrom, titleTo } = arrays;
  if (titleFrom.length !== taskCount || titleTo.length !== taskCount)
    throw new SearchIndexBytesError(`the titles do not hold one entry per task (${taskCount})`);
  for (let task = 0; task < taskCount; task += 1) {
    const from = titleFrom[task] ?? -1;
    const to = titleTo[task] ?? -1;
    if (!((starts[task] ?? 0) <= from && from <= to && to <= (starts[task + 1] ?? -1)))
      throw new SearchIndexBytesError(`the title of task ${task} lies outside its content`);
  }
  const tables = { jurisdictions: [arrays.jurisdictionOf, header.jurisdictions], policies: [arrays.policyOf, header.policies] } as const;
  for (const [name, [numbers, table]] of Object.entries(tables)) {
    if (!Array.isArray(table) || numbers.length !== taskCount || numbers.some((number) => number < 0 || number >= table.length))
      throw new SearchIndexBytesError(`a task names an entry outside the list of ${name}`);
  }
  if (!Array.isArray(header.wholeIds)) throw new SearchIndexBytesError('the header has no list of whole ids');
  const { unfoldedAt, unfoldedUnits, units, charIds, pairKeys, pairIds, postingStarts } = arrays;
  if (unfoldedAt.length !== unfoldedUnits.length) throw new SearchIndexBytesError('the unfolded positions and units differ in length');
  if (unfoldedAt.some((at, i) => at < 0 || at >= units.length || (i > 0 && at <= (unfoldedAt[i - 1] ?? 0))))
    throw new SearchIndexBytesError('the unfolded positions are not ascending positions of the corpus');
  if (charIds.length !== 0x10000) throw new SearchIndexBytesError('the character table is not one entry per UTF-16 unit');
  if (pairKeys.length !== pairIds.length) throw new SearchIndexBytesError('pair keys and pair ids differ in length');
  const { lengths } = header;
  const postingCount = postingStarts.at(-1);
  if (postingCount !== lengths.docs || postingCount !== lengths.info || postingCount !== lengths.first) {
    throw new SearchIndexBytesError('the posting starts do not end at the postings length');
  }
  // A gram's postings are read between its starts: descending starts would read another gram's.
  if (postingStarts[0] !== 0 || postingStarts.some((start, i) => i > 0 && start < (postingStarts[i - 1] ?? 0)))
    throw new SearchIndexBytesError('the posting starts do not ascend from 0');
}
