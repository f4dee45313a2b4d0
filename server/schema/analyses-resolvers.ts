/**
 * @module Resolvers of the research analyses: instruments are coded at query time from a task's
 * text (memoised by text in the shared coder), text reuse is aligned at query time from the
 * documents' texts (the last few pairs kept).
 */
import { z } from 'zod';
import type { TaskNode } from '../../graph-schema/model.js';
import { sharedInstrumentCoder, type InstrumentUse } from '../../ingest/analyse/instruments/index.js';
import { alignTexts, type AlignedPassage, type TextReuse } from '../../ingest/analyse/text-reuse/align-texts.js';
import { readQueries } from '../../store/queries/index.js';
import type { LinkRow } from '../../store/queries/read-queries.js';
import { buildInstrumentMatrix, type InstrumentMatrixData } from '../analysis/instrument-matrix.js';
import { bestTaskAlignment, type AlignmentSource, type TaskAlignmentData } from '../analysis/task-alignment.js';
import type { ApiContext } from '../context/request-context.js';
import { badUserInput, parseArgs } from './args.js';

type Args = Record<string, unknown>;

const policyId = z.string().trim().min(1, 'must not be empty').max(200, 'is too long');
const argSchemas = {
  instrumentMatrix: z.object({
    jurisdictionId: z
      .string()
      .regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code such as 350400')
      .nullish(),
  }),
  textReuse: z.object({ policyA: policyId, policyB: policyId }),
};

/** Parent documents aligned with a task at most: a task derives from few. */
const MAX_PARENT_POLICIES = 5;

const upper = (type: string) => type.toUpperCase();

function subTypeView(entry: ReturnType<typeof sharedInstrumentCoder>['codebook']['subTypes'][number]) {
  return { ...entry, type: upper(entry.type) };
}

function useView(use: InstrumentUse) {
  return { ...use, type: upper(use.type) };
}

function passageView(passage: AlignedPassage) {
  return {
    spanA: passage.a,
    spanB: passage.b,
    textA: passage.aText,
    textB: passage.bText,
    score: passage.score,
    identity: passage.identity,
    segments: passage.segments.map((segment) => ({
      kind: upper(segment.kind),
      spanA: segment.a,
      spanB: segment.b,
      textA: segment.aText,
      textB: segment.bText,
    })),
  };
}

/**
 * The matrix over every jurisdiction, with the version of the kept graph it was built at
 * (server/context/kept-graph.ts): a national store's 200,000 tasks are coded once per version of the
 * graph. Not kept where the graph is not (another process may write it).
 */
const everyJurisdictionMatrix = new WeakMap<object, { version: number; matrix: InstrumentMatrixData }>();

function matrixView(matrix: InstrumentMatrixData, jurisdiction: unknown) {
  return { ...matrix, jurisdiction, subTypes: matrix.subTypes.map(subTypeView), reformAreas: matrix.pillars };
}

/** The last pairs of documents aligned, with the texts they were aligned from (a re-ingest changes them). */
const recentReuse: { key: string; textA: string; textB: string; reuse: TextReuse }[] = [];

function reuseOf(key: string, textA: string, textB: string): TextReuse {
  const known = recentReuse.find((entry) => entry.key === key && entry.textA === textA && entry.textB === textB);
  if (known) return known.reuse;
  const reuse = alignTexts(textA, textB);
  recentReuse.unshift({ key, textA, textB, reuse });
  recentReuse.length = Math.min(recentReuse.length, 8);
  return reuse;
}

async function alignmentSources(task: TaskNode, ctx: ApiContext): Promise<AlignmentSource[]> {
  const [derivesFrom, cites, implementsLinks] = await Promise.all([
    ctx.loaders.derivesFromOfTask.load(task.id),
    ctx.loaders.cites.load(task.policyId),
    ctx.loaders.implementsOfTask.load(task.id),
  ]);
  const parentTasks = await ctx.loaders.task.loadMany(derivesFrom.map((link) => link.toId));
  const parentPolicyIds = [
    ...new Set([
      ...parentTasks.flatMap((parent) => (parent && !(parent instanceof Error) ? [parent.policyId] : [])),
      ...cites.map((row) => row.toId),
    ]),
  ]
    .filter((id) => id !== task.policyId)
    .slice(0, MAX_PARENT_POLICIES);
  const [texts, items] = await Promise.all([
    ctx.loaders.policyText.loadMany(parentPolicyIds),
    ctx.loaders.nationalItem.loadMany(implementsLinks.map((link) => link.toId)),
  ]);
  const sources: AlignmentSource[] = [];
  parentPolicyIds.forEach((id, n) => {
    const text = texts[n];
    if (typeof text === 'string' && text.length > 0) sources.push({ kind: 'policy', id, text });
  });
  for (const item of items) {
    if (item && !(item instanceof Error)) sources.push({ kind: 'nationalItem', id: item.id, text: item.text });
  }
  return sources;
}

