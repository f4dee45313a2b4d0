import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  docxBytes as docx,
  docxParagraph as p,
  mhtBytes,
  pdfBytes as pdf,
  SAMPLE_DOCUMENTS,
} from '../../tests/support/sample-documents.js';
import { IngestError } from '../document.js';
import { readSource, readSourceFile, readStage, withReadingNotes } from './index.js';

const PLAN = '枞阳县深化医改重点工作\n一、加强组织领导\n1、完善领导小组。（责任单位：县卫生健康委）\n';

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('readSource: plain text encodings', () => {
  it.each([
    ['UTF-8', () => new TextEncoder().encode(PLAN), 'utf-8'],
    ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(PLAN)]), 'utf-8'],
    ['GBK', () => new Uint8Array(iconv.encode(PLAN, 'gbk')), 'gb18030'],
    ['UTF-16LE with BOM', () => new Uint8Array(iconv.encode(PLAN, 'utf-16le', { addBOM: true })), 'utf-16le'],
    ['UTF-16BE with BOM', () => new Uint8Array(iconv.encode(`\ufeff${PLAN}`, 'utf-16be')), 'utf-16be'],
    ['UTF-16LE without BOM', () => new Uint8Array(iconv.encode(PLAN, 'utf-16le')), 'utf-16le'],
    ['UTF-16BE without BOM', () => new Uint8Array(iconv.encode(PLAN, 'utf-16be')), 'utf-16be'],
  ] as const)('decodes %s to the same text', async (_name, bytes, encoding) => {
    const source = await readSource('plan.txt', bytes());
    expect(source.encoding).toBe(encoding);
    expect(source.sourceText).toBe(PLAN);
    expect(source.format).toBe('txt');
  });

  it('hashes the exact bytes, not the decoded text', async () => {
    const bytes = new Uint8Array(iconv.encode(PLAN, 'gbk'));
    const source = await readSource('plan.txt', bytes);
    expect(source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(source.byteLength).toBe(bytes.length);
  });

  it('prefers UTF-8 when GBK would also decode the bytes', async () => {
    // "中文" in UTF-8 (E4 B8 AD E6 96 87) is also valid GB18030 — it must stay UTF-8.
    const source = await readSource('plan.txt', new TextEncoder().encode('中文方案'));
    expect(source.sourceText).toBe('中文方案');
  });
});

