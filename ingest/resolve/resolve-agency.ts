/**
 * One printed agency name to its canonical agency: the jurisdiction prefix (市/县/省/国家, a place
 * name, or none — then the list's previous prefix or the document's own jurisdiction) picks the
 * jurisdiction, the rest is looked up in the alias table.
 */
import type { JurisdictionNode } from '../../graph-schema/model.js';
import type { ResolvedAgency } from '../document.js';
import type { AgencyEntry, AgencyTable } from './agency-table.js';
import { NATION_ID, ancestorsOf, jurisdictionById } from './jurisdiction-registry.js';

export interface ResolveAgencyOptions {
  /** The document's jurisdiction. */
  jurisdictionId: string;
  table: AgencyTable;
  /**
   * Jurisdiction of the previous name in the same list: in "市卫健委、教育局、民政局" the bare names
   * share the 市 of the first. @default null (the document's own jurisdiction)
   */
  inheritedJurisdictionId?: string | null;
}

export interface AgencyResolution {
  agency: ResolvedAgency;
  /** False when the name is not in the alias table (type OTHER, printed name kept). */
  known: boolean;
  /** True when the name carried its own jurisdiction prefix. */
  prefixed: boolean;
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
      return home.level === 'county' && home.name.endsWith('市') ? home : at('city') ?? home;
    default:
      return home;
  }
}

/** Ways to read a printed name as prefix + rest, most specific first. */
function readings(name: string, home: JurisdictionNode): { rest: string; scope: JurisdictionNode }[] {
  const options: { rest: string; scope: JurisdictionNode }[] = [];
  for (const node of ancestorsOf(home.id)) {
    if (node.id === NATION_ID) continue;
    const short = node.name.replace(/(?:省|市|县|区|自治州|自治县|地区|盟|旗)$/u, '');
    for (const prefix of [node.name, short.length >= 2 ? short : null]) {
      if (prefix && name.startsWith(prefix) && name.length > prefix.length) options.push({ rest: name.slice(prefix.length), scope: node });
    }
  }
  const levelWord = /^(国家|省|市|州|县|区|旗|镇|乡)/u.exec(name)?.[1];
  if (levelWord) options.push({ rest: name.slice(levelWord.length), scope: scopeOfLevelWord(levelWord, home) });
  return options;
}

function canonicalOf(entry: AgencyEntry, scope: JurisdictionNode, printed: string): ResolvedAgency {
  const core = entry.nameByLevel?.[scope.level] ?? entry.name;
  return {
    id: `${scope.id}:${entry.primary ? entry.type : entry.name}`,
    name: `${scope.id === NATION_ID ? '国家' : scope.name}${core}`,
    nameEn: entry.en.replace('{jurisdiction}', scope.nameEn),
    type: entry.type,
    jurisdictionId: scope.id,
    aliases: [printed],
  };
}

export function resolveAgencyName(printed: string, { jurisdictionId, table, inheritedJurisdictionId = null }: ResolveAgencyOptions): AgencyResolution {
  const name = printed.replace(/\s+/gu, '');
  const home = jurisdictionById(jurisdictionId);
  if (!home) throw new Error(`unknown jurisdiction ${jurisdictionId}`);
  const inherited = (inheritedJurisdictionId ? jurisdictionById(inheritedJurisdictionId) : undefined) ?? home;

  // "各县（区）人民政府", "各镇人民政府（开发区工委）": the bodies below the document's own jurisdiction.
  const patterned = table.patterns.find(({ pattern }) => pattern.test(name));
  if (patterned) return { agency: canonicalOf(patterned.entry, home, printed), known: true, prefixed: true };

  // A bare name that is an alias itself ("市场监管局" starts with 市 but is not 市 + 场监管局).
  const bare = table.byAlias.get(name);
  if (bare) return { agency: canonicalOf(bare, inherited, printed), known: true, prefixed: false };

  const options = readings(name, home);
  for (const { rest, scope } of options) {
    const entry = table.byAlias.get(rest);
    if (entry) return { agency: canonicalOf(entry, scope, printed), known: true, prefixed: true };
  }

  const reading = options.at(-1);
  const scope = reading?.scope ?? inherited;
  const core = reading?.rest ?? name;
  return {
    agency: { id: `${scope.id}:${core}`, name, nameEn: name, type: 'OTHER', jurisdictionId: scope.id, aliases: [printed] },
    known: false,
    prefixed: reading !== undefined,
  };
}
