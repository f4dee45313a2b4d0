/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgencyRole =
  | 'lead'
  | 'participate'
  | 'responsible'
  | 'support';

export type AgencyType =
  | 'ADMIN_APPROVAL'
  | 'AGRICULTURE'
  | 'AUDIT'
  | 'BIG_DATA'
  | 'CIVIL_AFFAIRS'
  | 'COMMERCE'
  | 'CULTURE_TOURISM'
  | 'DEVELOPMENT_REFORM'
  | 'DISCIPLINE'
  | 'DISEASE_CONTROL'
  | 'DRUG_REGULATION'
  | 'ECOLOGY'
  | 'EDUCATION'
  | 'EMERGENCY'
  | 'EPIDEMIC_COMMAND'
  | 'ETHNIC_RELIGIOUS'
  | 'FINANCE'
  | 'FINANCIAL_REGULATION'
  | 'FORESTRY'
  | 'GOVERNMENT'
  | 'GOVERNMENT_OFFICE'
  | 'HEALTH'
  | 'HOSPITAL'
  | 'HOUSING'
  | 'HRSS'
  | 'INDUSTRY_IT'
  | 'JUSTICE'
  | 'LOWER_GOVS'
  | 'MARKET_REGULATION'
  | 'MEDIA'
  | 'MEDICAL_INSURANCE'
  | 'NATURAL_RESOURCES'
  | 'OTHER'
  | 'OTHER_DEPARTMENTS'
  | 'PARTY_ORGANIZATION'
  | 'PARTY_PUBLICITY'
  | 'PARTY_WORK_COMMITTEE'
  | 'PEOPLES_ORGANIZATION'
  | 'PUBLIC_SECURITY'
  | 'REFORM_OFFICE'
  | 'RURAL_REVITALIZATION'
  | 'SCIENCE_TECH'
  | 'SOCIAL_ORGANIZATION'
  | 'SPORTS'
  | 'STAFFING_OFFICE'
  | 'STATISTICS'
  | 'TAXATION'
  | 'TCM_ADMIN'
  | 'TRANSPORT'
  | 'VETERANS'
  | 'WATER'
  | 'ZONE_BUREAU'
  | 'ZONE_COMMITTEE';

export type AlignmentSegmentKind =
  /** Wording of a replaced by other wording in b. */
  | 'CHANGED'
  /** Wording only in a. */
  | 'DELETED'
  /** Wording only in b. */
  | 'INSERTED'
  /** The same wording in both. */
  | 'SAME';

/**
 * COVERED: a task implements the item. POSSIBLE: none does, but a task has evidence for it that scored below the link threshold (at least 0.2, or naming the reform the item's title names): a gap for a reader to confirm or overturn. GAP: the jurisdiction's documents were read and no task has either.
 * NO_DOCUMENT: the jurisdiction has no document (in the period asked), so nothing can be said.
 */
export type CoverageStatus =
  | 'COVERED'
  | 'GAP'
  | 'NO_DOCUMENT'
  | 'POSSIBLE';

/** Rothwell and Zegveld's three kinds of policy instrument (政策工具). */
export type InstrumentType =
  /** 需求型: the government creates or steers demand (procurement, pilots, insurance payment and prices, publicity). */
  | 'DEMAND'
  /** 环境型: the government shapes conditions (goals, rules, supervision, finance and tax, organisation). */
  | 'ENVIRONMENT'
  /** 供给型: the government provides resources (people, money, facilities, information, services). */
  | 'SUPPLY';

export type JurisdictionLevel =
  | 'city'
  | 'county'
  | 'national'
  | 'province';

export type LinkKind =
  | 'adapted'
  | 'inherited'
  | 'measures'
  | 'paraphrase'
  | 'verbatim';

/** Years, both ends inclusive, either open: documents in force in a year of it (the years a plan's title says it covers, else its issue year). */
export type PeriodInput = {
  from?: number | null | undefined;
  to?: number | null | undefined;
};

export type PolicyStatus =
  | 'draft'
  | 'final';

