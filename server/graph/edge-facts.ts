// Ties as the facts an answer's sentences speak of: each tie with its ends, certainty, hedge,
// dates and sources, and what an inferred one rests on in words (read in one query, only when
// a tie to be said is inferred from something).
import type { Reader } from '../db/database.ts';
import type { EdgeData, NodeData } from './elements.ts';
import { readGrounds, type Grounds } from './grounds.ts';
import { asTimeStatus, trustOf, type TimeStatus, type Trust } from './trust.ts';
import type { Fact } from './summary.ts';

/**
 * A tie as a fact, from the trust fields a hop of a chain and an edge of an answer both carry:
 * one builder, so a fact said from a chain and the same fact said from a neighbourhood read alike.
 */
export function tieFact(
  rel: EdgeData,
  trust: Trust & { timeStatus?: TimeStatus | undefined },
  nodes: ReadonlyMap<string, NodeData>,
  grounds?: Grounds,
): Fact {
  return {
    subject: nodes.get(rel.source) ?? { id: rel.source, label: '', name: '' },
    type: rel.type,
    object: nodes.get(rel.target) ?? { id: rel.target, label: '', name: '' },
    record: rel,
    certainty: trust.certainty,
    hedge: trust.hedge,
    inferredFrom: trust.inferredFrom,
    ...(grounds ? { grounds } : {}),
    outsideKnowledge: trust.outsideKnowledge,
    validFrom: trust.validFrom,
    validTo: trust.validTo,
    attested: trust.attested,
    ...(trust.timeStatus ? { timeStatus: trust.timeStatus } : {}),
    sources: trust.sources,
  };
}

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
  return edges.map((e) => tieFact(e, { ...trustOf(e), timeStatus: asTimeStatus(e.timeStatus) }, nodes, grounds));
}
