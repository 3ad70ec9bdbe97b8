// Reverting a change set is a change set of its own (kind 'revert'): each element it touched
// goes back to the state it had before, in one transaction.
//
// A revert compares states, not revisions: when every element it touches is still in the state
// the change set left it, it goes through whatever `rev` says (a later edit undone since, a
// retirement reverted since). So undoing in reverse order always finishes. When a later change
// really stands in the way, the 409 names it (who, when, what) and `withLater` reverts both
// together, as one change set.
import type { Database, NamedTransaction, Row } from '../db/database.ts';
import { type ConflictError, type ErrorDetail } from '../errors.ts';
import type { Actor } from './actor.ts';
import {
  CHANGE_SET_TIMEOUT_MS,
  nodeStates,
  recordChangeSet,
  tieOf,
  tieStates,
  writeTransitions,
  type AppliedChangeSet,
  type Transition,
} from './apply.ts';
import { opOf, summaryOf, type OpRecord } from './log.ts';
import type { ChangeSetSummary } from './schemas.ts';
import { stateProperties, type ElementState, type TieState } from './state.ts';
import { canonicalState, conflictSentence, whatChanged, type LaterChange, type RevertConflict } from './revert-words.ts';
import { missing } from '../error-words.ts';
import { nothingToUndo, revertRefused } from '../refusal-words.ts';

export interface RevertOptions {
  /** Also revert every later change set that stands in the way, as one change set. */
  withLater?: boolean;
}

interface Loaded {
  summary: ChangeSetSummary;
  ops: OpRecord[];
}

async function loadChangeSet(tx: NamedTransaction, id: string): Promise<Loaded | null> {
  const row = (await tx.run('curation/get-change-set', { id, offset: 0, limit: Number.MAX_SAFE_INTEGER }))[0];
  if (!row) return null;
  return { summary: summaryOf(row.changeSet as Row), ops: (row.ops as Row[]).map(opOf).sort((a, b) => a.seq - b.seq) };
}

/** The change sets after `version` that wrote these elements, grouped, with what each did to each. */
async function laterChanges(
  tx: NamedTransaction,
  wanted: Array<{ kind: string; id: string; after: number }>,
  exclude: Set<string>,
): Promise<Map<string, LaterChange[]>> {
  const out = new Map<string, LaterChange[]>();
  if (!wanted.length) return out;
  const since = new Map(wanted.map((w) => [`${w.kind}:${w.id}`, w.after]));
  const rows = await tx.run('curation/later-ops', {
    ids: [...new Set(wanted.map((w) => w.id))],
    version: Math.min(...wanted.map((w) => w.after)),
  });
  for (const row of rows) {
    const op = opOf(row.op as Row);
    const key = `${op.elementKind}:${op.elementId}`;
    const after = since.get(key);
    if (after === undefined || op.version <= after) continue;
    const cs = summaryOf(row.changeSet as Row);
    if (exclude.has(cs.id)) continue;
    const list = out.get(key) ?? [];
    list.push({ id: cs.id, version: cs.version, author: cs.author, at: cs.at, kind: cs.kind, what: whatChanged(op) });
    out.set(key, list);
  }
  return out;
}

interface Plan {
  transitions: Transition[];
  conflicts: RevertConflict[];
}

