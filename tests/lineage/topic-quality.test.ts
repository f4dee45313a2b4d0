/**
 * The linker against the multi-label topic set (tests/lineage/topics/*.json): every numbered unit of
 * the seeds and of the real development documents, labelled by hand from its text with every national
 * item it addresses. The floors sit just below the figures the linker last reached; the goals of the
 * lineage issue (precision ≥ 0.90, recall ≥ 0.85 per item) are still well above them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../ingest/link/catalogue.js';
import {
  documentPathOf,
  judgeDocument,
  loadTopicGroups,
  measureCells,
  measureTopics,
  withLabelsOfPartsBelow,
  type JudgedUnit,
  type TopicGroup,
} from '../../ingest/link/eval/topic-set.js';
import { loadStageContext, processDocument } from '../../ingest/pipeline.js';
import { readSourceFile } from '../../ingest/read/index.js';

const groups = loadTopicGroups();
const topics = groups.map(({ labels }) => labels);
const groupOfFile = new Map<string, TopicGroup>(groups.map(({ labels, group }) => [labels.file, group]));
const inGroup = (group: TopicGroup) => judged.filter((unit) => unit.kind !== 'section' && groupOfFile.get(unit.file) === group);
/** The labels as the lineage issue reads an item: it addresses what the parts numbered under it address. */
const asTheIssueReads = withLabelsOfPartsBelow;
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

  it('keeps the linker at least as good as it last reached, on the whole set and on the held-out half', () => {
    // Measured over items and measures. Since a top-level part with only prose under it counts as an item (issue
    // 13), 32 such units (一、工作目标, 四、执行时间, a 考核评分表's indicators) are measured too, and the linker
    // reads them less well: 87.9/70.2 whole, 86.0/72.2 held-out; over the units measured before, 89.0/70.9 and
    // 86.5/72.8 as they were. No cue from the sites of a list of construction projects: 88.1/70.4 whole.
    // A measure of one sentence has no heading to weigh up: 88.7/70.4 whole, 87.1/72.2 held-out.
    // The 1.–5. criteria of the 三明 2018 院长年薪 table's indicator 37, with their ①–③, read as its units (issue
    // 13): 15 units labelled from the text in place of 3, 9 of them criteria the linker finds no item in
    // ("强化保障水平。", "确保平台数据采集的及时与完整"): 88.7/69.9 whole; the held-out half does not hold that table.
    // A unit that names nothing of its parent's items inherits them (kind inherited): 87.2/73.5 whole,
    // 85.0/74.9 held-out, and 93.5% of labelled units linked in place of 86.6%. With no link above it, the
    // subject of a one-matter document's title: 87.4/74.8 whole, 85.5/77.9 held-out, 95.6% linked (one
    // document gains, 三明 2018 总会计师 scoring table, of the held-out half).
    // An item links to what its sub-measures link to, through them where its own wording names nothing of it
    // (kind measures): read as the issue reads an item (the labels of the parts under it counted as its own),
    // 87.5/69.8 whole and 85.8/68.5 held-out before, 86.5/74.9 and 84.4/77.3 since; on the labels of a unit's
    // own wording 87.4/75.2 and 85.5/77.9 before, 81.0/75.8 and 75.0/78.5 since.
    const figures = measureTopics(asTheIssueReads(judged).filter((unit) => unit.kind !== 'section' && groupOfFile.get(unit.file) !== 'other jurisdictions'));
    expect(figures.micro.precision).toBeGreaterThanOrEqual(0.86);
    expect(figures.micro.recall).toBeGreaterThanOrEqual(0.745);
    expect(figures.linkedShare).toBeGreaterThanOrEqual(0.96);
    const heldOut = measureTopics(asTheIssueReads(judged).filter((unit) => unit.kind !== 'section' && groupOfFile.get(unit.file) === 'held-out'));
    expect(heldOut.micro.precision).toBeGreaterThanOrEqual(0.84);
    expect(heldOut.micro.recall).toBeGreaterThanOrEqual(0.77);
    const ownWording = measureTopics(judged.filter((unit) => unit.kind !== 'section' && groupOfFile.get(unit.file) !== 'other jurisdictions'));
    expect(ownWording.micro.precision).toBeGreaterThanOrEqual(0.805);
    expect(ownWording.micro.recall).toBeGreaterThanOrEqual(0.755);
  });

  it('reads the documents of other jurisdictions, labelled without sight of the linker and kept apart from tuning, as well as it last did', () => {
    // 13 documents (常德, 德清, 赣州, 贵州, 霍山, 南阳, 宁县, 岐山, 四川, 西陵, 兴化, 沂南, 郧西), 97 items and
    // measures, labelled by three readers from the text and the catalogue only: 92.6/82.2 when first measured.
    const figures = measureTopics(inGroup('other jurisdictions'));
    expect(figures.units).toBeGreaterThanOrEqual(90);
    expect(figures.micro.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.micro.recall).toBeGreaterThanOrEqual(0.8);
    expect(figures.linkedShare).toBeGreaterThanOrEqual(0.95);
  });

  it('reads as gaps no more of the coverage cells the labels fill than it last did (false gaps, the lineage issue asks for none), and as possible about half or more cells they fill', () => {
    // With no link to fill them: 21 of 192 cells of the topic set and 20 of 119 of the other jurisdictions when
    // first counted. Cells with a possible link read POSSIBLE since: 5 and 8 false gaps left; of the cells read
    // POSSIBLE, 16 of 23 and 12 of 20 were ones the labels fill; of the other jurisdictions' 11 of 19 later, and 9 of
    // 17 since reading 脱贫人口 as health poverty alleviation turned two of those into links. A unit naming the
    // item's reform makes a cell POSSIBLE at any score since: 2 and 6 false gaps; 19 of 31 and 9 of 19 possible
    // cells the labels fill. A false gap hides a reform taken up; a wrong possible cell asks a reader to look.
    const topicSet = measureCells(judged.filter((unit) => groupOfFile.get(unit.file) !== 'other jurisdictions'));
    expect(topicSet.labelled).toBeGreaterThanOrEqual(190);
    expect(topicSet.falseGaps.length).toBeLessThanOrEqual(2);
    expect(topicSet.possibleLabelled / topicSet.possible.length).toBeGreaterThanOrEqual(0.6);
    const other = measureCells(inGroup('other jurisdictions'));
    expect(other.labelled).toBeGreaterThanOrEqual(115);
    expect(other.falseGaps.length).toBeLessThanOrEqual(6);
    expect(other.possibleLabelled / other.possible.length).toBeGreaterThanOrEqual(0.45);
  });

  it('scores its links as the held-out half bears them out: no score band of 40 links or more is off by more than 10 points', () => {
    // Read as the issue reads an item: a link an item takes through its measures is right where theirs is.
    const heldOut = asTheIssueReads(judged).filter((unit) => unit.kind !== 'section' && groupOfFile.get(unit.file) === 'held-out');
    for (const band of measureTopics(heldOut).calibration.filter((candidate) => candidate.links >= 40)) {
      const middle = (band.from + Math.min(band.to, 1)) / 2;
      expect(Math.abs(band.accepted / band.links - middle), `${band.from.toFixed(1)}–${Math.min(band.to, 1).toFixed(1)}`).toBeLessThanOrEqual(0.1);
    }
  });

  it('confirms most links it scores 0.9 or more, on the held-out half too', () => {
    for (const half of ['tuning', 'held-out'] as const) {
      const top = measureTopics(inGroup(half)).calibration.filter((band) => band.from >= 0.9);
      const links = top.reduce((sum, band) => sum + band.links, 0);
      const accepted = top.reduce((sum, band) => sum + band.accepted, 0);
      expect(links, half).toBeGreaterThan(100);
      expect(accepted / links, half).toBeGreaterThanOrEqual(0.85);
    }
  });
});
