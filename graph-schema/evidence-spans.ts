/**
 * @module Link evidence stored as spans only. Each matched phrase of a link (LinkEvidence,
 * payloads.ts) is a span of the task's text and a span of the other side's text (the national
 * item's, or the parent task's for a derivation), and its two texts are those spans of the two
 * texts, which the store holds anyway: so a link stores the offsets alone, four per phrase
 * (`[localStart,localEnd,otherStart,otherEnd,…]`), and a reader cuts the phrases' texts from the
 * two texts. Storing the texts too made the evidence ten times longer (144 M characters against
 * 14.8 M on a 3,000-document corpus), and the bulk load's COPY cost follows string length.
 */
import { z } from 'zod';
import { linkEvidencePayload, type LinkEvidence } from './payloads.js';
import type { PropertySpec } from './properties.js';

/** The offsets of each phrase, four numbers each: local start and end, then the other side's. */
export type EvidenceSpans = readonly number[];

/** The two texts a link's evidence indexes into: the task's, and the national item's or the parent task's. */
export interface EvidenceTexts {
  readonly localText: string;
  readonly otherText: string;
}

/** The JSON of one phrase, as JSON.stringify writes a LinkEvidence (fields in declaration order). */
function phraseJson(localText: string, otherText: string, spans: ArrayLike<unknown>, at: number): string {
  const localStart = spans[at] as number;
  const localEnd = spans[at + 1] as number;
  const otherStart = spans[at + 2] as number;
  const otherEnd = spans[at + 3] as number;
  return (
    `{"localText":${JSON.stringify(localText.slice(localStart, localEnd))},` +
    `"localSpan":{"start":${localStart},"end":${localEnd}},` +
    `"nationalText":${JSON.stringify(otherText.slice(otherStart, otherEnd))},` +
    `"nationalSpan":{"start":${otherStart},"end":${otherEnd}}}`
  );
}

/** The evidence as JSON of LinkEvidence, made from offsets into the two texts (from offset `from` on). */
export function evidenceOfSpans(localText: string, otherText: string, spans: EvidenceSpans, from = 0): string {
  const phrases: string[] = [];
  for (let at = from; at < spans.length; at += 4) phrases.push(phraseJson(localText, otherText, spans, at));
  return `[${phrases.join(',')}]`;
}

const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Whether `value` is offsets of phrases: four non-negative integers each, every start at most its end. */
export function isEvidenceSpans(value: unknown): value is EvidenceSpans {
  if (!Array.isArray(value) || value.length % 4 !== 0 || !value.every(isOffset)) return false;
  for (let at = 0; at < value.length; at += 2) if ((value[at] as number) > (value[at + 1] as number)) return false;
  return true;
}

function parsedOrUndefined(stored: string): unknown {
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return undefined;
  }
}

const phrasesWithTexts = z.array(linkEvidencePayload.zod);

/**
 * The stored text as JSON of LinkEvidence. Spans are cut from the two texts; a store written before
 * evidence was stored as spans holds that JSON itself (the phrases with their texts), given back as
 * it is. Throws on any other text.
 */
export function evidenceJsonOf(stored: string, { localText, otherText }: EvidenceTexts): string {
  const value = parsedOrUndefined(stored);
  if (isEvidenceSpans(value)) return evidenceOfSpans(localText, otherText, value);
  if (phrasesWithTexts.safeParse(value).success) return stored;
  throw new Error('link evidence is neither spans nor a list of phrases');
}

/**
 * The stored text (spans) of evidence given as the JSON of its phrases with their texts (an export,
 * or a store written before spans); null when a phrase's text is not its span of the two texts.
 */
export function spansTextOfPhrases(json: string, { localText, otherText }: EvidenceTexts): string | null {
  const phrases = phrasesWithTexts.safeParse(parsedOrUndefined(json));
  if (!phrases.success) return null;
  const spans: number[] = [];
  for (const { localText: local, localSpan, nationalText: other, nationalSpan } of phrases.data) {
    if (localText.slice(localSpan.start, localSpan.end) !== local || otherText.slice(nationalSpan.start, nationalSpan.end) !== other) {
      return null;
    }
    spans.push(localSpan.start, localSpan.end, nationalSpan.start, nationalSpan.end);
  }
  return isEvidenceSpans(spans) ? JSON.stringify(spans) : null;
}

/**
 * The local side's wording of stored evidence: each phrase's span cut from `localText`, or its text as a
 * store written before spans holds it; none for text that is neither.
 */
export function localPhrasesOf(stored: string, localText: string): string[] {
  const value = parsedOrUndefined(stored);
  if (isEvidenceSpans(value)) {
    const phrases: string[] = [];
    for (let at = 0; at < value.length; at += 4) phrases.push(localText.slice(value[at], value[at + 1]));
    return phrases;
  }
  const phrases = phrasesWithTexts.safeParse(value);
  return phrases.success ? phrases.data.map((phrase) => phrase.localText) : [];
}

/** Whether the stored text needs the two texts to be read: spans of at least one phrase. */
export function evidenceNeedsTexts(stored: string): boolean {
  return stored.length > 2 && !stored.startsWith('[{');
}

/** The `evidence` property of both link types: phrases stored as their spans (see the module's comment). */
export interface EvidenceSpansSpec extends PropertySpec<z.ZodString> {
  readonly payload: typeof linkEvidencePayload;
  /** The stored text: the phrases' offsets only. Throws when a phrase's text is not as long as its span. */
  encode(phrases: readonly LinkEvidence[]): string;
  /** The phrases of the stored text, their texts cut from the two texts (see evidenceJsonOf). */
  decode(stored: string, texts: EvidenceTexts): LinkEvidence[];
}

export function evidenceSpansProperty(description: string): EvidenceSpansSpec {
  const accepts = (value: unknown) => typeof value === 'string' && isEvidenceSpans(parsedOrUndefined(value));
  return {
    storage: 'STRING',
    zod: z.string().refine(accepts, 'not a JSON list of evidence offsets, four per phrase'),
    accepts,
    graphql: `[${linkEvidencePayload.name}!]!`,
    required: true,
    description,
    payload: linkEvidencePayload,
    encode(phrases) {
      const spans: number[] = [];
      for (const { localText, localSpan, nationalText, nationalSpan } of phrases) {
        // A phrase whose text is not its span could not be cut back from the two texts: refuse it rather than store another text.
        if (localSpan.end - localSpan.start !== localText.length || nationalSpan.end - nationalSpan.start !== nationalText.length) {
          throw new Error(`evidence "${localText}" / "${nationalText}" is not the text of its spans`);
        }
        spans.push(localSpan.start, localSpan.end, nationalSpan.start, nationalSpan.end);
      }
      return JSON.stringify(spans);
    },
    decode: (stored, texts) => JSON.parse(evidenceJsonOf(stored, texts)) as LinkEvidence[],
  };
}
