/**
 * @module Line shapes of Chinese government documents that more than one stage reasons about:
 * the date under a signature, the signature itself, the end matter after the text, a draft mark.
 * Normalise needs them to keep these lines whole; segment to find the metadata and the outline's end.
 */
import { splitTopLevel } from './extract/text-scan.js';
import { CN_SMALL_NUMERAL as CN_SMALL } from './normalise/numbering.js';
import { RESPONSIBILITY_LABEL, ROLE_VERB } from './responsibility-notes.js';

const CN_DIGIT = '[〇○零Ｏ一二三四五六七八九]';
/**
 * "2020年6月30日", "2022年12月6日印发", and the date in Chinese numerals that formal documents print
 * under the seal, "二〇〇九年十一月二十四日" (〇 is often typed as ○).
 */
export const DATE_LINE = new RegExp(
  `^(?:(\\d{4})年(\\d{1,2})月(\\d{1,2})日|(${CN_DIGIT}{4})年(${CN_SMALL})月(${CN_SMALL})日)(?:印发|发布|签发)?$`,
  'u',
);

const CN_VALUE: Record<string, number> = { 〇: 0, '○': 0, 零: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 十一 → 11, 二十四 → 24, 九 → 9. */
function smallNumeral(text: string): number {
  // Splitting at a 十 the text holds gives two parts at least: the fallbacks are never taken.
  const [tens = '', units = ''] = text.includes('十') ? text.split('十') : ['', text];
  return (text.includes('十') ? (tens === '' ? 1 : (CN_VALUE[tens] ?? 0)) * 10 : 0) + (units === '' ? 0 : (CN_VALUE[units] ?? 0));
}

/** The ISO date of a DATE_LINE, or null when the line is not one. */
export function isoDateOfLine(text: string): string | null {
  const match = DATE_LINE.exec(text);
  if (!match) return null;
  // Groups 1–3 (Arabic digits) or 4–6 (Chinese numerals): one alternative matched whole, so the
  // other's fallbacks are never read.
  const [, arabicYear, arabicMonth, arabicDay, chineseYear = '', chineseMonth = '', chineseDay = ''] = match;
  const [year, month, day] = arabicYear
    ? [Number(arabicYear), Number(arabicMonth), Number(arabicDay)]
    : [Number([...chineseYear].map((ch) => CN_VALUE[ch] ?? 0).join('')), smallNumeral(chineseMonth), smallNumeral(chineseDay)];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Suffixes that end the name of a body: 人民政府, 委员会, 领导小组, 局, 办 … */
export const BODY_SUFFIX = '(?:人民政府|政府|办公室|办公厅|委员会|领导小组|小组|秘书处|委|局|厅|部|中心|管委会|办|院|会|处|科)';

/** A signature: a short name of a body, e.g. "资阳市人民政府", "三明市深化医药卫生体制改革领导小组". */
export const SIGNATURE_LINE = new RegExp(`^[\\u4e00-\\u9fff（）]{2,40}${BODY_SUFFIX}$`, 'u');

/**
 * A contact line, the document's or its web page's: a label (电话, 联系电话, 监督电话, 联系方式, 监督方式 …)
 * and a telephone number, "监督方式:0557-6031710", "咨询电话：（0598）8231234". Never a measure.
 */
const CONTACT_LINE = String.raw`(?:联系|监督|咨询|投诉|举报|服务|值班)?(?:电话|方式|热线)[:：]\s*(?:[（(]?\d{3,4}[）)\-－—]\s*)?\d{7,8}`;

/**
 * Lines after which the plan's text is over: attachments list, distribution list, publication note, a
 * contact line, and the drafting explanation a draft for comments carries after it
 * ("关于《…（征求意见稿）》的起草说明").
 */
export const END_MATTER = new RegExp(
  String.raw`^(?:附件|抄送|抄报|（此件|联系人|${CONTACT_LINE}|\d{4}年\d{1,2}月\d{1,2}日|关于[^。]{2,60}(?:起草|编制)说明$)`,
  'u',
);

/**
 * An information line that opens with the site's timestamp and no label, as www.gov.cn prints it above an
 * article: "2021-05-07 10:49 来源： 国务院办公厅 【字体：大 中 小】". The date in digits and hyphens is the
 * site's (GB/T 9704 has a document print its date "用阿拉伯数字将年、月、日标全", 2021年5月7日); with a time of
 * day, or a field (来源, 作者, 浏览, 字号) after it, the line is the page's. A date alone stays text: a task table
 * flattened one cell a line may print its 完成时限 so.
 */
const PAGE_FIELD = String.raw`(?:(?:文章|信息)?来源[:：]|作者[:：]|(?:浏览|访问|阅读|点击)(?:量|次数)?[:：]|字号[:：]|【)`;
const PAGE_TIMESTAMP = String.raw`(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:$|${PAGE_FIELD})|${PAGE_FIELD})`;

/**
 * A government website's furniture copied with a page, never part of the document: its navigation — a
 * breadcrumb ("您当前的位置:首页 > 信息公开 > …", "首页 > 法律法规 > 正文阅览"), a menu entry under its
 * bullet ("• 政府信息公开"), a table of contents' heading ("目录") — and the article's information line
 * ("文章来源:… 发表时间:2021-05-07 10:49 责任编辑:…", "浏览量:  【字体:大 中 小】"), and a law database's header line
 * ("颁布时间:2015-09-30 00:00:00.000 发文单位:…").
 */
export const SITE_FURNITURE = new RegExp(
  String.raw`^(?:您?(?:当前|现在)的?位置|首页\s*[>＞›»]|[•·●▪]|目\s*录$|(?:文章|信息)?来源[:：]|(?:发布|发表|颁布)(?:时间|日期)[:：]|浏览(?:量|次数)[:：]|【字体|${PAGE_TIMESTAMP})`,
  'u',
);

/**
 * The fields of a web page's information line, above or under the article ("来源：…", "发布时间：…",
 * "浏览次数：…", "【打印本页】【关闭窗口】"): printed by the site, never by the document, so text after the
 * outline that opens with one ends the last item.
 */
export const PAGE_INFORMATION_LINE = new RegExp(
  String.raw`^(?:(?:文章|信息)?来源[:：]|(?:发布|发表)(?:时间|日期)[:：]|(?:浏览|访问|阅读)(?:量|次数)[:：]|【(?:字体|打印|关闭)|${PAGE_TIMESTAMP})`,
  'u',
);

/** "（征求意见稿）": a consultation draft. */
export const DRAFT_MARK = /（?(?:征求意见稿|征求意见修改稿|送审稿|讨论稿)）?/u;

/** Titles end with the kind of document ("…的通知", "…试点方案", "…任务分解表"); they are never wrapped prose. */
export const TITLE_END =
  /(?:通知|方案|意见|函|任务|计划|办法|分解表|施工表|路线图|规划|决定|报告|细则|纲要|要点|清单|公告|通告|批复|标准|规定|规则|措施|制度|指南|名单|一览表|任务表|条例|纪要)$/u;

/**
 * A responsibility note (responsibility-notes.ts) printed as its own paragraph after the item it
 * belongs to: "〔市卫生计生委…负责〕", "（责任单位：…）".
 */
export const AGENCY_PARAGRAPH = new RegExp(
  `^(?:〔[^〔〕]*${ROLE_VERB}[^〔〕]*〕|（${RESPONSIBILITY_LABEL}[：:][^（）]*(?:（[^（）]*）[^（）]*)*）)$`,
  'u',
);

/** A responsibility note printed as a line of its own: "牵头单位：…；配合单位：…", "责任单位：…". */
export const AGENCY_LABEL_LINE = new RegExp(`^${RESPONSIBILITY_LABEL}[：:]`, 'u');

/** Endings of the names of bodies that task lists make responsible: 委, 局, 办, 政府, 中心, 医院, 科 … */
const AGENCY_NAME =
  /^[\u4e00-\u9fff（）()]{1,30}(?:人民政府|政府|党委|委员会|委|局|厅|办公室|办|中心|医院|院|部|部门|处|科|室|会|站|所|队|组|联|行|社|公司|单位|机构)$/u;

/**
 * A line that is nothing but a list of responsible bodies: a task table's 责任单位 cell flattened onto
 * a line of its own ("市卫健委、发改委、财政局"), possibly with a note in brackets after it
 * ("…各县（市、区）党委和人民政府（列在首位的为牵头单位，下同）").
 */
export function isBareAgencyList(text: string): boolean {
  if (text.length > 200 || /[。；：:]/u.test(text.replace(/（[^（）]*）$/u, ''))) return false;
  const list = text.replace(/（[^（）]*(?:（[^（）]*）[^（）]*)*）$/u, '');
  const names = splitTopLevel(list, '、，,').map(({ start, end }) => list.slice(start, end));
  return names.length > 0 && names.every((name) => AGENCY_NAME.test(name));
}
