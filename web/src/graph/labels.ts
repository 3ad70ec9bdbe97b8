// Level of detail for names on the canvas. Labels that would be drawn are ranked (what the
// reader is looking at first, then the best connected), and a label whose box meets the box
// of a higher-ranked one is left out until zooming in makes room. Pure: boxes in, names out.

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface RankedBox extends Box {
  id: string;
}

/** How many neighbours of the node being explored always keep their names. */
export const ALWAYS_NAMED_NEIGHBOURS = 15;

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

/**
 * The labels to draw: in rank order, each one whose box meets none already kept. `boxes` come
 * in rank order, best first. Every box is tested against every kept one: views where this runs
 * hold at most a few hundred names.
 */
export function keepLabels(boxes: readonly RankedBox[], gap = 1): Set<string> {
  const kept: RankedBox[] = [];
  for (const b of boxes) if (kept.every((k) => !overlaps(k, b, gap))) kept.push(b);
  return new Set(kept.map((k) => k.id));
}

export interface RankInput {
  nodes: readonly string[];
  edges: ReadonlyArray<{ source: string; target: string }>;
  /** Named whatever else happens: the selection, the answer's nodes, the root of a layout. */
  pinned?: ReadonlySet<string>;
  /** The node just expanded or centred on: it and its best-connected neighbours come next. */
  anchor?: string | null;
}

/** Distinct neighbours of each node (loops and parallel ties count once). */
export function neighbourSets(
  nodes: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string }>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(nodes.map((id) => [id, new Set<string>()]));
  for (const e of edges) {
    if (e.source === e.target) continue;
    out.get(e.source)?.add(e.target);
    out.get(e.target)?.add(e.source);
  }
  return out;
}

/** Best connected first; equal ones by id, so the same view always ranks the same way. */
function byDegree(degree: ReadonlyMap<string, Set<string>>): (a: string, b: string) => number {
  return (a, b) => (degree.get(b)?.size ?? 0) - (degree.get(a)?.size ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The anchor's neighbours that always keep their names: its best-connected ones. */
export function namedNeighbours(anchor: string, neighbours: ReadonlyMap<string, Set<string>>, count = ALWAYS_NAMED_NEIGHBOURS): string[] {
  return [...(neighbours.get(anchor) ?? [])].sort(byDegree(neighbours)).slice(0, count);
}

/** Node ids in label rank order: pinned, the anchor and its named neighbours, then by degree. */
export function rankNodes(input: RankInput): string[] {
  const neighbours = neighbourSets(input.nodes, input.edges);
  const order = [...input.nodes].sort(byDegree(neighbours));
  const first: string[] = [];
  const seen = new Set<string>();
  const put = (id: string) => {
    if (seen.has(id) || !neighbours.has(id)) return;
    seen.add(id);
    first.push(id);
  };
  for (const id of order) if (input.pinned?.has(id)) put(id);
  if (input.anchor && neighbours.has(input.anchor)) {
    put(input.anchor);
    for (const id of namedNeighbours(input.anchor, neighbours)) put(id);
  }
  return [...first, ...order.filter((id) => !seen.has(id))];
}

/**
 * Moves that take the boxes of `ranked` (best first) apart, so each can keep its name. Boxes
 * are placed in rank order (the `fixed` ones first, where they are); one that meets a box
 * already placed goes to the nearest spot beside one of them where it meets none, so one pass
 * ends with no two boxes meeting. Returns the offset for each box that moved.
 */
export function spreadApart(
  ranked: readonly RankedBox[],
  options: { gap?: number; fixed?: ReadonlySet<string> } = {},
): Map<string, { dx: number; dy: number }> {
  const gap = options.gap ?? 6;
  const fixed = options.fixed ?? new Set<string>();
  const placed: Box[] = ranked.filter((b) => fixed.has(b.id));
  const moved = new Map<string, { dx: number; dy: number }>();
  const shift = (b: Box, dx: number, dy: number): Box => ({ x1: b.x1 + dx, x2: b.x2 + dx, y1: b.y1 + dy, y2: b.y2 + dy });
  const free = (b: Box) => placed.every((p) => !overlaps(p, b, gap));
  for (const b of ranked) {
    if (fixed.has(b.id)) continue;
    if (free(b)) {
      placed.push(b);
      continue;
    }
    const moves = placed.flatMap((a) => [
      { dx: a.x2 + gap - b.x1, dy: 0 },
      { dx: a.x1 - gap - b.x2, dy: 0 },
      { dx: 0, dy: a.y2 + gap - b.y1 },
      { dx: 0, dy: a.y1 - gap - b.y2 },
    ]);
    moves.sort((m, n) => Math.abs(m.dx) + Math.abs(m.dy) - (Math.abs(n.dx) + Math.abs(n.dy)));
    // Right of the right-most box is always free, so one of these fits.
    const m = moves.find((c) => free(shift(b, c.dx, c.dy))) ?? { dx: Math.max(...placed.map((p) => p.x2)) + gap - b.x1 + 1, dy: 0 };
    const dx = Math.ceil(Math.abs(m.dx)) * Math.sign(m.dx);
    const dy = Math.ceil(Math.abs(m.dy)) * Math.sign(m.dy);
    placed.push(shift(b, dx, dy));
    moved.set(b.id, { dx: dx || 0, dy: dy || 0 });
  }
  return moved;
}

/** A small seeded generator (mulberry32), so a layout that draws random numbers draws the same ones each time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from what a view holds (FNV-1a over the sorted ids): the same view, the same seed. */
export function seedOf(ids: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i++) {
      h ^= id.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Run `work` with Math.random drawing from `random` (the layout libraries take no seed). */
export function withRandom<T>(random: () => number, work: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
