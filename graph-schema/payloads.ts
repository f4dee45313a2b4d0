/**
 * @module Structured values carried by properties and fields: declared once here, from which
 * come their zod schemas, their TypeScript types and their GraphQL object types.
 */
import { payload, prop, type PayloadValue } from './properties.js';

export const spanPayload = payload('Span', "Half-open range of character offsets [start, end) in a policy's source text (Policy.text).", {
  start: prop.int(''),
  end: prop.int(''),
});

export const linkEvidencePayload = payload('LinkEvidence', 'One matched phrase behind a link.', {
  localText: prop.string(''),
  localSpan: prop.nested(spanPayload, "Span in the linking task's text (Task.text)."),
  nationalText: prop.string(''),
  nationalSpan: prop.nested(spanPayload, "Span in NationalItem.text, or in the parent task's text for a derivation."),
});

/** Payloads in the order their GraphQL types are printed. */
export const payloads = [spanPayload, linkEvidencePayload] as const;

/** Half-open range [start, end) of character offsets. */
export type Span = PayloadValue<typeof spanPayload>;
/** One matched phrase behind a link; spans index into each side's text (NationalItem.text, or the parent Task.text for DERIVES_FROM). */
export type LinkEvidence = PayloadValue<typeof linkEvidencePayload>;
