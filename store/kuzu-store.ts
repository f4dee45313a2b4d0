/**
 * @module The embedded Kuzu backend: an in-process database in a directory, no server.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import kuzu from 'kuzu';
import { kuzuDdl } from '../graph-schema/kuzu-ddl.js';
import { relationships } from '../graph-schema/model.js';
import type { StorageType } from '../graph-schema/properties.js';
import { CSV_ESCAPE, writeCsvOfRows } from './kuzu-csv.js';
import { moveLegacyPolicyTexts } from './legacy-policy-texts.js';
import { newReader, readQueue, type Reader } from './read-queue.js';
import { StoreError, type GraphStore, type Params, type WriteTransaction } from './graph-store.js';
import type { ReadQuery, WriteQuery } from './queries/define.js';
import { rowComparator } from './queries/row-order.js';

export interface KuzuStoreOptions {
  /** Database path (Kuzu 0.11 keeps a database in one file plus a WAL beside it). */
  path: string;
  /** @default false */
  readOnly?: boolean;
  /**
   * Kuzu lets one process open a database at a time. How long to wait for another process
   * (a second ingest) to let go of it before giving up; 0 fails at once.
   * @default 0
   */
  lockWaitMs?: number;
  /** Called once when the open has to wait for the lock. */
  onLockWait?: () => void;
  /**
   * Most memory Kuzu's buffer pool keeps pages of the database in; 0 leaves it to Kuzu (80% of the
   * machine's memory, filled as pages are read). A cap bounds the database's share of a process's
   * resident memory, but a pool too small for a read fails it ("Buffer manager exception: Unable
   * to allocate memory"): 256 MiB fails the read of every task of a national-scale store.
   * @default 0
   */
  bufferPoolBytes?: number;
  /**
   * Size of the write-ahead log at which a commit folds it into the database file. A checkpoint
   * rewrites the relationship lists of whole node groups, and a few policies own every HAS_TASK
   * edge, so each one costs more as the store grows: at Kuzu's 16 MiB, commits took a quarter of
   * a 1,000-document ingest and grew with it. Committed data stays durable in the log meanwhile.
   * @default 256 MiB
   */
  checkpointThresholdBytes?: number;
  /**
   * Rows of a node table from which a bulk creation is copied (COPY); fewer are created
   * (`UNWIND … CREATE`). Tests set 0 to copy every batch.
   * @default COPIED_FROM_NODE_ROWS
   */
  copiedFromNodeRows?: number;
  /**
   * Connections that serve reads outside write transactions, each running one query at a time:
   * a slow read holds one of them, not every reader.
   * @default 4
   */
  readConnections?: number;
}

const LOCK_RETRY_MS = 250;

interface OpenDatabaseOptions {
  path: string;
  readOnly: boolean;
  bufferPoolBytes: number;
  lockWaitMs: number;
  checkpointThresholdBytes: number;
  onLockWait?: (() => void) | undefined;
}

