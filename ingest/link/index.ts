/**
 * @module The link stage's public surface: the catalogue, glossary and reviewed links loaded once as a
 * `LinkContext`, and `linkDoc` that fills a document's links from its tasks.
 */
import { join } from 'node:path';
import { loadCatalogue } from './catalogue.js';
import { loadGlossary } from './glossary.js';
import type { LinkContext } from './link-doc.js';
import { loadReviewedLinks } from './reviewed-links.js';
import { seedPath } from './seed-file.js';

export { linkDoc, type LinkContext } from './link-doc.js';
export { linkTasks, type LinkableTask, type LinkOptions } from './link-tasks.js';
export { linkToParentTasks } from './link-to-parent-tasks.js';
export { loadCatalogue, nationalItemNodes, type Catalogue, type CatalogueItem } from './catalogue.js';
export { loadGlossary, type Glossary } from './glossary.js';
export { loadReviewedLinks, type ReviewedLink } from './reviewed-links.js';

/**
 * Reads seeds/national/catalogue.json, seeds/glossary.json and seeds/reviewed-links.json, validated.
 * @param seedsDir @default the repository's seeds/ folder
 */
export async function loadLinkContext(seedsDir: string = seedPath('')): Promise<LinkContext> {
  return {
    catalogue: loadCatalogue(join(seedsDir, 'national', 'catalogue.json')),
    glossary: loadGlossary(join(seedsDir, 'glossary.json')),
    reviewed: loadReviewedLinks(join(seedsDir, 'reviewed-links.json')),
  };
}
