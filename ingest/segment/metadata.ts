/**
 * @module Document metadata from the front and end matter: the plan's own title (not its cover
 * letter's), document number, issuer and date from the signature block, draft status.
 */
import { BODY_SUFFIX, isoDateOfLine, SITE_FURNITURE, TITLE_END } from '../conventions.js';
import { DATE_LINE, DRAFT_MARK, END_MATTER, isTableRow, SIGNATURE_LINE, type Line } from './lines.js';

export interface FoundMeta {
  title: string | null;
  titleLines: Line[];
  docNumber: string | null;
  docNumberLine: Line | null;
  issuer: string | null;
  issuerLine: Line | null;
  issuedOn: string | null;
  draft: boolean;
  /** Other signature and header lines naming the issuing body (cover letters), for the jurisdiction. */
  bodyLines: Line[];
  /** The body a web page gives as the article's source (文章来源), not the document: the name alone. */
  pageSourceLine: Line | null;
}

/** "资府发〔2017〕23号"; export tools sometimes print the year in [] or （）. */
const DOC_NUMBER = /^([\u4e00-\u9fff]{1,12})[〔[［【（](\d{4})[〕\]］】）](\d{1,4})号$/u;
/**
 * The number field of a government site's disclosure table (政府信息公开 metadata: 索引号, 发文机关,
 * 发文字号/文号, 成文日期), copied with the page: "文号 | 平政办〔2017〕68号 | 索引号 | …", "发文字号：…".
 */
const DISCLOSED_DOC_NUMBER =
  /(?:^|[|｜\s])(?:发文字号|文号)\s*[:：|｜]?\s*([\u4e00-\u9fff]{1,12}[〔[［【（]\d{4}[〕\]］】）]\d{1,4}号)(?=$|[|｜\s])/u;

/**
 * A web page's heading that prints the number before the cover's title, as disclosure pages list a
 * document: "云府办发〔2021〕6号 云岩区人民政府办公室关于印发健康云岩行动实施方案的通知" (the space is
 * normalised away).
 */
const HEADED_DOC_NUMBER = /^([\u4e00-\u9fff]{1,12}[〔[［【（]\d{4}[〕\]］】）]\d{1,4}号)\s*[\u4e00-\u9fff][^\s。，,]{3,80}$/u;
const headedDocNumber = (line: Line): string | null => {
  const match = HEADED_DOC_NUMBER.exec(line.text);
  return match?.[1] && TITLE_END.test(line.text) ? match[1] : null;
};

/**
 * The issuing body the disclosure table names (发布机构/发文机关 of the 政府信息公开 metadata, 发文单位 of a law
 * database's header), taken where the copy carries no signature: "发布机构: 广东省卫生健康委员会",
 * "颁布时间:2015-09-30 00:00:00.000 发文单位:内蒙古自治区人民政府办公厅" (normalised, no space is left after the time).
 */
const DISCLOSED_ISSUER = new RegExp(
  `(?:^|[|｜\\s\\d])(?:发布机构|发文机关|发文单位)\\s*[:：|｜]?\\s*([\\u4e00-\\u9fff（）]{2,40}${BODY_SUFFIX})(?=$|[|｜\\s])`,
  'u',
);

/** The first body a field of the front matter names (its group 1), as a line of its own at its place. */
function namedInField(lines: readonly Line[], field: RegExp): Line | null {
  for (const line of lines) {
    const match = field.exec(line.text);
    const name = match?.[1];
    if (!match || !name) continue;
    const start = line.start + match.index + match[0].length - name.length;
    return { ...line, text: name, start, end: start + name.length };
  }
  return null;
}

/**
 * A government site's information line names the body that published the article: "文章来源:灵璧县卫生健康委员会
 * 浏览量: 发表时间:…", "来源：市卫健委". Under the 政府信息公开条例 (第十条) "行政机关制作的政府信息，由制作该政府信息
 * 的行政机关负责公开", so that body is most often the document's maker — an inference, never printed by the
 * document. The line is printed above the article or under it ("来源：县卫健委 【打印本页】"), its fields in any
 * order ("发布时间：2021-05-07 10:49 来源：…"); normalised, no space is left between one field and the next.
 */
