/**
 * @module `npm run export -- --format json|csv|graphml --out PATH`: the graph for analysis tools.
 * json and graphml write one file; csv writes one file per label and relationship type into the
 * folder PATH. The store is the one `npm start` uses (REFORMGRAPH_DB or NEO4J_*); stop the server
 * first when it is an embedded Kuzu database, which one process at a time can open.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openStore } from '../../store/open-store.js';
import { NODE_LABELS, readGraphDump, REL_TYPES, toCsv, toGraphJson, toGraphMl } from './graph-dump.js';

const cliArgs = z.object({
  format: z.enum(['json', 'csv', 'graphml'], { error: '--format must be json, csv or graphml' }),
  out: z.string({ error: '--out PATH is required' }).min(1, '--out PATH is required'),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { format: { type: 'string' }, out: { type: 'string' } }, strict: true });
  const parsed = cliArgs.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => issue.message).join('\n'));
    console.error('usage: npm run export -- --format json|csv|graphml --out PATH');
    process.exit(2);
  }
  const { format, out } = parsed.data;
  const store = await openStore();
  try {
    const dump = await readGraphDump(store);
    const target = resolve(out);
    if (format === 'csv') {
      await mkdir(target, { recursive: true });
      for (const name of [...NODE_LABELS, ...REL_TYPES]) {
        const rows =
          name in dump.nodes ? dump.nodes[name as keyof typeof dump.nodes] : dump.relationships[name as keyof typeof dump.relationships];
        await writeFile(join(target, `${name}.csv`), `\ufeff${toCsv(name, rows)}`);
      }
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, format === 'json' ? JSON.stringify(toGraphJson(dump), null, 1) : toGraphMl(dump));
    }
    const nodeCount = NODE_LABELS.reduce((sum, label) => sum + dump.nodes[label].length, 0);
    const edgeCount = REL_TYPES.reduce((sum, type) => sum + dump.relationships[type].length, 0);
    console.log(`wrote ${nodeCount} nodes and ${edgeCount} edges as ${format} to ${target}`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error('export failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
