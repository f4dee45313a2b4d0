/**
 * @module `npm run eval`: precision, recall and F1 of the national-item linker against the
 * hand-labelled set, and the cross-jurisdiction pairwise figures; then, against the multi-label topic
 * set of every unit of the seeds and the real documents, micro and macro precision and recall, per
 * pillar, the calibration of scores and the units left unlinked. `--verbose` lists every miss.
 */
import { loadStageContext, processDocument } from '../pipeline.js';
import { readSourceFile } from '../read/index.js';
import { loadCatalogue } from './catalogue.js';
import { evaluate } from './eval/evaluate.js';
import { loadLabelledSet, locateLabelledSet } from './eval/labelled-set.js';
import { loadGlossary } from './glossary.js';
import { documentPathOf, judgeDocument, loadTopicSet, measureTopics, type JudgedUnit } from './eval/topic-set.js';
import { loadReviewedLinks } from './reviewed-links.js';

const verbose = process.argv.includes('--verbose');
const withoutCuration = process.argv.includes('--no-curation');
const catalogue = loadCatalogue();
const glossary = loadGlossary();
const reviewed = withoutCuration ? [] : loadReviewedLinks();
const entries = locateLabelledSet(loadLabelledSet());
const { figures, rows } = evaluate(entries, { catalogue, glossary, reviewed });

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (verbose) {
  for (const { entry, links, missing, extra } of rows) {
    if (missing.length === 0 && extra.length === 0) continue;
    const got = links.map((l) => `${l.targetId}(${l.score})`).join(' ');
    process.stdout.write(`${entry.jurisdiction} ${entry.phrase}\n  missing: ${missing.join(' ') || '-'}\n  extra:   ${extra.join(' ') || '-'}\n  got:     ${got || '-'}\n`);
  }
}
process.stdout.write(
  [
    `labelled items: ${figures.items} (${withoutCuration ? 'linker only' : 'with reviewed links'})`,
    `items linked:   ${pct(figures.linkedShare)}`,
    `links:          precision ${pct(figures.precision)}  recall ${pct(figures.recall)}  F1 ${pct(figures.f1)}`,
    `pairwise (cross-jurisdiction): precision ${pct(figures.pairwise.precision)}  recall ${pct(figures.pairwise.recall)}  F1 ${pct(figures.pairwise.f1)}  (${figures.pairwise.predictedPairs} predicted / ${figures.pairwise.goldPairs} labelled pairs)`,
    `pairwise, main topic only:      precision ${pct(figures.pairwisePrimary.precision)}  recall ${pct(figures.pairwisePrimary.recall)}  F1 ${pct(figures.pairwisePrimary.f1)}  (${figures.pairwisePrimary.goldPairs} labelled pairs)`,
  ].join('\n') + '\n',
);

// The multi-label topic set: every numbered unit of the labelled documents, headings left out.
const context = await loadStageContext('seeds');
const judged: JudgedUnit[] = [];
for (const labels of loadTopicSet()) {
  const doc = processDocument({ source: await readSourceFile(documentPathOf(labels.file)), messages: [] }, context);
  judged.push(...judgeDocument(labels, doc).filter((unit) => unit.kind !== 'section'));
}
if (judged.length > 0) {
  const topics = measureTopics(judged);
  const unlinked = judged.filter((unit) => unit.gold.length > 0 && unit.predicted.length === 0);
  const lines = [
    `topic set: ${topics.units} items and measures of ${new Set(judged.map((unit) => unit.file)).size} documents; ${pct(topics.linkedShare)} of those with a label linked`,
    `  micro: precision ${pct(topics.micro.precision)}  recall ${pct(topics.micro.recall)}`,
    `  macro: precision ${pct(topics.macro.precision)}  recall ${pct(topics.macro.recall)}`,
    '  per pillar (precision / recall, labelled / linked):',
    ...topics.byPillar.map((p) => `    ${p.pillar.padEnd(20)} ${pct(p.precision).padStart(6)} / ${pct(p.recall).padStart(6)}  (${p.gold} / ${p.predicted})`),
    '  calibration (score band: links a reader\'s labels confirm):',
    ...topics.calibration.map((b) => `    ${b.from.toFixed(1)}–${Math.min(b.to, 1).toFixed(1)}: ${b.accepted}/${b.links} = ${pct(b.accepted / b.links)}`),
    `  units with a label but no link: ${unlinked.length}`,
  ];
  if (verbose) {
    for (const unit of judged) {
      const got = new Set(unit.predicted.map((link) => link.itemId));
      const missing = unit.gold.filter((id) => !got.has(id));
      const extra = [...got].filter((id) => !unit.gold.includes(id));
      if (missing.length > 0 || extra.length > 0) lines.push(`  ${unit.file} ${unit.path}\n    missing: ${missing.join(' ') || '-'}\n    extra:   ${extra.join(' ') || '-'}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

// Policy instruments against their own hand-labelled set (issue 17).
await import('../analyse/instruments/eval-cli.js');
