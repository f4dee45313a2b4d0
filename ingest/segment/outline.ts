/**
 * @module Build the outline of numbered units from normalised text: headings and items in prose
 * (one paragraph per line) and in task tables (tab-separated cells), sub-measures ①② inline, and
 * roadmap tables that restate items (merged in as supplements, never as new units).
 */
import type { IngestMessage, TaskSupplement } from '../document.js';
import { circledMarkersIn, markerAt, type Marker, type NumberStyle } from '../normalise/numbering.js';
import { AGENCY_LABEL_LINE, AGENCY_PARAGRAPH, isBareAgencyList, PAGE_INFORMATION_LINE } from '../conventions.js';
import { DATE_LINE, END_MATTER, isTableRow, SIGNATURE_LINE, type Line } from './lines.js';
import { columnRole, DEADLINE_CELL, looksLikeHeader, type ColumnRole } from './table-columns.js';

export interface Unit {
  /** Key as printed ('' for an unnumbered table row). */
  key: string;
  pathKey: string;
  style: OutlineStyle | 'row';
  value: number;
  parent: Unit | null;
  children: Unit[];
  /** Own content in the normalised text, after the key. */
  start: number;
  end: number;
  /** End of the first line or cell: the heading, if the unit is a heading. */
  headingEnd: number;
  closed: boolean;
  supplements: TaskSupplement[];
}

export interface Outline {
  units: Unit[];
  /** Index of the line where the outline starts, or null when nothing numbered was found. */
  startLine: number | null;
  messages: IngestMessage[];
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let start = line.start;
  for (const text of line.text.split('\t')) {
    cells.push({ text, start, end: start + text.length });
    start += text.length + 1;
  }
  return cells;
}

/** What a cell of a task table holds, read from the cell alone. */
function cellKind(text: string): ColumnRole {
  const cell = text.trim();
  if (DEADLINE_CELL.test(cell)) return 'deadline';
  // "应急处、疾控处等按职责分工落实": the list, and the note that each does its own part.
  if (isBareAgencyList(cell.replace(/等?(?:按职责(?:分工)?)?(?:落实|负责)$/u, ''))) return 'agencies';
  return 'task';
}

/**
 * A web table's cell merged over several rows (rowspan) is printed in its first row only; the rows under
 * it print their number and their other cells, and a trailing column left empty, such as 备注, is not
 * printed either. The merged cell may be the 工作任务 shared by the rows of its 细化分工, or a 牵头单位 or
 * 完成时限 shared by several tasks ("序号 | 重点任务 | 牵头单位 | 完成时限" over "2 | 推进… | 2022年12月底前").
 * Each printed cell goes, from the right, to the nearest column that holds what it holds (a date or term
 * to 完成时限, a list of bodies to 责任单位, anything else to a task column); a cell that fits no column
 * left of the one after it puts the row back to the right-hand columns. The columns left out are the
 * merged ones: `null`, for the caller to fill with what the merged cell printed above says.
 */
function alignUnderMergedCells(row: readonly Cell[], roles: readonly ColumnRole[]): readonly (Cell | null)[] {
  let width = roles.length;
  while (width > 0 && roles[width - 1] === 'ignore') width--;
  const [first, ...others] = row;
  if (!first || roles[0] !== 'number' || row.length >= width) return row;
  // The 序号 cell may itself be merged over the rows of an item's 具体措施 (a .docx task table whose
  // 序号, 重点任务, 牵头单位 and 完成时限 span them): then every printed cell is one of the columns after it.
  const numbered = /^\d{1,3}$/u.test(first.text.trim());
  const number = numbered ? first : null;
  const rest = numbered ? others : row;
  // A row opening with a number of its own (一、…, （二）…) is a heading row, not a row under merged cells.
  if (rest.length === 0 || (!numbered && markerAt(first.text))) return row;
  const aligned: (Cell | null)[] = Array.from({ length: width }, () => null);
  aligned[0] = number;
  let column = width;
  for (let c = rest.length - 1; c >= 0; c--) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- c < rest.length
    const cell = rest[c]!;
    const kind = cellKind(cell.text);
    column--;
    while (column > c + 1 && roles[column] !== kind) column--;
    if (roles[column] !== kind) {
      if (!number) return row;
      const merged = Array.from({ length: width - row.length }, () => ({ text: '', start: number.end, end: number.end }));
      return [number, ...merged, ...rest];
    }
    aligned[column] = cell;
  }
  return aligned;
}

