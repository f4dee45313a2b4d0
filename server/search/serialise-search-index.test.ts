import { describe, expect, it } from 'vitest';
import { sampleSearchDocuments } from '../testing/search-documents.js';
import { createSearchIndex, searchIndexOf, type SearchDocument, type SearchOptions, type TaskStrings } from './search-index.js';
import { deserialiseSearchIndex, SearchIndexBytesError, serialiseSearchIndex } from './serialise-search-index.js';

const documents: SearchDocument[] = [
  ...sampleSearchDocuments,
  {
    id: 'f',
    title: '按病种分值付费',
    text: '全面推行按病种分值付费（ＤＩＰ），与DRG付费协同推进。',
    jurisdictionId: '510100',
    policyId: 'doc:成府发〔2021〕3号',
  },
  {
    id: 'g',
    title: '互联网+医疗健康',
    text: '发展“互联网+医疗健康”，推广5G远程医疗。',
    jurisdictionId: '440300',
    policyId: 'doc:深府发〔2022〕1号',
  },
  {
    // Named as ingest names a task: its document's id, '#' and its path (taskIdOf).
    id: 'doc:深府发〔2022〕1号#二/3/①',
    title: '紧密型县域医共体',
    text: '推进紧密型县域医共体建设。',
    jurisdictionId: '440300',
    policyId: 'doc:深府发〔2022〕1号',
  },
];

/** Every entry of one of an index's lists of a string per task. */
const entries = (list: TaskStrings) => Array.from({ length: list.length }, (_, at) => list.at(at));

/** The tasks each query finds (in any order), for Chinese phrases, English names and numbers, a query jieba must segment, and queries that find nothing. */
const queries: { query: string; options?: SearchOptions; expected: string[] }[] = [
  { query: '医保支付', expected: ['a', 'd'] },
  { query: '制度', expected: ['b', 'c', 'e'] },
  { query: '制度', options: { jurisdictionId: '510100' }, expected: ['c', 'e'] },
  { query: '药品 集中采购', expected: ['c'] },
  { query: 'DRG', expected: ['a', 'f'] },
  { query: 'dip', expected: ['f'] },
  { query: '5G', expected: ['g'] },
  { query: '县域医共体', expected: ['doc:深府发〔2022〕1号#二/3/①'] },
  { query: '互联网+', expected: ['g'] },
  { query: '医保支付改革', expected: ['a', 'd'] },
  { query: '公共卫生应急', expected: [] },
  { query: 'NHSA', expected: [] },
  { query: '制度', options: { jurisdictionId: '110000' }, expected: [] },
];

