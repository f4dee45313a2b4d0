import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uploadTypeProblem } from '../../server/writes/upload-type.js';
import { SAMPLE_DOCUMENTS } from '../../tests/support/sample-documents.js';
import { listInputFiles } from '../pipeline.js';
import { INPUT_FORMATS, inputFormatOf, SUPPORTED_EXTENSIONS } from './formats.js';
import { readSource, readSourceFile } from './read-source.js';

const registered = INPUT_FORMATS.flatMap((format) => format.extensions.map((extension) => ({ format: format.format, extension })));

describe('the registry of input formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each extension to exactly one format, in lower case with its dot', () => {
    expect(new Set(SUPPORTED_EXTENSIONS).size).toBe(SUPPORTED_EXTENSIONS.length);
    for (const extension of SUPPORTED_EXTENSIONS) expect(extension).toMatch(/^\.[a-z0-9]+$/);
  });

  it.each(registered)('accepts a $format document named $extension on the command line and as an upload', async ({ format, extension }) => {
    const sample = SAMPLE_DOCUMENTS[format];
    const bytes = await sample.bytes();
    const name = `plan${extension.toUpperCase()}`;

    // Command line: the folder listing picks the file up and the disk reader reads it.
    const file = join(dir, name);
    writeFileSync(file, bytes);
    expect(await listInputFiles([dir])).toContain(file);
    const fromDisk = await readSourceFile(file);
    expect(fromDisk.format).toBe(format);
    expect(fromDisk.sourceText).toContain(sample.text);

    // Upload: the type check passes and the bytes read the same as the file did.
    expect(uploadTypeProblem(name, bytes)).toBeNull();
    const fromUpload = await readSource(name, bytes);
    expect(fromUpload.format).toBe(format);
    expect(fromUpload.sourceText).toBe(fromDisk.sourceText);
  });

  it('leaves files of unregistered types out of a folder listing and refuses them as uploads', async () => {
    const other = mkdtempSync(join(dir, 'other-'));
    writeFileSync(join(other, 'plan.odt'), 'x');
    writeFileSync(join(other, 'notes.md'), 'x');
    expect(await listInputFiles([other])).toEqual([]);
    expect(inputFormatOf('plan.odt')).toBeUndefined();
    expect(uploadTypeProblem('plan.odt', new TextEncoder().encode('x'))).toMatch(/unsupported file type "\.odt"/);
  });

  it('lists a link to a document as the document, and a broken link so that the reader reports it', async () => {
    const kept = mkdtempSync(join(dir, 'kept-'));
    const links = mkdtempSync(join(dir, 'links-'));
    writeFileSync(join(kept, 'plan.txt'), SAMPLE_DOCUMENTS.txt.text);
    symlinkSync(join(kept, 'plan.txt'), join(links, 'linked.txt'));
    symlinkSync(join(kept, 'gone.txt'), join(links, 'broken.txt'));
    expect(await listInputFiles([links])).toEqual([join(links, 'broken.txt'), join(links, 'linked.txt')]);
    expect((await readSourceFile(join(links, 'linked.txt'))).sourceText).toContain(SAMPLE_DOCUMENTS.txt.text);
    await expect(readSourceFile(join(links, 'broken.txt'))).rejects.toThrow(/broken\.txt/);
  });

  it("refuses each format's bytes under another format's binary extension, but for what a legacy Office name may hold", async () => {
    // A .doc or .xls name over a .docx, .xlsx, PDF, RTF, HTML page or web archive is read as what it holds (read-source.test.ts)…
    const readUnderLegacyNames = ['docx', 'xlsx', 'pdf', 'rtf', 'html', 'mht'];
    // …and an XML Spreadsheet or comma-separated rows under a spreadsheet's.
    const readUnder = (target: string) => (target === 'xls' ? [...readUnderLegacyNames, 'csv', 'xml-spreadsheet'] : readUnderLegacyNames);
    const binary = INPUT_FORMATS.filter((format) => ['docx', 'doc', 'xlsx', 'xls', 'pdf', 'rtf'].includes(format.format));
    for (const target of binary) {
      for (const source of INPUT_FORMATS.filter((format) => format !== target)) {
        const bytes = await SAMPLE_DOCUMENTS[source.format].bytes();
        const problem = uploadTypeProblem(`plan${target.extensions[0] ?? ''}`, bytes);
        const legacy = target.format === 'doc' || target.format === 'xls';
        if (legacy && readUnder(target.format).includes(source.format)) expect(problem, `${source.format} as ${target.format}`).toBeNull();
        else expect(problem, `${source.format} as ${target.format}`).not.toBeNull();
      }
    }
  });
});
