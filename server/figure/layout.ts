// Where each node goes when there is no canvas to ask: a layered layout (dagre) that puts
// whoever acts above whom it acts on, with crossings kept few. Ranks wider than a page are
// folded into several rows, so a hub's forty neighbours make a block, not a ribbon. The same
// elements always get the same positions: the input is sorted and nothing is random.
import dagre from '@dagrejs/dagre';

export interface LayoutBox {
  id: string;
  /** The node's footprint: its shape and the name under it. */
  width: number;
  height: number;
}

export interface LayoutTie {
  id: string;
  source: string;
  target: string;
}

/** Top-left corners of each footprint. */
export type Placement = Map<string, { x: number; y: number }>;

const NODE_GAP = 28;
const ROW_GAP = 56;
const RANK_GAP = 96;

export function layered(boxes: LayoutBox[], ties: LayoutTie[], maxRowWidth = 1400): Placement {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const sorted = [...boxes].sort((a, b) => a.id.localeCompare(b.id));
  for (const b of sorted) g.setNode(b.id, { width: b.width, height: b.height });
  const known = new Set(sorted.map((b) => b.id));
  for (const t of [...ties].sort((a, b) => a.id.localeCompare(b.id))) {
    if (known.has(t.source) && known.has(t.target) && t.source !== t.target) g.setEdge(t.source, t.target, {}, t.id);
  }
  dagre.layout(g);

  // Ranks as dagre left them (same y), in order, each folded into rows no wider than the page.
  const ranks = new Map<number, LayoutBox[]>();
  for (const b of sorted) {
    const y = Math.round(g.node(b.id).y);
    ranks.set(y, [...(ranks.get(y) ?? []), b]);
  }
  const placement: Placement = new Map();
  let top = 0;
  for (const y of [...ranks.keys()].sort((a, b) => a - b)) {
    const rank = ranks.get(y)!.sort((a, b) => g.node(a.id).x - g.node(b.id).x);
    const rows: LayoutBox[][] = [[]];
    let width = 0;
    for (const b of rank) {
      const row = rows.at(-1)!;
      if (row.length && width + NODE_GAP + b.width > maxRowWidth) {
        rows.push([b]);
        width = b.width;
      } else {
        row.push(b);
        width += (row.length > 1 ? NODE_GAP : 0) + b.width;
      }
    }
    for (const row of rows) {
      const rowWidth = row.reduce((s, b) => s + b.width, 0) + NODE_GAP * (row.length - 1);
      const rowHeight = Math.max(...row.map((b) => b.height));
      let x = -rowWidth / 2;
      for (const b of row) {
        placement.set(b.id, { x, y: top });
        x += b.width + NODE_GAP;
      }
      top += rowHeight + ROW_GAP;
    }
    top += RANK_GAP - ROW_GAP;
  }
  return placement;
}

/**
 * The node most others are tied to, when there is one: a figure of a hub's neighbourhood reads
 * best as a wheel, not as layers whose ties all run through the middle.
 */
export function hubOf(boxes: LayoutBox[], ties: LayoutTie[]): string | null {
  if (boxes.length < 12) return null;
  const neighbours = new Map<string, Set<string>>();
  for (const t of ties) {
    if (t.source === t.target) continue;
    (neighbours.get(t.source) ?? neighbours.set(t.source, new Set()).get(t.source)!).add(t.target);
    (neighbours.get(t.target) ?? neighbours.set(t.target, new Set()).get(t.target)!).add(t.source);
  }
  let best: string | null = null;
  let most = 0;
  for (const b of [...boxes].sort((x, y) => x.id.localeCompare(y.id))) {
    const n = neighbours.get(b.id)?.size ?? 0;
    if (n > most) [best, most] = [b.id, n];
  }
  return most >= 0.6 * (boxes.length - 1) ? best : null;
}

const RING_GAP = 150;

/**
 * The hub in the middle and the others on rings around it, each ring as full as its
 * circumference allows, grouped by `group` (the kind of tie to the hub) so like sits by like;
 * every other ring is turned half a place, so spokes to the outer rings pass between the inner
 * nodes.
 */
export function wheel(boxes: LayoutBox[], hub: string, group: (id: string) => string): Placement {
  const centre = boxes.find((b) => b.id === hub)!;
  const others = boxes.filter((b) => b.id !== hub).sort((a, b) => group(a.id).localeCompare(group(b.id)) || a.id.localeCompare(b.id));
  // More neighbours, more room: wider rings leave the ties' captions space between the names.
  const crowd = Math.min(1, Math.max(0, (others.length - 24) / 60));
  const ringGap = RING_GAP * (1 + 0.6 * crowd);
  const slot = Math.max(...others.map((b) => b.width), 60) + NODE_GAP * (1 + crowd);
  const placement: Placement = new Map([[hub, { x: -centre.width / 2, y: -centre.height / 2 }]]);
  let radius = Math.max(centre.width, centre.height) / 2 + ringGap * 1.4;
  let i = 0;
  for (let ring = 0; i < others.length; ring++) {
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / slot));
    const count = Math.min(capacity, others.length - i);
    const turn = ring % 2 ? Math.PI / count : 0;
    for (let k = 0; k < count; k++, i++) {
      const b = others[i]!;
      const a = -Math.PI / 2 + turn + (2 * Math.PI * k) / count;
      // The shape sits on the ring; its name hangs below it.
      placement.set(b.id, { x: Math.cos(a) * radius - b.width / 2, y: Math.sin(a) * radius - 20 });
    }
    radius += ringGap;
  }
  return placement;
}