describe('readSource: bad input', () => {
  it.each([
    ['an empty file', 'plan.txt', () => new Uint8Array(), 'empty'],
    ['a whitespace-only file', 'plan.txt', () => new TextEncoder().encode(' \n\n '), 'empty'],
    [
      'binary content',
      'plan.txt',
      () => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x13, 0x00, 0x00, 0x00, 0xff]),
      'binary',
    ],
    ['an unsupported extension', 'plan.odt', () => new TextEncoder().encode(PLAN), 'unsupported'],
    ['text named .doc', 'plan.doc', () => new TextEncoder().encode(PLAN), 'bad-container'],
    ['UTF-8 cut inside a character', 'plan.txt', () => new TextEncoder().encode(PLAN.repeat(3)).slice(0, -2), 'truncated'],
    [
      'UTF-16 with an odd byte count',
      'plan.txt',
      () => new Uint8Array(iconv.encode(PLAN, 'utf-16le', { addBOM: true })).slice(0, -1),
      'truncated',
    ],
    ['GBK cut inside a character', 'plan.txt', () => new Uint8Array(iconv.encode(PLAN.trim(), 'gbk')).slice(0, -1), 'truncated'],
    [
      'UTF-8 with a broken byte in the middle',
      'plan.txt',
      () => {
        const bytes = new TextEncoder().encode(PLAN.repeat(4));
        bytes[bytes.length - 20] = 0xff;
        return bytes;
      },
      'bad-encoding',
    ],
    ['a .docx that is not a zip', 'plan.docx', () => new TextEncoder().encode(PLAN), 'bad-container'],
    ['a .pdf without the PDF header', 'plan.pdf', () => new TextEncoder().encode(PLAN), 'bad-container'],
  ] as const)('refuses %s with a reason naming the file', async (_name, path, bytes, code) => {
    const error = await failure(readSource(path, bytes()));
    expect(error.code).toBe(code);
    expect(error.file).toBe(path);
    expect(error.message).toContain(path);
  });

  it('refuses an oversized file before decoding it', async () => {
    const error = await failure(readSource('plan.txt', new Uint8Array(2048).fill(0x41), { maxBytes: 1024 }));
    expect(error.code).toBe('oversized');
  });

  it('refuses an oversized file on disk without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-'));
    const file = join(dir, 'big.txt');
    writeFileSync(file, 'x'.repeat(4096));
    expect((await failure(readSourceFile(file, { maxBytes: 1000 }))).code).toBe('oversized');
    expect((await failure(readSourceFile(join(dir, 'missing.txt')))).code).toBe('unreadable');
  });

  it('says in words why a file cannot be read, with its name and the system code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-'));
    const missing = await failure(readSourceFile(join(dir, 'missing.txt')));
    expect(missing.message).toBe(
      `${join(dir, 'missing.txt')}: cannot read file: no such file (ENOENT: a wrong path, or a link to a file that is gone)`,
    );
    mkdirSync(join(dir, 'folder.txt'));
    expect((await failure(readSourceFile(join(dir, 'folder.txt')))).message).toMatch(
      /folder\.txt: cannot read file: a folder, not a file \(EISDIR\)$/u,
    );
  });

  it('refuses a zip bomb from its central directory', async () => {
    const bytes = await docx(p('方案'), { 'word/media/bomb.bin': new Uint8Array(20_000_000) });
    const error = await failure(readSource('bomb.docx', bytes));
    expect(error.code).toBe('zip-bomb');
  });

  it('refuses a PDF without a text layer', async () => {
    const error = await failure(readSource('scan.pdf', pdf('0 0 1 rg 10 10 100 100 re f')));
    expect(error.code).toBe('no-text-layer');
    expect(error.reason).toContain('no text layer');
  });
});