const PAGE_SOURCE = new RegExp(
  `(?:^|[|｜\\s\\d])(?:文章|信息)?来源[:：]\\s*([\\u4e00-\\u9fff（）]{2,40}?${BODY_SUFFIX})(?=$|[|｜\\s]|浏览|点击|阅读|发布|发表|作者|责任编辑|编辑|时间|日期|字号|【)`,
  'u',
);

const isDate = (line: Line) => DATE_LINE.test(line.text);
/** "【重点任务】": a heading in lenticular brackets labels a part of the text, never the document. */
const PART_LABEL = /^【[^】]*】$/u;
/** "（2023—2025年）" under a plan's title: the period it covers, part of the title; "（20232025年）" when a web copy lost the dash. */
const TITLE_PERIOD = /^（\d{4}\s*(?:[—–\-－~～至到]+\s*)?\d{4}年?）$/u;
const isTitleEnd = (line: Line) => TITLE_END.test(cleanTitle(line.text));
/** "2021年9月" under the issuing body, as drafts and plans print it: a date to the month, no day. */
const MONTH_LINE = /^\d{4}年\d{1,2}月$/u;
/**
 * GB/T 9704 prints the date under the signature "用阿拉伯数字将年、月、日标全" ("2016年7月5日"); a web copy that
 * lost the characters 年月日 leaves the digits alone ("201675"). Read only when the digits after the year split
 * into a month and a day one way alone: "201675" is 7月5日, "2016111" (1月11日 or 11月1日) is no date.
 */
function dateOfBareDigits(text: string): string | null {
  const match = /^((?:19|20)\d{2})(\d{2,4})$/u.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const [year, rest] = [match[1], match[2]];
  const readings = [1, 2]
    .map((monthDigits) => [rest.slice(0, monthDigits), rest.slice(monthDigits)] as const)
    .filter(([month, day]) => /^(?:[1-9]|1[0-2])$/u.test(month) && /^(?:[1-9]|[12]\d|3[01])$/u.test(day));
  const [only] = readings;
  if (readings.length !== 1 || !only) return null;
  return `${year}-${only[0].padStart(2, '0')}-${only[1].padStart(2, '0')}`;
}

const isSignatureDate = (line: Line) => isDate(line) || MONTH_LINE.test(line.text) || dateOfBareDigits(line.text) !== null;

/** Lines between a title and the outline: preamble, addressees, a draft mark, a form to fill in. */
function isPreambleLike(line: Line): boolean {
  const t = line.text;
  return isTableRow(line) || /。|：$|:$/u.test(t) || t.length > 60 || /_{2,}/u.test(t) || new RegExp(`^${DRAFT_MARK.source}$`, 'u').test(t);
}

function isTitleLike(line: Line): boolean {
  const t = line.text;
  return (
    t !== '' &&
    !SITE_FURNITURE.test(t) &&
    !PART_LABEL.test(t) &&
    t.length <= 60 &&
    !/[。；：:，,]/u.test(t) &&
    !isTableRow(line) &&
    !isSignatureDate(line) &&
    !DOC_NUMBER.test(t) &&
    !END_MATTER.test(t) &&
    !t.endsWith('文件')
  );
}

function cleanTitle(text: string): string {
  return text.replace(new RegExp(DRAFT_MARK.source, 'gu'), '').replace(/\s+/gu, '').trim();
}

const joinedTitle = (lines: readonly Line[]) => cleanTitle(lines.map((line) => line.text).join(''));

const isoDate = (line: Line): string | null => isoDateOfLine(line.text) ?? dateOfBareDigits(line.text);

interface SignatureBlock {
  /** The bodies signing, top to bottom: co-signed documents print one name a line above the date. */
  signatures: Line[];
  date: Line;
}

