/**
 * @module A Word 97–2003 file (.doc, an OLE compound file, and WPS Office's .wps, written in the same
 * format) → text, by word-extractor: county offices still publish task lists in them. Its text comes as Word stores it: a paragraph per line and a table
 * row as its cells each ended by a tab, the row's end by another. Where a cell holds several
 * paragraphs the row goes on over several lines; they are joined, a space between, until the line
 * that ends the row, so that a row is one line of tab-separated cells as html-to-text.ts gives a
 * .docx's tables. Two things a .docx gives are not in that text: automatic numbering (printed into a
 * .docx's paragraphs by docx-numbering.ts), so a list numbered by Word, not typed, loses its numbers;
 * and which cells are merged (table properties word-extractor does not read), so a cell merged down a
 * task's measures is an empty cell under its first row, and those measures get no lead or deadline from
 * it where the .docx's table gives them one (tests: read-doc.test.ts).
 */
import { extname } from 'node:path';
import WordExtractor from 'word-extractor';
import { IngestError } from '../document.js';

/** The paragraphs of a row split over lines joined: a line holding a cell's end (a tab) but not the row's goes on in the next. */
function joinRowLines(text: string): string {
  const lines: string[] = [];
  let row: string | null = null;
  for (const line of text.split('\n')) {
    if (row !== null) row += ` ${line}`;
    else if (line.includes('\t') && !line.endsWith('\t')) row = line;
    else lines.push(line);
    if (row?.endsWith('\t')) {
      lines.push(row);
      row = null;
    }
  }
  if (row !== null) lines.push(row);
  return lines.map((line) => line.replace(/[ \t]+$/u, '')).join('\n');
}

export async function readDoc(path: string, bytes: Uint8Array): Promise<string> {
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // As written: unfiltered, word-extractor would turn “” into " and —— into --.
    body = document.getBody({ filterUnicode: false });
  } catch (error) {
    throw new IngestError(path, `unreadable ${extname(path).toLowerCase()}: ${(error as Error).message}`, 'bad-container');
  }
  return joinRowLines(body.replace(/\r\n?/gu, '\n'));
}
