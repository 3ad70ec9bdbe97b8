// Routes between two nodes, not only the shortest: named processes first (a chain of
// "forwards requests to" hops), then a varied pick from the k shortest paths, grouped by the
// kinds of ties they use. Variety: a path that repeats another's kinds of ties and most of its
// stops waits behind every path of a different kind.
import type { EdgeData, NodeData } from './elements.ts';
import type { Certainty } from './trust.ts';

export interface Route {
  nodes: NodeData[];
  relationships: EdgeData[];
  /** The relationship types the route uses, sorted: its group. */
  kinds: string[];
  length: number;
  /** The weakest certainty along the route: one inferred hop makes the route inferred. */
  certainty: Certainty | null;
  /** Set when the route is a named process (its `chain` and what travels along it). */
  named: { chain: string; subject: string | null; reversed: boolean } | null;
}

export interface RouteGroup {
  kinds: string[];
  /** Indexes into the answer's routes. */
  paths: number[];
}

export function weakestCertainty(rels: EdgeData[]): Certainty | null {
  const cs = rels.map((r) => r.certainty);
  if (cs.includes('inferred')) return 'inferred';
  if (cs.includes('hedged')) return 'hedged';
  if (cs.length && cs.every((c) => c === 'stated')) return 'stated';
  return null;
}

export function toRoute(nodes: NodeData[], relationships: EdgeData[], named: Route['named'] = null): Route {
  return {
    nodes,
    relationships,
    kinds: [...new Set(relationships.map((r) => r.type))].sort(),
    length: relationships.length,
    certainty: weakestCertainty(relationships),
    named,
  };
}

const stopsOf = (r: Route) => r.nodes.slice(1, -1).map((n) => n.id);
/** Two routes through the same stops with the same kinds of ties read as one answer (a named
 * process found again by the search among them). */
const shapeOf = (r: Route) => `${r.kinds.join(',')}|${stopsOf(r).join('>')}`;
/** A route that comes back to a node it passed (SHORTEST walks trails, not simple paths). */
const revisits = (r: Route) => new Set(r.nodes.map((n) => n.id)).size < r.nodes.length;

/**
 * Named routes first (shortest first), then the candidates (already shortest first) taken in
 * rounds: each round gives every kind-group its next path, the one sharing fewest stops with
 * the paths already taken from that group. At most `limit` routes; groups list them by kind.
 */
export function pickRoutes(named: Route[], candidates: Route[], limit: number): { routes: Route[]; groups: RouteGroup[] } {
  const routes: Route[] = [];
  const shapes = new Set<string>();
  const take = (r: Route) => {
    const shape = shapeOf(r);
    if (shapes.has(shape) || routes.length >= limit) return;
    shapes.add(shape);
    routes.push(r);
  };
  for (const r of [...named].sort((a, b) => a.length - b.length)) take(r);

  const groups = new Map<string, Route[]>();
  for (const c of candidates.filter((r) => !revisits(r))) {
    const key = c.kinds.join(',');
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const queues = [...groups.values()];
  const takenStops = queues.map(() => new Set<string>());
  while (routes.length < limit && queues.some((q) => q.length)) {
    queues.forEach((queue, gi) => {
      if (!queue.length || routes.length >= limit) return;
      const seen = takenStops[gi]!;
      let best = 0;
      let bestScore = Infinity;
      queue.forEach((r, i) => {
        const shared = stopsOf(r).filter((s) => seen.has(s)).length;
        const score = shared * 100 + r.length;
        if (score < bestScore) [best, bestScore] = [i, score];
      });
      const [r] = queue.splice(best, 1);
      for (const s of stopsOf(r!)) seen.add(s);
      take(r!);
    });
  }

  const byKind = new Map<string, RouteGroup>();
  routes.forEach((r, i) => {
    const key = r.named ? `named:${r.named.chain}` : r.kinds.join(',');
    const g = byKind.get(key) ?? { kinds: r.kinds, paths: [] };
    g.paths.push(i);
    byKind.set(key, g);
  });
  return { routes, groups: [...byKind.values()] };
}
