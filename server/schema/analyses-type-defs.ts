/**
 * @module SDL of the research analyses (issue 17): policy instruments per task and as a matrix
 * against the reform areas, and text reuse between documents and between a task and its sources.
 */
import { graphqlEnumTypeDef } from '../../graph-schema/graphql-types.js';
import { INSTRUMENT_TYPES } from '../../ingest/analyse/instruments/codebook.js';
import { SEGMENT_KINDS } from '../../ingest/analyse/text-reuse/align-texts.js';

/** The API names the analyses' values in capitals, as its other enums (the resolvers convert them the same way). */
const inCapitals = <V extends string>(values: readonly V[]) => values.map((value) => value.toUpperCase() as Uppercase<V>);

export const analysesTypeDefs = /* GraphQL */ `
  ${graphqlEnumTypeDef('InstrumentType', inCapitals(INSTRUMENT_TYPES), {
    description: "Rothwell and Zegveld's three kinds of policy instrument (政策工具).",
    valueDescriptions: {
      SUPPLY: '供给型: the government provides resources (people, money, facilities, information, services).',
      ENVIRONMENT: '环境型: the government shapes conditions (goals, rules, supervision, finance and tax, organisation).',
      DEMAND: '需求型: the government creates or steers demand (procurement, pilots, insurance payment and prices, publicity).',
    },
  })}

  "A sub-type of policy instrument as the codebook (seeds/national/instrument-codebook.json) defines it."
  type InstrumentSubType {
    id: ID!
    type: InstrumentType!
    nameZh: String!
    nameEn: String!
    definition: String!
    "Phrases whose presence in a clause codes it with this sub-type."
    cues: [String!]!
  }

  "Words of a task's text showing an instrument in use."
  type InstrumentEvidence {
    "The words as they stand in Task.text."
    text: String!
    "Span in Task.text."
    span: Span!
    "The clause (sentence or semicolon-separated part) they stand in, as a span in Task.text."
    clause: Span!
  }

  "A policy instrument a task's text uses, with the words that show it."
  type InstrumentUse {
    type: InstrumentType!
    typeNameZh: String!
    typeNameEn: String!
    "Sub-type id (see instrumentCodebook)."
    subType: ID!
    nameZh: String!
    nameEn: String!
    "In text order; at least one."
    evidence: [InstrumentEvidence!]!
  }

  "A reform area: a pillar of the national catalogue."
  type ReformArea {
    id: ID!
    nameZh: String!
    nameEn: String!
  }

  "Instrument sub-types × reform areas: how many tasks use each sub-type and implement an item of each pillar."
  type InstrumentMatrix {
    "The jurisdiction counted; null when every jurisdiction is."
    jurisdiction: Jurisdiction
    subTypes: [InstrumentSubType!]!
    reformAreas: [ReformArea!]!
    """
    One row per sub-type in the order of subTypes, one column per reform area in the order of
    reformAreas. A task implementing items of two pillars counts in both columns.
    """
    counts: [[Int!]!]!
    "Tasks using each sub-type (order of subTypes), whatever they implement."
    totals: [Int!]!
    "Tasks coded."
    taskCount: Int!
    "Tasks that use some instrument but implement no national item (in no column)."
    unlinkedTaskCount: Int!
  }

  ${graphqlEnumTypeDef('AlignmentSegmentKind', inCapitals(SEGMENT_KINDS), {
    valueDescriptions: {
      SAME: 'The same wording in both.',
      CHANGED: 'Wording of a replaced by other wording in b.',
      INSERTED: 'Wording only in b.',
      DELETED: 'Wording only in a.',
    },
  })}

  "A stretch of an aligned passage. The segments of a passage tile it: their texts joined give the passage's text on each side."
  type AlignedSegment {
    kind: AlignmentSegmentKind!
    spanA: Span!
    spanB: Span!
    textA: String!
    textB: String!
  }

  "A passage of one text aligned with a passage of another (local alignment over letters and digits; punctuation and spacing are not compared)."
  type AlignedPassage {
    spanA: Span!
    spanB: Span!
    textA: String!
    textB: String!
    "Alignment score: +2 per matching character, −2 per substitution, −4 to open a gap and −1 per further gap character."
    score: Float!
    "Matching characters over alignment columns, in [0, 1]."
    identity: Float!
    segments: [AlignedSegment!]!
  }

  "Text reuse between two documents: spans index into each Policy.text."
  type TextReuse {
    policyA: Policy!
    policyB: Policy!
    "Passages in the order of their place in policyA's text."
    passages: [AlignedPassage!]!
    "Share of policyA's letters and digits inside some passage."
    shareA: Float!
    shareB: Float!
  }

  "The passage of a source a task's wording is closest to. Side a of the passage is the source (Policy.text or NationalItem.text), side b the task (Task.text)."
  type TaskAlignment {
    "Set when the source is a parent document: one the task's document cites, or the document of a parent task it derives from."
    policy: Policy
    "Set when the source is a national item the task implements."
    nationalItem: NationalItem
    passage: AlignedPassage!
    "Share of the task's letters and digits inside the passage."
    taskShare: Float!
  }

  extend type Task {
    "Policy instruments (政策工具) the task's own text uses, coded clause by clause from the codebook; multi-label."
    instruments: [InstrumentUse!]!
    "The best-aligned passage of the task's parent documents or the national items it implements; null when none aligns."
    bestAlignment: TaskAlignment
  }

  extend type DerivesFromLink {
    "Share of the lower-level task's letters and digits found in its parent task's text by alignment (0 when nothing aligns)."
    reuseShare: Float!
    "The best-aligned passage: side a is the parent task's text (to), side b the lower-level task's (from); null when none aligns."
    alignment: AlignedPassage
  }

  extend type Query {
    "The instrument codebook's sub-types, supply side first."
    instrumentCodebook: [InstrumentSubType!]!
    "Instrument sub-types × reform areas for one jurisdiction, or for every jurisdiction when none is given."
    instrumentMatrix(jurisdictionId: ID): InstrumentMatrix!
    "Aligned passages of two documents with the reuse share of each."
    textReuse(policyA: ID!, policyB: ID!): TextReuse!
  }
`;
