/**
 * @module The Neo4j 5 backend for shared, multi-user and clustered deployments.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { moveLegacyPolicyTexts } from './legacy-policy-texts.js';
import { neo4jDdl } from '../graph-schema/neo4j-ddl.js';
import { StoreError, type GraphStore, type Params, type WriteTransaction } from './graph-store.js';
import type { ReadQuery, WriteQuery } from './queries/define.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  /** @default 'neo4j' */
  database?: string;
}

/** Neo4j stores JS numbers as floats; INT64 fields and integral params go as driver integers. */
function encodeRows<Row extends object>(query: WriteQuery<Row>, rows: readonly Row[]): Record<string, unknown>[] {
  const fields = Object.entries<string>(query.rowTypes);
  return rows.map((row) => {
    const values = row as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, type] of fields) {
      const value = values[name] ?? null;
      out[name] = type === 'INT64' && typeof value === 'number' ? neo4j.int(value) : value;
    }
    return out;
  });
}

function encodeParams(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value]),
  );
}

function decodeValue(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(decodeValue);
  return value;
}

function decode(result: QueryResult): Record<string, unknown>[] {
  return result.records.map((record) => Object.fromEntries(record.keys.map((key) => [String(key), decodeValue(record.get(key))])));
}

export async function openNeo4jStore({ uri, user, password, database = 'neo4j' }: Neo4jStoreOptions): Promise<GraphStore> {
  const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    throw new StoreError('open', `cannot reach Neo4j at ${uri}`, { cause: error });
  }
  let queryCount = 0;

  async function run(tx: ManagedTransaction | Driver, name: string, cypher: string, params: Params) {
    queryCount += 1;
    try {
      const result =
        'executeQuery' in tx
          ? // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver declares its options as classes but takes plain objects, as its documentation shows.
            await tx.executeQuery(cypher, params, { database, routing: neo4j.routing.READ })
          : await tx.run(cypher, params);
      return decode(result);
    } catch (error) {
      throw new StoreError(name, error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  const store: GraphStore = {
    backend: 'neo4j',
    get queryCount() {
      return queryCount;
    },
    async applySchema() {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver declares its options as classes but takes plain objects, as its documentation shows.
      const session = driver.session({ database });
      try {
        for (const statement of neo4jDdl()) {
          queryCount += 1;
          await session.run(statement).catch((error: unknown) => {
            throw new StoreError('ddl', `${error instanceof Error ? error.message : String(error)} in ${statement}`, { cause: error });
          });
        }
      } finally {
        await session.close();
      }
      await moveLegacyPolicyTexts(store, { clear: true });
    },
    async read<Result>(query: ReadQuery<Result>, params: Params = {}) {
      return (await run(driver, query.name, query.cypher, encodeParams(params))) as Result[];
    },
    async transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver declares its options as classes but takes plain objects, as its documentation shows.
      const session = driver.session({ database });
      try {
        return await session.executeWrite(async (tx) =>
          work({
            async write(query, rows, params = {}) {
              // A bulk creation goes in larger UNWIND batches: its rows only CREATE, matching endpoints by their unique key.
              const batchSize = query.bulkTable ? 10_000 : 2000;
              for (let offset = 0; offset < rows.length; offset += batchSize) {
                const batch = encodeRows(query, rows.slice(offset, offset + batchSize));
                await run(tx, query.name, query.cypher, { ...encodeParams(params), rows: batch });
              }
            },
            async read(query, params = {}) {
              return (await run(tx, query.name, query.cypher, encodeParams(params))) as never[];
            },
          }),
        );
      } finally {
        await session.close();
      }
    },
    async close() {
      await driver.close();
    },
  };
  return store;
}
