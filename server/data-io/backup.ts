// Backup and restore of the whole graph through the whole-graph JSON file. A backup streams;
// a restore validates the entire file before it touches the database, then brings the graph to
// the file's state in one transaction recorded as a change set (kind 'restore'), so history,
// diffs and `rev` conflicts see what it changed, and a failed restore writes nothing at all.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Database, NamedTransaction, Row } from '../db/database.ts';
import { ValidationError, type ErrorDetail } from '../errors.ts';
import { exportSource } from '../export/subgraph.ts';
import { writeExport } from '../export/write.ts';
import { AUTOMATION, type Actor } from '../curation/actor.ts';
import { writeTransitions, type Transition } from '../curation/apply.ts';
import { recordStates } from '../curation/layer.ts';
import { rowOf, stateProperties, type NodeState, type TieState } from '../curation/state.ts';
import { readGraphFile } from './graph-file.ts';
import { writeRows, type LoadHistory } from '../../seed/load.ts';
import { currentVersion } from '../curation/log.ts';

export async function backupGraph(db: Database, file: string): Promise<void> {
  const out = createWriteStream(file);
  const source = await exportSource(db, { format: 'json', depth: 1, direction: 'both', limit: 50_000 });
  await writeExport('json', source, out);
  out.end();
  await once(out, 'finish');
}

export interface RestoreProgress {
  phase: 'compare' | 'nodes' | 'relationships' | 'history';
  done: number;
  total: number;
}

export interface RestoreOptions {
  onProgress?: (p: RestoreProgress) => void;
  /** Who restores, for the change set (the command line's `--author`; automation by default). */
  actor?: Actor;
  /** Why, for the change set; "Restored from FILE" by default. */
  reason?: string;
}

export interface RestoreReport {
  /** What the file holds. */
  nodes: number;
  relationships: number;
  /** Elements that differed from the graph before, by what the restore did to them. */
  added: number;
  changed: number;
  retired: number;
  /** The change set that records it; null when the graph already equalled the file. */
  changeSet: string | null;
  ms: number;
}

/**
 * A restore of a 100k-node graph writes every element and its Op in one transaction; it waits
 * for no one else's change set for long, but it may take minutes on a small machine.
 */
export const RESTORE_TIMEOUT_MS = 30 * 60_000;
const CHUNK = 5000;

/** JSON with object keys sorted, so two states compare equal whatever order Neo4j keeps properties in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Brings the graph to the file's state. Elements equal before and after are not written and get
 * no Op (they keep their `rev`); each one that differs is written with the restore's version as
 * `rev` and recorded with its state before and after. Elements the file lacks are retired (kept
 * as records, as an edit's retirement is), so a revert of the restore can bring them back.
 */
