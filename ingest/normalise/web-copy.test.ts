import { describe, expect, it } from 'vitest';
import type { IngestDoc } from '../document.js';
import { mappedFrom } from './mapped-text.js';
import { normaliseDoc } from './normalise-doc.js';
import {
  isInlineFragment,
  joinSplitNumbers,
  looksLikeWebCopy,
  rejoinInlineRuns,
  removeContents,
  splitFlattenedBlocks,
  splitFlattenedLine,
  splitHeadingRunOn,
  type SourceLine,
} from './web-copy.js';

const sourceLines = (...texts: string[]): SourceLine[] => {
  let offset = 0;
  return texts.map((text) => {
    const line = mappedFrom(text, offset);
    offset += text.length + 1;
    return { line, afterBlank: false };
  });
};
const texts = (lines: readonly SourceLine[]) => lines.map((entry) => entry.line.text);

function normalised(sourceText: string): { text: string; doc: IngestDoc } {
  const doc = normaliseDoc({
    source: { path: 'web.txt', sha256: '', byteLength: 0, format: 'txt', encoding: 'utf-8', sourceText },
    messages: [],
  });
  return { text: doc.normalised.text, doc };
}

describe('inline runs of a web page', () => {
  it('reads a bare year before 年 and a number before 号 as text, not as page numbers', () => {
    const lines = sourceLines(
      '根据《关于进一步深化医改的意见》（明委发〔',
      '2017',
      '〕',
      '14',
      '号），加强全科医生队伍建设。',
      '现将《',
      '2020',
      '年卫生健康工作主要任务分工方案》印发给你们。',
    );
    expect(looksLikeWebCopy(lines)).toBe(true);
    expect(texts(rejoinInlineRuns(lines))).toEqual([
      '根据《关于进一步深化医改的意见》（明委发〔2017〕14号），加强全科医生队伍建设。',
      '现将《2020年卫生健康工作主要任务分工方案》印发给你们。',
    ]);
  });

  it('keeps a date spelt over seven lines as one line under its signature, and mends the signature split above it', () => {
    const lines = sourceLines(
      '请认真贯彻执行。',
      '三明市卫生',
      '健康委员会',
      '20',
      '20',
      '年',
      '4',
      '月',
      '23',
      '日',
      '2020',
      '年全市卫生健康工作主要任务分工方案',
    );
    expect(texts(rejoinInlineRuns(lines))).toEqual([
      '请认真贯彻执行。',
      '三明市卫生健康委员会',
      '2020年4月23日',
      '2020年全市卫生健康工作主要任务分工方案',
    ]);
  });

  it('does not make a date of "7月5日前" in the middle of a sentence', () => {
    const lines = sourceLines('请于', '2021', '年', '1', '月', '5', '日', '前报委办公室。', '一、总体要求');
    expect(texts(rejoinInlineRuns(lines))).toEqual(['请于2021年1月5日前报委办公室。', '一、总体要求']);
  });

  it('keeps the cells of a flattened table of numbers apart', () => {
    const lines = sourceLines('市第一医院', '三甲', '35', '3.5', '38.5', '永安总医院', '2018', '年起执行。');
    expect(texts(rejoinInlineRuns(lines)).slice(0, 5)).toEqual(['市第一医院', '三甲', '35', '3.5', '38.5']);
  });

  it('joins a number printed on its own line to the full stop and heading after it', () => {
    const lines = sourceLines(
      '强化县域内资源统筹和布局优化',
      '21',
      '.',
      '巩固拓展医疗保障脱贫攻坚成果。',
      '1',
      '．健全乡村医疗卫生服务体系。',
    );
    expect(texts(rejoinInlineRuns(lines))).toEqual([
      '强化县域内资源统筹和布局优化',
      '21.巩固拓展医疗保障脱贫攻坚成果。',
      '1．健全乡村医疗卫生服务体系。',
    ]);
  });

  it('keeps a heading standing alone when its lead paragraph opens with a quotation', () => {
    const lines = sourceLines(
      '二、总体要求',
      '（一）指导思想。深入贯彻党的十九大精神。',
      '三、重点任务',
      '“十三五”期间，要在分级诊疗、现代医院管理等制度建设上取得新突破。',
      '（一）建立科学合理的分级诊疗制度。',
    );
    expect(texts(rejoinInlineRuns(lines))).toEqual([
      '二、总体要求',
      '（一）指导思想。深入贯彻党的十九大精神。',
      '三、重点任务',
      '“十三五”期间，要在分级诊疗、现代医院管理等制度建设上取得新突破。',
      '（一）建立科学合理的分级诊疗制度。',
    ]);
  });

  it('still joins a quotation that a page split from the item it carries on, where items are paragraphs', () => {
    const lines = sourceLines(
      '（一）持续推进',
      '“三医联动”综合改革，提升总医院的健康管护能力。',
      '（二）深化公立医院薪酬制度改革，落实“两个允许”要求。',
      '（三）加快全民健康信息平台建设，推进基层信息化。',
    );
    expect(texts(rejoinInlineRuns(lines))).toEqual([
      '（一）持续推进“三医联动”综合改革，提升总医院的健康管护能力。',
      '（二）深化公立医院薪酬制度改革，落实“两个允许”要求。',
      '（三）加快全民健康信息平台建设，推进基层信息化。',
    ]);
  });

  it('reads a Chinese numeral alone in a 序号 cell as the number of the heading after it', () => {
    const lines = sourceLines('责任单位', '一', '强化县域内资源统筹和布局优化', '2020', '年');
    expect(texts(rejoinInlineRuns(lines))[1]).toBe('一 强化县域内资源统筹和布局优化');
  });

  it('closes a bracket left open by a short line: a document number in a masthead', () => {
    const lines = sourceLines('莆政办〔2014', '〕', '131', '号', '2014', '年');
    expect(texts(rejoinInlineRuns(lines))[0]).toBe('莆政办〔2014〕131号');
  });

  it('does not count Chinese text or a dashed page number as an inline fragment', () => {
    expect(isInlineFragment('2017')).toBe(true);
    expect(isInlineFragment('“')).toBe(true);
    expect(isInlineFragment('— 3 —')).toBe(false);
    expect(isInlineFragment('年')).toBe(false);
  });

  it('leaves a document that is not a web copy alone: its bare numbers stay page numbers', () => {
    const { text } = normalised('一、总体要求\n加强领导，落实责任。\n\n3\n\n二、重点任务\n推进改革。');
    expect(text.split('\n')).toEqual(['一、总体要求', '加强领导，落实责任。', '二、重点任务', '推进改革。']);
  });

  it('maps every character of a rejoined document number back to the source', () => {
    const source = '各单位：\n现将《\n2020\n年工作方案》印发给你们。\n明卫〔\n2020\n〕\n39\n号';
    const { text, doc } = normalised(source);
    const at = text.indexOf('2020年工作方案');
    expect(at).toBeGreaterThan(0);
    const sourceAt = doc.normalised!.sourceOffsets[at]!;
    expect(source.slice(sourceAt, sourceAt + 4)).toBe('2020');
  });
});

