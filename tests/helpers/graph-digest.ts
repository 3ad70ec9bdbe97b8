// A digest of the whole store: every node with all its labels and properties (labelled or
// not), every relationship with its type, properties and ends, and the schema (indexes and
// constraints). Tests that promise nothing was written compare it before and after, so a new
// unlabelled node, a label added or removed, or a dropped index all show.
//
// Nodes are named by their content, not by element id, so two stores holding the same graph
// (an export replayed, a backup restored) have the same digest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Row } from '../../server/db/database.ts';

const CYPHER = join(import.meta.dirname, '..', 'cypher');
const query = (name: string) => readFileSync(join(CYPHER, `${name}.cypher`), 'utf8');

export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export interface GraphDigest {
  digest: string;
  /** Every node in the store, labelled or not. */
  nodes: number;
  relationships: number;
  indexes: number;
  constraints: number;
  /** The parts, for a readable diff when two digests differ. */
  parts: { nodes: string; relationships: string; schema: string };
}

async function rows(db: Database, name: string): Promise<Row[]> {
  // Through the console's READ-transaction path: the digest must never write either.
  return (await db.readText(query(name), {}, { rowLimit: Number.MAX_SAFE_INTEGER, timeoutMs: 120_000 })).rows;
}

/**
 * `entities: true` digests the entity graph only, leaving out the :Source registry and the
 * change log, for comparing a store with a copy made by an export or backup (which carry
 * entities and ties).
 * `history: false` (with `entities`) also leaves out the change log's links and each
 * element's `rev`, which a revert moves forward although it restores everything else: what
 * is left is the graph a reader sees.
 */
export async function graphDigest(db: Database, options: { entities?: boolean; history?: boolean } = {}): Promise<GraphDigest> {
  const withoutHistory = options.entities === true && options.history === false;
  const nodeRows = (await rows(db, options.entities ? 'digest-entity-nodes' : 'digest-nodes')).map((r) =>
    withoutHistory ? dropRev(r) : r,
  );
  const nodeKey = new Map<string, string>();
  const nodeLines: string[] = [];
  for (const r of nodeRows) {
    const line = canonical({ labels: [...(r.labels as string[])].sort(), props: r.props, types: [...(r.types as string[])].sort() });
    nodeKey.set(String(r.eid), sha(line));
    nodeLines.push(line);
  }
  // The entity graph's ties only: the change log's links (ChangeSet -HAS_OP-> Op) are not part of it.
  const relRows = (await rows(db, options.entities ? 'digest-entity-relationships' : 'digest-relationships')).map((r) =>
    withoutHistory ? dropRev(r) : r,
  );
  const relLines = relRows.map((r) =>
    canonical({
      type: r.type,
      props: r.props,
      types: [...(r.types as string[])].sort(),
      start: nodeKey.get(String(r.start)),
      end: nodeKey.get(String(r.end)),
    }),
  );
  const indexes = (await rows(db, 'digest-indexes')).map((r) => 'I' + canonical(r));
  const constraints = (await rows(db, 'digest-constraints')).map((r) => 'C' + canonical(r));
  const parts = {
    nodes: sha(nodeLines.sort().join('\n')),
    relationships: sha(relLines.sort().join('\n')),
    schema: sha([...indexes, ...constraints].sort().join('\n')),
  };
  return {
    digest: sha(`${parts.nodes}\n${parts.relationships}\n${parts.schema}`),
    nodes: nodeLines.length,
    relationships: relLines.length,
    indexes: indexes.length,
    constraints: constraints.length,
    parts,
  };
}

function dropRev(r: Row): Row {
  const { rev: _rev, ...props } = r.props as Record<string, unknown>;
  return { ...r, props, types: (r.types as string[]).filter((t) => !t.startsWith('rev:')) };
}
