/**
 * @module POST /api/curation: a researcher's decision on one task → national item link, as JSON
 * `{ taskId, nationalItemId, decision: accept|reject|add, note, reviewer, taskMatch?, nationalMatch? }`.
 * The link in the store changes at once (reject deletes it; accept and add write it with
 * `curated: true`), and the decision is appended to the reviewed-links file in the same step, so
 * the next ingest applies it again. The rules are the ingest's own (`applyReviewedLinks`), run
 * on the stored task, so the API and a re-ingest cannot disagree.
 */
import { z } from 'zod';
import { relationships, type LinkEvidence } from '../../graph-schema/model.js';
import type { TaskLink } from '../../ingest/document.js';
import { applyReviewedLinks, reviewedLinkSchema, type ReviewedLink } from '../../ingest/link/reviewed-links.js';
import { curationQueries, ingestQueries, readQueries } from '../../store/queries/index.js';
import type { LinkRow } from '../../store/queries/read-queries.js';
import { BodyTooLarge, readBodyLimited } from '../read-body.js';
import { appendReviewedLink } from './reviewed-links-file.js';
import type { WriteContext } from './write-context.js';
import { refusal, WriteRefused, type WriteReply } from './write-reply.js';

const MAX_BODY_BYTES = 64 * 1024;

const curationRequest = z
  .object({
    taskId: z.string().min(1).max(500),
    nationalItemId: z.string().min(1).max(200),
    decision: reviewedLinkSchema.shape.decision,
    note: z.string().trim().min(1, 'must say why').max(2000),
    reviewer: z.string().trim().min(1, 'must name who decided').max(200),
    /** The phrase that finds the task on re-ingest; defaults to the task's whole text. */
    taskMatch: z.string().min(2).max(5000).optional(),
    /** For add: the national item's wording to cite as evidence. */
    nationalMatch: z.string().min(1).max(500).optional(),
  })
  .strict();

export type CurationRequest = z.infer<typeof curationRequest>;

async function parseRequest(request: Request): Promise<CurationRequest> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readBodyLimited(request, MAX_BODY_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new WriteRefused(refusal(413, 'PAYLOAD_TOO_LARGE', error.message));
    throw new WriteRefused(refusal(400, 'BAD_REQUEST', 'The body is not UTF-8 text.'));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WriteRefused(refusal(400, 'BAD_REQUEST', 'The body is not valid JSON.'));
  }
  const parsed = curationRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(body)';
    throw new WriteRefused(refusal(400, 'BAD_REQUEST', `Field "${field}": ${issue?.message ?? 'invalid'}.`));
  }
  return parsed.data;
}

/** A stored link's phrases, their texts cut from the task's text and the national item's (graph-schema/evidence-spans.ts). */
function storedEvidence(row: LinkRow, localText: string, itemTexts: ReadonlyMap<string, string>): LinkEvidence[] {
  const otherText = itemTexts.get(row.toId);
  try {
    return row.evidence && otherText !== undefined
      ? relationships.IMPLEMENTS.properties.evidence.decode(row.evidence, { localText, otherText })
      : [];
  } catch {
    return [];
  }
}

function asTaskLink(row: LinkRow, localText: string, itemTexts: ReadonlyMap<string, string>): TaskLink {
  return {
    taskPath: row.fromId,
    targetId: row.toId,
    relation: 'IMPLEMENTS',
    score: row.score,
    method: row.method,
    kind: row.kind,
    evidence: storedEvidence(row, localText, itemTexts),
    curated: row.curated,
  };
}

