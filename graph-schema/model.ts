/**
 * @module The graph's shape, declared once: node labels and relationship types with their
 * endpoints and properties. Kuzu DDL, Neo4j constraints, GraphQL object types, the row types
 * and validators of nodes and edges, and the write queries' row types are derived from these
 * declarations.
 */
import type { z } from 'zod';
import { evidenceSpansProperty } from './evidence-spans.js';
import { prop, rowAcceptorOf, zodObjectOf, type PropertyMap, type StorageType, type ZodShapeOf } from './properties.js';

export type { LinkEvidence } from './payloads.js';

export const JURISDICTION_LEVELS = ['national', 'province', 'city', 'county'] as const;
export const POLICY_STATUSES = ['draft', 'final'] as const;
/** section = a heading such as "一、…" that groups items; item = a numbered work item; measure = a ①② sub-measure or a row below an item. */
export const TASK_KINDS = ['section', 'item', 'measure'] as const;
/**
 * Roles exactly as a document states them: lead = marked 牵头 (or first-listed under a stated rule such as
 * "列第一位的为牵头单位"); support = 配合/协同 (or listed after the lead under such a rule); participate = 参与;
 * responsible = named responsible (责任单位：A、B; A、B负责) where the document ranks nobody.
 */
export const AGENCY_ROLES = ['lead', 'support', 'participate', 'responsible'] as const;
export const LINK_KINDS = ['verbatim', 'adapted', 'paraphrase', 'inherited', 'measures'] as const;
export const AGENCY_TYPES = [
  'GOVERNMENT',
  'HEALTH',
  'MEDICAL_INSURANCE',
  'FINANCE',
  'HRSS',
  'MARKET_REGULATION',
  'DEVELOPMENT_REFORM',
  'STAFFING_OFFICE',
  'TCM_ADMIN',
  'CIVIL_AFFAIRS',
  'EDUCATION',
  'PUBLIC_SECURITY',
  'JUSTICE',
  'AUDIT',
  'NATURAL_RESOURCES',
  'HOUSING',
  'AGRICULTURE',
  'COMMERCE',
  'INDUSTRY_IT',
  'TAXATION',
  'STATISTICS',
  'ECOLOGY',
  'SCIENCE_TECH',
  'VETERANS',
  'EMERGENCY',
  'DISEASE_CONTROL',
  'DRUG_REGULATION',
  'BIG_DATA',
  'DISCIPLINE',
  'PARTY_ORGANIZATION',
  'PARTY_PUBLICITY',
  'GOVERNMENT_OFFICE',
  'REFORM_OFFICE',
  'SOCIAL_ORGANIZATION',
  'HOSPITAL',
  'LOWER_GOVS',
  'CULTURE_TOURISM',
  'SPORTS',
  'FINANCIAL_REGULATION',
  'ADMIN_APPROVAL',
  'RURAL_REVITALIZATION',
  'ETHNIC_RELIGIOUS',
  'WATER',
  'FORESTRY',
  'TRANSPORT',
  'MEDIA',
  'EPIDEMIC_COMMAND',
  'ZONE_COMMITTEE',
  'PARTY_WORK_COMMITTEE',
  'PEOPLES_ORGANIZATION',
  'OTHER_DEPARTMENTS',
  'ZONE_BUREAU',
  'OTHER',
] as const;

export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export type TaskKind = (typeof TASK_KINDS)[number];
export type AgencyRole = (typeof AGENCY_ROLES)[number];
export type LinkKind = (typeof LINK_KINDS)[number];
export type AgencyType = (typeof AGENCY_TYPES)[number];

export interface NodeSpec<P extends PropertyMap = PropertyMap> {
  readonly description: string;
  readonly properties: P;
  /** Properties worth an index beyond the primary key `id`. */
  readonly indexed: readonly (keyof P & string)[];
  /** How the store keeps another node's data, not part of the API's graph: no GraphQL type, no export of its own. */
  readonly storageOnly?: boolean;
}

