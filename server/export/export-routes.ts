/**
 * @module GET /export/… : the graph for analysis tools, straight from the store.
 *   /export                 index of the files below (JSON)
 *   /export/graph.json      all nodes and edges
 *   /export/graph.graphml   the same as GraphML
 *   /export/csv/<Label or REL_TYPE>.csv
 *   /export/adoption.csv    year each jurisdiction first addressed each national item (event history)
 *   /export/instruments.csv policy instruments per task (served by instruments-csv.ts)
 */
import type { Plugin } from 'graphql-yoga';
import type { GraphStore } from '../../store/graph-store.js';
import type { ReadWriteLock } from '../context/read-write-lock.js';
import type { Logger } from '../logger.js';
import { adoptionCsv, readAdoption } from '../analysis/read-adoption.js';
import { csvFileNames, isExportName, readExportRows, readGraphDump, toCsv, toGraphJson, toGraphMl } from './graph-dump.js';

const PREFIX = '/export';

/** `lock`: held shared while an export reads, so an export is one version of the graph. */
export function useExportRoutes({ store, logger, lock }: { store: GraphStore; logger: Logger; lock?: ReadWriteLock }): Plugin {
  const consistently = <T>(work: () => Promise<T>): Promise<T> => (lock ? lock.read(work) : work());
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- declared with method syntax, endResponse is a closure that never reads `this`
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return;
      const reply = (body: string, status: number, type: string, download?: string) =>
        endResponse(
          new fetchAPI.Response(body, {
            status,
            headers: {
              'content-type': type,
              ...(download ? { 'content-disposition': `attachment; filename="${download}"` } : {}),
            },
          }),
        );
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        reply(JSON.stringify({ error: 'Exports are read with GET.' }), 405, 'application/json');
        return;
      }
      const path = url.pathname.slice(PREFIX.length);
      try {
        if (path === '' || path === '/') {
          const files = ['graph.json', 'graph.graphml', 'adoption.csv', 'instruments.csv', ...csvFileNames().map((name) => `csv/${name}`)];
          reply(JSON.stringify({ files: files.map((file) => `${PREFIX}/${file}`) }, null, 2), 200, 'application/json');
        } else if (path === '/graph.json') {
          reply(JSON.stringify(toGraphJson(await consistently(() => readGraphDump(store)))), 200, 'application/json; charset=utf-8');
        } else if (path === '/graph.graphml') {
          reply(
            toGraphMl(await consistently(() => readGraphDump(store))),
            200,
            'application/graphml+xml; charset=utf-8',
            'reformgraph.graphml',
          );
        } else if (path === '/adoption.csv') {
          reply(`\ufeff${adoptionCsv(await consistently(() => readAdoption(store)))}`, 200, 'text/csv; charset=utf-8', 'adoption.csv');
        } else if (path.startsWith('/csv/') && path.endsWith('.csv') && isExportName(path.slice(5, -4))) {
          const name = path.slice(5, -4) as Parameters<typeof toCsv>[0];
          // A BOM so that spreadsheet programs read the Chinese text as UTF-8.
          reply(
            `\ufeff${toCsv(name, await consistently(() => readExportRows(store, name)))}`,
            200,
            'text/csv; charset=utf-8',
            `${name}.csv`,
          );
        } else {
          reply(JSON.stringify({ error: `No export at ${url.pathname}; see ${PREFIX} for the list.` }), 404, 'application/json');
        }
      } catch (error) {
        logger.error(`export ${url.pathname} failed`, error);
        reply(JSON.stringify({ error: 'The export failed; see the server log.' }), 500, 'application/json');
      }
    },
  };
}
