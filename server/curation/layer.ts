// The recorded-states layer (docs/curation.md, "History design v2" §3): every state a node or
// tie has had, valid for the versions [recFrom, recTo), kept beside the live graph and disjoint
// from it. A node has one identity (:Rec {id, label}) and a (:RecState) per state; a tie's
// states are relationships between the identities of its ends, so a node's edit writes one
// state and no tie. The change-set funnel keeps it in the same transaction as the writes
// (recordStates), so a read as recorded at a version is a plain read transaction of what was
// valid then (PastReader): no lock, and a cost that grows with the answer, not with the changes
// since.
import type { Database, NamedTransaction, Params, Reader, Row } from '../db/database.ts';
import { QUERY_NAMES, type QueryName } from '../db/cypher-registry.ts';
import type { ElementState, TieState } from './state.ts';

/** One element a change set wrote: what its Op records (sources are not part of the layer). */
export interface WrittenElement {
  kind: string;
  id: string;
  before: ElementState | Record<string, unknown> | null;
  after: ElementState | Record<string, unknown> | null;
}

/** How many elements the layer is built with per transaction (a large graph does not fit one). */
const BUILD_BATCH = 5_000;

/**
 * The layer's format, kept on (:GraphVersion) as layerFormat. 2: identities and states, ties
 * between identities. A layer without it (the first format, which copied a node's ties with each
 * of its states) is dropped and built again from the live graph (ensureLayer, or the next change set).
 */
export const LAYER_FORMAT = 2;

/** Identities (with their tie copies) or states dropped per transaction when an old layer goes. */
const DROP_BATCH = 1_000;

interface LayerState {
  version: number;
  at: string | null;
  /** The first version the layer answers; null: it was never built (a store made before it). */
  layerFrom: number | null;
  /** The last version the layer was kept to; behind `version` when a write went around the funnel. */
  layerAt: number | null;
  /** The layer's format (LAYER_FORMAT); null in a layer of the first format or none. */
  layerFormat: number | null;
}

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function layerState(tx: Pick<NamedTransaction, 'run'>): Promise<LayerState> {
  const [row] = await tx.run('curation/layer-state');
  return {
    version: Number(row?.version ?? 0),
    at: typeof row?.at === 'string' ? row.at : null,
    layerFrom: numberOrNull(row?.layerFrom),
    layerAt: numberOrNull(row?.layerAt),
    layerFormat: numberOrNull(row?.layerFormat),
  };
}

/** Whether the layer answers version `v`: built in this format, and kept from layerFrom to layerAt. */
export function layerAnswers(state: LayerState, v: number): boolean {
  return (
    state.layerFormat === LAYER_FORMAT && state.layerFrom !== null && state.layerAt !== null && v >= state.layerFrom && v <= state.layerAt
  );
}

/**
 * The funnel's part: the open states of the nodes and the open copies of the ties the change set
 * wrote end at `version` (and those of a retired node's ties), and what it left live gets new
 * open ones read from the live graph: a node a new state (no tie copy: ties join identities), a
 * tie a new copy, and a node brought (back) into the graph copies of its live ties. Called after the writes, in their transaction; a change set written in
 * batches (seed, import, restore) calls it once per batch with the same version (`laterBatch`
 * after the first). When the layer is not where this change set starts (never built, or a write
 * went around the funnel: a counter set back by hand), it is built again from the live graph
 * instead, answering from this version on.
 */
export async function recordStates(
  tx: NamedTransaction,
  version: number,
  written: readonly WrittenElement[],
  options: { laterBatch?: boolean } = {},
): Promise<void> {
  const state = await layerState(tx);
  // A change set's first call finds the layer at the version before it; its later batches at its own.
  const from = options.laterBatch ? version : version - 1;
  if (state.layerFormat !== LAYER_FORMAT || state.layerFrom === null || state.layerAt !== from) {
    await buildLayerIn(tx, version);
    return;
  }
  const nodes = new Set<string>();
  const added = new Set<string>();
  const closeTies = new Map<string, Row>();
  const openTies = new Map<string, Row>();
  const tieRow = (s: TieState) => ({ id: s.id, type: s.type, from: s.from, to: s.to });
  for (const e of written) {
    if (e.kind === 'node') nodes.add(e.id);
    if (e.kind === 'node' && !e.before && e.after) added.add(e.id);
    if (e.kind !== 'tie') continue;
    if (e.before) closeTies.set(e.id, tieRow(e.before as TieState));
    if (e.after) openTies.set(e.id, tieRow(e.after as TieState));
  }
  if (!nodes.size && !closeTies.size && !openTies.size) {
    await tx.run('curation/save-layer-span', { from: state.layerFrom, at: version, format: LAYER_FORMAT });
    return;
  }
  await tx.run('curation/save-rec-closed', { version, nodes: [...nodes], ties: [...closeTies.values()] });
  await tx.run('curation/create-rec-states', { version, nodes: [...nodes], added: [...added], ties: [...openTies.values()] });
}

