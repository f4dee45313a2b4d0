/**
 * @module The one registry of input formats: per format its extensions, the check of its leading
 * bytes and its reader. The command line (listInputFiles, readSourceFile) and the upload endpoint
 * (server/writes/upload-type.ts, then readSource) both take formats from here, so a format added
 * here is accepted by both.
 */
import { extname } from 'node:path';
import { IngestError, type SourceFormat } from '../document.js';
import { decodeText, DecodeFailure } from './decode-text.js';
import { htmlToText } from './html-to-text.js';
import { readDoc } from './read-doc.js';
import { readDocx } from './read-docx.js';
import { readMht } from './read-mht.js';
import { OLE_SIGNATURE, oleHeaderProblem, oleStreamNames } from './ole-streams.js';
import { readPdf } from './read-pdf.js';
import { readRtf } from './read-rtf.js';
import { readDelimitedText, readSpreadsheet } from './read-spreadsheet.js';
import { listZipEntries, MAIN_ENTRY, type OfficeFormat, type ZipLimits } from './zip-directory.js';

export interface DecodedSource {
  text: string;
  /** e.g. utf-8, gb18030, utf-16le; "docx"/"doc"/"xlsx"/"xls"/"pdf"/"mht" for container formats. */
  encoding: string;
  /** The format the content turned out to be, when not the one the file's name gives (see contentFormatOf). */
  format?: SourceFormat;
}

