import { describe, expect, it } from 'vitest';
import { extractCitations } from './citations.js';

describe('extractCitations', () => {
  it('reads a title and its document number after 为贯彻落实', () => {
    const text = '为贯彻落实《四川省人民政府关于印发四川省深化医药卫生体制综合改革试点方案的通知》（川府发〔2016〕32号）精神，制定本方案。';
    const [citation] = extractCitations(text);
    expect(citation).toMatchObject({
      title: '四川省人民政府关于印发四川省深化医药卫生体制综合改革试点方案的通知',
      docNumber: '川府发〔2016〕32号',
    });
    expect(citation && text.slice(citation.span.start, citation.span.end)).toBe(
      '《四川省人民政府关于印发四川省深化医药卫生体制综合改革试点方案的通知》（川府发〔2016〕32号）',
    );
  });

  it('reads a plan its purpose clause cites by its title alone after 落实 (新乡 2023)', () => {
    const text =
      '为巩固拓展疫情防控工作成果,落实《新乡市“十四五”全民健康规划》,提升本市公共卫生综合服务能力,根据《河南省人民政府办公厅关于印发河南省公共卫生体系建设三年行动计划(2023—2025年)的通知》(豫政办〔2023〕32号)文件要求,制定本行动计划。';
    expect(extractCitations(text).map((citation) => [citation.title, citation.docNumber])).toEqual([
      ['新乡市“十四五”全民健康规划', null],
      ['河南省人民政府办公厅关于印发河南省公共卫生体系建设三年行动计划(2023—2025年)的通知', '豫政办〔2023〕32号'],
    ]);
  });

  it('gives a number printed with [ ] or （ ） around its year in the 〔 〕 of GB/T 9704 (内蒙古 2015)', () => {
    const text = '根据《国务院办公厅关于全面推开县级公立医院综合改革的实施意见》(国办发[2015]33号)精神，制定本方案。';
    expect(extractCitations(text).map((citation) => citation.docNumber)).toEqual(['国办发〔2015〕33号']);
  });

  it('reads several citations in one 根据 sentence, keeping nested 〈〉 in the title', () => {
    const text =
      '根据国务院办公厅《关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知》（国办发〔2024〕29号）、省医改领导小组《关于印发〈福建省深化医药卫生体制改革2024年重点任务方案〉的通知》（闽医改组〔2024〕1号）、市委市政府《关于进一步深化三明医改的若干措施的通知》（明委发〔2024〕4号），为深入贯彻落实党中央决策部署。现将《2024年度深化医改重点任务分解表》印发给你们。';
    expect(extractCitations(text).map((citation) => [citation.title, citation.docNumber])).toEqual([
      ['关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知', '国办发〔2024〕29号'],
      ['关于印发〈福建省深化医药卫生体制改革2024年重点任务方案〉的通知', '闽医改组〔2024〕1号'],
      ['关于进一步深化三明医改的若干措施的通知', '明委发〔2024〕4号'],
    ]);
  });

  it('reads a number whose web copy lost one bracket of its year: 国发2019〕13号, 黔府办发〔201930号 (六盘水 2020)', () => {
    const text =
      '为认真贯彻落实《国务院关于实施健康中国行动的意见》(国发2019〕13号)和《省人民政府办公厅关于印发健康贵州行动实施方案的通知》(黔府办发〔201930号)精神。';
    expect(extractCitations(text).map((citation) => citation.docNumber)).toEqual(['国发〔2019〕13号', '黔府办发〔2019〕30号']);
    // Without either bracket the year is not told from the number.
    expect(extractCitations('根据《某某方案》(某发201913号)精神。').map((citation) => citation.docNumber)).toEqual([null]);
  });

  it('reads a title without a document number after 按照', () => {
    expect(
      extractCitations('按照《山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知》要求，现将任务制定如下。'),
    ).toEqual([
      expect.objectContaining({ title: '山西省人民政府办公厅关于印发山西省深化医药卫生体制改革2022年重点工作任务的通知', docNumber: null }),
    ]);
  });

  it('does not cite the document itself sent out in a later clause of the same sentence', () => {
    const text =
      '根据国家、省、市《关于进一步推广三明医改经验的通知》文件精神，结合我县实际，现将我县《关于进一步推广三明医改经验的通知（征求意见稿）》函发给你们。';
    expect(extractCitations(text).map((citation) => citation.title)).toEqual(['关于进一步推广三明医改经验的通知']);
  });

  it('keeps a title cited twice once', () => {
    const text = '根据《关于推广三明经验的通知》精神。为贯彻落实《关于推广三明经验的通知》精神，通知如下。';
    expect(extractCitations(text)).toHaveLength(1);
  });

  it('searches only up to the given end', () => {
    const text = '一、任务。根据《某方案》开展工作。';
    expect(extractCitations(text, { end: 3 })).toEqual([]);
  });
});
