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
    "\n  fragment PolicyWithJurisdiction on Policy {\n    id\n    title\n    docNumber\n    issuedOn\n    jurisdiction {\n      ...JurisdictionRef\n    }\n  }\n": typeof types.PolicyWithJurisdictionFragmentDoc,
    "\n  fragment InstrumentUseFields on InstrumentUse {\n    type\n    subType\n    nameZh\n    nameEn\n    evidence {\n      text\n      span {\n        start\n        end\n      }\n      clause {\n        start\n        end\n      }\n    }\n  }\n": typeof types.InstrumentUseFieldsFragmentDoc,
    "\n  fragment AlignedPassageFields on AlignedPassage {\n    spanA {\n      start\n      end\n    }\n    spanB {\n      start\n      end\n    }\n    textA\n    textB\n    score\n    identity\n    segments {\n      kind\n      textA\n      textB\n    }\n  }\n": typeof types.AlignedPassageFieldsFragmentDoc,
    "\n  query Adoption($pillar: String) {\n    adoption(pillar: $pillar) {\n      years\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      itemCurves {\n        key\n        nationalItem {\n          ...NationalItemRef\n        }\n        pillar\n        adopted\n        adopters\n      }\n      pillarCurves {\n        key\n        pillar\n        adopted\n        adopters\n      }\n    }\n  }\n": typeof types.AdoptionDocument,
    "\n  query InstrumentMatrix($jurisdictionId: ID) {\n    jurisdictions {\n      ...JurisdictionRef\n      policies {\n        id\n      }\n    }\n    instrumentMatrix(jurisdictionId: $jurisdictionId) {\n      subTypes {\n        id\n        type\n        nameZh\n        nameEn\n        definition\n      }\n      reformAreas {\n        id\n        nameZh\n        nameEn\n      }\n      counts\n      totals\n      taskCount\n      unlinkedTaskCount\n    }\n  }\n": typeof types.InstrumentMatrixDocument,
    "\n  query CodedTasks($jurisdictionId: ID) {\n    policies(jurisdictionId: $jurisdictionId) {\n      ...PolicyWithJurisdiction\n      tasks {\n        id\n        key\n        title\n        text\n        implements {\n          nationalItem {\n            id\n            pillar\n          }\n        }\n        instruments {\n          ...InstrumentUseFields\n        }\n      }\n    }\n  }\n": typeof types.CodedTasksDocument,
    "\n  query TaskAnalyses($id: ID!) {\n    task(id: $id) {\n      id\n      text\n      instruments {\n        ...InstrumentUseFields\n      }\n      bestAlignment {\n        policy {\n          ...PolicyWithJurisdiction\n        }\n        nationalItem {\n          ...NationalItemRef\n        }\n        taskShare\n        passage {\n          ...AlignedPassageFields\n        }\n      }\n    }\n  }\n": typeof types.TaskAnalysesDocument,
    "\n  query PolicyList {\n    policies {\n      ...PolicyWithJurisdiction\n    }\n  }\n": typeof types.PolicyListDocument,
    "\n  query TextReuse($a: ID!, $b: ID!) {\n    textReuse(policyA: $a, policyB: $b) {\n      policyA {\n        ...PolicyWithJurisdiction\n      }\n      policyB {\n        ...PolicyWithJurisdiction\n      }\n      shareA\n      shareB\n      passages {\n        ...AlignedPassageFields\n      }\n    }\n  }\n": typeof types.TextReuseDocument,
    "\n  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {\n    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {\n      documents {\n        ...PolicyWithJurisdiction\n        coversFrom\n        coversTo\n      }\n      steps {\n        from {\n          id\n        }\n        to {\n          id\n        }\n        continued {\n          ...NationalItemRef\n        }\n        added {\n          ...NationalItemRef\n        }\n        dropped {\n          ...NationalItemRef\n        }\n        targetChanges {\n          metric\n          direction\n          before {\n            ...TaskTarget\n          }\n          after {\n            ...TaskTarget\n          }\n        }\n      }\n    }\n  }\n": typeof types.PlanVersionsDocument,
    "\n  fragment JurisdictionRef on Jurisdiction {\n    id\n    name\n    nameEn\n    level\n  }\n": typeof types.JurisdictionRefFragmentDoc,
    "\n  fragment NationalItemRef on NationalItem {\n    id\n    titleZh\n    titleEn\n    pillar\n    pillarZh\n    pillarEn\n  }\n": typeof types.NationalItemRefFragmentDoc,
    "\n  fragment TaskTarget on Target {\n    id\n    text\n    metric\n    op\n    value\n    unit\n    by\n  }\n": typeof types.TaskTargetFragmentDoc,
    "\n  fragment TaskSummary on Task {\n    id\n    key\n    title\n    kind\n    deadline\n    span {\n      start\n      end\n    }\n    policy {\n      id\n      title\n    }\n    jurisdiction {\n      ...JurisdictionRef\n    }\n    agencies {\n      name\n      type\n      role\n      agency {\n        id\n        name\n        nameEn\n      }\n    }\n    targets {\n      ...TaskTarget\n    }\n    implements {\n      nationalItem {\n        ...NationalItemRef\n      }\n      score\n      method\n      kind\n    }\n  }\n": typeof types.TaskSummaryFragmentDoc,
    "\n  fragment PolicyRef on Policy {\n    id\n    title\n    docNumber\n    issuedOn\n    status\n    coversFrom\n    coversTo\n  }\n": typeof types.PolicyRefFragmentDoc,
    "\n  fragment LineageTask on Task {\n    id\n    key\n    title\n    kind\n    policy {\n      id\n      title\n    }\n    jurisdiction {\n      ...JurisdictionRef\n    }\n  }\n": typeof types.LineageTaskFragmentDoc,
    "\n  fragment CompareTask on Task {\n    id\n    key\n    title\n    kind\n    policy {\n      id\n    }\n  }\n": typeof types.CompareTaskFragmentDoc,
    "\n  fragment CompareRow on CompareRow {\n    nationalItem {\n      ...NationalItemRef\n    }\n    linksA {\n      score\n      targets {\n        ...TaskTarget\n      }\n      task {\n        ...CompareTask\n      }\n    }\n    linksB {\n      score\n      targets {\n        ...TaskTarget\n      }\n      task {\n        ...CompareTask\n      }\n    }\n    leadAgencyTypesA\n    leadAgencyTypesB\n    targetDifferences {\n      metric\n      targetsA {\n        id\n      }\n      targetsB {\n        id\n      }\n    }\n  }\n": typeof types.CompareRowFragmentDoc,
    "\n  query Jurisdictions {\n    jurisdictions {\n      ...JurisdictionRef\n      policies {\n        id\n      }\n    }\n  }\n": typeof types.JurisdictionsDocument,
    "\n  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {\n    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {\n      nationalItems {\n        ...NationalItemRef\n      }\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      columns {\n        jurisdiction {\n          id\n        }\n        documents {\n          ...PolicyRef\n        }\n      }\n      cells {\n        nationalItemId\n        jurisdictionId\n        taskCount\n        status\n      }\n    }\n  }\n": typeof types.CoverageDocument,
    "\n  query CoverageCounts {\n    coverage {\n      nationalItems {\n        ...NationalItemRef\n      }\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      counts\n    }\n  }\n": typeof types.CoverageCountsDocument,
    "\n  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {\n    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {\n      status\n      documents {\n        ...PolicyRef\n      }\n      candidates {\n        task {\n          id\n          key\n          title\n          policy {\n            id\n            title\n          }\n        }\n        score\n        kind\n        namesReform\n        evidence {\n          localText\n          localSpan {\n            start\n            end\n          }\n          nationalText\n        }\n      }\n      keywordHits {\n        keyword\n        snippet\n        task {\n          id\n          key\n          title\n          policy {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.GapAuditDocument,
    "\n  query Implementations($nationalItemId: ID!, $jurisdictionId: ID, $counted: Boolean, $period: PeriodInput) {\n    nationalItem(id: $nationalItemId) {\n      ...NationalItemRef\n      implementations(jurisdictionId: $jurisdictionId, counted: $counted, period: $period) {\n        ...TaskSummary\n      }\n    }\n  }\n": typeof types.ImplementationsDocument,
    "\n  query NationalItems {\n    nationalItems {\n      ...NationalItemRef\n    }\n  }\n": typeof types.NationalItemsDocument,
    "\n  query Lineage($taskId: ID!) {\n    task(id: $taskId) {\n      ...TaskSummary\n      parent {\n        id\n        key\n        title\n      }\n    }\n    lineage(taskId: $taskId) {\n      tasks {\n        ...LineageTask\n      }\n      nationalItems {\n        ...NationalItemRef\n      }\n      links {\n        fromTaskId\n        toTaskId\n        toNationalItemId\n        score\n        method\n        kind\n        curated\n      }\n    }\n  }\n": typeof types.LineageDocument,
    "\n  query NationalItemLineage($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      implementations {\n        ...TaskSummary\n        parent {\n          id\n          key\n          title\n        }\n      }\n    }\n  }\n": typeof types.NationalItemLineageDocument,
    "\n  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {\n    compare(a: $a, b: $b, period: $period) {\n      a {\n        ...JurisdictionRef\n      }\n      b {\n        ...JurisdictionRef\n      }\n      documentsA {\n        ...PolicyRef\n      }\n      documentsB {\n        ...PolicyRef\n      }\n      unlinkedA {\n        ...LineageTask\n      }\n      unlinkedB {\n        ...LineageTask\n      }\n      shared {\n        ...CompareRow\n      }\n      onlyA {\n        ...CompareRow\n      }\n      onlyB {\n        ...CompareRow\n      }\n    }\n  }\n": typeof types.CompareDocument,
    "\n  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {\n    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) {\n      ...TaskSummary\n      snippet\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskSummary\n      text\n      policy {\n        id\n        title\n        docNumber\n        issuedOn\n        status\n        sourceFile\n        text\n      }\n      parent {\n        id\n        key\n        title\n      }\n      children {\n        id\n        key\n        title\n      }\n      implements {\n        nationalItem {\n          ...NationalItemRef\n        }\n        score\n        method\n        kind\n        evidence {\n          localText\n          localSpan {\n            start\n            end\n          }\n          nationalText\n        }\n      }\n    }\n  }\n": typeof types.TaskDetailDocument,
    "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      title\n      docNumber\n      issuer\n      issuedOn\n      status\n      sourceFile\n      jurisdiction {\n        ...JurisdictionRef\n      }\n      tasks {\n        id\n      }\n      cites {\n        id\n        title\n        docNumber\n      }\n      citedBy {\n        id\n        title\n        docNumber\n      }\n    }\n  }\n": typeof types.PolicyDetailDocument,
    "\n  query NationalItemDetail($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      text\n      source\n      titleIsSummary\n      keywords\n      implementations {\n        id\n        jurisdiction {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n": typeof types.NationalItemDetailDocument,
    "\n  query JurisdictionDetail($id: ID!) {\n    jurisdiction(id: $id) {\n      ...JurisdictionRef\n      parent {\n        ...JurisdictionRef\n      }\n      policies {\n        id\n        title\n        docNumber\n        issuedOn\n      }\n    }\n  }\n": typeof types.JurisdictionDetailDocument,
};
const documents: Documents = {
    "\n  fragment PolicyWithJurisdiction on Policy {\n    id\n    title\n    docNumber\n    issuedOn\n    jurisdiction {\n      ...JurisdictionRef\n    }\n  }\n": types.PolicyWithJurisdictionFragmentDoc,
    "\n  fragment InstrumentUseFields on InstrumentUse {\n    type\n    subType\n    nameZh\n    nameEn\n    evidence {\n      text\n      span {\n        start\n        end\n      }\n      clause {\n        start\n        end\n      }\n    }\n  }\n": types.InstrumentUseFieldsFragmentDoc,
    "\n  fragment AlignedPassageFields on AlignedPassage {\n    spanA {\n      start\n      end\n    }\n    spanB {\n      start\n      end\n    }\n    textA\n    textB\n    score\n    identity\n    segments {\n      kind\n      textA\n      textB\n    }\n  }\n": types.AlignedPassageFieldsFragmentDoc,
    "\n  query Adoption($pillar: String) {\n    adoption(pillar: $pillar) {\n      years\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      itemCurves {\n        key\n        nationalItem {\n          ...NationalItemRef\n        }\n        pillar\n        adopted\n        adopters\n      }\n      pillarCurves {\n        key\n        pillar\n        adopted\n        adopters\n      }\n    }\n  }\n": types.AdoptionDocument,
    "\n  query InstrumentMatrix($jurisdictionId: ID) {\n    jurisdictions {\n      ...JurisdictionRef\n      policies {\n        id\n      }\n    }\n    instrumentMatrix(jurisdictionId: $jurisdictionId) {\n      subTypes {\n        id\n        type\n        nameZh\n        nameEn\n        definition\n      }\n      reformAreas {\n        id\n        nameZh\n        nameEn\n      }\n      counts\n      totals\n      taskCount\n      unlinkedTaskCount\n    }\n  }\n": types.InstrumentMatrixDocument,
    "\n  query CodedTasks($jurisdictionId: ID) {\n    policies(jurisdictionId: $jurisdictionId) {\n      ...PolicyWithJurisdiction\n      tasks {\n        id\n        key\n        title\n        text\n        implements {\n          nationalItem {\n            id\n            pillar\n          }\n        }\n        instruments {\n          ...InstrumentUseFields\n        }\n      }\n    }\n  }\n": types.CodedTasksDocument,
    "\n  query TaskAnalyses($id: ID!) {\n    task(id: $id) {\n      id\n      text\n      instruments {\n        ...InstrumentUseFields\n      }\n      bestAlignment {\n        policy {\n          ...PolicyWithJurisdiction\n        }\n        nationalItem {\n          ...NationalItemRef\n        }\n        taskShare\n        passage {\n          ...AlignedPassageFields\n        }\n      }\n    }\n  }\n": types.TaskAnalysesDocument,
    "\n  query PolicyList {\n    policies {\n      ...PolicyWithJurisdiction\n    }\n  }\n": types.PolicyListDocument,
    "\n  query TextReuse($a: ID!, $b: ID!) {\n    textReuse(policyA: $a, policyB: $b) {\n      policyA {\n        ...PolicyWithJurisdiction\n      }\n      policyB {\n        ...PolicyWithJurisdiction\n      }\n      shareA\n      shareB\n      passages {\n        ...AlignedPassageFields\n      }\n    }\n  }\n": types.TextReuseDocument,
    "\n  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {\n    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {\n      documents {\n        ...PolicyWithJurisdiction\n        coversFrom\n        coversTo\n      }\n      steps {\n        from {\n          id\n        }\n        to {\n          id\n        }\n        continued {\n          ...NationalItemRef\n        }\n        added {\n          ...NationalItemRef\n        }\n        dropped {\n          ...NationalItemRef\n        }\n        targetChanges {\n          metric\n          direction\n          before {\n            ...TaskTarget\n          }\n          after {\n            ...TaskTarget\n          }\n        }\n      }\n    }\n  }\n": types.PlanVersionsDocument,
    "\n  fragment JurisdictionRef on Jurisdiction {\n    id\n    name\n    nameEn\n    level\n  }\n": types.JurisdictionRefFragmentDoc,
    "\n  fragment NationalItemRef on NationalItem {\n    id\n    titleZh\n    titleEn\n    pillar\n    pillarZh\n    pillarEn\n  }\n": types.NationalItemRefFragmentDoc,
    "\n  fragment TaskTarget on Target {\n    id\n    text\n    metric\n    op\n    value\n    unit\n    by\n  }\n": types.TaskTargetFragmentDoc,
    "\n  fragment TaskSummary on Task {\n    id\n    key\n    title\n    kind\n    deadline\n    span {\n      start\n      end\n    }\n    policy {\n      id\n      title\n    }\n    jurisdiction {\n      ...JurisdictionRef\n    }\n    agencies {\n      name\n      type\n      role\n      agency {\n        id\n        name\n        nameEn\n      }\n    }\n    targets {\n      ...TaskTarget\n    }\n    implements {\n      nationalItem {\n        ...NationalItemRef\n      }\n      score\n      method\n      kind\n    }\n  }\n": types.TaskSummaryFragmentDoc,
    "\n  fragment PolicyRef on Policy {\n    id\n    title\n    docNumber\n    issuedOn\n    status\n    coversFrom\n    coversTo\n  }\n": types.PolicyRefFragmentDoc,
    "\n  fragment LineageTask on Task {\n    id\n    key\n    title\n    kind\n    policy {\n      id\n      title\n    }\n    jurisdiction {\n      ...JurisdictionRef\n    }\n  }\n": types.LineageTaskFragmentDoc,
    "\n  fragment CompareTask on Task {\n    id\n    key\n    title\n    kind\n    policy {\n      id\n    }\n  }\n": types.CompareTaskFragmentDoc,
    "\n  fragment CompareRow on CompareRow {\n    nationalItem {\n      ...NationalItemRef\n    }\n    linksA {\n      score\n      targets {\n        ...TaskTarget\n      }\n      task {\n        ...CompareTask\n      }\n    }\n    linksB {\n      score\n      targets {\n        ...TaskTarget\n      }\n      task {\n        ...CompareTask\n      }\n    }\n    leadAgencyTypesA\n    leadAgencyTypesB\n    targetDifferences {\n      metric\n      targetsA {\n        id\n      }\n      targetsB {\n        id\n      }\n    }\n  }\n": types.CompareRowFragmentDoc,
    "\n  query Jurisdictions {\n    jurisdictions {\n      ...JurisdictionRef\n      policies {\n        id\n      }\n    }\n  }\n": types.JurisdictionsDocument,
    "\n  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {\n    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {\n      nationalItems {\n        ...NationalItemRef\n      }\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      columns {\n        jurisdiction {\n          id\n        }\n        documents {\n          ...PolicyRef\n        }\n      }\n      cells {\n        nationalItemId\n        jurisdictionId\n        taskCount\n        status\n      }\n    }\n  }\n": types.CoverageDocument,
    "\n  query CoverageCounts {\n    coverage {\n      nationalItems {\n        ...NationalItemRef\n      }\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      counts\n    }\n  }\n": types.CoverageCountsDocument,
    "\n  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {\n    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {\n      status\n      documents {\n        ...PolicyRef\n      }\n      candidates {\n        task {\n          id\n          key\n          title\n          policy {\n            id\n            title\n          }\n        }\n        score\n        kind\n        namesReform\n        evidence {\n          localText\n          localSpan {\n            start\n            end\n          }\n          nationalText\n        }\n      }\n      keywordHits {\n        keyword\n        snippet\n        task {\n          id\n          key\n          title\n          policy {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": types.GapAuditDocument,
    "\n  query Implementations($nationalItemId: ID!, $jurisdictionId: ID, $counted: Boolean, $period: PeriodInput) {\n    nationalItem(id: $nationalItemId) {\n      ...NationalItemRef\n      implementations(jurisdictionId: $jurisdictionId, counted: $counted, period: $period) {\n        ...TaskSummary\n      }\n    }\n  }\n": types.ImplementationsDocument,
    "\n  query NationalItems {\n    nationalItems {\n      ...NationalItemRef\n    }\n  }\n": types.NationalItemsDocument,
    "\n  query Lineage($taskId: ID!) {\n    task(id: $taskId) {\n      ...TaskSummary\n      parent {\n        id\n        key\n        title\n      }\n    }\n    lineage(taskId: $taskId) {\n      tasks {\n        ...LineageTask\n      }\n      nationalItems {\n        ...NationalItemRef\n      }\n      links {\n        fromTaskId\n        toTaskId\n        toNationalItemId\n        score\n        method\n        kind\n        curated\n      }\n    }\n  }\n": types.LineageDocument,
    "\n  query NationalItemLineage($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      implementations {\n        ...TaskSummary\n        parent {\n          id\n          key\n          title\n        }\n      }\n    }\n  }\n": types.NationalItemLineageDocument,
    "\n  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {\n    compare(a: $a, b: $b, period: $period) {\n      a {\n        ...JurisdictionRef\n      }\n      b {\n        ...JurisdictionRef\n      }\n      documentsA {\n        ...PolicyRef\n      }\n      documentsB {\n        ...PolicyRef\n      }\n      unlinkedA {\n        ...LineageTask\n      }\n      unlinkedB {\n        ...LineageTask\n      }\n      shared {\n        ...CompareRow\n      }\n      onlyA {\n        ...CompareRow\n      }\n      onlyB {\n        ...CompareRow\n      }\n    }\n  }\n": types.CompareDocument,
    "\n  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {\n    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) {\n      ...TaskSummary\n      snippet\n    }\n  }\n": types.SearchDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskSummary\n      text\n      policy {\n        id\n        title\n        docNumber\n        issuedOn\n        status\n        sourceFile\n        text\n      }\n      parent {\n        id\n        key\n        title\n      }\n      children {\n        id\n        key\n        title\n      }\n      implements {\n        nationalItem {\n          ...NationalItemRef\n        }\n        score\n        method\n        kind\n        evidence {\n          localText\n          localSpan {\n            start\n            end\n          }\n          nationalText\n        }\n      }\n    }\n  }\n": types.TaskDetailDocument,
    "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      title\n      docNumber\n      issuer\n      issuedOn\n      status\n      sourceFile\n      jurisdiction {\n        ...JurisdictionRef\n      }\n      tasks {\n        id\n      }\n      cites {\n        id\n        title\n        docNumber\n      }\n      citedBy {\n        id\n        title\n        docNumber\n      }\n    }\n  }\n": types.PolicyDetailDocument,
    "\n  query NationalItemDetail($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      text\n      source\n      titleIsSummary\n      keywords\n      implementations {\n        id\n        jurisdiction {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n": types.NationalItemDetailDocument,
    "\n  query JurisdictionDetail($id: ID!) {\n    jurisdiction(id: $id) {\n      ...JurisdictionRef\n      parent {\n        ...JurisdictionRef\n      }\n      policies {\n        id\n        title\n        docNumber\n        issuedOn\n      }\n    }\n  }\n": types.JurisdictionDetailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyWithJurisdiction on Policy {\n    id\n    title\n    docNumber\n    issuedOn\n    jurisdiction {\n      ...JurisdictionRef\n    }\n  }\n"): typeof import('./graphql.js').PolicyWithJurisdictionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstrumentUseFields on InstrumentUse {\n    type\n    subType\n    nameZh\n    nameEn\n    evidence {\n      text\n      span {\n        start\n        end\n      }\n      clause {\n        start\n        end\n      }\n    }\n  }\n"): typeof import('./graphql.js').InstrumentUseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlignedPassageFields on AlignedPassage {\n    spanA {\n      start\n      end\n    }\n    spanB {\n      start\n      end\n    }\n    textA\n    textB\n    score\n    identity\n    segments {\n      kind\n      textA\n      textB\n    }\n  }\n"): typeof import('./graphql.js').AlignedPassageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Adoption($pillar: String) {\n    adoption(pillar: $pillar) {\n      years\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      itemCurves {\n        key\n        nationalItem {\n          ...NationalItemRef\n        }\n        pillar\n        adopted\n        adopters\n      }\n      pillarCurves {\n        key\n        pillar\n        adopted\n        adopters\n      }\n    }\n  }\n"): typeof import('./graphql.js').AdoptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstrumentMatrix($jurisdictionId: ID) {\n    jurisdictions {\n      ...JurisdictionRef\n      policies {\n        id\n      }\n    }\n    instrumentMatrix(jurisdictionId: $jurisdictionId) {\n      subTypes {\n        id\n        type\n        nameZh\n        nameEn\n        definition\n      }\n      reformAreas {\n        id\n        nameZh\n        nameEn\n      }\n      counts\n      totals\n      taskCount\n      unlinkedTaskCount\n    }\n  }\n"): typeof import('./graphql.js').InstrumentMatrixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodedTasks($jurisdictionId: ID) {\n    policies(jurisdictionId: $jurisdictionId) {\n      ...PolicyWithJurisdiction\n      tasks {\n        id\n        key\n        title\n        text\n        implements {\n          nationalItem {\n            id\n            pillar\n          }\n        }\n        instruments {\n          ...InstrumentUseFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').CodedTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskAnalyses($id: ID!) {\n    task(id: $id) {\n      id\n      text\n      instruments {\n        ...InstrumentUseFields\n      }\n      bestAlignment {\n        policy {\n          ...PolicyWithJurisdiction\n        }\n        nationalItem {\n          ...NationalItemRef\n        }\n        taskShare\n        passage {\n          ...AlignedPassageFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TaskAnalysesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyList {\n    policies {\n      ...PolicyWithJurisdiction\n    }\n  }\n"): typeof import('./graphql.js').PolicyListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TextReuse($a: ID!, $b: ID!) {\n    textReuse(policyA: $a, policyB: $b) {\n      policyA {\n        ...PolicyWithJurisdiction\n      }\n      policyB {\n        ...PolicyWithJurisdiction\n      }\n      shareA\n      shareB\n      passages {\n        ...AlignedPassageFields\n      }\n    }\n  }\n"): typeof import('./graphql.js').TextReuseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanVersions($jurisdictionId: ID, $policyIds: [ID!]) {\n    planVersions(jurisdictionId: $jurisdictionId, policyIds: $policyIds) {\n      documents {\n        ...PolicyWithJurisdiction\n        coversFrom\n        coversTo\n      }\n      steps {\n        from {\n          id\n        }\n        to {\n          id\n        }\n        continued {\n          ...NationalItemRef\n        }\n        added {\n          ...NationalItemRef\n        }\n        dropped {\n          ...NationalItemRef\n        }\n        targetChanges {\n          metric\n          direction\n          before {\n            ...TaskTarget\n          }\n          after {\n            ...TaskTarget\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').PlanVersionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JurisdictionRef on Jurisdiction {\n    id\n    name\n    nameEn\n    level\n  }\n"): typeof import('./graphql.js').JurisdictionRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NationalItemRef on NationalItem {\n    id\n    titleZh\n    titleEn\n    pillar\n    pillarZh\n    pillarEn\n  }\n"): typeof import('./graphql.js').NationalItemRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskTarget on Target {\n    id\n    text\n    metric\n    op\n    value\n    unit\n    by\n  }\n"): typeof import('./graphql.js').TaskTargetFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskSummary on Task {\n    id\n    key\n    title\n    kind\n    deadline\n    span {\n      start\n      end\n    }\n    policy {\n      id\n      title\n    }\n    jurisdiction {\n      ...JurisdictionRef\n    }\n    agencies {\n      name\n      type\n      role\n      agency {\n        id\n        name\n        nameEn\n      }\n    }\n    targets {\n      ...TaskTarget\n    }\n    implements {\n      nationalItem {\n        ...NationalItemRef\n      }\n      score\n      method\n      kind\n    }\n  }\n"): typeof import('./graphql.js').TaskSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyRef on Policy {\n    id\n    title\n    docNumber\n    issuedOn\n    status\n    coversFrom\n    coversTo\n  }\n"): typeof import('./graphql.js').PolicyRefFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LineageTask on Task {\n    id\n    key\n    title\n    kind\n    policy {\n      id\n      title\n    }\n    jurisdiction {\n      ...JurisdictionRef\n    }\n  }\n"): typeof import('./graphql.js').LineageTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompareTask on Task {\n    id\n    key\n    title\n    kind\n    policy {\n      id\n    }\n  }\n"): typeof import('./graphql.js').CompareTaskFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompareRow on CompareRow {\n    nationalItem {\n      ...NationalItemRef\n    }\n    linksA {\n      score\n      targets {\n        ...TaskTarget\n      }\n      task {\n        ...CompareTask\n      }\n    }\n    linksB {\n      score\n      targets {\n        ...TaskTarget\n      }\n      task {\n        ...CompareTask\n      }\n    }\n    leadAgencyTypesA\n    leadAgencyTypesB\n    targetDifferences {\n      metric\n      targetsA {\n        id\n      }\n      targetsB {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.js').CompareRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jurisdictions {\n    jurisdictions {\n      ...JurisdictionRef\n      policies {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.js').JurisdictionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage($jurisdictionIds: [ID!], $period: PeriodInput) {\n    coverage(jurisdictionIds: $jurisdictionIds, period: $period) {\n      nationalItems {\n        ...NationalItemRef\n      }\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      columns {\n        jurisdiction {\n          id\n        }\n        documents {\n          ...PolicyRef\n        }\n      }\n      cells {\n        nationalItemId\n        jurisdictionId\n        taskCount\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.js').CoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageCounts {\n    coverage {\n      nationalItems {\n        ...NationalItemRef\n      }\n      jurisdictions {\n        ...JurisdictionRef\n      }\n      counts\n    }\n  }\n"): typeof import('./graphql.js').CoverageCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GapAudit($nationalItemId: ID!, $jurisdictionId: ID!, $period: PeriodInput) {\n    gapAudit(nationalItemId: $nationalItemId, jurisdictionId: $jurisdictionId, period: $period) {\n      status\n      documents {\n        ...PolicyRef\n      }\n      candidates {\n        task {\n          id\n          key\n          title\n          policy {\n            id\n            title\n          }\n        }\n        score\n        kind\n        namesReform\n        evidence {\n          localText\n          localSpan {\n            start\n            end\n          }\n          nationalText\n        }\n      }\n      keywordHits {\n        keyword\n        snippet\n        task {\n          id\n          key\n          title\n          policy {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').GapAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Implementations($nationalItemId: ID!, $jurisdictionId: ID, $counted: Boolean, $period: PeriodInput) {\n    nationalItem(id: $nationalItemId) {\n      ...NationalItemRef\n      implementations(jurisdictionId: $jurisdictionId, counted: $counted, period: $period) {\n        ...TaskSummary\n      }\n    }\n  }\n"): typeof import('./graphql.js').ImplementationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalItems {\n    nationalItems {\n      ...NationalItemRef\n    }\n  }\n"): typeof import('./graphql.js').NationalItemsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lineage($taskId: ID!) {\n    task(id: $taskId) {\n      ...TaskSummary\n      parent {\n        id\n        key\n        title\n      }\n    }\n    lineage(taskId: $taskId) {\n      tasks {\n        ...LineageTask\n      }\n      nationalItems {\n        ...NationalItemRef\n      }\n      links {\n        fromTaskId\n        toTaskId\n        toNationalItemId\n        score\n        method\n        kind\n        curated\n      }\n    }\n  }\n"): typeof import('./graphql.js').LineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalItemLineage($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      implementations {\n        ...TaskSummary\n        parent {\n          id\n          key\n          title\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').NationalItemLineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Compare($a: ID!, $b: ID!, $period: PeriodInput) {\n    compare(a: $a, b: $b, period: $period) {\n      a {\n        ...JurisdictionRef\n      }\n      b {\n        ...JurisdictionRef\n      }\n      documentsA {\n        ...PolicyRef\n      }\n      documentsB {\n        ...PolicyRef\n      }\n      unlinkedA {\n        ...LineageTask\n      }\n      unlinkedB {\n        ...LineageTask\n      }\n      shared {\n        ...CompareRow\n      }\n      onlyA {\n        ...CompareRow\n      }\n      onlyB {\n        ...CompareRow\n      }\n    }\n  }\n"): typeof import('./graphql.js').CompareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!, $jurisdictionId: ID, $limit: Int) {\n    search(text: $text, jurisdictionId: $jurisdictionId, limit: $limit) {\n      ...TaskSummary\n      snippet\n    }\n  }\n"): typeof import('./graphql.js').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskSummary\n      text\n      policy {\n        id\n        title\n        docNumber\n        issuedOn\n        status\n        sourceFile\n        text\n      }\n      parent {\n        id\n        key\n        title\n      }\n      children {\n        id\n        key\n        title\n      }\n      implements {\n        nationalItem {\n          ...NationalItemRef\n        }\n        score\n        method\n        kind\n        evidence {\n          localText\n          localSpan {\n            start\n            end\n          }\n          nationalText\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').TaskDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyDetail($id: ID!) {\n    policy(id: $id) {\n      id\n      title\n      docNumber\n      issuer\n      issuedOn\n      status\n      sourceFile\n      jurisdiction {\n        ...JurisdictionRef\n      }\n      tasks {\n        id\n      }\n      cites {\n        id\n        title\n        docNumber\n      }\n      citedBy {\n        id\n        title\n        docNumber\n      }\n    }\n  }\n"): typeof import('./graphql.js').PolicyDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NationalItemDetail($id: ID!) {\n    nationalItem(id: $id) {\n      ...NationalItemRef\n      text\n      source\n      titleIsSummary\n      keywords\n      implementations {\n        id\n        jurisdiction {\n          id\n          name\n          nameEn\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').NationalItemDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JurisdictionDetail($id: ID!) {\n    jurisdiction(id: $id) {\n      ...JurisdictionRef\n      parent {\n        ...JurisdictionRef\n      }\n      policies {\n        id\n        title\n        docNumber\n        issuedOn\n      }\n    }\n  }\n"): typeof import('./graphql.js').JurisdictionDetailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