export interface InputFormat {
  format: SourceFormat;
  /** Lower-case, with the dot; the first is the usual one. */
  extensions: readonly string[];
  /** Why bytes named with one of `extensions` are not this format, judged from their first bytes; null when they may be. */
  signatureProblem: (bytes: Uint8Array, extension: string) => string | null;
  /** The document's text. Throws IngestError naming `path` and the reason. */
  read: (path: string, bytes: Uint8Array, limits: ZipLimits) => Promise<DecodedSource>;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((byte, i) => bytes[i] === byte);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = ascii('%PDF-');
const RTF = ascii('{\\rtf');

/** Formats a text file must not turn out to be, by their leading bytes. */
const BINARY_SIGNATURES: readonly { name: string; signature: readonly number[] }[] = [
  { name: 'a zip archive (.docx? .xlsx?)', signature: ZIP },
  { name: 'a PDF', signature: PDF },
  { name: 'a legacy Office file (.doc, .xls)', signature: OLE_SIGNATURE },
  { name: 'a PNG image', signature: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', signature: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', signature: ascii('GIF8') },
  { name: 'a gzip archive', signature: [0x1f, 0x8b] },
  { name: 'a 7z archive', signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', signature: ascii('Rar!') },
  { name: 'an executable', signature: [0x7f, 0x45, 0x4c, 0x46] },
];

/** Text has no signature of its own: it passes unless it starts like a known binary format. */
function textSignatureProblem(bytes: Uint8Array, extension: string): string | null {
  const other = BINARY_SIGNATURES.find(({ signature }) => startsWith(bytes, signature));
  return other ? `named ${extension} but its content is ${other.name}` : null;
}

/** Why bytes named `extension` are not that office format: not a zip, or a zip without its main part (another format's). */
function zipSignatureProblem(bytes: Uint8Array, extension: OfficeFormat): string | null {
  if (!startsWith(bytes, ZIP)) return `not a ${extension} (a ${extension} is a zip archive; it does not start with PK)`;
  const names = new Set((listZipEntries(bytes) ?? []).map((entry) => entry.name));
  if (names.size === 0 || names.has(MAIN_ENTRY[extension])) return null;
  const other = (Object.keys(MAIN_ENTRY) as OfficeFormat[]).find((kind) => names.has(MAIN_ENTRY[kind]));
  return `named ${extension} but it holds no ${MAIN_ENTRY[extension]}${other ? ` (it is a ${other})` : ''}`;
}

/**
 * The stream an OLE compound file of each legacy format keeps its content in, as its readers look it up
 * (whatever the case): Excel 5.0/95 names it Book. Kingsoft WPS Office, which Chinese government offices
 * use, writes its .wps in Word's binary format and its .et in Excel's, with additions of its own that
 * the readers pass over.
 */
type OleFormat = 'doc' | 'xls';
const OLE_MAIN_STREAMS: Record<OleFormat, readonly string[]> = { doc: ['WordDocument'], xls: ['Workbook', 'Book'] };
const OLE_FORMAT_NAMES: Record<OleFormat, string> = { doc: 'a Word 97–2003 document', xls: 'an Excel 97–2003 workbook' };

/**
 * Why bytes named with `extension` are not the legacy Office format it stands for: not an OLE compound
 * file, or one without the format's main stream (another format's). A compound file too damaged to list
 * is left to the reader, which says why it cannot read it.
 */
function oleSignatureProblem(bytes: Uint8Array, extension: string, format: OleFormat): string | null {
  const headerProblem = oleHeaderProblem(bytes, extension);
  if (headerProblem) return headerProblem;
  let streams: Set<string>;
  try {
    streams = new Set([...oleStreamNames(bytes)].map((name) => name.toUpperCase()));
  } catch {
    return null;
  }
  const holds = (kind: OleFormat) => OLE_MAIN_STREAMS[kind].some((name) => streams.has(name.toUpperCase()));
  if (holds(format)) return null;
  const other = (Object.keys(OLE_MAIN_STREAMS) as OleFormat[]).find(holds);
  const [mainStream = ''] = OLE_MAIN_STREAMS[format];
  return `named ${extension} but it holds no ${mainStream} stream${other ? ` (it is ${OLE_FORMAT_NAMES[other]})` : ''}`;
}

/**
 * What a file named as a legacy Office format (.doc, .wps, .xls, .et) holds when it is not an OLE compound
 * file but a format read here: web systems' 导出Word and 导出Excel send an HTML page, or a web archive of one
 * to carry its images, under a .doc or .xls name (with Word's or Excel's media type), as Word and Excel
 * open HTML whatever its name, Excel first warning that the file's format and its extension do not match;
 * a .docx or .xlsx, a PDF or an RTF file (which Word and WPS Office save, and sites publish under a .doc
 * name) renamed to the old extension opens in them too, and under a .xls name so do Excel 2003's XML
 * Spreadsheet and comma- or tab-separated rows. The content decides how such a file is read; null when it is none of these (an OLE
 * file, or something unknown, which the format's own check names).
 */
function contentFormatOf(bytes: Uint8Array, named: OleFormat): InputFormat | null {
  if (startsWith(bytes, OLE_SIGNATURE)) return null;
  const formatNamed = (name: SourceFormat) => INPUT_FORMATS.find((format) => format.format === name) ?? null;
  if (startsWith(bytes, PDF)) return formatNamed('pdf');
  if (startsWith(bytes, RTF)) return formatNamed('rtf');
  if (startsWith(bytes, ZIP)) {
    const names = new Set((listZipEntries(bytes) ?? []).map((entry) => entry.name));
    if (names.has(MAIN_ENTRY['.docx'])) return formatNamed('docx');
    if (names.has(MAIN_ENTRY['.xlsx'])) return formatNamed('xlsx');
    return null;
  }
  if (looksLikeWebArchive(bytes)) return formatNamed('mht');
  if (looksLikeHtml(bytes)) return formatNamed('html');
  if (named !== 'xls') return null;
  if (looksLikeXmlSpreadsheet(bytes)) return formatNamed('xml-spreadsheet');
  return looksLikeDelimitedText(bytes) ? formatNamed('csv') : null;
}

/**
 * Whether bytes are Excel 2003's XML Spreadsheet, which .NET and Java systems' 导出Excel write and name .xls:
 * an XML document whose root is a Workbook of the urn:schemas-microsoft-com:office:spreadsheet namespace.
 */
function looksLikeXmlSpreadsheet(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048));
  return /^\uFEFF?\s*<\?xml/u.test(head) && /<(?:ss:)?Workbook[^>]*urn:schemas-microsoft-com:office:spreadsheet/u.test(head);
}