describe('readSource: containers', () => {
  it('reads a .docx: paragraphs as lines, table rows as tab-separated cells', async () => {
    const table = `<w:tbl><w:tr><w:tc>${p('序号')}</w:tc><w:tc>${p('工作任务')}</w:tc></w:tr><w:tr><w:tc>${p('1')}</w:tc><w:tc>${p('①完善机制。')}${p('②加强考核。')}</w:tc></w:tr></w:tbl>`;
    const source = await readSource('plan.docx', await docx(`${p('一、加强组织领导')}${p('1.完善领导小组。')}${table}`));
    expect(source.format).toBe('docx');
    expect(source.sourceText.split('\n')).toEqual(['一、加强组织领导', '1.完善领导小组。', '序号\t工作任务', '1\t①完善机制。 ②加强考核。']);
  });

  it("leaves out a .docx's hidden text (w:vanish), as Word neither shows nor prints it, and keeps text hidden no longer", async () => {
    const run = (text: string, properties = '') =>
      `<w:r>${properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`}<w:t>${text}</w:t></w:r>`;
    const paragraph = [
      '<w:r/>',
      run('按期完成'),
      run('（内部备注：此项待定）', '<w:b/><w:vanish/>'),
      run('各项任务', '<w:vanish w:val="0"/>'),
      // Hidden before a tracked change of formatting, shown now.
      run('。', '<w:b/><w:rPrChange w:id="1" w:author="x"><w:rPr><w:vanish/></w:rPr></w:rPrChange>'),
    ].join('');
    const source = await readSource('plan.docx', await docx(`<w:p>${paragraph}</w:p>`));
    expect(source.sourceText.trim()).toBe('按期完成各项任务。');
  });

  it('prints a cell Word merges down the rows (w:vMerge) in its first row only, as a web copy of a rowspan does', async () => {
    const cell = (text: string, merge = '') => `<w:tc><w:tcPr>${merge}</w:tcPr>${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
    const [restart, carryOn] = ['<w:vMerge w:val="restart"/>', '<w:vMerge/>'];
    const rows = [
      [cell('序号'), cell('具体措施'), cell('牵头单位'), cell('完成时限')],
      [cell('1', restart), cell('建设医共体。'), cell('县卫健局', restart), cell('2023年底前', restart)],
      [cell('', carryOn), cell('推进家庭医生签约。'), cell('', carryOn), cell('', carryOn)],
    ];
    const table = `<w:tbl>${rows.map((row) => `<w:tr>${row.join('')}</w:tr>`).join('')}</w:tbl>`;
    const source = await readSource('plan.docx', await docx(table));
    expect(source.sourceText.split('\n')).toEqual([
      '序号\t具体措施\t牵头单位\t完成时限',
      '1\t建设医共体。\t县卫健局\t2023年底前',
      '推进家庭医生签约。',
    ]);
  });

  it('reads an .html page: no script or style, blocks as lines, cells as tabs', async () => {
    const html = `<html><head><style>p{color:red}</style><script>alert("x")</script></head><body>
      <div>临汾市人民政府办公室</div><p>一、提能力&nbsp;有突破</p><p>（一）发挥<b>三大中心</b>引领作用。</p>
      <table><tr><td>工作任务</td><td>责任单位</td></tr><tr><td><p>1. 加强协调。</p></td><td>市卫健委</td></tr></table></body></html>`;
    const source = await readSource('page.html', new TextEncoder().encode(html));
    expect(source.format).toBe('html');
    expect(source.sourceText.split('\n')).toEqual([
      '临汾市人民政府办公室',
      '一、提能力 有突破',
      '（一）发挥三大中心引领作用。',
      '工作任务\t责任单位',
      '1. 加强协调。\t市卫健委',
    ]);
  });

  it('reads the text layer of a PDF', async () => {
    const source = await readSource('plan.pdf', pdf('BT /F1 12 Tf 20 100 Td (Health reform plan) Tj ET'));
    expect(source.format).toBe('pdf');
    expect(source.sourceText).toContain('Health reform plan');
  });

  it('starts a pipeline document with no messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, iconv.encode(PLAN, 'gbk'));
    const doc = await readStage(file);
    expect(doc.source.sourceText).toBe(PLAN);
    expect(doc.messages).toEqual([]);
  });
});

describe("readSource: WPS Office's own names", () => {
  // WPS Office, which Chinese government offices use, writes its .wps in the Word 97–2003 format and its
  // .et in the Excel one. No file written by WPS Office was at hand: a Word or Excel file under the name stands for one.
  it.each([
    ['.wps', 'tests/fixtures/formats/deqing-2020-health-reform-task-division.doc', '.doc', 'tests/fixtures/bad/broken.doc'],
    ['.et', 'tests/fixtures/formats/county-task-division.xls', '.xls', 'tests/fixtures/bad/broken.xls'],
  ])('reads a %s as the %s it is written as, and names it when it cannot', async (extension, fixture, written, broken) => {
    const bytes = new Uint8Array(readFileSync(fixture));
    const [asWritten, asNamed] = await Promise.all([readSource(`plan${written}`, bytes), readSource(`plan${extension}`, bytes)]);
    expect({ format: asNamed.format, sourceText: asNamed.sourceText }).toEqual({
      format: asWritten.format,
      sourceText: asWritten.sourceText,
    });
    const error = await failure(readSource(`broken${extension}`, new Uint8Array(readFileSync(broken))));
    expect(error.message.startsWith(`broken${extension}: unreadable ${extension}: `), error.message).toBe(true);
  });
});

