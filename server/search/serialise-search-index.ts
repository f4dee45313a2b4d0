/**
 * @module A built search index as bytes and back, so that a server can start from a saved index
 * instead of folding and indexing every task again. The short strings (ids, titles,
 * jurisdictions) go in one JSON header, which V8 parses fast; the folded corpus (UTF-16 units),
 * where the texts as written differ from it, and the postings follow as the raw bytes of their
 * typed arrays, each at an offset a multiple of 8, and are read back as views on the bytes without copying.
 *
 * Layout: "RGSI", format version (uint32), header length (uint32), header (UTF-8 JSON), padding
 * to 8, then the arrays in ARRAYS's order, each padded to 8. Typed arrays are written in the machine's byte
 * order; the header records it and a reader of the other order refuses the bytes.
 */
import type { GramIndex } from './bigram-postings.js';
import type { FoldedCorpus } from './folded-corpus.js';
import { searchIndexOf, type BuiltSearchIndex, type SearchIndexData } from './search-index.js';

const MAGIC = 'RGSI';
/**
 * 2: the texts as written kept where they differ from the folded corpus (`unfoldedAt`, `unfoldedUnits`), not in full.
 * 3: each task's document (`policies`, `policyOf`).
 */
const FORMAT_VERSION = 3;
const PREFIX_BYTES = 12;

/** The typed arrays of an index, in the order they are written. */
const ARRAYS: Record<ArrayName, Uint8ArrayConstructor | Uint16ArrayConstructor | Int32ArrayConstructor> = {
  units: Uint16Array,
  unfoldedAt: Int32Array,
  unfoldedUnits: Uint16Array,
  starts: Int32Array,
  charIds: Int32Array,
  pairKeys: Int32Array,
  pairIds: Int32Array,
  postingStarts: Int32Array,
  docs: Int32Array,
  info: Uint8Array,
  first: Uint16Array,
  policyOf: Int32Array,
};
type IndexArrays = FoldedCorpus & GramIndex & { unfoldedAt: Int32Array; unfoldedUnits: Uint16Array; policyOf: Int32Array };
type ArrayName = keyof IndexArrays;
const ARRAY_NAMES = Object.keys(ARRAYS) as ArrayName[];

interface Header {
  littleEndian: boolean;
  ids: string[];
  titles: string[];
  jurisdictionIds: string[];
  /** Each document once: task `i`'s is `policies[policyOf[i]]`. */
  policies: string[];
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
  const numbers = new Map<string, number>();
  const policyOf = Int32Array.from(policyIds, (policyId) => {
    let number = numbers.get(policyId);
    if (number === undefined) numbers.set(policyId, (number = numbers.size));
    return number;
  });
  const arrays: IndexArrays = { ...corpus, unfoldedAt: unfolded.at, unfoldedUnits: unfolded.units, ...grams, policyOf };
  const lengths = Object.fromEntries(ARRAY_NAMES.map((name) => [name, arrays[name].length])) as Record<ArrayName, number>;
  const header: Header = {
    littleEndian: machineIsLittleEndian,
    ids: [...ids],
    titles: [...titles],
    jurisdictionIds: [...jurisdictionIds],
    policies: [...numbers.keys()],
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

/**
 * Serialised bytes read `length` at `offset` at a time: bytes in memory, or a file read array by
 * array (an index of 2 million tasks takes 3 GB, more than one Buffer holds: 2 GiB through readFile).
 */
export interface ByteSource {
  readonly size: number;
  /** The bytes from `offset`, fewer than `length` only where the source ends. */
  read(offset: number, length: number): Uint8Array | Promise<Uint8Array>;
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
  const arrays = {} as IndexArrays;
  for (const name of ARRAY_NAMES) {
    const byteLength = lengths[name] * ARRAYS[name].BYTES_PER_ELEMENT;
    const bytes = aligned(await source.read(offsets[name], byteLength));
    if (bytes.length < byteLength) throw new SearchIndexBytesError(`the array ${name} is cut short`);
    (arrays as Record<ArrayName, unknown>)[name] = new ARRAYS[name](bytes.buffer, bytes.byteOffset, lengths[name]);
  }
  const { units, starts, unfoldedAt, unfoldedUnits, policyOf, ...grams } = arrays;
  if (!Array.isArray(header.policies) || policyOf.some((number) => number < 0 || number >= header.policies.length))
    throw new SearchIndexBytesError('a task names a document outside the list of documents');
  const data: SearchIndexData = {
    ids: header.ids,
    titles: header.titles,
    jurisdictionIds: header.jurisdictionIds,
    policyIds: Array.from(policyOf, (number) => header.policies[number] ?? ''),
    corpus: { units, starts },
    unfolded: { at: unfoldedAt, units: unfoldedUnits },
    grams,
  };
  checkShape(data);
  return searchIndexOf(data);
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
function checkShape({ ids, titles, jurisdictionIds, policyIds, corpus, unfolded, grams }: SearchIndexData): void {
  const taskCount = corpus.starts.length - 1;
  const lists = { ids, titles, jurisdictionIds, policyIds };
  for (const [name, list] of Object.entries(lists)) {
    if (!Array.isArray(list) || list.length !== taskCount)
      throw new SearchIndexBytesError(`${name} does not hold one entry per task (${taskCount})`);
  }
  if (unfolded.at.length !== unfolded.units.length) throw new SearchIndexBytesError('the unfolded positions and units differ in length');
  if (unfolded.at.some((at, i) => at < 0 || at >= corpus.units.length || (i > 0 && at <= (unfolded.at[i - 1] ?? 0))))
    throw new SearchIndexBytesError('the unfolded positions are not ascending positions of the corpus');
  if (corpus.starts.at(-1) !== corpus.units.length) throw new SearchIndexBytesError('the task starts do not end at the corpus length');
  if (grams.charIds.length !== 0x10000) throw new SearchIndexBytesError('the character table is not one entry per UTF-16 unit');
  if (grams.pairKeys.length !== grams.pairIds.length) throw new SearchIndexBytesError('pair keys and pair ids differ in length');
  const postingCount = grams.postingStarts.at(-1);
  if (postingCount !== grams.docs.length || postingCount !== grams.info.length || postingCount !== grams.first.length) {
    throw new SearchIndexBytesError('the posting starts do not end at the postings length');
  }
}
