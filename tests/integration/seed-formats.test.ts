/**
 * Re-encoded and re-formatted copies of every seed (GBK, UTF-16LE/BE, .html, .docx) give the same tasks
 * as the original UTF-8 text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { normaliseDoc } from '../../ingest/normalise/index.js';
import { readSource } from '../../ingest/read/index.js';
import { segmentDoc } from '../../ingest/segment/index.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const seedFiles = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();

const escapeHtml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Group a .txt export's lines into paragraphs and tables (runs of tab-separated rows). */
function blocksOf(text: string): ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] {
  const blocks: ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line.includes('\t')) {
      const last = blocks.at(-1);
      if (last?.kind === 'table') last.rows.push(line.split('\t'));
      else blocks.push({ kind: 'table', rows: [line.split('\t')] });
    } else if (line.trim() !== '') {
      blocks.push({ kind: 'p', text: line });
    } else if (blocks.at(-1)?.kind === 'table') {
      blocks.push({ kind: 'p', text: '' });
    }
  }
  return blocks.filter((block) => block.kind === 'table' || block.text !== '');
}

/** Paragraphs inside a cell, as a site would mark them up: "<p>①…</p> <p>②…</p>". */
const cellParagraphs = (cell: string) => (cell.includes('<p>') ? [...cell.matchAll(/<p>(.*?)(?:<\/p>|$)/gu)].map((m) => m[1]!) : [cell]);

function toHtml(text: string): string {
  const body = blocksOf(text)
    .map((block) =>
      block.kind === 'p'
        ? `<p style="text-indent:2em">${escapeHtml(block.text)}</p>`
        : `<table border="1">${block.rows
            .map(
              (row) =>
                `<tr>${row
                  .map(
                    (cell) =>
                      `<td>${cellParagraphs(cell)
                        .map((p) => `<p>${escapeHtml(p)}</p>`)
                        .join('\n')}</td>`,
                  )
                  .join('')}</tr>`,
            )
            .join('\n')}</table>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title><style>p{margin:0}</style>
<script>var _hmt = _hmt || [];</script></head><body><div class="nav">首页 &gt; 政策文件</div>
<div class="content">${body}</div><script>document.write('')</script></body></html>`;
}

const xmlEscape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const wordParagraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;

async function toDocx(text: string): Promise<Uint8Array> {
  const body = blocksOf(text)
    .map((block) =>
      block.kind === 'p'
        ? wordParagraph(block.text)
        : `<w:tbl>${block.rows
            .map((row) => `<w:tr>${row.map((cell) => `<w:tc>${cellParagraphs(cell).map(wordParagraph).join('')}</w:tc>`).join('')}</w:tr>`)
            .join('')}</w:tbl>${wordParagraph('')}`,
    )
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function tasksOf(path: string, bytes: Uint8Array) {
  const doc = segmentDoc(normaliseDoc({ source: await readSource(path, bytes), messages: [] }));
  return {
    meta: doc.meta,
    tasks: doc.tasks.map((task) => ({ key: task.key, path: task.path, kind: task.kind, text: task.text })),
    supplements: doc.tasks.map((task) => task.supplements.map((s) => `${s.role}:${s.text}`)),
  };
}

describe.each(seedFiles)('copies of %s', (file) => {
  const utf8 = readFileSync(join(SEEDS, file), 'utf8');
  const original = tasksOf(file, new TextEncoder().encode(utf8));

  it.each([
    ['GBK', 'copy.txt', () => new Uint8Array(iconv.encode(utf8, 'gbk'))],
    ['GB18030', 'copy.txt', () => new Uint8Array(iconv.encode(utf8, 'gb18030'))],
    ['UTF-16LE with BOM', 'copy.txt', () => new Uint8Array(iconv.encode(utf8, 'utf-16le', { addBOM: true }))],
    ['UTF-16LE without BOM', 'copy.txt', () => new Uint8Array(iconv.encode(utf8, 'utf-16le'))],
    ['UTF-16BE with BOM', 'copy.txt', () => new Uint8Array(iconv.encode(`\ufeff${utf8}`, 'utf-16be'))],
    ['UTF-8 with BOM', 'copy.txt', () => new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8)]))],
    ['HTML', 'copy.html', () => new TextEncoder().encode(toHtml(utf8))],
    ['GBK HTML', 'copy.htm', () => new Uint8Array(iconv.encode(toHtml(utf8).replace('utf-8', 'gbk'), 'gbk'))],
  ] as const)('gives the same tasks as %s', async (_name, path, bytes) => {
    const expected = await original;
    const copy = await tasksOf(path, bytes());
    expect(copy.meta).toEqual(expected.meta);
    expect(copy.tasks).toEqual(expected.tasks);
    expect(copy.supplements).toEqual(expected.supplements);
  });

  it('gives the same tasks as a .docx', async () => {
    const expected = await original;
    const copy = await tasksOf('copy.docx', await toDocx(utf8));
    expect(copy.meta).toEqual(expected.meta);
    expect(copy.tasks).toEqual(expected.tasks);
    expect(copy.supplements).toEqual(expected.supplements);
  });
});
