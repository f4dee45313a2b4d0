/** Small documents of every input format, built in memory, for reader and upload tests. */
import JSZip from 'jszip';
import type { SourceFormat } from '../../ingest/document.js';

/** A WordprocessingML paragraph holding `text`. */
export const docxParagraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A .docx whose body is `documentXml`, with `extra` entries added to the zip. */
export async function docxBytes(documentXml: string, extra: Record<string, Uint8Array | string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${documentXml}</w:body></w:document>`,
  );
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A one-page PDF; `content` is its page content stream. Offsets in the xref table are computed. */
export function pdfBytes(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * One readable document per source format and the text its reader must find. A Record, so that a
 * format added to SourceFormat without a sample here does not compile.
 */
export const SAMPLE_DOCUMENTS: Record<SourceFormat, { bytes: () => Promise<Uint8Array>; text: string }> = {
  txt: { bytes: async () => new TextEncoder().encode('一、加强组织领导\n1、完善领导小组。\n'), text: '1、完善领导小组。' },
  html: {
    bytes: async () => new TextEncoder().encode('<html><body><p>一、加强组织领导</p><p>1、完善领导小组。</p></body></html>'),
    text: '1、完善领导小组。',
  },
  docx: { bytes: () => docxBytes(`${docxParagraph('一、加强组织领导')}${docxParagraph('1、完善领导小组。')}`), text: '1、完善领导小组。' },
  pdf: { bytes: async () => pdfBytes('BT /F1 12 Tf 20 100 Td (Health reform plan) Tj ET'), text: 'Health reform plan' },
};
