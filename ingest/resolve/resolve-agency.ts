/**
 * One printed agency name to its canonical agency: the jurisdiction prefix (市/县/省/国家, a place
 * name, or none — then the list's previous prefix or the document's own jurisdiction) picks the
 * jurisdiction, the rest is looked up in the alias table.
 */
import type { JurisdictionNode } from '../../graph-schema/model.js';
import type { ResolvedAgency } from '../document.js';
import type { AgencyEntry, AgencyTable } from './agency-table.js';
import { NATION_ID, allJurisdictions, ancestorsOf, jurisdictionById } from './jurisdiction-registry.js';

export interface ResolveAgencyOptions {
  /** The document's jurisdiction. */
  jurisdictionId: string;
  table: AgencyTable;
  /**
   * Jurisdiction of the previous name in the same list: in "市卫健委、教育局、民政局" the bare names
   * share the 市 of the first. @default null (the document's own jurisdiction)
   */
  inheritedJurisdictionId?: string | null;
  /**
   * The level word of the previous name in the same list when it named no known place (see
   * `AgencyResolution.unplacedLevel`): "市卫健委、发改委" in a document whose city is not known.
   * @default null
   */
  inheritedLevelWord?: string | null;
  /**
   * The body that issued the document, resolved: an internal division it names without a prefix
   * (医政科, 委办公室) is one of its own and takes its type. @default null (divisions stay OTHER)
   */
  issuer?: ResolvedAgency | null;
}

export interface AgencyResolution {
  agency: ResolvedAgency;
  /** False when the name is not in the alias table (type OTHER, printed name kept). */
  known: boolean;
  /** True when the name carried its own jurisdiction prefix. */
  prefixed: boolean;
  /**
   * The level word (市, 县 …) of a name whose place the document does not say: a body of that level,
   * kept apart from the bodies of the document's own jurisdiction. @default null
   */
  unplacedLevel?: string | null;
}

/**
 * A level word prefixes the body of a local government of that level: "市卫生计生委" is a city's
 * commission, "县医保局" a county's bureau; the State Council's own bodies print 国家 or nothing (国家卫生
 * 健康委, 财政部). So in a document placed under the nation because it names no place (a web copy
 * without its header: "（市卫生计生委、市人力社保局负责，排在第一位的为牵头部门，下同）"), such a body
 * is one of an unnamed city or county, never the nation's.
 */
const LOCAL_LEVEL_EN: Record<string, string> = {
  省: 'Provincial',
  市: 'Municipal',
  州: 'Prefectural',
  县: 'County',
  区: 'District',
  旗: 'Banner',
  镇: 'Town',
  乡: 'Township',
  乡镇: 'Township',
};

/**
 * A level word below the document's own level names a body of a place under it that the document does not
 * name: in a city's plan "县疾控局" is a county's administration, "乡镇卫生院" a township's, never the city's
 * own (as "市卫健委" in a province's plan is a city's). A level word of the document's own level is its own
 * body: a county's 县卫健委, a district's 区卫健局, a municipality's (重庆市) 市卫健委.
 */
const LEVELS_BELOW: Partial<Record<JurisdictionNode['level'], readonly string[]>> = {
  province: ['市', '州', '县', '区', '旗', '乡镇', '乡', '镇'],
  city: ['县', '区', '旗', '乡镇', '乡', '镇'],
  county: ['乡镇', '乡', '镇'],
};

function namesLevelBelow(word: string, home: JurisdictionNode): boolean {
  if (home.level === 'province' && /^[市州]$/u.test(word) && home.name.endsWith('市')) return false;
  return LEVELS_BELOW[home.level]?.includes(word) ?? false;
}

/** The body a level word refers to from inside `home`: 市 in a county document is its city. */
function scopeOfLevelWord(word: string, home: JurisdictionNode): JurisdictionNode {
  const chain = ancestorsOf(home.id);
  const at = (level: JurisdictionNode['level']) => chain.find((node) => node.level === level);
  switch (word) {
    case '国家':
      return jurisdictionById(NATION_ID) ?? home;
    case '省':
      return at('province') ?? home;
    case '市':
    case '州':
      // A county-level city (侯马市) calls itself 市.
      return home.level === 'county' && home.name.endsWith('市') ? home : (at('city') ?? home);
    default:
      return home;
  }
}