async function openDatabase({ path, readOnly, bufferPoolBytes, lockWaitMs, checkpointThresholdBytes, onLockWait }: OpenDatabaseOptions) {
  const deadline = Date.now() + lockWaitMs;
  let told = false;
  for (;;) {
    // Arguments: buffer pool (0: Kuzu's default), compression, read-only, largest size (0: default), auto checkpoint, its threshold.
    const database = new kuzu.Database(path, bufferPoolBytes, true, readOnly, 0, true, checkpointThresholdBytes);
    try {
      await database.init();
      return database;
    } catch (error) {
      const locked = error instanceof Error && error.message.includes('Could not set lock');
      if (!locked || Date.now() >= deadline) throw error;
      if (!told) onLockWait?.();
      told = true;
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }
}

/** A value of each storage type that fixes the type of a row field (see encodeRows). */
const TEMPLATE_VALUES: Record<StorageType, unknown> = {
  STRING: '',
  INT64: 0,
  DOUBLE: '0.5',
  BOOLEAN: false,
  'STRING[]': [''],
};

/** The parameter carrying a write's field `index` (see encodeRows). */
const columnParam = (index: number) => `rows_${index}`;

/**
 * Rows travel as one list per field, not as a list of objects: Kuzu's Node binding converts a
 * list of objects about four times slower (45 ms for 1,000 tasks, most of a write's cost), and the
 * rewritten UNWIND (see toKuzuWrite) builds each row back from the lists. The binding types a list
 * by its first element and does not convert the others: a null first is an error, and an integral
 * number after a fractional one is reinterpreted bit for bit. So each list starts with a template
 * value of its field's type, which the UNWIND skips, and doubles travel as strings (the shared
 * Cypher wraps them in toFloat, which Kuzu calls to_double).
 */
export function encodeRows<Row extends object>(query: WriteQuery<Row>, rows: readonly Row[]): Record<string, unknown[]> {
  const fields = Object.entries<StorageType>(query.rowTypes);
  return Object.fromEntries(
    fields.map(([name, type], index) => {
      const values = rows.map((row) => {
        const value = (row as Record<string, unknown>)[name] ?? null;
        return type === 'DOUBLE' && typeof value === 'number' ? String(value) : value;
      });
      return [columnParam(index), [TEMPLATE_VALUES[type], ...values]];
    }),
  );
}

/**
 * An empty JS array reaches Kuzu as an untyped null and crashes a `x IN $list` filter; a list
 * holding one id no node has matches nothing, as the empty list would.
 */
const NO_MATCH = '\u0000no-match';

export function encodeParams(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, Array.isArray(value) && value.length === 0 ? [NO_MATCH] : value]),
  );
}