describe('a body flattened onto one line', () => {
  const flattened =
    '为深化医改，制定本方案。一、总体要求（一）指导思想。以人民健康为中心，推进改革，提高服务能力。（二）工作目标。到2025年，县域内就诊率达到90%以上。' +
    '二、重点任务（一）推进分级诊疗。建设紧密型县域医共体，完善双向转诊制度。1.加强基层能力。每个乡镇办好一所卫生院。2.推进家庭医生签约。签约率达到75%。' +
    '（二）深化医保支付方式改革。推行按病种付费，完善总额预算管理，提高基金使用效率，健全医保经办机构与医疗机构之间的协商谈判机制。' +
    '三、保障措施加强组织领导，落实部门责任，确保各项任务落到实处，各地各部门要按照职责分工，细化工作措施，定期报送工作进展情况，市医改办适时开展督查，督查结果纳入年度绩效考核。';
  it('is long enough to be read as a flattened body', () => expect(flattened.length).toBeGreaterThan(300));

  it('is split before each marker that continues the numbering', () => {
    const pieces = splitFlattenedLine(mappedFrom(flattened)).map((piece) => piece.text.slice(0, 8));
    expect(pieces).toEqual([
      '为深化医改，制定',
      '一、总体要求',
      '（一）指导思想。',
      '（二）工作目标。',
      '二、重点任务',
      '（一）推进分级诊',
      '1.加强基层能力',
      '2.推进家庭医生',
      '（二）深化医保支',
      '三、保障措施加强',
    ]);
  });

  it('keeps numbers inside a quoted title and decimals in place', () => {
    const text = `${flattened}《关于印发（一）号文件的通知》要求按1.5倍核定。`;
    const pieces = splitFlattenedLine(mappedFrom(text));
    expect(pieces.at(-1)!.text).toContain('《关于印发（一）号文件的通知》要求按1.5倍核定。');
  });

  it('is left whole when it holds no numbering run', () => {
    const prose = '加强组织领导。'.repeat(60);
    expect(splitFlattenedLine(mappedFrom(prose))).toHaveLength(1);
  });
});

