/**
 * @module Every GraphQL document the explorer sends. The TypeScript shape of each answer is
 * generated from the document and the server's SDL (`npm run codegen`, into ./generated/), so a
 * document or a use of its answer that drifts from the API contract (server/schema) is a compile
 * error. The names below are the views' names for the generated types.
 */
import { graphql } from './generated/index.js';
import type * as api from './generated/graphql.js';

// ---------------------------------------------------------------------------------------------
// Shapes shared by several documents
// ---------------------------------------------------------------------------------------------

graphql(`
  fragment JurisdictionRef on Jurisdiction {
    id
    name
    nameEn
    level
  }
`);
graphql(`
  fragment NationalItemRef on NationalItem {
    id
    titleZh
    titleEn
    pillar
    pillarZh
    pillarEn
  }
`);
graphql(`
  fragment TaskTarget on Target {
    id
    text
    metric
    op
    value
    unit
    by
  }
`);
graphql(`
  fragment TaskSummary on Task {
    id
    key
    title
    kind
    deadline
    span {
      start
      end
    }
    policy {
      id
      title
    }
    jurisdiction {
      ...JurisdictionRef
    }
    agencies {
      name
      type
      role
      agency {
        id
        name
        nameEn
      }
    }
    targets {
      ...TaskTarget
    }
    implements {
      nationalItem {
        ...NationalItemRef
      }
      score
      method
      kind
    }
  }
`);
graphql(`
  fragment PolicyRef on Policy {
    id
    title
    docNumber
    issuedOn
    status
    coversFrom
    coversTo
  }
`);
graphql(`
  fragment LineageTask on Task {
    id
    key
    title
    kind
    policy {
      id
      title
    }
    jurisdiction {
      ...JurisdictionRef
    }
  }
`);
/**
 * A task as a compare row shows it: its wording, reached through the row's links, which give each task's
 * score for the row's item and the targets that link bears on (a task taking up several reforms states each
 * one's figures). A compare of two jurisdictions over ten years holds over a thousand tasks, each in the row
 * of every item it implements: their agencies (the row gives its lead types), jurisdiction (the side's) and
 * every link of theirs (a row needs its own) made 3 MB of an answer, and the last two, 40% of the 0.8 MB left
 * (server/schema/__snapshots__ shows what a task has besides).
 */
graphql(`
  fragment CompareTask on Task {
    id
    key
    title
    kind
    policy {
      id
    }
  }
`);
graphql(`
  fragment CompareRow on CompareRow {
    nationalItem {
      ...NationalItemRef
    }
    linksA {
      score
      targets {
        ...TaskTarget
      }
      task {
        ...CompareTask
      }
    }
    linksB {
      score
      targets {
        ...TaskTarget
      }
      task {
        ...CompareTask
      }
    }
    leadAgencyTypesA
    leadAgencyTypesB
    targetDifferences {
      metric
      targetsA {
        id
      }
      targetsB {
        id
      }
    }
  }
`);

export type JurisdictionRef = api.JurisdictionRefFragment;
export type NationalItemRef = api.NationalItemRefFragment;
export type Span = api.TaskSummaryFragment['span'];
export type TaskAgency = api.TaskSummaryFragment['agencies'][number];
export type TaskTarget = api.TaskTargetFragment;
export type LinkSummary = api.TaskSummaryFragment['implements'][number];
export type TaskSummary = api.TaskSummaryFragment;
export type LineageTask = api.LineageTaskFragment;
export type CompareRow = api.CompareRowFragment;
export type CompareTask = api.CompareTaskFragment;
/** A side's link in a compare row: the task and its score for the row's item. */
export type CompareLink = CompareRow['linksA'][number];
/** A document a matrix column or a compare side rests on. */
export type PolicyRef = api.PolicyRefFragment;
/** Years, both ends inclusive, either open (PeriodInput). */
export type Period = api.PeriodInput;
export type CoverageStatus = api.CoverageStatus;

// ---------------------------------------------------------------------------------------------
// Jurisdictions
// ---------------------------------------------------------------------------------------------

export const JURISDICTIONS = graphql(`
  query Jurisdictions {
    jurisdictions {
      ...JurisdictionRef
      policies {
        id
      }
    }
  }
`).toString();
export type JurisdictionsResult = api.JurisdictionsQuery;
export type JurisdictionListItem = JurisdictionsResult['jurisdictions'][number];

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

/** The matrix: a status and a count per cell, and the documents each column rests on; a click asks for a cell's tasks or its audit. */
export const COVERAGE = graphql(`
  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {
    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {
      nationalItems {
        ...NationalItemRef
      }
      jurisdictions {
        ...JurisdictionRef
      }
      columns {
        jurisdiction {
          id
        }
        documents {
          ...PolicyRef
        }
      }
      cells {
        nationalItemId
        jurisdictionId
        taskCount
        status
      }
    }
  }
`).toString();
export type CoverageResult = api.CoverageQuery;

/**
 * The task counts of every cell as a matrix, and nothing per cell beside them: the overview of every
 * jurisdiction needs no more, and on a national store the cells as objects are megabytes.
 */
export const COVERAGE_COUNTS = graphql(`
  query CoverageCounts {
    coverage {
      nationalItems {
        ...NationalItemRef
      }
      jurisdictions {
        ...JurisdictionRef
      }
      counts
    }
  }
`).toString();
export type CoverageCountsResult = api.CoverageCountsQuery;