/** The dialect difference of the shared query module, applied to Cypher meant for Neo4j 5. */
export function toKuzuCypher(cypher: string): string {
  return cypher.replace(/\btoFloat\(/g, 'to_double(');
}

/** A write's Cypher for rows sent by encodeRows: `r` is built from the field lists (Kuzu's lists count from 1; 1 is the template). */
export function toKuzuWrite(query: WriteQuery<object>): string {
  const fields = Object.keys(query.rowTypes).map((name, index) => `\`${name}\`: $${columnParam(index)}[__row]`);
  if (fields.length === 0) throw new Error(`write query ${query.name} declares no row fields`);
  const unwind = `UNWIND range(2, size($${columnParam(0)})) AS __row WITH {${fields.join(', ')}} AS r`;
  return toKuzuCypher(query.cypher.replace(/^UNWIND \$rows AS r\b/, unwind));
}

/**
 * A bulk creation as Kuzu's bulk path: `COPY <table> FROM (<subquery>)` reading the rows sent by
 * encodeRows, in the table's column order (the row fields, derived from graph-schema as the DDL
 * is). COPY builds the primary-key index and the relationship lists in bulk, where CREATE inserts
 * row by row, and a relationship's endpoints are looked up in the index (a row's key in a MATCH
 * is joined against a scan of the whole table). Most rows go from a CSV file (see writeCsvOfRows);
 * this takes what a CSV file cannot hold. Inside a transaction, a failed COPY rolls the whole
 * transaction back.
 */
export function toKuzuCopy(query: WriteQuery<object>): string {
  if (!query.bulkTable) throw new Error(`write query ${query.name} is not a bulk creation`);
  const entries = Object.entries(query.rowTypes) as [string, StorageType][];
  const fields = entries.map(([name], index) => `\`${name}\`: $${columnParam(index)}[__row]`);
  const columns = entries.map(([name, type]) => (type === 'DOUBLE' ? `to_double(r.\`${name}\`)` : `r.\`${name}\``));
  const rows = `UNWIND range(2, size($${columnParam(0)})) AS __row WITH {${fields.join(', ')}} AS r`;
  return `COPY ${query.bulkTable} FROM (${rows} RETURN ${columns.join(', ')})`;
}

/**
 * COPY from a CSV file written by writeCsvOfRows, escaped as it writes (CSV_ESCAPE; a backslash is
 * doubled in a Cypher string literal). Kuzu's parallel reader splits a file into blocks at any
 * newline, quoted or not, so a file whose fields hold a line break (a policy's text) is read by one
 * thread; the others (tasks, links: their texts are one line each) by every thread. The dialect is
 * the one writeCsvOfRows writes, so Kuzu is told not to detect it: detection parses the start of
 * the file once per candidate dialect. Loading 6,000 generated documents, the COPYs of tasks took
 * 12.7 s with it and 6.7 s without, of links 10.5 and 6.9 s.
 */
export function toKuzuCsvCopy(query: WriteQuery<object>, file: string, { parallel }: { parallel: boolean }): string {
  if (!query.bulkTable) throw new Error(`write query ${query.name} is not a bulk creation`);
  if (/['\\]/.test(file)) throw new Error(`cannot name ${file} in a COPY statement`);
  const escape = CSV_ESCAPE.replaceAll('\\', '\\\\');
  return `COPY ${query.bulkTable} FROM '${file}' (HEADER=false, AUTO_DETECT=false, PARALLEL=${parallel ? 'true' : 'false'}, ESCAPE='${escape}')`;
}

/**
 * The graph's version stamp (see GraphStore.graphVersion): the store's own bookkeeping, not part of
 * the graph (graph-schema), so neither exported nor read by the API. A fresh random stamp per
 * write transaction that writes rows, so that a store rebuilt from scratch never repeats an earlier one.
 */
const GRAPH_VERSION_DDL = 'CREATE NODE TABLE IF NOT EXISTS GraphVersion(id STRING, stamp STRING, PRIMARY KEY(id))';
const STAMP_GRAPH_VERSION = "MERGE (v:GraphVersion {id: 'graph'}) SET v.stamp = $stamp";
const READ_GRAPH_VERSION = "MATCH (v:GraphVersion {id: 'graph'}) RETURN v.stamp AS stamp";

/** Rows one COPY statement takes at most: larger batches cost memory for little gain. */
const COPY_BATCH_ROWS = 50_000;

/**
 * Rows of a node table from which a bulk creation is copied; fewer are created by the `UNWIND …
 * CREATE` it declares. Kuzu 0.11.3's COPY into a node table costs about 100 ms whatever the rows
 * (one policy 125 ms, 244 tasks 112 ms), CREATE about 0.07 ms a row (2,785 tasks: 184 ms against
 * 70 ms copied): the five seeds' nodes were written in 60 ms instead of 560. A relationship's
 * COPY costs a few milliseconds, and its CREATE would look its endpoints up by a scan of their
 * tables (see toKuzuKeyedRead): relationships are always copied.
 */
const COPIED_FROM_NODE_ROWS = 1000;

/** Lookups one keyed read makes at most; longer id lists are split. */
const KEYED_READ_BRANCHES = 32;

/**
 * A keyed read as `branches` primary-key lookups joined by UNION ALL, the key of branch i in
 * `$key_i`. Kuzu uses its primary-key index only for a key given as a parameter or literal:
 * with `UNWIND $ids AS key` it joins the list against a scan of the whole table (85 ms for one
 * task of 200,000, against 0.5 ms for a lookup).
 */
function toKuzuKeyedRead(byKey: (key: string) => string, branches: number, joinOrder: string | undefined): string {
  const branch = (i: number) => withJoinOrder(byKey(`$key_${i}`), joinOrder);
  return toKuzuCypher(Array.from({ length: branches }, (_, i) => branch(i)).join('\nUNION ALL\n'));
}

/** A keyed read's branch with Kuzu's `HINT` of its declared join order (see ReadQuery.kuzuJoinOrder), before its RETURN. */
function withJoinOrder(cypher: string, joinOrder: string | undefined): string {
  if (joinOrder === undefined) return cypher;
  if (cypher.split(/\bRETURN\b/u).length !== 2) throw new Error(`a join order needs one RETURN: ${cypher}`);
  return cypher.replace(/\bRETURN\b/u, `HINT ${joinOrder} RETURN`);
}

/** The statements a keyed read of `ids` takes (see toKuzuKeyedRead), with their parameters. */
function keyedReadCalls(ids: readonly unknown[], params: Params): { branches: number; params: Params }[] {
  const rest = Object.fromEntries(Object.entries(params).filter(([name]) => name !== 'ids'));
  const calls = [];
  for (let offset = 0; offset < ids.length; offset += KEYED_READ_BRANCHES) {
    const chunk = ids.slice(offset, offset + KEYED_READ_BRANCHES);
    calls.push({ branches: chunk.length, params: { ...rest, ...Object.fromEntries(chunk.map((id, i) => [`key_${i}`, id])) } });
  }
  return calls;
}

type RowComparator = (a: object, b: object) => number;
const rowComparators = new WeakMap<ReadQuery<unknown>, RowComparator | null>();

/** The comparison of a read's rows by its declared order (see row-order.ts), made once per query. */
function rowComparatorOf(query: ReadQuery<unknown>): RowComparator | null {
  let compare = rowComparators.get(query);
  if (compare === undefined) rowComparators.set(query, (compare = rowComparator(query.order ?? [])));
  return compare;
}

type KuzuConnection = InstanceType<typeof kuzu.Connection>;
type KuzuResult = Awaited<ReturnType<KuzuConnection['query']>>;

/** A connection and its prepared statements. */
interface Lane {
  connection: KuzuConnection;
  prepared: Map<string, Awaited<ReturnType<KuzuConnection['prepare']>>>;
}

/**
 * Rows converted per turn of the event loop: a few milliseconds of work, so that a read of every
 * task of a store does not hold requests answered from memory meanwhile.
 */
const ROWS_PER_TURN = 2_000;

/**
 * Reads a result and frees it at once: a result left for the garbage collector can outlive the
 * database and crash the process when it exits.
 *
 * Rows are converted synchronously, a slice per turn: the binding's `getAll` awaits a round trip
 * to libuv's pool for every row (`getNextAsync`), which made it about 30,000 rows/s, against
 * 200,000–500,000 rows/s for `getNextSync` (every task of a 3,000-document store: 8.3 s → 1.2 s).
 */
async function drain(result: KuzuResult): Promise<Record<string, unknown>[]> {
  const results = Array.isArray(result) ? result : [result];
  const last = results[results.length - 1];
  const rows: Record<string, unknown>[] = [];
  try {
    while (last?.hasNext()) {
      if (rows.length > 0 && rows.length % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      rows.push(last.getNextSync() as Record<string, unknown>);
    }
  } finally {
    for (const each of results) each.close();
  }
  return rows;
}

export async function openKuzuStore({
  path,
  readOnly = false,
  lockWaitMs = 0,
  onLockWait,
  bufferPoolBytes = 0,
  checkpointThresholdBytes = 256 * 1024 * 1024,
  readConnections = 4,
  copiedFromNodeRows = COPIED_FROM_NODE_ROWS,
}: KuzuStoreOptions): Promise<GraphStore> {
  mkdirSync(dirname(path), { recursive: true });
  let database: InstanceType<typeof kuzu.Database>;
  try {
    database = await openDatabase({ path, readOnly, bufferPoolBytes, lockWaitMs, checkpointThresholdBytes, onLockWait });
  } catch (error) {
    throw new StoreError('open', `cannot open the Kuzu database at ${path} (is another process using it?)`, { cause: error });
  }
  // Kuzu's Node binding is not safe for overlapping calls on one connection: two prepares (or a
  // prepare and an execute) in flight at once crash the process with SIGSEGV, e.g. the parallel
  // reads of DataLoader batches or Promise.all. So each connection runs one call at a time, in a
  // lane of its own. Calls on different connections of one database may overlap (prepares,
  // executes and a write transaction alike; checked under load on Kuzu 0.11.3), each read seeing
  // the last committed version, so reads go to a pool of connections, the oldest request's
  // first (see read-queue.ts).
  const writeLane = lane(new kuzu.Connection(database));
  const readLanes = Array.from({ length: Math.max(1, readConnections) }, () => lane(new kuzu.Connection(database)));
  const queue = readQueue(readLanes);
  let queryCount = 0;
  // Calls on the write connection, one after another.
  let writeLaneTail: Promise<unknown> = Promise.resolve();
  // Kuzu allows one write transaction at a time; later ones wait here rather than fail.
  let writeQueue: Promise<unknown> = Promise.resolve();
  // A call on a closed connection crashes the process too: calls that were still waiting when
  // the store closed (a server's background reads) fail instead.
  let closed = false;

  function lane(connection: KuzuConnection): Lane {
    return { connection, prepared: new Map() };
  }

  function unlessClosed<T>(work: () => Promise<T>): Promise<T> {
    return closed ? Promise.reject(new StoreError('closed', 'the Kuzu store is closed')) : work();
  }

  function onWriteLane<T>(work: () => Promise<T>): Promise<T> {
    const guarded = () => unlessClosed(work);
    const next = writeLaneTail.then(guarded, guarded);
    writeLaneTail = next.catch(() => undefined);
    return next;
  }

  /** Runs on the write connection, or on a read connection when no older request's read waits. */
  function run(on: 'write' | 'reads', name: string, cypher: string, params: Params, reader?: Reader): Promise<Record<string, unknown>[]> {
    if (on === 'reads') return queue.take((lane) => unlessClosed(() => runNow(lane, name, cypher, params)), reader);
    return onWriteLane(() => runNow(writeLane, name, cypher, params));
  }

  function runRaw(statement: string): Promise<void> {
    return onWriteLane(() => runRawNow(writeLane.connection, statement));
  }

  async function runNow({ connection, prepared }: Lane, name: string, cypher: string, params: Params): Promise<Record<string, unknown>[]> {
    queryCount += 1;
    try {
      let statement = prepared.get(cypher);
      if (!statement) {
        statement = await connection.prepare(cypher);
        if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
        prepared.set(cypher, statement);
      }
      const result = await connection.execute(statement, params as Record<string, kuzu.KuzuValue>);
      return await drain(result);
    } catch (error) {
      throw new StoreError(name, error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  async function runRawNow(connection: KuzuConnection, statement: string, name = 'ddl'): Promise<void> {
    queryCount += 1;
    try {
      await drain(await connection.query(statement));
    } catch (error) {
      throw new StoreError(name, `${error instanceof Error ? error.message : String(error)} in ${statement}`, { cause: error });
    }
  }

  function readWith(on: 'write' | 'reads') {
    // A keyed read of many ids is several calls: all of them the reader's (one coming now without one).
    return async <Result>(query: ReadQuery<Result>, params: Params = {}, reader = newReader()): Promise<Result[]> => {
      const { byKey, kuzuJoinOrder } = query;
      // Sorted here, not only by Kuzu: its sort leaves ties of long strings out of order (see row-order.ts).
      const compare = rowComparatorOf(query);
      if (!byKey) {
        const rows = await run(on, query.name, toKuzuCypher(query.cypher), encodeParams(params), reader);
        return (compare ? rows.sort(compare) : rows) as Result[];
      }
      const ids = params.ids;
      if (!Array.isArray(ids)) throw new StoreError(query.name, 'a keyed read needs $ids, a list of ids');
      const rows: Record<string, unknown>[] = [];
      for (const call of keyedReadCalls(ids, params)) {
        rows.push(...(await run(on, query.name, toKuzuKeyedRead(byKey, call.branches, kuzuJoinOrder), call.params, reader)));
      }
      return (compare ? rows.sort(compare) : rows) as Result[];
    };
  }

  // Where bulk creations' CSV files are written (see writeCsvOfRows), made at the first one.
  let csvDir: string | undefined;
  /** Copies what writeCsvOfRows can write from a CSV file; returns the rest. */
  async function copyFromCsv<Row extends object>(query: WriteQuery<Row>, rows: readonly Row[]): Promise<readonly Row[]> {
    if (rows.length === 0) return rows;
    csvDir ??= mkdtempSync(join(tmpdir(), 'reformgraph-copy-'));
    const file = join(csvDir, `${query.bulkTable ?? query.name}.csv`);
    try {
      const { written, rest, lineBreaks } = writeCsvOfRows(query, rows, file);
      if (written === 0) return rest;
      const copy = toKuzuCsvCopy(query, file, { parallel: !lineBreaks });
      await onWriteLane(() => runRawNow(writeLane.connection, copy, query.name));
      return rest;
    } finally {
      rmSync(file, { force: true });
    }
  }

  const transactionApi: WriteTransaction = {
    async write(query, allRows, params = {}) {
      const copied = query.bulkTable !== undefined && (query.bulkTable in relationships || allRows.length >= copiedFromNodeRows);
      const rows = copied ? await copyFromCsv(query, allRows) : allRows;
      const batchSize = copied ? COPY_BATCH_ROWS : 2000;
      const cypher = copied ? toKuzuCopy(query) : toKuzuWrite(query);
      for (let offset = 0; offset < rows.length; offset += batchSize) {
        const columns = encodeRows(query, rows.slice(offset, offset + batchSize));
        await run('write', query.name, cypher, { ...encodeParams(params), ...columns });
      }
    },
    read: readWith('write'),
  };

  const store: GraphStore = {
    backend: 'kuzu',
    get queryCount() {
      return queryCount;
    },
    async applySchema() {
      for (const statement of [...kuzuDdl(), GRAPH_VERSION_DDL]) await runRaw(statement);
      const policyColumns = await run('write', 'policyColumns', `CALL table_info('Policy') RETURN name`, {});
      if (policyColumns.some((column) => column.name === 'text')) {
        await moveLegacyPolicyTexts(store, { clear: false });
        await runRaw('ALTER TABLE Policy DROP text');
      }
    },
    read: readWith('reads'),
    async graphVersion() {
      try {
        const [row] = await run('reads', 'graphVersion', READ_GRAPH_VERSION, {});
        return typeof row?.stamp === 'string' ? row.stamp : null;
      } catch {
        return null; // a store whose schema was not applied (read-only): nothing to compare
      }
    },
    transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
      const next = writeQueue.then(async () => {
        await runRaw('BEGIN TRANSACTION');
        try {
          const written = { rows: 0 };
          const value = await work({
            write(query, rows, params) {
              written.rows += rows.length;
              return transactionApi.write(query, rows, params);
            },
            read: (query, params) => transactionApi.read(query, params),
          });
          // A transaction that wrote no row leaves the graph as it was, and so its stamp: what the
          // server persisted stays valid. A store without a stamp yet gets one all the same.
          const keepsStamp = written.rows === 0 && (await run('write', 'graphVersion', READ_GRAPH_VERSION, {})).length > 0;
          if (!keepsStamp) await run('write', 'stampGraphVersion', STAMP_GRAPH_VERSION, { stamp: randomUUID() });
          await runRaw('COMMIT');
          return value;
        } catch (error) {
          await runRaw('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
      writeQueue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await writeQueue;
      closed = true;
      await Promise.all([writeLaneTail, queue.idle()]);
      for (const each of [writeLane, ...readLanes]) await each.connection.close();
      await database.close();
      if (csvDir) rmSync(csvDir, { recursive: true, force: true });
    },
  };
  return store;
}
