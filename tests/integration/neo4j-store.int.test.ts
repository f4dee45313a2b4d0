import { describe, it } from 'vitest';
import { openNeo4jStore } from '../../store/neo4j-store.js';
import { describeStoreContract } from '../support/store-contract.js';

const uri = process.env.NEO4J_URI;

if (!uri) {
  describe('Neo4j store', () => {
    it.skip('skipped: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run the store contract against Neo4j 5');
  });
} else {
  /** Each test starts from an empty database; use a throwaway Neo4j instance. */
  describeStoreContract(
    'Neo4j',
    async () => {
      const store = await openNeo4jStore({
        uri,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
      });
      await store.applySchema();
      await store.transaction((tx) =>
        tx.write({ kind: 'write', name: 'wipe', cypher: 'UNWIND $rows AS r MATCH (n) DETACH DELETE n', rowTypes: {} }, [{}]),
      );
      return store;
    },
    async (store) => {
      await store.close();
    },
  );
}
