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
