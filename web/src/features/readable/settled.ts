// "The view has settled": nothing loading, nothing moving, the link written, the names chosen.
// Browser tests wait on this instead of fixed sleeps (issue 20); the names are chosen at once
// rather than after their 40 ms pause. (The link's write is waited for: one still pending would
// overwrite a link set meanwhile.)
import type { GraphView } from '../../graph/view.ts';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves once `quiet()` holds, the canvas has no animation running and the names are chosen,
 * for two frames running: work that one step starts in the next frame is waited for too.
 */
export async function settledView(quiet: () => boolean, view: Pick<GraphView, 'cy' | 'flushLabels'>): Promise<void> {
  for (let calm = 0; calm < 2;) {
    if (quiet() && !view.cy.animated()) {
      view.flushLabels();
      calm++;
    } else calm = 0;
    await frame();
  }
}
