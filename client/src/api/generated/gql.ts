/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PolicyWithJurisdiction on Policy {\n    id title docNumber issuedOn jurisdiction { ...JurisdictionRef }\n  }\n": typeof types.PolicyWithJurisdictionFragmentDoc,
    "\n  fragment InstrumentUseFields on InstrumentUse {\n    type subType nameZh nameEn evidence { text span { start end } clause { start end } }\n  }\n": typeof types.InstrumentUseFieldsFragmentDoc,
    "\n  fragment AlignedPassageFields on AlignedPassage {\n    spanA { start end } spanB { start end } textA textB score identity segments { kind textA textB }\n  }\n": typeof types.AlignedPassageFieldsFragmentDoc,
    "\n  query Adoption($pillar: String) {\n    adoption(pillar: $pillar) {\n      years\n      jurisdictions { ...JurisdictionRef }\n      itemCurves { key nationalItem { ...NationalItemRef } pillar adopted adopters }\n      pillarCurves { key pillar adopted adopters }\n    }\n  }\n": typeof types.AdoptionDocument,
    "\n  query InstrumentMatrix($jurisdictionId: ID) {\n    jurisdictions { ...JurisdictionRef policies { id } }\n    instrumentMatrix(jurisdictionId: $jurisdictionId) {\n      subTypes { id type nameZh nameEn definition }\n      reformAreas { id nameZh nameEn }\n      counts totals taskCount unlinkedTaskCount\n    }\n  }\n": typeof types.InstrumentMatrixDocument,
    "\n  query CodedTasks($jurisdictionId: ID) {\n    policies(jurisdictionId: $jurisdictionId) {\n      ...PolicyWithJurisdiction\n      tasks { id key title text implements { nationalItem { id pillar } } instruments { ...InstrumentUseFields } }\n    }\n  }\n": typeof types.CodedTasksDocument,
    "\n  query TaskAnalyses($id: ID!) {\n    task(id: $id) {\n      id text\n      instruments { ...InstrumentUseFields }\n      bestAlignment {\n        policy { ...PolicyWithJurisdiction }\n        nationalItem { ...NationalItemRef }\n        taskShare\n        passage { ...AlignedPassageFields }\n      }\n    }\n  }\n": typeof types.TaskAnalysesDocument,
    "\n  query PolicyList {\n    policies { ...PolicyWithJurisdiction }\n  }\n": typeof types.PolicyListDocument,
    "\n  query TextReuse($a: ID!, $b: ID!) {\n    textReuse(policyA: $a, policyB: $b) {\n      policyA { ...PolicyWithJurisdiction }\n      policyB { ...PolicyWithJurisdiction }\n      shareA shareB\n      passages { ...AlignedPassageFields }\n    }\n  }\n": typeof types.TextReuseDocument,
    "\n  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {\n    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {\n      documents { ...PolicyWithJurisdiction coversFrom coversTo }\n      steps {\n        from { id } to { id }\n        continued { ...NationalItemRef }\n        added { ...NationalItemRef }\n        dropped { ...NationalItemRef }\n        targetChanges { metric direction before { ...TaskTarget } after { ...TaskTarget } }\n      }\n    }\n  }\n": typeof types.PlanVersionsDocument,
    "\n  fragment JurisdictionRef on Jurisdiction {\n    id name nameEn level\n  }\n": typeof types.JurisdictionRefFragmentDoc,
    "\n  fragment NationalItemRef on NationalItem {\n    id titleZh titleEn pillar pillarZh pillarEn\n  }\n": typeof types.NationalItemRefFragmentDoc,
    "\n  fragment TaskTarget on Target {\n    id text metric op value unit by\n  }\n": typeof types.TaskTargetFragmentDoc,
    "\n  fragment TaskSummary on Task {\n    id key title kind deadline\n    span { start end }\n    policy { id title }\n    jurisdiction { ...JurisdictionRef }\n    agencies { name type role agency { id name nameEn } }\n    targets { ...TaskTarget }\n    implements { nationalItem { ...NationalItemRef } score method kind }\n  }\n": typeof types.TaskSummaryFragmentDoc,
    "\n  fragment PolicyRef on Policy {\n    id title docNumber issuedOn status coversFrom coversTo\n  }\n": typeof types.PolicyRefFragmentDoc,
    "\n  fragment LineageTask on Task {\n    id key title kind policy { id title } jurisdiction { ...JurisdictionRef }\n  }\n": typeof types.LineageTaskFragmentDoc,
    "\n  fragment CompareRow on CompareRow {\n    nationalItem { ...NationalItemRef }\n    tasksA { ...TaskSummary }\n    tasksB { ...TaskSummary }\n    leadAgencyTypesA leadAgencyTypesB\n    targetDifferences { metric targetsA { id } targetsB { id } }\n  }\n": typeof types.CompareRowFragmentDoc,
    "\n  query Jurisdictions {\n    jurisdictions { ...JurisdictionRef policies { id } }\n  }\n": typeof types.JurisdictionsDocument,
    "\n  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {\n    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {\n      nationalItems { ...NationalItemRef }\n      jurisdictions { ...JurisdictionRef }\n      columns { jurisdiction { id } documents { ...PolicyRef } }\n      cells { nationalItemId jurisdictionId taskCount status }\n    }\n  }\n": typeof types.CoverageDocument,
    "\n  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {\n    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {\n      status\n      documents { ...PolicyRef }\n      candidates {\n        task { id key title policy { id title } }\n        score kind\n        evidence { localText localSpan { start end } nationalText }\n      }\n      keywordHits { keyword snippet task { id key title policy { id title } } }\n    }\n  }\n": typeof types.GapAuditDocument,
    "\n  query Implementations($nationalItemId: ID!, $jurisdictionId: ID) {\n    nationalItem(id: $nationalItemId) {\n      ...NationalItemRef\n      implementations(jurisdictionId: $jurisdictionId) { ...TaskSummary }\n    }\n  }\n": typeof types.ImplementationsDocument,
    "\n  query NationalItems {\n    nationalItems { ...NationalItemRef }\n  }\n": typeof types.NationalItemsDocument,
    "\n  query Lineage($taskId: ID!) {\n    task(id: $taskId) { ...TaskSummary parent { id key title } }\n    lineage(taskId: $taskId) {\n      tasks { ...LineageTask }\n      nationalItems { ...NationalItemRef }\n      links { fromTaskId toTaskId toNationalItemId score method kind curated }\n    }\n  }\n": typeof types.LineageDocument,
    "\n  query NationalItemLineage($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      implementations { ...TaskSummary parent { id key title } }\n    }\n  }\n": typeof types.NationalItemLineageDocument,
    "\n  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {\n    compare(a: $a, b: $b, period: $period) {\n      a { ...JurisdictionRef }\n      b { ...JurisdictionRef }\n      documentsA { ...PolicyRef }\n      documentsB { ...PolicyRef }\n      unlinkedA { ...LineageTask }\n      unlinkedB { ...LineageTask }\n      shared { ...CompareRow }\n      onlyA { ...CompareRow }\n      onlyB { ...CompareRow }\n    }\n  }\n": typeof types.CompareDocument,
    "\n  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {\n    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) { ...TaskSummary snippet }\n  }\n": typeof types.SearchDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskSummary\n      text\n      policy { id title docNumber issuedOn status sourceFile text }\n      parent { id key title }\n      children { id key title }\n      implements {\n        nationalItem { ...NationalItemRef } score method kind\n        evidence { localText localSpan { start end } nationalText }\n      }\n    }\n  }\n": typeof types.TaskDetailDocument,
    "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id title docNumber issuer issuedOn status sourceFile\n      jurisdiction { ...JurisdictionRef }\n      tasks { id }\n      cites { id title docNumber }\n      citedBy { id title docNumber }\n    }\n  }\n": typeof types.PolicyDetailDocument,
    "\n  query NationalItemDetail($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef text source titleIsSummary keywords\n      implementations { id jurisdiction { id name nameEn } }\n    }\n  }\n": typeof types.NationalItemDetailDocument,
    "\n  query JurisdictionDetail($id: ID!) {\n    jurisdiction(id: $id) {\n      ...JurisdictionRef\n      parent { ...JurisdictionRef }\n      policies { id title docNumber issuedOn }\n    }\n  }\n": typeof types.JurisdictionDetailDocument,
};
const documents: Documents = {
    "\n  fragment PolicyWithJurisdiction on Policy {\n    id title docNumber issuedOn jurisdiction { ...JurisdictionRef }\n  }\n": types.PolicyWithJurisdictionFragmentDoc,
    "\n  fragment InstrumentUseFields on InstrumentUse {\n    type subType nameZh nameEn evidence { text span { start end } clause { start end } }\n  }\n": types.InstrumentUseFieldsFragmentDoc,
    "\n  fragment AlignedPassageFields on AlignedPassage {\n    spanA { start end } spanB { start end } textA textB score identity segments { kind textA textB }\n  }\n": types.AlignedPassageFieldsFragmentDoc,
    "\n  query Adoption($pillar: String) {\n    adoption(pillar: $pillar) {\n      years\n      jurisdictions { ...JurisdictionRef }\n      itemCurves { key nationalItem { ...NationalItemRef } pillar adopted adopters }\n      pillarCurves { key pillar adopted adopters }\n    }\n  }\n": types.AdoptionDocument,
    "\n  query InstrumentMatrix($jurisdictionId: ID) {\n    jurisdictions { ...JurisdictionRef policies { id } }\n    instrumentMatrix(jurisdictionId: $jurisdictionId) {\n      subTypes { id type nameZh nameEn definition }\n      reformAreas { id nameZh nameEn }\n      counts totals taskCount unlinkedTaskCount\n    }\n  }\n": types.InstrumentMatrixDocument,
    "\n  query CodedTasks($jurisdictionId: ID) {\n    policies(jurisdictionId: $jurisdictionId) {\n      ...PolicyWithJurisdiction\n      tasks { id key title text implements { nationalItem { id pillar } } instruments { ...InstrumentUseFields } }\n    }\n  }\n": types.CodedTasksDocument,
    "\n  query TaskAnalyses($id: ID!) {\n    task(id: $id) {\n      id text\n      instruments { ...InstrumentUseFields }\n      bestAlignment {\n        policy { ...PolicyWithJurisdiction }\n        nationalItem { ...NationalItemRef }\n        taskShare\n        passage { ...AlignedPassageFields }\n      }\n    }\n  }\n": types.TaskAnalysesDocument,
    "\n  query PolicyList {\n    policies { ...PolicyWithJurisdiction }\n  }\n": types.PolicyListDocument,
    "\n  query TextReuse($a: ID!, $b: ID!) {\n    textReuse(policyA: $a, policyB: $b) {\n      policyA { ...PolicyWithJurisdiction }\n      policyB { ...PolicyWithJurisdiction }\n      shareA shareB\n      passages { ...AlignedPassageFields }\n    }\n  }\n": types.TextReuseDocument,
    "\n  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {\n    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {\n      documents { ...PolicyWithJurisdiction coversFrom coversTo }\n      steps {\n        from { id } to { id }\n        continued { ...NationalItemRef }\n        added { ...NationalItemRef }\n        dropped { ...NationalItemRef }\n        targetChanges { metric direction before { ...TaskTarget } after { ...TaskTarget } }\n      }\n    }\n  }\n": types.PlanVersionsDocument,
    "\n  fragment JurisdictionRef on Jurisdiction {\n    id name nameEn level\n  }\n": types.JurisdictionRefFragmentDoc,
    "\n  fragment NationalItemRef on NationalItem {\n    id titleZh titleEn pillar pillarZh pillarEn\n  }\n": types.NationalItemRefFragmentDoc,
    "\n  fragment TaskTarget on Target {\n    id text metric op value unit by\n  }\n": types.TaskTargetFragmentDoc,
    "\n  fragment TaskSummary on Task {\n    id key title kind deadline\n    span { start end }\n    policy { id title }\n    jurisdiction { ...JurisdictionRef }\n    agencies { name type role agency { id name nameEn } }\n    targets { ...TaskTarget }\n    implements { nationalItem { ...NationalItemRef } score method kind }\n  }\n": types.TaskSummaryFragmentDoc,
    "\n  fragment PolicyRef on Policy {\n    id title docNumber issuedOn status coversFrom coversTo\n  }\n": types.PolicyRefFragmentDoc,
    "\n  fragment LineageTask on Task {\n    id key title kind policy { id title } jurisdiction { ...JurisdictionRef }\n  }\n": types.LineageTaskFragmentDoc,
    "\n  fragment CompareRow on CompareRow {\n    nationalItem { ...NationalItemRef }\n    tasksA { ...TaskSummary }\n    tasksB { ...TaskSummary }\n    leadAgencyTypesA leadAgencyTypesB\n    targetDifferences { metric targetsA { id } targetsB { id } }\n  }\n": types.CompareRowFragmentDoc,
    "\n  query Jurisdictions {\n    jurisdictions { ...JurisdictionRef policies { id } }\n  }\n": types.JurisdictionsDocument,
    "\n  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {\n    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {\n      nationalItems { ...NationalItemRef }\n      jurisdictions { ...JurisdictionRef }\n      columns { jurisdiction { id } documents { ...PolicyRef } }\n      cells { nationalItemId jurisdictionId taskCount status }\n    }\n  }\n": types.CoverageDocument,
    "\n  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {\n    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {\n      status\n      documents { ...PolicyRef }\n      candidates {\n        task { id key title policy { id title } }\n        score kind\n        evidence { localText localSpan { start end } nationalText }\n      }\n      keywordHits { keyword snippet task { id key title policy { id title } } }\n    }\n  }\n": types.GapAuditDocument,
    "\n  query Implementations($nationalItemId: ID!, $jurisdictionId: ID) {\n    nationalItem(id: $nationalItemId) {\n      ...NationalItemRef\n      implementations(jurisdictionId: $jurisdictionId) { ...TaskSummary }\n    }\n  }\n": types.ImplementationsDocument,
    "\n  query NationalItems {\n    nationalItems { ...NationalItemRef }\n  }\n": types.NationalItemsDocument,
    "\n  query Lineage($taskId: ID!) {\n    task(id: $taskId) { ...TaskSummary parent { id key title } }\n    lineage(taskId: $taskId) {\n      tasks { ...LineageTask }\n      nationalItems { ...NationalItemRef }\n      links { fromTaskId toTaskId toNationalItemId score method kind curated }\n    }\n  }\n": types.LineageDocument,
    "\n  query NationalItemLineage($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      implementations { ...TaskSummary parent { id key title } }\n    }\n  }\n": types.NationalItemLineageDocument,
    "\n  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {\n    compare(a: $a, b: $b, period: $period) {\n      a { ...JurisdictionRef }\n      b { ...JurisdictionRef }\n      documentsA { ...PolicyRef }\n      documentsB { ...PolicyRef }\n      unlinkedA { ...LineageTask }\n      unlinkedB { ...LineageTask }\n      shared { ...CompareRow }\n      onlyA { ...CompareRow }\n      onlyB { ...CompareRow }\n    }\n  }\n": types.CompareDocument,
    "\n  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {\n    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) { ...TaskSummary snippet }\n  }\n": types.SearchDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskSummary\n      text\n      policy { id title docNumber issuedOn status sourceFile text }\n      parent { id key title }\n      children { id key title }\n      implements {\n        nationalItem { ...NationalItemRef } score method kind\n        evidence { localText localSpan { start end } nationalText }\n      }\n    }\n  }\n": types.TaskDetailDocument,
    "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id title docNumber issuer issuedOn status sourceFile\n      jurisdiction { ...JurisdictionRef }\n      tasks { id }\n      cites { id title docNumber }\n      citedBy { id title docNumber }\n    }\n  }\n": types.PolicyDetailDocument,
    "\n  query NationalItemDetail($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef text source titleIsSummary keywords\n      implementations { id jurisdiction { id name nameEn } }\n    }\n  }\n": types.NationalItemDetailDocument,
    "\n  query JurisdictionDetail($id: ID!) {\n    jurisdiction(id: $id) {\n      ...JurisdictionRef\n      parent { ...JurisdictionRef }\n      policies { id title docNumber issuedOn }\n    }\n  }\n": types.JurisdictionDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyWithJurisdiction on Policy {\n    id title docNumber issuedOn jurisdiction { ...JurisdictionRef }\n  }\n"): typeof import('./graphql.js').PolicyWithJurisdictionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstrumentUseFields on InstrumentUse {\n    type subType nameZh nameEn evidence { text span { start end } clause { start end } }\n  }\n"): typeof import('./graphql.js').InstrumentUseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlignedPassageFields on AlignedPassage {\n    spanA { start end } spanB { start end } textA textB score identity segments { kind textA textB }\n  }\n"): typeof import('./graphql.js').AlignedPassageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Adoption($pillar: String) {\n    adoption(pillar: $pillar) {\n      years\n      jurisdictions { ...JurisdictionRef }\n      itemCurves { key nationalItem { ...NationalItemRef } pillar adopted adopters }\n      pillarCurves { key pillar adopted adopters }\n    }\n  }\n"): typeof import('./graphql.js').AdoptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstrumentMatrix($jurisdictionId: ID) {\n    jurisdictions { ...JurisdictionRef policies { id } }\n    instrumentMatrix(jurisdictionId: $jurisdictionId) {\n      subTypes { id type nameZh nameEn definition }\n      reformAreas { id nameZh nameEn }\n      counts totals taskCount unlinkedTaskCount\n    }\n  }\n"): typeof import('./graphql.js').InstrumentMatrixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodedTasks($jurisdictionId: ID) {\n    policies(jurisdictionId: $jurisdictionId) {\n      ...PolicyWithJurisdiction\n      tasks { id key title text implements { nationalItem { id pillar } } instruments { ...InstrumentUseFields } }\n    }\n  }\n"): typeof import('./graphql.js').CodedTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskAnalyses($id: ID!) {\n    task(id: $id) {\n      id text\n      instruments { ...InstrumentUseFields }\n      bestAlignment {\n        policy { ...PolicyWithJurisdiction }\n        nationalItem { ...NationalItemRef }\n        taskShare\n        passage { ...AlignedPassageFields }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TaskAnalysesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyList {\n    policies { ...PolicyWithJurisdiction }\n  }\n"): typeof import('./graphql.js').PolicyListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TextReuse($a: ID!, $b: ID!) {\n    textReuse(policyA: $a, policyB: $b) {\n      policyA { ...PolicyWithJurisdiction }\n      policyB { ...PolicyWithJurisdiction }\n      shareA shareB\n      passages { ...AlignedPassageFields }\n    }\n  }\n"): typeof import('./graphql.js').TextReuseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {\n    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {\n      documents { ...PolicyWithJurisdiction coversFrom coversTo }\n      steps {\n        from { id } to { id }\n        continued { ...NationalItemRef }\n        added { ...NationalItemRef }\n        dropped { ...NationalItemRef }\n        targetChanges { metric direction before { ...TaskTarget } after { ...TaskTarget } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').PlanVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JurisdictionRef on Jurisdiction {\n    id name nameEn level\n  }\n"): typeof import('./graphql.js').JurisdictionRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NationalItemRef on NationalItem {\n    id titleZh titleEn pillar pillarZh pillarEn\n  }\n"): typeof import('./graphql.js').NationalItemRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskTarget on Target {\n    id text metric op value unit by\n  }\n"): typeof import('./graphql.js').TaskTargetFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskSummary on Task {\n    id key title kind deadline\n    span { start end }\n    policy { id title }\n    jurisdiction { ...JurisdictionRef }\n    agencies { name type role agency { id name nameEn } }\n    targets { ...TaskTarget }\n    implements { nationalItem { ...NationalItemRef } score method kind }\n  }\n"): typeof import('./graphql.js').TaskSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyRef on Policy {\n    id title docNumber issuedOn status coversFrom coversTo\n  }\n"): typeof import('./graphql.js').PolicyRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LineageTask on Task {\n    id key title kind policy { id title } jurisdiction { ...JurisdictionRef }\n  }\n"): typeof import('./graphql.js').LineageTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompareRow on CompareRow {\n    nationalItem { ...NationalItemRef }\n    tasksA { ...TaskSummary }\n    tasksB { ...TaskSummary }\n    leadAgencyTypesA leadAgencyTypesB\n    targetDifferences { metric targetsA { id } targetsB { id } }\n  }\n"): typeof import('./graphql.js').CompareRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jurisdictions {\n    jurisdictions { ...JurisdictionRef policies { id } }\n  }\n"): typeof import('./graphql.js').JurisdictionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {\n    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {\n      nationalItems { ...NationalItemRef }\n      jurisdictions { ...JurisdictionRef }\n      columns { jurisdiction { id } documents { ...PolicyRef } }\n      cells { nationalItemId jurisdictionId taskCount status }\n    }\n  }\n"): typeof import('./graphql.js').CoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {\n    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {\n      status\n      documents { ...PolicyRef }\n      candidates {\n        task { id key title policy { id title } }\n        score kind\n        evidence { localText localSpan { start end } nationalText }\n      }\n      keywordHits { keyword snippet task { id key title policy { id title } } }\n    }\n  }\n"): typeof import('./graphql.js').GapAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Implementations($nationalItemId: ID!, $jurisdictionId: ID) {\n    nationalItem(id: $nationalItemId) {\n      ...NationalItemRef\n      implementations(jurisdictionId: $jurisdictionId) { ...TaskSummary }\n    }\n  }\n"): typeof import('./graphql.js').ImplementationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalItems {\n    nationalItems { ...NationalItemRef }\n  }\n"): typeof import('./graphql.js').NationalItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lineage($taskId: ID!) {\n    task(id: $taskId) { ...TaskSummary parent { id key title } }\n    lineage(taskId: $taskId) {\n      tasks { ...LineageTask }\n      nationalItems { ...NationalItemRef }\n      links { fromTaskId toTaskId toNationalItemId score method kind curated }\n    }\n  }\n"): typeof import('./graphql.js').LineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalItemLineage($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      implementations { ...TaskSummary parent { id key title } }\n    }\n  }\n"): typeof import('./graphql.js').NationalItemLineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {\n    compare(a: $a, b: $b, period: $period) {\n      a { ...JurisdictionRef }\n      b { ...JurisdictionRef }\n      documentsA { ...PolicyRef }\n      documentsB { ...PolicyRef }\n      unlinkedA { ...LineageTask }\n      unlinkedB { ...LineageTask }\n      shared { ...CompareRow }\n      onlyA { ...CompareRow }\n      onlyB { ...CompareRow }\n    }\n  }\n"): typeof import('./graphql.js').CompareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {\n    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) { ...TaskSummary snippet }\n  }\n"): typeof import('./graphql.js').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskSummary\n      text\n      policy { id title docNumber issuedOn status sourceFile text }\n      parent { id key title }\n      children { id key title }\n      implements {\n        nationalItem { ...NationalItemRef } score method kind\n        evidence { localText localSpan { start end } nationalText }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TaskDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id title docNumber issuer issuedOn status sourceFile\n      jurisdiction { ...JurisdictionRef }\n      tasks { id }\n      cites { id title docNumber }\n      citedBy { id title docNumber }\n    }\n  }\n"): typeof import('./graphql.js').PolicyDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalItemDetail($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef text source titleIsSummary keywords\n      implementations { id jurisdiction { id name nameEn } }\n    }\n  }\n"): typeof import('./graphql.js').NationalItemDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JurisdictionDetail($id: ID!) {\n    jurisdiction(id: $id) {\n      ...JurisdictionRef\n      parent { ...JurisdictionRef }\n      policies { id title docNumber issuedOn }\n    }\n  }\n"): typeof import('./graphql.js').JurisdictionDetailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
