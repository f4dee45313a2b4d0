/**
 * @module Every GraphQL document the explorer sends, with the TypeScript shape of its answer.
 * Kept in one file so that a change of the API contract (server/schema) is one edit here.
 */
import type { AgencyRole, AgencyType, JurisdictionLevel, LinkKind, PolicyStatus, TaskKind } from '../../../graph-schema/model.js';

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

export interface JurisdictionRef {
  id: string;
  name: string;
  nameEn: string;
  level: JurisdictionLevel;
}

export interface NationalItemRef {
  id: string;
  titleZh: string;
  titleEn: string;
  pillar: string;
  pillarZh: string;
  pillarEn: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface TaskAgency {
  name: string;
  type: AgencyType;
  role: AgencyRole;
  agency: { id: string; name: string; nameEn: string } | null;
}

export interface TaskTarget {
  id: string;
  text: string;
  metric: string | null;
  op: string | null;
  value: number | null;
  unit: string | null;
  by: string | null;
}

export interface LinkSummary {
  nationalItem: NationalItemRef;
  score: number;
  method: string;
  kind: LinkKind;
}

export interface Evidence {
  localText: string;
  localSpan: Span;
  nationalText: string;
}

export interface TaskSummary {
  id: string;
  key: string;
  title: string;
  kind: TaskKind;
  deadline: string | null;
  span: Span;
  policy: { id: string; title: string };
  jurisdiction: JurisdictionRef;
  agencies: TaskAgency[];
  targets: TaskTarget[];
  implements: LinkSummary[];
}

const JURISDICTION = `id name nameEn level`;
const NATIONAL_ITEM = `id titleZh titleEn pillar pillarZh pillarEn`;
const TASK_SUMMARY = `
  id key title kind deadline
  span { start end }
  policy { id title }
  jurisdiction { ${JURISDICTION} }
  agencies { name type role agency { id name nameEn } }
  targets { id text metric op value unit by }
  implements { nationalItem { ${NATIONAL_ITEM} } score method kind }
`;

// ---------------------------------------------------------------------------------------------
// Jurisdictions
// ---------------------------------------------------------------------------------------------

export interface JurisdictionListItem extends JurisdictionRef {
  policies: { id: string }[];
}

export const JURISDICTIONS = /* GraphQL */ `
  query Jurisdictions {
    jurisdictions { ${JURISDICTION} policies { id } }
  }
`;
export interface JurisdictionsResult {
  jurisdictions: JurisdictionListItem[];
}

// ---------------------------------------------------------------------------------------------
// Coverage
// ---------------------------------------------------------------------------------------------

/** Years, both ends inclusive, either open (PeriodInput). */
export interface Period {
  from?: number;
  to?: number;
}

/** A document a matrix column or a compare side rests on. */
export interface PolicyRef {
  id: string;
  title: string;
  docNumber: string | null;
  issuedOn: string | null;
  status: PolicyStatus;
  coversFrom: number | null;
  coversTo: number | null;
}

export type CoverageStatus = 'COVERED' | 'GAP' | 'NO_DOCUMENT';

const POLICY_REF = `id title docNumber issuedOn status coversFrom coversTo`;

/** The matrix: a status and a count per cell, and the documents each column rests on; a click asks for a cell's tasks or its audit. */
export const COVERAGE = /* GraphQL */ `
  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {
    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {
      nationalItems { ${NATIONAL_ITEM} }
      jurisdictions { ${JURISDICTION} }
      columns { jurisdiction { id } documents { ${POLICY_REF} } }
      cells { nationalItemId jurisdictionId taskCount status }
    }
  }
`;
export interface CoverageResult {
  coverage: {
    nationalItems: NationalItemRef[];
    jurisdictions: JurisdictionRef[];
    columns: { jurisdiction: { id: string }; documents: PolicyRef[] }[];
    cells: { nationalItemId: string; jurisdictionId: string; taskCount: number; status: CoverageStatus }[];
  };
}

/** The evidence behind a gap: near-miss candidates the linker did not keep, and tasks naming the item's keywords. */
export const GAP_AUDIT = /* GraphQL */ `
  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {
    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {
      status
      documents { ${POLICY_REF} }
      candidates {
        task { id key title policy { id title } }
        score kind
        evidence { localText localSpan { start end } nationalText }
      }
      keywordHits { keyword snippet task { id key title policy { id title } } }
    }
  }
`;
export interface AuditTask {
  id: string;
  key: string;
  title: string;
  policy: { id: string; title: string };
}
export interface GapAuditResult {
  gapAudit: {
    status: CoverageStatus;
    documents: PolicyRef[];
    candidates: { task: AuditTask; score: number; kind: LinkKind; evidence: Evidence[] }[];
    keywordHits: { keyword: string; snippet: string; task: AuditTask }[];
  };
}

/** The tasks behind one coverage cell. */
export const IMPLEMENTATIONS = /* GraphQL */ `
  query Implementations($nationalItemId: ID!, $jurisdictionId: ID) {
    nationalItem(id: $nationalItemId) {
      ${NATIONAL_ITEM}
      implementations(jurisdictionId: $jurisdictionId) { ${TASK_SUMMARY} }
    }
  }
`;
export interface ImplementationsResult {
  nationalItem: (NationalItemRef & { implementations: TaskSummary[] }) | null;
}

// ---------------------------------------------------------------------------------------------
// National items and lineage
// ---------------------------------------------------------------------------------------------

export const NATIONAL_ITEMS = /* GraphQL */ `
  query NationalItems {
    nationalItems { ${NATIONAL_ITEM} }
  }
`;
export interface NationalItemsResult {
  nationalItems: NationalItemRef[];
}

/** One link of a lineage path: a task implementing a national item or a task of a parent document. */
export interface LineageLink {
  from: { id: string };
  score: number;
  method: string;
  kind: LinkKind;
  curated: boolean;
  evidence: Evidence[];
}

export interface LineageTask {
  id: string;
  key: string;
  title: string;
  kind: TaskKind;
  policy: { id: string; title: string };
  jurisdiction: JurisdictionRef;
}

/** Upward lineage from a task: national items and tasks of parent documents, with the links' scores. */
export const LINEAGE = /* GraphQL */ `
  query Lineage($taskId: ID!) {
    task(id: $taskId) { ${TASK_SUMMARY} parent { id key title } }
    lineage(taskId: $taskId) {
      tasks { id key title kind policy { id title } jurisdiction { ${JURISDICTION} } }
      nationalItems { ${NATIONAL_ITEM} }
      links { fromTaskId toTaskId toNationalItemId score method kind curated }
    }
  }
`;
export interface LineageResult {
  task: (TaskSummary & { parent: { id: string; key: string; title: string } | null }) | null;
  lineage: {
    tasks: LineageTask[];
    nationalItems: NationalItemRef[];
    links: {
      fromTaskId: string;
      toTaskId: string | null;
      toNationalItemId: string | null;
      score: number;
      method: string;
      kind: LinkKind;
      curated: boolean;
    }[];
  } | null;
}

/** Downward lineage: every implementing task in every jurisdiction, with the link's score. */
export const NATIONAL_ITEM_LINEAGE = /* GraphQL */ `
  query NationalItemLineage($id: ID!) {
    nationalItem(id: $id) {
      ${NATIONAL_ITEM}
      implementations { ${TASK_SUMMARY} parent { id key title } }
    }
  }
`;
export interface NationalItemLineageResult {
  nationalItem: (NationalItemRef & { implementations: (TaskSummary & { parent: { id: string; key: string; title: string } | null })[] }) | null;
}

// ---------------------------------------------------------------------------------------------
// Compare
// ---------------------------------------------------------------------------------------------

export interface CompareRow {
  nationalItem: NationalItemRef;
  tasksA: TaskSummary[];
  tasksB: TaskSummary[];
  leadAgencyTypesA: AgencyType[];
  leadAgencyTypesB: AgencyType[];
  /** Only for shared items: targets on the same metric whose figures differ. */
  targetDifferences: { metric: string; targetsA: { id: string }[]; targetsB: { id: string }[] }[];
}

const COMPARE_ROW = `
  nationalItem { ${NATIONAL_ITEM} }
  tasksA { ${TASK_SUMMARY} }
  tasksB { ${TASK_SUMMARY} }
  leadAgencyTypesA leadAgencyTypesB
  targetDifferences { metric targetsA { id } targetsB { id } }
`;

const UNLINKED_TASK = `id key title kind policy { id title } jurisdiction { ${JURISDICTION} }`;

export const COMPARE = /* GraphQL */ `
  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {
    compare(a: $a, b: $b, period: $period) {
      a { ${JURISDICTION} }
      b { ${JURISDICTION} }
      documentsA { ${POLICY_REF} }
      documentsB { ${POLICY_REF} }
      unlinkedA { ${UNLINKED_TASK} }
      unlinkedB { ${UNLINKED_TASK} }
      shared { ${COMPARE_ROW} }
      onlyA { ${COMPARE_ROW} }
      onlyB { ${COMPARE_ROW} }
    }
  }
`;
export interface CompareResult {
  compare: {
    a: JurisdictionRef;
    b: JurisdictionRef;
    documentsA: PolicyRef[];
    documentsB: PolicyRef[];
    unlinkedA: LineageTask[];
    unlinkedB: LineageTask[];
    shared: CompareRow[];
    onlyA: CompareRow[];
    onlyB: CompareRow[];
  };
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export const SEARCH = /* GraphQL */ `
  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {
    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) { ${TASK_SUMMARY} snippet }
  }
`;
export interface SearchResult {
  /** `snippet` marks each match between « and » (server/search/snippet.ts); it is plain text. */
  search: (TaskSummary & { snippet: string | null })[];
}

// ---------------------------------------------------------------------------------------------
// Detail panel
// ---------------------------------------------------------------------------------------------

export interface TaskDetail extends Omit<TaskSummary, 'implements' | 'policy'> {
  text: string;
  policy: {
    id: string;
    title: string;
    docNumber: string | null;
    issuedOn: string | null;
    status: PolicyStatus;
    sourceFile: string | null;
    text: string | null;
  };
  parent: { id: string; key: string; title: string } | null;
  children: { id: string; key: string; title: string }[];
  implements: (LinkSummary & { evidence: Evidence[] })[];
}

export const TASK_DETAIL = /* GraphQL */ `
  query TaskDetail($id: ID!) {
    task(id: $id) {
      ${TASK_SUMMARY}
      text
      policy { id title docNumber issuedOn status sourceFile text }
      parent { id key title }
      children { id key title }
      implements {
        nationalItem { ${NATIONAL_ITEM} } score method kind
        evidence { localText localSpan { start end } nationalText }
      }
    }
  }
`;
export interface TaskDetailResult {
  task: TaskDetail | null;
}

export const POLICY_DETAIL = /* GraphQL */ `
  query PolicyDetail($id: ID!) {
    policy(id: $id) {
      id title docNumber issuer issuedOn status sourceFile
      jurisdiction { ${JURISDICTION} }
      tasks { id }
      cites { id title docNumber }
      citedBy { id title docNumber }
    }
  }
`;
export interface PolicyDetailResult {
  policy: {
    id: string;
    title: string;
    docNumber: string | null;
    issuer: string | null;
    issuedOn: string | null;
    status: PolicyStatus;
    sourceFile: string | null;
    jurisdiction: JurisdictionRef | null;
    tasks: { id: string }[];
    cites: { id: string; title: string; docNumber: string | null }[];
    citedBy: { id: string; title: string; docNumber: string | null }[];
  } | null;
}

export const NATIONAL_ITEM_DETAIL = /* GraphQL */ `
  query NationalItemDetail($id: ID!) {
    nationalItem(id: $id) {
      ${NATIONAL_ITEM} text source titleIsSummary keywords
      implementations { id jurisdiction { id name nameEn } }
    }
  }
`;
export interface NationalItemDetailResult {
  nationalItem: (NationalItemRef & {
    text: string;
    source: string | null;
    titleIsSummary: boolean;
    keywords: string[];
    implementations: { id: string; jurisdiction: { id: string; name: string; nameEn: string } }[];
  }) | null;
}

export const JURISDICTION_DETAIL = /* GraphQL */ `
  query JurisdictionDetail($id: ID!) {
    jurisdiction(id: $id) {
      ${JURISDICTION}
      parent { ${JURISDICTION} }
      policies { id title docNumber issuedOn }
    }
  }
`;
export interface JurisdictionDetailResult {
  jurisdiction: (JurisdictionRef & {
    parent: JurisdictionRef | null;
    policies: { id: string; title: string; docNumber: string | null; issuedOn: string | null }[];
  }) | null;
}
