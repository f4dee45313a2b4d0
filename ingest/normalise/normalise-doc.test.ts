import { describe, expect, it } from 'vitest';
import type { IngestDoc } from '../document.js';
import { normaliseDoc } from './index.js';

function normalise(sourceText: string): IngestDoc {
  return normaliseDoc({
    source: { path: 'fixture.txt', sha256: '', byteLength: 0, format: 'txt', encoding: 'utf-8', sourceText },
    messages: [],
  });
}

const textOf = (sourceText: string) => normalise(sourceText).normalised!.text;

describe('normaliseDoc', () => {
  it('turns full-width digits and letters half-width and unifies brackets to full-width', () => {
    expect(textOf('（1）达到９０％，(二)推进ＤＲＧ付费')).toBe('（1）达到90％，（二）推进DRG付费');
  });

  it('keeps a task table’s row whole when a cell copied from Excel holds a line break, quoted as tab-separated text quotes it', () => {
    const pasted =
      '序号\t重点任务\t牵头单位\n1\t"1.开展医共体建设试点；\n2.县域内就诊率达到90%以上。"\t市卫生健康委\n2\t做实签约服务\t"市医保局"\n';
    const lines = textOf(pasted).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1\t1\.开展医共体建设试点；\s?2\.县域内就诊率达到90%以上。\t市卫生健康委$/u);
    // A quoted cell without a line break is left as printed.
    expect(lines[2]).toBe('2\t做实签约服务\t"市医保局"');
  });

  it('keeps the 〔〕 of a document number', () => {
    expect(textOf('资府发〔2017〕23号')).toBe('资府发〔2017〕23号');
  });

  it('removes spaces inside Chinese text but not between Latin words', () => {
    expect(textOf('2020 年 9 月底前，试点 25 种药品 health care')).toBe('2020年9月底前，试点25种药品health care');
  });

  it('removes <p> markup and entities', () => {
    expect(textOf('<p>① 深入开展行动。</p> <p>②&nbsp;优化服务。</p>')).toBe('①深入开展行动。②优化服务。');
  });

  it('rejoins an item broken across a page where its siblings are whole paragraphs', () => {
    const source =
      '1、完善领导小组组成。（责任单位：县卫生健康委）\n\n2、制定实施健康枞阳行动的具体落实措施，统筹推进实施\n\n健康枞阳行动和深化医改工作。\n\n3、县财政要积极支持深化医改工作。';
    expect(textOf(source).split('\n')[1]).toBe('2、制定实施健康枞阳行动的具体落实措施，统筹推进实施健康枞阳行动和深化医改工作。');
  });

  it('keeps a long masthead line apart from the document number and the title', () => {
    const source =
      '阿坝藏族羌族自治州深化医药卫生体制改革领导小组文件\n阿医改组〔2019〕30号\n阿坝藏族羌族自治州深化医药卫生体制改革领导小组关于印发《2019年深化医改重点任务分解表》的通知';
    expect(textOf(source).split('\n')).toHaveLength(3);
  });

  it('removes a masthead repeated at the head of a later page and rejoins the sentence around it', () => {
    const source =
      '乐昌市人民政府办公室文件\n乐府办〔2023〕15号\n一、重点任务\n1. 推进医保基金总额付费，加\n\n— 2 —\n\n乐昌市人民政府办公室文件\n\n强监督考核。\n2. 完善薪酬制度。\n3. 加强人才培养。';
    expect(textOf(source).split('\n')).toEqual([
      '乐昌市人民政府办公室文件',
      '乐府办〔2023〕15号',
      '一、重点任务',
      '1.推进医保基金总额付费，加强监督考核。',
      '2.完善薪酬制度。',
      '3.加强人才培养。',
    ]);
  });

  it('rejoins a sentence broken mid-word across lines', () => {
    expect(textOf('积极探索更好发挥中医药特色优势的医保支付方式，鼓励提\n\n供和使用适宜的中医药服务。')).toBe(
      '积极探索更好发挥中医药特色优势的医保支付方式，鼓励提供和使用适宜的中医药服务。',
    );
  });

  it('keeps a heading on its own line even when the next paragraph has no number', () => {
    const text = '一、提能力，在构建新格局上有突破\n\n围绕这一目标，持续优化就医秩序。\n\n二、勇担当，在推广经验上有进展\n\n围绕这一目标。';
    expect(textOf(text).split('\n')).toEqual([
      '一、提能力，在构建新格局上有突破',
      '围绕这一目标，持续优化就医秩序。',
      '二、勇担当，在推广经验上有进展',
      '围绕这一目标。',
    ]);
  });

  it('does not join a title to the line under it', () => {
    expect(textOf('资阳市深化医药卫生体制综合改革试点方案\n\n为贯彻落实精神，制定本方案。').split('\n')).toHaveLength(2);
  });

  it('ends a distribution list without its full stop at its line, and joins it only where it wraps inside the list', () => {
    expect(textOf('抄送:县委办、人大办、政协办,纪委\n化隆县深化医药卫生体制改革综合试点方案').split('\n')).toHaveLength(2);
    expect(textOf('抄送：县委办、人大办，\n县政协办。').split('\n')).toEqual(['抄送：县委办、人大办，县政协办。']);
  });

  it('keeps the furniture of a web page apart from the title between them', () => {
    const page =
      '您当前的位置:首页 > 信息公开 > 某某县卫生健康委员会 > 决策部署落实情况\n县卫健委2021年政府工作报告任务分解\n文章来源:某某县卫生健康委员会 浏览量: 发表时间:2021-05-07 10:49 责任编辑:政务公开';
    expect(textOf(page).split('\n')).toHaveLength(3);
  });

  it('joins an agency note printed as its own paragraph to its item', () => {
    expect(textOf('4. 发展中医药健康产业。加快发展。\n\n〔市经济和信息化委、市中医药局负责〕')).toBe(
      '4.发展中医药健康产业。加快发展。〔市经济和信息化委、市中医药局负责〕',
    );
  });

  it('removes page numbers and says so', () => {
    const doc = normalise('（一）加强协调。\n— 3 —\n第 4 页\n（二）推进改革。');
    expect(doc.normalised!.text).toBe('（一）加强协调。\n（二）推进改革。');
    expect(doc.messages.filter((m) => m.code === 'page-furniture').map((m) => m.offset)).toEqual([9, 15]);
  });

  it('removes a bookmark marker and records where it was', () => {
    const doc = normalise('[bookmark: _GoBack]（十）加快补短板。');
    expect(doc.normalised!.text).toBe('（十）加快补短板。');
    expect(doc.messages).toEqual([expect.objectContaining({ code: 'bookmark-removed', offset: 0 })]);
  });

  it('keeps a Latin word inside a Chinese sentence but warns about it at its source offset', () => {
    const source = '做好监测结果的分析 and 运用。探索分组（drugs）付费。按DRG付费。';
    const doc = normalise(source);
    expect(doc.normalised!.text).toBe('做好监测结果的分析and运用。探索分组（drugs）付费。按DRG付费。');
    const warnings = doc.messages.filter((m) => m.code === 'latin-word');
    expect(warnings.map((m) => source.slice(m.offset, m.offset + 5))).toEqual(['and 运', 'drugs']);
  });

  it('drops table header rows and section cells repeated on a new page and rejoins the continued row', () => {
    const source = [
      '工作任务\t主要目标要求\t细化措施\t责任单位',
      '二、坚持互促共进\t2. 深化健康促进。\t<p>① 开展行动。</p> <p>② 将服务从</p>\t市卫健委',
      '',
      '工作任务\t主要目标要求\t细化措施\t责任单位',
      '二、坚持互促共进\t2. 深化健康促进。\t<p>后端延伸。</p> <p>③ 打造模式。</p>\t市卫健委',
      '\t3. 推进疾控改革。\t<p>① 完成整合。</p>\t市委编办',
      '',
      '工作任务\t主要目标要求\t细化措施\t责任单位',
      '二、坚持互促共进\t4. 完善防治机制。\t<p>① 建立机制。</p>\t市卫健委',
    ].join('\n');
    const doc = normalise(source);
    expect(doc.normalised!.text.split('\n')).toEqual([
      '工作任务\t主要目标要求\t细化措施\t责任单位',
      '二、坚持互促共进\t2.深化健康促进。\t①开展行动。②将服务从后端延伸。③打造模式。\t市卫健委',
      '\t3.推进疾控改革。\t①完成整合。\t市委编办',
      '\t4.完善防治机制。\t①建立机制。\t市卫健委',
    ]);
    expect(doc.messages.filter((m) => m.code === 'repeated-table-header')).toHaveLength(2);
  });

  it('maps every character back to the source, with one extra entry for the end', () => {
    const source = '一、总体要求\n\n（１）推进 改革，\n\n加快发展。';
    const { text, sourceOffsets } = normalise(source).normalised!;
    expect(sourceOffsets).toHaveLength(text.length + 1);
    expect(sourceOffsets.at(-1)).toBe(source.length);
    for (let i = 0; i < text.length; i++) {
      const original = source[sourceOffsets[i]!]!;
      if (text[i] === '\n') continue;
      // Characters map to themselves or to their full-width/half-width twin.
      expect([text[i], String.fromCharCode(text[i]!.charCodeAt(0) + 0xfee0), '(', ')']).toContain(original);
    }
    expect(source.slice(sourceOffsets[text.indexOf('加快')])).toBe('加快发展。');
  });
});
