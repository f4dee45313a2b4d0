import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeUploadName, uploadTypeProblem } from './upload-type.js';

const text = new TextEncoder().encode('一、总体要求\n（一）推进医保支付方式改革。');
const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const pdf = new TextEncoder().encode('%PDF-1.7\n');
const oleDoc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);

describe('uploadTypeProblem', () => {
  it('accepts text, HTML, .docx, .doc and PDF whose first bytes agree with the extension', () => {
    expect(uploadTypeProblem('plan.txt', text)).toBeNull();
    expect(uploadTypeProblem('plan.HTM', text)).toBeNull();
    expect(uploadTypeProblem('plan.docx', zip)).toBeNull();
    expect(uploadTypeProblem('plan.pdf', pdf)).toBeNull();
    expect(uploadTypeProblem('plan.doc', oleDoc)).toBeNull();
  });

  it('names the file and the mismatch when the bytes are another format', () => {
    expect(uploadTypeProblem('plan.docx', text)).toBe('plan.docx: not a .docx (a .docx is a zip archive; it does not start with PK)');
    expect(uploadTypeProblem('plan.pdf', zip)).toBe('plan.pdf: not a PDF (it does not start with %PDF-)');
    expect(uploadTypeProblem('plan.txt', oleDoc)).toBe('plan.txt: named .txt but its content is a legacy Office file (.doc, .xls)');
    expect(uploadTypeProblem('plan.html', pdf)).toBe('plan.html: named .html but its content is a PDF');
    expect(uploadTypeProblem('plan.doc', zip)).toBe(
      'plan.doc: not a .doc (a .doc is an OLE compound file; it does not start with its header)',
    );
  });

  it('tells a Word from an Excel compound file by the stream it holds, under WPS Office’s names too', () => {
    const doc = new Uint8Array(readFileSync('tests/fixtures/formats/cells.doc'));
    const xls = new Uint8Array(readFileSync('tests/fixtures/formats/county-task-division.xls'));
    for (const name of ['plan.xls', 'plan.et']) expect(uploadTypeProblem(name, xls), name).toBeNull();
    for (const name of ['plan.doc', 'plan.wps']) expect(uploadTypeProblem(name, doc), name).toBeNull();
    expect(uploadTypeProblem('plan.xls', doc)).toBe('plan.xls: named .xls but it holds no Workbook stream (it is a Word 97–2003 document)');
    expect(uploadTypeProblem('plan.wps', xls)).toBe(
      'plan.wps: named .wps but it holds no WordDocument stream (it is an Excel 97–2003 workbook)',
    );
  });

  it('refuses extensions the reader does not support', () => {
    expect(uploadTypeProblem('plan.odt', oleDoc)).toMatch(/^plan\.odt: unsupported file type "\.odt"; expected .*\.xls/);
    expect(uploadTypeProblem('plan.txt.exe', text)).toMatch(/unsupported file type "\.exe"/);
    expect(uploadTypeProblem('README', text)).toMatch(/unsupported file type "\(none\)"/);
  });
});

describe('safeUploadName', () => {
  it('keeps only the last path segment, without control characters', () => {
    expect(safeUploadName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeUploadName('C:\\Users\\x\\泗县.txt')).toBe('泗县.txt');
    expect(safeUploadName('plan\u0000.txt\n')).toBe('plan.txt');
    expect(safeUploadName('../')).toBe('');
  });

  it('shortens a very long name to 200 characters, keeping its extension', () => {
    const name = safeUploadName(`${'长'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('长.docx')).toBe(true);
  });
});
