/**
 * Responsible-agency lists as printed in Chinese task lists, e.g.
 *   （责任单位：县卫生健康委、县财政局）
 *   〔市卫生计生委、市发展改革委和各县（区）人民政府负责，市残联参与〕
 *   (市卫健委、市发展改革委和市财政局按职责分工负责)
 *   牵头单位：市医保局；配合单位：市财政局
 * and table cells such as "市卫健委、教育局，各县（市、区）".
 */
import type { AgencyRole } from '../../graph-schema/model.js';
import type { Span } from '../../graph-schema/payloads.js';
import { PERSON_LABEL as PERSON_LABEL_WORDS, RESPONSIBILITY_LABEL, ROLE_VERB } from '../responsibility-notes.js';
import { compact, findBracketGroups, splitTopLevel, trimSpan } from './text-scan.js';

/** A role the list states outright, or `unmarked` when only "负责"/"按职责分工负责" or nothing is printed. */
export type ListedRole = AgencyRole | 'unmarked';

export interface ListedAgency {
  /** Name as printed, whitespace removed. */
  name: string;
  role: ListedRole;
  span: Span;
}

export interface ParseListOptions {
  /** Added to every span (offset of `content` in the normalised text). @default 0 */
  offset?: number;
  /**
   * Strict: every piece must look like a body name with a jurisdiction prefix ("县医保局"), which keeps
   * asides such as "（疑难症分诊中心、前沿示范中心）" out. Pass false for text known to be a list (a
   * 责任单位 cell: "市卫健委、教育局").
   * @default true unless the text carries a label (责任单位：) or a verb (负责, 牵头, 参与 …)
   */
  strict?: boolean;
}

/**
 * "责任单位：", "牵头单位：", "责任科室：" (a bureau's own task-division plan names its divisions,
 * "〔责任领导：…；责任科室：机关党办、医政科〕"), "责任主体：" … with the role the label gives.
 */
const LABEL = new RegExp(`^(?:${RESPONSIBILITY_LABEL}|责任主体)\\s*[:：]\\s*`, 'u');
const LABEL_ROLE: [RegExp, ListedRole][] = [
  [/^(?:主要)?(?:牵头|主责)/u, 'lead'],
  [/^(?:主要)?(?:配合|协办|协同|协作)/u, 'support'],
  [/^(?:主要)?参与/u, 'participate'],
];
/** "责任领导：于修芹、张清辉；责任单位：…": the leaders in charge are persons, not agencies. */
const PERSON_LABEL = new RegExp(`^${PERSON_LABEL_WORDS}\\s*[:：]`, 'u');

/**
 * Clauses that state a rule rather than list agencies: "列首位的为牵头部门，下同", "列在首位的为牵头单位，
 * 其他单位按职责分工负责", "以下各项均需…负责，不再列出", "各科室依据职责分工配合" (every other division).
 */
const RULE_CLAUSE =
  /下同|(?:列|排)在?(?:首位|第一)|不再列出|以下(?:各项)?均|指各部门|分头落实|不分先后|^其[他它](?:单位|部门|科室)|^各科室/u;

/** The verb closing a clause: "…牵头", "…参与", "…配合", "…等按职责分工负责". */
const CLOSING_VERB =
  /(?:等(?:各?相关|各?有关)?(?:部门|单位))?((?:按|依据?)职责分工(?:负责|落实|配合)?|按职责分头负责|按职责负责|分别负责|共同负责|牵头负责|具体负责|负责落实|负责|牵头|参与|配合|协助|协同)$/u;
const VERB_ROLE: Record<string, ListedRole> = {
  牵头: 'lead',
  牵头负责: 'lead',
  参与: 'participate',
  配合: 'support',
  协助: 'support',
  协同: 'support',
  按职责分工配合: 'support',
  依职责分工配合: 'support',
  依据职责分工配合: 'support',
};

/**
 * "A、B分别牵头卫生健康规划、医改规划": each name leads one of the areas printed after the verb, which
 * are no agencies. Only 分别 + verb takes an object inside a list; a bare 负责 closes it.
 */
const LEADS_EACH = /(分别牵头|分别负责)(?=\S)/u;

/** "等部门", "等相关单位" after the names: 等 marks the list as not exhaustive; no further body is named. */
const AFTER_ETC = /^等(?:各?相关|各?有关)?(?:部门|单位)$/u;

