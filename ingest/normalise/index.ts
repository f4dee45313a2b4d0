/** @module normalise stage: clean, rejoined text with an offset map back to the source. */
export { normaliseDoc } from './normalise-doc.js';
export { markerAt, circledMarkersIn, parseChineseNumeral, type Marker, type NumberStyle } from './numbering.js';
