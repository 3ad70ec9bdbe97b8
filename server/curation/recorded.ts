// "As recorded at": any read answered from the graph as it was at an earlier version. From the
// recorded-states layer (server/curation/layer.ts) when it holds that version: a read
// transaction of the copies valid then, no lock. Otherwise by replay, the oracle: inside a
// write transaction that is always rolled back, the version counter is locked, every element
// changed since is written back to its state then (by the same transition writer change sets
// use) and then the very same read runs; nothing of it is ever committed. Reads of the current
// graph do not come here and pay nothing for history.
import type { Database, NamedTransaction, Reader, Row } from '../db/database.ts';
import { touchedBefore, writeTransitions, type Transition } from './apply.ts';
import { layerAnswers, layerState, NoPastVariant, pastReader } from './layer.ts';
import { opOf } from './log.ts';
import type { NodeState, TieState } from './state.ts';
import { notRecordedYet } from '../refusal-words.ts';

/** What an answer as recorded at a version says about itself. */
export interface RecordedAtInfo {
  version: number;
  /** When that version was made; null for version 0 (before any change set). */
  at: string | null;
  /** How many operations made after that version were undone to answer (0 from the layer). */
  undone: number;
  /** layer: read from the recorded states; replay: later change sets undone (the oracle). */
  method: 'layer' | 'replay';
}

/**
 * An as-recorded read locks the version counter, so change sets wait for it; it may write back
 * many elements before the read itself runs, so it gets more time than a plain read.
 */
export const RECORDED_READ_TIMEOUT_MS = 30_000;

/**
 * The version a `recordedAt` names: a number as given, an ISO moment as the last version made
 * at or before it. A version after the current one, or a moment still to come, is refused:
 * the graph has no record of it.
 */
async function versionOf(tx: NamedTransaction, recordedAt: string, current: number, path: string): Promise<number> {
  if (/^\d+$/.test(recordedAt)) {
    const version = Number(recordedAt);
    if (version > current) throw notRecordedYet([{ path, message: `at most ${current}, the current version` }], current);
    return version;
  }
  const at = new Date(recordedAt);
  if (at.getTime() > Date.now()) throw notRecordedYet([{ path, message: 'a moment in the past' }]);
  const [row] = await tx.run('curation/version-at', { at: at.toISOString() });
  return Number(row?.version ?? 0);
}

/**
 * Writes every element changed after `version` back to its state then: its `before` in the
 * first operation after that version. Nodes added since leave :Entity, ties added since are
 * removed, retired ones come back live, changed ones get their old properties and their old
 * `rev`. Returns how many operations were undone. Only for a transaction that is rolled back.
 */
export async function rewindGraph(tx: NamedTransaction, version: number): Promise<number> {
  const ops = (await tx.run('curation/ops-after', { version })).map((r) => opOf(r.op as Row));
  // Source documents registered since stay: no graph read meets them (docs/curation.md says so).
  const { elements, stored } = await touchedBefore(tx, ops);
  const transitions: Transition[] = [];
  for (const e of elements) {
    const now = stored(e);
    const current = now && !now.retired ? now.state : null;
    if (!current && !e.before) continue;
    transitions.push({
      kind: e.kind,
      id: e.id,
      action: 'rewind',
      before: current,
      after: e.before,
      reason: `as recorded at version ${version}`,
    });
  }
  await writeTransitions(tx, transitions, version);

  // The writer gives every element the one version it is told; each gets back its own rev.
  const live = transitions.filter((t) => t.after);
  if (live.length) {
    const revs = new Map(
      (await tx.run('curation/revs-at', { version, elements: live.map((t) => ({ id: t.id, kind: t.kind })) })).map((r) => [
        `${String(r.kind)}:${String(r.id)}`,
        Number(r.rev),
      ]),
    );
    const rev = (t: Transition) => revs.get(`${t.kind}:${t.id}`) ?? 0;
    await tx.run('curation/save-revs', {
      nodes: live.filter((t) => t.kind === 'node').map((t) => ({ id: t.id, rev: rev(t) })),
      ties: live
        .filter((t) => t.kind === 'tie')
        .map((t) => {
          const s = t.after as TieState;
          return { id: s.id, type: s.type, from: s.from, to: s.to, rev: rev(t) };
        }),
    });
  }
  return ops.length;
}

/** What a read of the past steps aside for between its queries (server/api/editors-first.ts). */
export interface StepAside {
  /** While an editor writes, a promise of the write's end (or of its hold's); otherwise null. */
  released(): Promise<void> | null;
}
const stepAsideFor = new WeakMap<Database, Set<StepAside>>();

/**
 * Reads of the past through `db` wait between their queries while `gate` holds (while an editor
 * writes), so that a write shares Neo4j with at most the one query each of them was running when
 * it began, not with the rest of their reads. Two servers in one process on one connection each
 * add their own gate, and a read of the past waits for both.
 */
export function pastReadsStepAsideFor(db: Database, gate: StepAside): void {
  stepAsideFor.set(db, (stepAsideFor.get(db) ?? new Set()).add(gate));
}

function steppingAside(tx: NamedTransaction & Reader, gates: Set<StepAside> | undefined): NamedTransaction & Reader {
  if (!gates) return tx;
  const turn = async () => {
    for (const gate of gates) {
      const wait = gate.released();
      if (wait) await wait;
    }
  };
  return {
    run: (name, params) => turn().then(() => tx.run(name, params)),
    read: (name, params, options) => turn().then(() => tx.read(name, params, options)),
  };
}

/** The layer does not hold that version: answered by replay. */
class UseReplay extends Error {}

/**
 * 'replay' answers every read by replay, the oracle, as before the layer: what the tests
 * compare the layer with, and a way back should the layer ever be in doubt.
 */
