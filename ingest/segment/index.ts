/** @module segment stage: metadata, jurisdiction and the numbered outline of a normalised document. */
export { segmentDoc } from './segment-doc.js';
export { parseOutline, type Outline, type Unit } from './outline.js';
export { resolveJurisdiction } from './jurisdiction.js';
