/** @module Lines of the normalised text with their offsets, and the line shapes segment reasons about. */

export interface Line {
  index: number;
  text: string;
  start: number;
  end: number;
}

export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    lines.push({ index, text: line, start, end: start + line.length });
    start += line.length + 1;
  });
  return lines;
}

export const isTableRow = (line: Line) => line.text.includes('\t');

/** "2020年6月30日", "2022年12月6日印发": the date under a signature. */
export const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发|发布|签发)?$/u;

/** A signature: a short name of a body, e.g. "资阳市人民政府", "三明市深化医药卫生体制改革领导小组". */
export const SIGNATURE_LINE =
  /^[\u4e00-\u9fff（）]{2,40}(?:人民政府|政府|办公室|办公厅|委员会|领导小组|小组|委|局|厅|部|中心|管委会|办|院|会|处|科)$/u;

/** Lines after which the plan's text is over: attachments list, distribution list, publication note. */
export const END_MATTER = /^(?:附件|抄送|抄报|（此件|联系人|\d{4}年\d{1,2}月\d{1,2}日)/u;

/** "（征求意见稿）": a consultation draft. */
export const DRAFT_MARK = /（?(?:征求意见稿|征求意见修改稿|送审稿|讨论稿)）?/u;