let pastReads: 'layer' | 'replay' = 'layer';
export function setPastReads(method: 'layer' | 'replay'): void {
  pastReads = method;
}

/**
 * Answers `read` from the current graph when `recordedAt` is absent (no extra query: its reads
 * in one read transaction), and otherwise from the graph as recorded then, adding `recordedAt`
 * to the answer. `path` names the parameter for a 400 (query.recordedAt, body.recordedAt).
 *
 * A version the recorded-states layer holds is read there, in one read transaction that takes
 * no lock (docs/curation.md §3), each of its queries sent only while no editor writes (see
 * pastReadsStepAsideFor); a version before the layer was built, or a read with a query that has
 * no past variant, is answered by replay (the oracle the layer is tested against).
 */
export async function asRecorded<T extends object>(
  db: Database,
  recordedAt: string | undefined,
  path: string,
  read: (reader: Reader) => Promise<T>,
): Promise<T & { recordedAt?: RecordedAtInfo }> {
  // The graph now: every read of the request in one read transaction, so a cold request pays one
  // BEGIN and COMMIT (and, folded in, one version read) rather than one per query.
  if (recordedAt === undefined) return db.readTransaction((tx) => read(tx));
  if (pastReads === 'replay') return replayed(db, recordedAt, path, read);
  try {
    const gates = stepAsideFor.get(db);
    return await db.readTransaction(
      async (raw) => {
        const tx = steppingAside(raw, gates);
        const state = await layerState(tx);
        const version = await versionOf(tx, recordedAt, state.version, path);
        if (!layerAnswers(state, version)) throw new UseReplay();
        const [made] = version > 0 ? await tx.run('curation/version-made', { version }) : [];
        const answer = await read(pastReader(tx, version));
        const at = typeof made?.at === 'string' ? made.at : null;
        return { ...answer, recordedAt: { version, at, undone: 0, method: 'layer' as const } };
      },
      { timeoutMs: RECORDED_READ_TIMEOUT_MS },
    );
  } catch (err) {
    if (!(err instanceof UseReplay || err instanceof NoPastVariant)) throw err;
  }
  return replayed(db, recordedAt, path, read);
}

/** The oracle: later change sets undone in a write transaction that is rolled back, behind the version lock. */
export async function replayed<T extends object>(
  db: Database,
  recordedAt: string,
  path: string,
  read: (reader: Reader) => Promise<T>,
): Promise<T & { recordedAt: RecordedAtInfo }> {
  return db.readRolledBack(
    async (tx) => {
      // First the lock: no change set commits between reading the log and reading the graph.
      const current = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0);
      const version = await versionOf(tx, recordedAt, current, path);
      const [made] = version > 0 ? await tx.run('curation/version-made', { version }) : [];
      const undone = version < current ? await rewindGraph(tx, version) : 0;
      const answer = await read(tx);
      return { ...answer, recordedAt: { version, at: typeof made?.at === 'string' ? made.at : null, undone, method: 'replay' as const } };
    },
    { timeoutMs: RECORDED_READ_TIMEOUT_MS },
  );
}

// ---- the whole-graph export, which streams and so cannot hold the version lock meanwhile

/** The version a `recordedAt` names and when it was made, read outside a transaction of its own. */
export async function recordedVersion(db: Database, recordedAt: string, path: string): Promise<Omit<RecordedAtInfo, 'undone' | 'method'>> {
  const reads: NamedTransaction = { run: (name, params) => db.read(name, params) };
  const current = Number((await db.read('curation/graph-version'))[0]?.version ?? 0);
  const version = await versionOf(reads, recordedAt, current, path);
  const [made] = version > 0 ? await db.read('curation/version-made', { version }) : [];
  return { version, at: typeof made?.at === 'string' ? made.at : null };
}

/** Each element changed after a version, with its state then (null: not in the graph) and its rev then. */
export interface Rewind {
  version: number;
  undone: number;
  nodeAt: Map<string, NodeState | null>;
  tieAt: Map<string, TieState | null>;
  revAt: Map<string, number>;
}

export async function changesSince(db: Database, version: number): Promise<Rewind> {
  const ops = (await db.read('curation/ops-after', { version })).map((r) => opOf(r.op as Row));
  const nodeAt = new Map<string, NodeState | null>();
  const tieAt = new Map<string, TieState | null>();
  for (const op of ops) {
    if (op.elementKind === 'node') nodeAt.set(op.elementId, op.before as NodeState | null);
    if (op.elementKind === 'tie') tieAt.set(op.elementId, op.before as TieState | null);
  }
  const elements = [
    ...[...nodeAt].flatMap(([id, s]) => (s ? [{ id, kind: 'node' }] : [])),
    ...[...tieAt].flatMap(([id, s]) => (s ? [{ id, kind: 'tie' }] : [])),
  ];
  const revAt = new Map<string, number>();
  if (elements.length)
    for (const r of await db.read('curation/revs-at', { version, elements })) revAt.set(`${String(r.kind)}:${String(r.id)}`, Number(r.rev));
  return { version, undone: ops.length, nodeAt, tieAt, revAt };
}

export const storedNode = (s: NodeState, rev: number): Row => ({ ...s.properties, label: s.label, id: s.id, rev });
export const storedTie = (s: TieState, rev: number): Row => ({ ...s.properties, type: s.type, source: s.from, target: s.to, rev });

/** Whether the recorded-states layer holds a version (read outside a transaction of its own). */
export async function layerHolds(db: Database, version: number): Promise<boolean> {
  if (pastReads === 'replay') return false;
  const s = await layerState({ run: (name, params) => db.read(name, params) });
  return layerAnswers(s, version);
}
