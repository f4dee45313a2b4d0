/**
 * The bodies a provision puts to work when it prints no responsibility list: opinions and notices
 * name the actor at the head of a clause, followed by a modal or a duty verb —
 *   "各县（市、区）卫计局要会同各总医院…"   "市医保中心负责对…开展线上稽核"
 *   "县（市）委组织部门牵头，…"            "由同级卫健部门统一组织招聘"
 * Only names that look like bodies count, so "医务人员要…" or "患者应…" name no agency.
 */
import type { Span } from '../../graph-schema/payloads.js';
import { isAgencyName, TOGETHER_WITH_LEAD, type ListedAgency, type ListedRole } from './agency-lists.js';
import { splitTopLevel } from './text-scan.js';

/**
 * What follows the actor: a modal (要/应/须) or a verb of duty, possibly after an adverb — of manner, or of how
 * often the duty recurs ("县卫生健康局每季度对…进行调度", "市医改办每半年组织一次督导检查").
 */
const ACTION =
  /^(?:要|应当|应|须|必须|需|负责|牵头|会同|联合|统筹|组织|按照|根据|结合|依据|定期|每(?:年|半年|季度|季|月)|适时|督促|指导|统一|切实|积极|认真|对|将|可)/u;
/** ACTION where the search is set to begin (lastIndex), rather than at the start of the text. */
const ACTION_AT = new RegExp(ACTION.source.replace(/^\^/u, ''), 'uy');
/** "由X负责/牵头/统一组织…": the actor after 由. */
const BY = /由([^，。；：]{2,40}?)(?=负责|牵头|统一|组织|审核|会同|考核|提供|认定|核定|制定|实施|开展|按照|根据)/gu;
/** Clauses begin after these. */
const CLAUSE_START = /(?:^|[。；！？：\n]|，)/gu;
const NAME_SEPARATOR = /、|和|及|与/u;
const CONJUNCTION = /和|及|与|会同/u;
/** Bodies printed in the plural or by function: "各总医院（医共体）", "同级卫健部门", "县级机构编制部门". */
const FUNCTION_BODY = /^(?:各|同级|县级|市级|省级|全市|全县|各级)?[\u4e00-\u9fff（）]{1,16}(?:部门|机构|医院|总医院（医共体）|医共体)$/u;

/**
 * In running text a body is named with its level ("市医保中心", "各县（市、区）卫计局", "同级卫健部门");
 * without one, "全面落实政府…" or "医务人员…" would pass for bodies.
 */
const LEVEL_PREFIX = /^(?:各|全市|全县|全区|全省|市|县|区|省|州|同级|县级|市级|省级|乡镇|镇|乡|国家)/u;
const isBodyName = (name: string) => isAgencyName(name, { strict: false }) || FUNCTION_BODY.test(name);
/** "各牵头单位", "各责任科室": whichever bodies each task names, not a body. */
const EACH_ROLE_HOLDER = /^各(?:牵头|责任|配合)(?:单位|科室|部门)$/u;
const looksLikeBody = (name: string) => LEVEL_PREFIX.test(name) && isBodyName(name) && !EACH_ROLE_HOLDER.test(name);

/**
 * Splits "市医保中心、管理部" or "市卫健委和市医保局" into body names, or null when a piece is none.
 * 和/及/与 split only between two whole names: "市人力资源和社会保障局" is one.
 */
function namesIn(text: string, start: number): { name: string; span: Span }[] | null {
  const names: { name: string; span: Span }[] = [];
  // The first name carries the level; the names after it share it: "市医保中心及管理部", "市卫健委、财政局".
  const fits = (name: string) => (names.length === 0 ? looksLikeBody(name) : isBodyName(name));
  for (const piece of splitTopLevel(text, '、')) {
    const name = text.slice(piece.start, piece.end);
    const at = start + piece.start;
    const joined = CONJUNCTION.exec(name);
    const left = joined ? name.slice(0, joined.index) : '';
    const right = joined ? name.slice(joined.index + joined[0].length) : '';
    if (joined && fits(left) && (looksLikeBody(right) || (LEVEL_PREFIX.test(left) && isBodyName(right)))) {
      names.push({ name: left, span: { start: at, end: at + left.length } });
      names.push({ name: right, span: { start: at + left.length + joined[0].length, end: at + name.length } });
    } else if (fits(name)) {
      names.push({ name, span: { start: at, end: at + name.length } });
    } else {
      return null;
    }
  }
  return names.length > 0 ? names : null;
}

/** A candidate that swallowed the modal after the name: "各县（市、区）卫计局要". */
const ENDS_IN_ACTION = /(?:要|应当|应|须|需|负责|牵头|会同|联合|统筹|组织|对|将|可)$/u;
/** …or ran on past it into the clause: "各县（市、区）人民政府要把深化医改列入重", "区卫健局要推进区中医院". */
const SWALLOWED_VERB = /.(?:要|应|须|把|将)/u;

/**
 * The longest run of names at `at` that an action follows ("县（市）委组织部门" before "牵头", not
 * "县（市）委" before "组织…"), or null.
 */
function actorsAt(text: string, at: number): { name: string; span: Span }[] | null {
  const end = text.slice(at).search(/[，。；：]/u);
  for (let length = Math.min(40, end < 0 ? text.length - at : end); length >= 2; length--) {
    // Whether an action follows first: it rules out most lengths, without copying any text.
    ACTION_AT.lastIndex = at + length;
    if (!ACTION_AT.test(text)) continue;
    const candidate = text.slice(at, at + length);
    if (ENDS_IN_ACTION.test(candidate) || SWALLOWED_VERB.test(candidate.replace(/（[^（）]*）/gu, ''))) continue;
    const names = namesIn(candidate, at);
    if (names) return names;
  }
  return null;
}