/** An attachment (附件) opens a numbering of its own under a root unit of its own. */
type OutlineStyle = NumberStyle | 'annex';
type OutlineMarker = Omit<Marker, 'style'> & { style: OutlineStyle };

/**
 * "附件1", "附件 2" or "附件" standing alone at the head of an attachment — not "附件：…", the list of
 * attachments under the text. A web page may put the number on the next line ("附件\n1").
 */
const ANNEX_HEADING = /^附件 ?(\d{1,2})?$/u;

/** The nature column of an indicator table: 预期性 (expected), 约束性 (binding) or 倡导性 (advocated). */
const INDICATOR_NATURE = /^(?:预期性|约束性|倡导性)[。；]?$/u;
const INDICATOR_NATURE_IN_ROW = /\d(?:[^。]*)(?:预期性|约束性|倡导性)/u;
/** The title or first header cell of an indicator table. */
const INDICATOR_TABLE_HEAD = /^(?:[^。，]{0,30}主要(?:发展)?指标(?:表)?|指标名称)$/u;

/** A part's heading on its own line: a topic ("完善药物政策体系") or one short sentence closed by 。. */
const HEADING_LINE = /^[^。！？；\t]{2,40}。?$/u;

/** The levels GB/T 9704 numbers in sequence: "一、" "（一）" "1." "（1）". */
const GB_T_9704_LEVELS: ReadonlySet<Unit['style']> = new Set(['cn', 'cnParen', 'arabic', 'arabicParen']);

const OUTLINE_OPENERS: ReadonlySet<NumberStyle> = new Set(['part', 'chapter', 'article', 'cn', 'cnParen', 'arabic']);

/** The last top-level bracket group at the end of a text: "…（责任单位：县卫生健康委）" → "责任单位：县卫生健康委". */
function trailingBracket(text: string): string | null {
  const trimmed = text.trimEnd();
  if (!/[）〕]$/u.test(trimmed)) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < trimmed.length
    const ch = trimmed[i]!;
    if (ch === '）' || ch === '〕') depth++;
    else if (ch === '（' || ch === '〔') {
      depth--;
      if (depth === 0) return trimmed.slice(i + 1, -1);
    }
  }
  return null;
}

/** An item is complete once its responsibility note is printed: "（责任单位：…）", "〔…负责，下同〕". */
const RESPONSIBILITY = /负责|责任单位|牵头单位|参与|下同|按职责/u;

function bigrams(text: string): Set<string> {
  const clean = text.replace(/[\s\t，。、；：“”（）《》〔〕]/gu, '');
  const set = new Set<string>();
  for (let i = 0; i + 1 < clean.length; i++) set.add(clean.slice(i, i + 2));
  return set;
}

function similarity(row: string, unitText: string): number {
  const a = bigrams(row);
  if (a.size === 0) return 0;
  const b = bigrams(unitText);
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return shared / a.size;
}

