/**
 * @module The typed document that flows through the ingest pipeline
 * read → normalise → segment → extract → resolve → link → load.
 * Each stage is a pure function `(doc, context) => doc` that fills in its part.
 */
import type { AgencyRole, AgencyType, LinkEvidence, LinkKind, LinkType, PolicyStatus, TaskKind } from '../graph-schema/model.js';
import type { Span } from '../graph-schema/payloads.js';

/** A problem found in a document, at a character offset of the source text. */
export interface IngestMessage {
  offset: number;
  code: string;
  message: string;
}

export type SourceFormat = 'txt' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'pdf' | 'html' | 'mht' | 'rtf' | 'csv' | 'xml-spreadsheet';

/** Output of `read`: the file as bytes and as decoded text. */
export interface SourceFile {
  path: string;
  sha256: string;
  byteLength: number;
  format: SourceFormat;
  /** e.g. utf-8, gb18030, utf-16le; "docx"/"pdf" for container formats. */
  encoding: string;
  /** Decoded text. All spans stored in the graph index into this string (Policy.text). */
  sourceText: string;
}

/**
 * Output of `normalise`: clean text plus a map back to the source.
 * `sourceOffsets[i]` is the offset in `sourceText` of `text[i]`; it has `text.length + 1`
 * entries so that an exclusive end maps too.
 */
export interface NormalisedText {
  text: string;
  sourceOffsets: number[];
}

export interface PolicyMeta {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  /** ISO date. */
  issuedOn: string | null;
  status: PolicyStatus;
  /** GB/T 2260 code of the issuing jurisdiction. */
  jurisdictionId: string;
  /** Years the title says the plan covers ("（2023—2025年）", "“十四五”"); null when it names none. */
  coversFrom: number | null;
  coversTo: number | null;
  /** Year the document speaks from, used to complete deadlines such as "8月底前". */
  year: number | null;
}

export interface AgencyMention {
  /** Name as printed, e.g. 市卫生计生委. */
  name: string;
  role: AgencyRole;
  /** Position in the printed list, 0-based. */
  position: number;
  /** Span in the normalised text. */
  span: Span | null;
}

export interface TargetMention {
  text: string;
  metric: string | null;
  /** '>=', '<=', '=', '>', '<', '+' (increase by), 'x' (multiple) */
  op: string | null;
  value: number | null;
  unit: string | null;
  /** Year or ISO date the target is due. */
  by: string | null;
  /** Span in the normalised text. */
  span: Span;
}

export interface Deadline {
  /** ISO date (last day of the period named). */
  date: string;
  text: string;
  /**
   * Where the date was read: the task's own wording ('item'), a table cell or roadmap row beside it
   * ('table'), or a milestone of the plan's schedule section (工作安排/实施步骤) that names it ('schedule').
   */
  source?: 'item' | 'table' | 'schedule';
}

/**
 * Text about a task that is not part of its wording: a table's 责任单位 cell ('agencies'), its 完成时限
 * cell ('deadline'), or a roadmap-table row restating the task ('roadmap'). Extract reads agencies and
 * deadlines from these as well as from the task's own text.
 */
export interface TaskSupplement {
  role: 'agencies' | 'deadline' | 'roadmap';
  /** The column header a table cell sits under, as printed (牵头单位, 配合单位, 责任单位 …). */
  label?: string;
  text: string;
  /** Span in the normalised text. */
  span: Span;
}

/** A numbered unit of the outline: a heading section, a work item or a sub-measure. */
export interface ParsedTask {
  /** Number as printed: "一、", "（一）", "1.", "①". */
  key: string;
  /** Normalised keys from the root joined by "/", unique within the document, e.g. "二/（一）/1". */
  path: string;
  parentPath: string | null;
  kind: TaskKind;
  depth: number;
  order: number;
  title: string;
  /** The task's own text (children excluded), normalised. */
  text: string;
  /** Span of the task's own text in the normalised text. */
  span: Span;
  agencies: AgencyMention[];
  targets: TargetMention[];
  deadline: Deadline | null;
  supplements: TaskSupplement[];
}

export interface Citation {
  title: string | null;
  docNumber: string | null;
  /** The basis statement as printed. */
  context: string;
  span: Span;
}

/** A canonical agency that mentions resolved to. */
export interface ResolvedAgency {
  id: string;
  name: string;
  nameEn: string;
  type: AgencyType;
  jurisdictionId: string;
  aliases: string[];
}

export interface TaskLink {
  taskPath: string;
  /** NationalItem id, or for DERIVES_FROM the id of the parent document's task. */
  targetId: string;
  relation: LinkType;
  score: number;
  method: string;
  kind: LinkKind;
  evidence: LinkEvidence[];
  curated: boolean;
}

export interface InboundLink extends Omit<TaskLink, 'taskPath' | 'targetId' | 'relation'> {
  fromTaskId: string;
  toTaskPath: string;
}

/**
 * The document after each stage. Each stage takes the previous stage's type and returns its own, so
 * running them out of order does not compile: read → normalise → segment → extract → resolve → link.
 */
export interface ReadDoc {
  source: SourceFile;
  /** Problems found so far, each at an offset of the source text (see `messageAt`). */
  messages: IngestMessage[];
}
export interface NormalisedDoc extends ReadDoc {
  normalised: NormalisedText;
}
export interface SegmentedDoc extends NormalisedDoc {
  meta: PolicyMeta;
  tasks: ParsedTask[];
}
export interface ExtractedDoc extends SegmentedDoc {
  citations: Citation[];
}
export interface ResolvedDoc extends ExtractedDoc {
  /** Agency mention name (as printed) → canonical agency, per task path: `${path}\u0000${name}`. */
  agencies: Map<string, ResolvedAgency>;
}
export interface LinkedDoc extends ResolvedDoc {
  links: TaskLink[];
  /** Candidates below the link threshold (see POSSIBLE_FLOOR in ingest/link/link-tasks.ts): not links. */
  possibleLinks?: { taskPath: string; targetId: string; score: number }[];
  /** DERIVES_FROM links into this document: a loaded child document's task id → one of this document's task paths. */
  inboundLinks?: InboundLink[];
}

/** A document at any stage, for code that reports on whatever is there (summaries, quality reports). */
export type IngestDoc = ReadDoc & Partial<Omit<LinkedDoc, keyof ReadDoc>>;

/** The source offset of an offset in the normalised text (an exclusive end maps too). */
export function sourceOffsetOf(normalised: NormalisedText, offset: number): number {
  return normalised.sourceOffsets[offset] ?? normalised.sourceOffsets.at(-1) ?? 0;
}

/**
 * A message at an offset of the normalised text, mapped back to the source here and nowhere else
 * (as vfile's `file.message(reason, place)`): every message a document keeps points into its file.
 */
export function messageAt(normalised: NormalisedText, code: string, message: string, offset: number): IngestMessage {
  return { offset: sourceOffsetOf(normalised, offset), code, message };
}

/** A problem that stops one document from loading. Names the file and the reason. */
export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly code: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IngestError';
  }
}
