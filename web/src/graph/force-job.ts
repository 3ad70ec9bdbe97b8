// fCoSE on a headless Cytoscape, as a pure function of plain data: the web worker runs it for
// large views (seconds of work that must not freeze the page), and unit tests run it directly.
// Label sizes cannot be measured in a worker (no DOM), so each node arrives with the box the
// canvas measured for it, label included.
import cytoscape, { type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { Position } from '../state/view-state.ts';
import { boxCentre, scaledAbout } from './scale.ts';
import { seededRandom, seedOf, withRandom } from './labels.ts';

export interface ForceJob {
  nodes: Array<{ id: string; w: number; h: number }>;
  edges: Array<{ source: string; target: string }>;
  /** fCoSE options (plain data: no functions cross to a worker). */
  options: Record<string, unknown>;
}

// A CommonJS module whose types call its `module.exports` the `default` export.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

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
  if (job.options.quality !== 'draft') return out;
  // fCoSE's draft (its spectral step alone, for views over 1,500 nodes: its full layout took
  // 110 s on a 2,844-node view) puts nodes with the same neighbours, such as a hub's leaves, on
  // one spot: 330 places for 2,844 nodes, in a few hundred pixels. Fitted to that heap, the
  // canvas drew thousands of nodes on top of each other at full size, a second a frame. Gephi's
  // and sigma.js's ForceAtlas2 pulls them apart from the spectral picture in a few dozen rounds.
  const ideal = typeof job.options.idealEdgeLength === 'number' ? job.options.idealEdgeLength : 0;
  const refined = pullApart(unstack(out), edges);
  return spreadToRoom(ideal > 0 ? spreadToEdgeLength(refined, edges, ideal) : refined, ROOM_PER_NODE);
}

/**
 * The room each node of a large view gets on average (model px): as much as the quick placement
 * it arrives in gives it (a sunflower 60 px apart, π·60² a node), so the picture keeps its scale.
 */
export const ROOM_PER_NODE = Math.round(60 * Math.sqrt(Math.PI));

/** ForceAtlas2 rounds for a view of this many elements: fewer for bigger views (0.6 s at 10k, quiet). */
export function pullApartRounds(elements: number): number {
  return Math.max(20, Math.min(100, Math.round(400_000 / Math.max(1, elements))));
}

/**
 * Nodes that share a spot are set out on a small sunflower around it, in id order, so that the
 * forces between them have a direction; nodes alone on their spot stay.
 */
export function unstack(positions: Record<string, Position>): Record<string, Position> {
  const ids = Object.keys(positions).sort();
  if (ids.length < 2) return positions;
  const xs = ids.map((id) => positions[id]!.x);
  const ys = ids.map((id) => positions[id]!.y);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const step = span > 0 ? span / Math.sqrt(ids.length) / 4 : 1;
  const spots = new Map<string, string[]>();
  for (const id of ids) {
    const p = positions[id]!;
    const key = `${p.x.toPrecision(9)},${p.y.toPrecision(9)}`;
    const at = spots.get(key);
    if (at) at.push(id);
    else spots.set(key, [id]);
  }
  const out: Record<string, Position> = { ...positions };
  for (const at of spots.values()) {
    if (at.length < 2) continue;
    const c = positions[at[0]!]!;
    at.forEach((id, i) => {
      // The golden angle: each next node turns by it and steps out, so none lands on another.
      const angle = i * 2.399963;
      const r = step * Math.sqrt(i);
      out[id] = { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) };
    });
  }
  return out;
}

/** ForceAtlas2 (Barnes-Hut) from these positions; it draws no random numbers, so the same view gives the same picture. */
export function pullApart(
  positions: Record<string, Position>,
  edges: ReadonlyArray<{ source: string; target: string }>,
): Record<string, Position> {
  const graph = new UndirectedGraph();
  for (const id of Object.keys(positions).sort()) graph.addNode(id, { ...positions[id] });
  for (const e of edges)
    if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target) && !graph.hasEdge(e.source, e.target))
      graph.addEdge(e.source, e.target);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
  const moved = forceAtlas2(graph, { iterations: pullApartRounds(graph.order + edges.length), settings });
  const out: Record<string, Position> = {};
  for (const [id, p] of Object.entries(moved)) out[id] = { x: p.x, y: p.y };
  return out;
}

/**
 * Scales a picture about its centre until its frame holds `room`² per node on average; never
 * shrinks it. A view fitted to the window then draws its nodes small and side by side.
 */
export function spreadToRoom(positions: Record<string, Position>, room: number): Record<string, Position> {
  const all = Object.values(positions);
  if (all.length < 2) return positions;
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  // A long thin picture counts as at most four times as long as it is wide.
  const factor = Math.sqrt((all.length * room * room) / Math.max(1, Math.max(w, h / 4) * Math.max(h, w / 4)));
  return factor > 1 ? scaledAbout(positions, factor, boxCentre(all)) : positions;
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
  const all = Object.values(positions);
  const centre = { x: all.reduce((s, p) => s + p.x, 0) / all.length, y: all.reduce((s, p) => s + p.y, 0) / all.length };
  return scaledAbout(positions, ideal / median, centre);
}