export interface RelSpec<P extends PropertyMap = PropertyMap> {
  readonly description: string;
  readonly from: NodeLabel;
  readonly to: NodeLabel;
  readonly properties: P;
  /**
   * Millions of these edges end in a few thousand nodes (national items, agencies, cited
   * documents). Kuzu keeps a table's edges in adjacency lists per node group (131,072 nodes) of
   * either end, and each bulk commit rewrites the lists of every group it touched whole: the
   * backward lists of so few nodes are one group as large as the table. Such a relationship is
   * stored forward only. A read from its target scans the forward lists, and a server answers
   * those reads from the rows it keeps (store/queries/lookups.ts). Kuzu cannot DETACH DELETE a node
   * of the target's table then, so only nodes never deleted qualify: not tasks, which a revised
   * edition replaces (DERIVES_FROM). Neo4j stores both directions whatever is declared.
   */
  readonly intoFewNodes?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- StorageOnly keeps `storageOnly` literal in the result, for GraphLabel.
const node = <P extends PropertyMap, StorageOnly extends boolean = false>(spec: NodeSpec<P> & { readonly storageOnly?: StorageOnly }) =>
  spec;

export const nodes = {
  Jurisdiction: node({
    description: 'An administrative area; id is its GB/T 2260 code (000000 for the nation).',
    properties: {
      id: prop.id('GB/T 2260 administrative division code'),
      name: prop.string('Chinese name, e.g. 三明市'),
      nameEn: prop.string('English name, e.g. Sanming City'),
      level: prop.enumOf(JURISDICTION_LEVELS, 'JurisdictionLevel', 'national, province, city or county'),
      parentId: prop.optional.string('Code of the enclosing jurisdiction', { internal: true }),
    },
    indexed: [],
  }),
  Policy: node({
    description: 'A policy document, loaded from a file or known only as a citation (stub).',
    properties: {
      id: prop.id(),
      title: prop.string('Title of the plan itself, not of its cover letter'),
      docNumber: prop.optional.string('Document number as printed, e.g. 资府发〔2017〕23号'),
      issuer: prop.optional.string('Issuing body'),
      issuedOn: prop.optional.date('Issue date (ISO 8601)'),
      status: prop.enumOf(POLICY_STATUSES, 'PolicyStatus', 'draft (征求意见稿) or final'),
      coversFrom: prop.optional.int('First year the title says the plan covers (（2023—2025年）, “十四五”, 2024年…任务)'),
      coversTo: prop.optional.int('Last year the title says the plan covers'),
      stub: prop.boolean('True when the document is only known from a citation'),
      sourceFile: prop.optional.string('File the document was read from'),
      sha256: prop.optional.string('sha256 of the file bytes'),
      ingestKey: prop.optional.string('sha256 of the file and of the data it was linked with; equal keys mean nothing to redo', {
        internal: true,
      }),
      format: prop.optional.string('txt, docx, pdf or html', { internal: true }),
      encoding: prop.optional.string('Detected text encoding of the file', { internal: true }),
      jurisdictionId: prop.optional.string('Issuing jurisdiction code', { internal: true }),
      warnings: prop.strings('Normalisation and extraction warnings, each "@offset code: message"'),
    },
    indexed: ['docNumber', 'jurisdictionId', 'sha256', 'ingestKey'],
  }),
  Task: node({
    description: 'A numbered work item, its heading section, or a sub-measure.',
    properties: {
      id: prop.id(),
      key: prop.string('Number as printed, e.g. （一） or ①'),
      path: prop.string('Keys from the top of the outline, joined by "/"'),
      kind: prop.enumOf(TASK_KINDS, 'TaskKind', 'section, item or measure'),
      title: prop.string('First sentence or heading'),
      text: prop.string('Normalised full text of the task itself (without its children)'),
      seq: prop.int('Position in the document (exposed as GraphQL "order"; ORDER is a Cypher keyword)', { internal: true }),
      depth: prop.int('Outline depth, 0 for top level'),
      spanStart: prop.int('Start offset in Policy.text', { internal: true }),
      spanEnd: prop.int('End offset (exclusive) in Policy.text', { internal: true }),
      deadline: prop.optional.date('Deadline normalised to a date'),
      deadlineText: prop.optional.string('Deadline as printed'),
      policyId: prop.string('Owning policy', { internal: true }),
      jurisdictionId: prop.string('Jurisdiction of the owning policy', { internal: true }),
      parentId: prop.optional.string('Enclosing task', { internal: true }),
    },
    indexed: ['policyId', 'jurisdictionId'],
  }),
  Agency: node({
    description: 'A canonical government body, scoped to its jurisdiction.',
    properties: {
      id: prop.id(),
      name: prop.string('Canonical Chinese name'),
      nameEn: prop.string('English name'),
      type: prop.enumOf(AGENCY_TYPES, 'AgencyType', 'Functional type'),
      jurisdictionId: prop.string('Jurisdiction the body belongs to', { internal: true }),
      aliases: prop.strings('Names under which the body is printed'),
    },
    indexed: ['jurisdictionId', 'type'],
  }),
  Target: node({
    description: 'A quantified goal of a task.',
    properties: {
      id: prop.id(),
      text: prop.string('Target as printed'),
      metric: prop.optional.string('What is measured'),
      op: prop.optional.string('Comparator: >=, <=, =, >, <, +, x'),
      value: prop.optional.float('Number'),
      unit: prop.optional.string('Unit, e.g. %, 台, 万人, 元'),
      by: prop.optional.string('Year or date the target is due'),
      taskId: prop.string('Owning task', { internal: true }),
      spanStart: prop.int('Start offset in Policy.text', { internal: true }),
      spanEnd: prop.int('End offset in Policy.text', { internal: true }),
    },
    indexed: ['taskId'],
  }),
  /**
   * A policy's source text is kept in consecutive parts (graph-schema/text-parts.ts), read in order
   * through HAS_TEXT_PART. Kuzu keeps a column's values in chunks of 131,072 rows and a commit
   * appending to a table rewrites its last chunk whole: with every document's text in one column
   * of the policies (all in one chunk up to 131,072 documents, 634 MB at 30,000), each batch of a
   * bulk load rewrote all the texts loaded so far (8–15 s and 2 GB at 30,000 documents). Short
   * parts bound the chunk a commit rewrites.
   */
  PolicyTextPart: node({
    description: "A consecutive part of a policy's decoded source text.",
    properties: {
      id: prop.id(),
      seq: prop.int('Position of the part in the text, from 0'),
      text: prop.string('The part of the text'),
    },
    indexed: [],
    storageOnly: true,
  }),
  NationalItem: node({
    description: 'An item of the national reform framework.',
    properties: {
      id: prop.id(),
      titleZh: prop.string('Chinese title'),
      titleEn: prop.string('English title'),
      text: prop.string('Chinese wording of the item (quotation or summary) that evidence spans index into'),
      pillar: prop.string('Pillar id the item belongs to'),
      pillarZh: prop.string('Chinese pillar name'),
      pillarEn: prop.string('English pillar name'),
      keywords: prop.strings('Keywords and synonyms used by the linker'),
      source: prop.optional.string('National document and item the title comes from'),
      sourceUnconfirmed: prop.strings(
        'Fields of the source document (docNumber, title, issuer, year) that no published text has confirmed; empty when all are, or when no source is named',
      ),
      titleIsSummary: prop.boolean('True when the title is our own summary, not a quotation'),
    },
    indexed: ['pillar'],
  }),
} as const;

export type NodeLabel = keyof typeof nodes;
/** The labels of the graph the API shows: all but the store's own (storageOnly). */
export type GraphLabel = { [L in NodeLabel]: (typeof nodes)[L] extends { readonly storageOnly?: true } ? never : L }[NodeLabel];

/** The properties of both link types (IMPLEMENTS, DERIVES_FROM), also the fields of the API's link types. */
export const linkProperties = {
  score: prop.float('Confidence in [0, 1].'),
  method: prop.string('What produced the link.'),
  kind: prop.enumOf(
    LINK_KINDS,
    'LinkKind',
    "How the task's wording follows the other side's: verbatim (a long stretch copied), adapted (the key wording kept, the rest rewritten), paraphrase (only synonyms or abbreviations in common), inherited (the task's own wording names nothing of the item: the link is taken from the task it is numbered under, or from the subject of the document's title, and cites no spans), or measures (the task's own wording names nothing of the item, which a sub-measure numbered under it takes up: the link is that measure's, and cites no spans).",
  ),
  evidence: evidenceSpansProperty('Matched phrases with spans on both sides.'),
  curated: prop.boolean('True when set by the reviewed-links file.'),
};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- From and To keep the endpoints literal in the result, for GraphRelType.
const rel = <P extends PropertyMap, From extends NodeLabel, To extends NodeLabel>(
  spec: RelSpec<P> & { readonly from: From; readonly to: To },
) => spec;

export const relationships = {
  PART_OF: rel({ description: 'Jurisdiction inside its parent', from: 'Jurisdiction', to: 'Jurisdiction', properties: {} }),
  ISSUED_IN: rel({ description: 'Policy issued by a jurisdiction', from: 'Policy', to: 'Jurisdiction', properties: {} }),
  HAS_TEXT_PART: rel({ description: 'Policy text part, in order of seq', from: 'Policy', to: 'PolicyTextPart', properties: {} }),
  HAS_TASK: rel({ description: 'Policy contains the task', from: 'Policy', to: 'Task', properties: {} }),
  HAS_PART: rel({ description: 'Task contains the sub-task', from: 'Task', to: 'Task', properties: {} }),
  RESPONSIBLE: rel({
    description: 'Agency responsible for a task, with its role',
    from: 'Task',
    to: 'Agency',
    intoFewNodes: true,
    properties: {
      role: prop.enumOf(
        AGENCY_ROLES,
        'AgencyRole',
        'Role as the document states it: lead (牵头, or first-listed under a stated rule such as 列第一位的为牵头单位), support (配合/协同), participate (参与), or responsible (named responsible where the document ranks nobody).',
      ),
      name: prop.string('Name as printed in the task.'),
      position: prop.int('Position in the printed list, 0-based.'),
    },
  }),
  BELONGS_TO: rel({ description: 'Agency of a jurisdiction', from: 'Agency', to: 'Jurisdiction', properties: {} }),
  HAS_TARGET: rel({ description: 'Quantified target of a task', from: 'Task', to: 'Target', properties: {} }),
  IMPLEMENTS: rel({
    description: 'Task implements a national item',
    from: 'Task',
    to: 'NationalItem',
    properties: linkProperties,
    intoFewNodes: true,
  }),
  DERIVES_FROM: rel({ description: 'Task implements a task of a parent document', from: 'Task', to: 'Task', properties: linkProperties }),
  MAY_IMPLEMENT: rel({
    description:
      'Task has evidence for a national item that scored below the link threshold, at least POSSIBLE_FLOOR: not a link, but what a coverage cell with no link reads as POSSIBLE from',
    from: 'Task',
    to: 'NationalItem',
    properties: { score: prop.float('The calibrated score the link would have had, in [0, 1).') },
    intoFewNodes: true,
  }),
  CITES: rel({
    description: 'Policy cites another as its basis',
    from: 'Policy',
    to: 'Policy',
    properties: { context: prop.string('The basis statement as printed') },
    intoFewNodes: true,
  }),
} as const;

export type RelType = keyof typeof relationships;
/** The relationship types of the graph the API shows: those between its labels. */
export type GraphRelType = {
  [R in RelType]: (typeof relationships)[R] extends { readonly from: GraphLabel; readonly to: GraphLabel } ? R : never;
}[RelType];

const isGraphLabel = (label: NodeLabel): label is GraphLabel => !nodes[label].storageOnly;
export const GRAPH_LABELS: readonly GraphLabel[] = (Object.keys(nodes) as NodeLabel[]).filter(isGraphLabel);
export const GRAPH_REL_TYPES = (Object.keys(relationships) as RelType[]).filter(
  (type): type is GraphRelType => isGraphLabel(relationships[type].from) && isGraphLabel(relationships[type].to),
) as readonly GraphRelType[];

/** The relationships that link a task upward, with `linkProperties`: to a national item, or to a task of a parent document. */
export const LINK_TYPES = ['IMPLEMENTS', 'DERIVES_FROM'] as const satisfies readonly RelType[];
export type LinkType = (typeof LINK_TYPES)[number];

type NodeProps<L extends NodeLabel> = (typeof nodes)[L]['properties'];
type RelProps<R extends RelType> = (typeof relationships)[R]['properties'];

/** An edge row names its endpoints by id, then carries the relationship's properties. */
const endpoints = { from: prop.id('Id of the start node'), to: prop.id('Id of the end node') };

/** Validators of node rows as stored, by label. */
export const nodeSchemas = Object.fromEntries(Object.entries(nodes).map(([label, spec]) => [label, zodObjectOf(spec.properties)])) as {
  [L in NodeLabel]: ReturnType<typeof zodObjectOf<NodeProps<L>>>;
};

/** Validators of edge rows as written (`from`, `to` and the properties), by type. */
export const edgeSchemas = Object.fromEntries(
  Object.entries(relationships).map(([type, spec]) => [type, zodObjectOf({ ...endpoints, ...spec.properties })]),
) as unknown as { [R in RelType]: z.ZodObject<ZodShapeOf<typeof endpoints> & ZodShapeOf<RelProps<R>>> };

/** nodeSchemas and edgeSchemas without zod, by table: true only for rows they accept (see PropertySpec.accepts). */
export const rowAcceptors = Object.fromEntries([
  ...Object.entries(nodes).map(([label, spec]) => [label, rowAcceptorOf(spec.properties)]),
  ...Object.entries(relationships).map(([type, spec]) => [type, rowAcceptorOf({ ...endpoints, ...spec.properties })]),
]) as Record<NodeLabel | RelType, (row: unknown) => boolean>;

/** A node row as stored: a payload property holds its JSON text. */
export type NodeRow<L extends NodeLabel> = z.infer<(typeof nodeSchemas)[L]>;
/** An edge row as written: the endpoints' ids and the relationship's properties as stored. */
export type EdgeRow<R extends RelType> = z.infer<(typeof edgeSchemas)[R]>;

/** A table of the graph: a node label or a relationship type. */
export type Table = NodeLabel | RelType;
/** The row of a table as written. */
export type RowOf<T extends Table> = T extends NodeLabel ? NodeRow<T> : T extends RelType ? EdgeRow<T> : never;

/** The storage type of every column of a row, for a write query (see store/queries/define.ts). */
export type RowStorageTypes<Row> = { readonly [K in keyof Row]-?: StorageType };

function storageTypesOf<P extends PropertyMap>(properties: P): RowStorageTypes<{ [K in keyof P]: unknown }> {
  return Object.fromEntries(Object.entries(properties).map(([name, spec]) => [name, spec.storage])) as RowStorageTypes<{
    [K in keyof P]: unknown;
  }>;
}

export function nodeStorageTypes<L extends NodeLabel>(label: L): RowStorageTypes<NodeRow<L>> {
  return storageTypesOf(nodes[label].properties) as unknown as RowStorageTypes<NodeRow<L>>;
}

export function edgeStorageTypes<R extends RelType>(type: R): RowStorageTypes<EdgeRow<R>> {
  return storageTypesOf({ ...endpoints, ...relationships[type].properties }) as unknown as RowStorageTypes<EdgeRow<R>>;
}

export type JurisdictionNode = NodeRow<'Jurisdiction'>;
export type PolicyNode = NodeRow<'Policy'>;
export type TaskNode = NodeRow<'Task'>;
export type AgencyNode = NodeRow<'Agency'>;
export type TargetNode = NodeRow<'Target'>;
export type NationalItemNode = NodeRow<'NationalItem'>;