export type TargetDirection =
  | 'CHANGED'
  | 'LOWERED'
  | 'RAISED';

export type TaskKind =
  | 'item'
  | 'measure'
  | 'section';

export type PolicyWithJurisdictionFragment = { id: string, title: string, docNumber: string | null, issuedOn: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null };

export type InstrumentUseFieldsFragment = { type: InstrumentType, subType: string, nameZh: string, nameEn: string, evidence: Array<{ text: string, span: { start: number, end: number }, clause: { start: number, end: number } }> };

export type AlignedPassageFieldsFragment = { textA: string, textB: string, score: number, identity: number, spanA: { start: number, end: number }, spanB: { start: number, end: number }, segments: Array<{ kind: AlignmentSegmentKind, textA: string, textB: string }> };

export type AdoptionQueryVariables = Exact<{
  pillar?: string | null | undefined;
}>;


export type AdoptionQuery = { adoption: { years: Array<number>, jurisdictions: Array<{ id: string, name: string, nameEn: string, level: JurisdictionLevel }>, itemCurves: Array<{ key: string, pillar: string, adopted: Array<number>, adopters: Array<Array<string>>, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } | null }>, pillarCurves: Array<{ key: string, pillar: string, adopted: Array<number>, adopters: Array<Array<string>> }> } };

export type InstrumentMatrixQueryVariables = Exact<{
  jurisdictionId?: string | null | undefined;
}>;


export type InstrumentMatrixQuery = { jurisdictions: Array<{ id: string, name: string, nameEn: string, level: JurisdictionLevel, policies: Array<{ id: string }> }>, instrumentMatrix: { counts: Array<Array<number>>, totals: Array<number>, taskCount: number, unlinkedTaskCount: number, subTypes: Array<{ id: string, type: InstrumentType, nameZh: string, nameEn: string, definition: string }>, reformAreas: Array<{ id: string, nameZh: string, nameEn: string }> } };

export type CodedTasksQueryVariables = Exact<{
  jurisdictionId?: string | null | undefined;
}>;


export type CodedTasksQuery = { policies: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null, tasks: Array<{ id: string, key: string, title: string, text: string, implements: Array<{ nationalItem: { id: string, pillar: string } }>, instruments: Array<{ type: InstrumentType, subType: string, nameZh: string, nameEn: string, evidence: Array<{ text: string, span: { start: number, end: number }, clause: { start: number, end: number } }> }> }> }> };

export type TaskAnalysesQueryVariables = Exact<{
  id: string;
}>;


export type TaskAnalysesQuery = { task: { id: string, text: string, instruments: Array<{ type: InstrumentType, subType: string, nameZh: string, nameEn: string, evidence: Array<{ text: string, span: { start: number, end: number }, clause: { start: number, end: number } }> }>, bestAlignment: { taskShare: number, policy: { id: string, title: string, docNumber: string | null, issuedOn: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null } | null, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } | null, passage: { textA: string, textB: string, score: number, identity: number, spanA: { start: number, end: number }, spanB: { start: number, end: number }, segments: Array<{ kind: AlignmentSegmentKind, textA: string, textB: string }> } } | null } | null };

export type PolicyListQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyListQuery = { policies: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null }> };

export type TextReuseQueryVariables = Exact<{
  a: string;
  b: string;
}>;


export type TextReuseQuery = { textReuse: { shareA: number, shareB: number, policyA: { id: string, title: string, docNumber: string | null, issuedOn: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null }, policyB: { id: string, title: string, docNumber: string | null, issuedOn: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null }, passages: Array<{ textA: string, textB: string, score: number, identity: number, spanA: { start: number, end: number }, spanB: { start: number, end: number }, segments: Array<{ kind: AlignmentSegmentKind, textA: string, textB: string }> }> } };

export type PlanVersionsQueryVariables = Exact<{
  jurisdictionId?: string | null | undefined;
  policyIds?: Array<string> | string | null | undefined;
}>;