describe('readSource: a legacy Office name over other content', () => {
  // Web systems' 导出Word and 导出Excel send an HTML page under a .doc or .xls name, and a newer file renamed
  // to the old extension opens in Word and Excel too: the content decides how it is read (formats.ts).
  const webExport = new Uint8Array(readFileSync('tests/fixtures/formats/deqing-2020-health-reform-task-division-web-export.xls'));

  it('reads an HTML page named .xls, in GB2312 as such pages are, as the same page named .html', async () => {
    const [asXls, asHtml] = await Promise.all([readSource('分工表.xls', webExport), readSource('分工表.html', webExport)]);
    expect(asXls.format).toBe('html');
    expect({ encoding: asXls.encoding, sourceText: asXls.sourceText }).toEqual({
      encoding: asHtml.encoding,
      sourceText: asHtml.sourceText,
    });
    expect(asXls.sourceText).toContain('德清县2020年深化医药卫生体制改革重点工作任务分工');
  });

  it.each(
    ['.doc', '.wps', '.xls', '.et'].flatMap((extension) =>
      (['docx', 'xlsx', 'pdf', 'rtf', 'html', 'mht'] as const).map((format) => [format, extension] as const),
    ),
  )('reads a %s named %s as what it is', async (format, extension) => {
    const bytes = await SAMPLE_DOCUMENTS[format].bytes();
    const [asNamed, asWhatItIs] = await Promise.all([readSource(`plan${extension}`, bytes), readSource(`plan.${format}`, bytes)]);
    expect({ format: asNamed.format, sourceText: asNamed.sourceText }).toEqual({ format, sourceText: asWhatItIs.sourceText });
    expect(asNamed.sourceText).toContain(SAMPLE_DOCUMENTS[format].text);
  });

  it('tells an XHTML page by its markup after its XML declaration', async () => {
    const page = `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x"><html><body><p>${PLAN}</p></body></html>`;
    expect((await readSource('plan.doc', new TextEncoder().encode(page))).format).toBe('html');
  });

  it('tells an HTML page in UTF-16 by its markup too', async () => {
    const bytes = new Uint8Array(iconv.encode(`<html><body><p>${PLAN}</p></body></html>`, 'utf-16le', { addBOM: true }));
    const source = await readSource('plan.doc', bytes);
    expect({ format: source.format, encoding: source.encoding }).toEqual({ format: 'html', encoding: 'utf-16le' });
    expect(source.sourceText).toContain('1、完善领导小组。');
  });

  it('refuses text under a .doc name as not a .doc', async () => {
    const text = await failure(readSource('plan.doc', new TextEncoder().encode(PLAN)));
    expect(text.message).toBe('plan.doc: not a .doc (a .doc is an OLE compound file; it does not start with its header)');
  });

  it('reads a web archive, as Word saves a page with its images, under its own name and under .doc', async () => {
    const bytes = mhtBytes(`<html><body><p>${PLAN.trim().split('\n').join('</p><p>')}</p></body></html>`);
    const [asMht, asDoc] = await Promise.all([readSource('plan.mht', bytes), readSource('plan.doc', bytes)]);
    expect({ format: asMht.format, encoding: asMht.encoding }).toEqual({ format: 'mht', encoding: 'mht' });
    expect(asMht.sourceText.split('\n').filter((line) => line !== '')).toEqual(PLAN.trim().split('\n'));
    expect(asDoc).toMatchObject({ format: 'mht', sourceText: asMht.sourceText });
    expect(withReadingNotes({ source: asDoc, messages: [] }).messages).toEqual([
      { offset: 0, code: 'content-format', message: 'named .doc but its content is mht: read as mht' },
    ]);
    const empty = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b--\r\n');
    expect((await failure(readSource('empty.mht', empty))).message).toBe('empty.mht: unreadable web archive: it holds no HTML page');
  });
});
