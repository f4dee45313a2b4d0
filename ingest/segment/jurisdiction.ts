/**
 * @module Which GB/T 2260 jurisdiction issued a document, from the place names in its header, title and
 * signature, confirmed by how often the body uses them. A misspelt header name (柘阳县 for 枞阳县) resolves
 * to the registry name one character away that the body uses consistently.
 */
import type { JurisdictionNode } from '../../graph-schema/model.js';
import { allJurisdictions, ancestorsOf, NATION_ID } from '../resolve/jurisdiction-registry.js';

export interface PlaceMention {
  text: string;
  /** Offset of `text` in the normalised text. */
  offset: number;
}

export interface ResolvedJurisdiction {
  id: string;
  /** Header names that are not in the registry and were read as a typo of `id`. */
  typos: { name: string; offset: number; resolvedTo: string }[];
}

const SUFFIXES = ['自治县', '自治州', '自治区', '地区', '县', '市', '区', '旗', '盟', '省'];

let byName: Map<string, JurisdictionNode[]> | null = null;
/** Longest registry name: 双江拉祜族佤族布朗族傣族自治县 has 15 characters. */
let longestName = 0;
function namesIndex(): Map<string, JurisdictionNode[]> {
  if (!byName) {
    byName = new Map();
    for (const node of allJurisdictions()) {
      if (node.id === NATION_ID) continue;
      longestName = Math.max(longestName, node.name.length);
      const list = byName.get(node.name) ?? [];
      list.push(node);
      byName.set(node.name, list);
    }
    // Added after every registry name, so that a short form never shadows a place of that name.
    for (const node of allJurisdictions()) {
      const short = commonName(node.name);
      if (short && !byName.has(short)) byName.set(short, [node]);
    }
  }
  return byName;
}

/** The 55 minority peoples of GB/T 3304, as autonomous places print them before 族. */
const PEOPLES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
/**
 * An ethnic autonomous place is commonly called by its place name and level alone, the peoples' names
 * dropped: 化隆县 for 化隆回族自治县, 凉山州 for 凉山彝族自治州, 积石山县 for 积石山保安族东乡族撒拉族自治县 (GB/T 3304 peoples only, so the place name is
 * never cut short).
 */
const AUTONOMOUS_NAME = new RegExp(`^([\\u4e00-\\u9fff]{2,}?)(?:(?:${PEOPLES})族)+自治([县州])$`, 'u');
function commonName(name: string): string | null {
  const [, place, level] = AUTONOMOUS_NAME.exec(name) ?? [];
  return place && level ? place + level : null;
}