let namesIndex: Map<string, JurisdictionNode[]> | null = null;
let longestName = 0;
function nodesNamed(name: string): JurisdictionNode[] {
  if (!namesIndex) {
    namesIndex = new Map();
    for (const node of allJurisdictions()) {
      namesIndex.set(node.name, [...(namesIndex.get(node.name) ?? []), node]);
      longestName = Math.max(longestName, node.name.length);
    }
  }
  return namesIndex.get(name) ?? [];
}

/** "沙县区卫健局" in a 三明市 document: a body of a place below the document's own jurisdiction. */
function lowerPlaceReading(name: string, home: JurisdictionNode): { rest: string; scope: JurisdictionNode } | null {
  nodesNamed('');
  for (let length = Math.min(longestName, name.length - 2); length >= 2; length--) {
    const below = nodesNamed(name.slice(0, length)).find(
      (node) => node.id !== home.id && ancestorsOf(node.id).some((up) => up.id === home.id),
    );
    if (below) return { rest: name.slice(length), scope: below };
  }
  return null;
}

interface Reading {
  rest: string;
  scope: JurisdictionNode;
  /** The level word, when it names no jurisdiction of the document (see LOCAL_LEVEL_EN). */
  unplaced?: string;
}

/** Ways to read a printed name as prefix + rest, most specific first. */
function readings(name: string, home: JurisdictionNode): Reading[] {
  const options: Reading[] = [];
  const lower = lowerPlaceReading(name, home);
  if (lower) options.push(lower);
  for (const node of ancestorsOf(home.id)) {
    if (node.id === NATION_ID) continue;
    const short = node.name.replace(/(?:省|市|县|区|自治州|自治县|地区|盟|旗)$/u, '');
    for (const prefix of [node.name, short.length >= 2 ? short : null]) {
      if (prefix && name.startsWith(prefix) && name.length > prefix.length) options.push({ rest: name.slice(prefix.length), scope: node });
    }
  }
  const levelWord = /^(国家|省|市|州|县|区|旗|乡镇|镇|乡)/u.exec(name)?.[1];
  if (levelWord && ((home.id === NATION_ID && levelWord !== '国家') || namesLevelBelow(levelWord, home)))
    options.push({ rest: name.slice(levelWord.length), scope: home, unplaced: levelWord });
  else if (levelWord) options.push({ rest: name.slice(levelWord.length), scope: scopeOfLevelWord(levelWord, home) });
  return options;
}

function canonicalOf(
  entry: AgencyEntry,
  scope: JurisdictionNode,
  printed: string,
  printedCore: string | null = null,
  unplaced: string | null = null,
): ResolvedAgency {
  if (unplaced) {
    // A body of an unnamed 市/县: named by its level word, one id per level word and function.
    const name = `${unplaced}${printedCore ?? entry.name}`;
    const levelEn = LOCAL_LEVEL_EN[unplaced] ?? unplaced;
    return {
      id: `${scope.id}:${name}`,
      name,
      nameEn: entry.en.replace('{jurisdiction}', levelEn),
      type: entry.type,
      jurisdictionId: scope.id,
      aliases: [printed],
    };
  }
  // "直辖市和较大的市分为区、县" (宪法第三十条): a municipality (北京市) has no 市（州） below it, so the name
  // a province's subordinate bodies get does not fit it.
  const municipality = scope.level === 'province' && scope.name.endsWith('市');
  const core = printedCore ?? (municipality ? undefined : entry.nameByLevel?.[scope.level]) ?? entry.name;
  // State Council ministries carry no prefix: 财政部, not 国家财政部.
  const prefix = scope.id === NATION_ID ? (printedCore ? '' : '国家') : scope.name;
  return {
    id: `${scope.id}:${entry.primary ? entry.type : entry.name}`,
    name: `${prefix}${core}`,
    nameEn: entry.en.replace('{jurisdiction}', scope.nameEn),
    type: entry.type,
    jurisdictionId: scope.id,
    aliases: [printed],
  };
}