export type PlanVersionsQuery = { planVersions: Array<{ documents: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, coversFrom: number | null, coversTo: number | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null }>, steps: Array<{ from: { id: string }, to: { id: string }, continued: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }>, added: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }>, dropped: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }>, targetChanges: Array<{ metric: string, direction: TargetDirection, before: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, after: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }> }> }> }> };

export type JurisdictionRefFragment = { id: string, name: string, nameEn: string, level: JurisdictionLevel };

export type NationalItemRefFragment = { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string };

export type TaskTargetFragment = { id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null };

export type TaskSummaryFragment = { id: string, key: string, title: string, kind: TaskKind, deadline: string | null, span: { start: number, end: number }, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, agencies: Array<{ name: string, type: AgencyType, role: AgencyRole, agency: { id: string, name: string, nameEn: string } }>, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, implements: Array<{ score: number, method: string, kind: LinkKind, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } }> };

export type PolicyRefFragment = { id: string, title: string, docNumber: string | null, issuedOn: string | null, status: PolicyStatus, coversFrom: number | null, coversTo: number | null };

export type LineageTaskFragment = { id: string, key: string, title: string, kind: TaskKind, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } };

export type CompareTaskFragment = { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } };

export type CompareRowFragment = { leadAgencyTypesA: Array<AgencyType>, leadAgencyTypesB: Array<AgencyType>, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }, linksA: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, linksB: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, targetDifferences: Array<{ metric: string, targetsA: Array<{ id: string }>, targetsB: Array<{ id: string }> }> };

export type JurisdictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type JurisdictionsQuery = { jurisdictions: Array<{ id: string, name: string, nameEn: string, level: JurisdictionLevel, policies: Array<{ id: string }> }> };

export type CoverageQueryVariables = Exact<{
  jurisdictionIds?: Array<string> | string | null | undefined;
  period?: PeriodInput | null | undefined;
}>;


export type CoverageQuery = { coverage: { nationalItems: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }>, jurisdictions: Array<{ id: string, name: string, nameEn: string, level: JurisdictionLevel }>, columns: Array<{ jurisdiction: { id: string }, documents: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, status: PolicyStatus, coversFrom: number | null, coversTo: number | null }> }>, cells: Array<{ nationalItemId: string, jurisdictionId: string, taskCount: number, status: CoverageStatus }> } };

export type CoverageCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoverageCountsQuery = { coverage: { counts: Array<Array<number>>, nationalItems: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }>, jurisdictions: Array<{ id: string, name: string, nameEn: string, level: JurisdictionLevel }> } };

export type GapAuditQueryVariables = Exact<{
  nationalItemId: string;
  jurisdictionId: string;
  period?: PeriodInput | null | undefined;
}>;


export type GapAuditQuery = { gapAudit: { status: CoverageStatus, documents: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, status: PolicyStatus, coversFrom: number | null, coversTo: number | null }>, candidates: Array<{ score: number, kind: LinkKind, namesReform: boolean, task: { id: string, key: string, title: string, policy: { id: string, title: string } }, evidence: Array<{ localText: string, nationalText: string, localSpan: { start: number, end: number } }> }>, keywordHits: Array<{ keyword: string, snippet: string, task: { id: string, key: string, title: string, policy: { id: string, title: string } } }> } };

export type ImplementationsQueryVariables = Exact<{
  nationalItemId: string;
  jurisdictionId?: string | null | undefined;
  counted?: boolean | null | undefined;
  period?: PeriodInput | null | undefined;
}>;


export type ImplementationsQuery = { nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string, implementations: Array<{ id: string, key: string, title: string, kind: TaskKind, deadline: string | null, span: { start: number, end: number }, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, agencies: Array<{ name: string, type: AgencyType, role: AgencyRole, agency: { id: string, name: string, nameEn: string } }>, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, implements: Array<{ score: number, method: string, kind: LinkKind, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } }> }> } | null };

export type NationalItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type NationalItemsQuery = { nationalItems: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }> };

export type LineageQueryVariables = Exact<{
  taskId: string;
}>;


