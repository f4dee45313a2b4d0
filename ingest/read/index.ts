/** @module read stage: files (.txt in any common Chinese encoding, .docx, .doc, .xlsx, .xls, .csv, .pdf, .rtf, .html, .mht) → SourceFile. */
export { readSource, readSourceFile, readStage, withReadingNotes, type ReadOptions } from './read-source.js';
export { INPUT_FORMATS, SUPPORTED_EXTENSIONS, inputFormatOf, inputFormatOrFail, type InputFormat } from './formats.js';
export { decodeText, type DecodedText } from './decode-text.js';
export { htmlToText } from './html-to-text.js';
