/**
 * @module Plain text from HTML saved from a government site (or produced by mammoth from a .docx):
 * one line per block, table rows as tab-separated cells, so later stages see the same shape as a .txt export.
 */
import { Parser } from 'htmlparser2';

/** Elements whose start or end breaks a line. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'hr',
  'dd',
  'dt',
  'dl',
  'center',
  'address',
  'form',
  'body',
  'title',
]);
/** Content never shown to a reader. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg']);

/**
 * Inside a table cell a block element does not end the row: the cell's paragraphs stay on the row's line
 * (as the .txt exports keep them, where they appear as <p>…</p> markup), joined by a space.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let hiddenDepth = 0;
  let cellDepth = 0;
  let cellsInRow = 0;

  const breakLine = () => {
    lines.push(line.replace(/[ \t]+$/u, '').replace(/^[ ]+/u, ''));
    line = '';
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) {
          hiddenDepth++;
          return;
        }
        if (hiddenDepth > 0) return;
        if (name === 'tr') {
          if (line.trim() !== '') breakLine();
          cellsInRow = 0;
          return;
        }
        if (name === 'td' || name === 'th') {
          if (cellsInRow > 0) line += '\t';
          cellsInRow++;
          cellDepth++;
          return;
        }
        if (BLOCK.has(name)) {
          if (cellDepth > 0) {
            if (line !== '' && !/[\t ]$/u.test(line)) line += ' ';
          } else if (line.trim() !== '' || name === 'br') {
            breakLine();
          }
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (name === 'td' || name === 'th') {
          line = line.replace(/ +$/u, '');
          cellDepth = Math.max(0, cellDepth - 1);
          return;
        }
        if (name === 'tr') {
          breakLine();
          return;
        }
        if (BLOCK.has(name) && cellDepth === 0 && line.trim() !== '') breakLine();
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        // Source line breaks inside HTML are layout, not content.
        line += text.replace(/[\r\n\t]+/gu, ' ').replace(/\u00a0/gu, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  if (line.trim() !== '') breakLine();
  // Collapse runs of empty lines to one blank line, as between paragraphs of the .txt exports.
  return lines
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/^\n+/u, '');
}
