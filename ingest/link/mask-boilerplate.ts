/**
 * @module Hiding the parts of a task text that say who does the work rather than what the work is,
 * so that agency names (市中医药局, 县医保局) never count as evidence of a reform topic; and the pay
 * sanction an assessment table attaches to an indicator (扣院长年薪) and the body that checks it (由同级医改领导小组考核),
 * which are not its topic either.
 * Masked characters become U+0000, so offsets into the original text are unchanged.
 */

import { codeUnitsOf } from '../code-units.js';
import { NOTE_CLOSERS, NOTE_OPENERS, RESPONSIBILITY_NOTE } from '../responsibility-notes.js';

export const MASK = '\u0000';

/**
 * A responsibility note (responsibility-notes.ts): "（责任单位：县卫生健康委、县财政局）",
 * "〔市卫生计生委、市财政局…负责，市残联参与〕". Notes nest ("各镇人民政府（开发区工委）按职责分工负责"),
 * so brackets are counted; any closer matches any opener.
 */
const OPENERS = codeUnitsOf(NOTE_OPENERS);
const CLOSERS = codeUnitsOf(NOTE_CLOSERS);

function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i - open < 600; i += 1) {
    const code = text.charCodeAt(i);
    if (OPENERS.has(code)) depth += 1;
    else if (CLOSERS.has(code)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** `text` with responsibility notes replaced by MASK characters of the same length. */
export function maskBoilerplate(text: string): string {
  // All brackets involved are BMP characters, so UTF-16 offsets are character offsets here.
  let masked = text;
  for (let i = 0; i < text.length; i += 1) {
    if (!OPENERS.has(text.charCodeAt(i))) continue;
    const end = closingBracket(text, i);
    if (end < 0) continue;
    const inside = text.slice(i + 1, end);
    if (RESPONSIBILITY_NOTE.test(inside) && /[局委办府部会院]/.test(inside)) {
      masked = masked.slice(0, i) + MASK.repeat(end + 1 - i) + masked.slice(end + 1);
      i = end;
    }
  }
  masked = masked.replace(PAY_SANCTION, (sanction) => MASK.repeat(sanction.length));
  masked = masked.replace(ASSESSOR, (assessor) => MASK.repeat(assessor.length));
  // A table cell that only lists agencies ("市医保局、卫健委、财政局，金融监管分局，各县（市、区）")
  // carries no topic either.
  return masked
    .split('\t')
    .map((cell) => (AGENCY_CELL.test(cell) ? MASK.repeat(cell.length) : cell))
    .join('\t');
}

const AGENCY_NAME = '[^\\t、，,\\s]{1,14}?(?:局|委|办|委员会|政府|工委|分局|红十字会|各县（市、区）)';
const AGENCY_CELL = new RegExp(`^[\\s\u0000]*${AGENCY_NAME}(?:[、，,\\s]+${AGENCY_NAME})*[、，,\\s]*$`, 'u');

/**
 * An assessment table (考核评分表) enforces each indicator on the director's pay: "同时1例扣院长年薪5000元",
 * "从院长年薪中扣罚", "奖励院长当年年薪", "取消院长年薪", "退出年薪", "院长年薪降级处理". The pay named there is
 * the sanction of the indicator, not the reform it is about (a salary reform is what 年薪 names elsewhere).
 */
const PAY_SANCTION = /(?:(?:扣罚|扣减|扣|奖励|取消|退出)(?:当年)?(?:院\s*长)?(?:当年)?\s*年薪|从院长年薪中扣罚|院长年薪降级处理)/gu;

/**
 * An assessment table's column of how an indicator is checked (考核方法) names who checks it: "由同级医改领导小组考核，
 * 考核前上报考核方案" beside "核实并查阅佐证材料". The body named there assesses the indicator; it is not what the
 * indicator is about (the party building or the integrity of the hospital's leaders), as an agency in a
 * responsibility note is not. Only "由" and a body that 考核 closes its clause: "纳入政府目标管理绩效考核" is work of its own.
 */
const ASSESSOR = new RegExp(`由[^，。；、\\t${MASK}]{0,12}?(?:领导小组|小组|考核组|委员会|委|局|办)考核(?=[，。；\\s]|$)`, 'gu');
