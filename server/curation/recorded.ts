// "As recorded at": an answer read from the current graph, taken back to an earlier version by
// undoing the later change sets on it in memory, newest first. Reads of the current graph
// stay as they are (no query filters on history); only a request with recordedAt pays.
import type { Database, Row } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { edgeData, nodeData, type GraphElements } from '../graph/elements.ts';
import { opOf } from './log.ts';
import { nodeStates } from './apply.ts';
import type { NodeState, TieState } from './state.ts';

/** A version number, or an ISO moment meaning the last version applied at or before it. */
export async function versionOf(db: Database, recordedAt: string): Promise<number> {
  if (/^\d+$/.test(recordedAt)) return Number(recordedAt);
  const at = new Date(recordedAt).toISOString();
  const [row] = await db.read('curation/version-at', { at });
  return Number(row?.version ?? 0);
}

const nodeElement = (s: NodeState) => ({ data: nodeData(storedNode(s)) });
const edgeElement = (s: TieState) => ({ data: edgeData(storedTie(s)) });

/**
 * Undoes the change sets after `version` on a graph answer around `focus`. A tie that comes
 * back is shown when one of its ends is in the answer, with its other end; the answer's
 * filters (types, dates, certainty, depth) are not applied again to what comes back.
 */
export interface Rewind {
  version: number;
  /** How many operations after `version` were undone. */
  undone: number;
  /** Each element touched since, with its state at `version` (null: not in the graph then). */
  nodeAt: Map<string, NodeState | null>;
  tieAt: Map<string, TieState | null>;
}

export async function rewindTo(db: Database, version: number): Promise<Rewind> {
  const ops = (await db.read('curation/ops-after', { version })).map((r) => opOf(r.op as Row));
  const nodeAt = new Map<string, NodeState | null>();
  const tieAt = new Map<string, TieState | null>();
  // Newest first, so each element ends with its state before the first change after `version`.
  for (const op of ops) {
    if (op.elementKind === 'node') nodeAt.set(op.elementId, op.before as NodeState | null);
    if (op.elementKind === 'tie') tieAt.set(op.elementId, op.before as TieState | null);
  }
  return { version, undone: ops.length, nodeAt, tieAt };
}

export const storedNode = (s: NodeState): Row => ({ ...s.properties, label: s.label, id: s.id });
export const storedTie = (s: TieState): Row => ({ ...s.properties, type: s.type, source: s.from, target: s.to });

export async function undoAfter<T extends GraphElements>(
  db: Database,
  answer: T | null,
  focus: string,
  version: number,
): Promise<T & { recordedAt: { version: number; undone: number } }> {
  const { nodeAt, tieAt, undone } = await rewindTo(db, version);
  if (nodeAt.has(focus) && nodeAt.get(focus) === null)
    throw new NotFoundError(`"${focus}" was not in the graph at version ${version}.`, [
      { path: 'query.recordedAt', message: 'the node did not exist then' },
    ]);
  const base = answer ?? ({ nodes: [], edges: [], truncated: false, omitted: { relationships: 0 } } as unknown as T);
  const nodes = new Map(base.nodes.map((n) => [n.data.id, n]));
  if (!answer) {
    const then = nodeAt.get(focus);
    if (!then) throw new NotFoundError(`No node with id "${focus}".`, [{ path: 'params.id', message: 'unknown id' }]);
    nodes.set(focus, nodeElement(then));
  }
  const edges = new Map(base.edges.map((e) => [String(e.data.factId ?? e.data.id), e]));
  for (const [id, state] of nodeAt) {
    if (!nodes.has(id)) continue;
    if (state) nodes.set(id, nodeElement(state));
    else nodes.delete(id);
  }
  const needed = new Set<string>();
  for (const [id, state] of tieAt) {
    if (!state) edges.delete(id);
    else if (nodes.has(state.from) || nodes.has(state.to)) {
      edges.set(id, edgeElement(state));
      for (const end of [state.from, state.to]) if (!nodes.has(end)) needed.add(end);
    }
  }
  const fetch = [...needed].filter((id) => !nodeAt.get(id));
  const stored = await nodeStates({ run: (name, params) => db.read(name, params) }, fetch);
  for (const id of needed) {
    const state = nodeAt.get(id) ?? stored.get(id)?.state;
    if (state) nodes.set(id, nodeElement(state));
  }
  const keptEdges = [...edges.values()].filter((e) => nodes.has(String(e.data.source)) && nodes.has(String(e.data.target)));
  return { ...base, nodes: [...nodes.values()], edges: keptEdges, recordedAt: { version, undone } };
}
