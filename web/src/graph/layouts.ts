// Layouts: force-directed (fCoSE) for exploring, layered (dagre) for chains of authority,
// concentric around one node. Layered positions are computed on a headless copy whose edges
// point the way authority flows, so a chain reads top-down whatever each tie's direction.
import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { RelationshipType } from '../api/types.ts';
import type { Position } from '../state/view-state.ts';

let registered = false;
export function registerLayouts(): void {
  if (registered) return;
  cytoscape.use(dagre);
  cytoscape.use(fcose);
  registered = true;
}

/** Views larger than this lay out without animation (and, for force, off the main thread). */
export const LARGE_VIEW = 300;

export interface ForceOptions {
  nodeCount: number;
  /** Keep these nodes where they are and fit the others around them. */
  fixed?: Record<string, Position>;
  fit?: boolean;
}

export function forceLayout(o: ForceOptions): LayoutOptions {
  const fixed = Object.entries(o.fixed ?? {});
  const incremental = fixed.length > 0;
  return {
    name: 'fcose',
    quality: o.nodeCount > 1500 ? 'draft' : 'default',
    randomize: !incremental,
    animate: o.nodeCount <= LARGE_VIEW,
    animationDuration: 450,
    fit: o.fit ?? !incremental,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    idealEdgeLength: 95,
    edgeElasticity: 0.45,
    nodeRepulsion: 9000,
    nodeSeparation: 90,
    gravity: 0.3,
    gravityRange: 3.8,
    numIter: 2500,
    tile: true,
    fixedNodeConstraint: incremental ? fixed.map(([nodeId, position]) => ({ nodeId, position })) : undefined,
  } as LayoutOptions;
}

export function concentricLayout(depthOf: Map<string, number>, nodeCount: number): LayoutOptions {
  const deepest = Math.max(0, ...depthOf.values());
  return {
    name: 'concentric',
    // Higher values sit nearer the centre; nodes the root cannot reach form the outer ring.
    concentric: (node: cytoscape.NodeSingular) => deepest + 1 - (depthOf.get(node.id()) ?? deepest + 1),
    levelWidth: () => 1,
    minNodeSpacing: 36,
    spacingFactor: 1.1,
    animate: nodeCount <= LARGE_VIEW,
    animationDuration: 450,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
  } as LayoutOptions;
}

/** Types whose end is the "higher" party: a part under its whole, a member under its body. */
const END_IS_ABOVE = new Set<RelationshipType>([
  'UNDER',
  'PART_OF',
  'HOLDS_POST',
  'MEMBER_OF',
  'PARTICIPATES_IN',
  'REPRESENTS',
  'WORKS_AT',
  'PARTY_TO',
  'BASED_ON',
  'CONTACT_POINT_FOR',
]);

export interface LayerEdge {
  source: string;
  target: string;
  type: RelationshipType;
}

/** [upper, lower] for each tie, by the way authority or belonging flows. */
export function orientByType(edges: readonly LayerEdge[]): Array<[string, string]> {
  return edges.map((e) => (END_IS_ABOVE.has(e.type) ? [e.target, e.source] : [e.source, e.target]));
}

export interface LayerOptions {
  /** Room a node and its label take. */
  nodeWidth?: number;
  nodeHeight?: number;
  rankSep?: number;
  nodeSep?: number;
}

/**
 * Layered positions, upper nodes first: dagre on a headless graph whose edges run from each
 * pair's upper node to its lower one. Pure apart from dagre's own arithmetic.
 */
export function layeredPositions(nodeIds: readonly string[], pairs: ReadonlyArray<readonly [string, string]>, o: LayerOptions = {}): Record<string, Position> {
  registerLayouts();
  const ids = new Set(nodeIds);
  const seen = new Set<string>();
  const edges = pairs
    .filter(([a, b]) => a !== b && ids.has(a) && ids.has(b))
    .filter(([a, b]) => {
      const key = `${a}\u0000${b}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(([a, b], i) => ({ data: { id: `e${i}`, source: a, target: b } }));
  const cy: Core = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: o.nodeWidth ?? 150, height: o.nodeHeight ?? 44, shape: 'rectangle' } }],
    elements: [...[...ids].map((id) => ({ data: { id } })), ...edges],
  });
  cy.layout({ name: 'dagre', rankDir: 'TB', rankSep: o.rankSep ?? 80, nodeSep: o.nodeSep ?? 24, ranker: 'network-simplex', animate: false, fit: false } as LayoutOptions).run();
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
  });
  cy.destroy();
  return out;
}

/** Breadth-first depth from `root` over any tie, either way. */
export function depthsFrom(root: string, nodeIds: readonly string[], edges: ReadonlyArray<{ source: string; target: string }>): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const id of nodeIds) next.set(id, []);
  for (const e of edges) {
    next.get(e.source)?.push(e.target);
    next.get(e.target)?.push(e.source);
  }
  const depth = new Map<string, number>([[root, 0]]);
  let frontier = [root];
  while (frontier.length) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const n of next.get(id) ?? []) {
        if (depth.has(n)) continue;
        depth.set(n, (depth.get(id) ?? 0) + 1);
        following.push(n);
      }
    }
    frontier = following;
  }
  return depth;
}

/**
 * First positions for nodes new to the canvas: on a ring around the placed neighbours they
 * hang from, so an expansion grows out of the node that was expanded.
 */
export function placeNewNodes(
  newIds: readonly string[],
  placed: Readonly<Record<string, Position>>,
  edges: ReadonlyArray<{ source: string; target: string }>,
  fallbackCentre: Position,
): Record<string, Position> {
  const byAnchor = new Map<string, string[]>();
  const isNew = new Set(newIds);
  for (const id of newIds) {
    const anchor = edges.map((e) => (e.source === id ? e.target : e.target === id ? e.source : null)).find((n) => n !== null && !isNew.has(n) && placed[n]);
    const key = anchor ?? '';
    byAnchor.set(key, [...(byAnchor.get(key) ?? []), id]);
  }
  const out: Record<string, Position> = {};
  for (const [anchor, ids] of byAnchor) {
    const centre = (anchor && placed[anchor]) || fallbackCentre;
    const radius = 110 + ids.length * 9;
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length + (anchor ? 0.3 : 0);
      out[id] = { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) };
    });
  }
  return out;
}
