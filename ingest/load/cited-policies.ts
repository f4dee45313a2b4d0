/**
 * @module Stub policies for documents cited as a basis but not loaded: number, title, issuer and
 * the jurisdiction inferred from the issuer (国办发 → the nation, 川府发 → Sichuan, 明委发 → Sanming).
 */
import type { PolicyNode } from '../../graph-schema/model.js';
import type { Citation } from '../document.js';
import { NATION_ID, allJurisdictions, ancestorsOf } from '../resolve/jurisdiction-registry.js';
import { normaliseTitle, policyIdOf } from './ids.js';

/** Issuer prefixes of national documents: 国发, 国办发, 国医改发, 国卫…, 医保发, 财社. */
const NATIONAL_PREFIX = /^(国|中发|中办发|医保|财社|发改|人社部|国卫|卫医|卫体改)/;

/** One-character province abbreviations used in document numbers (川府发, 闽医改组, 皖政办). */
const PROVINCE_ABBREVIATIONS: Record<string, string> = {
  京: '110000',
  津: '120000',
  冀: '130000',
  晋: '140000',
  蒙: '150000',
  辽: '210000',
  吉: '220000',
  黑: '230000',
  沪: '310000',
  苏: '320000',
  浙: '330000',
  皖: '340000',
  闽: '350000',
  赣: '360000',
  鲁: '370000',
  豫: '410000',
  鄂: '420000',
  湘: '430000',
  粤: '440000',
  桂: '450000',
  琼: '460000',
  渝: '500000',
  川: '510000',
  蜀: '510000',
  黔: '520000',
  贵: '520000',
  滇: '530000',
  云: '530000',
  藏: '540000',
  陕: '610000',
  甘: '620000',
  陇: '620000',
  青: '630000',
  宁: '640000',
  新: '650000',
};

/** Full names that may open a cited title or issuer: 四川省人民政府…, 国务院办公厅…. */
function jurisdictionNamedIn(text: string, citingJurisdictionId: string): string | null {
  if (/^(国务院|国家|中共中央|全国)/.test(text)) return NATION_ID;
  const nearby = ancestorsOf(citingJurisdictionId);
  for (const node of [...nearby, ...allJurisdictions().filter((j) => j.level === 'province')]) {
    const short = node.name.replace(/(省|市|县|自治区|壮族|回族|维吾尔)+$/, '');
    if (short.length >= 2 && text.startsWith(short)) return node.id;
  }
  return null;
}

/** Jurisdiction of a cited document, from its number's issuer prefix or its title. */
export function inferCitedJurisdiction(citation: Citation, citingJurisdictionId: string): string | null {
  const number = citation.docNumber?.replace(/\s+/g, '') ?? '';
  if (number) {
    if (NATIONAL_PREFIX.test(number)) return NATION_ID;
    const first = number.charAt(0);
    // A city abbreviation (明 for 三明, 资 for 资阳) names the citing document's own city or county first.
    for (const node of ancestorsOf(citingJurisdictionId)) {
      if (node.level !== 'province' && node.level !== 'national' && node.name.includes(first)) return node.id;
    }
    const province = PROVINCE_ABBREVIATIONS[first];
    if (province) return province;
  }
  return (
    jurisdictionNamedIn(citation.context.replace(/^.*?(根据|按照|贯彻落实|依据)/, ''), citingJurisdictionId) ??
    (citation.title ? jurisdictionNamedIn(citation.title, citingJurisdictionId) : null)
  );
}

/** A national document known to the catalogue: its real number completes a citation that lacks one. */
export interface KnownDocument {
  docNumber: string;
  title: string;
  issuer: string;
}

const LEVEL_WORDS = { 国家: 'national', 省: 'province', 市: 'city', 县: 'county' } as const;

/**
 * "国家、省、市《关于…的通知》" cites one document per level, all with the same title: the nation's,
 * the province's and the city's. Returns the jurisdictions named that way, nearest the nation first.
 */
function levelsNamedBefore(citation: Citation, citingJurisdictionId: string): string[] {
  const before = citation.title ? (citation.context.split(`《${citation.title}`)[0] ?? '') : '';
  const match = /((?:国家|省|市|县)(?:、(?:国家|省|市|县))+)[^《、，。]{0,8}$/u.exec(before);
  if (!match?.[1]) return [];
  const chain = ancestorsOf(citingJurisdictionId);
  return match[1].split('、').flatMap((word) => {
    const level = LEVEL_WORDS[word as keyof typeof LEVEL_WORDS];
    const node = chain.find((candidate) => candidate.level === level);
    return node ? [node.id] : [];
  });
}

/**
 * What a basis clause puts before the body it cites ("为深入贯彻落实国务院办公厅《…》", "根据…等11部委办公厅《…》",
 * "贯彻…精神和国务院《…》"): a basis verb (落实好), the spirit of a meeting (…精神), or a date ("2019年中共中央组织部
 * 《…》"). The body's name follows the last of them.
 */
