// Ties as the facts an answer's sentences speak of: each tie with its ends, certainty, hedge,
// dates and sources, and what an inferred one rests on in words (read in one query, only when
// a tie to be said is inferred from something).
import type { Reader } from '../db/database.ts';
import type { EdgeData, NodeData } from './elements.ts';
import { readGrounds } from './grounds.ts';
import { asTimeStatus, trustOf } from './trust.ts';
import type { Fact } from './summary.ts';

/** The facts of `edges`, their ends looked up in `nodes`; `context` holds what their grounds may name. */
export async function edgeFacts(
  db: Reader,
  edges: EdgeData[],
  nodes: ReadonlyMap<string, NodeData>,
  context: { nodes: NodeData[]; edges: EdgeData[] },
): Promise<Fact[]> {
  const inferring = edges
    .map((e) => ({ ...trustOf(e), source: e.source, target: e.target }))
    .filter((t) => t.certainty === 'inferred' && t.inferredFrom.length);
  const grounds = inferring.length ? await readGrounds(db, inferring, context) : undefined;
  return edges.map((e) => {
    const t = trustOf(e);
    const timeStatus = asTimeStatus(e.timeStatus);
    return {
      subject: nodes.get(e.source) ?? { id: e.source, label: '', name: '' },
      type: e.type,
      object: nodes.get(e.target) ?? { id: e.target, label: '', name: '' },
      record: e,
      certainty: t.certainty,
      hedge: t.hedge,
      inferredFrom: t.inferredFrom,
      ...(grounds ? { grounds } : {}),
      outsideKnowledge: t.outsideKnowledge,
      validFrom: t.validFrom,
      validTo: t.validTo,
      attested: t.attested,
      ...(timeStatus ? { timeStatus } : {}),
      sources: t.sources,
    };
  });
}
