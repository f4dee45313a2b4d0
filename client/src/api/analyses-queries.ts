/**
 * @module GraphQL documents of the research analyses (adoption, instruments, text reuse, plan versions), with
 * the names the views use for their generated answer types (see queries.ts); apart from queries.ts so these
 * views can change without touching it. Fragments of queries.ts (JurisdictionRef, NationalItemRef, TaskTarget)
 * are used here by name.
 */
import { graphql } from './generated/index.js';
import type * as api from './generated/graphql.js';

graphql(`
  fragment PolicyWithJurisdiction on Policy {
    id
    title
    docNumber
    issuedOn
    jurisdiction {
      ...JurisdictionRef
    }
  }
`);
graphql(`
  fragment InstrumentUseFields on InstrumentUse {
    type
    subType
    nameZh
    nameEn
    evidence {
      text
      span {
        start
        end
      }
      clause {
        start
        end
      }
    }
  }
`);
graphql(`
  fragment AlignedPassageFields on AlignedPassage {
    spanA {
      start
      end
    }
    spanB {
      start
      end
    }
    textA
    textB
    score
    identity
    segments {
      kind
      textA
      textB
    }
  }
`);

export type InstrumentType = api.InstrumentType;
export type SegmentKind = api.AlignmentSegmentKind;
export type TargetDirection = api.TargetDirection;
export type PolicyRef = api.PolicyWithJurisdictionFragment;
export type InstrumentUse = api.InstrumentUseFieldsFragment;
export type AlignedPassage = api.AlignedPassageFieldsFragment;
export type AlignedSegment = AlignedPassage['segments'][number];

// ---------------------------------------------------------------------------------------------
// Adoption
// ---------------------------------------------------------------------------------------------

/** Curves of every pillar, or of the items of one pillar. */
export const ADOPTION = graphql(`
  query Adoption($pillar: String) {
    adoption(pillar: $pillar) {
      years
      jurisdictions {
        ...JurisdictionRef
      }
      itemCurves {
        key
        nationalItem {
          ...NationalItemRef
        }
        pillar
        adopted
        adopters
      }
      pillarCurves {
        key
        pillar
        adopted
        adopters
      }
    }
  }
`).toString();
export type AdoptionResult = api.AdoptionQuery;
type ItemCurve = AdoptionResult['adoption']['itemCurves'][number];
/** A curve of one item, or of a pillar (which asks for no item: `nationalItem` is absent). */
export type AdoptionCurve = Omit<ItemCurve, 'nationalItem'> & { nationalItem?: ItemCurve['nationalItem'] };

// ---------------------------------------------------------------------------------------------
// Instruments
// ---------------------------------------------------------------------------------------------

export const INSTRUMENT_MATRIX = graphql(`
  query InstrumentMatrix($jurisdictionId: ID) {
    jurisdictions {
      ...JurisdictionRef
      policies {
        id
      }
    }
    instrumentMatrix(jurisdictionId: $jurisdictionId) {
      subTypes {
        id
        type
        nameZh
        nameEn
        definition
      }
      reformAreas {
        id
        nameZh
        nameEn
      }
      counts
      totals
      taskCount
      unlinkedTaskCount
    }
  }
`).toString();
export type InstrumentMatrixResult = api.InstrumentMatrixQuery;
export type InstrumentSubType = InstrumentMatrixResult['instrumentMatrix']['subTypes'][number];

/** Every task of a jurisdiction's documents (all documents when none is given) with its instruments. */
export const CODED_TASKS = graphql(`
  query CodedTasks($jurisdictionId: ID) {
    policies(jurisdictionId: $jurisdictionId) {
      ...PolicyWithJurisdiction
      tasks {
        id
        key
        title
        text
        implements {
          nationalItem {
            id
            pillar
          }
        }
        instruments {
          ...InstrumentUseFields
        }
      }
    }
  }
`).toString();
export type CodedTasksResult = api.CodedTasksQuery;
export type CodedTask = CodedTasksResult['policies'][number]['tasks'][number];

// ---------------------------------------------------------------------------------------------
// Text reuse
// ---------------------------------------------------------------------------------------------

/** A task's instruments and its best-aligned source passage (detail panel, compare). */
export const TASK_ANALYSES = graphql(`
  query TaskAnalyses($id: ID!) {
    task(id: $id) {
      id
      text
      instruments {
        ...InstrumentUseFields
      }
      bestAlignment {
        policy {
          ...PolicyWithJurisdiction
        }
        nationalItem {
          ...NationalItemRef
        }
        taskShare
        passage {
          ...AlignedPassageFields
        }
      }
    }
  }
`).toString();
export type TaskAnalysesResult = api.TaskAnalysesQuery;
export type TaskAlignment = NonNullable<NonNullable<TaskAnalysesResult['task']>['bestAlignment']>;

export const POLICY_LIST = graphql(`
  query PolicyList {
    policies {
      ...PolicyWithJurisdiction
    }
  }
`).toString();
export type PolicyListResult = api.PolicyListQuery;

export const TEXT_REUSE = graphql(`
  query TextReuse($a: ID!, $b: ID!) {
    textReuse(policyA: $a, policyB: $b) {
      policyA {
        ...PolicyWithJurisdiction
      }
      policyB {
        ...PolicyWithJurisdiction
      }
      shareA
      shareB
      passages {
        ...AlignedPassageFields
      }
    }
  }
`).toString();
export type TextReuseResult = api.TextReuseQuery;

// ---------------------------------------------------------------------------------------------
// Plan versions
// ---------------------------------------------------------------------------------------------

/** The series of a jurisdiction's documents, or the documents given as one series. */
export const PLAN_VERSIONS = graphql(`
  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {
    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {
      documents {
        ...PolicyWithJurisdiction
        coversFrom
        coversTo
      }
      steps {
        from {
          id
        }
        to {
          id
        }
        continued {
          ...NationalItemRef
        }
        added {
          ...NationalItemRef
        }
        dropped {
          ...NationalItemRef
        }
        targetChanges {
          metric
          direction
          before {
            ...TaskTarget
          }
          after {
            ...TaskTarget
          }
        }
      }
    }
  }
`).toString();
export type PlanVersionsResult = api.PlanVersionsQuery;
export type PlanSeries = PlanVersionsResult['planVersions'][number];
