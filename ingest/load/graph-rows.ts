/**
 * @module The pure half of loading: a finished document becomes the node and edge rows of the
 * graph, validated against graph-schema, with every span mapped back to the source text.
 */
import type { z } from 'zod';
import {
  edgeSchemas,
  nodeSchemas,
  relationships,
  rowAcceptors,
  type AgencyNode,
  type EdgeRow,
  type JurisdictionNode,
  type PolicyNode,
  type TargetNode,
  type TaskNode,
} from '../../graph-schema/model.js';
import type { Span } from '../../graph-schema/payloads.js';
import { textPartsOf, type TextParts } from '../../graph-schema/text-parts.js';
import { IngestError, sourceOffsetOf, type IngestMessage, type LinkedDoc, type TaskLink } from '../document.js';
import { ancestorsOf } from '../resolve/jurisdiction-registry.js';
import { stubPoliciesOf, type KnownDocument } from './cited-policies.js';
import { loadedPolicyIdOf, targetIdOf, taskIdOf } from './ids.js';

/** Any edge: its endpoints' ids. */
export type Edge = Pick<EdgeRow<'HAS_PART'>, 'from' | 'to'>;

export interface GraphRows {
  policy: PolicyNode;
  /** The document's decoded source text, which task spans index into, in the parts the store keeps it in. */
  text: TextParts;
  jurisdictions: JurisdictionNode[];
  jurisdictionParents: EdgeRow<'PART_OF'>[];
  tasks: TaskNode[];
  taskParts: EdgeRow<'HAS_PART'>[];
  agencies: AgencyNode[];
  agencyJurisdictions: EdgeRow<'BELONGS_TO'>[];
  responsible: EdgeRow<'RESPONSIBLE'>[];
  targets: TargetNode[];
  implementsLinks: EdgeRow<'IMPLEMENTS'>[];
  /** DERIVES_FROM links to a loaded parent document's tasks, and from a loaded child document's tasks. */
  derivesFromLinks: EdgeRow<'DERIVES_FROM'>[];
  possibleLinks: EdgeRow<'MAY_IMPLEMENT'>[];
  citedPolicies: PolicyNode[];
  cites: EdgeRow<'CITES'>[];
}

/**
 * An IMPLEMENTS or DERIVES_FROM edge; both carry the same link properties, so their rows have one
 * type (the callers, which push it into either list, stop compiling if the two ever differ).
 */
function linkEdge(
  from: string,
  to: string,
  { score, method, kind, evidence, curated }: Pick<TaskLink, 'score' | 'method' | 'kind' | 'evidence' | 'curated'>,
): EdgeRow<'IMPLEMENTS'> {
  return { from, to, score, method, kind, evidence: relationships.IMPLEMENTS.properties.evidence.encode(evidence), curated };
}

export function formatMessage({ offset, code, message }: IngestMessage): string {
  return `@${offset} ${code}: ${message}`;
}

/** Jurisdictions with their ancestors, each once. */
function withAncestors(ids: Iterable<string>): JurisdictionNode[] {
  const byId = new Map<string, JurisdictionNode>();
  for (const id of ids) for (const node of ancestorsOf(id)) byId.set(node.id, node);
  return [...byId.values()];
}

export interface RowOptions {
  /** Fingerprint of the file together with the reference data it was linked with. */
  ingestKey: string;
  /** National documents whose real numbers complete citations that lack one. @default [] */
  knownDocuments?: readonly KnownDocument[];
}

