/**
 * List properties (agency aliases, policy warnings) go into Kuzu through COPY from CSV when every
 * element reads back as itself (see writeCsvOfRows), the others as parameters: both must read back
 * as written. So must strings, whose quotes and backslashes the CSV escapes with a backslash, read
 * in parallel unless a field holds a line break.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AgencyNode } from '../../graph-schema/model.js';
import { ingestQueries } from '../../store/queries/index.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { openTempKuzuStore, type TempStore } from '../support/temp-kuzu.js';

let temp: TempStore | undefined;
afterEach(async () => {
  await temp?.close();
  temp = undefined;
});

const agency = (id: string, aliases: string[]): AgencyNode => ({
  id,
  name: '区卫生健康局',
  nameEn: 'District Health Commission',
  type: 'HEALTH',
  jurisdictionId: '450881',
  aliases,
});

// Copied from CSV files, and created from parameters as batches of fewer rows are (see COPIED_FROM_NODE_ROWS).
describe.each([
  { path: 'copied', copiedFromNodeRows: 0 },
  { path: 'created', copiedFromNodeRows: Number.POSITIVE_INFINITY },
])('list properties written in bulk, $path', ({ copiedFromNodeRows }) => {
  it('read back as written, whether their elements fit a CSV list field or not', async () => {
    temp = await openTempKuzuStore({ copiedFromNodeRows });
    // Each awkward element in a row of its own: one that may not go through CSV does not take the others with it.
    const awkward = ['a,b', '[x]', '{x}', '"x"', "x's", ' x', 'x ', '第一行\n第二行'];
    const agencies = [
      agency('a', ['区卫健委', '区卫生健康局（区中医药管理局）', 'null', 'x\\y z', '“引号”']),
      agency('b', []),
      ...awkward.map((alias, i) => agency(`c${i}`, ['区医保局', alias])),
    ];
    await temp.store.transaction((tx) => tx.write(ingestQueries.bulkCreate.Agency, agencies));
    const { dump } = await graphSnapshot(temp.store);
    const stored = [...dump.nodes.Agency].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    // An empty list reads back as null, as Kuzu stores one sent as a parameter.
    expect(stored.map((row) => row.aliases)).toEqual(agencies.map((row) => (row.aliases.length > 0 ? row.aliases : null)));
  });

  it('read strings back as written, quotes and backslashes included, from a file read in parallel or by one thread', async () => {
    temp = await openTempKuzuStore({ copiedFromNodeRows });
    const awkward = [
      '"区医保局"',
      '“区医保局”',
      'C:\\文件\\',
      '\\"',
      '\\\\"',
      '\\n',
      '""',
      '"',
      '\\',
      'a,"b",c',
      '{"localText":"医养结合"}',
    ];
    const oneLine = awkward.map((name, i) => ({ ...agency(`s${i}`, ['区卫健委']), name }));
    // A line break keeps the whole file to one thread (see toKuzuCsvCopy): written apart.
    const lineBreaks = ['第一行\n"第二行"\\', '\r\n'].map((name, i) => ({ ...agency(`t${i}`, ['区卫健委']), name }));
    await temp.store.transaction(async (tx) => {
      await tx.write(ingestQueries.bulkCreate.Agency, oneLine);
      await tx.write(ingestQueries.bulkCreate.Agency, lineBreaks);
    });
    const { dump } = await graphSnapshot(temp.store);
    const names = new Map(dump.nodes.Agency.map((row) => [row.id, row.name]));
    expect([...oneLine, ...lineBreaks].map((row) => names.get(row.id))).toEqual([...awkward, '第一行\n"第二行"\\', '\r\n']);
  });
});