export type LineageQuery = { task: { id: string, key: string, title: string, kind: TaskKind, deadline: string | null, span: { start: number, end: number }, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, agencies: Array<{ name: string, type: AgencyType, role: AgencyRole, agency: { id: string, name: string, nameEn: string } }>, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, implements: Array<{ score: number, method: string, kind: LinkKind, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } }>, parent: { id: string, key: string, title: string } | null } | null, lineage: { tasks: Array<{ id: string, key: string, title: string, kind: TaskKind, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } }>, nationalItems: Array<{ id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }>, links: Array<{ fromTaskId: string, toTaskId: string | null, toNationalItemId: string | null, score: number, method: string, kind: LinkKind, curated: boolean }> } | null };

export type NationalItemLineageQueryVariables = Exact<{
  id: string;
}>;


export type NationalItemLineageQuery = { nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string, implementations: Array<{ id: string, key: string, title: string, kind: TaskKind, deadline: string | null, span: { start: number, end: number }, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, agencies: Array<{ name: string, type: AgencyType, role: AgencyRole, agency: { id: string, name: string, nameEn: string } }>, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, implements: Array<{ score: number, method: string, kind: LinkKind, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } }>, parent: { id: string, key: string, title: string } | null }> } | null };

export type CompareQueryVariables = Exact<{
  a: string;
  b: string;
  period?: PeriodInput | null | undefined;
}>;


export type CompareQuery = { compare: { a: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, b: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, documentsA: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, status: PolicyStatus, coversFrom: number | null, coversTo: number | null }>, documentsB: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null, status: PolicyStatus, coversFrom: number | null, coversTo: number | null }>, unlinkedA: Array<{ id: string, key: string, title: string, kind: TaskKind, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } }>, unlinkedB: Array<{ id: string, key: string, title: string, kind: TaskKind, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } }>, shared: Array<{ leadAgencyTypesA: Array<AgencyType>, leadAgencyTypesB: Array<AgencyType>, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }, linksA: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, linksB: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, targetDifferences: Array<{ metric: string, targetsA: Array<{ id: string }>, targetsB: Array<{ id: string }> }> }>, onlyA: Array<{ leadAgencyTypesA: Array<AgencyType>, leadAgencyTypesB: Array<AgencyType>, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }, linksA: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, linksB: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, targetDifferences: Array<{ metric: string, targetsA: Array<{ id: string }>, targetsB: Array<{ id: string }> }> }>, onlyB: Array<{ leadAgencyTypesA: Array<AgencyType>, leadAgencyTypesB: Array<AgencyType>, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }, linksA: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, linksB: Array<{ score: number, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, task: { id: string, key: string, title: string, kind: TaskKind, policy: { id: string } } }>, targetDifferences: Array<{ metric: string, targetsA: Array<{ id: string }>, targetsB: Array<{ id: string }> }> }> } };

export type SearchQueryVariables = Exact<{
  text: string;
  jurisdictionId?: string | null | undefined;
  limit?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ id: string, key: string, title: string, kind: TaskKind, deadline: string | null, snippet: string | null, span: { start: number, end: number }, policy: { id: string, title: string }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, agencies: Array<{ name: string, type: AgencyType, role: AgencyRole, agency: { id: string, name: string, nameEn: string } }>, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, implements: Array<{ score: number, method: string, kind: LinkKind, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string } }> }> };

export type TaskDetailQueryVariables = Exact<{
  id: string;
}>;


export type TaskDetailQuery = { task: { id: string, key: string, title: string, kind: TaskKind, deadline: string | null, text: string, span: { start: number, end: number }, policy: { id: string, title: string, docNumber: string | null, issuedOn: string | null, status: PolicyStatus, sourceFile: string | null, text: string | null }, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel }, agencies: Array<{ name: string, type: AgencyType, role: AgencyRole, agency: { id: string, name: string, nameEn: string } }>, targets: Array<{ id: string, text: string, metric: string | null, op: string | null, value: number | null, unit: string | null, by: string | null }>, implements: Array<{ score: number, method: string, kind: LinkKind, nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string }, evidence: Array<{ localText: string, nationalText: string, localSpan: { start: number, end: number } }> }>, parent: { id: string, key: string, title: string } | null, children: Array<{ id: string, key: string, title: string }> } | null };

