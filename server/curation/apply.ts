// Applying a change set: everything happens in one executeWrite transaction — lock the version
// counter, read the touched elements, refuse stale revs (409) and invalid records (400), write,
// and record the change set with an Op per element — so it lands whole or not at all.
import type { Database, NamedTransaction, Row } from '../db/database.ts';
import { type ErrorDetail } from '../errors.ts';
import { NodeLabel, type RelationshipType } from '../model/vocabulary.ts';
import { toNodeRow, toRelationshipRow, writtenDates, type WrittenDates } from '../../seed/rows.ts';
import { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';
import { readSourceRecords, validateSeedText } from '../../seed/validate.ts';
import { DEFAULT_DATA_DIR } from '../../seed/cli/args.ts';
import type { Actor } from './actor.ts';
import { citationChecks } from './citations.ts';
import { recordStates } from './layer.ts';
import { stampCitations } from './source-watch.ts';
import type { OpRecord } from './log.ts';
import type { ChangeSetInput, ChangeSetSummary, ChangeWarning, Citation, Operation } from './schemas.ts';
import { syncForms } from '../model/texts.ts';
import {
  nodeRecordOf,
  revOf,
  rowOf,
  stateProperties,
  tieRecordOf,
  type ElementKind,
  type ElementState,
  type NodeState,
  type TieState,
} from './state.ts';
import { elementsMissing, problemsFound } from '../error-words.ts';
import { editConflicts, tieClashes } from '../refusal-words.ts';

/** The action of a transition that registers a new text of a document (its after: a SourceVersion). */
export const ADD_SOURCE_VERSION = 'addSourceVersion';

export interface Transition {
  kind: ElementKind | 'source';
  id: string;
  action: string;
  before: ElementState | Record<string, unknown> | null;
  after: ElementState | Record<string, unknown> | null;
  /** Why a retirement happened, kept on the retired record. */
  reason?: string;
}

interface Stored<S> {
  state: S;
  rev: number;
  retired: boolean;
}

export interface AppliedChangeSet {
  changeSet: ChangeSetSummary;
  elements: Array<{ id: string; kind: ElementKind | 'source'; action: string; rev: number }>;
  /** Texts that have only one of their two forms yet (docs/model.md, "Two languages"). */
  warnings?: ChangeWarning[];
}

/**
 * A change set may hold thousands of operations and waits for the one before it (the version
 * lock), so it gets longer than a read's time limit.
 */
export const CHANGE_SET_TIMEOUT_MS = 120_000;

let writtenCache: WrittenDates | undefined;
const written = (): WrittenDates => (writtenCache ??= writtenDates(readSourceRecords(DEFAULT_DATA_DIR)));

// ---- reading states inside the transaction

export async function nodeStates(tx: NamedTransaction, ids: string[]): Promise<Map<string, Stored<NodeState>>> {
  const out = new Map<string, Stored<NodeState>>();
  if (!ids.length) return out;
  for (const row of await tx.run('curation/node-states', { ids: [...new Set(ids)] })) {
    const props = row.props as Row;
    out.set(String(row.id), {
      state: { label: String(props.label), id: String(row.id), properties: stateProperties(props) },
      rev: revOf(props),
      retired: row.retired === true,
    });
  }
  return out;
}

export function tieOf(row: Row, props: Row): TieState {
  return { type: String(row.type), id: String(row.id), from: String(row.from), to: String(row.to), properties: stateProperties(props) };
}

export async function tieStates(tx: NamedTransaction, ids: string[]): Promise<Map<string, Stored<TieState>>> {
  const out = new Map<string, Stored<TieState>>();
  if (!ids.length) return out;
  const unique = [...new Set(ids)];
  for (const row of await tx.run('curation/retired-tie-states', { ids: unique })) {
    const props = JSON.parse(String(row.properties)) as Row;
    out.set(String(row.id), { state: tieOf(row, props), rev: Number(row.rev ?? 0), retired: true });
  }
  for (const row of await tx.run('curation/tie-states', { ids: unique })) {
    const props = row.props as Row;
    out.set(String(row.id), { state: tieOf(row, props), rev: revOf(props), retired: false });
  }
  return out;
}

/** A node or tie some operations touched, with its state before the earliest of them. */
export interface Touched {
  kind: 'node' | 'tie';
  id: string;
  before: ElementState | null;
}

/**
 * Each node and tie the operations touch, with its state before the earliest of them (by
 * version, then place in its change set) and as stored now. Registered sources are left out: a
 * document does not become false by being unused. A revert and a read "as recorded at" start here.
 */
export async function touchedBefore(
  tx: NamedTransaction,
  ops: readonly OpRecord[],
): Promise<{ elements: Touched[]; stored: (e: Touched) => Stored<ElementState> | undefined }> {
  const earliest = new Map<string, OpRecord>();
  for (const op of ops) {
    if (op.elementKind === 'source') continue;
    const key = `${op.elementKind}:${op.elementId}`;
    const seen = earliest.get(key);
    if (!seen || op.version < seen.version || (op.version === seen.version && op.seq < seen.seq)) earliest.set(key, op);
  }
  const elements = [...earliest.values()].map((op) => ({
    kind: op.elementKind as Touched['kind'],
    id: op.elementId,
    before: op.before as ElementState | null,
  }));
  const ids = (kind: Touched['kind']) => elements.filter((e) => e.kind === kind).map((e) => e.id);
  const nodes = await nodeStates(tx, ids('node'));
  const ties = await tieStates(tx, ids('tie'));
  return { elements, stored: (e) => (e.kind === 'node' ? nodes : ties).get(e.id) };
}

// ---- writing transitions

/**
 * Writes each element's new state. Order matters: ties leave before their nodes do, and nodes
 * come back before their ties.
 */
export async function writeTransitions(tx: NamedTransaction, transitions: Transition[], version: number): Promise<void> {
  const tie = (t: Transition) => t.kind === 'tie';
  const node = (t: Transition) => t.kind === 'node';
  const retiredTies = transitions.filter((t) => tie(t) && t.before && !t.after);
  const liveNodes = transitions.filter((t) => node(t) && t.after);
  const liveTies = transitions.filter((t) => tie(t) && t.after);
  const retiredNodes = transitions.filter((t) => node(t) && t.before && !t.after);
  const sources = transitions.filter((t) => t.kind === 'source' && t.after && t.action !== ADD_SOURCE_VERSION);
  if (sources.length) await tx.run('curation/merge-registered-sources', { rows: sources.map((t) => t.after) });
  // A new text of a registered document (source watch): its version record, made current.
  const versions = transitions.filter((t) => t.kind === 'source' && t.after && t.action === ADD_SOURCE_VERSION);
  if (versions.length) await tx.run('sources/create-source-versions', { rows: versions.map((t) => t.after) });
  if (retiredTies.length)
    await tx.run('curation/save-retired-ties', {
      version,
      rows: retiredTies.map((t) => {
        const s = t.before as TieState;
        return { ...s, properties: JSON.stringify(s.properties), reason: t.reason ?? null };
      }),
    });
  if (liveNodes.length) await tx.run('curation/merge-nodes', { version, rows: liveNodes.map((t) => rowOf(t.after as NodeState)) });
  if (liveTies.length) await tx.run('curation/merge-ties', { version, rows: liveTies.map((t) => rowOf(t.after as TieState)) });
  if (retiredNodes.length)
    await tx.run('curation/save-retired-nodes', {
      version,
      rows: retiredNodes.map((t) => ({ id: t.id, reason: t.reason ?? null })),
    });
}

export async function recordChangeSet(
  tx: NamedTransaction,
  input: {
    version: number;
    actor: Actor;
    reason: string;
    kind: ChangeSetSummary['kind'];
    sources: Citation[];
    revertOf?: string;
    revertsAlso?: string[];
  },
  transitions: Transition[],
): Promise<AppliedChangeSet> {
  const id = `cs-${input.version}`;
  const summary: ChangeSetSummary = {
    id,
    version: input.version,
    author: input.actor.name,
    authorRole: input.actor.role,
    via: input.actor.via,
    at: new Date().toISOString(),
    reason: input.reason,
    kind: input.kind,
    sources: input.sources,
    opCount: transitions.length,
    ...(input.revertOf ? { revertOf: input.revertOf } : {}),
    ...(input.revertsAlso?.length ? { revertsAlso: input.revertsAlso } : {}),
  };
  await tx.run('curation/create-change-set', {
    changeSet: { ...summary, sources: JSON.stringify(summary.sources) },
    ops: transitions.map((t, seq) => ({
      changeSet: id,
      version: input.version,
      seq,
      elementId: t.id,
      elementKind: t.kind,
      action: t.action,
      before: t.before ? JSON.stringify(t.before) : null,
      after: t.after ? JSON.stringify(t.after) : null,
    })),
  });
  // The recorded-states layer is kept here, in the funnel, for every kind of change set.
  await recordStates(tx, input.version, transitions);
  return {
    changeSet: summary,
    elements: transitions.map((t) => ({ id: t.id, kind: t.kind, action: t.action, rev: input.version })),
  };
}

// ---- the change set

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'element';

function refsOf(c: Citation[]): string[] {
  return c.filter((s) => s.lines).map((s) => `${s.file}#${s.lines}`);
}

const opPath = (i: number) => `body.ops[${i}]`;

export async function applyChangeSet(
  db: Database,
  input: ChangeSetInput,
  actor: Actor,
  kind: ChangeSetSummary['kind'] = 'edit',
  options: { sourcesDir?: string | undefined } = {},
): Promise<AppliedChangeSet> {
  return db.writeTransaction(
    async (tx) => {
      const base = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0);
      const version = base + 1;
      const ops = input.ops;

      // Everything the operations name or point at, read once the counter is locked.
      const nodeIds = new Set<string>();
      const tieIds = new Set<string>();
      for (const op of ops) {
        if (op.op === 'updateNode' || op.op === 'retireNode') nodeIds.add(op.id);
        if (op.op === 'updateTie' || op.op === 'retireTie') tieIds.add(op.id);
        if (op.op === 'addNode' && op.node.id) nodeIds.add(op.node.id);
        if (op.op === 'addTie') {
          if (op.tie.id) tieIds.add(op.tie.id);
          for (const f of ['from', 'to', 'forum', 'principal']) if (typeof op.tie[f] === 'string') nodeIds.add(op.tie[f] as string);
          if (typeof op.tie.basisRef === 'string') tieIds.add(op.tie.basisRef);
          if (Array.isArray(op.tie.inferredFrom)) for (const x of op.tie.inferredFrom) if (typeof x === 'string') tieIds.add(x);
        }
      }
      for (const op of ops)
        if (op.op === 'updateTie' || op.op === 'updateNode') {
          for (const f of ['forum', 'principal']) if (typeof op.set[f] === 'string') nodeIds.add(op.set[f] as string);
          if (typeof op.set.basisRef === 'string') tieIds.add(op.set.basisRef);
          if (Array.isArray(op.set.inferredFrom)) for (const x of op.set.inferredFrom) tieIds.add(x);
        }
      const ties = await tieStates(tx, [...tieIds]);
      // An edited tie is checked again as a whole, so its ends and references must be known too.
      // A basis or an inference may name a fact or a node: those ids are asked for as both.
      const factRefs = new Set<string>();
      for (const op of ops) {
        if (op.op === 'updateTie' || op.op === 'retireTie') {
          const t = ties.get(op.id)?.state;
          if (t) for (const v of [t.from, t.to, t.properties.forum, t.properties.principal]) if (typeof v === 'string') nodeIds.add(v);
          if (t && typeof t.properties.basisRef === 'string') factRefs.add(t.properties.basisRef);
          if (t && Array.isArray(t.properties.inferredFrom)) for (const x of t.properties.inferredFrom) factRefs.add(String(x));
        }
        if (op.op === 'updateTie' && Array.isArray(op.set.inferredFrom)) for (const x of op.set.inferredFrom) factRefs.add(x);
        if (op.op === 'addTie' && Array.isArray(op.tie.inferredFrom)) for (const x of op.tie.inferredFrom) factRefs.add(String(x));
      }
      for (const [id, s] of await tieStates(
        tx,
        [...factRefs].filter((id) => !ties.has(id)),
      ))
        ties.set(id, s);
      for (const id of factRefs) nodeIds.add(id);
      const nodes = await nodeStates(tx, [...nodeIds]);

      // Stale revs first: an edit based on an old read is refused whatever else it says.
      const conflicts: ErrorDetail[] = [];
      const missing: ErrorDetail[] = [];
      ops.forEach((op, i) => {
        if (!('rev' in op)) return;
        const stored = op.op === 'updateNode' || op.op === 'retireNode' ? nodes.get(op.id) : ties.get(op.id);
        const what = op.op.endsWith('Node') ? 'node' : 'tie';
        if (!stored) missing.push({ path: `${opPath(i)}.id`, message: `no ${what} "${op.id}"` });
        else if (stored.retired)
          conflicts.push({ path: `${opPath(i)}.id`, message: `${what} "${op.id}" was retired in version ${stored.rev}`, current: null });
        else if (stored.rev !== op.rev)
          conflicts.push({
            path: `${opPath(i)}.rev`,
            message: `${what} "${op.id}" was changed in version ${stored.rev} after the version ${op.rev} this edit was based on`,
            current: { ...stored.state, rev: stored.rev },
          });
      });
      if (missing.length) throw elementsMissing(missing);
      if (conflicts.length) throw editConflicts(conflicts);

      const problems: ErrorDetail[] = [];
      const refs = refsOf(input.sources);

      // Citations name registered documents, or ones this change set registers.
      const adding = new Set(ops.flatMap((op) => (op.op === 'addSource' ? [op.source.file] : [])));
      const cited = [...new Set(input.sources.map((s) => s.file))].filter((f) => !adding.has(f));
      const registered = new Set((await tx.run('curation/known-sources', { files: cited })).map((r) => String(r.file)));
      input.sources.forEach((s, i) => {
        if (!adding.has(s.file) && !registered.has(s.file))
          problems.push({
            path: `body.sources[${i}].file`,
            message: `"${s.file}" is not a registered source; add it with addSource first`,
          });
      });

      // Records for the seed's validator: new ones as sent, edited ones as they will be.
      const nodeRecords: Array<{ op: number; where: string; record: Record<string, unknown> }> = [];
      const tieRecords: Array<{ op: number; where: string; record: Record<string, unknown> }> = [];
      const usedNodeIds = new Set([...nodes.keys()]);
      const usedTieIds = new Set([...ties.keys()]);
      const withDefaults = (r: Record<string, unknown>) => ({
        ...r,
        // The citation's lines stand for the record's sources, and the reason for its evidence,
        // when the editor gives none of their own.
        ...(r.sources === undefined && refs.length ? { sources: refs } : {}),
        ...(r.evidence === undefined ? { evidence: input.reason } : {}),
      });
      ops.forEach((op, i) => {
        if (op.op === 'addNode') {
          let id = op.node.id;
          if (id && usedNodeIds.has(id)) problems.push({ path: `${opPath(i)}.node.id`, message: `the id "${id}" is already used` });
          if (!id) {
            const stem = slug(op.node.name);
            id = stem;
            for (let n = 2; usedNodeIds.has(id); n++) id = `${stem}-${n}`;
          }
          usedNodeIds.add(id);
          const record = withDefaults({ aliases: [], ...op.node, id });
          // A text sent only in its two forms also fills the single field older readers use.
          syncForms(record, Object.keys(record));
          nodeRecords.push({ op: i, where: `${opPath(i)}.node`, record });
        } else if (op.op === 'addTie') {
          let id = op.tie.id;
          if (id && usedTieIds.has(id)) problems.push({ path: `${opPath(i)}.tie.id`, message: `the fact id "${id}" is already used` });
          if (!id) {
            const stem = slug(`${op.tie.from}-${op.tie.type}-${op.tie.to}`);
            id = stem;
            for (let n = 2; usedTieIds.has(id); n++) id = `${stem}-${n}`;
          }
          usedTieIds.add(id);
          const record = withDefaults({ ...op.tie, id });
          syncForms(record, Object.keys(record));
          tieRecords.push({ op: i, where: `${opPath(i)}.tie`, record });
        } else if (op.op === 'updateNode' || op.op === 'updateTie') {
          const isNode = op.op === 'updateNode';
          const stored = (isNode ? nodes : ties).get(op.id) as Stored<ElementState>;
          const record = isNode ? nodeRecordOf(stored.state as NodeState) : tieRecordOf(stored.state as TieState);
          const fixed = isNode ? ['id', 'label'] : ['id', 'type', 'from', 'to'];
          const fields = isNode ? NODE_RECORD_FIELDS : TIE_RECORD_FIELDS;
          for (const [field, value] of Object.entries(op.set)) {
            if (fixed.includes(field)) {
              problems.push({
                path: `${opPath(i)}.set.${field}`,
                message: `"${field}" cannot be changed; retire the element and add a new one`,
              });
              continue;
            }
            const target = fields.has(field) ? record : isNode ? (record.properties as Record<string, unknown>) : undefined;
            if (!target) {
              problems.push({ path: `${opPath(i)}.set.${field}`, message: `"${field}" is not a field of a tie` });
              continue;
            }
            if (value === null) delete target[field];
            else target[field] = value;
          }
          // A text edited in one place must not leave its other forms saying the old thing.
          const setKeys = Object.keys(op.set);
          syncForms(
            record,
            setKeys.filter((k) => fields.has(k)),
          );
          if (isNode)
            syncForms(
              record.properties as Record<string, unknown>,
              setKeys.filter((k) => !fields.has(k)),
            );
          (isNode ? nodeRecords : tieRecords).push({ op: i, where: `${opPath(i)}.set`, record });
        }
      });

      // Each citation says which text of its document it was read against (source watch).
      problems.push(
        ...(await stampCitations(
          tx,
          ops,
          [...nodeRecords, ...tieRecords],
          (i) => {
            const op = ops[i]!;
            if (op.op === 'updateNode') return nodes.get(op.id)?.state.properties ?? null;
            if (op.op === 'updateTie') return ties.get(op.id)?.state.properties ?? null;
            return null;
          },
          new Set(refs),
        )),
      );

      // What ties may point at besides the nodes in this change set: nodes in the graph.
      const recordNodeIds = new Set(nodeRecords.map((r) => String(r.record.id)));
      const known = new Map<string, NodeLabel>();
      for (const [id, s] of nodes)
        if (!s.retired && !recordNodeIds.has(id) && NodeLabel.safeParse(s.state.label).success) known.set(id, s.state.label as NodeLabel);
      const knownFacts = new Map<string, RelationshipType>();
      for (const [id, s] of ties) if (!s.retired) knownFacts.set(id, s.state.type as RelationshipType);

      const validation = validateSeedText({
        nodesText: nodeRecords.map((r) => JSON.stringify(r.record)).join('\n'),
        relationshipsText: tieRecords.map((r) => JSON.stringify(r.record)).join('\n'),
        nodesFile: 'nodes',
        relationshipsFile: 'ties',
        known,
        knownFacts,
      });
      for (const p of validation.problems) {
        const rec = (p.file === 'nodes' ? nodeRecords : tieRecords)[p.line - 1];
        const where = rec ? rec.where : 'body.ops';
        problems.push({ path: p.path ? `${where}.${p.path}` : where, message: p.message });
      }
      problems.push(...(await citationChecks(tx, input, ops, nodeRecords, tieRecords, nodes, options.sourcesDir)));
      if (problems.length) throw problemsFound(problems, 'change');

      // A record with only one of a text's two forms is accepted; the answer says which is missing.
      const warnings: ChangeWarning[] = validation.missingForms.map((p) => {
        const rec = (p.file === 'nodes' ? nodeRecords : tieRecords)[p.line - 1];
        return { path: rec ? `${rec.where}.${p.path}` : 'body.ops', element: String(rec?.record.id ?? ''), message: p.message };
      });

      // The checked records, by their position in the texts.
      const nodeByLine = new Map(validation.located.nodes.map((l) => [l.line, l.record]));
      const tieByLine = new Map(validation.located.relationships.map((l) => [l.line, l.record]));
      const afterNode = new Map<number, NodeState>();
      nodeRecords.forEach((r, k) => {
        const rec = nodeByLine.get(k + 1) as NodeRecord;
        afterNode.set(r.op, { label: rec.label, id: rec.id, properties: toNodeRow(rec, written()).properties });
      });
      const afterTie = new Map<number, TieState>();
      tieRecords.forEach((r, k) => {
        const rec = tieByLine.get(k + 1) as RelationshipRecord;
        afterTie.set(r.op, {
          type: rec.type,
          id: rec.id,
          from: rec.from,
          to: rec.to,
          properties: toRelationshipRow(rec, written()).properties,
        });
      });

      // A tie's MERGE key (type, ends, forum, chain, validFrom, subject) is its element id on the
      // canvas and what the seed's upsert matches on: a second live tie with the same key would
      // hide one fact behind the other. Refused, naming the tie that holds the key.
      const keyed = [...afterTie].map(([op, s]) => ({ op, id: s.id, from: s.from, to: s.to, key: String(s.properties.key) }));
      const leavingTies = new Set(ops.flatMap((op) => (op.op === 'retireTie' ? [op.id] : [])));
      // (Two ties of this change set with one key are already refused by the validator.)
      const clashes: ErrorDetail[] = [];
      if (keyed.length)
        for (const row of await tx.run('curation/ties-with-keys', { rows: keyed })) {
          const k = keyed.find((x) => x.id === String(row.id));
          if (!k || leavingTies.has(String(row.other))) continue;
          const other = tieOf({ ...row, id: row.other }, row.props as Row);
          clashes.push({
            path: opPath(k.op),
            message: `a tie with the same type, ends and dates exists: ${other.id}`,
            current: { ...other, rev: revOf(row.props as Row) },
          });
        }
      if (clashes.length) throw tieClashes(clashes);

      // Retiring a node retires its ties with it, each recorded as an operation of its own.
      const retiring = ops.flatMap((op) => (op.op === 'retireNode' ? [op.id] : []));
      const tiesOfRetired = new Map<string, TieState>();
      if (retiring.length)
        for (const row of await tx.run('curation/node-ties', { ids: retiring }))
          tiesOfRetired.set(String(row.id), tieOf(row, row.props as Row));

      const transitions: Transition[] = [];
      const explicitTieRetirements = new Set(ops.flatMap((op) => (op.op === 'retireTie' ? [op.id] : [])));
      ops.forEach((op: Operation, i) => {
        switch (op.op) {
          case 'addNode':
          case 'updateNode': {
            const after = afterNode.get(i) as NodeState;
            transitions.push({
              kind: 'node',
              id: after.id,
              action: op.op,
              before: op.op === 'addNode' ? null : nodes.get(op.id)!.state,
              after,
            });
            break;
          }
          case 'addTie':
          case 'updateTie': {
            const after = afterTie.get(i) as TieState;
            transitions.push({
              kind: 'tie',
              id: after.id,
              action: op.op,
              before: op.op === 'addTie' ? null : ties.get(op.id)!.state,
              after,
            });
            break;
          }
          case 'retireTie':
            transitions.push({ kind: 'tie', id: op.id, action: op.op, before: ties.get(op.id)!.state, after: null, reason: op.reason });
            break;
          case 'retireNode':
            for (const [tid, t] of tiesOfRetired)
              if ((t.from === op.id || t.to === op.id) && !explicitTieRetirements.has(tid)) {
                explicitTieRetirements.add(tid);
                transitions.push({ kind: 'tie', id: tid, action: 'retireTie', before: t, after: null, reason: op.reason });
              }
            transitions.push({ kind: 'node', id: op.id, action: op.op, before: nodes.get(op.id)!.state, after: null, reason: op.reason });
            break;
          case 'addSource':
            transitions.push({
              kind: 'source',
              id: op.source.file,
              action: op.op,
              before: null,
              after: { ...op.source, ...(op.text !== undefined ? { text: op.text } : {}), registeredIn: version },
            });
            break;
        }
      });

      // One operation per element: a second edit of the same element in one change set would
      // need the rev the first one gives it, which the editor cannot know.
      const seen = new Map<string, number>();
      transitions.forEach((t, k) => {
        const key = `${t.kind}:${t.id}`;
        if (seen.has(key))
          problems.push({ path: `body.ops`, message: `${t.kind} "${t.id}" is changed twice in one change set; combine the two edits` });
        seen.set(key, k);
      });
      if (problems.length) throw problemsFound(problems, 'change');

      await writeTransitions(tx, transitions, version);
      const applied = await recordChangeSet(tx, { version, actor, reason: input.reason, kind, sources: input.sources }, transitions);
      return warnings.length ? { ...applied, warnings } : applied;
    },
    { timeoutMs: CHANGE_SET_TIMEOUT_MS },
  );
}

const NODE_RECORD_FIELDS = new Set(Object.keys(NodeRecord.shape));
const TIE_RECORD_FIELDS = new Set(Object.keys(RelationshipRecord.shape));