/**
 * Whether bytes are comma- or tab-separated rows, as the 导出Excel of many web systems writes a table and
 * names it .xls: text, most of whose first lines hold a comma or a tab. Text without either is no table.
 */
function looksLikeDelimitedText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch {
    return false;
  }
  const lines = text.split(/\r?\n/u, 12).filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.filter((line) => /[,\t]/u.test(line)).length * 2 > lines.length;
}

/**
 * Whether bytes are an HTML page: its first markup, after a byte-order mark and blank space, opens a page
 * or a table ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"", "<!DOCTYPE html", a bare
 * "<table border=1>" or the "<meta …charset…>" a web system puts before it), after an XHTML page's
 * "<?xml …?>" if any. Markup is ASCII, so its bytes read the same in UTF-8 and GB18030; UTF-16 is told
 * by its byte-order mark or its NULs.
 */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  const encoding =
    (head[0] === 0xff && head[1] === 0xfe) || (head[0] !== 0 && head[1] === 0)
      ? 'utf-16le'
      : (head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] !== 0)
        ? 'utf-16be'
        : 'latin1';
  const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const text = new TextDecoder(encoding).decode(utf8Bom ? head.subarray(3) : head);
  return /^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|meta|body|table|style|!--)[\s>/]/iu.test(text);
}

/**
 * Whether bytes are a web archive (MIME HTML): a block of MIME headers ("MIME-Version: 1.0", or the
 * "From: <Saved by Windows Internet Explorer>" a browser writes first) declaring a multipart/related body.
 */
function looksLikeWebArchive(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /^(?:MIME-Version|Content-Type|From|Subject|Date|Content-Location):/iu.test(head) && /multipart\/related/iu.test(head);
}

/** The format's own check, unless the content is another format read here (contentFormatOf). */
function legacyOfficeProblem(bytes: Uint8Array, extension: string, format: OleFormat): string | null {
  return contentFormatOf(bytes, format) ? null : oleSignatureProblem(bytes, extension, format);
}

/** A legacy-Office-named file read as what it holds: its own reader for an OLE file, or that of the format it turns out to be. */
async function readLegacyOffice(
  path: string,
  bytes: Uint8Array,
  limits: ZipLimits,
  named: OleFormat,
  own: () => Promise<DecodedSource>,
): Promise<DecodedSource> {
  const content = contentFormatOf(bytes, named);
  if (content) return { ...(await content.read(path, bytes, limits)), format: content.format };
  // As the upload check says it (legacyOfficeProblem), not as the reader would fail on it.
  const header = oleHeaderProblem(bytes, extname(path).toLowerCase());
  if (header) throw new IngestError(path, header, 'bad-container');
  return own();
}

function decodeOrFail(path: string, bytes: Uint8Array): DecodedSource {
  try {
    return decodeText(bytes);
  } catch (error) {
    if (error instanceof DecodeFailure) throw new IngestError(path, error.reason, error.code);
    throw error;
  }
}

