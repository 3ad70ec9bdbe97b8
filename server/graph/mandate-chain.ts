// The chain of authority above a node (who mandated, appointed or set it up, and whom it
// answers to, up to the root) or below it, walked level by level as ordered hops.
import type { Database, Row } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { edgeData, type EdgeData, ElementSet, type GraphElements, type NodeData, nodeData } from './elements.ts';

export interface MandateHop {
  /** 1 for the node's direct superiors (or subordinates), 2 for theirs … */
  level: number;
  /** The node on the side nearer the start of the chain. */
  from: string;
  /** The node one level further up (or down). */
  to: string;
  relationship: EdgeData;
  node: NodeData;
}

export interface MandateChainQuery {
  id: string;
  direction: 'up' | 'down';
  asOfStart: string | null;
  asOfEnd: string | null;
  maxLevels: number;
  limit: number;
}

export interface MandateChainResult {
  root: NodeData;
  direction: 'up' | 'down';
  hops: MandateHop[];
  elements: GraphElements;
  truncated: boolean;
}

export async function mandateChain(db: Database, q: MandateChainQuery): Promise<MandateChainResult> {
  const [rootRow] = await db.read('nodes/get-node', { id: q.id });
  if (!rootRow) throw new NotFoundError(`No node with id "${q.id}".`, [{ path: 'params.id', message: 'unknown id' }]);
  const root = nodeData(rootRow.node as Row);
  const set = new ElementSet();
  set.addNode(rootRow.node as Row);
  const hops: MandateHop[] = [];
  const seen = [q.id];
  let frontier = [q.id];
  let truncated = false;
  for (let level = 1; level <= q.maxLevels && frontier.length > 0; level++) {
    const room = q.limit - hops.length;
    if (room <= 0) {
      truncated = true;
      break;
    }
    const rows = await db.read('mandates/authority-step', {
      frontier,
      direction: q.direction,
      seen,
      asOfStart: q.asOfStart,
      asOfEnd: q.asOfEnd,
      limit: room + 1,
    });
    if (rows.length > room) {
      truncated = true;
      rows.length = room;
    }
    const next = new Set<string>();
    for (const row of rows) {
      const node = nodeData(row.node as Row);
      const rel = edgeData(row.relationship as Row);
      hops.push({ level, from: row.from as string, to: node.id, relationship: rel, node });
      set.addNode(row.node as Row);
      set.addEdge(row.relationship as Row);
      if (!seen.includes(node.id)) next.add(node.id);
    }
    seen.push(...next);
    frontier = [...next];
  }
  return { root, direction: q.direction, hops, elements: set.toElements(), truncated };
}
