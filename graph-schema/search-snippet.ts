/**
 * @module The search-snippet contract between server and client: a snippet is plain text with each
 * match between « and » (U+00AB, U+00BB), never HTML, so a client splits on the markers and
 * renders every part as text.
 */

export const HIGHLIGHT_OPEN = '«';
export const HIGHLIGHT_CLOSE = '»';
