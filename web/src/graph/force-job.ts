// fCoSE on a headless Cytoscape, as a pure function of plain data: the web worker runs it for
// large views (seconds of work that must not freeze the page), and unit tests run it directly.
// Label sizes cannot be measured in a worker (no DOM), so each node arrives with the box the
// canvas measured for it, label included.
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Position } from '../state/view-state.ts';

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
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
    elements: [
      ...job.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: Math.max(1, n.w), h: Math.max(1, n.h) } })),
      ...job.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  cy.layout({ ...job.options, name: 'fcose', animate: false, fit: false, nodeDimensionsIncludeLabels: false } as LayoutOptions).run();
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  return out;
}
