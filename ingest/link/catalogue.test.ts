import { describe, expect, it } from 'vitest';
import { catalogueSchema, describeSource, loadCatalogue, nationalItemNodes, type NationalDocument } from './catalogue.js';
import { fixtureCatalogue } from './test-fixtures.js';
import { nodeSchemas } from '../../graph-schema/model.js';

/** A document entry nobody has checked yet. */
const unchecked: NationalDocument = {
  docNumber: '国办发〔2099〕1号',
  title: '关于某项改革的意见',
  issuer: '国务院办公厅',
  year: 2099,
  evidence: [],
  unconfirmed: ['docNumber', 'title', 'issuer', 'year'],
};

describe('the national catalogue', () => {
  const catalogue = loadCatalogue();

  it('validates against its schema and has a reform-topic granularity of 50 to 90 items', () => {
    expect(catalogue.items.length).toBeGreaterThanOrEqual(50);
    expect(catalogue.items.length).toBeLessThanOrEqual(90);
    expect(catalogue.pillars.length).toBeGreaterThanOrEqual(8);
  });

  it('gives every pillar at least one item', () => {
    for (const pillar of catalogue.pillars) {
      expect(
        catalogue.items.some((item) => item.pillar === pillar.id),
        pillar.id,
      ).toBe(true);
    }
  });

  it('covers the reform topics the seeds touch, abbreviations included', () => {
    const cues = (id: string) => {
      const item = catalogue.items.find((candidate) => candidate.id === id);
      return item ? [...item.keywords, ...item.related] : [];
    };
    expect(cues('drug-supply.volume-based-procurement')).toContain('集采');
    expect(cues('medical-security.payment-reform')).toEqual(expect.arrayContaining(['DRG', 'DIP', '按病种付费', '疾病诊断相关分组']));
    expect(cues('hierarchical-care.county-medical-community')).toEqual(
      expect.arrayContaining(['医共体', '紧密型县域医共体', '县域医疗卫生一体化']),
    );
    expect(cues('reform-governance.sanming-experience')).toEqual(expect.arrayContaining(['三医联动', '三医协同']));
    expect(cues('medical-security.long-term-care-insurance')).toContain('长期护理保险');
    expect(cues('public-health.vaccination')).toContain('疫苗接种');
  });

  it('marks every item without a quoted source heading as our summary', () => {
    for (const item of catalogue.items) {
      if (!item.source?.item) expect(item.titleIsSummary, item.id).toBe(true);
    }
  });

  it('rejects a keyword that does not occur in the item text, since no evidence could cite it', () => {
    const broken = structuredClone(fixtureCatalogue);
    broken.items[0]?.keywords.push('两票制');
    const result = catalogueSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('两票制');
  });

  it('rejects a source document that the catalogue does not list', () => {
    const broken = structuredClone(fixtureCatalogue);
    const item = broken.items[0];
    if (item) item.source = { docNumber: '国办发〔2099〕1号', item: null };
    expect(catalogueSchema.safeParse(broken).success).toBe(false);
  });

  it('accepts a regulation by its decree number among the documents whose wording an item quotes, and rejects one it does not list', () => {
    const quoting = structuredClone(fixtureCatalogue);
    quoting.documents.push({
      ...unchecked,
      docNumber: '国务院令第735号',
      title: '医疗保障基金使用监督管理条例',
      issuer: '国务院',
      year: 2021,
    });
    const item = quoting.items[0];
    if (item) item.wordingFrom = ['国务院令第735号'];
    expect(catalogueSchema.safeParse(quoting).success).toBe(true);
    if (item) item.wordingFrom = ['国务院令第999号'];
    expect(catalogueSchema.safeParse(quoting).success).toBe(false);
  });

  it('rejects a source document without evidence that leaves any of its fields as confirmed', () => {
    const guessed = structuredClone(fixtureCatalogue);
    guessed.documents.push({ ...unchecked, unconfirmed: ['docNumber'] });
    const result = catalogueSchema.safeParse(guessed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('title, issuer, year must be listed as unconfirmed');
    guessed.documents.splice(-1, 1, {
      ...unchecked,
      unconfirmed: ['docNumber'],
      evidence: ['a published copy gives title, issuer and year'],
    });
    expect(catalogueSchema.safeParse(guessed).success).toBe(true);
  });

  it("gives each item's node the fields of its source document that no evidence confirms, and none without a source", () => {
    const partly = structuredClone(fixtureCatalogue);
    const document = partly.documents[0];
    if (document) Object.assign(document, { evidence: ['a published copy gives title and issuer'], unconfirmed: ['docNumber', 'year'] });
    const nodes = nationalItemNodes(partly);
    expect(nodes.find((node) => node.id === 'drugs.procurement')?.sourceUnconfirmed).toEqual(['docNumber', 'year']);
    const sourceless = partly.items.find((item) => item.source === null);
    expect(sourceless).toBeDefined();
    expect(nodes.find((node) => node.id === sourceless?.id)?.sourceUnconfirmed).toEqual([]);
  });

  it('rejects a quoted title that names no source item', () => {
    const broken = structuredClone(fixtureCatalogue);
    const item = broken.items[1];
    if (item) item.titleIsSummary = false;
    expect(catalogueSchema.safeParse(broken).success).toBe(false);
  });

  it('turns items into NationalItem nodes that the graph schema accepts, with a readable source', () => {
    const nodes = nationalItemNodes(catalogue);
    for (const node of nodes) expect(nodeSchemas.NationalItem.safeParse(node).success, node.id).toBe(true);
    const first = fixtureCatalogue.items[0];
    expect(first && describeSource(fixtureCatalogue, first)).toBe(
      '国办发〔2021〕2号《关于推动药品集中带量采购工作常态化制度化开展的意见》',
    );
  });
});
