/**
 * @module `npm run import -- FILE`: restore a JSON backup made by `npm run export -- --format json`.
 */
import { readFile } from 'node:fs/promises';
import { openStore } from '../store/open-store.js';
import { importGraph } from './load/import-graph.js';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: npm run import -- <graph.json>\n');
    return 2;
  }
  let backup: unknown;
  try {
    backup = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    process.stderr.write(`${file}: cannot read JSON (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
  const store = await openStore(undefined, { lockWaitMs: 10 * 60_000 });
  try {
    const { nodes, edges } = await importGraph(store, backup);
    process.stdout.write(`imported ${nodes} nodes and ${edges} edges from ${file}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