/** Words that name no body: "成员单位", "各科室" (the issuer's every division, under a rule), "各牵头单位" (whichever leads each task). */
const GENERIC = /^(?:各|其他|其它)?成员单位$|^各(?:科室|处室|单位|部门)$|^各(?:牵头|责任|配合)(?:单位|科室|部门)$/u;

/**
 * The other bodies as a collective, printed as one member of the list: "市卫健委、市教育局和各相关部门",
 * "市医保局、其他有关部门". Kept as a mention (typed OTHER_DEPARTMENTS on resolve).
 */
const COLLECTIVE = /^(?:[省市县区]直?|各|其他|其它)?(?:各)?(?:相关|有关)(?:部门|单位)$/u;

/**
 * Endings of body names: 局 委 办 部 厅 府 院 会 中心 单位 …, and 部门, with which a document names a body by its
 * function ("市卫生健康部门", "市县两级医保部门"), and 机构, the bodies of a kind ("县乡两级医疗卫生机构"); "各部门",
 * "有关部门" are GENERIC or COLLECTIVE above.
 */
const BODY_END = /(?:局|委|办|部|部门|机构|厅|府|院|会|中心|单位|组|室|所|站|处|科|股|联|队|署|司|工委|分局)$/u;
/** "各县（区）人民政府", "各县（市、区）", "各镇人民政府（开发区工委）", "各县市区人民政府". */
const LOWER_GOVS = /^各[^，,]{0,6}?(?:县|区|市|州|乡|镇|街道)[^，,]{0,14}$/u;
/** A jurisdiction prefix: 市/县/区/省/国家 or a place name ending in 省/市/县/州 (not 区: "社区卫生服务中心" is no district's). */
const JURISDICTION_PREFIX = /^(?:各|全|国家|省|市|县|区|州|盟|旗|镇|乡|(?!城市|社区)[\u4e00-\u9fff]{1,6}?(?:省|市|县|州))/u;

/** Does `name` look like a government body (or a group of them)? */
export function isAgencyName(name: string, { strict = false }: { strict?: boolean } = {}): boolean {
  if (name.length < 2 || name.length > 32) return false;
  if (/[0-9《》。；：:“”]/u.test(name) || GENERIC.test(name)) return false;
  if (COLLECTIVE.test(name)) return !strict;
  if (LOWER_GOVS.test(name) && (/政府|）|\)$/u.test(name) || /^各县市区$/u.test(name))) return true;
  const withoutAside = name.replace(/（[^）]*）$|\([^)]*\)$/u, '');
  if (!BODY_END.test(withoutAside)) return false;
  if (withoutAside.length < 3 && !/^(?:[市县区省]委|[市县区]政府)$/u.test(withoutAside)) return false;
  return strict ? JURISDICTION_PREFIX.test(name) : true;
}

/** Joining words inside a list piece: "市中医药局和各县（区）人民政府", "…成员单位及各镇人民政府". */
/** "以及/和/及/与", and "会同" ("市卫健委会同有关部门": the commission together with the others). */
const CONJUNCTION = /以及|和|及|与|会同/gu;

/**
 * "A会同B": A leads and B works with it. The 立法技术规范（试行）（一） of the NPC's 法制工作委员会 (2009)
 * fixes the word: "“会同”前面的主体是牵头者，后面的主体是参与者" — the body before 会同 is the one that
 * leads, the bodies after it take part in the work it leads (配合, in a task list's words).
 */
export const TOGETHER_WITH_LEAD = '会同';

/** A part of a list piece, with the word that joined it to the part before ("会同"), if any. */
interface JoinedPart {
  span: Span;
  joinedBy: string | null;
}

/**
 * Splits one piece at 和/及/与/会同 only where the left side is already a whole body name, so names that
 * contain 和 themselves ("市经济和信息化委", "县人力资源和社会保障局") stay whole.
 */