/** What reverting these change sets together would write, or what stands in the way. */
async function plan(tx: NamedTransaction, included: Map<string, Loaded>, reason: string): Promise<Plan> {
  const ops = [...included.values()].flatMap((c) => c.ops).filter((op) => op.elementKind !== 'source');
  const first = new Map<string, OpRecord>();
  const last = new Map<string, OpRecord>();
  const order = (a: OpRecord, b: OpRecord) => a.version - b.version || a.seq - b.seq;
  for (const op of [...ops].sort(order)) {
    const key = `${op.elementKind}:${op.elementId}`;
    if (!first.has(key)) first.set(key, op);
    last.set(key, op);
  }
  const keys = [...first.keys()];
  const idsOf = (kind: string) => keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  const nodes = await nodeStates(tx, idsOf('node'));
  const ties = await tieStates(tx, idsOf('tie'));
  const storedOf = (key: string) => (key.startsWith('node:') ? nodes.get(key.slice(5)) : ties.get(key.slice(4)));

  const conflicts: RevertConflict[] = [];
  const transitions: Transition[] = [];
  const drifted: Array<{ key: string; current: ElementState | null }> = [];
  for (const key of keys) {
    const stored = storedOf(key);
    const current = stored && !stored.retired ? stored.state : null;
    const left = last.get(key)!.after as ElementState | null;
    if (canonicalState(current) !== canonicalState(left)) {
      drifted.push({ key, current });
      continue;
    }
    const target = first.get(key)!.before as ElementState | null;
    if (canonicalState(current) === canonicalState(target)) continue;
    const kind = key.startsWith('node:') ? 'node' : 'tie';
    const Kind = kind === 'node' ? 'Node' : 'Tie';
    const action = !target ? `retire${Kind}` : !current ? `restore${Kind}` : `update${Kind}`;
    transitions.push({ kind, id: key.slice(kind.length + 1), action, before: current, after: target, reason });
  }
  const exclude = new Set(included.keys());
  if (drifted.length) {
    const later = await laterChanges(
      tx,
      drifted.map(({ key }) => {
        const op = last.get(key)!;
        return { kind: op.elementKind, id: op.elementId, after: op.version };
      }),
      exclude,
    );
    for (const { key, current } of drifted) {
      const op = last.get(key)!;
      const state = (current ?? op.after ?? op.before) as ElementState;
      conflicts.push({
        kind: op.elementKind as 'node' | 'tie',
        id: op.elementId,
        state,
        problem: 'changed',
        later: later.get(key) ?? [],
        current: current ? { ...current, rev: storedOf(key)?.rev } : null,
      });
    }
  }

  // A node that goes must not leave ties behind that this revert does not retire with it,
  // and a tie that comes back needs both its ends in the graph.
  const since = Math.min(...[...included.values()].map((c) => c.summary.version));
  const leaving = transitions.filter((t) => t.kind === 'node' && !t.after).map((t) => t.id);
  const tieIdsHere = new Set(transitions.filter((t) => t.kind === 'tie').map((t) => t.id));
  if (leaving.length) {
    const left: TieState[] = [];
    for (const r of await tx.run('curation/node-ties', { ids: leaving })) {
      const t = tieOf(r, r.props as Row);
      if (!tieIdsHere.has(t.id) && !keys.includes(`tie:${t.id}`)) left.push(t);
    }
    const later = await laterChanges(
      tx,
      left.map((t) => ({ kind: 'tie', id: t.id, after: since })),
      exclude,
    );
    for (const t of left)
      conflicts.push({ kind: 'tie', id: t.id, state: t, problem: 'left-behind', later: later.get(`tie:${t.id}`) ?? [], current: t });
  }
  const comingBack = transitions.filter((t) => t.kind === 'tie' && t.after).map((t) => t.after as TieState);
  const ends = [...new Set(comingBack.flatMap((t) => [t.from, t.to]))];
  const endStates = await nodeStates(tx, ends);
  const liveAfter = new Set(transitions.filter((t) => t.kind === 'node' && t.after).map((t) => t.id));
  const goneEnds = new Map<string, TieState>();
  for (const t of comingBack)
    for (const end of [t.from, t.to]) if (!liveAfter.has(end) && (endStates.get(end)?.retired ?? true)) goneEnds.set(end, t);
  if (goneEnds.size) {
    const later = await laterChanges(
      tx,
      [...goneEnds.keys()].map((id) => ({ kind: 'node', id, after: since })),
      exclude,
    );
    for (const [end, t] of goneEnds) {
      const endState = endStates.get(end)?.state;
      conflicts.push({
        kind: 'node',
        id: end,
        state: endState ?? { label: '', id: end, properties: {} },
        problem: 'end-retired',
        tie: t,
        later: later.get(`node:${end}`) ?? [],
        current: null,
      });
    }
  }
  return { transitions, conflicts };
}

