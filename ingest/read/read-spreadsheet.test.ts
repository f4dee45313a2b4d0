import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { docxBytes, docxParagraph, xlsxBytes, type XlsxCell } from '../../tests/support/sample-documents.js';
import { loadStageContext, processDocument } from '../pipeline.js';
import { readSource } from './read-source.js';

const text = (s: number): XlsxCell => ({ s });

/** The header of a division of work: the columns the outline reads tasks, agencies and deadlines from. */
const HEADER = ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'];

/** A county's division of work as spreadsheets publish it: a title merged across, a header, a part heading merged across, rows of tasks. */
const TASK_TABLE = {
  strings: [
    '某县2024年深化医药卫生体制改革重点任务分工表',
    ...HEADER,
    '一、促进优质医疗资源扩容和均衡布局',
    '提升县级医院综合能力',
    '推进县人民医院胸痛、卒中中心建设，\n年底前通过省级验收。',
    '县卫生健康委',
    '县财政局、县医保局',
    '做实家庭医生签约服务',
    '重点人群家庭医生签约率达到75%以上。',
    '县医保局',
    '达到',
  ],
  rows: [
    [text(0)],
    [text(1), text(2), text(3), text(4), text(5), text(6)],
    [text(7)],
    [{ n: '1' }, text(8), text(9), text(10), text(11), { d: 45657 }],
    [{ n: '2' }, text(12), text(13), text(10), text(14), { n: '0.75' }, { p: '0.755' }, { s: 15, percent: true }],
  ] as XlsxCell[][],
  merged: ['A1:F1', 'A3:F3'],
};

