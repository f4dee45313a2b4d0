/**
 * @module The API's SDL: the object types derived from graph-schema/model.ts, extended here with
 * relationship and computed fields, plus the entry points. Field names are a contract with
 * notebooks and the explorer (issue 5): rename nothing without a deprecation.
 */
import { graphqlEnumTypeDef, graphqlFields, graphqlPayloadTypeDef, graphqlTypeDefs } from '../../graph-schema/graphql-types.js';
import { LINK_TYPES, linkProperties, nodes, relationships } from '../../graph-schema/model.js';
import { linkEvidencePayload, spanPayload } from '../../graph-schema/payloads.js';
import { COVERAGE_STATUSES } from '../analysis/coverage.js';
import { POSSIBLE_FLOOR } from '../../ingest/link/link-tasks.js';
import { TARGET_DIRECTIONS } from '../analysis/plan-versions.js';
import { analysesTypeDefs } from './analyses-type-defs.js';

/** A link's own fields, as the graph stores them on IMPLEMENTS and DERIVES_FROM. */
const linkFields = graphqlFields(linkProperties, ['score', 'method', 'kind', 'curated', 'evidence']);

const extensions = /* GraphQL */ `
  ${graphqlPayloadTypeDef(spanPayload)}
  extend type Jurisdiction {
    "Enclosing jurisdiction (province of a city, nation of a province)."
    parent: Jurisdiction
    "Documents issued by this jurisdiction, including citation stubs when asked."
    policies(includeStubs: Boolean = false): [Policy!]!
  }

  extend type Policy {
    "Decoded source text; task spans index into it. Null for a document known only from a citation."
    text: String
    jurisdiction: Jurisdiction
    "Tasks in document order."
    tasks: [Task!]!
    "Documents this one names as its basis (依据)."
    cites: [Policy!]!
    "Documents that name this one as their basis."
    citedBy: [Policy!]!
  }

  "An agency named responsible for a task, as printed, with the canonical body it resolved to."
  type TaskAgency {
    ${graphqlFields(relationships.RESPONSIBLE.properties, ['name'])}
    ${graphqlFields(nodes.Agency.properties, ['type'], { descriptions: { type: 'Functional type of the agency.' } })}
    ${graphqlFields(relationships.RESPONSIBLE.properties, ['role', 'position'])}
    agency: Agency!
  }

  ${graphqlPayloadTypeDef(linkEvidencePayload)}
  "A task implementing a national reform item (IMPLEMENTS)."
  type ImplementsLink {
    nationalItem: NationalItem!
    task: Task!
    ${linkFields}
    "The task's targets this link bears on: all of them when the task has one link; with several, those of the sentences holding this link's wording, and those of sentences holding no link's."
    targets: [Target!]!
  }

  "A task implementing a task of a parent document (DERIVES_FROM): from the child document's task to the parent's."
  type DerivesFromLink {
    "The task of the lower-level document."
    from: Task!
    "The task of the parent document it implements."
    to: Task!
    ${linkFields}
  }

  extend type Task {
    "Position in the document, 0-based."
    order: Int!
    "Where the task's own text is in Policy.text."
    span: Span!
    policy: Policy!
    jurisdiction: Jurisdiction!
    "Enclosing task in the outline (the section of an item, the item of a measure)."
    parent: Task
    "Tasks directly below this one in the outline, in document order."
    children: [Task!]!
    agencies: [TaskAgency!]!
    targets: [Target!]!
    "National items this task implements, best link first."
    implements: [ImplementsLink!]!
    "Tasks of parent documents this task implements."
    derivesFrom: [DerivesFromLink!]!
    "Tasks of lower-level documents implementing this task."
    derivedBy: [DerivesFromLink!]!
    "In search results: the text around the match, each match between « and » (plain text, not HTML); null elsewhere."
    snippet: String
  }

  extend type NationalItem {
    "Tasks implementing this item, optionally of one jurisdiction and of the documents in force in period (as coverage considers them), in document order; with counted: true, only those a coverage cell counts (items and measures, not headings, nor an item whose link is through its measures)."
    implementations(jurisdictionId: ID, counted: Boolean = false, period: PeriodInput): [Task!]!
    "The same as links with their scores and evidence."
    implementedBy(jurisdictionId: ID, period: PeriodInput): [ImplementsLink!]!
  }

  "One upward step of a lineage: from a task to a national item or to a task of a parent document."
  type LineageLink {
    relation: LineageRelation!
    fromTaskId: ID!
    "Set when relation is DERIVES_FROM."
    toTaskId: ID
    "Set when relation is IMPLEMENTS."
    toNationalItemId: ID
    from: Task!
    toTask: Task
    toNationalItem: NationalItem
    ${linkFields}
  }

  ${graphqlEnumTypeDef('LineageRelation', LINK_TYPES)}

  "A chain of links from the lineage's task up to a national item or to a task with no link further up."
  type LineagePath {
    links: [LineageLink!]!
    "Where the path ends: a national item, or null when it ends at a task (see end)."
    nationalItem: NationalItem
    end: Task
    "Product of the links' scores."
    score: Float!
  }

  "Everything upward from a task: tasks of parent documents and national items, the links between them and every path."
  type Lineage {
    task: Task!
    "The task itself first, then the tasks of parent documents reached."
    tasks: [Task!]!
    nationalItems: [NationalItem!]!
    links: [LineageLink!]!
    paths: [LineagePath!]!
  }

  ${graphqlEnumTypeDef('CoverageStatus', COVERAGE_STATUSES, {
    description: [
      `COVERED: a task implements the item. POSSIBLE: none does, but a task has evidence for it that scored below the link threshold (at least ${POSSIBLE_FLOOR}, or naming the reform the item's title names): a gap for a reader to confirm or overturn. GAP: the jurisdiction's documents were read and no task has either.`,
      'NO_DOCUMENT: the jurisdiction has no document (in the period asked), so nothing can be said.',
    ].join('\n'),
  })}

  "Years, both ends inclusive, either open: documents in force in a year of it (the years a plan's title says it covers, else its issue year)."
  input PeriodInput {
    from: Int
    to: Int
  }

  type CoverageCell {
    nationalItemId: ID!
    jurisdictionId: ID!
    "Items and measures of the jurisdiction's documents implementing the item (section headings are not counted, nor an item whose link is through its measures: its measures are)."
    taskCount: Int!
    taskIds: [ID!]!
    "Of a POSSIBLE cell, the tasks with evidence for the item that scored below the link threshold (see gapAudit for their scores and wording); empty otherwise."
    possibleTaskIds: [ID!]!
    "Documents whose title names the item's reform (关于进一步推广…三明…经验…的通知): the whole document addresses it, though no single item may say so again."
    documentIds: [ID!]!
    status: CoverageStatus!
  }

  "A column of the matrix: a jurisdiction and the documents its cells rest on."
  type CoverageColumn {
    jurisdiction: Jurisdiction!
    "Documents considered, oldest first; none means every cell of the column is NO_DOCUMENT."
    documents: [Policy!]!
  }

  "National items × jurisdictions. Every pair has a cell; see CoverageCell.status for gaps and cells without documents."
  type Coverage {
    nationalItems: [NationalItem!]!
    jurisdictions: [Jurisdiction!]!
    "One per jurisdiction, in the order of jurisdictions."
    columns: [CoverageColumn!]!
    cells: [CoverageCell!]!
    """
    The cells' task counts as a matrix: one row per national item in the order of nationalItems,
    one column per jurisdiction in the order of jurisdictions. The same numbers as the cells in a
    fraction of the size (a data frame in one step; 170,000 cells on a national store).
    """
    counts: [[Int!]!]!
  }

  "Quantified targets of the two sides that measure the same thing with different figures."
  type TargetDifference {
    metric: String!
    targetsA: [Target!]!
    targetsB: [Target!]!
  }

  type CompareRow {
    nationalItem: NationalItem!
    tasksA: [Task!]!
    tasksB: [Task!]!
    "The links of tasksA to the row's national item, in the same order: each task with the score and evidence of its link."
    linksA: [ImplementsLink!]!
    linksB: [ImplementsLink!]!
    "Types of the agencies heading tasksA, most frequent first: those marked lead (牵头), or, where a task ranks nobody, those it names responsible."
    leadAgencyTypesA: [AgencyType!]!
    leadAgencyTypesB: [AgencyType!]!
    "Only for shared items: targets on the same metric whose figures differ."
    targetDifferences: [TargetDifference!]!
  }

  "Two jurisdictions side by side, consistent with coverage(jurisdictionIds: [a, b], period)."
  type Comparison {
    a: Jurisdiction!
    b: Jurisdiction!
    "Documents each side rests on, oldest first."
    documentsA: [Policy!]!
    documentsB: [Policy!]!
    "Items both implement."
    shared: [CompareRow!]!
    "Items only a implements (gaps of b)."
    onlyA: [CompareRow!]!
    "Items only b implements (gaps of a)."
    onlyB: [CompareRow!]!
    "Local innovations of a: items linked to no national item, neither themselves nor through a measure."
    unlinkedA: [Task!]!
    unlinkedB: [Task!]!
  }

  "A task of the jurisdiction with some evidence for the item that the linker did not link."
  type GapCandidate {
    task: Task!
    ${graphqlFields(linkProperties, ['score', 'kind', 'evidence'], {
      descriptions: {
        score: "The score the link would have (see README: link scores); below the linker's threshold, or rejected by a reviewer.",
        evidence: 'Matched wording, exact spans in Task.text and NationalItem.text.',
      },
    })}
    "Whether the task names the reform the item's title names, in three characters or more (职业病 of 职业病防治): such a candidate makes the cell POSSIBLE whatever its score."
    namesReform: Boolean!
  }

  "A task whose text names the item's keywords or their glossary forms."
  type KeywordHit {
    "The forms found, joined by 、."
    keyword: String!
    task: Task!
    "Text around the match, each match between « and »."
    snippet: String!
  }

  "The evidence behind one coverage cell, to confirm or overturn a gap."
  type GapAudit {
    nationalItem: NationalItem!
    jurisdiction: Jurisdiction!
    status: CoverageStatus!
    "Documents considered, oldest first."
    documents: [Policy!]!
    "Unlinked tasks with evidence for the item, best first (at most 10)."
    candidates: [GapCandidate!]!
    "Tasks naming the item's keywords, in document order (at most 30)."
    keywordHits: [KeywordHit!]!
  }

  "When a jurisdiction first addressed a national item (政策扩散), or that it had not by the last year observed."
  type AdoptionEvent {
    jurisdiction: Jurisdiction!
    nationalItem: NationalItem!
    "Year of the first dated document with an item or measure linked to the national item; null: not addressed (censored at observedUntil)."
    year: Int
    "That first document."
    document: Policy
    "First and last years of the jurisdiction's dated documents (issue year, else the first year the title covers)."
    observedFrom: Int!
    observedUntil: Int!
  }

  "Cumulative adoption of a national item, or of a pillar (adopted with its first item), over Adoption.years."
  type AdoptionCurve {
    "The national item's id, or the pillar's id."
    key: ID!
    "Null for a pillar's curve."
    nationalItem: NationalItem
    pillar: String!
    "Jurisdictions that had adopted by each year."
    adopted: [Int!]!
    "Their codes, per year."
    adopters: [[ID!]!]!
  }

  type Adoption {
    "Every year from the first to the last observed."
    years: [Int!]!
    jurisdictions: [Jurisdiction!]!
    "One per (jurisdiction, national item); the same rows as GET /export/adoption.csv."
    events: [AdoptionEvent!]!
    itemCurves: [AdoptionCurve!]!
    pillarCurves: [AdoptionCurve!]!
  }

  ${graphqlEnumTypeDef('TargetDirection', TARGET_DIRECTIONS)}

  "A metric quantified in both versions with different figures: RAISED or LOWERED when each states one figure in the same unit."
  type TargetChange {
    metric: String!
    before: [Target!]!
    after: [Target!]!
    direction: TargetDirection!
  }

  "From one version of a plan to the next."
  type PlanVersionStep {
    from: Policy!
    to: Policy!
    "National items both versions address (through items or measures)."
    continued: [NationalItem!]!
    added: [NationalItem!]!
    dropped: [NationalItem!]!
    targetChanges: [TargetChange!]!
  }

  "Successive documents of one kind (titles equal once years and plan periods are removed), oldest first."
  type PlanSeries {
    documents: [Policy!]!
    steps: [PlanVersionStep!]!
  }

  type Query {
    "All jurisdictions in the graph, by code."
    jurisdictions: [Jurisdiction!]!
    "A jurisdiction by its GB/T 2260 code."
    jurisdiction(id: ID!): Jurisdiction
    "Policies, of one jurisdiction when given; citation stubs only when asked."
    policies(jurisdictionId: ID, includeStubs: Boolean = false): [Policy!]!
    policy(id: ID!): Policy
    task(id: ID!): Task
    "A page of tasks in document order, of one jurisdiction when given."
    tasks(jurisdictionId: ID, limit: Int = 50, offset: Int = 0): [Task!]!
    "Chinese full-text search over task text, best first: any substring of 2+ characters, or words segmented from the query."
    search(text: String!, jurisdictionId: ID, limit: Int = 20): [Task!]!
    nationalItems(pillar: String): [NationalItem!]!
    nationalItem(id: ID!): NationalItem
    "Every path upward from a task to national items and tasks of parent documents; null for an unknown task."
    lineage(taskId: ID!): Lineage
    "The national items × jurisdictions matrix; all jurisdictions with tasks when none are given; documents in force in period when given."
    coverage(jurisdictionIds: [ID!], period: PeriodInput): Coverage!
    compare(a: ID!, b: ID!, period: PeriodInput): Comparison!
    "When each jurisdiction (all with documents when none are given) first addressed each national item (of one pillar when given)."
    adoption(jurisdictionIds: [ID!], pillar: String): Adoption!
    "Versions of plans: the series among a jurisdiction's documents, or the documents given (as one series, ordered by date)."
    planVersions(jurisdictionId: ID, policyIds: [ID!]): [PlanSeries!]!
    "Candidates and keyword hits behind the cell of one national item and one jurisdiction."
    gapAudit(nationalItemId: ID!, jurisdictionId: ID!, period: PeriodInput): GapAudit!
  }
`;

export function apiTypeDefs(): string {
  return [graphqlTypeDefs().trim(), extensions.trim(), analysesTypeDefs.trim()].join('\n\n') + '\n';
}