export async function restoreGraph(db: Database, file: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const started = performance.now();
  const rows = readGraphFile(file);
  const problems: ErrorDetail[] = [];
  rows.relationships.forEach((r, i) => {
    if (typeof r.properties.id !== 'string' || !r.properties.id)
      problems.push({ path: `relationships.${i}.properties.id`, message: 'expected the fact id every recorded tie has' });
  });
  if (problems.length)
    throw new ValidationError(`${file} has ${problems.length} tie(s) without a fact id; nothing was changed.`, problems.slice(0, 200));

  const fileNodes: NodeState[] = rows.nodes.map((n) => ({ label: n.label, id: n.id, properties: stateProperties(n.properties) }));
  const fileTies: TieState[] = rows.relationships.map((r) => ({
    type: r.type,
    id: String(r.properties.id),
    from: r.from,
    to: r.to,
    properties: stateProperties(r.properties),
  }));
  const reason = options.reason ?? `Restored from ${basename(file)}`;
  const progress = options.onProgress ?? (() => undefined);
  await db.applySchema();
  const [held] = await db.read('curation/count-elements');
  if (!Number(held?.live ?? 0) && !Number(held?.retired ?? 0) && !Number(held?.retiredTies ?? 0))
    return restoreIntoEmpty(db, rows, { reason, actor: options.actor ?? AUTOMATION, progress, started });

  return db.writeTransaction(
    async (tx: NamedTransaction) => {
      const version = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0) + 1;

      // What the graph holds now, read once the counter is locked.
      const nodesBefore = new Map<string, NodeState>();
      for (const row of await tx.run('curation/all-node-states')) {
        const props = row.props as Row;
        nodesBefore.set(String(row.id), { label: String(props.label), id: String(row.id), properties: stateProperties(props) });
      }
      const tiesBefore = new Map<string, TieState>();
      for (const row of await tx.run('curation/all-tie-states')) {
        const props = row.props as Row;
        const id = String(row.id ?? props.key);
        tiesBefore.set(id, { type: String(row.type), id, from: String(row.from), to: String(row.to), properties: stateProperties(props) });
      }
      progress({ phase: 'compare', done: nodesBefore.size + tiesBefore.size, total: fileNodes.length + fileTies.length });

      const transitions: Transition[] = [];
      // A tie whose type or ends differ is a different relationship in Neo4j, and a node whose
      // label differs keeps its old label through a merge: the old one goes first (no Op of its
      // own: the element's one Op says before and after).
      const moved: Transition[] = [];
      const counts = { added: 0, changed: 0, retired: 0 };
      const compare = <S extends NodeState | TieState>(kind: 'node' | 'tie', before: Map<string, S>, after: S[]) => {
        const Kind = kind === 'node' ? 'Node' : 'Tie';
        const inFile = new Set<string>();
        for (const state of after) {
          inFile.add(state.id);
          const old = before.get(state.id);
          if (old && canonical(old) === canonical(state)) continue;
          transitions.push({ kind, id: state.id, action: `${old ? 'update' : 'add'}${Kind}`, before: old ?? null, after: state });
          counts[old ? 'changed' : 'added']++;
          const o = old as TieState | undefined;
          const s = state as TieState;
          if (kind === 'tie' && o && (o.type !== s.type || o.from !== s.from || o.to !== s.to))
            moved.push({ kind, id: s.id, action: 'retireTie', before: o, after: null, reason });
          // A node's label cannot be swapped in place by the merge; it leaves and comes back.
          if (kind === 'node' && old && (old as NodeState).label !== (state as NodeState).label)
            moved.push({ kind, id: state.id, action: 'retireNode', before: old, after: null, reason });
        }
        for (const [id, old] of before)
          if (!inFile.has(id)) {
            transitions.push({ kind, id, action: `retire${Kind}`, before: old, after: null, reason });
            counts.retired++;
          }
      };
      compare('node', nodesBefore, fileNodes);
      compare('tie', tiesBefore, fileTies);
      const report = { nodes: fileNodes.length, relationships: fileTies.length, ...counts };
      if (!transitions.length) return { ...report, changeSet: null, ms: performance.now() - started };

      // Ties leave before their nodes do, and nodes come before their ties.
      const tie = (t: Transition) => t.kind === 'tie';
      const phases: Array<[RestoreProgress['phase'], Transition[]]> = [
        ['relationships', [...transitions.filter((t) => tie(t) && !t.after), ...moved.filter(tie)]],
        ['nodes', moved.filter((t) => !tie(t))],
        ['nodes', transitions.filter((t) => !tie(t) && t.after)],
        ['relationships', transitions.filter((t) => tie(t) && t.after && t.before)],
        ['relationships', transitions.filter((t) => tie(t) && t.after && !t.before)],
        ['nodes', transitions.filter((t) => !tie(t) && !t.after)],
      ];
      const done = { nodes: 0, relationships: 0 };
      const total = { nodes: 0, relationships: 0 };
      for (const [phase, list] of phases) total[phase as keyof typeof total] += list.length;
      for (const [phase, list] of phases)
        for (const chunk of chunks(list)) {
          // Ties the live graph lacks (read above, under the lock) are created, not merged.
          if (phase === 'relationships' && chunk[0]?.after && !chunk[0].before)
            await tx.run('curation/create-ties', { version, rows: chunk.map((t) => rowOf(t.after as TieState)) });
          else await writeTransitions(tx, chunk, version);
          const p = phase as keyof typeof total;
          done[p] += chunk.length;
          progress({ phase, done: done[p], total: total[p] });
        }

      // The restore's copies in the recorded-states layer (docs/curation.md §3), once it is all written.
      await recordStates(tx, version, transitions);
      const id = `cs-${version}`;
      const actor = options.actor ?? AUTOMATION;
      await tx.run('curation/create-bulk-change-set', {
        changeSet: {
          id,
          version,
          author: actor.name,
          authorRole: actor.role,
          via: actor.via,
          at: new Date().toISOString(),
          reason,
          kind: 'restore',
          sources: JSON.stringify([]),
          opCount: transitions.length,
        },
      });
      let seq = 0;
      for (const chunk of chunks(transitions)) {
        const ops = chunk.map((t) => ({
          changeSet: id,
          version,
          seq: seq++,
          elementId: t.id,
          elementKind: t.kind,
          action: t.action,
          before: t.before ? JSON.stringify(t.before) : null,
          after: t.after ? JSON.stringify(t.after) : null,
        }));
        await tx.run('curation/create-ops', { changeSet: id, ops });
        progress({ phase: 'history', done: seq, total: transitions.length });
      }
      return { ...report, changeSet: id, ms: performance.now() - started };
    },
    { timeoutMs: RESTORE_TIMEOUT_MS },
  );
}

/**
 * Into a store without elements every element is new, and one transaction for a large graph
 * outgrows Neo4j's transaction memory (refused at 50k nodes with a 1 GB heap, at 100k with
 * 3 GB). So it is loaded in batches, recorded as the same kind of change set, and a failure
 * takes back everything the batches wrote: the store had nothing to lose, and gets nothing.
 */
async function restoreIntoEmpty(
  db: Database,
  rows: ReturnType<typeof readGraphFile>,
  o: { reason: string; actor: Actor; progress: (p: RestoreProgress) => void; started: number },
): Promise<RestoreReport> {
  const changeSet = `cs-${(await currentVersion(db)).version + 1}`;
  const history: LoadHistory = { kind: 'restore', reason: o.reason, author: o.actor, sources: [] };
  try {
    await writeRows(db, rows.nodes, rows.relationships, { batchSize: 2000, atomic: false, history, onProgress: o.progress });
  } catch (err) {
    await takeBack(db, changeSet);
    throw err;
  }
  const elements = rows.nodes.length + rows.relationships.length;
  return {
    nodes: rows.nodes.length,
    relationships: rows.relationships.length,
    added: elements,
    changed: 0,
    retired: 0,
    changeSet,
    ms: performance.now() - o.started,
  };
}

/** Empties the store again after a failed batched restore, the record of it included. */
async function takeBack(db: Database, changeSet: string): Promise<void> {
  for (;;) {
    const [row] = await db.write('admin/delete-batch', { batch: 10_000 });
    if (!Number(row?.deleted ?? 0)) break;
  }
  for (;;) {
    const [row] = await db.write('curation/delete-ops-batch', { changeSet, batch: 10_000 });
    if (!Number(row?.deleted ?? 0)) break;
  }
  await db.write('curation/delete-restore', { changeSet });
}