describe('readSpreadsheet', () => {
  it('reads a sheet as its table: a line per row, tab-separated cells, a merged cell once, line breaks in a cell kept on its row', async () => {
    const bytes = await xlsxBytes(TASK_TABLE.strings, [{ name: 'Sheet1', rows: TASK_TABLE.rows, merged: TASK_TABLE.merged }]);
    const { sourceText, format, encoding } = await readSource('分工表.xlsx', bytes);
    expect({ format, encoding }).toEqual({ format: 'xlsx', encoding: 'xlsx' });
    expect(sourceText.split('\n')).toEqual([
      '某县2024年深化医药卫生体制改革重点任务分工表',
      '序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限',
      '一、促进优质医疗资源扩容和均衡布局',
      // 45657 is 2024-12-31 in a cell shown as a date; 0.755 in the format 0.0% shows 75.5%; text in it, and a number in none, as stored.
      '1\t提升县级医院综合能力\t推进县人民医院胸痛、卒中中心建设， 年底前通过省级验收。\t县卫生健康委\t县财政局、县医保局\t2024年12月31日',
      '2\t做实家庭医生签约服务\t重点人群家庭医生签约率达到75%以上。\t县卫生健康委\t县医保局\t0.75\t75.5%\t达到',
    ]);
  });

  it('leaves out a hidden sheet, such as the list a drop-down cell offers', async () => {
    const bytes = await xlsxBytes(
      ['重点任务', '推进医共体建设', '县卫生健康委', '县医保局'],
      [
        { name: '附件1', rows: [[text(0)], [text(1)]] },
        { name: '单位列表', rows: [[text(2)], [text(3)]], hidden: true },
      ],
    );
    expect((await readSource('分工表.xlsx', bytes)).sourceText).toBe('重点任务\n推进医共体建设');
  });

  it('heads each table with its sheet name when a workbook holds several, but not with a name nobody gave', async () => {
    const bytes = await xlsxBytes(
      ['附件1 重点任务', '附件2 指标', '任务一', '指标一'],
      [
        { name: '附件1', rows: [[text(0)], [text(2)]] },
        { name: 'Sheet2', rows: [[text(1)], [text(3)]] },
        { name: '空表', rows: [] },
      ],
    );
    expect((await readSource('a.xlsx', bytes)).sourceText).toBe('附件1\n附件1 重点任务\n任务一\n\n附件2 指标\n指标一');
  });

  it('prints a cell merged down a task’s measures once, and the outline gives its lead and deadline to each measure, as a .docx’s table', async () => {
    const strings = [...HEADER, '深化县域医共体建设', '完善县域医共体管理体制。', '县卫生健康局', '县委编办'];
    strings.push('推进医共体内人员统一招聘、统一培训。', '县人力社保局', '2020年6月底前');
    const bytes = await xlsxBytes(strings, [
      {
        name: 'Sheet1',
        rows: [
          [text(0), text(1), text(2), text(3), text(4), text(5)],
          [{ n: '1' }, text(6), text(7), text(8), text(9), text(12)],
          [null, null, text(10), null, text(11), null],
        ],
        merged: ['A2:A3', 'B2:B3', 'D2:D3', 'F2:F3'],
      },
    ]);
    const source = await readSource('分工.xlsx', bytes);
    expect(source.sourceText.split('\n').at(-1)).toBe('推进医共体内人员统一招聘、统一培训。\t县人力社保局');
    const doc = processDocument({ source, messages: [] }, await loadStageContext('seeds'));
    const measure = doc.tasks.find((task) => task.text.startsWith('推进医共体内人员'));
    expect(measure?.agencies.map(({ name, role }) => `${name} ${role}`)).toEqual(['县卫生健康局 lead', '县人力社保局 support']);
    expect(measure?.deadline?.date).toBe('2020-06-30');
  });

  it('refuses a .docx named .xlsx, naming the file and what it lacks', async () => {
    const bytes = await docxBytes(docxParagraph('一、加强组织领导'));
    await expect(readSource('plan.xlsx', bytes)).rejects.toThrow(/plan\.xlsx: not a valid \.xlsx \(no xl\/workbook\.xml\)/u);
  });

  it('gives the pipeline a task list with each task’s lead and supporting agencies from their columns', async () => {
    const bytes = await xlsxBytes(TASK_TABLE.strings, [{ name: 'Sheet1', rows: TASK_TABLE.rows, merged: TASK_TABLE.merged }]);
    const doc = processDocument({ source: await readSource('分工表.xlsx', bytes), messages: [] }, await loadStageContext('seeds'));
    expect(doc.meta.title).toBe('某县2024年深化医药卫生体制改革重点任务分工表');
    const items = doc.tasks.filter((task) => task.kind === 'item');
    expect(items.map((task) => task.title)).toEqual(['提升县级医院综合能力', '做实家庭医生签约服务']);
    expect(items.map((task) => task.agencies.map(({ name, role }) => `${name} ${role}`))).toEqual([
      ['县卫生健康委 lead', '县财政局 support', '县医保局 support'],
      ['县卫生健康委 lead', '县医保局 support'],
    ]);
  });

  it('reads an Excel 97–2003 .xls as a .xlsx: merged cells once, dates and percentages as shown, each named sheet headed by its name', async () => {
    // Written from a .xlsx by LibreOffice's Excel 97 filter (tests/fixtures/formats/README.md).
    const source = await readSource('分工表.xls', new Uint8Array(readFileSync('tests/fixtures/formats/county-task-division.xls')));
    expect({ format: source.format, encoding: source.encoding }).toEqual({ format: 'xls', encoding: 'xls' });
    expect(source.sourceText.split('\n')).toEqual([
      '附件1',
      '某县2024年深化医药卫生体制改革重点任务分工表',
      '序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限',
      '一、促进优质医疗资源扩容和均衡布局',
      // 45657 in the format yyyy"年"m"月"d"日".
      '1\t提升县级医院综合能力\t推进县人民医院胸痛、卒中中心建设， 年底前通过省级验收。\t县卫生健康委\t县财政局、县医保局\t2024年12月31日',
      '2\t深化紧密型县域医共体建设\t完善县域医共体管理体制。\t县卫生健康委\t县委编办\t2024年6月底前',
      // 序号, 重点任务, 牵头单位 and 完成时限 are merged down over the item's second measure.
      '推进医共体内人员统一招聘、统一培训。\t县人力资源社会保障局',
      '',
      '附件2',
      '主要指标\t2024年目标值',
      // 0.9 in the format 0%, 0.755 in 0.0%.
      '县域内就诊率\t90%',
      '重点人群家庭医生签约率\t75.5%',
    ]);
    const doc = processDocument({ source, messages: [] }, await loadStageContext('seeds'));
    const measure = doc.tasks.find((task) => task.text.startsWith('推进医共体内人员'));
    expect(measure?.agencies.map(({ name, role }) => `${name} ${role}`)).toEqual(['县卫生健康委 lead', '县人力资源社会保障局 support']);
    expect(measure?.deadline?.date).toBe('2024-06-30');
  });

  it('refuses a .xls that is not a workbook, naming the file and the problem', async () => {
    await expect(readSource('broken.xls', new Uint8Array(readFileSync('tests/fixtures/bad/broken.xls')))).rejects.toThrow(
      /^broken\.xls: unreadable \.xls: /u,
    );
    // Text named .xls that is no table (comma-separated rows are read as such: the next test).
    await expect(readSource('plan.xls', new TextEncoder().encode('一、总体要求\n（一）完善领导小组。'))).rejects.toThrow(
      /^plan\.xls: not a \.xls \(a \.xls is an OLE compound file; it does not start with its header\)$/u,
    );
    // A Word 97–2003 file is an OLE compound file too, but holds no workbook (an upload is refused before: upload-type.test.ts).
    await expect(readSource('plan.xls', new Uint8Array(readFileSync('tests/fixtures/formats/cells.doc')))).rejects.toThrow(
      /^plan\.xls: unreadable \.xls: .*Workbook/u,
    );
  });

  it("reads Excel 2003's XML Spreadsheet under a .xls name as a sheet, a cell merged down printed once", async () => {
    // As .NET and Java systems' 导出Excel write it: 序号, 重点任务 and 牵头单位 merged down an item's two measures.
    const cell = (text: string, attributes = '') => `<Cell${attributes}><Data ss:Type="String">${text}</Data></Cell>`;
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?mso-application progid="Excel.Sheet"?>',
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">',
      ' <Worksheet ss:Name="附件1">',
      '  <Table>',
      `   <Row>${cell('序号')}${cell('重点任务')}${cell('具体措施')}${cell('牵头单位')}</Row>`,
      `   <Row><Cell ss:MergeDown="1"><Data ss:Type="Number">1</Data></Cell>${cell('推进医共体建设', ' ss:MergeDown="1"')}${cell('统一招聘。')}${cell('县卫生健康委', ' ss:MergeDown="1"')}</Row>`,
      `   <Row>${cell('统一培训。', ' ss:Index="3"')}</Row>`,
      '  </Table>',
      ' </Worksheet>',
      '</Workbook>',
    ].join('\n');
    const source = await readSource('分工表.xls', new TextEncoder().encode(xml));
    expect(source.format).toBe('xml-spreadsheet');
    expect(source.sourceText.split('\n')).toEqual([
      '序号\t重点任务\t具体措施\t牵头单位',
      '1\t推进医共体建设\t统一招聘。\t县卫生健康委',
      '统一培训。',
    ]);
  });

  it('reads comma-separated rows in GBK, as a .csv and as a web system exports them under a .xls name: each as written, a quoted cell on its row', async () => {
    const csv = [
      '某县2024年重点任务分工表',
      '序号,重点任务,牵头单位,完成时限,目标',
      '1,"推进医共体建设，含""两包""资金拨付",县卫生健康委,2024-06-30,75%',
      '2,"做实家庭医生\r\n签约服务",县医保局,长期坚持,',
    ].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(csv, 'gbk'));
    const [asCsv, asXls] = await Promise.all([readSource('分工表.csv', bytes), readSource('分工表.xls', bytes)]);
    expect(asCsv.sourceText.split('\n')).toEqual([
      '某县2024年重点任务分工表',
      '序号\t重点任务\t牵头单位\t完成时限\t目标',
      '1\t推进医共体建设，含"两包"资金拨付\t县卫生健康委\t2024-06-30\t75%',
      '2\t做实家庭医生 签约服务\t县医保局\t长期坚持',
    ]);
    expect({ format: asXls.format, sourceText: asXls.sourceText }).toEqual({ format: 'csv', sourceText: asCsv.sourceText });
  });

  it.each([
    ['a .xls', 'deqing-2020-health-reform-task-division.xls', []],
    [
      "an HTML page named .xls (a web system's 导出Excel)",
      'deqing-2020-health-reform-task-division-web-export.xls',
      ['named .xls but its content is html: read as html'],
    ],
  ])(
    'gives from %s of a task division the title, tasks, agencies, roles and deadlines of the .docx it was made from',
    async (_what, file, notes) => {
      // LibreOffice wrote the .docx's text and table to a sheet, merged cells and all, and the sheet to HTML (tests/fixtures/formats/README.md).
      const context = await loadStageContext('seeds');
      const read = async (path: string) => {
        const doc = processDocument({ source: await readSource(path, new Uint8Array(readFileSync(path))), messages: [] }, context);
        expect(doc.messages.filter((message) => message.code === 'content-format').map((message) => message.message)).toEqual(
          path.endsWith('.docx') ? [] : notes,
        );
        const { title, docNumber, issuedOn } = doc.meta;
        const tasks = doc.tasks.map(({ path: at, title: heading, text: body, agencies, deadline }) => ({
          at,
          heading,
          body,
          agencies: agencies.map(({ name, role }) => `${name} ${role}`),
          deadline: deadline?.date ?? null,
        }));
        return { title, docNumber, issuedOn, tasks };
      };
      const fromXls = await read(`tests/fixtures/formats/${file}`);
      expect(fromXls).toEqual(await read('tests/fixtures/real/deqing-2020-health-reform-task-division.docx'));
      expect(fromXls.tasks.filter(({ agencies, deadline }) => agencies.length > 1 && deadline !== null).length).toBeGreaterThan(5);
    },
  );
});
