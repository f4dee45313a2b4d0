/**
 * @module The stamp of what a server keeps beside the database (the kept rows, the search index,
 * the task rows): the graph's version, and the reads those files were filled by. A build whose
 * reads differ (a column more, a link no longer counted) finds files of another stamp and writes
 * them again, rather than answering from rows its own reads would not give.
 */
import { createHash } from 'node:crypto';
import * as readQueries from '../../store/queries/read-queries.js';

/** Every read's text, its order and the rest of its declaration as JSON has them. */
const READS = createHash('sha256').update(JSON.stringify(readQueries)).digest('hex').slice(0, 16);

export const persistedStampOf = (graphVersion: string): string => `${graphVersion} reads ${READS}`;
