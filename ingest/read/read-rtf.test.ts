import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadStageContext, processDocument } from '../pipeline.js';
import { readSource } from './read-source.js';

/** Bytes of an RTF written as Word and WPS Office write Chinese: each character two \'hh bytes of code page 936. */
const gbk = (text: string) => [...iconv.encode(text, 'gbk')].map((byte) => `\\'${byte.toString(16)}`).join('');

describe('readRtf', () => {
  it('reads the text as Word writes it: bytes in the font’s code page, list numbers, tabs, no header, font table, picture or generator', async () => {
    const rtf = [
      `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 ${gbk('宋体')};}{\\f1\\froman\\fcharset0 Times New Roman;}}`,
      `{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Microsoft Word 11.0;}{\\info{\\title ${gbk('标题')}}}`,
      `{\\header \\pard\\plain\\f0 ${gbk('第')} 1 ${gbk('页')}\\par}`,
      // A picture's binary data: its four bytes close two groups if read as RTF.
      '{\\*\\shppict{\\pict\\pngblip\\bin4 }}xy}}',
      `\\pard\\plain\\f0 ${gbk('某县深化医改重点工作')}\\par`,
      `{\\listtext\\pard\\plain\\f1 1.\\tab}${gbk('推进医共体建设')}\\emdash\\emdash\\f1 2024\\f0 ${gbk('年底前')}\\par`,
      `\\uc1\\u-28671?\\u35910?\\par}`,
    ].join('\r\n');
    const { sourceText, format } = await readSource('plan.rtf', new TextEncoder().encode(rtf));
    expect(format).toBe('rtf');
    // \u-28671 is 送 (0x9001) written as a signed 16-bit number, as the specification has it; \u35910 is 豆, above 32767, as LibreOffice writes it.
    expect(sourceText.split('\n').filter((line) => line !== '')).toEqual([
      '某县深化医改重点工作',
      '1.\t推进医共体建设——2024年底前',
      '送豆',
    ]);
  });

  it('decodes Chinese as Word on a Latin system writes it, and leaves out hidden text and what follows the document', async () => {
    // \ansicpg1252 with the Chinese runs marked \dbch\af13 (SimSun, GB2312) and \f left to the Latin font;
    // 镕 is \'e9 then a plain F, its second byte being ASCII; \v … \v0 is hidden.
    const fonts = '{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f13\\fnil\\fcharset134 SimSun;}}';
    const rtf = [
      `{\\rtf1\\ansi\\ansicpg1252\\deff0${fonts}`,
      `\\pard\\plain\\rtlch\\af0\\ltrch\\loch\\af0\\hich\\af0\\dbch\\af13 {\\rtlch\\af0\\ltrch\\loch\\f0 2024}{\\rtlch\\af0\\ltrch ${gbk('年朱')}\\'e9F}\\par`,
      `${gbk('完成')}{\\v ${gbk('批注')}}\\v ${gbk('隐藏')}\\v0 ${gbk('任务')}\\par}`,
    ].join('\r\n');
    const bytes = new Uint8Array([...new TextEncoder().encode(rtf), 0, 0, 0x20, 0x0a]);
    expect((await readSource('plan.rtf', bytes)).sourceText.split('\n').filter((line) => line !== '')).toEqual(['2024年朱镕', '完成任务']);
  });

  it('gives from an RTF of a task division the title, tasks, agencies, roles and deadlines of the .docx it was made from, under a .doc name too', async () => {
    // LibreOffice wrote the .docx as RTF, its table with the cells merged down an item's measures (tests/fixtures/formats/README.md).
    const context = await loadStageContext('seeds');
    const read = async (name: string, path: string) => {
      const doc = processDocument({ source: await readSource(name, new Uint8Array(readFileSync(path))), messages: [] }, context);
      const { title, docNumber, issuedOn } = doc.meta;
      const tasks = doc.tasks.map(({ path: at, title: heading, text: body, agencies, deadline }) => ({
        at,
        heading,
        body,
        agencies: agencies.map(({ name: agency, role }) => `${agency} ${role}`),
        deadline: deadline?.date ?? null,
      }));
      return { title, docNumber, issuedOn, tasks, notes: doc.messages.filter((m) => m.code === 'content-format').map((m) => m.message) };
    };
    const rtf = 'tests/fixtures/formats/deqing-2020-health-reform-task-division.rtf';
    const fromRtf = await read('通知.rtf', rtf);
    expect(fromRtf).toEqual(await read('通知.docx', 'tests/fixtures/real/deqing-2020-health-reform-task-division.docx'));
    expect(fromRtf.tasks.filter(({ agencies, deadline }) => agencies.length > 1 && deadline !== null).length).toBeGreaterThan(5);
    const underDoc = await read('通知.doc', rtf);
    expect(underDoc).toEqual({ ...fromRtf, notes: ['named .doc but its content is rtf: read as rtf'] });
  });
});
