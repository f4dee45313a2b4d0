/**
 * @module GraphQL documents of the research analyses (adoption, instruments, text reuse, plan versions) with
 * the TypeScript shape of their answers; apart from queries.ts so these views can change without touching it.
 */
import type { JurisdictionRef, NationalItemRef, Span, TaskTarget } from './queries.js';

const JURISDICTION = `id name nameEn level`;
const NATIONAL_ITEM = `id titleZh titleEn pillar pillarZh pillarEn`;
const POLICY_REF = `id title docNumber issuedOn jurisdiction { ${JURISDICTION} }`;

export type InstrumentType = 'SUPPLY' | 'ENVIRONMENT' | 'DEMAND';
export type SegmentKind = 'SAME' | 'CHANGED' | 'INSERTED' | 'DELETED';
export type TargetDirection = 'RAISED' | 'LOWERED' | 'CHANGED';

export interface PolicyRef {
  id: string;
  title: string;
  docNumber: string | null;
  issuedOn: string | null;
  jurisdiction: JurisdictionRef | null;
}

// ---------------------------------------------------------------------------------------------
// Adoption
// ---------------------------------------------------------------------------------------------

export interface AdoptionCurve {
  key: string;
  nationalItem: NationalItemRef | null;
  pillar: string;
  adopted: number[];
  adopters: string[][];
}

/** Curves of every pillar, or of the items of one pillar. */
export const ADOPTION = /* GraphQL */ `
  query Adoption($pillar: String) {
    adoption(pillar: $pillar) {
      years
      jurisdictions { ${JURISDICTION} }
      itemCurves { key nationalItem { ${NATIONAL_ITEM} } pillar adopted adopters }
      pillarCurves { key pillar adopted adopters }
    }
  }
`;
export interface AdoptionResult {
  adoption: {
    years: number[];
    jurisdictions: JurisdictionRef[];
    itemCurves: AdoptionCurve[];
    pillarCurves: AdoptionCurve[];
  };
}

// ---------------------------------------------------------------------------------------------
// Instruments
// ---------------------------------------------------------------------------------------------

export interface InstrumentSubType {
  id: string;
  type: InstrumentType;
  nameZh: string;
  nameEn: string;
  definition: string;
}

export interface InstrumentUse {
  type: InstrumentType;
  subType: string;
  nameZh: string;
  nameEn: string;
  evidence: { text: string; span: Span; clause: Span }[];
}

const INSTRUMENT_USE = `type subType nameZh nameEn evidence { text span { start end } clause { start end } }`;

export const INSTRUMENT_MATRIX = /* GraphQL */ `
  query InstrumentMatrix($jurisdictionId: ID) {
    jurisdictions { ${JURISDICTION} policies { id } }
    instrumentMatrix(jurisdictionId: $jurisdictionId) {
      subTypes { id type nameZh nameEn definition }
      reformAreas { id nameZh nameEn }
      counts totals taskCount unlinkedTaskCount
    }
  }
`;
export interface InstrumentMatrixResult {
  jurisdictions: (JurisdictionRef & { policies: { id: string }[] })[];
  instrumentMatrix: {
    subTypes: InstrumentSubType[];
    reformAreas: { id: string; nameZh: string; nameEn: string }[];
    counts: number[][];
    totals: number[];
    taskCount: number;
    unlinkedTaskCount: number;
  };
}

export interface CodedTask {
  id: string;
  key: string;
  title: string;
  text: string;
  implements: { nationalItem: { id: string; pillar: string } }[];
  instruments: InstrumentUse[];
}

/** Every task of a jurisdiction's documents (all documents when none is given) with its instruments. */
export const CODED_TASKS = /* GraphQL */ `
  query CodedTasks($jurisdictionId: ID) {
    policies(jurisdictionId: $jurisdictionId) {
      ${POLICY_REF}
      tasks { id key title text implements { nationalItem { id pillar } } instruments { ${INSTRUMENT_USE} } }
    }
  }
`;
export interface CodedTasksResult {
  policies: (PolicyRef & { tasks: CodedTask[] })[];
}

// ---------------------------------------------------------------------------------------------
// Text reuse
// ---------------------------------------------------------------------------------------------

export interface AlignedSegment {
  kind: SegmentKind;
  textA: string;
  textB: string;
}

export interface AlignedPassage {
  spanA: Span;
  spanB: Span;
  textA: string;
  textB: string;
  score: number;
  identity: number;
  segments: AlignedSegment[];
}

const PASSAGE = `spanA { start end } spanB { start end } textA textB score identity segments { kind textA textB }`;

/** A task's instruments and its best-aligned source passage (detail panel, compare). */
export const TASK_ANALYSES = /* GraphQL */ `
  query TaskAnalyses($id: ID!) {
    task(id: $id) {
      id text
      instruments { ${INSTRUMENT_USE} }
      bestAlignment {
        policy { ${POLICY_REF} }
        nationalItem { ${NATIONAL_ITEM} }
        taskShare
        passage { ${PASSAGE} }
      }
    }
  }
`;
export interface TaskAlignment {
  policy: PolicyRef | null;
  nationalItem: NationalItemRef | null;
  taskShare: number;
  passage: AlignedPassage;
}
export interface TaskAnalysesResult {
  task: { id: string; text: string; instruments: InstrumentUse[]; bestAlignment: TaskAlignment | null } | null;
}

export const POLICY_LIST = /* GraphQL */ `
  query PolicyList {
    policies { ${POLICY_REF} }
  }
`;
export interface PolicyListResult {
  policies: PolicyRef[];
}

export const TEXT_REUSE = /* GraphQL */ `
  query TextReuse($a: ID!, $b: ID!) {
    textReuse(policyA: $a, policyB: $b) {
      policyA { ${POLICY_REF} }
      policyB { ${POLICY_REF} }
      shareA shareB
      passages { ${PASSAGE} }
    }
  }
`;
export interface TextReuseResult {
  textReuse: { policyA: PolicyRef; policyB: PolicyRef; shareA: number; shareB: number; passages: AlignedPassage[] };
}

// ---------------------------------------------------------------------------------------------
// Plan versions
// ---------------------------------------------------------------------------------------------

export interface PlanSeries {
  documents: (PolicyRef & { coversFrom: number | null; coversTo: number | null })[];
  steps: {
    from: { id: string };
    to: { id: string };
    continued: NationalItemRef[];
    added: NationalItemRef[];
    dropped: NationalItemRef[];
    targetChanges: { metric: string; direction: TargetDirection; before: TaskTarget[]; after: TaskTarget[] }[];
  }[];
}

const TARGET = `id text metric op value unit by`;

/** The series of a jurisdiction's documents, or the documents given as one series. */
export const PLAN_VERSIONS = /* GraphQL */ `
  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {
    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {
      documents { ${POLICY_REF} coversFrom coversTo }
      steps {
        from { id } to { id }
        continued { ${NATIONAL_ITEM} }
        added { ${NATIONAL_ITEM} }
        dropped { ${NATIONAL_ITEM} }
        targetChanges { metric direction before { ${TARGET} } after { ${TARGET} } }
      }
    }
  }
`;
export interface PlanVersionsResult {
  planVersions: PlanSeries[];
}