function splitAtConjunctions(text: string, span: Span, joinedBy: string | null = null): JoinedPart[] {
  const piece = text.slice(span.start, span.end);
  for (const match of piece.matchAll(CONJUNCTION)) {
    const at = match.index;
    const left = compact(piece.slice(0, at));
    const right = compact(piece.slice(at + match[0].length));
    // "各县（市、区）党委和人民政府": the party committees and governments of the same places, one collective.
    if (left.endsWith('党委') && /^(?:人民)?政府/u.test(right)) continue;
    if (right.length > 0 && isAgencyName(left)) {
      return [
        { span: trimSpan(text, { start: span.start, end: span.start + at }), joinedBy },
        ...splitAtConjunctions(text, trimSpan(text, { start: span.start + at + match[0].length, end: span.end }), match[0]),
      ];
    }
  }
  return [{ span, joinedBy }];
}

/**
 * A role printed right after one name: "市卫健委（牵头）、市医保局", "市卫健委〔牵头〕". The aside is not
 * part of the name, and it marks only the name it follows.
 */
const INLINE_ROLE = /[（(〔[【]\s*(牵头|配合|协办|协助|参与)\s*(?:单位|部门)?\s*[）)〕\]】]$/u;
const INLINE_ROLES: Record<string, ListedRole> = { 牵头: 'lead', 配合: 'support', 协办: 'support', 协助: 'support', 参与: 'participate' };

/** Trims "由" before and "等"/"和" after a name ("市卫健委和各相关部门" loses the generic part first), keeping the span on the name. */
function cleanPiece(text: string, span: Span): Span {
  let { start, end } = trimSpan(text, span);
  if (text.startsWith('由', start)) start++;
  // "市场监管局等部门": 等 + a class noun closes a non-exhaustive list; the noun names no further body.
  const etc = /等\s*(?:各?(?:相关|有关))?\s*(?:部门|单位)$/u.exec(text.slice(start, end));
  if (etc && etc.index > 0) end = start + etc.index;
  while (end > start && /[等、，,\s和及与]/u.test(text.charAt(end - 1))) end--;
  return trimSpan(text, { start, end });
}

/**
 * Parses the inside of one agency bracket (or a table cell) into names with the role the list
 * itself states. Returns null when the text is not an agency list.
 */
export function parseAgencyList(content: string, options: ParseListOptions = {}): ListedAgency[] | null {
  const { offset = 0 } = options;
  const agencies: ListedAgency[] = [];
  let pending: { span: Span; role: ListedRole | null }[] = [];
  let labelRole: ListedRole = 'unmarked';
  let sawMarker = false;

  const flush = (role: ListedRole) => {
    for (const { span, role: own } of pending) {
      agencies.push({
        name: compact(content.slice(span.start, span.end)),
        role: own ?? role,
        span: { start: offset + span.start, end: offset + span.end },
      });
    }
    pending = [];
  };

  for (const clause of splitTopLevel(content, '，,；;。')) {
    let { start, end } = clause;
    const labelMatch = LABEL.exec(content.slice(start, end));
    if (labelMatch) {
      // A new label closes the clauses before it: "牵头单位：A；配合单位：B".
      flush(labelRole);
      labelRole = LABEL_ROLE.find(([pattern]) => pattern.test(labelMatch[0]))?.[1] ?? 'unmarked';
      start += labelMatch[0].length;
      sawMarker = true;
    }
    if (PERSON_LABEL.test(content.slice(start, end))) {
      sawMarker = true;
      continue;
    }
    const clauseText = content.slice(start, end);
    if (RULE_CLAUSE.test(compact(clauseText))) {
      sawMarker = true;
      continue;
    }
    const eachMatch = LEADS_EACH.exec(clauseText);
    const verbMatch = eachMatch ? null : CLOSING_VERB.exec(compact(clauseText));
    let verbRole: ListedRole | null = null;
    if (eachMatch) {
      sawMarker = true;
      verbRole = eachMatch[1] === '分别牵头' ? 'lead' : 'unmarked';
      end = start + eachMatch.index;
    } else if (verbMatch) {
      sawMarker = true;
      verbRole = VERB_ROLE[verbMatch[1] ?? ''] ?? 'unmarked';
      // Cut the verb (and any "等相关部门" before it) off the raw text, whitespace included.
      let cut = verbMatch[0].length;
      while (cut > 0 && end > start) {
        end--;
        if (!/\s/u.test(content.charAt(end))) cut--;
      }
    }
    // After "A会同B" the rest of the clause ("A会同B、C负责") are the bodies A works with.
    let afterTogetherWith = false;
    for (const piece of splitTopLevel(content.slice(start, end), '、')) {
      const absolute = { start: start + piece.start, end: start + piece.end };
      for (const part of splitAtConjunctions(content, absolute)) {
        let cleaned = cleanPiece(content, part.span);
        const marked = INLINE_ROLE.exec(content.slice(cleaned.start, cleaned.end));
        if (marked) cleaned = cleanPiece(content, { start: cleaned.start, end: cleaned.end - marked[0].length });
        const name = compact(content.slice(cleaned.start, cleaned.end));
        if (part.joinedBy === TOGETHER_WITH_LEAD && !afterTogetherWith) {
          const lead = pending.at(-1);
          if (lead?.role === null) lead.role = 'lead';
          afterTogetherWith = true;
        }
        if (name.length === 0 || GENERIC.test(name) || AFTER_ETC.test(name)) continue;
        if (marked) sawMarker = true;
        const inline = marked ? (INLINE_ROLES[marked[1] ?? ''] ?? null) : null;
        pending.push({ span: cleaned, role: inline ?? (afterTogetherWith ? 'support' : null) });
      }
    }
    if (verbRole) flush(verbRole === 'unmarked' ? labelRole : verbRole);
  }
  flush(labelRole);

  // Without a label or verb the bracket could be any aside, so it must look like a list of bodies.
  const strict = options.strict ?? !sawMarker;
  const valid = agencies.filter((agency) => isAgencyName(agency.name, { strict }));
  if (strict && valid.length !== agencies.length) return null;
  // A lone unlabelled name in brackets is more often an aside ("镇卫生院（社区卫生服务中心）") than a list.
  if (strict && valid.length === 1 && !/^[市县区省]/u.test(valid[0]?.name ?? '')) return null;
  return valid.length > 0 ? valid : null;
}