/** The evidence behind a gap: near-miss candidates the linker did not keep, and tasks naming the item's keywords. */
export const GAP_AUDIT = graphql(`
  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {
    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {
      status
      documents {
        ...PolicyRef
      }
      candidates {
        task {
          id
          key
          title
          policy {
            id
            title
          }
        }
        score
        kind
        namesReform
        evidence {
          localText
          localSpan {
            start
            end
          }
          nationalText
        }
      }
      keywordHits {
        keyword
        snippet
        task {
          id
          key
          title
          policy {
            id
            title
          }
        }
      }
    }
  }
`).toString();
export type GapAuditResult = api.GapAuditQuery;
export type AuditTask = GapAuditResult['gapAudit']['candidates'][number]['task'];
export type Evidence = GapAuditResult['gapAudit']['candidates'][number]['evidence'][number];

/** The tasks behind one coverage cell. */
export const IMPLEMENTATIONS = graphql(`
  query Implementations($nationalItemId: ID!, $jurisdictionId: ID, $counted: Boolean, $period: PeriodInput) {
    nationalItem(id: $nationalItemId) {
      ...NationalItemRef
      implementations(jurisdictionId: $jurisdictionId, counted: $counted, period: $period) {
        ...TaskSummary
      }
    }
  }
`).toString();
export type ImplementationsResult = api.ImplementationsQuery;

// ---------------------------------------------------------------------------------------------
// National items and lineage
// ---------------------------------------------------------------------------------------------

export const NATIONAL_ITEMS = graphql(`
  query NationalItems {
    nationalItems {
      ...NationalItemRef
    }
  }
`).toString();
export type NationalItemsResult = api.NationalItemsQuery;

/** Upward lineage from a task: national items and tasks of parent documents, with the links' scores. */
export const LINEAGE = graphql(`
  query Lineage($taskId: ID!) {
    task(id: $taskId) {
      ...TaskSummary
      parent {
        id
        key
        title
      }
    }
    lineage(taskId: $taskId) {
      tasks {
        ...LineageTask
      }
      nationalItems {
        ...NationalItemRef
      }
      links {
        fromTaskId
        toTaskId
        toNationalItemId
        score
        method
        kind
        curated
      }
    }
  }
`).toString();
export type LineageResult = api.LineageQuery;

/** Downward lineage: every implementing task in every jurisdiction, with the link's score. */
export const NATIONAL_ITEM_LINEAGE = graphql(`
  query NationalItemLineage($id: ID!) {
    nationalItem(id: $id) {
      ...NationalItemRef
      implementations {
        ...TaskSummary
        parent {
          id
          key
          title
        }
      }
    }
  }
`).toString();
export type NationalItemLineageResult = api.NationalItemLineageQuery;

// ---------------------------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------------------------

export const COMPARE = graphql(`
  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {
    compare(a: $a, b: $b, period: $period) {
      a {
        ...JurisdictionRef
      }
      b {
        ...JurisdictionRef
      }
      documentsA {
        ...PolicyRef
      }
      documentsB {
        ...PolicyRef
      }
      unlinkedA {
        ...LineageTask
      }
      unlinkedB {
        ...LineageTask
      }
      shared {
        ...CompareRow
      }
      onlyA {
        ...CompareRow
      }
      onlyB {
        ...CompareRow
      }
    }
  }
`).toString();
export type CompareResult = api.CompareQuery;

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

/** `snippet` marks each match between « and » (server/search/snippet.ts); it is plain text. */
export const SEARCH = graphql(`
  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {
    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) {
      ...TaskSummary
      snippet
    }
  }
`).toString();
export type SearchResult = api.SearchQuery;

// ---------------------------------------------------------------------------------------------
// Detail panel
// ---------------------------------------------------------------------------------------------

export const TASK_DETAIL = graphql(`
  query TaskDetail($id: ID!) {
    task(id: $id) {
      ...TaskSummary
      text
      policy {
        id
        title
        docNumber
        issuedOn
        status
        sourceFile
        text
      }
      parent {
        id
        key
        title
      }
      children {
        id
        key
        title
      }
      implements {
        nationalItem {
          ...NationalItemRef
        }
        score
        method
        kind
        evidence {
          localText
          localSpan {
            start
            end
          }
          nationalText
        }
      }
    }
  }
`).toString();
export type TaskDetailResult = api.TaskDetailQuery;
export type TaskDetail = NonNullable<TaskDetailResult['task']>;

export const POLICY_DETAIL = graphql(`
  query PolicyDetail($id: ID!) {
    policy(id: $id) {
      id
      title
      docNumber
      issuer
      issuedOn
      status
      sourceFile
      jurisdiction {
        ...JurisdictionRef
      }
      tasks {
        id
      }
      cites {
        id
        title
        docNumber
      }
      citedBy {
        id
        title
        docNumber
      }
    }
  }
`).toString();
export type PolicyDetailResult = api.PolicyDetailQuery;

export const NATIONAL_ITEM_DETAIL = graphql(`
  query NationalItemDetail($id: ID!) {
    nationalItem(id: $id) {
      ...NationalItemRef
      text
      source
      titleIsSummary
      keywords
      implementations {
        id
        jurisdiction {
          id
          name
          nameEn
        }
      }
    }
  }
`).toString();
export type NationalItemDetailResult = api.NationalItemDetailQuery;

export const JURISDICTION_DETAIL = graphql(`
  query JurisdictionDetail($id: ID!) {
    jurisdiction(id: $id) {
      ...JurisdictionRef
      parent {
        ...JurisdictionRef
      }
      policies {
        id
        title
        docNumber
        issuedOn
      }
    }
  }
`).toString();
export type JurisdictionDetailResult = api.JurisdictionDetailQuery;
