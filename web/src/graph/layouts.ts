// Layouts: force-directed (fCoSE) for exploring, layered (dagre) for chains of authority,
// concentric around one node. Layered positions are computed on a headless copy whose edges
// point the way authority flows, so a chain reads top-down whatever each tie's direction.
import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import type { RelationshipType } from '../api/types.ts';
import type { Position } from '../state/view-state.ts';

/** The layout engines loaded on demand: Cytoscape's own (concentric, preset) need none. */
export type LayoutEngine = 'fcose' | 'dagre';

const engines = new Map<LayoutEngine, Promise<void>>();

/**
 * Loads a layout engine and registers it with Cytoscape, once (issue 22, part 5). fCoSE with
 * its two base libraries and dagre were a fifth of the page's first bundle, parsed and run in
 * the page's first task, though a big view lays out in the worker and the layered layout waits
 * for a question. Each comes in its own chunk, fetched when a layout first needs it; a layout
 * run by keyboard awaits it like any other step of the layout.
 */
export function loadLayout(engine: LayoutEngine): Promise<void> {
  let loading = engines.get(engine);
  if (!loading) {
    loading = (engine === 'fcose' ? import('cytoscape-fcose') : import('cytoscape-dagre')).then((m) => {
      cytoscape.use(m.default);
    });
    // A failed fetch (offline for a moment) is tried again by the next layout.
    loading.catch(() => engines.delete(engine));
    engines.set(engine, loading);
  }
  return loading;
}

/** Views larger than this lay out without animation (and, for force, off the main thread). */
export const LARGE_VIEW = 300;

export interface ForceOptions {
  nodeCount: number;
}

export function forceLayout(o: ForceOptions): LayoutOptions {
  return {
    name: 'fcose',
    quality: o.nodeCount > 1500 ? 'draft' : 'default',
    randomize: true,
    animate: o.nodeCount <= LARGE_VIEW,
    animationDuration: 450,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    uniformNodeDimensions: false,
    // Generous spacing: labels sit under nodes and need room to stay apart.
    idealEdgeLength: 100,
    edgeElasticity: 0.35,
    nodeRepulsion: 20000,
    nodeSeparation: 90,
    gravity: 0.2,
    gravityRange: 3.8,
    numIter: 2500,
    tile: true,
  } as LayoutOptions;
}

export function concentricLayout(depthOf: Map<string, number>, nodeCount: number): LayoutOptions {
  const deepest = Math.max(0, ...depthOf.values());
  return {
    name: 'concentric',
    // Higher values sit nearer the centre; nodes the root cannot reach form the outer ring.
    concentric: (node: cytoscape.NodeSingular) => deepest + 1 - (depthOf.get(node.id()) ?? deepest + 1),
    levelWidth: () => 1,
    // Labels sit under their nodes, so rings can be tighter than label widths would suggest.
    minNodeSpacing: 55,
    spacingFactor: 1,
    animate: nodeCount <= LARGE_VIEW,
    animationDuration: 450,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: false,
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
  /** TB: layers from top to bottom (chains); LR: from left to right (wide views turned). */
  rankDir?: 'TB' | 'LR';
  /** Room a node and its label take. */
  nodeWidth?: number;
  nodeHeight?: number;
  rankSep?: number;
  nodeSep?: number;
  /** Each node's drawn size with its label, so layers leave room for the names. */
  sizes?: Readonly<Record<string, { w: number; h: number }>>;
}

/**
 * Layered positions, upper nodes first: dagre on a headless graph whose edges run from each
 * pair's upper node to its lower one. Pure apart from dagre's own arithmetic; dagre must be
 * loaded first (`loadLayout('dagre')`).
 */
export function layeredPositions(
  nodeIds: readonly string[],
  pairs: ReadonlyArray<readonly [string, string]>,
  o: LayerOptions = {},
): Record<string, Position> {
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
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)', shape: 'rectangle' } }],
    elements: [
      ...[...ids].map((id) => ({
        data: { id, w: Math.max(o.nodeWidth ?? 120, o.sizes?.[id]?.w ?? 0), h: Math.max(o.nodeHeight ?? 44, o.sizes?.[id]?.h ?? 0) },
      })),
      ...edges,
    ],
  });
  cy.layout({
    name: 'dagre',
    rankDir: 'TB',
    rankSep: o.rankSep ?? 80,
    nodeSep: o.nodeSep ?? 24,
    ranker: 'network-simplex',
    animate: false,
    fit: false,
  } as LayoutOptions).run();
  const out: Record<string, Position> = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: Math.round(p.x) || 0, y: Math.round(p.y) || 0 };
  });
  cy.destroy();
  return out;
}