export interface FoundAgencyList {
  agencies: ListedAgency[];
  /** Span of the bracket group in the text searched. */
  span: Span;
}

const ASIDE_AFTER_NAME = /[府局委院办部厅会室科]$/u;
/** A bracket that says it is a list: a label or a role verb. */
const MARKED_LIST = new RegExp(`(?:单位|部门|科室)[：:]|${ROLE_VERB}`, 'u');

/** Agency lists in brackets anywhere in a task's text ("…工作机制。（责任单位：县卫生健康委）"). */
export function findAgencyLists(text: string, { offset = 0 }: { offset?: number } = {}): FoundAgencyList[] {
  const found: FoundAgencyList[] = [];
  for (const group of findBracketGroups(text)) {
    // "各县市区人民政府（市属开发区管委会）": a bracket right after a body's name is an aside to that name.
    if (ASIDE_AFTER_NAME.test(text.slice(Math.max(0, group.start - 1), group.start)) && !MARKED_LIST.test(group.content)) continue;
    const agencies = parseAgencyList(group.content, { offset: offset + group.contentStart });
    if (agencies) found.push({ agencies, span: { start: offset + group.start, end: offset + group.end } });
  }
  return found;
}

/**
 * Turns listed roles into final roles, never guessing a lead. Explicit 牵头/配合/参与 win. Unmarked
 * names (责任单位：…, …负责):
 * - with `firstLeads` (the document states "列第一位的为牵头单位", "以第一顺位科室为牵头单位，…其它科室
 *   做好配合"): the first printed leads unless the list marks a lead itself, the rest support;
 * - else beside a marked lead ("市卫健委（牵头）、市医保局"): they support it;
 * - else: every one is `responsible` — the document names them responsible and ranks nobody.
 */
export function assignRoles(
  listed: readonly ListedAgency[],
  { firstLeads = false }: { firstLeads?: boolean } = {},
): (ListedAgency & { role: AgencyRole })[] {
  const hasExplicitLead = listed.some((agency) => agency.role === 'lead');
  let leadGiven = hasExplicitLead;
  return listed.map((agency) => {
    if (agency.role !== 'unmarked') return { ...agency, role: agency.role };
    if (!firstLeads) return { ...agency, role: hasExplicitLead ? 'support' : 'responsible' };
    if (!leadGiven) {
      leadGiven = true;
      return { ...agency, role: 'lead' };
    }
    return { ...agency, role: 'support' };
  });
}
