/**
 * @module The national reform catalogue (seeds/national/catalogue.json): pillars and NationalItem
 * entries that local tasks implement. `text` is the Chinese wording evidence spans index into, so
 * every keyword must occur in it verbatim; `titleIsSummary` says the wording is ours, not a quotation;
 * each source document keeps the evidence it was checked against and the fields that are still unconfirmed.
 */
import { z } from 'zod';
import type { NationalItemNode } from '../../graph-schema/model.js';
import { readSeedJson, seedPath } from './seed-file.js';

/**
 * A document number as printed: 国发〔2016〕78号, 国医改发〔2019〕2号, 中发〔2020〕5号; a State Council
 * regulation is numbered by the decree that promulgates it: 国务院令第735号.
 */
const DOC_NUMBER = /^(?:[\u4e00-\u9fa5]+〔\d{4}〕\d+号|[\u4e00-\u9fa5]+令第\d+号)$/;

/** The fields of a document entry that a published text can bear out. */
const DOCUMENT_FIELDS = ['docNumber', 'title', 'issuer', 'year'] as const;

export const nationalDocumentSchema = z
  .object({
    docNumber: z.string().regex(DOC_NUMBER),
    title: z.string().min(1),
    issuer: z.string().min(1),
    year: z.number().int().min(1949).max(2100),
    /**
     * Where the entry was read: a corpus document citing it as 《title》（docNumber）, or a published copy
     * (its address and what it shows). Anything inferred, such as an issuer read from the number's
     * 发文机关代字, says so.
     */
    evidence: z.array(z.string().min(1)).default([]),
    /** Fields no evidence bears out: the API reports them with every item whose source is the document. */
    unconfirmed: z.array(z.enum(DOCUMENT_FIELDS)).default([]),
  })
  .superRefine((document, ctx) => {
    // An entry nobody has checked must not read as fact: without evidence every field is unconfirmed.
    const unchecked = DOCUMENT_FIELDS.filter((field) => !document.unconfirmed.includes(field));
    if (document.evidence.length === 0 && unchecked.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['unconfirmed'],
        message: `${document.docNumber} has no evidence, so ${unchecked.join(', ')} must be listed as unconfirmed`,
      });
    }
  });

export const pillarSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  zh: z.string().min(1),
  en: z.string().min(1),
});

export const catalogueItemSchema = z.object({
  /** `pillar.topic`, stable across releases: links and reviewed-links refer to it. */
  id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/),
  pillar: z.string(),
  titleZh: z.string().min(1),
  titleEn: z.string().min(1),
  text: z.string().min(1),
  titleIsSummary: z.boolean(),
  /** Strong cues: wordings that on their own say a task addresses this item. */
  keywords: z.array(z.string().min(1)).min(1),
  /** Weak cues: wordings that support a link but do not make one alone. */
  related: z.array(z.string().min(1)).default([]),
  /** The national document the item comes from; `item` is its heading wording, never a guessed number. */
  source: z.object({ docNumber: z.string().regex(DOC_NUMBER), item: z.string().nullable() }).nullable(),
  /** Other national documents whose wording the text and cues also quote (a regulation that spells the reform out). */
  wordingFrom: z.array(z.string().regex(DOC_NUMBER)).default([]),
});

export const catalogueSchema = z
  .object({
    version: z.literal(1),
    description: z.string(),
    documents: z.array(nationalDocumentSchema),
    pillars: z.array(pillarSchema).min(1),
    items: z.array(catalogueItemSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const pillars = new Set(catalogue.pillars.map((pillar) => pillar.id));
    const documents = new Set(catalogue.documents.map((document) => document.docNumber));
    const ids = new Set<string>();
    catalogue.items.forEach((item, index) => {
      const at = (...path: (string | number)[]) => ['items', index, ...path];
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate id ${item.id}` });
      ids.add(item.id);
      if (!pillars.has(item.pillar)) ctx.addIssue({ code: 'custom', path: at('pillar'), message: `unknown pillar ${item.pillar}` });
      if (!item.id.startsWith(`${item.pillar}.`))
        ctx.addIssue({ code: 'custom', path: at('id'), message: 'id must start with its pillar' });
      for (const cue of [...item.keywords, ...item.related]) {
        // Evidence spans index into `text`: a cue the text lacks could never be cited.
        if (!item.text.includes(cue)) ctx.addIssue({ code: 'custom', path: at('keywords'), message: `"${cue}" does not occur in text` });
      }
      if (item.source && !documents.has(item.source.docNumber)) {
        ctx.addIssue({ code: 'custom', path: at('source'), message: `${item.source.docNumber} is not listed in documents` });
      }
      for (const docNumber of item.wordingFrom) {
        if (!documents.has(docNumber))
          ctx.addIssue({ code: 'custom', path: at('wordingFrom'), message: `${docNumber} is not listed in documents` });
      }
      if (!item.titleIsSummary && !item.source?.item) {
        ctx.addIssue({ code: 'custom', path: at('titleIsSummary'), message: 'a quoted title needs the source item it quotes' });
      }
    });
  });

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
export type NationalDocument = z.infer<typeof nationalDocumentSchema>;

/** @param file @default seeds/national/catalogue.json */
export function loadCatalogue(file: string = seedPath('national/catalogue.json')): Catalogue {
  return readSeedJson(catalogueSchema, file, 'BAD_CATALOGUE');
}

/** "国发〔2016〕78号《“十三五”深化医药卫生体制改革规划》：建立科学合理的分级诊疗制度". */
export function describeSource(catalogue: Catalogue, item: CatalogueItem): string | null {
  if (!item.source) return null;
  const { docNumber, item: heading } = item.source;
  const document = catalogue.documents.find((candidate) => candidate.docNumber === docNumber);
  const title = document ? `《${document.title}》` : '';
  return `${docNumber}${title}${heading ? `：${heading}` : ''}`;
}

/** The fields of the item's source document that no evidence bears out; none when it names no source. */
export function unconfirmedSourceFields(catalogue: Catalogue, item: CatalogueItem): string[] {
  const document = catalogue.documents.find((candidate) => candidate.docNumber === item.source?.docNumber);
  return document ? [...document.unconfirmed] : [];
}

/** The catalogue as NationalItem node rows for the graph. */
export function nationalItemNodes(catalogue: Catalogue): NationalItemNode[] {
  const pillars = new Map(catalogue.pillars.map((pillar) => [pillar.id, pillar]));
  return catalogue.items.map((item) => {
    const pillar = pillars.get(item.pillar);
    return {
      id: item.id,
      titleZh: item.titleZh,
      titleEn: item.titleEn,
      text: item.text,
      pillar: item.pillar,
      pillarZh: pillar?.zh ?? item.pillar,
      pillarEn: pillar?.en ?? item.pillar,
      keywords: [...item.keywords, ...item.related],
      source: describeSource(catalogue, item),
      sourceUnconfirmed: unconfirmedSourceFields(catalogue, item),
      titleIsSummary: item.titleIsSummary,
    };
  });
}