export type PolicyDetailQueryVariables = Exact<{
  id: string;
}>;


export type PolicyDetailQuery = { policy: { id: string, title: string, docNumber: string | null, issuer: string | null, issuedOn: string | null, status: PolicyStatus, sourceFile: string | null, jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null, tasks: Array<{ id: string }>, cites: Array<{ id: string, title: string, docNumber: string | null }>, citedBy: Array<{ id: string, title: string, docNumber: string | null }> } | null };

export type NationalItemDetailQueryVariables = Exact<{
  id: string;
}>;


export type NationalItemDetailQuery = { nationalItem: { id: string, titleZh: string, titleEn: string, pillar: string, pillarZh: string, pillarEn: string, text: string, source: string | null, titleIsSummary: boolean, keywords: Array<string>, implementations: Array<{ id: string, jurisdiction: { id: string, name: string, nameEn: string } }> } | null };

export type JurisdictionDetailQueryVariables = Exact<{
  id: string;
}>;


export type JurisdictionDetailQuery = { jurisdiction: { id: string, name: string, nameEn: string, level: JurisdictionLevel, parent: { id: string, name: string, nameEn: string, level: JurisdictionLevel } | null, policies: Array<{ id: string, title: string, docNumber: string | null, issuedOn: string | null }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const PolicyWithJurisdictionFragmentDoc = new TypedDocumentString(`
    fragment PolicyWithJurisdiction on Policy {
  id
  title
  docNumber
  issuedOn
  jurisdiction {
    id
    name
    nameEn
    level
  }
}
    `, {"fragmentName":"PolicyWithJurisdiction"}) as unknown as TypedDocumentString<PolicyWithJurisdictionFragment, unknown>;
export const InstrumentUseFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"InstrumentUseFields"}) as unknown as TypedDocumentString<InstrumentUseFieldsFragment, unknown>;
export const AlignedPassageFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"AlignedPassageFields"}) as unknown as TypedDocumentString<AlignedPassageFieldsFragment, unknown>;
export const JurisdictionRefFragmentDoc = new TypedDocumentString(`
    fragment JurisdictionRef on Jurisdiction {
  id
  name
  nameEn
  level
}
    `, {"fragmentName":"JurisdictionRef"}) as unknown as TypedDocumentString<JurisdictionRefFragment, unknown>;
export const NationalItemRefFragmentDoc = new TypedDocumentString(`
    fragment NationalItemRef on NationalItem {
  id
  titleZh
  titleEn
  pillar
  pillarZh
  pillarEn
}
    `, {"fragmentName":"NationalItemRef"}) as unknown as TypedDocumentString<NationalItemRefFragment, unknown>;
export const TaskTargetFragmentDoc = new TypedDocumentString(`
    fragment TaskTarget on Target {
  id
  text
  metric
  op
  value
  unit
  by
}
    `, {"fragmentName":"TaskTarget"}) as unknown as TypedDocumentString<TaskTargetFragment, unknown>;
export const TaskSummaryFragmentDoc = new TypedDocumentString(`
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
    id
    name
    nameEn
    level
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
    id
    text
    metric
    op
    value
    unit
    by
  }
  implements {
    nationalItem {
      id
      titleZh
      titleEn
      pillar
      pillarZh
      pillarEn
    }
    score
    method
    kind
  }
}
    `, {"fragmentName":"TaskSummary"}) as unknown as TypedDocumentString<TaskSummaryFragment, unknown>;
export const PolicyRefFragmentDoc = new TypedDocumentString(`
    fragment PolicyRef on Policy {
  id
  title
  docNumber
  issuedOn
  status
  coversFrom
  coversTo
}
    `, {"fragmentName":"PolicyRef"}) as unknown as TypedDocumentString<PolicyRefFragment, unknown>;
