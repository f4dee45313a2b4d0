/** @module read stage: files (.txt in any common Chinese encoding, .docx, .pdf, .html) → SourceFile. */
export { readSource, readSourceFile, readStage, SUPPORTED_EXTENSIONS, type ReadOptions } from './read-source.js';
export { decodeText, type DecodedText } from './decode-text.js';
export { htmlToText } from './html-to-text.js';
