/**
 * Scores what the pipeline makes of a real document against a reader's hand-checked expectations
 * (tests/fixtures/real/expected/*.json, format in tests/fixtures/real/ANNOTATION.md): metadata fields,
 * numbered units found with the right path, agency names and types, roles, targets and deadlines.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AGENCY_ROLES, AGENCY_TYPES, POLICY_STATUSES, TASK_KINDS } from '../../graph-schema/model.js';
import { IngestError, type LinkedDoc } from '../../ingest/document.js';

const expectedTarget = z.object({ text: z.string(), value: z.number().nullable().optional() }).loose();
const expectedUnit = z.object({
  path: z.string(),
  kind: z.enum(TASK_KINDS),
  startsWith: z.string(),
  agencies: z.array(z.object({ name: z.string(), type: z.enum(AGENCY_TYPES), role: z.enum(AGENCY_ROLES) })),
  targets: z.array(expectedTarget),
  deadlines: z.array(z.string()),
});
export const expectedDocument = z.object({
  file: z.string(),
  structured: z.boolean(),
  meta: z.object({
    title: z.string().nullable(),
    docNumber: z.string().nullable(),
    issuers: z.array(z.string()).nullable(),
    issuedOn: z.string().nullable(),
    status: z.enum(POLICY_STATUSES),
    jurisdictionId: z.string(),
  }),
  units: z.array(expectedUnit),
});
export type ExpectedDocument = z.infer<typeof expectedDocument>;

export function readExpected(path: string): ExpectedDocument {
  return expectedDocument.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Hits out of a total, for one measure over one or many documents. */
export interface Tally {
  hit: number;
  total: number;
}
export const ratio = ({ hit, total }: Tally) => (total === 0 ? 1 : hit / total);
const tally = (): Tally => ({ hit: 0, total: 0 });

export interface DocumentScore {
  file: string;
  /** Loaded when the reader found numbered provisions, refused when not. */
  loadedAsExpected: boolean;
  meta: Tally;
  metaMisses: string[];
  /** Expected units found at their path. */
  unitRecall: Tally;
  /** Units found that a reader also sees. */
  unitPrecision: Tally;
  /** Of the units found at their path, those whose text starts where the reader's does. */
  unitStart: Tally;
  /** Of the units found at their path, those of the reader's kind: a heading, a work item, a sub-measure. */
  unitKind: Tally;
  agencyRecall: Tally;
  agencyPrecision: Tally;
  /** Of the agencies found in both, those with the reader's type. */
  agencyType: Tally;
  role: Tally;
  targetRecall: Tally;
  targetPrecision: Tally;
  deadlineRecall: Tally;
  deadlinePrecision: Tally;
  missedPaths: string[];
  extraPaths: string[];
  /** "path: want section, got item" for each unit found at its path with another kind. */
  kindMisses: string[];
}

const squash = (text: string) => text.replace(/\s/gu, '');