export function parseOutline(text: string, lines: readonly Line[]): Outline {
  const units: Unit[] = [];
  const roots: Unit[] = [];
  const messages: IngestMessage[] = [];
  let levels: OutlineStyle[] = [];
  let open: Unit[] = [];
  const lastValue = new Map<OutlineStyle, number>();
  // Set inside openUnit: declared so, TypeScript does not narrow it to null below.
  let startLine = null as number | null;
  let finished = false;

  const warn = (offset: number, code: string, message: string) => messages.push({ offset, code, message });

  /**
   * GB/T 9704 numbers the parts of a level in sequence ("文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注"), and
   * a plan prints each part's heading on a line of its own ("1.健全科学合理的筹资机制。" then its text). A drafter's
   * slip may print a number twice — "5.健全重特大疾病保障机制。" … "5.完善医疗服务价格调整机制。", the sixth part of
   * its （三） — and the second is still the next part, not text of the one before. Read so only when it is printed
   * as the sibling it repeats: a heading line of the same form (a topic, or one short sentence closed by its 。),
   * after a sibling with text under its heading, and naming another topic. A ① is no level of that sequence: a
   * measure's number repeated is a second column of a flattened table restating the measures ("④查看执法文书。").
   */
  function repeatsSiblingNumber(previous: Unit, heading: string): boolean {
    const siblingHeading = text.slice(previous.start, previous.headingEnd).trim();
    const own = heading.trim();
    return (
      GB_T_9704_LEVELS.has(previous.style) &&
      HEADING_LINE.test(own) &&
      HEADING_LINE.test(siblingHeading) &&
      own.endsWith('。') === siblingHeading.endsWith('。') &&
      own !== siblingHeading &&
      text.slice(previous.headingEnd, previous.end).trim() !== ''
    );
  }

  /**
   * The level a marker opens at, or -1 when it does not continue the outline (then it is just text).
   * `heading`: the rest of the marker's line, for a numbered paragraph of prose (not a table cell).
   */
  function levelFor(marker: Marker, heading?: string): number {
    if (startLine === null) return marker.value === 1 && OUTLINE_OPENERS.has(marker.style) ? 0 : -1;
    // A style sits at two levels when a list restarts inside a part numbered in it (see opensListInside):
    // the list's entries go on under the part, deepest first, and the part's own next sibling closes the list.
    const styleLevels = levels.flatMap((style, level) => (style === marker.style ? [level] : [])).reverse();
    if (styleLevels.length === 0) {
      // A new, deeper style starts at 1 — or carries on the count when numbering runs across sections,
      // as in "一、… （一）…（五） 二、… （六）…".
      return marker.value === 1 || marker.value === (lastValue.get(marker.style) ?? 0) + 1 ? levels.length : -1;
    }
    const previousAt = (level: number) =>
      (level > 0 ? (open[level - 1]?.children ?? []) : roots).filter((u) => u.style === marker.style).at(-1);
    // The next number in sequence at any level beats a gap or a repeat at a deeper one.
    for (const level of styleLevels) {
      const previous = previousAt(level);
      if (previous && marker.value === previous.value + 1) return level;
      if (!previous && (marker.value === 1 || marker.value === (lastValue.get(marker.style) ?? 0) + 1)) return level;
    }
    for (const level of styleLevels) {
      const previous = previousAt(level);
      if (previous && marker.value > previous.value && marker.value <= previous.value + 3) return level;
      if (previous?.value === marker.value && heading !== undefined && repeatsSiblingNumber(previous, heading)) return level;
    }
    return -1;
  }

  /**
   * GB/T 9704 numbers the levels of a text "一、" "（一）" "1." "（1）", but a part may carry a list of its own in the
   * same style: an assessment table (考核评分表) flattened from a web page prints each row's 考核指标, numbered on
   * across the table ("36.", "37.信息化建设", "38."), and under it the row's 考核标准和计分 cell, which numbers its
   * criteria afresh ("1.提高数据采集规范化水平。①…得0.5分" … "5.强化保障水平。…"). A "1." printed inside an open
   * "37." that cannot be its next sibling opens that list under it — when the next number of its style is "2."
   * (a list, not a stray "1." in the text), at the two lowest levels (a fresh "一、" or "（一）" opens another text,
   * such as an attachment), and not under a "1." (the same number printed again, see repeatsSiblingNumber).
   */
  function opensListInside(marker: Marker, at: number): boolean {
    const part = deepest();
    if (marker.value !== 1 || (marker.style !== 'arabic' && marker.style !== 'arabicParen')) return false;
    if (!part || part.closed || part.style !== marker.style || part.value === marker.value) return false;
    for (let k = at + 1; k < lines.length; k++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- k < lines.length
      const next = markerAt(lines[k]!.text);
      if (!next) continue;
      if (next.style === marker.style) return next.value === 2;
      // A part of a level above ends the part, and so the list.
      if (levels.includes(next.style)) return false;
    }
    return false;
  }

  function openUnit(marker: OutlineMarker | null, level: number, start: number, end: number, lineIndex: number, keyStart: number): Unit {
    const style = marker?.style ?? 'row';
    const parent = level > 0 ? (open[level - 1] ?? null) : null;
    const siblings = parent ? parent.children : roots;
    const previous = siblings.filter((u) => u.style === style).at(-1);
    if (marker && previous?.value === marker.value) {
      warn(keyStart, 'numbering-repeated', `${marker.key} is printed twice; the second opens the part after the first`);
    } else if (marker && previous && marker.value !== previous.value + 1) {
      warn(keyStart, 'numbering-gap', `numbering jumps from ${previous.key} to ${marker.key}`);
    }
    const unit: Unit = {
      key: marker?.key ?? '',
      pathKey: marker?.pathKey ?? '',
      style,
      value: marker?.value ?? 0,
      parent,
      children: [],
      start,
      end,
      headingEnd: end,
      closed: false,
      supplements: [],
    };
    siblings.push(unit);
    units.push(unit);
    if (marker) {
      // A list restarted inside a part (opensListInside) does not carry its count into the part's numbering.
      if (!levels.slice(0, level).includes(marker.style)) lastValue.set(marker.style, marker.value);
      levels = [...levels.slice(0, level), marker.style];
    }
    open = [...open.slice(0, level), unit];
    startLine ??= lineIndex;
    return unit;
  }

  const deepest = () => open.at(-1);

  /** The item a measure belongs to: the nearest open unit that is not a ①/（1） measure or a table row. */
  function itemOf(unit: Unit): Unit {
    return open.filter((u) => u.style !== 'circled' && u.style !== 'arabicParen' && u.style !== 'row').at(-1) ?? unit;
  }

  function repeatsOpenHeading(marker: Marker, line: Line): boolean {
    const heading = line.text.slice(marker.length);
    return open.some((unit) => unit.key === marker.key && text.slice(unit.start, unit.headingEnd) === heading);
  }

  function absorb(line: Line) {
    const current = deepest();
    if (!current || current.closed) return;
    if (AGENCY_LABEL_LINE.test(line.text)) {
      // "牵头单位：市卫健委；配合单位：市财政局" under a sub-item (一是…): the note of the unit it follows.
      supplement(
        current.style === 'circled' || current.style === 'arabicParen' ? itemOf(current) : current,
        'agencies',
        line.start,
        line.end,
      );
      return;
    }
    if (AGENCY_PARAGRAPH.test(line.text) && (current.style === 'circled' || current.style === 'arabicParen')) {
      // "（责任单位：A、B）" after an item's ①②: the item's note, not the last measure's.
      supplement(itemOf(current), 'agencies', line.start, line.end);
      return;
    }
    if (isBareAgencyList(line.text)) {
      // A flattened table's 责任单位 cell: it spans the rows of its item, so it belongs to the item, not to
      // the ① measure it happens to follow.
      supplement(itemOf(current), 'agencies', line.start, line.end);
      return;
    }
    const bracket = trailingBracket(text.slice(current.start, current.end));
    if (bracket !== null && RESPONSIBILITY.test(bracket)) {
      current.closed = true;
      return;
    }
    current.end = line.end;
  }

  /** Headers of the table being read: a 牵头单位 column and a 配合单位 column give different roles. */
  let columnLabels: string[] = [];
  /** The last table read, which a table of the same width without a header of its own continues. */
  let lastTable: { roles: ColumnRole[]; labels: string[]; width: number; roadmap: boolean } | null = null;

  function tableRows(first: number): number {
    let i = first;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    while (i < lines.length && isTableRow(lines[i]!)) i++;
    const rows = lines.slice(first, i).map(cellsOf);
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the caller found a table row at first
    const headerCells = rows[0]!.map((cell) => cell.text.trim());
    const hasHeader = looksLikeHeader(headerCells);
    // A table interrupted by a row spanning all its columns (a section heading "一、…") goes on under its header.
    const continued = !hasHeader && lastTable !== null && headerCells.length === lastTable.width ? lastTable : null;
    const roles: ColumnRole[] = hasHeader ? headerCells.map(columnRole) : (continued?.roles ?? headerCells.map(() => 'task'));
    columnLabels = hasHeader ? headerCells.map((cell) => cell.replace(/\s/gu, '')) : (continued?.labels ?? []);
    const dataRows = hasHeader ? rows.slice(1) : rows;
    // A table heading an attachment (附件) is the attachment's own content — a 考核评分细则, a list of tasks —
    // unless its every row restates an item of the plan: "附件：重点任务分工表" tabulates the plan's own tasks with
    // their 牵头单位, 配合单位 and 完成时限, adds no provision, and so opens no unit; its rows are the items' notes.
    const current = deepest();
    const annex = !continued && current?.style === 'annex' && current.children.length === 0 && roots.at(-1) === current ? current : null;
    const restatesPlan =
      annex !== null && roadmapMatches(dataRows, roles, units.slice(0, -1), { byWording: true }).every((match) => match !== undefined);
    const roadmap = annex ? restatesPlan : (continued?.roadmap ?? (units.length > 0 && (finished || roles.includes('number'))));
    lastTable = { roles, labels: columnLabels, width: headerCells.length, roadmap };
    if (roadmap) {
      if (annex) {
        roots.pop();
        units.splice(units.indexOf(annex), 1);
        open = [];
        finished = true;
      }
      mergeRoadmap(dataRows, roles);
    } else {
      // A merged 牵头单位 or 完成时限 says the same for every row it spans: the last one printed in its column.
      const printed: (Cell | undefined)[] = [];
      dataRows.forEach((row, n) => {
        const aligned = alignUnderMergedCells(row, roles).map((cell, c) => {
          if (cell) return (printed[c] = cell);
          const above = roles[c] === 'agencies' || roles[c] === 'deadline' ? printed[c] : undefined;
          // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a table row has at least one cell
          return above ?? { text: '', start: row[0]!.end, end: row[0]!.end };
        });
        outlineRow(aligned, roles, first + (hasHeader ? 1 : 0) + n);
      });
    }
    return i;
  }

  function supplement(owner: Unit, role: TaskSupplement['role'], start: number, end: number, label?: string) {
    const slice = text.slice(start, end);
    const trimmed = slice.trim();
    if (trimmed === '') return;
    const lead = slice.length - slice.trimStart().length;
    const span = { start: start + lead, end: start + lead + trimmed.length };
    owner.supplements.push(label ? { role, label, text: trimmed, span } : { role, text: trimmed, span });
  }

  function rowSupplements(owner: Unit, row: readonly Cell[], roles: readonly ColumnRole[]) {
    row.forEach((cell, c) => {
      if (roles[c] === 'agencies') supplement(owner, 'agencies', cell.start, cell.end, columnLabels[c]);
      if (roles[c] === 'deadline') supplement(owner, 'deadline', cell.start, cell.end);
    });
  }

  /** A row of a table that is itself the outline (a 任务分解表). */
  function outlineRow(row: readonly Cell[], roles: readonly ColumnRole[], lineIndex: number) {
    if (row.some((cell) => INDICATOR_NATURE.test(cell.text.trim()))) {
      // An indicator table's row (see isIndicatorRow) is text of the unit holding the table.
      const current = deepest();
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- a table row has at least one cell
      if (current && !current.closed) current.end = Math.max(current.end, row.at(-1)!.end);
      return;
    }
    let owner: Unit | undefined;
    let numbered = false;
    const taskCells = row.filter((cell, c) => roles[c] === 'task' && cell.text.trim() !== '');
    row.forEach((cell, c) => {
      const role = roles[c];
      if (role === 'number' && /^\d{1,3}$/u.test(cell.text.trim())) {
        const firstTask = taskCells[0];
        if (firstTask && !markerAt(firstTask.text)) {
          const value = Number(cell.text.trim());
          const marker: Marker = { style: 'arabic', value, key: String(value), pathKey: String(value), length: 0 };
          const level = levelFor(marker);
          if (level >= 0) {
            owner = openUnit(marker, level, firstTask.start, firstTask.end, lineIndex, cell.start);
            numbered = true;
          }
        }
        return;
      }
      if (role !== 'task' || cell.text.trim() === '') return;
      // ①② in a cell are the item's sub-measures; splitInlineMeasures cuts them out of the item's text.
      const cellMarker = markerAt(cell.text);
      const marker = cellMarker?.style === 'circled' ? null : cellMarker;
      const level = marker ? levelFor(marker) : -1;
      if (marker && level >= 0) {
        const current = deepest();
        // A section cell repeated on every row names the section already open.
        if (
          current &&
          open[level]?.key === marker.key &&
          text.slice(open[level].start, open[level].headingEnd) === cell.text.slice(marker.length)
        ) {
          return;
        }
        owner = openUnit(marker, level, cell.start + marker.length, cell.end, lineIndex, cell.start);
        numbered = true;
        return;
      }
      if (!numbered) {
        // A row without its own number is a measure of the item it follows.
        const item = open.filter((u) => u.style !== 'circled' && u.style !== 'row').at(-1);
        if (!item) return;
        const level = open.indexOf(item) + 1;
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- this cell is a task cell, so taskCells holds it
        const last = taskCells.at(-1)!;
        owner = openUnit(null, level, cell.start, last.end, lineIndex, cell.start);
        numbered = true;
        return;
      }
      const current = owner ?? deepest();
      if (current && cell.end > current.end) current.end = cell.end;
    });
    const target = owner ?? deepest();
    if (target) rowSupplements(target, row, roles);
  }

  /** A roadmap table (路线图和施工表) restating numbered items: enrich them, never duplicate them. */
  /**
   * The item each roadmap row restates (undefined where none): by its printed number and its wording, a row
   * without a number going with the row above. `byWording`: the number alone, with words unlike the item's, is
   * no match (an attachment's table numbers its own rows from 1 too).
   */
  function roadmapMatches(
    rows: readonly (readonly Cell[])[],
    roles: readonly ColumnRole[],
    candidates: readonly Unit[],
    { byWording = false }: { byWording?: boolean } = {},
  ): (Unit | undefined)[] {
    // Roadmap rows restate work items: leaves of the outline, not the headings grouping them.
    const leaves = candidates.filter(
      (u) => u.style !== 'circled' && u.style !== 'row' && u.style !== 'annex' && !u.children.some((c) => c.style !== 'circled'),
    );
    let previous: Unit | undefined;
    return rows.map((row) => {
      const taskCells = row.filter((cell, c) => roles[c] === 'task' && cell.text.trim() !== '');
      if (taskCells.length === 0) return previous;
      const rowText = taskCells.map((cell) => cell.text).join('');
      const numberCell = row.find((_, c) => roles[c] === 'number');
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- taskCells is not empty (checked above)
      const printed = numberCell?.text.trim().match(/^\d{1,3}$/u)?.[0] ?? markerAt(taskCells[0]!.text)?.value.toString();
      let target: Unit | undefined;
      if (printed) {
        const value = Number(printed);
        const scored = leaves.map((u) => ({ u, score: similarity(rowText, text.slice(u.start, u.end)), sameNumber: u.value === value }));
        const numberedBest = scored.filter((s) => s.sameNumber).sort((a, b) => b.score - a.score)[0];
        const overallBest = [...scored].sort((a, b) => b.score - a.score)[0];
        target =
          numberedBest && (numberedBest.score >= 0.2 || (!byWording && (!overallBest || overallBest.score < numberedBest.score + 0.3)))
            ? numberedBest.u
            : overallBest && overallBest.score >= 0.3
              ? overallBest.u
              : undefined;
      } else {
        target = previous;
      }
      // An unmatched row leaves the rows under it with the item above, as before it.
      if (target) previous = target;
      return target;
    });
  }

  function mergeRoadmap(rows: readonly (readonly Cell[])[], roles: readonly ColumnRole[]): void {
    const matches = roadmapMatches(rows, roles, units);
    rows.forEach((row, n) => {
      const taskCells = row.filter((cell, c) => roles[c] === 'task' && cell.text.trim() !== '');
      const first = taskCells[0];
      const last = taskCells.at(-1);
      if (!first || !last) return;
      const target = matches[n];
      if (!target) {
        const rowText = taskCells.map((cell) => cell.text).join('');
        warn(first.start, 'roadmap-row-unmatched', `roadmap row "${rowText.slice(0, 20)}" matches no numbered item`);
        return;
      }
      supplement(target, 'roadmap', first.start, last.end);
      rowSupplements(target, row, roles);
    });
  }

  /**
   * A row of an indicator table (主要指标: 指标名称 … 2025年目标值 … 指标性质 预期性/约束性), flattened one
   * cell a line: "31.医疗卫生单位依法执业自查率" "%" "/" "≥35%" "预期性". Its number counts indicators, not
   * work items: the row stays text of the unit holding the table (its targets are that unit's).
   */
  function isIndicatorRow(at: number): boolean {
    if (insideIndicatorTable(at)) return true;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- callers pass the index of a line
    const own = lines[at]!.text;
    // Cells a sentence rejoining ran together: "1.人均期望寿命岁78.33 80.02 79.63预期性市卫健委".
    if (INDICATOR_NATURE_IN_ROW.test(own) && !own.includes('。')) return true;
    for (let k = at + 1; k < Math.min(lines.length, at + 10); k++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- k < lines.length
      const cell = lines[k]!.text;
      if (INDICATOR_NATURE.test(cell)) return true;
      if (cell.length > 30 || markerAt(cell)) return false;
    }
    return false;
  }

  /**
   * The whole of an indicator table flattened one cell a line: from its title or header ("“十四五”时期深化医改
   * 主要指标", "指标名称") to its last 预期性/约束性 cell. Numbered rows in it — the indicators, and goal
   * sentences grouped in the table ("总体目标" 1.–4.) — are the table's, not the outline's.
   */
  const indicatorTables: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    if (!INDICATOR_TABLE_HEAD.test(lines[i]!.text)) continue;
    let last = -1;
    for (let k = i + 1; k < lines.length && (last < 0 ? k - i <= 40 : k - last <= 25); k++) {
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- k < lines.length
      if (INDICATOR_NATURE.test(lines[k]!.text) || INDICATOR_NATURE_IN_ROW.test(lines[k]!.text)) last = k;
    }
    if (last > i) {
      indicatorTables.push([i, last]);
      i = last;
    }
  }
  const insideIndicatorTable = (at: number) => indicatorTables.some(([from, to]) => at > from && at <= to);

  /** Opens an attachment's root unit, its title as heading; returns the index of the line after the title. */
  function openAnnex(at: number, printedNumber: string | undefined): number {
    let i = at + 1;
    let number = printedNumber;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- lines[i] was tested just before
    if (number === undefined && /^\d{1,2}$/u.test(lines[i]?.text ?? '')) number = lines[i++]!.text;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    while (i < lines.length && lines[i]!.text === '') i++;
    const title = lines[i];
    const hasTitle = title !== undefined && !isTableRow(title) && !markerAt(title.text) && title.text.length <= 80;
    const key = `附件${number ?? ''}`;
    levels = [];
    lastValue.clear();
    finished = false;
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- at is the index of a line
    const anchor = hasTitle ? title : lines[at]!;
    openUnit(
      { style: 'annex', value: Number(number ?? 1), key, pathKey: key, length: 0 },
      0,
      anchor.start,
      anchor.end,
      at,
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- at is the index of a line
      lines[at]!.start,
    );
    return hasTitle ? i + 1 : at + 1 + (number !== printedNumber ? 1 : 0);
  }

  for (let i = 0; i < lines.length;) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- i < lines.length
    const line = lines[i]!;
    if (line.text === '') {
      i++;
      continue;
    }
    if (isTableRow(line)) {
      i = tableRows(i);
      continue;
    }
    const next = lines[i + 1];
    const annex = startLine !== null ? ANNEX_HEADING.exec(line.text) : null;
    if (annex) {
      i = openAnnex(i, annex[1]);
      continue;
    }
    const endMatter =
      END_MATTER.test(line.text) ||
      PAGE_INFORMATION_LINE.test(line.text) ||
      DATE_LINE.test(line.text) ||
      (SIGNATURE_LINE.test(line.text) && next !== undefined && DATE_LINE.test(next.text));
    if (endMatter) {
      if (startLine !== null) finished = true;
      for (const unit of open) unit.closed = true;
      i++;
      continue;
    }
    const marker = finished ? null : markerAt(line.text);
    if (marker && repeatsOpenHeading(marker, line)) {
      // A table continued on the next page repeats the section cell it sits in ("四 发展壮大…").
      warn(line.start, 'repeated-heading', `removed repeated heading "${line.text.slice(0, 20)}"`);
      i++;
      continue;
    }
    const indicatorRow = marker !== null && isIndicatorRow(i);
    let level = marker && !indicatorRow ? levelFor(marker, line.text.slice(marker.length)) : -1;
    if (marker && !indicatorRow && level < 0 && opensListInside(marker, i)) level = open.length;
    if (marker && level >= 0) {
      openUnit(marker, level, line.start + marker.length, line.end, i, line.start);
    } else if (startLine !== null && !finished) {
      absorb(line);
    }
    i++;
  }

  splitInlineMeasures(text, units);
  return { units: orderUnits(roots), startLine, messages };
}