/** The bodies after 会同, one shortest name at a time across 、和及与: "会同各总医院、市医保局完善…". */
function partnersAt(text: string, at: number): { name: string; span: Span }[] | null {
  for (let length = 2; length <= Math.min(24, text.length - at); length++) {
    let after = at + length;
    // An aside belongs to the name: "各总医院（医共体）".
    const aside = /^（[^（）]{1,10}）/u.exec(text.slice(after));
    if (aside && namesIn(text.slice(at, after + aside[0].length), at)) after += aside[0].length;
    const names = namesIn(text.slice(at, after), at);
    if (names?.length !== 1) continue;
    const more = NAME_SEPARATOR.test(text.charAt(after)) ? partnersAt(text, after + 1) : null;
    return more ? [...names, ...more] : names;
  }
  return null;
}

/**
 * "X会同Y…": X leads, Y works with it (see TOGETHER_WITH_LEAD: "“会同”前面的主体是牵头者，后面的主体是参与者").
 * "X联合Y…": Y shares the work as X's equal; nobody is ranked.
 */
const TOGETHER_WITH = /会同|联合/gu;

/**
 * The actors of a provision's clauses, each `responsible` (or `lead` when the verb is 牵头), in order,
 * each name once. Spans are offsets into `text` plus `offset`.
 */
export function findProseActors(text: string, { offset = 0 }: { offset?: number } = {}): ListedAgency[] {
  const found = new Map<string, ListedAgency>();
  const add = (names: { name: string; span: Span }[], role: ListedRole) => {
    for (const { name, span } of names) {
      if (found.has(name)) continue;
      found.set(name, { name, role, span: { start: offset + span.start, end: offset + span.end } });
    }
  };
  const taken = (from: number, to: number) =>
    [...found.values()].some((agency) => agency.span.start - offset < to && agency.span.end - offset > from);
  // Roles stated clause by clause: "由市卫健委牵头，市财政局、市医保局配合", "由A、B共同牵头", "A、B按职责分工负责".
  for (const match of text.matchAll(CLAUSE_START)) {
    const at = match.index + match[0].length + (text.startsWith('由', match.index + match[0].length) ? 1 : 0);
    const stated = statedRoleAt(text, at);
    if (stated) add(stated.names, stated.role);
  }
  for (const match of text.matchAll(CLAUSE_START)) {
    const at = match.index + match[0].length;
    const names = actorsAt(text, at);
    const lastName = names?.at(-1);
    if (names && lastName && !taken(at, lastName.span.end)) add(names, text.startsWith('牵头', lastName.span.end) ? 'lead' : 'unmarked');
  }
  for (const match of text.matchAll(TOGETHER_WITH)) {
    // Only right after an actor ("X要会同Y"): "会同" also joins plans ("会同制定").
    const actor = [...found.values()].find(
      (agency) => match.index - (agency.span.end - offset) <= 3 && match.index >= agency.span.end - offset,
    );
    if (!actor) continue;
    const names = partnersAt(text, match.index + match[0].length);
    if (!names) continue;
    const ranked = match[0] === TOGETHER_WITH_LEAD;
    if (ranked && actor.role === 'unmarked') actor.role = 'lead';
    add(names, ranked ? 'support' : 'unmarked');
    if (!ranked) continue;
    // A clause read whole ("由A会同B、C负责") has taken the partners already, unranked: every body after
    // 会同 in its clause works with the lead.
    const clauseEnd = match.index + Math.max(0, text.slice(match.index).search(/[，。；：]|$/u));
    for (const partner of found.values()) {
      const at = partner.span.start - offset;
      if (at > match.index && at < clauseEnd && partner.role === 'unmarked') partner.role = 'support';
    }
  }
  for (const match of text.matchAll(BY)) {
    // BY's one group is not optional: the fallback is never taken.
    const [, named = ''] = match;
    const at = match.index + 1;
    if (taken(at, at + named.length)) continue;
    const names = namesIn(named, at);
    if (names) add(names, text.startsWith('牵头', at + named.length) ? 'lead' : 'unmarked');
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}

/** The verb closing a clause that names bodies, and the role it gives them. */
const STATED_ROLE: [RegExp, ListedRole][] = [
  [/^(?:共同牵头|牵头负责|牵头)/u, 'lead'],
  [/^(?:配合|协助|协同|协办)/u, 'support'],
  [/^参与/u, 'participate'],
  [/^(?:按职责分工负责|按职责负责|分别负责|共同负责|负责)/u, 'unmarked'],
];

/** The longest run of names at `at` closed by a role verb: "市财政局、市医保局配合" → support. */
function statedRoleAt(text: string, at: number): { names: { name: string; span: Span }[]; role: ListedRole } | null {
  const end = text.slice(at).search(/[，。；：]/u);
  for (let length = Math.min(40, end < 0 ? text.length - at : end); length >= 2; length--) {
    const rest = text.slice(at + length);
    const role = STATED_ROLE.find(([verb]) => verb.test(rest))?.[1];
    const candidate = text.slice(at, at + length);
    if (!role || SWALLOWED_VERB.test(candidate.replace(/（[^（）]*）/gu, ''))) continue;
    const names = namesIn(candidate, at);
    if (names) return { names, role };
  }
  return null;
}