/** A derivation's child task aligned with its parent task (both short: aligned on each ask). */
async function derivationAlignment(link: LinkRow, ctx: ApiContext): Promise<TaskAlignmentData | null> {
  const [child, parent] = await Promise.all([ctx.loaders.task.load(link.fromId), ctx.loaders.task.load(link.toId)]);
  if (!child || !parent) return null;
  return bestTaskAlignment(child.text, [{ kind: 'policy', id: parent.policyId, text: parent.text }]);
}

export const analysesResolvers = {
  Query: {
    instrumentCodebook: () => sharedInstrumentCoder().codebook.subTypes.map(subTypeView),

    async instrumentMatrix(_: unknown, args: Args, ctx: ApiContext) {
      const { jurisdictionId } = parseArgs(argSchemas.instrumentMatrix, args);
      const { codebook, coder } = sharedInstrumentCoder();
      const nationalItems = await ctx.store.read(readQueries.allNationalItems);
      if (!jurisdictionId) {
        const version = ctx.changes?.version ?? null;
        const last = ctx.changes && everyJurisdictionMatrix.get(ctx.changes);
        if (last?.version === version) return matrixView(last.matrix, null);
        const [tasks, links] = await Promise.all([ctx.store.read(readQueries.allTasks), ctx.store.read(readQueries.allCoverageTriples)]);
        const matrix = buildInstrumentMatrix({ tasks, links, nationalItems, codebook, coder });
        if (ctx.changes && version !== null) everyJurisdictionMatrix.set(ctx.changes, { version, matrix });
        return matrixView(matrix, null);
      }
      const jurisdiction = await ctx.loaders.jurisdiction.load(jurisdictionId);
      if (!jurisdiction) {
        throw badUserInput(
          `Unknown jurisdiction "${jurisdictionId}": see the jurisdictions query for the codes in the graph.`,
          'jurisdictionId',
        );
      }
      const policies = await ctx.loaders.policiesOfJurisdiction.load(jurisdictionId);
      const lists = await ctx.loaders.tasksOfPolicy.loadMany(policies.map((policy) => policy.id));
      const tasks = lists.flatMap((list) => (Array.isArray(list) ? list : []));
      const links = await ctx.store.read(readQueries.coverageTriples, { ids: [jurisdictionId] });
      return matrixView(buildInstrumentMatrix({ tasks, links, nationalItems, codebook, coder }), jurisdiction);
    },

    async textReuse(_: unknown, args: Args, ctx: ApiContext) {
      const { policyA, policyB } = parseArgs(argSchemas.textReuse, args);
      const [a, b] = await Promise.all([ctx.loaders.policy.load(policyA), ctx.loaders.policy.load(policyB)]);
      if (!a) throw badUserInput(`Unknown policy "${policyA}": see the policies query for the ids in the graph.`, 'policyA');
      if (!b) throw badUserInput(`Unknown policy "${policyB}": see the policies query for the ids in the graph.`, 'policyB');
      const [textA, textB] = await Promise.all([ctx.loaders.policyText.load(policyA), ctx.loaders.policyText.load(policyB)]);
      if (!textA) throw badUserInput(`Policy "${policyA}" has no text (a citation stub): there is nothing to align.`, 'policyA');
      if (!textB) throw badUserInput(`Policy "${policyB}" has no text (a citation stub): there is nothing to align.`, 'policyB');
      const reuse = reuseOf(`${policyA}\u0000${policyB}`, textA, textB);
      return { policyA: a, policyB: b, passages: reuse.passages.map(passageView), shareA: reuse.shareA, shareB: reuse.shareB };
    },
  },

  Task: {
    instruments: (task: TaskNode) => sharedInstrumentCoder().coder.code(task.text).map(useView),
    async bestAlignment(task: TaskNode, _args: Args, ctx: ApiContext) {
      const best = bestTaskAlignment(task.text, await alignmentSources(task, ctx));
      return best && { ...best, passage: passageView(best.passage) };
    },
  },

  DerivesFromLink: {
    reuseShare: async (link: LinkRow, _args: Args, ctx: ApiContext) => (await derivationAlignment(link, ctx))?.taskShare ?? 0,
    alignment: async (link: LinkRow, _args: Args, ctx: ApiContext) => {
      const best = await derivationAlignment(link, ctx);
      return best && passageView(best.passage);
    },
  },

  TaskAlignment: {
    policy: (alignment: TaskAlignmentData, _args: Args, ctx: ApiContext) =>
      alignment.source.kind === 'policy' ? ctx.loaders.policy.load(alignment.source.id) : null,
    nationalItem: (alignment: TaskAlignmentData, _args: Args, ctx: ApiContext) =>
      alignment.source.kind === 'nationalItem' ? ctx.loaders.nationalItem.load(alignment.source.id) : null,
  },
};