export const INPUT_FORMATS: readonly InputFormat[] = [
  {
    format: 'txt',
    extensions: ['.txt', '.text'],
    signatureProblem: textSignatureProblem,
    read: async (path, bytes) => decodeOrFail(path, bytes),
  },
  {
    format: 'docx',
    extensions: ['.docx'],
    signatureProblem: (bytes) => zipSignatureProblem(bytes, '.docx'),
    read: async (path, bytes, limits) => ({ text: await readDocx(path, bytes, limits), encoding: 'docx' }),
  },
  {
    format: 'doc',
    extensions: ['.doc', '.wps'],
    signatureProblem: (bytes, extension) => legacyOfficeProblem(bytes, extension, 'doc'),
    read: (path, bytes, limits) =>
      readLegacyOffice(path, bytes, limits, 'doc', async () => ({ text: await readDoc(path, bytes), encoding: 'doc' })),
  },
  {
    format: 'xlsx',
    extensions: ['.xlsx'],
    signatureProblem: (bytes) => zipSignatureProblem(bytes, '.xlsx'),
    read: async (path, bytes, limits) => ({ text: readSpreadsheet(path, bytes, 'zip', limits), encoding: 'xlsx' }),
  },
  {
    format: 'xls',
    extensions: ['.xls', '.et'],
    signatureProblem: (bytes, extension) => legacyOfficeProblem(bytes, extension, 'xls'),
    read: (path, bytes, limits) =>
      readLegacyOffice(path, bytes, limits, 'xls', async () => ({ text: readSpreadsheet(path, bytes, 'ole', limits), encoding: 'xls' })),
  },
  {
    format: 'pdf',
    extensions: ['.pdf'],
    signatureProblem: (bytes) => (startsWith(bytes, PDF) ? null : 'not a PDF (it does not start with %PDF-)'),
    read: async (path, bytes) => ({ text: await readPdf(path, bytes), encoding: 'pdf' }),
  },
  {
    format: 'html',
    extensions: ['.html', '.htm'],
    signatureProblem: textSignatureProblem,
    read: async (path, bytes) => {
      const decoded = decodeOrFail(path, bytes);
      return { text: htmlToText(decoded.text), encoding: decoded.encoding };
    },
  },
  {
    // Read only under a spreadsheet's name (contentFormatOf): its own files are named .xml, as other XML is.
    format: 'xml-spreadsheet',
    extensions: [],
    signatureProblem: (bytes) => (looksLikeXmlSpreadsheet(bytes) ? null : 'not an XML Spreadsheet'),
    read: async (path, bytes, limits) => ({ text: readSpreadsheet(path, bytes, 'xml', limits), encoding: 'xml-spreadsheet' }),
  },
  {
    format: 'csv',
    extensions: ['.csv'],
    signatureProblem: textSignatureProblem,
    read: async (path, bytes) => {
      const decoded = decodeOrFail(path, bytes);
      return { text: readDelimitedText(path, decoded.text), encoding: decoded.encoding };
    },
  },
  {
    format: 'rtf',
    extensions: ['.rtf'],
    signatureProblem: (bytes) => (startsWith(bytes, RTF) ? null : 'not an RTF (it does not start with {\\rtf)'),
    read: async (path, bytes) => ({ text: readRtf(path, bytes), encoding: 'rtf' }),
  },
  {
    format: 'mht',
    extensions: ['.mht', '.mhtml'],
    signatureProblem: textSignatureProblem,
    read: readMht,
  },
];

/** File extensions the reader accepts, lower-case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = INPUT_FORMATS.flatMap((format) => format.extensions);

/** The format a file name's extension names, or undefined when no registered format has it. */
export function inputFormatOf(name: string): InputFormat | undefined {
  const extension = extname(name).toLowerCase();
  return INPUT_FORMATS.find((format) => format.extensions.includes(extension));
}

/** ".txt, .docx, .doc, .xlsx, .xls, .pdf or .html": each format's usual extension. */
function usualExtensions(): string {
  const usual = INPUT_FORMATS.flatMap((format) => format.extensions.slice(0, 1));
  return usual.length > 1 ? `${usual.slice(0, -1).join(', ')} or ${usual.at(-1) ?? ''}` : usual.join('');
}

/** The format a file name's extension names; throws IngestError ('unsupported') otherwise. */
export function inputFormatOrFail(path: string): InputFormat {
  const format = inputFormatOf(path);
  if (format) return format;
  const extension = extname(path).toLowerCase();
  throw new IngestError(path, `unsupported file type "${extension || '(none)'}"; expected ${usualExtensions()}`, 'unsupported');
}