/** Scores a processed document (or the error that refused it) against its expectations. */
export function scoreDocument(expected: ExpectedDocument, result: LinkedDoc | IngestError): DocumentScore {
  const score: DocumentScore = {
    file: expected.file,
    loadedAsExpected: expected.structured === !(result instanceof IngestError),
    meta: tally(),
    metaMisses: [],
    unitRecall: tally(),
    unitPrecision: tally(),
    unitStart: tally(),
    unitKind: tally(),
    agencyRecall: tally(),
    agencyPrecision: tally(),
    agencyType: tally(),
    role: tally(),
    targetRecall: tally(),
    targetPrecision: tally(),
    deadlineRecall: tally(),
    deadlinePrecision: tally(),
    missedPaths: [],
    extraPaths: [],
    kindMisses: [],
  };
  if (result instanceof IngestError) {
    score.unitRecall.total = expected.units.length;
    return score;
  }
  const { meta } = result;
  const fields: [string, string | null, string | null][] = [
    ['title', expected.meta.title ?? '', meta.title],
    ['docNumber', expected.meta.docNumber, meta.docNumber],
    ['issuer', expected.meta.issuers?.join('、') ?? null, meta.issuer],
    ['issuedOn', expected.meta.issuedOn, meta.issuedOn],
    ['status', expected.meta.status, meta.status],
    ['jurisdictionId', expected.meta.jurisdictionId, meta.jurisdictionId],
  ];
  for (const [field, want, got] of fields) {
    score.meta.total++;
    if (want === got) score.meta.hit++;
    else score.metaMisses.push(`${field}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }

  const tasks = new Map(result.tasks.map((task) => [task.path, task]));
  // A number printed twice gives two units the same printed path, both listed in document order; segment names
  // the second "path~2" (duplicate-path), and so the n-th of them is looked up.
  const seen = new Map<string, number>();
  const expectedUnits = expected.units.map((unit) => {
    const n = (seen.get(unit.path) ?? 0) + 1;
    seen.set(unit.path, n);
    return { unit, path: n === 1 ? unit.path : `${unit.path}~${n}` };
  });
  const expectedPaths = new Set(expectedUnits.map(({ path }) => path));
  for (const task of tasks.values()) {
    score.unitPrecision.total++;
    if (expectedPaths.has(task.path)) score.unitPrecision.hit++;
    else score.extraPaths.push(task.path);
  }
  for (const { unit, path } of expectedUnits) {
    score.unitRecall.total++;
    const task = tasks.get(path);
    if (!task) {
      score.missedPaths.push(path);
      continue;
    }
    score.unitRecall.hit++;
    score.unitStart.total++;
    if (squash(task.text).startsWith(squash(unit.startsWith))) score.unitStart.hit++;
    score.unitKind.total++;
    if (task.kind === unit.kind) score.unitKind.hit++;
    else score.kindMisses.push(`${path}: want ${unit.kind}, got ${task.kind}`);

    const found = task.agencies.map((mention) => ({
      name: mention.name,
      role: mention.role,
      type: result.agencies.get(`${task.path}\u0000${mention.name}`)?.type ?? 'OTHER',
    }));
    const foundNames = new Set(found.map((agency) => squash(agency.name)));
    const wantNames = new Set(unit.agencies.map((agency) => squash(agency.name)));
    score.agencyPrecision.total += foundNames.size;
    for (const name of foundNames) if (wantNames.has(name)) score.agencyPrecision.hit++;
    for (const want of unit.agencies) {
      score.agencyRecall.total++;
      const got = found.find((agency) => squash(agency.name) === squash(want.name));
      if (!got) continue;
      score.agencyRecall.hit++;
      score.agencyType.total++;
      if (got.type === want.type) score.agencyType.hit++;
      score.role.total++;
      if (got.role === want.role) score.role.hit++;
    }

    const values = task.targets.map((target) => target.value);
    score.targetPrecision.total += task.targets.length;
    const wantValues = unit.targets.map((target) => target.value ?? null);
    for (const value of values) if (wantValues.includes(value)) score.targetPrecision.hit++;
    for (const value of wantValues) {
      score.targetRecall.total++;
      if (values.includes(value)) score.targetRecall.hit++;
    }

    if (unit.deadlines.length > 0) {
      score.deadlineRecall.total++;
      if (task.deadline && unit.deadlines.includes(task.deadline.date)) score.deadlineRecall.hit++;
    }
    if (task.deadline) {
      score.deadlinePrecision.total++;
      if (unit.deadlines.includes(task.deadline.date)) score.deadlinePrecision.hit++;
    }
  }
  return score;
}

type TallyKey = { [K in keyof DocumentScore]: DocumentScore[K] extends Tally ? K : never }[keyof DocumentScore];
export const TALLIES: readonly TallyKey[] = [
  'meta',
  'unitRecall',
  'unitPrecision',
  'unitStart',
  'unitKind',
  'agencyRecall',
  'agencyPrecision',
  'agencyType',
  'role',
  'targetRecall',
  'targetPrecision',
  'deadlineRecall',
  'deadlinePrecision',
];

/** Sums every tally over documents. */
export function totalOf(scores: readonly DocumentScore[]): Record<TallyKey, Tally> {
  const total = Object.fromEntries(TALLIES.map((key) => [key, tally()])) as Record<TallyKey, Tally>;
  for (const score of scores) {
    for (const key of TALLIES) {
      total[key].hit += score[key].hit;
      total[key].total += score[key].total;
    }
  }
  return total;
}

/** Agency F1 from the summed recall and precision tallies (a name found with the reader's type). */
export function agencyTypeF1(total: Record<TallyKey, Tally>): number {
  const typed = total.agencyType.hit;
  const precision = total.agencyPrecision.total === 0 ? 1 : typed / total.agencyPrecision.total;
  const recall = total.agencyRecall.total === 0 ? 1 : typed / total.agencyRecall.total;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
