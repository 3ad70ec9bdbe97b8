// What an inferred fact rests on, in words: an answer's sentence names the fact or the entry it
// was inferred from ("Socialstyrelsen cooperates with the Baltic states") instead of its id.
// Most grounds are already in the answer; the rest are read in one query, and only when a shown
// fact is inferred from something, so answers without such facts cost no extra round trip.
import type { Reader, Row } from '../db/database.ts';
import { type EdgeData, edgeData, type NodeData, nodeData } from './elements.ts';

export type Ground = { kind: 'node'; node: NodeData } | { kind: 'fact'; subject: NodeData; type: string; object: NodeData };
export type Grounds = ReadonlyMap<string, Ground>;

/** An inferred fact as far as its grounds go: what it rests on and its two ends. */
export interface Inferring {
  inferredFrom: string[];
  source: string;
  target: string;
}

export async function readGrounds(db: Reader, facts: Inferring[], answer: { nodes: NodeData[]; edges: EdgeData[] }): Promise<Grounds> {
  const grounds = new Map<string, Ground>();
  const nodes = new Map(answer.nodes.map((n) => [n.id, n]));
  const edges = new Map(answer.edges.filter((e) => typeof e.factId === 'string').map((e) => [e.factId as string, e]));
  const wanted = new Map<string, Set<string>>();
  for (const f of facts) {
    for (const id of f.inferredFrom) {
      const node = nodes.get(id);
      const edge = edges.get(id);
      const subject = edge && nodes.get(edge.source);
      const object = edge && nodes.get(edge.target);
      if (node) grounds.set(id, { kind: 'node', node });
      else if (edge && subject && object) grounds.set(id, { kind: 'fact', subject, type: edge.type, object });
      else wanted.set(id, new Set([...(wanted.get(id) ?? []), f.source, f.target]));
    }
  }
  if (!wanted.size) return grounds;
  const rows = await db.read('common/inference-grounds', {
    refs: [...wanted].map(([id, near]) => ({ id, near: [...near] })),
  });
  for (const row of rows) {
    const id = String(row.id);
    if (row.node) grounds.set(id, { kind: 'node', node: nodeData(row.node as Row) });
    else if (row.relationship && row.subject && row.object)
      grounds.set(id, {
        kind: 'fact',
        subject: nodeData(row.subject as Row),
        type: edgeData(row.relationship as Row).type,
        object: nodeData(row.object as Row),
      });
  }
  return grounds;
}