/**
 * The alias entry for a core name. The same function is a 局 in a city or county, a 厅 in a province
 * and a 部 (or a 总局) in the State Council: 教育厅 and 教育部 are read as 教育局, 市场监管总局 as 市场监管局.
 */
function entryFor(core: string, table: AgencyTable): { entry: AgencyEntry; printedCore: string | null } | undefined {
  const direct = table.byAlias.get(core);
  if (direct) return { entry: direct, printedCore: null };
  const asBureau = core.endsWith('总局') ? `${core.slice(0, -2)}局` : /[厅部]$/u.test(core) ? `${core.slice(0, -1)}局` : null;
  const entry = asBureau ? table.byAlias.get(asBureau) : undefined;
  // Keep the printed 厅/部 in the canonical name: 福建省教育厅, 财政部.
  return entry ? { entry, printedCore: core } : undefined;
}

/**
 * An internal division (内设机构) of a department, as a department's own task-division plan names them:
 * "责任科室：医政科、规财科（信息中心）", "机关党办", "委办公室", "保健办". A 科/处/股/室 or the 机关 party
 * and discipline offices; a bare "…办" only inside a department, as a government's 办 (文明办, 应急办)
 * are bodies of their own.
 */
const DIVISION = /^(?:委|局|厅)?(?:[\u4e00-\u9fff]{1,10}(?:科|处|股|室)|机关(?:党委|党办|纪委|工会)(?:办公室)?)$/u;
const DEPARTMENT_OFFICE = /^(?:委|局)?[\u4e00-\u9fff]{1,6}办$/u;
const GOVERNMENTS = new Set(['GOVERNMENT', 'GOVERNMENT_OFFICE', 'LOWER_GOVS']);

function isDivisionOf(name: string, issuer: ResolvedAgency): boolean {
  const core = name.replace(/\s+/gu, '').replace(/(?:（[^（）]*）|\([^()]*\))$/u, '');
  return DIVISION.test(core) || (DEPARTMENT_OFFICE.test(core) && !GOVERNMENTS.has(issuer.type));
}

/**
 * "市县两级卫生健康部门", "市、县两级医保部门", "县乡村三级医疗卫生机构": the bodies of one function at each level
 * named, as one collective. Its first level word is no prefix of one body ("市" + "县两级…"): the name is kept
 * whole under the document's jurisdiction, typed by the function as the first level's body would be.
 */
const LEVELS_OF_BODIES = /^((?:[省市州县区乡镇村]、?){2,4})[两三四]级/u;

function resolveLevelsOfBodies(printed: string, options: ResolveAgencyOptions): AgencyResolution | null {
  const name = printed.replace(/\s+/gu, '');
  const levels = LEVELS_OF_BODIES.exec(name);
  const home = jurisdictionById(options.jurisdictionId);
  if (!levels?.[1] || !home || name.length === levels[0].length) return null;
  const firstLevel = resolveAgencyName(`${levels[1].charAt(0)}${name.slice(levels[0].length)}`, options);
  return {
    agency: { id: `${home.id}:${name}`, name, nameEn: name, type: firstLevel.agency.type, jurisdictionId: home.id, aliases: [printed] },
    known: firstLevel.known,
    prefixed: false,
  };
}