/** Document order: depth-first, which is also the order of the text. */
function orderUnits(roots: readonly Unit[]): Unit[] {
  const ordered: Unit[] = [];
  const visit = (unit: Unit) => {
    ordered.push(unit);
    unit.children.forEach(visit);
  };
  roots.forEach(visit);
  return ordered;
}

/** Sub-measures written inside an item's text or cell: "①深入开展…。②优化…". */
function splitInlineMeasures(text: string, units: Unit[]) {
  for (const unit of [...units]) {
    if (unit.style === 'circled' || unit.children.some((child) => child.style === 'circled')) continue;
    const own = text.slice(unit.start, unit.end);
    const markers = circledMarkersIn(own);
    const run: typeof markers = [];
    for (const marker of markers) if (marker.value === run.length + 1) run.push(marker);
    if (run.length === 0) continue;
    const measures: Unit[] = run.map((marker, n) => {
      const start = unit.start + marker.index + marker.key.length;
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- n + 1 < run.length
      const end = n + 1 < run.length ? unit.start + run[n + 1]!.index : unit.end;
      return {
        key: marker.key,
        pathKey: marker.key,
        style: 'circled',
        value: marker.value,
        parent: unit,
        children: [],
        start,
        end,
        headingEnd: end,
        closed: true,
        supplements: [],
      };
    });
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- run is not empty (checked above)
    unit.end = unit.start + run[0]!.index;
    unit.headingEnd = Math.min(unit.headingEnd, unit.end);
    // Measures come before any numbered children that follow the item's own text.
    unit.children.unshift(...measures);
    units.push(...measures);
  }
}