/** Breadth-first depth from `root` over any tie, either way. */
export function depthsFrom(
  root: string,
  nodeIds: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string }>,
): Map<string, number> {
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
 * Places for nodes new to the canvas: on rings around the node they hang from (the expanded
 * node when there is one), at the first free spot, so an expansion grows out of the node that
 * was expanded and nothing already on the canvas moves or gets covered.
 */
export function placeNewNodes(
  newIds: readonly string[],
  placed: Readonly<Record<string, Position>>,
  edges: ReadonlyArray<{ source: string; target: string }>,
  fallbackCentre: Position,
  options: { anchor?: string | null; minDistance?: number } = {},
): Record<string, Position> {
  const minDistance = options.minDistance ?? 80;
  const isNew = new Set(newIds);
  const taken: Position[] = Object.values(placed);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const anchorOf = (id: string): string | null => {
    const near = neighbours.get(id) ?? [];
    if (options.anchor && near.includes(options.anchor) && placed[options.anchor]) return options.anchor;
    return near.find((n) => !isNew.has(n) && placed[n]) ?? null;
  };
  const free = (p: Position) => taken.every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= minDistance);
  const out: Record<string, Position> = {};
  const perAnchor = new Map<string, number>();
  for (const id of newIds) {
    const anchor = anchorOf(id);
    const centre = (anchor && placed[anchor]) || fallbackCentre;
    const key = anchor ?? '';
    const start = perAnchor.get(key) ?? 0;
    let spot: Position | null = null;
    for (let ring = 0; !spot && ring < 12; ring++) {
      const radius = 120 + ring * 70;
      const slots = Math.max(8, Math.floor((2 * Math.PI * radius) / minDistance));
      for (let k = 0; k < slots; k++) {
        // Walk round from where this anchor's last new node went, so siblings sit together.
        const angle = (2 * Math.PI * ((start + k) % slots)) / slots - Math.PI / 2;
        const p = { x: Math.round(centre.x + radius * Math.cos(angle)) || 0, y: Math.round(centre.y + radius * Math.sin(angle)) || 0 };
        if (free(p)) {
          spot = p;
          perAnchor.set(key, start + k + 1);
          break;
        }
      }
    }
    spot ??= { x: Math.round(centre.x + 120), y: Math.round(centre.y + 120 + taken.length) };
    out[id] = spot;
    taken.push(spot);
  }
  return out;
}

/**
 * A first picture for a big view while its force layout runs in the worker: the nodes, in
 * breadth-first order from the best-connected node, on a sunflower spiral, so the hubs sit in
 * the middle and each breadth-first level fills a ring of its own at an even density. Within
 * a ring each node takes the spot at its rank's angle, in breadth-first order: a node's
 * neighbours one level out come in the order of their parents, so they sit at about their
 * parents' angle, one ring further out. (Spots dealt out round the spiral in breadth-first
 * order, as before, put a parent and its child at unrelated angles: ties ran across the whole
 * picture, and the frames while a 10k view arrived cost half as much again as frames of the
 * laid-out picture.) Linear in the view's size apart from sorting each ring's spots, with no
 * random draw: the same view gets the same picture.
 */
export function quickPlacement(
  nodeIds: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  spacing = 60,
): Record<string, Position> {
  const next = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const e of edges) {
    if (e.source === e.target) continue;
    next.get(e.source)?.push(e.target);
    next.get(e.target)?.push(e.source);
  }
  // Neighbours by id: the picture depends on the view, not on the order its parts came in.
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const list of next.values()) list.sort(byId);
  const byDegree = [...nodeIds].sort((a, b) => (next.get(b)?.length ?? 0) - (next.get(a)?.length ?? 0) || byId(a, b));
  const order: string[] = [];
  /** Where each ring (a breadth-first level of one connected part) starts in `order`. */
  const ringStarts: number[] = [];
  const seen = new Set<string>();
  for (const start of byDegree) {
    if (seen.has(start)) continue;
    seen.add(start);
    order.push(start);
    let levelEnd = order.length;
    ringStarts.push(order.length - 1);
    for (let i = order.length - 1; i < order.length; i++) {
      if (i === levelEnd) {
        ringStarts.push(i);
        levelEnd = order.length;
      }
      for (const m of next.get(order[i]!) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        order.push(m);
      }
    }
  }
  ringStarts.push(order.length);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const spot = (k: number): Position => {
    const r = spacing * Math.sqrt(k);
    return { x: Math.round(r * Math.cos(k * golden)) || 0, y: Math.round(r * Math.sin(k * golden)) || 0 };
  };
  // The angle of spot k, from 0 to 2π: every ring's first node sits at angle 0, and so on round.
  const angle = (k: number) => (k * golden) % (2 * Math.PI);
  // Each ring's spots by angle; its nodes, in breadth-first order, take them in turn.
  const out: Record<string, Position> = {};
  for (let g = 0; g + 1 < ringStarts.length; g++) {
    const from = ringStarts[g]!;
    const spots: Array<{ k: number; a: number }> = [];
    for (let k = from; k < ringStarts[g + 1]!; k++) spots.push({ k, a: angle(k) });
    spots.sort((p, q) => p.a - q.a || p.k - q.k);
    spots.forEach(({ k }, i) => (out[order[from + i]!] = spot(k)));
  }
  return out;
}