export async function handleCuration(request: Request, context: WriteContext): Promise<WriteReply> {
  const body = await parseRequest(request);
  const { linkContext } = await context.sourceContext();
  if (!linkContext.catalogue.items.some((item) => item.id === body.nationalItemId)) {
    return refusal(
      404,
      'UNKNOWN_NATIONAL_ITEM',
      `No national item "${body.nationalItemId}" in the catalogue; see the nationalItems query.`,
    );
  }
  const reply = await context.store.transaction(async (tx): Promise<WriteReply> => {
    const [task] = await tx.read(curationQueries.curationTask, { taskId: body.taskId });
    if (!task) throw new WriteRefused(refusal(404, 'UNKNOWN_TASK', `No task "${body.taskId}"; see the task and search queries.`));
    const taskMatch = body.taskMatch ?? task.text;
    if (!task.text.includes(taskMatch)) {
      throw new WriteRefused(
        refusal(422, 'TASK_MATCH_NOT_IN_TASK', `"taskMatch" must be a phrase of the task's text; "${taskMatch}" is not.`),
      );
    }
    const entry: ReviewedLink = {
      taskMatch,
      jurisdictionId: task.jurisdictionId,
      ...(task.docNumber ? { docNumber: task.docNumber } : {}),
      nationalItemId: body.nationalItemId,
      decision: body.decision,
      ...(body.nationalMatch ? { nationalMatch: body.nationalMatch } : {}),
      note: body.note,
      reviewer: body.reviewer,
      date: new Date().toISOString().slice(0, 10),
    };
    const storedRows = await tx.read(readQueries.implementsByTasks, { ids: [task.id] });
    // Kuzu crashes on an empty list parameter (see read-queries.ts).
    const items = storedRows.length > 0 ? await tx.read(readQueries.nationalItemsByIds, { ids: storedRows.map((row) => row.toId) }) : [];
    const itemTexts = new Map(items.map((item) => [item.id, item.text]));
    const stored = storedRows.map((row) => asTaskLink(row, task.text, itemTexts));
    const { links, messages } = applyReviewedLinks([{ path: task.id, text: task.text, span: { start: task.spanStart } }], stored, [entry], {
      catalogue: linkContext.catalogue,
      scope: { jurisdictionId: task.jurisdictionId, docNumber: task.docNumber },
    });
    const link = links.find((candidate) => candidate.targetId === body.nationalItemId) ?? null;
    const pair = { from: task.id, to: body.nationalItemId };
    const possible = await tx.read(curationQueries.possibleLinksOfTask, { taskId: task.id });
    const wasPossible = possible.some((row) => row.nationalItemId === body.nationalItemId);
    // A decision settles the pair: its possible link goes, whether the link is made or refused.
    if (wasPossible) await tx.write(curationQueries.deletePossibleLink, [pair]);
    if (body.decision === 'reject') {
      await tx.write(curationQueries.deleteImplementsLink, [pair]);
    } else if (link) {
      const { score, method, kind, evidence } = link;
      const encoded = relationships.IMPLEMENTS.properties.evidence.encode(evidence);
      await tx.write(ingestQueries.merge.IMPLEMENTS, [{ ...pair, score, method, kind, evidence: encoded, curated: true }]);
    } else {
      const reason = messages[0]?.message ?? 'no evidence for the link could be found in the two texts';
      throw new WriteRefused(refusal(422, 'NO_EVIDENCE', `${reason}; give "nationalMatch", wording that occurs in the national item.`));
    }
    // Last, so that a failure to record the decision rolls the store back with it.
    await appendReviewedLink(context.reviewedLinksFile, entry);
    const existed = stored.some((candidate) => candidate.targetId === body.nationalItemId);
    return {
      status: 200,
      body: {
        taskId: task.id,
        nationalItemId: body.nationalItemId,
        decision: body.decision,
        changed: body.decision === 'reject' ? existed || wasPossible : true,
        link:
          body.decision === 'reject' || !link
            ? null
            : { score: link.score, method: link.method, kind: link.kind, curated: true, evidence: link.evidence },
        recorded: entry,
      },
    };
  });
  // The reviewed links are reference data of the pipeline: the next upload must apply this decision.
  context.invalidate();
  return reply;
}
