/**
 * @module GET /export/instruments.csv: every task's policy instruments, one row per task and
 * sub-type, with the evidence words and spans (in Task.text) and the national items and reform areas
 * the task implements, for R, Stata or a spreadsheet.
 */
import type { Plugin } from 'graphql-yoga';
import { sharedInstrumentCoder } from '../../ingest/analyse/instruments/index.js';
import type { GraphStore } from '../../store/graph-store.js';
import { readQueries } from '../../store/queries/index.js';
import type { ReadWriteLock } from '../context/read-write-lock.js';
import type { Logger } from '../logger.js';
import { csvField } from './graph-dump.js';

export const INSTRUMENTS_CSV_PATH = '/export/instruments.csv';

const COLUMNS = [
  'jurisdictionId',
  'policyId',
  'taskId',
  'taskKey',
  'type',
  'subType',
  'nameZh',
  'nameEn',
  'evidence',
  'evidenceSpans',
  'nationalItemIds',
  'reformAreas',
] as const;

export async function instrumentsCsv(store: GraphStore): Promise<string> {
  const { coder } = sharedInstrumentCoder();
  const [tasks, triples, items] = await Promise.all([
    store.read(readQueries.allTasks),
    store.read(readQueries.allCoverageTriples),
    store.read(readQueries.allNationalItems),
  ]);
  const pillarOf = new Map(items.map((item) => [item.id, item.pillar]));
  const itemsOf = new Map<string, string[]>();
  for (const triple of triples) itemsOf.set(triple.taskId, [...(itemsOf.get(triple.taskId) ?? []), triple.nationalItemId]);
  const lines = [COLUMNS.join(',')];
  for (const task of tasks) {
    const itemIds = itemsOf.get(task.id) ?? [];
    const pillars = [...new Set(itemIds.map((id) => pillarOf.get(id) ?? ''))].filter(Boolean);
    for (const use of coder.code(task.text)) {
      const row: Record<(typeof COLUMNS)[number], unknown> = {
        jurisdictionId: task.jurisdictionId,
        policyId: task.policyId,
        taskId: task.id,
        taskKey: task.key,
        type: use.type,
        subType: use.subType,
        nameZh: use.nameZh,
        nameEn: use.nameEn,
        evidence: use.evidence.map((evidence) => evidence.text),
        evidenceSpans: use.evidence.map((evidence) => [evidence.span.start, evidence.span.end]),
        nationalItemIds: itemIds,
        reformAreas: pillars,
      };
      lines.push(COLUMNS.map((column) => csvField(row[column])).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `lock`: held shared while the export reads, so the file is one version of the graph. */
export function useInstrumentsCsvRoute({ store, logger, lock }: { store: GraphStore; logger: Logger; lock?: ReadWriteLock }): Plugin {
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- declared with method syntax, endResponse is a closure that never reads `this`
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== INSTRUMENTS_CSV_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      try {
        const csv = await (lock ? lock.read(() => instrumentsCsv(store)) : instrumentsCsv(store));
        // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
        endResponse(
          new fetchAPI.Response(`\ufeff${csv}`, {
            status: 200,
            headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="instruments.csv"' },
          }),
        );
      } catch (error) {
        logger.error(`export ${url.pathname} failed`, error);
        endResponse(
          new fetchAPI.Response(JSON.stringify({ error: 'The export failed; see the server log.' }), {
            status: 500,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
    },
  };
}
