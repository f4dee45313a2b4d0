/**
 * @module The pipeline's link stage: `(doc, context) => doc` filling `doc.links` from `doc.tasks` —
 * IMPLEMENTS links to the national catalogue with reviewed-links curation applied, and DERIVES_FROM
 * links to the tasks of a parent document when the caller has one loaded.
 */
import { messageAt, sourceOffsetOf, type LinkedDoc, type ResolvedDoc } from '../document.js';
import type { Catalogue } from './catalogue.js';
import type { Glossary } from './glossary.js';
import { linkTasksWithMessages, type LinkableTask } from './link-tasks.js';
import { linkToParentTasks } from './link-to-parent-tasks.js';
import type { ReviewedLink } from './reviewed-links.js';

export interface LinkContext {
  catalogue: Catalogue;
  glossary: Glossary;
  /** Entries of seeds/reviewed-links.json. @default [] */
  reviewed?: ReviewedLink[];
  /** Tasks of the parent document (national or provincial) this one breaks down, if loaded. */
  parentTasks?: LinkableTask[];
}

export function linkDoc(doc: ResolvedDoc, context: LinkContext): LinkedDoc {
  const { tasks, normalised } = doc;
  // The linker reports at the tasks' offsets in the source.
  const located = tasks.map((task) => ({
    path: task.path,
    text: task.text,
    title: task.title,
    parentPath: task.parentPath,
    kind: task.kind,
    span: { start: sourceOffsetOf(normalised, task.span.start) },
  }));
  const { links, possibleLinks, messages } = linkTasksWithMessages(located, {
    catalogue: context.catalogue,
    glossary: context.glossary,
    reviewed: context.reviewed ?? [],
    scope: { jurisdictionId: doc.meta.jurisdictionId, docNumber: doc.meta.docNumber },
    documentTitle: doc.meta.title,
  });
  const derived = context.parentTasks ? linkToParentTasks(tasks, context.parentTasks, { glossary: context.glossary }) : [];
  // One look-up per item, not a walk of the document's links for each.
  const linkedPaths = new Set(links.map((link) => link.taskPath));
  const unlinked = tasks.filter((task) => task.kind === 'item' && !linkedPaths.has(task.path));
  const notes = unlinked.map((task) =>
    messageAt(normalised, 'TASK_UNLINKED', `item ${task.key} has no national-item link: "${task.title.slice(0, 30)}"`, task.span.start),
  );
  return { ...doc, links: [...links, ...derived], possibleLinks, messages: [...doc.messages, ...messages, ...notes] };
}
