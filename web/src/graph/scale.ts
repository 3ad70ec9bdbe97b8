// Scaling a picture about a point: shared by the layout worker and the view, without the
// layout libraries the worker loads.
import type { Position } from '../state/view-state.ts';

/** The middle of the box around these points. */
export function boxCentre(points: readonly Position[]): Position {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

/** Every position moved `factor` times as far from `centre`. */
export function scaledAbout(positions: Record<string, Position>, factor: number, centre: Position): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const [id, p] of Object.entries(positions))
    out[id] = { x: centre.x + (p.x - centre.x) * factor, y: centre.y + (p.y - centre.y) * factor };
  return out;
}
