/**
 * @module Documents that address a national item as a whole, by their title: a plan titled
 * "关于进一步推广福建省和三明市深化医药卫生体制改革经验重点工作的通知" is about promoting the Sanming
 * experience in every item, though no item need say so again. The title is read by the linker like
 * any task, and only its links — not its candidates below the threshold — count.
 */
import type { LinkOptions } from '../../ingest/link/link-tasks.js';
import { candidateLinks } from '../../ingest/link/link-tasks.js';
import type { TitleLink } from './coverage.js';

/** Linked items of each title, per catalogue: titles repeat across requests and rarely change. */
const memo = new WeakMap<object, Map<string, string[]>>();

export function titleLinksOf(
  policies: readonly { id: string; title: string; jurisdictionId: string | null }[],
  options: Pick<LinkOptions, 'catalogue' | 'glossary'>,
): TitleLink[] {
  let byTitle = memo.get(options.catalogue);
  if (!byTitle) memo.set(options.catalogue, (byTitle = new Map<string, string[]>()));
  const links: TitleLink[] = [];
  for (const policy of policies) {
    if (!policy.title || !policy.jurisdictionId) continue;
    let items = byTitle.get(policy.title);
    if (!items) {
      const title = policy.title;
      items = candidateLinks({ path: 'title', text: title, title }, options)
        .filter((link) => link.linked)
        .map((link) => link.targetId);
      byTitle.set(title, items);
    }
    for (const nationalItemId of items) links.push({ nationalItemId, jurisdictionId: policy.jurisdictionId, policyId: policy.id });
  }
  return links;
}
