/**
 * @module The synthetic corpus: one task list per chosen jurisdiction (or one a year, drifting), in
 * code order (a city before its counties, which cite it), plus a manifest of what each file holds as the generator counted it.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeDocument, type OutlineStyle, type ParentRef, type UnitCounts } from './compose-document.js';
import { pickJurisdictions } from './pick-jurisdictions.js';
import { createRandom, driftingRandom } from './prng.js';
import { loadSeedPool } from './seed-pool.js';

export interface CorpusOptions {
  jurisdictions: number;
  seed: number;
  /** @default 'seeds' */
  seedsDir?: string;
  /** Documents per jurisdiction, one a year, each drifting from the year before. @default 1 */
  years?: number;
}

/** Share of a yearly list's random draws (items, wording, figures) that change from one year to the next. */
const YEARLY_DRIFT = 0.02;

export interface ManifestEntry {
  file: string;
  jurisdictionId: string;
  title: string;
  docNumber: string | null;
  issuedOn: string;
  style: OutlineStyle;
  /** Document number of the city plan this one cites, when the city is in the corpus. */
  cites: string | null;
  counts: UnitCounts;
  /** sections + items + measures: the Task nodes the document should give. */
  units: number;
}

export interface CorpusManifest {
  seed: number;
  jurisdictions: number;
  documents: number;
  units: number;
  sections: number;
  items: number;
  measures: number;
  files: ManifestEntry[];
}

export interface GeneratedDocument extends ManifestEntry {
  text: string;
}

/** Every document of the corpus, in memory (about 8 kB each). */
export function* generateDocuments({ jurisdictions, seed, seedsDir = 'seeds', years = 1 }: CorpusOptions): Generator<GeneratedDocument> {
  const pool = loadSeedPool(seedsDir);
  const random = createRandom(seed);
  const places = pickJurisdictions(jurisdictions, random.fork('places'));
  const used = new Set<string>();
  const allocateNumber = (prefix: string, year: number) => {
    const numbers = random.fork(`${prefix}${year}`);
    for (let n = numbers.int(1, 60); ; n += 1) {
      const key = `${prefix}〔${year}〕${n}`;
      if (!used.has(key)) {
        used.add(key);
        return n;
      }
    }
  };
  // Each year's documents after the year before, a city's plan before its counties' (which cite it).
  const cityPlans = new Map<string, ParentRef & { year: number }>();
  for (let yearIndex = 0; yearIndex < years; yearIndex += 1) {
    for (const place of places) {
      const placeRandom = random.fork(place.id);
      const docRandom = years === 1 ? placeRandom : driftingRandom(placeRandom, yearIndex, YEARLY_DRIFT);
      const cityPlan = place.city ? (cityPlans.get(`${place.city.id}@${yearIndex}`) ?? null) : null;
      // One document: a year of 2019–2024; a yearly series: ending by 2024 from a first year drawn as before.
      const firstYear = placeRandom.fork('first-year').int(2019, 2024) - (years - 1);
      const year = cityPlan?.year ?? (years === 1 ? docRandom.int(2019, 2024) : firstYear + yearIndex);
      const doc = composeDocument({ place, year, pool, random: docRandom, parent: cityPlan, allocateNumber });
      if (place.level === 'city' && doc.docNumber)
        cityPlans.set(`${place.id}@${yearIndex}`, { title: doc.title, docNumber: doc.docNumber, year });
      const { counts } = doc;
      yield {
        file: years === 1 ? `${place.id}.txt` : `${place.id}-${year}.txt`,
        jurisdictionId: place.id,
        title: doc.title,
        docNumber: doc.docNumber,
        issuedOn: doc.issuedOn,
        style: doc.style,
        cites: cityPlan?.docNumber ?? null,
        counts,
        units: counts.sections + counts.items + counts.measures,
        text: doc.text,
      };
    }
  }
}

/** Writes the corpus to `outDir` (emptied of earlier .txt files first) with manifest.json. */
export function writeCorpus(outDir: string, options: CorpusOptions): CorpusManifest {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) if (name.endsWith('.txt') || name === 'manifest.json') rmSync(join(outDir, name));
  const files: ManifestEntry[] = [];
  for (const { text, ...entry } of generateDocuments(options)) {
    writeFileSync(join(outDir, entry.file), text);
    files.push(entry);
  }
  const sum = (pick: (entry: ManifestEntry) => number) => files.reduce((total, entry) => total + pick(entry), 0);
  const manifest: CorpusManifest = {
    seed: options.seed,
    jurisdictions: options.jurisdictions,
    documents: files.length,
    units: sum((entry) => entry.units),
    sections: sum((entry) => entry.counts.sections),
    items: sum((entry) => entry.counts.items),
    measures: sum((entry) => entry.counts.measures),
    files,
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
