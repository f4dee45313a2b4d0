/** Small documents of every input format, built in memory, for reader and upload tests. */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
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

/**
 * A cell of a sheet: text as a shared string (`s` its index; `percent` if the cell's format shows a
 * percentage), a number as stored, a date (`d` its serial number, 45473 for 2024-06-30), or a number
 * shown as a percentage (`p`: "0.755" shows 75.5%).
 */
export type XlsxCell = { s: number; percent?: boolean } | { n: string } | { d: number } | { p: string } | null;

/**
 * A .xlsx of one sheet per entry of `sheets` (its name and rows), the texts in a shared-strings part
 * as spreadsheet programs write them, and `merged` ranges ("A2:A4") and whether it is hidden per sheet.
 */
export async function xlsxBytes(
  strings: readonly string[],
  sheets: readonly { name: string; rows: readonly (readonly XlsxCell[])[]; merged?: readonly string[]; hidden?: boolean }[],
): Promise<Uint8Array> {
  const zip = new JSZip();
  const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  const sheetEntries = sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetEntries.map((entry) => `<Override PartName="/${entry}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map(({ name, hidden }, i) => `<sheet name="${escape(name)}" sheetId="${i + 1}"${hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetEntries.map((entry, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${entry.slice(3)}"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  // Style 1 shows a number as a date (built-in format 14, m/d/yyyy), as a date typed into a cell is kept;
  // style 2 as a percentage with one decimal (a format of the workbook's own, 0.0%).
  zip.file(
    'xl/styles.xml',
    '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t xml:space="preserve">${escape(text)}</t></si>`).join('')}</sst>`,
  );
  const column = (i: number) => String.fromCharCode(65 + i);
  sheets.forEach(({ rows, merged = [] }, i) => {
    const rowsXml = rows
      .map((cells, r) => {
        const cellsXml = cells
          .map((cell, c) => {
            if (cell === null) return '';
            const ref = `${column(c)}${r + 1}`;
            if ('s' in cell) return `<c r="${ref}" t="s"${cell.percent ? ' s="2"' : ''}><v>${cell.s}</v></c>`;
            if ('d' in cell) return `<c r="${ref}" s="1"><v>${cell.d}</v></c>`;
            return 'p' in cell ? `<c r="${ref}" s="2"><v>${cell.p}</v></c>` : `<c r="${ref}"><v>${cell.n}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cellsXml}</row>`;
      })
      .join('');
    const mergedXml =
      merged.length > 0
        ? `<mergeCells count="${merged.length}">${merged.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
        : '';
    zip.file(
      sheetEntries[i] ?? '',
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData>${mergedXml}</worksheet>`,
    );
  });
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
  // Written from a .docx by LibreOffice (tests/fixtures/formats/README.md): no JavaScript library writes a .doc.
  doc: { bytes: async () => new Uint8Array(readFileSync('tests/fixtures/formats/cells.doc')), text: '“三医”联动——持续推进。' },
  xlsx: {
    bytes: () =>
      xlsxBytes(
        ['序号', '重点任务', '1', '完善领导小组。'],
        [
          {
            name: 'Sheet1',
            rows: [
              [{ s: 0 }, { s: 1 }],
              [{ n: '1' }, { s: 3 }],
            ],
          },
        ],
      ),
    text: '1\t完善领导小组。',
  },
  // Written by LibreOffice from a .xlsx (tests/fixtures/formats/README.md): by another program than the one that reads it.
  xls: {
    bytes: async () => new Uint8Array(readFileSync('tests/fixtures/formats/county-task-division.xls')),
    text: '推进医共体内人员统一招聘、统一培训。\t县人力资源社会保障局',
  },
  pdf: { bytes: async () => pdfBytes('BT /F1 12 Tf 20 100 Td (Health reform plan) Tj ET'), text: 'Health reform plan' },
  // Excel 2003's XML Spreadsheet, as Excel writes one.
  'xml-spreadsheet': {
    bytes: async () =>
      new TextEncoder().encode(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">序号</Data></Cell><Cell><Data ss:Type="String">重点任务</Data></Cell></Row><Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">完善领导小组。</Data></Cell></Row></Table></Worksheet></Workbook>',
      ),
    text: '1\t完善领导小组。',
  },
  // In GBK, as Excel on a Chinese system saves a CSV.
  csv: { bytes: async () => new Uint8Array(iconv.encode('序号,重点任务\r\n1,完善领导小组。\r\n', 'gbk')), text: '1\t完善领导小组。' },
  // Characters as \uN with a ? for readers without Unicode, as LibreOffice writes them.
  rtf: {
    bytes: async () => new TextEncoder().encode(rtfOf('一、加强组织领导\n1、完善领导小组。')),
    text: '1、完善领导小组。',
  },
  mht: {
    bytes: async () => mhtBytes('<html><body><p>一、加强组织领导</p><p>1、完善领导小组。</p></body></html>'),
    text: '1、完善领导小组。',
  },
};

/**
 * A web archive (MIME HTML, RFC 2557) as Word saves a page with its images: the page quoted-printable in
 * `charset` (GB2312 by default), lines folded at 76 characters with soft breaks, and an image beside it in base64.
 */
export function mhtBytes(html: string, charset = 'gb2312'): Uint8Array {
  const encoded = [...iconv.encode(html, charset)].map((byte) =>
    byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte),
  );
  const lines: string[] = [];
  let line = '';
  for (const unit of encoded) {
    if (line.length + unit.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += unit;
  }
  lines.push(line);
  const boundary = '----=_NextPart_01DA0000.00000000';
  return new TextEncoder().encode(
    [
      'MIME-Version: 1.0',
      `Content-Type: multipart/related; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Location: file:///C:/plan.htm',
      'Content-Transfer-Encoding: quoted-printable',
      `Content-Type: text/html; charset="${charset}"`,
      '',
      ...lines,
      '',
      `--${boundary}`,
      'Content-Location: file:///C:/plan.files/image001.png',
      'Content-Transfer-Encoding: base64',
      'Content-Type: image/png',
      '',
      'iVBORw0KGgo=',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

/** An RTF document of `text`'s lines, each a paragraph, every character beyond ASCII a \uN with a ? fallback. */
export function rtfOf(text: string): string {
  const escaped = [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch === '\n') return '\\par\n';
      if (code < 0x80) return /[\\{}]/u.test(ch) ? `\\${ch}` : ch;
      return `\\u${code > 0x7fff ? code - 0x10000 : code}?`;
    })
    .join('');
  return `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\uc1\\f0 ${escaped}\\par}`;
}
