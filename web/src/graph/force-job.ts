// fCoSE on a headless Cytoscape, as a pure function of plain data: the web worker runs it for
// large views (seconds of work that must not freeze the page), and unit tests run it directly.
// Label sizes cannot be measured in a worker (no DOM), so each node arrives with the box the
// canvas measured for it, label included.
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Position } from '../state/view-state.ts';
import { seededRandom, seedOf, withRandom } from './labels.ts';

export interface ForceJob {
  nodes: Array<{ id: string; w: number; h: number }>;
  edges: Array<{ source: string; target: string }>;
  /** fCoSE options (plain data: no functions cross to a worker). */
  options: Record<string, unknown>;
}

let registered = false;

export function runForceJob(job: ForceJob): Record<string, Position> {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  // Sorted, and fCoSE's random draws seeded by the view: the same view, the same picture.
  const nodes = [...job.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = (e: { source: string; target: string }) => `${e.source}\u0000${e.target}`;
  const edges = [...job.edges].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: Math.max(1, n.w), h: Math.max(1, n.h) } })),
      ...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  const layout = cy.layout({
    ...job.options,
    name: 'fcose',
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
  } as LayoutOptions);
  withRandom(seededRandom(seedOf(nodes.map((n) => n.id))), () => layout.run());
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  // fCoSE's draft (its spectral step alone, for views over 1,500 nodes) packs thousands of
  // nodes into a few hundred pixels: spread to the ideal tie length, as the full layout would.
  const ideal = typeof job.options.idealEdgeLength === 'number' ? job.options.idealEdgeLength : 0;
  return job.options.quality === 'draft' && ideal > 0 ? spreadToEdgeLength(out, edges, ideal) : out;
}

/**
 * Scales a picture about its centre so that its median tie is `ideal` long; never shrinks it.
 * The shape stays as the layout made it.
 */
export function spreadToEdgeLength(
  positions: Record<string, Position>,
  edges: ReadonlyArray<{ source: string; target: string }>,
  ideal: number,
): Record<string, Position> {
  const lengths = edges
    .map((e) => {
      const a = positions[e.source];
      const b = positions[e.target];
      return a && b && e.source !== e.target ? Math.hypot(a.x - b.x, a.y - b.y) : NaN;
    })
    .filter((l) => Number.isFinite(l))
    .sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  if (median <= 0 || median >= ideal) return positions;
  const factor = ideal / median;
  const all = Object.values(positions);
  const cx = all.reduce((s, p) => s + p.x, 0) / all.length;
  const cy = all.reduce((s, p) => s + p.y, 0) / all.length;
  const out: Record<string, Position> = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: cx + (p.x - cx) * factor, y: cy + (p.y - cy) * factor };
  return out;
}
