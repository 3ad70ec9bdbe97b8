// A node's neighbourhood, grown one level at a time so that the cap holds at every depth
// and a hub's thousands of ties never leave the database.
import type { Reader, Row } from '../db/database.ts';
import { ElementSet, type GraphElements } from './elements.ts';
import { unknownNode } from '../error-words.ts';

export interface NeighborhoodQuery {
  id: string;
  depth: number;
  labels?: string[] | undefined;
  types?: string[] | undefined;
  direction: 'in' | 'out' | 'both';
  asOfStart: string | null;
  asOfEnd: string | null;
  limit: number;
  /** Only facts the sources state (no hedged or inferred ones). */
  statedOnly?: boolean;
}

export interface NeighborhoodResult extends GraphElements {
  truncated: boolean;
  /** Relationships that passed the filters but were left out by the cap. */
  omitted: { relationships: number };
}

export async function neighborhood(db: Reader, q: NeighborhoodQuery): Promise<NeighborhoodResult> {
  const [root] = await db.read('nodes/get-node', { id: q.id });
  if (!root) throw unknownNode('params.id', q.id);

  const set = new ElementSet();
  set.addNode(root.node as Row);
  let frontier = [q.id];
  let omitted = 0;
  for (let level = 1; level <= q.depth && frontier.length > 0; level++) {
    const room = q.limit - set.edgeCount;
    if (room <= 0) break;
    const [row] = await db.read('nodes/expand-level', {
      frontier,
      seenIncident: seenIncident(set, frontier, q.direction),
      types: q.types ?? null,
      labels: q.labels ?? null,
      direction: q.direction,
      asOfStart: q.asOfStart,
      asOfEnd: q.asOfEnd,
      seenKeys: set.edgeIds(),
      stated: q.statedOnly ?? false,
      limit: room,
    });
    if (!row) break;
    const rels = row.relationships as Row[];
    const nodes = row.nodes as Row[];
    omitted += Math.max(0, (row.total as number) - rels.length);
    const next: string[] = [];
    for (const n of nodes) {
      const id = n.id as string;
      if (!set.hasNode(id)) next.push(id);
      set.addNode(n);
    }
    for (const r of rels) set.addEdge(r);
    frontier = next;
  }
  // Ties among the nodes shown, not only along the tree the expansion walked.
  const room = q.limit - set.edgeCount;
  if (room > 0 && set.nodeCount > 1) {
    const among = await db.read('nodes/relationships-among', {
      ids: set.nodeIds(),
      types: q.types ?? null,
      asOfStart: q.asOfStart,
      asOfEnd: q.asOfEnd,
      stated: q.statedOnly ?? false,
      limit: room + set.edgeCount,
    });
    for (const r of among) if (set.edgeCount < q.limit) set.addEdge(r.relationship as Row);
  }
  return { ...set.toElements(), truncated: omitted > 0, omitted: { relationships: omitted } };
}

/**
 * How many ties already in the set touch the frontier (from its side for 'out', to it for
 * 'in'): expand-level subtracts them from the frontier's degrees to count what is left out.
 */
function seenIncident(set: ElementSet, frontier: string[], direction: NeighborhoodQuery['direction']): number {
  const front = new Set(frontier);
  let n = 0;
  for (const e of set.connectedEdges()) {
    if (direction !== 'in' && front.has(e.source)) n++;
    if (direction !== 'out' && front.has(e.target)) n++;
  }
  return n;
}