function signatureBlocks(lines: readonly Line[]): SignatureBlock[] {
  const blocks: SignatureBlock[] = [];
  lines.forEach((line, i) => {
    if (!isSignatureDate(line)) return;
    const signatures: Line[] = [];
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- k >= 0
    for (let k = i - 1; k >= 0 && signatures.length < 12 && SIGNATURE_LINE.test(lines[k]!.text); k--) signatures.unshift(lines[k]!);
    // Digits alone are a date only under a signature.
    if (signatures.length === 0 && dateOfBareDigits(line.text) !== null) return;
    blocks.push({ signatures, date: line });
  });
  return blocks;
}

/**
 * Where the title block above the outline ends: at the first line that completes a title, one that
 * ends with the kind of document ("…行动方案", "…评分标准"). Lines after it are the plan's first
 * heading ("前言") or a table's header cells, not the title.
 */
function titleBlockEnd(lines: readonly Line[]): number {
  let joined = '';
  for (const [n, line] of lines.entries()) {
    joined += cleanTitle(line.text);
    if (TITLE_END.test(joined)) return n + 1;
  }
  return lines.length;
}

/** The title of a cover letter issuing a plan: "关于印发…的通知", "…关于印发《…》的通知". */
const COVER_TITLE = /关于(?:印发|转发|下发|批转)[^。]*的通知$/u;

/** A cover that forwards another body's document: "关于转发《…》的通知", "…领导小组批转…意见的通知". */
const FORWARDING = /(?:转发|批转)[^。]*(?:通知|意见)$|现(?:转发|批转)给你们/u;

/**
 * A cover letter naming the plan it issues or forwards: "现将《X》印发给你们", "《X》已经市政府同意，现印发给你们",
 * "转发《X》". Web copies often carry half-width punctuation ("已经区政府同意,现印发给你们").
 */
const COVER_NAMES_PLAN =
  /《([^《》]{4,80})》(?:（[^（）]*）)?(?:已经[^，,。]{2,20}同意[，,]?)?(?:现)?(?:印发|转发|批转|下发)给你们|(?:印发|转发|批转)《([^《》]{4,80})》/u;

