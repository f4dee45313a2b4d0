/**
 * @module Which node labels are too small to draw, for the WebGL renderer.
 *
 * The canvas renderer skips a label whose font size, times the zoom rounded up to a power of two (its texture
 * level), is below 'min-zoomed-font-size'. The WebGL renderer draws every label into its texture atlases however
 * small: at the zoom that fits a 5,000-element lineage (0.05) that is 1,800 labels half a pixel high, and most of
 * the first frame's time. Cytoscape's maintainers suggest, for WebGL, setting labels only when zoomed in far enough
 * to read them (cytoscape.js#3321): so with WebGL, GraphCanvas hides with a class exactly the labels the canvas
 * renderer would not draw.
 */
import type { Core } from 'cytoscape';
import { LABEL_TOO_SMALL } from './graph-style.js';

/** The scale the canvas renderer compares font sizes at: the zoom on the screen's pixels, rounded up to a power of two. */
export function labelScale(zoom: number, pixelRatio: number): number {
  return 2 ** Math.ceil(Math.log2(zoom * pixelRatio));
}

/** Hides the labels the canvas renderer would not draw at this scale and shows the others; true if any is shown. */
export function hideLabelsTooSmall(cy: Core, scale: number): boolean {
  let anyShown = false;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const tooSmall = node.numericStyle('font-size') * scale < node.numericStyle('min-zoomed-font-size');
      anyShown ||= !tooSmall;
      if (tooSmall !== node.hasClass(LABEL_TOO_SMALL)) node.toggleClass(LABEL_TOO_SMALL, tooSmall);
    });
  });
  return anyShown;
}
