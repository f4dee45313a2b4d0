/**
 * A small finished document, as the stages before load leave it (a LinkedDoc), for load tests.
 * The source text is written by hand; offsets are counted in the test that uses them.
 */
import { createHash } from 'node:crypto';
import type { LinkedDoc, ParsedTask, ResolvedAgency } from '../../ingest/document.js';

export const FIXTURE_SOURCE = [
  '三明市深化医改重点任务',
  '一、推进分级诊疗',
  '1. 建设紧密型县域医共体，覆盖率达到90%以上。（责任单位：市卫健委、市医保局）',
  '① 2024年底前完成。',
].join('\n');

function span(text: string): { start: number; end: number } {
  const start = FIXTURE_SOURCE.indexOf(text);
  if (start < 0) throw new Error(`fixture text not found: ${text}`);
  return { start, end: start + text.length };
}

function task(
  partial: Pick<ParsedTask, 'key' | 'path' | 'parentPath' | 'kind' | 'depth' | 'order' | 'text'> & Partial<ParsedTask>,
): ParsedTask {
  return {
    title: partial.text.split('。')[0] ?? partial.text,
    span: span(partial.text),
    agencies: [],
    targets: [],
    deadline: null,
    supplements: [],
    ...partial,
  };
}

const health: ResolvedAgency = {
  id: '350400:HEALTH',
  name: '三明市卫生健康委员会',
  nameEn: 'Sanming Health Commission',
  type: 'HEALTH',
  jurisdictionId: '350400',
  aliases: ['市卫健委'],
};
const insurance: ResolvedAgency = {
  id: '350400:MEDICAL_INSURANCE',
  name: '三明市医疗保障局',
  nameEn: 'Sanming Healthcare Security Administration',
  type: 'MEDICAL_INSURANCE',
  jurisdictionId: '350400',
  aliases: ['市医保局'],
};

/** Options change what a revised edition of the same document would change. */
export function fixtureDoc({ source = FIXTURE_SOURCE, withMeasure = true } = {}): LinkedDoc {
  const itemText = '1. 建设紧密型县域医共体，覆盖率达到90%以上。（责任单位：市卫健委、市医保局）';
  const tasks: ParsedTask[] = [
    task({ key: '一、', path: '一', parentPath: null, kind: 'section', depth: 0, order: 0, text: '一、推进分级诊疗' }),
    task({
      key: '1.',
      path: '一/1',
      parentPath: '一',
      kind: 'item',
      depth: 1,
      order: 1,
      text: itemText,
      agencies: [
        { name: '市卫健委', role: 'lead', position: 0, span: null },
        { name: '市医保局', role: 'support', position: 1, span: null },
      ],
      targets: [
        {
          text: '达到90%以上',
          metric: '覆盖率',
          op: '>=',
          value: 90,
          unit: '%',
          by: null,
          span: { start: span(itemText).start + itemText.indexOf('达到'), end: span(itemText).start + itemText.indexOf('以上') + 2 },
        },
      ],
    }),
  ];
  if (withMeasure) {
    tasks.push(
      task({
        key: '①',
        path: '一/1/①',
        parentPath: '一/1',
        kind: 'measure',
        depth: 2,
        order: 2,
        text: '① 2024年底前完成。',
        deadline: { date: '2024-12-31', text: '2024年底前' },
      }),
    );
  }
  return {
    source: {
      path: 'fixture.txt',
      sha256: createHash('sha256').update(source).digest('hex'),
      byteLength: Buffer.byteLength(source),
      format: 'txt',
      encoding: 'utf-8',
      sourceText: source,
    },
    normalised: { text: FIXTURE_SOURCE, sourceOffsets: Array.from({ length: FIXTURE_SOURCE.length + 1 }, (_, i) => i) },
    meta: {
      title: '三明市深化医改重点任务',
      docNumber: '明医改组〔2024〕4号',
      issuer: '三明市深化医药卫生体制改革领导小组',
      issuedOn: '2024-06-27',
      status: 'final',
      coversFrom: null,
      coversTo: null,
      jurisdictionId: '350400',
      year: 2024,
    },
    tasks,
    citations: [
      {
        title: '关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知',
        docNumber: '国办发〔2024〕29号',
        context: '根据国务院办公厅《关于印发〈深化医药卫生体制改革2024年重点工作任务〉的通知》（国办发〔2024〕29号）',
        span: { start: 0, end: 1 },
      },
    ],
    agencies: new Map([
      ['一/1\u0000市卫健委', health],
      ['一/1\u0000市医保局', insurance],
    ]),
    links: [],
    messages: [{ offset: 3, code: 'LATIN_WORD', message: 'stray English word' }],
  };
}