const BEFORE_THE_ISSUER = /^.*(?:根据|按照|依据|依照|遵照|参照|对照|贯彻|落实|执行|结合|精神|印发|下发|[0-9]+[年月日号])好?/u;
/** An issuing verb between the body and the title ("市政府印发《…》", "县卫生健康局制定了《…》", "…领导小组关于印发《…》的通知"). */
const ISSUING_VERB = /(?:关于)?(?:联合)?(?:印发|下发|出台|发布|颁布|制定|转发)(?:了|的)?$/u;
/**
 * How the name of an organ of the state or the party ends: its kind (国务院, 人力资源社会保障部, 卫生健康委, 医保局,
 * 办公厅, 医改办, 医改领导小组, 人民政府, 医保中心, 中共中央, 等7部门). A run before a title that ends otherwise
 * ("确保…符合《…》", "…以下简称《…》") names no issuer.
 */
const ORGAN_NAME_END = /(?:院|部|委|局|厅|办|署|会|组|室|府|中心|中央|部门|处|所|站)$/u;

/**
 * The body named just before the cited title (国务院办公厅《…》, 省医改领导小组《…》, 福建省卫健委等7部门《…》), else the
 * one a title opens with ("四川省人民政府关于印发…的通知", "中共中央办公厅国务院办公厅印发〈…〉的通知"); null when the
 * text names none: a basis clause with no body in it ("为深入贯彻《…》") names none, and no issuer is guessed.
 */
export function issuerOf(citation: Citation): string | null {
  const before = citation.title ? (citation.context.split(citation.title)[0] ?? '') : '';
  // Digits belong to a body's name only in "等11部委" / "10个部门"; before a date they are cut off with it.
  const run = /([\u4e00-\u9fff0-9、]{2,40})《[^《]*$/u.exec(before)?.[1] ?? '';
  // Joint issuers, "中共中央办公厅、国务院办公厅《…》": the names that end the run, each an organ's, with what joins them.
  const parts = run
    .replace(ISSUING_VERB, '')
    .replace(BEFORE_THE_ISSUER, '')
    .split(/([、和及与])/u);
  let named = '';
  for (let i = parts.length - 1; i >= 0; i -= 2) {
    const part = parts[i] ?? '';
    if (part.length < 2 || !ORGAN_NAME_END.test(part)) break;
    named = named === '' ? part : `${part}${parts[i + 1] ?? ''}${named}`;
  }
  if (named !== '') return named;
  return (
    /^(.{2,40}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|领导小组|委员会|等[0-9一二三四五六七八九十]+个?部[门委]))(?:关于|印发|转发)/u.exec(
      citation.title ?? '',
    )?.[1] ?? null
  );
}

/** "省医改领导小组" in a Sanming document is 福建省医改领导小组; "市委市政府" is Sanming's. */
function qualifiedIssuer(issuer: string | null, citingJurisdictionId: string): string | null {
  if (!issuer) return null;
  const level = { 省: 'province', 市: 'city', 县: 'county' }[issuer.charAt(0)];
  const owner = level ? ancestorsOf(citingJurisdictionId).find((node) => node.level === level) : undefined;
  return owner ? `${owner.name}${issuer.slice(1)}` : issuer;
}

/** Similarity of two titles by edit distance, 1 for equal titles. */
function titleSimilarity(a: string, b: string): number {
  const [x, y] = [normaliseTitle(a), normaliseTitle(b)];
  const row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= y.length; j += 1) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (x[i - 1] === y[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - (row[y.length] ?? 0) / Math.max(x.length, y.length, 1);
}

/** Local editions retitle a national notice slightly (…经验重点工作的通知 for …经验的通知). */
const SAME_DOCUMENT_SIMILARITY = 0.85;

function stub(fields: { title: string; docNumber: string | null; issuer: string | null; jurisdictionId: string }): PolicyNode {
  return {
    id: policyIdOf(fields),
    title: fields.title,
    docNumber: fields.docNumber,
    issuer: fields.issuer,
    issuedOn: null,
    status: 'final',
    coversFrom: null,
    coversTo: null,
    stub: true,
    sourceFile: null,
    sha256: null,
    ingestKey: null,
    format: null,
    encoding: null,
    jurisdictionId: fields.jurisdictionId,
    warnings: [],
  };
}

/** The stub policies a citation names: one, or one per level for "国家、省、市《…》". */
export function stubPoliciesOf(citation: Citation, citingJurisdictionId: string, known: readonly KnownDocument[] = []): PolicyNode[] {
  const title = citation.title ?? citation.docNumber;
  if (!title) return [];
  const levels = citation.docNumber ? [] : levelsNamedBefore(citation, citingJurisdictionId);
  if (levels.length === 0) {
    const jurisdictionId = inferCitedJurisdiction(citation, citingJurisdictionId) ?? NATION_ID;
    const issuer = qualifiedIssuer(issuerOf(citation), citingJurisdictionId);
    return [stub({ title, docNumber: citation.docNumber, issuer, jurisdictionId })];
  }
  return levels.map((jurisdictionId) => {
    const national =
      jurisdictionId === NATION_ID
        ? known.find((document) => titleSimilarity(document.title, title) >= SAME_DOCUMENT_SIMILARITY)
        : undefined;
    return national
      ? stub({ title: national.title, docNumber: national.docNumber, issuer: national.issuer, jurisdictionId })
      : stub({ title, docNumber: null, issuer: null, jurisdictionId });
  });
}
