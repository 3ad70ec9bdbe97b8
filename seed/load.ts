// Writes seed records into Neo4j with batched UNWIND … MERGE. Loading is idempotent: the
// same records loaded twice give the same graph.
import type { Database, NamedTransaction } from '../server/db/database.ts';
import { recordStates, type WrittenElement } from '../server/curation/layer.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../server/model/vocabulary.ts';
import { type NodeRow, type RelationshipRow, toNodeRow, toRelationshipRow, type WrittenDates } from './rows.ts';
import type { NodeRecord, RelationshipRecord, SourceRecord } from './schema.ts';

export interface LoadProgress {
  phase: 'nodes' | 'relationships';
  done: number;
  total: number;
}

export interface LoadOptions {
  batchSize?: number;
  /**
   * true: everything in one transaction, so a failure writes nothing (imports).
   * false: one transaction per batch (bulk loads).
   * A load recorded as a change set (`history`) is one transaction unless `atomic: false` is
   * asked for: a change set whose Ops outlived a failed load would claim elements the graph
   * never got, so a caller that asks for batches takes back what a failure left (a restore into
   * an empty store does; see server/data-io/backup.ts).
   */
  atomic?: boolean;
  onProgress?: (p: LoadProgress) => void;
  /** Written dates of the source documents, from which each fact's `attested` is computed. */
  written?: WrittenDates;
  /** Record the load as one change set (docs/curation.md): one Op per element, in the same batches. */
  history?: LoadHistory;
}

export interface LoadHistory {
  kind: 'seed' | 'import' | 'restore';
  reason: string;
  author: { name: string; role: string; via: string };
  sources: Array<{ file: string; lines?: string; note?: string }>;
  /** The state an element had before the load, when the load replaces it (imports). */
  before?: (kind: 'node' | 'tie', id: string) => Record<string, unknown> | null;
}

export interface LoadReport {
  nodes: number;
  relationships: number;
  ms: number;
}

export function loadRecords(
  db: Database,
  nodes: readonly NodeRecord[],
  relationships: readonly RelationshipRecord[],
  options: LoadOptions = {},
): Promise<LoadReport> {
  const written = options.written ?? new Map<string, string>();
  return writeRows(
    db,
    nodes.map((n) => toNodeRow(n, written)),
    relationships.map((r) => toRelationshipRow(r, written)),
    options,
  );
}

/** The source documents as (:Source) nodes, merged by file. */
export async function loadSources(db: Database, sources: readonly SourceRecord[]): Promise<number> {
  if (sources.length === 0) return 0;
  const [row] = await db.write('seed/merge-sources', { rows: sources.map((s) => ({ ...s })) });
  return Number(row?.sources ?? 0);
}

/** Writes prepared rows: the common path of seed loading, imports and restores. */
export async function writeRows(
  db: Database,
  nodeRows: readonly NodeRow[],
  relRows: readonly RelationshipRow[],
  options: LoadOptions = {},
): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  // Labels and types reach Cypher as $(…) values; refuse anything outside the vocabulary.
  for (const r of nodeRows) if (!(NODE_LABELS as readonly string[]).includes(r.label)) throw new Error(`unknown label ${r.label}`);
  for (const r of relRows) if (!(RELATIONSHIP_TYPES as readonly string[]).includes(r.type)) throw new Error(`unknown type ${r.type}`);

  const steps: Array<{ phase: LoadProgress['phase']; name: 'seed/merge-nodes' | 'seed/merge-relationships'; rows: unknown[] }> = [];
  for (let i = 0; i < nodeRows.length; i += batchSize)
    steps.push({ phase: 'nodes', name: 'seed/merge-nodes', rows: nodeRows.slice(i, i + batchSize) });
  for (let i = 0; i < relRows.length; i += batchSize)
    steps.push({ phase: 'relationships', name: 'seed/merge-relationships', rows: relRows.slice(i, i + batchSize) });

  const done = { nodes: 0, relationships: 0 };
  const total = { nodes: nodeRows.length, relationships: relRows.length };
  const report = (phase: LoadProgress['phase'], n: number) => {
    done[phase] += n;
    options.onProgress?.({ phase, done: done[phase], total: total[phase] });
  };

  const history = options.history;
  let version = 0;
  let seq = 0;
  // The change set comes first (it takes the version lock), then each batch carries its
  // elements' `rev` and writes their Ops beside them (only `after`, unless a load replaces).
  const open = async (tx: NamedTransaction) => {
    if (!history) return;
    version = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0) + 1;
    const { author, ...rest } = history;
    await tx.run('curation/create-bulk-change-set', {
      changeSet: {
        id: `cs-${version}`,
        version,
        author: author.name,
        authorRole: author.role,
        via: author.via,
        at: new Date().toISOString(),
        reason: rest.reason,
        kind: rest.kind,
        sources: JSON.stringify(rest.sources),
        opCount: nodeRows.length + relRows.length,
      },
    });
  };
  const runStep = async (tx: NamedTransaction, step: (typeof steps)[number]) => {
    if (!history) {
      await tx.run(step.name, { rows: step.rows });
      return;
    }
    const isNode = step.phase === 'nodes';
    const rows = (step.rows as Array<NodeRow | RelationshipRow>).map((r) => ({ ...r, properties: { ...r.properties, rev: version } }));
    await tx.run(step.name, { rows });
    const written: WrittenElement[] = [];
    const laterBatch = seq > 0;
    const ops = (step.rows as Array<NodeRow | RelationshipRow>).map((r) => {
      const id = String(r.properties.id);
      const after = isNode
        ? { label: (r as NodeRow).label, id, properties: r.properties }
        : {
            type: (r as RelationshipRow).type,
            id,
            from: (r as RelationshipRow).from,
            to: (r as RelationshipRow).to,
            properties: r.properties,
          };
      const before = history.before?.(isNode ? 'node' : 'tie', id) ?? null;
      written.push({ kind: isNode ? 'node' : 'tie', id, before, after });
      return {
        changeSet: `cs-${version}`,
        version,
        seq: seq++,
        elementId: id,
        elementKind: isNode ? 'node' : 'tie',
        action: `${before ? 'update' : 'add'}${isNode ? 'Node' : 'Tie'}`,
        before: before ? JSON.stringify(before) : null,
        after: JSON.stringify(after),
      };
    });
    await tx.run('curation/create-ops', { changeSet: `cs-${version}`, ops });
    // The batch's copies in the recorded-states layer, beside its Ops (docs/curation.md §3).
    await recordStates(tx, version, written, { laterBatch });
  };

  if (options.atomic ?? Boolean(history)) {
    await db.writeTransaction(
      async (tx) => {
        seq = 0;
        await open(tx);
        for (const step of steps) await runStep(tx, step);
      },
      // A recorded import also writes an Op per element, in the one transaction.
      history ? { timeoutMs: 300_000 } : {},
    );
    for (const step of steps) report(step.phase, step.rows.length);
  } else {
    if (history) await db.writeTransaction(open);
    for (const step of steps) {
      await db.writeTransaction((tx) => runStep(tx, step), { timeoutMs: 120_000 });
      report(step.phase, step.rows.length);
    }
  }
  return { nodes: nodeRows.length, relationships: relRows.length, ms: performance.now() - started };
}