/**
 * Builds the layer from the live graph inside one transaction: every element open from
 * `version`. Nodes in id order a batch at a time, then the ties leaving each batch of nodes,
 * so no single query holds the whole graph.
 */
async function buildLayerIn(tx: NamedTransaction, version: number): Promise<void> {
  while (Number((await tx.run('curation/delete-rec-batch', { batch: BUILD_BATCH }))[0]?.deleted ?? 0) > 0);
  const starts: string[] = [];
  for (let after = ''; ;) {
    const [row] = await tx.run('curation/create-rec-nodes', { after, batch: BUILD_BATCH, version });
    if (!Number(row?.nodes ?? 0)) break;
    starts.push(after);
    after = String(row!.last);
  }
  for (const after of starts) await tx.run('curation/create-rec-ties', { after, batch: BUILD_BATCH, version });
  await tx.run('curation/save-layer-span', { from: version, at: version, format: LAYER_FORMAT });
}

/**
 * Builds the layer once for a store made before it existed, or kept in an older format (or whose
 * layer a write around the funnel left behind): answered from the current version on; earlier
 * versions stay with the replay. A layer of an older format is first dropped a batch per
 * transaction (its copies can outgrow one transaction's memory), answering nothing meanwhile.
 * The build holds the version lock, so no change set lands half-seen. Returns whether it built
 * anything.
 */
export async function ensureLayer(db: Database): Promise<boolean> {
  const before = await layerState({ run: (name, params) => db.read(name, params) });
  if (before.layerFormat !== LAYER_FORMAT) {
    await db.write('curation/save-layer-span', { from: null, at: null, format: null });
    while (Number((await db.write('curation/delete-rec-batch', { batch: DROP_BATCH }))[0]?.deleted ?? 0) > 0);
  }
  return db.writeTransaction(
    async (tx) => {
      const version = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0);
      const state = await layerState(tx);
      if (state.layerFormat === LAYER_FORMAT && state.layerFrom !== null && state.layerAt === version) return false;
      await buildLayerIn(tx, version);
      return true;
    },
    { timeoutMs: 600_000 },
  );
}

// ---- reading the layer

/** A read whose named query has no past variant: the caller answers it by replay instead. */
export class NoPastVariant extends Error {
  constructor(readonly query: string) {
    super(`${query} has no .past variant`);
  }
}

const PAST = new Set<string>(QUERY_NAMES.filter((n) => n.endsWith('.past')));

/** The copies' own fields, taken off so an answer reads exactly as the live query's would. */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (!value || typeof value !== 'object') return value;
  const map = value as Row;
  const isCopy = 'recFrom' in map && 'recTo' in map;
  const out: Row = {};
  for (const [k, v] of Object.entries(map)) {
    if (isCopy && (k === 'recFrom' || k === 'recTo')) continue;
    if (isCopy && k === 'factId') {
      out.id = v;
      continue;
    }
    out[k] = plain(v);
  }
  return out;
}

/**
 * A Reader over the layer as recorded at version `v`: `read('nodes/get-node', p)` runs
 * `nodes/get-node.past` with `{...p, v}`, so the routes' read functions stay as they are.
 * `reader` is the read transaction the whole answer is read in.
 */
export function pastReader(reader: Reader, v: number): Reader {
  return {
    async read(name: QueryName, params: Params = {}, options = {}) {
      const past = `${name}.past`;
      if (!PAST.has(past)) throw new NoPastVariant(name);
      const rows = await reader.read(past as QueryName, { ...params, v }, options);
      return rows.map((r) => plain(r) as Row);
    },
  };
}
