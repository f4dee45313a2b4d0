/**
 * @module Small catalogue and glossary for the linker's tests: three items whose wording the
 * expectations are checked against by hand.
 */
import { catalogueSchema, type Catalogue } from './catalogue.js';
import { glossarySchema, type Glossary } from './glossary.js';

export const fixtureCatalogue: Catalogue = catalogueSchema.parse({
  version: 1,
  description: 'test',
  documents: [
    {
      docNumber: '国办发〔2021〕2号',
      title: '关于推动药品集中带量采购工作常态化制度化开展的意见',
      issuer: '国务院办公厅',
      year: 2021,
      unconfirmed: ['docNumber', 'title', 'issuer', 'year'],
    },
  ],
  pillars: [
    { id: 'drugs', zh: '药品', en: 'Drugs' },
    { id: 'care', zh: '服务', en: 'Care' },
    { id: 'health', zh: '健康', en: 'Health' },
  ],
  items: [
    {
      id: 'drugs.procurement',
      pillar: 'drugs',
      titleZh: '推进药品耗材集中带量采购',
      titleEn: 'Volume-based procurement',
      text: '推动药品集中带量采购工作常态化制度化开展，扩大国家组织药品集中采购品种范围。',
      titleIsSummary: true,
      keywords: ['集中带量采购', '国家组织药品集中采购'],
      source: { docNumber: '国办发〔2021〕2号', item: null },
    },
    {
      id: 'care.county-community',
      pillar: 'care',
      titleZh: '推进紧密型县域医共体建设',
      titleEn: 'County medical communities',
      text: '全面推进紧密型县域医共体建设，实行医保基金打包付费。',
      titleIsSummary: true,
      keywords: ['紧密型县域医共体'],
      related: ['打包付费'],
      source: null,
    },
    {
      id: 'health.healthy-china',
      pillar: 'health',
      titleZh: '实施健康中国行动',
      titleEn: 'Healthy China Action',
      text: '深入实施健康中国行动，开展爱国卫生运动，发展中医药。',
      titleIsSummary: true,
      keywords: ['健康中国行动', '爱国卫生运动'],
      source: null,
    },
    {
      id: 'health.tcm',
      pillar: 'health',
      titleZh: '促进中医药传承创新发展',
      titleEn: 'TCM',
      text: '促进中医药传承创新发展，建设中医馆。',
      titleIsSummary: true,
      keywords: ['中医药', '中医馆'],
      source: null,
    },
  ],
});

export const fixtureGlossary: Glossary = glossarySchema.parse({
  version: 1,
  description: 'test',
  entries: [
    { id: 'vbp', term: '集中带量采购', synonyms: ['集采', '带量采购'], en: 'volume-based procurement' },
    { id: 'county', term: '紧密型县域医共体', synonyms: ['医共体', '县域医共体'], en: 'county medical community' },
    { id: 'healthy', term: '健康中国行动', synonyms: [], patterns: ['健康[\\u4e00-\\u9fa5]{2,3}行动'], en: 'Healthy China Action' },
    { id: 'tcm', term: '中医药', synonyms: ['中医'], en: 'TCM' },
  ],
});
