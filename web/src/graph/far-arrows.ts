// Arrowheads too small to see are not drawn in big views (issue 22, part 5). A 10k view fitted
// to the window is drawn at a zoom of about 0.06: each tie's arrowhead is then a blot of 1-2
// pixels that shows no direction, and the 7,156 of them were a fifth of every full frame
// (profile of the fourth pass). Cytoscape has no level of detail for arrows, so its renderer's
// `drawArrowheads` is wrapped: a tie of a big view (the `lod` class) whose arrowhead would be
// drawn under MIN_ARROW_PX is drawn without it, unless it is pointed at, selected or part of an
// answer (as with its dashes and caption). Zoomed in, arrows come back; ties of views of up to
// 2,500 elements never lose theirs.
import type { Core, EdgeSingular } from 'cytoscape';

/** An arrowhead smaller than this on screen (CSS px) shows no direction. */
export const MIN_ARROW_PX = 3;

/**
 * How long an arrowhead is on screen, in CSS pixels: Cytoscape's arrow size for a tie of
 * `edgeWidth` (its `getArrowWidth`: (width × 13.37)^0.9, at least 29, times `arrow-scale`),
 * scaled by the zoom.
 */
export function arrowScreenPx(zoom: number, edgeWidth: number, arrowScale: number): number {
  return Math.max(Math.pow(edgeWidth * 13.37, 0.9), 29) * arrowScale * zoom;
}

interface Renderer {
  drawArrowheads(context: unknown, edge: EdgeSingular, opacity: number): void;
}

/** Wraps the renderer of `cy` (once) so big views' ties drop arrowheads too small to see. */
export function skipTinyArrows(cy: Core, minPx = MIN_ARROW_PX): void {
  const r = (cy as unknown as { renderer(): (Renderer & { tinyArrows?: true }) | null }).renderer();
  if (!r || r.tinyArrows) return;
  r.tinyArrows = true;
  const draw = r.drawArrowheads;
  r.drawArrowheads = function (this: Renderer, context, edge, opacity) {
    if (edge.hasClass('lod') && !edge.selected() && !edge.hasClass('hover') && !edge.hasClass('emphasis') && !edge.hasClass('on-path')) {
      const width = (edge as unknown as { pstyle(n: string): { pfValue: number } }).pstyle('width').pfValue;
      const scale = (edge as unknown as { pstyle(n: string): { value: number } }).pstyle('arrow-scale').value;
      if (arrowScreenPx(cy.zoom(), width, scale) < minPx) return;
    }
    draw.call(this, context, edge, opacity);
  };
}