export async function revertChangeSet(
  db: Database,
  id: string,
  reason: string,
  actor: Actor,
  options: RevertOptions = {},
): Promise<AppliedChangeSet> {
  return db.writeTransaction(
    async (tx) => {
      const base = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0);
      const version = base + 1;
      const original = await loadChangeSet(tx, id);
      if (!original) throw missing('change-set', 'params.id', id);
      const included = new Map([[original.summary.id, original]]);

      for (;;) {
        const { transitions, conflicts } = await plan(tx, included, reason);
        const blockers = [...new Set(conflicts.flatMap((c) => c.later.map((l) => l.id)))];
        const canWiden = options.withLater && conflicts.length && blockers.length && conflicts.every((c) => c.later.length);
        if (conflicts.length && canWiden) {
          for (const b of blockers) {
            const loaded = await loadChangeSet(tx, b);
            if (loaded) included.set(b, loaded);
          }
          continue;
        }
        if (conflicts.length) throw await refusal(tx, original.summary, conflicts, actor);
        if (!transitions.length) throw nothingToUndo(original.summary.version);
        const also = [...included.keys()].filter((k) => k !== original.summary.id);
        await writeTransitions(tx, transitions, version);
        return recordChangeSet(
          tx,
          {
            version,
            actor,
            reason,
            kind: 'revert',
            sources: original.summary.sources,
            revertOf: original.summary.id,
            ...(also.length ? { revertsAlso: also.sort((a, b) => Number(a.slice(3)) - Number(b.slice(3))) } : {}),
          },
          transitions,
        );
      }
    },
    { timeoutMs: CHANGE_SET_TIMEOUT_MS },
  );
}

/** The 409: each element in the way, in plain words, and what reverting them together would take. */
async function refusal(
  tx: NamedTransaction,
  original: ChangeSetSummary,
  conflicts: RevertConflict[],
  actor: Actor,
): Promise<ConflictError> {
  const endIds = conflicts.flatMap((c) => [c.state, c.tie].flatMap((st) => (st && 'from' in st ? [st.from, st.to] : [])));
  // Names as the source gives them, and in English where the node has an English name (the
  // API's own message is English; the web app picks by the reader's language).
  const names = new Map<string, string>();
  const namesEn = new Map<string, string>();
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  for (const [nid, s] of await nodeStates(tx, endIds)) {
    const p = stateProperties(s.state.properties);
    const name = str(p.name);
    if (name) names.set(nid, name);
    const en = str(p.nameEn) ?? name;
    if (en) namesEn.set(nid, en);
  }
  // The element in words, never its id: a node's name, a tie's ends.
  const words = (st: ElementState) =>
    'from' in st
      ? {
          kind: 'tie',
          between: [names.get(st.from) ?? '', names.get(st.to) ?? ''],
          betweenEn: [namesEn.get(st.from) ?? '', namesEn.get(st.to) ?? ''],
        }
      : { kind: 'node', name: str(st.properties.name) ?? '', nameEn: str(st.properties.nameEn) ?? str(st.properties.name) ?? '' };
  const details: ErrorDetail[] = conflicts.map((c) => ({
    path: `${c.kind}:${c.id}`,
    message: conflictSentence(c, actor.name, namesEn),
    current: c.current,
    later: c.later.map(({ id, version, author, at, kind, what }) => ({ id, version, author, at, kind, what, you: author === actor.name })),
    element: { problem: c.problem, ...words(c.state), ...(c.tie ? { tie: words(c.tie) } : {}) },
  }));
  const blockers = [...new Set(conflicts.flatMap((c) => c.later.map((l) => l.version)))].sort((a, b) => a - b);
  return revertRefused(details, original.version, blockers, details[0]!.message);
}
