/**
 * @module A web archive (.mht, .mhtml: MIME HTML, RFC 2557) → text: a page and what it shows in one MIME
 * message, its HTML part quoted-printable or base64 in its own charset. Word saves a "single file web
 * page" so, and web systems' 导出Word send one under a .doc name so that its images come along (see
 * contentFormatOf in formats.ts). postal-mime, a MIME parser made for e-mail, decodes the parts; the page
 * is then read as any HTML is.
 */
import PostalMime from 'postal-mime';
import { IngestError } from '../document.js';
import type { DecodedSource } from './formats.js';
import { htmlToText } from './html-to-text.js';

export async function readMht(path: string, bytes: Uint8Array): Promise<DecodedSource> {
  let html: string | undefined;
  try {
    html = (await PostalMime.parse(bytes)).html;
  } catch (error) {
    throw new IngestError(path, `unreadable web archive: ${(error as Error).message}`, 'bad-container');
  }
  if (html === undefined || html.trim() === '')
    throw new IngestError(path, 'unreadable web archive: it holds no HTML page', 'bad-container');
  return { text: htmlToText(html), encoding: 'mht' };
}
