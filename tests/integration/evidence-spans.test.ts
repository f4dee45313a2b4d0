/**
 * Link evidence is stored as the spans of its phrases only (graph-schema/evidence-spans.ts): the
 * store holds no phrase text, and the API and the export still give each phrase with its texts,
 * cut from the task's text and the national item's or parent task's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphDump } from '../../server/export/graph-dump.js';
import { createApp, type App } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { postGraphQL } from '../../server/testing/graphql-request.js';
import { readQueries } from '../../store/queries/index.js';
import { openSeededStore, type SeededStore } from '../support/seeded-store.js';

interface Phrase {
  localText: string;
  localSpan: { start: number; end: number };
  nationalText: string;
  nationalSpan: { start: number; end: number };
}
interface SeedTask {
  id: string;
  text: string;
  implements: { nationalItem: { id: string; text: string }; evidence: Phrase[] }[];
  derivesFrom: { to: { id: string; text: string }; evidence: Phrase[] }[];
}

const PHRASE = 'evidence { localText localSpan { start end } nationalText nationalSpan { start end } }';

let seeded: SeededStore;
let app: App;

beforeAll(async () => {
  seeded = await openSeededStore();
  app = createApp({ store: seeded.store, logger: silentLogger });
}, 120_000);

afterAll(async () => {
  await seeded.close();
});

/** Whether each phrase's texts are its spans of the two texts, and there is one phrase per four stored offsets. */
function cutFromTexts(phrases: readonly Phrase[], localText: string, otherText: string, stored: string | undefined): boolean {
  const spans = JSON.parse(stored ?? 'null') as unknown;
  return (
    Array.isArray(spans) &&
    spans.length === phrases.length * 4 &&
    phrases.every(
      (phrase) =>
        phrase.localText === localText.slice(phrase.localSpan.start, phrase.localSpan.end) &&
        phrase.nationalText === otherText.slice(phrase.nationalSpan.start, phrase.nationalSpan.end),
    )
  );
}

describe('link evidence stored as spans', () => {
  it('stores offsets only, and the API answers every phrase with its texts cut from the two texts', async () => {
    const stored = new Map<string, string>();
    for (const type of ['IMPLEMENTS', 'DERIVES_FROM'] as const) {
      for (const row of await seeded.store.read(readQueries.exportRelationships[type])) {
        // No phrase text in the store: four integers per phrase.
        expect(row.evidence, `${type} ${String(row.from)} → ${String(row.to)}`).toMatch(/^\[(?:\d+(?:,\d+)*)?\]$/);
        stored.set(`${type} ${String(row.from)} ${String(row.to)}`, row.evidence as string);
      }
    }
    const answer = await postGraphQL<{ policies: { tasks: SeedTask[] }[] }>(
      app,
      `{ policies { tasks { id text implements { nationalItem { id text } ${PHRASE} } derivesFrom { to { id text } ${PHRASE} } } } }`,
    );
    const tasks = answer.data!.policies.flatMap((policy) => policy.tasks);
    const implementsLinks = tasks.flatMap((task) => task.implements.map((link) => ({ task, link })));
    const derivesLinks = tasks.flatMap((task) => task.derivesFrom.map((link) => ({ task, link })));
    expect(implementsLinks.length).toBeGreaterThan(50);
    expect(implementsLinks.filter(({ link }) => link.evidence.some((phrase) => phrase.localText.length > 0)).length).toBeGreaterThan(50);
    for (const { task, link } of implementsLinks) {
      const key = `IMPLEMENTS ${task.id} ${link.nationalItem.id}`;
      expect(cutFromTexts(link.evidence, task.text, link.nationalItem.text, stored.get(key)), key).toBe(true);
    }
    for (const { task, link } of derivesLinks) {
      const key = `DERIVES_FROM ${task.id} ${link.to.id}`;
      expect(cutFromTexts(link.evidence, task.text, link.to.text, stored.get(key)), key).toBe(true);
    }
  });

  it('exports each link with the JSON of its phrases and their texts, as the API answers them', async () => {
    const dump = await readGraphDump(seeded.store);
    const answer = await postGraphQL<{ policies: { tasks: SeedTask[] }[] }>(
      app,
      `{ policies { tasks { id implements { nationalItem { id } ${PHRASE} } } } }`,
    );
    const fromApi = new Map(
      answer.data!.policies.flatMap((policy) =>
        policy.tasks.flatMap((task) =>
          task.implements.map((link) => [`${task.id} ${link.nationalItem.id}`, JSON.stringify(link.evidence)]),
        ),
      ),
    );
    expect(dump.relationships.IMPLEMENTS.length).toBe(fromApi.size);
    for (const row of dump.relationships.IMPLEMENTS) {
      expect(row.evidence).toBe(fromApi.get(`${String(row.from)} ${String(row.to)}`));
    }
  });
});
