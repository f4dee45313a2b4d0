/**
 * @module Stores written before policies' texts were kept in parts (graph-schema/text-parts.ts)
 * hold each text in a property `text` of its policy, which nothing reads any more. Opening such a
 * store moves the texts into parts, a thousand policies per transaction; Kuzu then drops the
 * column. Interrupted, the move starts again: a policy's parts are replaced, never added to.
 * These queries need the old property, so they are not in the query module that every store runs.
 */
import { textPartsOf } from '../graph-schema/text-parts.js';
import type { GraphStore } from './graph-store.js';
import { ingestQueries as q, readQuery, writeQuery } from './queries/index.js';

const POLICIES_PER_TRANSACTION = 1000;

const legacyPolicyTexts = readQuery<{ id: string; text: string }>(
  'legacyPolicyTexts',
  `MATCH (p:Policy) WHERE p.text IS NOT NULL AND p.id > $after RETURN p.id AS id, p.text AS text ORDER BY id LIMIT ${POLICIES_PER_TRANSACTION}`,
);

const clearLegacyPolicyTexts = writeQuery<{ id: string }>(
  'clearLegacyPolicyTexts',
  `UNWIND $rows AS r MATCH (p:Policy {id: r.id}) SET p.text = NULL`,
  { id: 'STRING' },
);

/**
 * Moves every policy's `text` property into parts; `clear` removes the property in the same
 * transaction (Neo4j), else the caller drops the column afterwards (Kuzu, where setting a column
 * of the policies rewrites all of it). Returns the number of policies moved.
 */
export async function moveLegacyPolicyTexts(store: GraphStore, { clear }: { clear: boolean }): Promise<number> {
  let moved = 0;
  for (let after = ''; ;) {
    const texts = await store.read(legacyPolicyTexts, { after });
    const last = texts.at(-1);
    if (!last) return moved;
    const parts = texts.map(({ id, text }) => textPartsOf(id, text));
    await store.transaction(async (tx) => {
      await tx.write(
        q.deletePolicyText,
        texts.map(({ id }) => ({ policyId: id })),
      );
      await tx.write(
        q.bulkCreate.PolicyTextPart,
        parts.flatMap((text) => text.parts),
      );
      await tx.write(
        q.bulkCreate.HAS_TEXT_PART,
        parts.flatMap((text) => text.edges),
      );
      if (clear) await tx.write(clearLegacyPolicyTexts, texts);
    });
    moved += texts.length;
    after = last.id;
  }
}