export function resolveAgencyName(printed: string, options: ResolveAgencyOptions): AgencyResolution {
  const levels = resolveLevelsOfBodies(printed, options);
  if (levels) return levels;
  const resolution = resolveWhole(printed, options);
  if (resolution.known) return resolution;
  // "市卫生计生委医政科", "市政府办医改科": a division printed after its own body takes that body's type.
  const owned = /^(.{2,}?(?:委|局|厅|办))([\u4e00-\u9fff]{1,10}(?:科|处|股|室))$/u.exec(printed.replace(/\s+/gu, ''));
  const owner = owned?.[1] ? resolveWhole(owned[1], options) : null;
  if (owner?.known) return { ...resolution, agency: { ...resolution.agency, type: owner.agency.type } };
  const { issuer = null } = options;
  if (issuer && !resolution.prefixed && isDivisionOf(printed, issuer)) {
    const agency = resolution.agency;
    return {
      ...resolution,
      agency: {
        ...agency,
        type: issuer.type,
        jurisdictionId: issuer.jurisdictionId,
        id: `${issuer.jurisdictionId}:${agency.name}`,
        nameEn: `${agency.name} (${issuer.nameEn})`,
      },
    };
  }
  // "市卫健委（市中医药局）": a second name of the same body in brackets; the first one decides.
  const aside = /^(.{2,}?)\s*(?:（[^（）]*）|\([^()]*\))$/u.exec(printed.replace(/\s+/gu, ''));
  if (aside?.[1]) {
    const main = resolveWhole(aside[1], options);
    if (main.known) return { ...main, agency: { ...main.agency, aliases: [printed] } };
  }
  // Not in the table: the printed name stays, with a type read from what kind of body it names.
  // "各总医院（医共体）": the kind of body is named before the aside.
  const named = resolution.agency.name.replace(/（[^（）]*）$/u, '');
  const hint = options.table.typeHints.find(({ pattern }) => pattern.test(named));
  return hint ? { ...resolution, agency: { ...resolution.agency, type: hint.type } } : resolution;
}

function resolveWhole(
  printed: string,
  { jurisdictionId, table, inheritedJurisdictionId = null, inheritedLevelWord = null }: ResolveAgencyOptions,
): AgencyResolution {
  const name = printed.replace(/\s+/gu, '');
  const home = jurisdictionById(jurisdictionId);
  if (!home) throw new Error(`unknown jurisdiction ${jurisdictionId}`);
  const inherited = (inheritedJurisdictionId ? jurisdictionById(inheritedJurisdictionId) : undefined) ?? home;

  // "各县（区）人民政府", "各镇人民政府（开发区工委）": the bodies below the document's own jurisdiction.
  const patterned = table.patterns.find(({ pattern }) => pattern.test(name));
  // The State Council's lower governments are 各省、自治区、直辖市人民政府; "各乡镇人民政府" or "各县（区）" in
  // a document placed under the nation are those of a place it does not name, kept apart by their printed name.
  if (patterned && home.id === NATION_ID && patterned.entry.type === 'LOWER_GOVS') {
    const agency = { ...canonicalOf(patterned.entry, home, printed), id: `${home.id}:${name}`, name };
    return {
      agency: { ...agency, nameEn: patterned.entry.en.replace('{jurisdiction}', 'a place not named') },
      known: true,
      prefixed: true,
    };
  }
  if (patterned) return { agency: canonicalOf(patterned.entry, home, printed), known: true, prefixed: true };

  // A bare name that is an alias itself ("市场监管局" starts with 市 but is not 市 + 场监管局).
  const bare = entryFor(name, table);
  if (bare) {
    // "县卫健委、财政局": the bare name is a body of the same unnamed place as the name before it.
    const unplaced = inheritedLevelWord;
    return {
      agency: canonicalOf(bare.entry, inherited, printed, bare.printedCore, unplaced),
      known: true,
      prefixed: false,
      unplacedLevel: unplaced,
    };
  }

  const options = readings(name, home);
  for (const { rest, scope, unplaced = null } of options) {
    const found = entryFor(rest, table);
    if (found)
      return {
        agency: canonicalOf(found.entry, scope, printed, found.printedCore, unplaced),
        known: true,
        prefixed: true,
        unplacedLevel: unplaced,
      };
  }

  const reading = options.at(-1);
  const scope = reading?.scope ?? inherited;
  const core = reading?.unplaced ? name : (reading?.rest ?? name);
  return {
    agency: { id: `${scope.id}:${core}`, name, nameEn: name, type: 'OTHER', jurisdictionId: scope.id, aliases: [printed] },
    known: false,
    prefixed: reading !== undefined,
  };
}