export const LineageTaskFragmentDoc = new TypedDocumentString(`
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
    id
    name
    nameEn
    level
  }
}
    `, {"fragmentName":"LineageTask"}) as unknown as TypedDocumentString<LineageTaskFragment, unknown>;
export const CompareTaskFragmentDoc = new TypedDocumentString(`
    fragment CompareTask on Task {
  id
  key
  title
  kind
  policy {
    id
  }
}
    `, {"fragmentName":"CompareTask"}) as unknown as TypedDocumentString<CompareTaskFragment, unknown>;
export const CompareRowFragmentDoc = new TypedDocumentString(`
    fragment CompareRow on CompareRow {
  nationalItem {
    id
    titleZh
    titleEn
    pillar
    pillarZh
    pillarEn
  }
  linksA {
    score
    targets {
      id
      text
      metric
      op
      value
      unit
      by
    }
    task {
      id
      key
      title
      kind
      policy {
        id
      }
    }
  }
  linksB {
    score
    targets {
      id
      text
      metric
      op
      value
      unit
      by
    }
    task {
      id
      key
      title
      kind
      policy {
        id
      }
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
    `, {"fragmentName":"CompareRow"}) as unknown as TypedDocumentString<CompareRowFragment, unknown>;
export const AdoptionDocument = new TypedDocumentString(`
    query Adoption($pillar: String) {
  adoption(pillar: $pillar) {
    years
    jurisdictions {
      id
      name
      nameEn
      level
    }
    itemCurves {
      key
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
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
    `) as unknown as TypedDocumentString<AdoptionQuery, AdoptionQueryVariables>;
export const InstrumentMatrixDocument = new TypedDocumentString(`
    query InstrumentMatrix($jurisdictionId: ID) {
  jurisdictions {
    id
    name
    nameEn
    level
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
    `) as unknown as TypedDocumentString<InstrumentMatrixQuery, InstrumentMatrixQueryVariables>;
export const CodedTasksDocument = new TypedDocumentString(`
    query CodedTasks($jurisdictionId: ID) {
  policies(jurisdictionId: $jurisdictionId) {
    id
    title
    docNumber
    issuedOn
    jurisdiction {
      id
      name
      nameEn
      level
    }
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
    }
  }
}
    `) as unknown as TypedDocumentString<CodedTasksQuery, CodedTasksQueryVariables>;
export const TaskAnalysesDocument = new TypedDocumentString(`
    query TaskAnalyses($id: ID!) {
  task(id: $id) {
    id
    text
    instruments {
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
    bestAlignment {
      policy {
        id
        title
        docNumber
        issuedOn
        jurisdiction {
          id
          name
          nameEn
          level
        }
      }
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      taskShare
      passage {
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
    }
  }
}
    `) as unknown as TypedDocumentString<TaskAnalysesQuery, TaskAnalysesQueryVariables>;
export const PolicyListDocument = new TypedDocumentString(`
    query PolicyList {
  policies {
    id
    title
    docNumber
    issuedOn
    jurisdiction {
      id
      name
      nameEn
      level
    }
  }
}
    `) as unknown as TypedDocumentString<PolicyListQuery, PolicyListQueryVariables>;
export const TextReuseDocument = new TypedDocumentString(`
    query TextReuse($a: ID!, $b: ID!) {
  textReuse(policyA: $a, policyB: $b) {
    policyA {
      id
      title
      docNumber
      issuedOn
      jurisdiction {
        id
        name
        nameEn
        level
      }
    }
    policyB {
      id
      title
      docNumber
      issuedOn
      jurisdiction {
        id
        name
        nameEn
        level
      }
    }
    shareA
    shareB
    passages {
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
  }
}
    `) as unknown as TypedDocumentString<TextReuseQuery, TextReuseQueryVariables>;