export function buildGraphRows(doc: LinkedDoc, { ingestKey, knownDocuments = [] }: RowOptions): GraphRows {
  const file = doc.source.path;
  const { normalised, meta, tasks: parsedTasks, agencies: resolved } = doc;
  const toSource = ({ start, end }: Span) => ({ start: sourceOffsetOf(normalised, start), end: sourceOffsetOf(normalised, end) });

  const policyId = loadedPolicyIdOf(meta, doc.source.sha256);
  const policy: PolicyNode = {
    id: policyId,
    title: meta.title,
    docNumber: meta.docNumber,
    issuer: meta.issuer,
    issuedOn: meta.issuedOn,
    status: meta.status,
    coversFrom: meta.coversFrom,
    coversTo: meta.coversTo,
    stub: false,
    sourceFile: file,
    sha256: doc.source.sha256,
    ingestKey,
    format: doc.source.format,
    encoding: doc.source.encoding,
    jurisdictionId: meta.jurisdictionId,
    warnings: doc.messages.map(formatMessage),
  };

  const taskIdByPath = new Map(parsedTasks.map((task) => [task.path, taskIdOf(policyId, task.path)]));
  const tasks: TaskNode[] = [];
  const taskParts: GraphRows['taskParts'] = [];
  const responsible: GraphRows['responsible'] = [];
  const targets: TargetNode[] = [];
  const agencies = new Map<string, AgencyNode>();

  for (const task of parsedTasks) {
    const id = taskIdByPath.get(task.path) as string;
    const parentId = task.parentPath ? (taskIdByPath.get(task.parentPath) ?? null) : null;
    const span = toSource(task.span);
    tasks.push({
      id,
      key: task.key,
      path: task.path,
      kind: task.kind,
      title: task.title,
      text: task.text,
      seq: task.order,
      depth: task.depth,
      spanStart: span.start,
      spanEnd: span.end,
      deadline: task.deadline?.date ?? null,
      deadlineText: task.deadline?.text ?? null,
      policyId,
      jurisdictionId: meta.jurisdictionId,
      parentId,
    });
    if (parentId) taskParts.push({ from: parentId, to: id });

    for (const mention of task.agencies) {
      const agency = resolved.get(`${task.path}\u0000${mention.name}`);
      if (!agency) continue;
      const known = agencies.get(agency.id);
      const aliases = new Set([...(known?.aliases ?? []), ...agency.aliases, mention.name]);
      agencies.set(agency.id, { ...agency, aliases: [...aliases].sort() });
      // One edge per (task, agency): the first role printed wins when a name repeats.
      if (!responsible.some((edge) => edge.from === id && edge.to === agency.id)) {
        responsible.push({ from: id, to: agency.id, role: mention.role, name: mention.name, position: mention.position });
      }
    }

    task.targets.forEach((target, index) => {
      const targetSpan = toSource(target.span);
      targets.push({
        id: targetIdOf(id, index),
        text: target.text,
        metric: target.metric,
        op: target.op,
        value: target.value,
        unit: target.unit,
        by: target.by,
        taskId: id,
        spanStart: targetSpan.start,
        spanEnd: targetSpan.end,
      });
    });
  }

  const implementsLinks: GraphRows['implementsLinks'] = [];
  const derivesFromLinks: GraphRows['derivesFromLinks'] = [];
  for (const link of doc.links) {
    const from = taskIdByPath.get(link.taskPath);
    if (!from) continue;
    (link.relation === 'IMPLEMENTS' ? implementsLinks : derivesFromLinks).push(linkEdge(from, link.targetId, link));
  }

  const possibleLinks = (doc.possibleLinks ?? []).flatMap(({ taskPath, targetId, score }) => {
    const from = taskIdByPath.get(taskPath);
    return from ? [{ from, to: targetId, score }] : [];
  });

  for (const link of doc.inboundLinks ?? []) {
    const to = taskIdByPath.get(link.toTaskPath);
    if (!to) continue;
    derivesFromLinks.push(linkEdge(link.fromTaskId, to, link));
  }

  const citedPolicies: PolicyNode[] = [];
  const cites: GraphRows['cites'] = [];
  for (const citation of doc.citations) {
    for (const stub of stubPoliciesOf(citation, meta.jurisdictionId, knownDocuments)) {
      if (stub.id === policyId || cites.some((edge) => edge.to === stub.id)) continue;
      citedPolicies.push(stub);
      cites.push({ from: policyId, to: stub.id, context: citation.context });
    }
  }

  const agencyList = [...agencies.values()];
  const jurisdictions = withAncestors(
    [
      meta.jurisdictionId,
      ...agencyList.map((agency) => agency.jurisdictionId),
      ...citedPolicies.map((stub) => stub.jurisdictionId ?? ''),
    ].filter(Boolean),
  );

  const rows: GraphRows = {
    policy,
    text: textPartsOf(policyId, doc.source.sourceText),
    jurisdictions,
    jurisdictionParents: jurisdictions.flatMap((node) => (node.parentId ? [{ from: node.id, to: node.parentId }] : [])),
    tasks,
    taskParts,
    agencies: agencyList,
    agencyJurisdictions: agencyList.map((agency) => ({ from: agency.id, to: agency.jurisdictionId })),
    responsible,
    targets,
    implementsLinks,
    derivesFromLinks,
    possibleLinks,
    citedPolicies,
    cites,
  };
  validateRows(rows, file);
  return rows;
}

/** The first problem of a row against its schema, as `path: message`. */
function problemOf(schema: z.ZodType, row: unknown): string | null {
  const result = schema.safeParse(row);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unknown'}`;
}

/** Node and edge rows are checked against graph-schema before anything is written; zod names the problem of a row refused. */
export function validateRows(rows: GraphRows, file: string): void {
  const nodeChecks: [keyof typeof nodeSchemas, readonly unknown[]][] = [
    ['Policy', [rows.policy, ...rows.citedPolicies]],
    ['Jurisdiction', rows.jurisdictions],
    ['Task', rows.tasks],
    ['Agency', rows.agencies],
    ['Target', rows.targets],
    ['PolicyTextPart', rows.text.parts],
  ];
  const edgeChecks: [keyof typeof edgeSchemas, readonly unknown[]][] = [
    ['PART_OF', rows.jurisdictionParents],
    ['HAS_PART', rows.taskParts],
    ['BELONGS_TO', rows.agencyJurisdictions],
    ['RESPONSIBLE', rows.responsible],
    ['IMPLEMENTS', rows.implementsLinks],
    ['DERIVES_FROM', rows.derivesFromLinks],
    ['MAY_IMPLEMENT', rows.possibleLinks],
    ['CITES', rows.cites],
  ];
  for (const [label, values] of nodeChecks) {
    const accepts = rowAcceptors[label];
    for (const value of values) {
      if (accepts(value)) continue;
      const problem = problemOf(nodeSchemas[label], value);
      if (problem) throw new IngestError(file, `invalid ${label} ${problem}`, 'INVALID_ROW');
    }
  }
  for (const [type, values] of edgeChecks) {
    const accepts = rowAcceptors[type];
    for (const value of values) {
      if (accepts(value)) continue;
      const problem = problemOf(edgeSchemas[type], value);
      if (problem) {
        const { from, to } = value as Partial<Edge>;
        throw new IngestError(file, `invalid ${type} edge ${String(from)} → ${String(to)} ${problem}`, 'INVALID_ROW');
      }
    }
  }
}
