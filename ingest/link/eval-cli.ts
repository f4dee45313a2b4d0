/**
 * @module `npm run eval`: precision, recall and F1 of the national-item linker against the
 * hand-labelled set, and the cross-jurisdiction pairwise figures. `--verbose` lists every miss.
 */
import { loadCatalogue } from './catalogue.js';
import { evaluate } from './eval/evaluate.js';
import { loadLabelledSet, locateLabelledSet } from './eval/labelled-set.js';
import { loadGlossary } from './glossary.js';
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
