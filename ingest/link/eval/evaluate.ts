/**
 * @module Runs the linker over the located labelled set and measures it.
 */
import type { TaskLink } from '../../document.js';
import { jurisdictionsNamed } from '../../resolve/jurisdiction-registry.js';
import type { Catalogue } from '../catalogue.js';
import type { Glossary } from '../glossary.js';
import { linkTasks, type LinkOptions } from '../link-tasks.js';

/** Linker settings an evaluation may vary. */
export type Tuning = Pick<LinkOptions, 'maxLinks' | 'threshold' | 'minStrong' | 'titleBoost' | 'bodyCeiling'>;
import type { ReviewedLink } from '../reviewed-links.js';
import type { LocatedEntry } from './labelled-set.js';
import { measure, type Figures, type Judged } from './metrics.js';

export interface Evaluation {
  figures: Figures;
  rows: { entry: LocatedEntry; links: TaskLink[]; missing: string[]; extra: string[] }[];
}

export function evaluate(
  entries: LocatedEntry[],
  {
    catalogue,
    glossary,
    reviewed = [],
    tuning = {},
  }: { catalogue: Catalogue; glossary: Glossary; reviewed?: ReviewedLink[]; tuning?: Tuning },
): Evaluation {
  // Link each jurisdiction's items together, so reviewed entries narrowed to a jurisdiction apply.
  const links = [...new Set(entries.map((entry) => entry.jurisdiction))].flatMap((jurisdiction) => {
    const tasks = entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.jurisdiction === jurisdiction)
      .map(({ entry, index }) => ({ path: String(index), text: entry.text, title: entry.title }));
    const jurisdictionId = jurisdictionsNamed(jurisdiction)[0]?.id ?? null;
    return linkTasks(tasks, { catalogue, glossary, reviewed, scope: { jurisdictionId }, ...tuning });
  });
  const rows = entries.map((entry, index) => {
    const own = links.filter((link) => link.taskPath === String(index));
    const predicted = new Set(own.map((link) => link.targetId));
    return {
      entry,
      links: own,
      missing: entry.nationalItemIds.filter((id) => !predicted.has(id)),
      extra: [...predicted].filter((id) => !entry.nationalItemIds.includes(id)),
    };
  });
  const judged: Judged[] = rows.map(({ entry, links: own }) => ({
    jurisdiction: entry.jurisdiction,
    gold: new Set(entry.nationalItemIds),
    predicted: new Set(own.map((link) => link.targetId)),
    ...(entry.nationalItemIds[0] ? { primary: entry.nationalItemIds[0] } : {}),
  }));
  return { figures: measure(judged), rows };
}
