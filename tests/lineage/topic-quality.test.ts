/**
 * The linker against the multi-label topic set (tests/lineage/topics/*.json): every numbered unit of
 * the seeds and of the real development documents, labelled by hand from its text with every national
 * item it addresses. The floors are the figures the linker reached when the set was made; the goals of
 * the lineage issue (precision ≥ 0.90, recall ≥ 0.85 per item) are far above them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../ingest/link/catalogue.js';
import { documentPathOf, judgeDocument, loadTopicSet, measureTopics, type JudgedUnit, type TopicFile } from '../../ingest/link/eval/topic-set.js';
import { loadStageContext, processDocument } from '../../ingest/pipeline.js';
import { readSourceFile } from '../../ingest/read/index.js';

const topics: TopicFile[] = loadTopicSet();
const judged: JudgedUnit[] = [];
const unitsFound = new Map<string, string[]>();

beforeAll(async () => {
  const context = await loadStageContext('seeds');
  for (const labels of topics) {
    const doc = processDocument({ source: await readSourceFile(documentPathOf(labels.file)), messages: [] }, context);
    unitsFound.set(labels.file, doc.tasks.map((task) => task.path));
    judged.push(...judgeDocument(labels, doc));
  }
});

describe('the multi-label topic set', () => {
  it('labels the seeds and the real documents with national items of the catalogue only', () => {
    expect(topics.length).toBeGreaterThanOrEqual(5);
    const ids = new Set(loadCatalogue().items.map((item) => item.id));
    for (const labels of topics) for (const unit of labels.units) for (const id of unit.nationalItemIds) expect(ids.has(id), `${labels.file} ${unit.path}: ${id}`).toBe(true);
  });

  it('labels every unit the pipeline finds in a labelled document', () => {
    for (const labels of topics) {
      const labelled = new Set(labels.units.map((unit) => unit.path));
      const unlabelled = (unitsFound.get(labels.file) ?? []).filter((path) => !labelled.has(path));
      expect(unlabelled, labels.file).toEqual([]);
    }
  });

  it('keeps the linker at least as good as when the set was made', () => {
    const figures = measureTopics(judged.filter((unit) => unit.kind !== 'section'));
    expect(figures.micro.precision).toBeGreaterThanOrEqual(0.78);
    expect(figures.micro.recall).toBeGreaterThanOrEqual(0.55);
  });
});