function shortName(name: string): string | null {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** How often the body names the place, in full or by its short form (枞阳县 / 枞阳). */
function bodyUse(text: string, node: JurisdictionNode): number {
  const short = shortName(node.name);
  return short ? countOccurrences(text, short) : countOccurrences(text, node.name);
}

/**
 * Registry names that the string starts with, longest first; a place printed with its city before it
 * ("邯郸市峰峰矿区人民政府") is the place inside, not the city.
 */
function leadingPlace(text: string): JurisdictionNode[] {
  const index = namesIndex();
  for (let length = Math.min(longestName, text.length); length >= 2; length--) {
    const nodes = index.get(text.slice(0, length));
    if (!nodes) continue;
    const inner = leadingPlace(text.slice(length)).filter((node) =>
      ancestorsOf(node.id).some((up) => nodes.some((outer) => outer.id === up.id)),
    );
    return inner.length > 0 ? inner : nodes;
  }
  return [];
}

/**
 * The Healthy China action (国务院关于实施健康中国行动的意见) is carried out locally as "健康贵州行动",
 * "健康六盘水行动", "健康云岩行动实施方案": the plan is named after its place, printed without its level.
 */
const HEALTHY_PLACE_PLAN = /^健康([\u4e00-\u9fff]{2,8}?)(?:行动|建设|城市)/u;

let byShortName: Map<string, JurisdictionNode[]> | null = null;
/** The one place a short name (六盘水 for 六盘水市) stands for, or none when several share it. */
function placeByShortName(name: string): JurisdictionNode | null {
  if (!byShortName) {
    byShortName = new Map();
    for (const node of allJurisdictions()) {
      const short = node.id === NATION_ID ? null : shortName(node.name);
      if (short) byShortName.set(short, [...(byShortName.get(short) ?? []), node]);
    }
  }
  const nodes = byShortName.get(name) ?? [];
  return nodes.length === 1 ? (nodes[0] ?? null) : null;
}

/** "柘阳县卫生健康委员会" → "柘阳县": a place-shaped prefix that is not a registry name. */
const PLACE_SHAPED = /^([\u4e00-\u9fff]{1,4}?)(自治县|县|市|区|旗)/u;
/** Words that look like a place prefix but address many places: 各县, 全市, 本区, 我县. */
const NOT_A_PLACE = /^[各全本我该每市县区省]/u;

function typoCandidates(name: string, text: string): JurisdictionNode[] {
  const matches: { node: JurisdictionNode; use: number }[] = [];
  for (const [registryName, nodes] of namesIndex()) {
    if (registryName.length !== name.length || registryName.at(-1) !== name.at(-1)) continue;
    let differences = 0;
    for (let i = 0; i < name.length && differences < 2; i++) if (registryName[i] !== name[i]) differences++;
    if (differences !== 1) continue;
    for (const node of nodes) {
      const use = bodyUse(text, node);
      if (use > 0) matches.push({ node, use });
    }
  }
  return matches.sort((a, b) => b.use - a.use).map((m) => m.node);
}

/**
 * How much an ancestor named in the text tells apart places that share a name. A local plan's preamble
 * cites the superior's document it carries out by its title, "按照《重庆市深化医药卫生体制改革2021年重点工作任务》
 * 精神……结合江北实际，制定本任务", and a title begins with its issuer (GB/T 9704-2012 7.3.3: 标题"由发文机关名称、
 * 事由和文种组成"): a place at the head of a cited title is the superior, while one named elsewhere may be
 * another's example ("学习借鉴浙江“3个9%”经验").
 */
function ancestorEvidence(text: string, ancestor: JurisdictionNode): number {
  const short = shortName(ancestor.name) ?? ancestor.name;
  if (text.includes(`《${short}`)) return 1;
  return text.includes(short) ? 0.5 : 0;
}

/**
 * Vote: every header/title/signature line naming a place gives it 10 points; each use of the place in the
 * body adds one; same-named places are told apart by their province and city named in the text (see ancestorEvidence).
 */
export function resolveJurisdiction(text: string, mentions: readonly PlaceMention[]): ResolvedJurisdiction | null {
  const score = new Map<string, { node: JurisdictionNode; points: number }>();
  const typos: ResolvedJurisdiction['typos'] = [];
  const vote = (node: JurisdictionNode, points: number) => {
    const entry = score.get(node.id) ?? { node, points: 0 };
    entry.points += points;
    score.set(node.id, entry);
  };
  for (const mention of mentions) {
    const known = leadingPlace(mention.text);
    if (known.length > 0) {
      for (const node of known) vote(node, 10);
      continue;
    }
    const healthyPlace = HEALTHY_PLACE_PLAN.exec(mention.text)?.[1];
    const named = healthyPlace ? placeByShortName(healthyPlace) : null;
    if (named) {
      vote(named, 10);
      continue;
    }
    const shaped = PLACE_SHAPED.exec(mention.text);
    if (!shaped || NOT_A_PLACE.test(mention.text)) continue;
    const name = shaped[0];
    const [best] = typoCandidates(name, text);
    if (best) {
      vote(best, 10);
      typos.push({ name, offset: mention.offset, resolvedTo: best.id });
    }
  }
  if (score.size === 0) return null;
  for (const entry of score.values()) {
    entry.points += Math.min(bodyUse(text, entry.node), 50);
    // Ancestors named in the text tell apart places that share a name.
    for (const ancestor of ancestorsOf(entry.node.id).slice(1)) {
      if (ancestor.id !== NATION_ID) entry.points += ancestorEvidence(text, ancestor);
    }
  }
  const [winner] = [...score.values()].sort((a, b) => b.points - a.points);
  if (!winner) return null;
  return { id: winner.node.id, typos: typos.filter((typo) => typo.resolvedTo === winner.node.id) };
}