export function findMetadata(lines: readonly Line[], outlineStart: number): FoundMeta {
  const nonEmpty = lines.filter((line) => line.text !== '');
  const startPosition = nonEmpty.findIndex((line) => line.index >= outlineStart);
  const front = nonEmpty.slice(0, startPosition < 0 ? nonEmpty.length : startPosition);

  // Title: walk back from the outline over preamble and addressees, then take the title lines above.
  let i = front.length - 1;
  let skipped = 0;
  // A document issued without a cover prints its number between title and addressees ("峰政发〔2023〕7号").
  /* eslint-disable @typescript-eslint/no-non-null-assertion -- 0 <= i < front.length */
  while (
    i >= 0 &&
    skipped < 6 &&
    (isPreambleLike(front[i]!) ||
      DOC_NUMBER.test(front[i]!.text) ||
      PART_LABEL.test(front[i]!.text) ||
      SITE_FURNITURE.test(front[i]!.text)) &&
    !isDate(front[i]!)
  ) {
    /* eslint-enable @typescript-eslint/no-non-null-assertion */
    i--;
    skipped++;
  }
  // A plan's own signature block printed under its title ("天水市卫生健康委员会" / "2021年9月").
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 1 <= i < front.length
  if (i >= 1 && isSignatureDate(front[i]!) && SIGNATURE_LINE.test(front[i - 1]!.text)) {
    i--;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 <= i < front.length
    while (i >= 0 && SIGNATURE_LINE.test(front[i]!.text) && !isTitleEnd(front[i]!)) i--;
  }
  const titleBlock: Line[] = [];
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 <= i < front.length; front[i + 1] is tested
  while (i >= 0 && isTitleLike(front[i]!) && !(SIGNATURE_LINE.test(front[i]!.text) && front[i + 1] && isSignatureDate(front[i + 1]!))) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- 0 <= i < front.length
    titleBlock.unshift(front[i]!);
    i--;
  }
  // A web copy that prints no cover letter puts the cover's title ("关于印发X的通知") right above the plan's
  // own title X: the plan's title is the document's.
  const coverEnd = titleBlockEnd(titleBlock);
  const rest = titleBlock.slice(coverEnd);
  const coverAbovePlan =
    COVER_TITLE.test(joinedTitle(titleBlock.slice(0, coverEnd))) && TITLE_END.test(joinedTitle(rest.slice(0, titleBlockEnd(rest))));
  const planBlock = coverAbovePlan ? rest : titleBlock;
  const end = titleBlockEnd(planBlock);
  const titleLines = planBlock.slice(0, end + (planBlock[end] && TITLE_PERIOD.test(planBlock[end].text) ? 1 : 0));
  let title = titleLines.length > 0 ? cleanTitle(titleLines.map((line) => line.text).join('')) : null;
  if (!title) {
    // No title printed above the text (a web page's title is not part of its body): the plan the cover
    // letter names. A document that prints neither has no title we can state.
    // The cover sentence may wrap: "《…重点工作任务》\n已经市人民政府同意，现印发给你们".
    const named = COVER_NAMES_PLAN.exec(front.map((line) => line.text).join(''));
    const printed = named?.[1] ?? named?.[2];
    title = printed ? cleanTitle(printed) : null;
    // Where the cover prints it on one line, that part of the line is the title's place (its place names vote).
    const line = printed ? front.find((candidate) => candidate.text.includes(`《${printed}》`)) : undefined;
    if (printed && line) {
      const start = line.start + line.text.indexOf(`《${printed}》`) + 1;
      titleLines.push({ index: line.index, text: printed, start, end: start + printed.length });
    }
  }

  const docNumberLine =
    front.find((line) => DOC_NUMBER.test(line.text)) ??
    front.find((line) => DISCLOSED_DOC_NUMBER.test(line.text)) ??
    front.find((line) => headedDocNumber(line) !== null) ??
    null;
  const printedNumber =
    docNumberLine && (DISCLOSED_DOC_NUMBER.exec(docNumberLine.text)?.[1] ?? headedDocNumber(docNumberLine) ?? docNumberLine.text);
  const docNumber = printedNumber
    ? printedNumber.replace(DOC_NUMBER, (_, issuer: string, year: string, n: string) => `${issuer}〔${year}〕${n}号`)
    : null;

  // The plan's own signature (after its text) wins over the cover letter's — unless the cover forwards
  // another body's document ("关于转发《…》的通知", "…批转…"): the document loaded is the forwarding one,
  // issued by the cover's signatories on the cover's date.
  const blocks = signatureBlocks(nonEmpty);
  const after = blocks.find((block) => block.date.index > outlineStart);
  const before = blocks.filter((block) => block.date.index < outlineStart).at(-1);
  const forwards = front.some((line) => FORWARDING.test(line.text));
  const chosen = (forwards ? (before ?? after) : (after ?? before)) ?? null;
  const header = front.find((line) => /^[\u4e00-\u9fff]{2,40}文件$/u.test(line.text));
  const disclosed = chosen?.signatures.length || header ? null : namedInField(front, DISCLOSED_ISSUER);
  const issuerLine = chosen?.signatures.at(-1) ?? disclosed;
  const issuer =
    chosen && chosen.signatures.length > 0
      ? chosen.signatures.map((line) => line.text).join('、')
      : header
        ? header.text.replace(/文件$/u, '')
        : (disclosed?.text ?? null);

  const draft = [...titleLines, ...front].some((line) => DRAFT_MARK.test(line.text) && line.text.includes('稿'));
  const bodyLines = [
    ...(header ? [header] : []),
    ...blocks.flatMap((block) => block.signatures),
    ...front.filter((line) => isTitleLike(line) && line.text.length <= 30),
  ];
  return {
    title,
    titleLines,
    docNumber,
    docNumberLine,
    issuer,
    issuerLine,
    // A month alone is not a date the document states to the day: left empty.
    issuedOn: chosen ? isoDate(chosen.date) : null,
    draft,
    bodyLines,
    pageSourceLine: namedInField(front, PAGE_SOURCE) ?? namedInField(nonEmpty.slice(front.length), PAGE_SOURCE),
  };
}