export const PlanVersionsDocument = new TypedDocumentString(`
    query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {
  planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {
    documents {
      id
      title
      docNumber
      issuedOn
      jurisdiction {
        id
        name
        nameEn
        level
      }
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
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      added {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      dropped {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      targetChanges {
        metric
        direction
        before {
          id
          text
          metric
          op
          value
          unit
          by
        }
        after {
          id
          text
          metric
          op
          value
          unit
          by
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanVersionsQuery, PlanVersionsQueryVariables>;
export const JurisdictionsDocument = new TypedDocumentString(`
    query Jurisdictions {
  jurisdictions {
    id
    name
    nameEn
    level
    policies {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<JurisdictionsQuery, JurisdictionsQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {
  coverage(jurisdictionIds: $jurisdictionIds, period: $period) {
    nationalItems {
      id
      titleZh
      titleEn
      pillar
      pillarZh
      pillarEn
    }
    jurisdictions {
      id
      name
      nameEn
      level
    }
    columns {
      jurisdiction {
        id
      }
      documents {
        id
        title
        docNumber
        issuedOn
        status
        coversFrom
        coversTo
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
    `) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const CoverageCountsDocument = new TypedDocumentString(`
    query CoverageCounts {
  coverage {
    nationalItems {
      id
      titleZh
      titleEn
      pillar
      pillarZh
      pillarEn
    }
    jurisdictions {
      id
      name
      nameEn
      level
    }
    counts
  }
}
    `) as unknown as TypedDocumentString<CoverageCountsQuery, CoverageCountsQueryVariables>;
export const GapAuditDocument = new TypedDocumentString(`
    query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {
  gapAudit(
    nationalItemId: $nationalItemId
    jurisdictionId: $jurisdictionId
    period: $period
  ) {
    status
    documents {
      id
      title
      docNumber
      issuedOn
      status
      coversFrom
      coversTo
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
    `) as unknown as TypedDocumentString<GapAuditQuery, GapAuditQueryVariables>;
export const ImplementationsDocument = new TypedDocumentString(`
    query Implementations($nationalItemId: ID!, $jurisdictionId: ID, $counted: Boolean, $period: PeriodInput) {
  nationalItem(id: $nationalItemId) {
    id
    titleZh
    titleEn
    pillar
    pillarZh
    pillarEn
    implementations(
      jurisdictionId: $jurisdictionId
      counted: $counted
      period: $period
    ) {
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
        id
        name
        nameEn
        level
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
        id
        text
        metric
        op
        value
        unit
        by
      }
      implements {
        nationalItem {
          id
          titleZh
          titleEn
          pillar
          pillarZh
          pillarEn
        }
        score
        method
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImplementationsQuery, ImplementationsQueryVariables>;
export const NationalItemsDocument = new TypedDocumentString(`
    query NationalItems {
  nationalItems {
    id
    titleZh
    titleEn
    pillar
    pillarZh
    pillarEn
  }
}
    `) as unknown as TypedDocumentString<NationalItemsQuery, NationalItemsQueryVariables>;
export const LineageDocument = new TypedDocumentString(`
    query Lineage($taskId: ID!) {
  task(id: $taskId) {
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
      id
      name
      nameEn
      level
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
      id
      text
      metric
      op
      value
      unit
      by
    }
    implements {
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      score
      method
      kind
    }
    parent {
      id
      key
      title
    }
  }
  lineage(taskId: $taskId) {
    tasks {
      id
      key
      title
      kind
      policy {
        id
        title
      }
      jurisdiction {
        id
        name
        nameEn
        level
      }
    }
    nationalItems {
      id
      titleZh
      titleEn
      pillar
      pillarZh
      pillarEn
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
    `) as unknown as TypedDocumentString<LineageQuery, LineageQueryVariables>;
export const NationalItemLineageDocument = new TypedDocumentString(`
    query NationalItemLineage($id: ID!) {
  nationalItem(id: $id) {
    id
    titleZh
    titleEn
    pillar
    pillarZh
    pillarEn
    implementations {
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
        id
        name
        nameEn
        level
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
        id
        text
        metric
        op
        value
        unit
        by
      }
      implements {
        nationalItem {
          id
          titleZh
          titleEn
          pillar
          pillarZh
          pillarEn
        }
        score
        method
        kind
      }
      parent {
        id
        key
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NationalItemLineageQuery, NationalItemLineageQueryVariables>;
export const CompareDocument = new TypedDocumentString(`
    query Compare($a: ID!, $b: ID!, $period: PeriodInput) {
  compare(a: $a, b: $b, period: $period) {
    a {
      id
      name
      nameEn
      level
    }
    b {
      id
      name
      nameEn
      level
    }
    documentsA {
      id
      title
      docNumber
      issuedOn
      status
      coversFrom
      coversTo
    }
    documentsB {
      id
      title
      docNumber
      issuedOn
      status
      coversFrom
      coversTo
    }
    unlinkedA {
      id
      key
      title
      kind
      policy {
        id
        title
      }
      jurisdiction {
        id
        name
        nameEn
        level
      }
    }
    unlinkedB {
      id
      key
      title
      kind
      policy {
        id
        title
      }
      jurisdiction {
        id
        name
        nameEn
        level
      }
    }
    shared {
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      linksA {
        score
        targets {
          id
          text
          metric
          op
          value
          unit
          by
        }
        task {
          id
          key
          title
          kind
          policy {
            id
          }
        }
      }
      linksB {
        score
        targets {
          id
          text
          metric
          op
          value
          unit
          by
        }
        task {
          id
          key
          title
          kind
          policy {
            id
          }
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
    onlyA {
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      linksA {
        score
        targets {
          id
          text
          metric
          op
          value
          unit
          by
        }
        task {
          id
          key
          title
          kind
          policy {
            id
          }
        }
      }
      linksB {
        score
        targets {
          id
          text
          metric
          op
          value
          unit
          by
        }
        task {
          id
          key
          title
          kind
          policy {
            id
          }
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
    onlyB {
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      linksA {
        score
        targets {
          id
          text
          metric
          op
          value
          unit
          by
        }
        task {
          id
          key
          title
          kind
          policy {
            id
          }
        }
      }
      linksB {
        score
        targets {
          id
          text
          metric
          op
          value
          unit
          by
        }
        task {
          id
          key
          title
          kind
          policy {
            id
          }
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
  }
}
    `) as unknown as TypedDocumentString<CompareQuery, CompareQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!, $jurisdictionId: ID, $limit: Int) {
  search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) {
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
      id
      name
      nameEn
      level
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
      id
      text
      metric
      op
      value
      unit
      by
    }
    implements {
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      score
      method
      kind
    }
    snippet
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const TaskDetailDocument = new TypedDocumentString(`
    query TaskDetail($id: ID!) {
  task(id: $id) {
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
      id
      name
      nameEn
      level
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
      id
      text
      metric
      op
      value
      unit
      by
    }
    implements {
      nationalItem {
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
      }
      score
      method
      kind
    }
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
        id
        titleZh
        titleEn
        pillar
        pillarZh
        pillarEn
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
    `) as unknown as TypedDocumentString<TaskDetailQuery, TaskDetailQueryVariables>;
export const PolicyDetailDocument = new TypedDocumentString(`
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
      id
      name
      nameEn
      level
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
    `) as unknown as TypedDocumentString<PolicyDetailQuery, PolicyDetailQueryVariables>;
export const NationalItemDetailDocument = new TypedDocumentString(`
    query NationalItemDetail($id: ID!) {
  nationalItem(id: $id) {
    id
    titleZh
    titleEn
    pillar
    pillarZh
    pillarEn
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
    `) as unknown as TypedDocumentString<NationalItemDetailQuery, NationalItemDetailQueryVariables>;
export const JurisdictionDetailDocument = new TypedDocumentString(`
    query JurisdictionDetail($id: ID!) {
  jurisdiction(id: $id) {
    id
    name
    nameEn
    level
    parent {
      id
      name
      nameEn
      level
    }
    policies {
      id
      title
      docNumber
      issuedOn
    }
  }
}
    `) as unknown as TypedDocumentString<JurisdictionDetailQuery, JurisdictionDetailQueryVariables>;