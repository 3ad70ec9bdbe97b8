// Names that must show stay legible at any zoom (issue 20). Cytoscape scales text with the zoom
// and skips it under min-zoomed-font-size, so a hub fitted to a slightly shorter canvas drew its
// names at 5 px, or dropped them all at once. As sigma.js draws labels in screen space, the few
// names that must show (the expanded node, its best-connected neighbours, the selection) keep a
// size on screen: their font grows in the model as the zoom shrinks.
import type { Core } from 'cytoscape';
import { TEXT } from './style.ts';

/** The on-screen size, in CSS pixels, that the names which must show never go under. */
export const LEGIBLE_NAME_PX = 10;

/**
 * The model font size that draws a name of `natural` size at least `px` high on screen at
 * `zoom`; null when its own size already does (zoomed in, names grow as usual).
 */
export function legibleFontSize(natural: number, zoom: number, px = LEGIBLE_NAME_PX): number | null {
  if (natural * zoom >= px) return null;
  // A tenth of a unit up: the same zoom always gives the same size, and never a hair under.
  return Math.ceil((px / zoom) * 10) / 10;
}

const SIZED = 'font-size text-max-width min-zoomed-font-size';

/**
 * Gives the `named` nodes legible names at the current zoom, and every node in `sized` that is
 * no longer named its own size back, in one batch. `sized` is kept up to date.
 */
export function sizeNames(cy: Core, named: ReadonlySet<string>, sized: Set<string>): void {
  const zoom = cy.zoom();
  cy.batch(() => {
    for (const id of [...sized]) {
      if (named.has(id)) continue;
      cy.getElementById(id).removeStyle(SIZED);
      sized.delete(id);
    }
    for (const id of named) {
      const n = cy.getElementById(id);
      if (n.empty()) continue;
      const natural = n.hasClass('major') ? TEXT.majorFontSize : TEXT.nodeFontSize;
      const size = legibleFontSize(natural, zoom);
      if (size === null) {
        if (sized.delete(id)) n.removeStyle(SIZED);
        continue;
      }
      // The wrap width grows with the font, so a name breaks into the same lines on screen.
      n.style({
        'font-size': size,
        'text-max-width': `${Math.round((TEXT.nodeTextMaxWidth * size) / natural)}px`,
        'min-zoomed-font-size': 0,
      });
      sized.add(id);
    }
  });
}