describe('serialiseSearchIndex and deserialiseSearchIndex', () => {
  const built = createSearchIndex(documents);

  it('gives back an index that answers every query exactly as the one it was written from', async () => {
    const restored = await deserialiseSearchIndex(serialiseSearchIndex(built));
    expect(restored.size).toBe(documents.length);
    expect(entries(restored.data.policyIds)).toEqual([
      ...Array<string>(5).fill(''),
      'doc:成府发〔2021〕3号',
      'doc:深府发〔2022〕1号',
      'doc:深府发〔2022〕1号',
    ]);
    expect(entries(restored.data.ids)).toEqual(documents.map((doc) => doc.id));
    expect(entries(restored.data.jurisdictionIds)).toEqual(documents.map((doc) => doc.jurisdictionId));
    expect(restored.data.ids.at(documents.length)).toBeUndefined();
    for (const { query, options, expected } of queries) {
      const hits = restored.search(query, options);
      expect(hits.map((hit) => hit.id).sort(), query).toEqual(expected);
      expect(hits, query).toEqual(built.search(query, options));
    }
  });

  it('reads an index array by array from a source of bytes, as from a file too large for one buffer', async () => {
    const bytes = serialiseSearchIndex(built);
    const reads: number[] = [];
    const source = {
      size: bytes.length,
      read: async (offset: number, length: number) => {
        reads.push(length);
        return bytes.slice(offset, offset + length);
      },
    };
    const restored = await deserialiseSearchIndex(source);
    expect(restored.search('家庭医生')).toEqual(built.search('家庭医生'));
    // The prefix, the header, then each of the seventeen arrays: no read of the whole.
    expect(reads.length).toBe(19);
    expect(Math.max(...reads)).toBeLessThan(bytes.length);
  });

  it('leaves the postings in a source that reads on demand, reading the lists of the grams searched for', async () => {
    const bytes = serialiseSearchIndex(built);
    const reads: number[] = [];
    let readNowBytes = 0;
    const source = {
      size: bytes.length,
      read: (offset: number, length: number) => {
        reads.push(length);
        return bytes.slice(offset, offset + length);
      },
      readNow: (offset: number, length: number, into: Uint8Array) => {
        readNowBytes += length;
        into.set(bytes.subarray(offset, offset + length));
      },
    };
    const restored = await deserialiseSearchIndex(source);
    // The prefix, the header and every array but the postings' three.
    expect(reads.length).toBe(16);
    expect(readNowBytes).toBe(0);
    const { postings } = built.data.grams;
    if ('read' in postings) throw new Error('a built index holds its postings in memory');
    const postingBytes = postings.docs.byteLength + postings.info.byteLength + postings.first.byteLength;
    for (const { query, options } of queries) {
      readNowBytes = 0;
      expect(restored.search(query, options), query).toEqual(built.search(query, options));
      expect(readNowBytes, query).toBeLessThan(postingBytes);
    }
    // Written back, the postings are read from the source whole.
    expect(serialiseSearchIndex(restored)).toEqual(bytes);
  });

  it('reads bytes that start at any offset of a larger buffer, as a file read into a pooled Buffer does', async () => {
    const bytes = serialiseSearchIndex(built);
    const pooled = Buffer.alloc(bytes.length + 3);
    pooled.set(bytes, 3);
    const shifted = await deserialiseSearchIndex(pooled.subarray(3));
    expect(shifted.search('家庭医生')[0]?.snippet).toBe('推进分级诊疗制度建设，«家庭医生»签约服务覆盖率达到30%以上。');
  });

  it('round-trips an empty index', async () => {
    const empty = await deserialiseSearchIndex(serialiseSearchIndex(createSearchIndex([])));
    expect(empty.size).toBe(0);
    expect(empty.search('医保')).toEqual([]);
  });

  it('refuses bytes that are not an index, of another version or cut short, saying which', async () => {
    const bytes = serialiseSearchIndex(built);
    await expect(deserialiseSearchIndex(new TextEncoder().encode('{"ids":[]}'))).rejects.toThrow(/do not start with "RGSI"/);
    const otherVersion = bytes.slice();
    new DataView(otherVersion.buffer).setUint32(4, 99, true);
    await expect(deserialiseSearchIndex(otherVersion)).rejects.toThrow(/format version 99/);
    await expect(deserialiseSearchIndex(bytes.subarray(0, bytes.length - 64))).rejects.toThrow(SearchIndexBytesError);
    await expect(deserialiseSearchIndex(bytes.subarray(0, bytes.length - 8))).rejects.toThrow(/the array policyOf is cut short/);
    await expect(deserialiseSearchIndex(bytes.subarray(0, 40))).rejects.toThrow(/header is cut short/);
  });

  it("refuses a title that lies outside its task's content, which would be scored against another task's words", async () => {
    const { titles } = built.data;
    const damaged = searchIndexOf({
      ...built.data,
      titles: { from: titles.from, to: titles.to.map((to, task) => (task === 0 ? to + 10_000 : to)) },
    });
    await expect(deserialiseSearchIndex(serialiseSearchIndex(damaged))).rejects.toThrow(/the title of task 0 lies outside its content/);
  });
});