describe('a web page flattened with spaces between its blocks', () => {
  const body = '一、总体要求（一）指导思想。以人民健康为中心，推进医疗、医保、医药联动改革，着力解决群众看病难、看病贵问题。'.repeat(4);
  const blocksOf = (text: string) => splitFlattenedBlocks(mappedFrom(text)).map((piece) => piece.text);

  it('is cut at the gaps between Chinese text and before the date under the signature', () => {
    const head =
      '绵府办发〔2020〕18号 各县（市、区）人民政府：《重点工作任务》已经市政府同意，现印发给你们，请认真贯彻执行。 绵阳市人民政府办公室 2020年6月12日 绵阳市深化医药卫生体制改革2020年重点工作任务 ';
    const pieces = blocksOf(head + body);
    expect(pieces.slice(0, 5)).toEqual([
      '绵府办发〔2020〕18号',
      '各县（市、区）人民政府：《重点工作任务》已经市政府同意，现印发给你们，请认真贯彻执行。',
      '绵阳市人民政府办公室',
      '2020年6月12日',
      '绵阳市深化医药卫生体制改革2020年重点工作任务',
    ]);
  });

  it('is cut around a signature run into the text with no gap, its date and its note on publication', () => {
    const head =
      '各县（市、区）人民政府：《滨州市若干措施》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。滨州市人民政府办公室2024年11月21日（此件公开发布）滨州市若干措施为贯彻落实省政府办公厅《实施方案》精神，制定本措施。';
    const pieces = blocksOf(head + body);
    expect(pieces.slice(0, 4)).toEqual([
      '各县（市、区）人民政府：《滨州市若干措施》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。',
      '滨州市人民政府办公室',
      '2024年11月21日',
      '（此件公开发布）',
    ]);
    expect(pieces[4]).toMatch(/^滨州市若干措施为贯彻落实/u);
    // Without the note, the plan's title named in the notice follows the date.
    const untitled = blocksOf(head.replace('（此件公开发布）', '') + body);
    expect(untitled.slice(1, 3)).toEqual(['滨州市人民政府办公室', '2024年11月21日']);
    expect(untitled[3]).toMatch(/^滨州市若干措施为贯彻落实/u);
    // A body and a date opening a sentence of the text are not a signature.
    const sentences = `${'加强组织领导，压实工作责任。'.repeat(25)}县医保局2023年12月31日完成清算。市卫生健康委2024年6月30日前完成评估。`;
    expect(blocksOf(sentences)).toHaveLength(1);
  });

  it('keeps a chapter marker with its heading', () => {
    const line = `第一章  发展基础 ${'全市医疗卫生服务体系不断完善，服务能力持续提升。'.repeat(12)} 第二章  总体要求`;
    expect(splitFlattenedBlocks(mappedFrom(line)).map((piece) => piece.text.slice(0, 9))).toEqual([
      '第一章  发展基础',
      '全市医疗卫生服务体',
      '第二章  总体要求',
    ]);
  });
});

describe('a heading run on into its first sub-heading', () => {
  it('is cut before the sub-heading numbered 1', () => {
    expect(splitHeadingRunOn(mappedFrom('一、重点任务（一）加快推进分级诊疗。')).map((piece) => piece.text)).toEqual([
      '一、重点任务',
      '（一）加快推进分级诊疗。',
    ]);
  });

  it('is left whole when the heading is a sentence or the marker is not the first', () => {
    expect(splitHeadingRunOn(mappedFrom('一、加强领导，完善（一）号文件的配套措施。'))).toHaveLength(1);
    expect(splitHeadingRunOn(mappedFrom('（二）推进改革（三）项任务'))).toHaveLength(1);
  });

  it('is cut after a standard part of a plan run into its first sentence', () => {
    const pieces = (text: string) => splitHeadingRunOn(mappedFrom(text)).map((piece) => piece.text);
    expect(pieces('一、总体要求深入贯彻党的二十大精神，坚持医疗卫生事业公益性。')).toEqual([
      '一、总体要求',
      '深入贯彻党的二十大精神，坚持医疗卫生事业公益性。',
    ]);
    expect(pieces('三、保障措施加强组织领导，各县（市、区）要将其纳入发展规划。')).toEqual([
      '三、保障措施',
      '加强组织领导，各县（市、区）要将其纳入发展规划。',
    ]);
    // A heading that goes on, or a sentence that starts with the words: whole.
    for (const whole of [
      '三、重点任务和措施',
      '二、主要任务分工如下：',
      '（二）工作目标。到2025年，县域内就诊率达到90%。',
      '一、总体要求是坚持公益性，强化政府责任。',
      '三、重点工作完成情况和存在问题',
      '一、总体要求',
    ])
      expect(pieces(whole), whole).toEqual([whole]);
  });
});

describe('an item number split from its full stop', () => {
  it('is joined to it in any document', () => {
    expect(texts(joinSplitNumbers(sourceLines('二、重点任务', '7', '．加强医共体建设。')))).toEqual([
      '二、重点任务',
      '7．加强医共体建设。',
    ]);
  });
});

describe('a table of contents', () => {
  it('is removed up to where its first entry heads the body', () => {
    const lines = sourceLines(
      '三明市卫生健康事业发展规划',
      '目  录',
      '第一章 发展现状……1',
      '第二章 总体要求……5',
      '第一章 发展现状',
      '第一节 发展成就',
    );
    const { lines: kept, removed } = removeContents(lines);
    expect(texts(kept)).toEqual(['三明市卫生健康事业发展规划', '第一章 发展现状', '第一节 发展成就']);
    expect(removed).toHaveLength(3);
  });

  it('is kept when its first entry never appears again', () => {
    const lines = sourceLines('目录', '一、医保目录调整', '二、执行时间');
    expect(removeContents(lines).lines).toHaveLength(3);
  });
});
