// Reverting a change set is a change set of its own (kind 'revert'): each element it touched
// goes back to the state it had before, in one transaction. If a later change set touched one
// of them, or the revert would leave a tie on a retired node, nothing is written (409).
import type { Database, Row } from '../db/database.ts';
import { ConflictError, NotFoundError, type ErrorDetail } from '../errors.ts';
import type { Actor } from './actor.ts';
import {
  CHANGE_SET_TIMEOUT_MS,
  nodeStates,
  recordChangeSet,
  tieOf,
  touchedBefore,
  writeTransitions,
  type AppliedChangeSet,
  type Transition,
} from './apply.ts';
import { opOf, summaryOf } from './log.ts';
import type { TieState } from './state.ts';

export async function revertChangeSet(db: Database, id: string, reason: string, actor: Actor): Promise<AppliedChangeSet> {
  return db.writeTransaction(
    async (tx) => {
      const base = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0);
      const version = base + 1;
      const row = (await tx.run('curation/get-change-set', { id, offset: 0, limit: Number.MAX_SAFE_INTEGER }))[0];
      if (!row) throw new NotFoundError(`No change set "${id}".`, [{ path: 'params.id', message: 'unknown change set' }]);
      const original = summaryOf(row.changeSet as Row);
      const ops = (row.ops as Row[]).map(opOf).sort((a, b) => a.seq - b.seq);

      // Each element goes back to its state before the change set (its first op's `before`).
      const { elements, stored: storedOf } = await touchedBefore(tx, ops);

      const conflicts: ErrorDetail[] = [];
      const transitions: Transition[] = [];
      for (const e of elements) {
        const stored = storedOf(e);
        if (!stored || stored.rev !== original.version) {
          conflicts.push({
            path: `${e.kind}:${e.id}`,
            message: `${e.kind} "${e.id}" was changed again in version ${stored?.rev ?? '?'} after ${original.id}; revert that change first`,
            current: stored && !stored.retired ? { ...stored.state, rev: stored.rev } : null,
          });
          continue;
        }
        const current = stored.retired ? null : stored.state;
        if (!current && !e.before) continue;
        const Kind = e.kind === 'node' ? 'Node' : 'Tie';
        const action = !e.before ? `retire${Kind}` : !current ? `restore${Kind}` : `update${Kind}`;
        transitions.push({ kind: e.kind, id: e.id, action, before: current, after: e.before, reason });
      }

      // A node that goes must not leave ties behind that this revert does not retire with it,
      // and a tie that comes back needs both its ends in the graph.
      const leaving = transitions.filter((t) => t.kind === 'node' && !t.after).map((t) => t.id);
      const tieIdsHere = new Set(transitions.filter((t) => t.kind === 'tie').map((t) => t.id));
      if (leaving.length)
        for (const r of await tx.run('curation/node-ties', { ids: leaving })) {
          const t = tieOf(r, r.props as Row);
          if (!tieIdsHere.has(t.id))
            conflicts.push({
              path: `tie:${t.id}`,
              message: `tie "${t.id}" was added to a node this revert retires; retire it first`,
              current: t,
            });
        }
      const comingBack = transitions.filter((t) => t.kind === 'tie' && t.after).map((t) => t.after as TieState);
      const ends = [...new Set(comingBack.flatMap((t) => [t.from, t.to]))];
      const endStates = await nodeStates(tx, ends);
      const liveAfter = new Set(transitions.filter((t) => t.kind === 'node' && t.after).map((t) => t.id));
      for (const t of comingBack)
        for (const end of [t.from, t.to])
          if (!liveAfter.has(end) && (endStates.get(end)?.retired ?? true))
            conflicts.push({ path: `tie:${t.id}`, message: `tie "${t.id}" cannot come back: its end "${end}" is retired`, current: null });
      if (conflicts.length)
        throw new ConflictError(
          `${original.id} cannot be reverted: ${conflicts.length} element(s) changed since; nothing was written.`,
          conflicts,
        );

      await writeTransitions(tx, transitions, version);
      return recordChangeSet(tx, { version, actor, reason, kind: 'revert', sources: original.sources, revertOf: original.id }, transitions);
    },
    { timeoutMs: CHANGE_SET_TIMEOUT_MS },
  );
}
