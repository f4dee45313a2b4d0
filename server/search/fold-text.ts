/**
 * @module Character folding shared by the search index and its queries. It maps one UTF-16 unit
 * to one, so offsets in the folded text are offsets in the original (snippets need that).
 */

/** Full-width ASCII (Ａ１％ as printed in Chinese documents) to ASCII, the ideographic space to a space, lower case. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code === 0x3000) out += ' ';
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else out += text.charAt(i);
  }
  return out;
}

/** The query's terms: whitespace separates terms, which must all match. */
export function splitTerms(query: string): string[] {
  return [
    ...new Set(
      foldText(query)
        .split(/\s+/u)
        .filter((term) => term.length > 0),
    ),
  ];
}
