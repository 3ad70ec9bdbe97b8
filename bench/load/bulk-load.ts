// Bulk loading of seed-format JSON lines (nodes, then relationships) far larger than memory:
// the files are streamed, each record is checked against its schema, turned into the same
// rows the seed loader writes, and sent in batches of UNWIND.
//
// Two write shapes:
//   create: CREATE nodes and relationships (bulk/create-*). Into an empty database this is
//           several times faster than MERGE, which must look at every existing tie of a
//           relationship's start node, i.e. slower and slower on hubs.
//   merge:  the seed's own upserts (seed/merge-*), safe over any existing graph.
// Rerunning is safe either way. Each batch commits in the same transaction as a marker node
// (:BulkLoad {key}) that counts the committed batches, so after a crash or Ctrl-C the next run
// resumes after the last committed batch, and a finished load is not repeated.
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, statSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Database } from '../../server/db/database.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import { toNodeRow, toRelationshipRow } from '../../seed/rows.ts';
import { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';
import { NODES_FILE, RELATIONSHIPS_FILE } from '../../seed/validate.ts';

export type BulkMode = 'create' | 'merge';
type Phase = 'nodes' | 'relationships';

export interface BulkLoadOptions {
  /** auto (default): create into an empty database, merge into one that holds a graph. */
  mode?: BulkMode | 'auto';
  nodeBatchSize?: number;
  relationshipBatchSize?: number;
  /** Load again even though a marker says this input was loaded completely (uses merge). */
  force?: boolean;
  onProgress?: (p: { phase: Phase; done: number; total: number }) => void;
  /** Called once the plan is known (mode, resume point), before any batch. */
  onPlan?: (plan: BulkPlan) => void;
  /** Stop after this many batches in all (tests interrupt a load with it). */
  stopAfterBatches?: number;
}

export interface BulkPlan {
  key: string;
  mode: BulkMode;
  resumed: boolean;
  alreadyComplete: boolean;
  skip: { nodes: number; relationships: number };
  totals: { nodes: number; relationships: number };
}

export interface BulkLoadReport {
  key: string;
  mode: BulkMode;
  resumed: boolean;
  /** The marker said this input was already loaded; nothing was written. */
  skipped: boolean;
  /** True when stopAfterBatches ended the load early. */
  interrupted: boolean;
  nodes: number;
  relationships: number;
  /** Relationship rows whose ends were not in the database (nothing created for them). */
  unmatchedRelationships: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
}

export class BulkLoadError extends Error {
  override name = 'BulkLoadError';
}

export interface BulkInput {
  /** Files read for nodes, in order; lines with a "label" are nodes. */
  nodeFiles: string[];
  /** Files read for relationships; lines with a "type" are relationships. */
  relationshipFiles: string[];
}

/** A directory with nodes.jsonl and relationships.jsonl, or one file holding both kinds of line. */
export function resolveInput(path: string): BulkInput {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new BulkLoadError(`${path}: no such file or directory`);
  if (statSync(abs).isDirectory()) {
    const nodes = join(abs, NODES_FILE);
    const rels = join(abs, RELATIONSHIPS_FILE);
    if (!existsSync(nodes) && !existsSync(rels)) throw new BulkLoadError(`${path}: expected ${NODES_FILE} and/or ${RELATIONSHIPS_FILE} in this directory`);
    return { nodeFiles: existsSync(nodes) ? [nodes] : [], relationshipFiles: existsSync(rels) ? [rels] : [] };
  }
  return { nodeFiles: [abs], relationshipFiles: [abs] };
}

/**
 * Identity of an input for the resume marker: names, sizes and a hash of each file's first and
 * last megabyte. Cheap for gigabyte files, and any edit that changes size or either end shows.
 */
export function inputKey(input: BulkInput): string {
  const hash = createHash('sha256');
  for (const file of new Set([...input.nodeFiles, ...input.relationshipFiles])) {
    const size = statSync(file).size;
    hash.update(`${basename(file)}:${size}:`);
    const fd = openSync(file, 'r');
    try {
      const chunk = Buffer.alloc(Math.min(size, 1 << 20));
      readSync(fd, chunk, 0, chunk.length, 0);
      hash.update(chunk);
      readSync(fd, chunk, 0, chunk.length, Math.max(0, size - chunk.length));
      hash.update(chunk);
    } finally {
      closeSync(fd);
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/** Lines of a kind in the files, counted without parsing (for the progress bar's total). */
export async function countLines(files: string[], kind: Phase): Promise<number> {
  let n = 0;
  for (const file of files) {
    // A file holding both kinds is classified line by line; dedicated files are counted raw.
    const dedicated = basename(file) === (kind === 'nodes' ? NODES_FILE : RELATIONSHIPS_FILE);
    if (dedicated) {
      for await (const chunk of createReadStream(file)) {
        const buf = chunk as Buffer;
        for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
      }
      // A last line without a newline.
      const size = statSync(file).size;
      if (size > 0) {
        const fd = openSync(file, 'r');
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        closeSync(fd);
        if (last[0] !== 10) n++;
      }
    } else {
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (lineKind(line) === kind) n++;
    }
  }
  return n;
}

function lineKind(line: string): Phase | null {
  if (line.trim() === '') return null;
  // Cheap look at the keys; the schema check comes later for the lines that are used.
  if (/"label"\s*:/.test(line) && !/^\s*\{\s*"type"\s*:/.test(line)) return 'nodes';
  if (/"type"\s*:/.test(line)) return 'relationships';
  return null;
}

interface Batch {
  index: number;
  rows: unknown[];
}

/** Batches of rows for one phase; lines of skipped batches are counted, not parsed. */
async function* batches(files: string[], phase: Phase, size: number, skip: number): AsyncGenerator<Batch> {
  let rows: unknown[] = [];
  let index = 0;
  let inBatch = 0;
  for (const file of files) {
    const dedicated = basename(file) === (phase === 'nodes' ? NODES_FILE : RELATIONSHIPS_FILE);
    let lineNo = 0;
    for await (const line of createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
      lineNo++;
      if (line.trim() === '') continue;
      if (!dedicated && lineKind(line) !== phase) continue;
      if (index < skip) {
        if (++inBatch === size) {
          index++;
          inBatch = 0;
        }
        continue;
      }
      rows.push(parseRow(line, phase, file, lineNo));
      if (rows.length === size) {
        yield { index: index++, rows };
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield { index, rows };
}

function parseRow(line: string, phase: Phase, file: string, lineNo: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new BulkLoadError(`${file}:${lineNo}: bad JSON: ${(err as Error).message}`);
  }
  if (phase === 'nodes') {
    const parsed = NodeRecord.safeParse(value);
    if (!parsed.success) throw new BulkLoadError(`${file}:${lineNo}: ${describe(parsed.error.issues)}`);
    // The label reaches Cypher as $(…); the schema has already held it to the vocabulary.
    return toNodeRow(parsed.data);
  }
  const parsed = RelationshipRecord.safeParse(value);
  if (!parsed.success) throw new BulkLoadError(`${file}:${lineNo}: ${describe(parsed.error.issues)}`);
  return toRelationshipRow(parsed.data);
}

function describe(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`)
    .join('; ');
}

interface MarkerState {
  mode: BulkMode;
  nodeBatchSize: number;
  relationshipBatchSize: number;
  nodeBatches: number;
  relationshipBatches: number;
  complete: boolean;
}

export async function bulkLoad(db: Database, path: string | BulkInput, options: BulkLoadOptions = {}): Promise<BulkLoadReport> {
  const input = typeof path === 'string' ? resolveInput(path) : path;
  const key = inputKey(input);
  const [markerRow] = await db.read('bulk/get-marker', { key });
  const marker = (markerRow?.marker ?? null) as (MarkerState & { key: string }) | null;
  const [countRow] = await db.read('seed/count-entities');
  const empty = Number(countRow?.nodes ?? 0) === 0;

  let mode: BulkMode;
  let state: MarkerState;
  let resumed = false;
  const alreadyComplete = Boolean(marker?.complete) && !options.force;
  if (marker && !marker.complete && !options.force) {
    // Carry on where the last run stopped, in its mode and with its batch sizes.
    ({ mode } = marker);
    state = { ...marker, complete: false };
    resumed = true;
  } else {
    mode = options.mode && options.mode !== 'auto' ? options.mode : empty && !marker ? 'create' : 'merge';
    state = {
      mode,
      nodeBatchSize: options.nodeBatchSize ?? 5_000,
      relationshipBatchSize: options.relationshipBatchSize ?? 10_000,
      nodeBatches: 0,
      relationshipBatches: 0,
      complete: false,
    };
  }
  const totals = {
    nodes: await countLines(input.nodeFiles, 'nodes'),
    relationships: await countLines(input.relationshipFiles, 'relationships'),
  };
  const skip = { nodes: state.nodeBatches, relationships: state.relationshipBatches };
  options.onPlan?.({ key, mode, resumed, alreadyComplete, skip, totals });

  const report: BulkLoadReport = {
    key,
    mode,
    resumed,
    skipped: alreadyComplete,
    interrupted: false,
    nodes: 0,
    relationships: 0,
    unmatchedRelationships: 0,
    nodeSeconds: 0,
    relationshipSeconds: 0,
    nodesPerSecond: 0,
    relationshipsPerSecond: 0,
  };
  if (alreadyComplete) return report;

  let batchesLeft = options.stopAfterBatches ?? Infinity;
  const phases: Array<{ phase: Phase; files: string[]; size: number; query: 'bulk/create-nodes' | 'bulk/create-relationships' | 'seed/merge-nodes' | 'seed/merge-relationships' }> = [
    { phase: 'nodes', files: input.nodeFiles, size: state.nodeBatchSize, query: mode === 'create' ? 'bulk/create-nodes' : 'seed/merge-nodes' },
    {
      phase: 'relationships',
      files: input.relationshipFiles,
      size: state.relationshipBatchSize,
      query: mode === 'create' ? 'bulk/create-relationships' : 'seed/merge-relationships',
    },
  ];
  for (const { phase, files, size, query } of phases) {
    const started = performance.now();
    const already = Math.min(totals[phase], skip[phase] * size);
    let done = already;
    options.onProgress?.({ phase, done, total: totals[phase] });
    // Parsing the next batch overlaps with Neo4j writing this one.
    const source = batches(files, phase, size, skip[phase]);
    let next = source.next();
    for (;;) {
      const item = await next;
      if (item.done) break;
      if (batchesLeft-- <= 0) {
        report.interrupted = true;
        await source.return(undefined);
        break;
      }
      next = source.next();
      const batch = item.value;
      checkVocabulary(batch.rows, phase);
      const counter = phase === 'nodes' ? { nodeBatches: batch.index + 1 } : { relationshipBatches: batch.index + 1 };
      const written = await db.writeTransaction(
        async (tx) => {
          const [row] = await tx.run(query, { rows: batch.rows });
          await tx.run('bulk/save-marker', { key, state: { ...state, ...counter, updatedAt: new Date().toISOString() } });
          return Number(row?.[phase] ?? 0);
        },
        { timeoutMs: 300_000 },
      ).catch((err: Error) => {
        throw new BulkLoadError(
          `${phase} batch ${batch.index + 1} (${mode} mode) failed: ${err.message}` +
            (mode === 'create' ? '. If the graph already holds some of these records, run again with --mode merge.' : ''),
        );
      });
      Object.assign(state, counter);
      if (phase === 'relationships') report.unmatchedRelationships += batch.rows.length - written;
      done += batch.rows.length;
      report[phase] += written;
      options.onProgress?.({ phase, done, total: totals[phase] });
    }
    const seconds = (performance.now() - started) / 1000;
    if (phase === 'nodes') {
      report.nodeSeconds = seconds;
      report.nodesPerSecond = report.nodes / Math.max(seconds, 1e-6);
    } else {
      report.relationshipSeconds = seconds;
      report.relationshipsPerSecond = report.relationships / Math.max(seconds, 1e-6);
    }
    if (report.interrupted) return report;
  }
  await db.write('bulk/save-marker', { key, state: { ...state, complete: true, updatedAt: new Date().toISOString() } });
  return report;
}

function checkVocabulary(rows: unknown[], phase: Phase): void {
  // The schema parse already holds labels and types to the vocabulary; this guards the one
  // place they become Cypher identifiers, in case rows ever come from elsewhere.
  for (const r of rows as Array<{ label?: string; type?: string }>) {
    if (phase === 'nodes' && !(NODE_LABELS as readonly string[]).includes(r.label ?? '')) throw new BulkLoadError(`unknown label ${r.label}`);
    if (phase === 'relationships' && !(RELATIONSHIP_TYPES as readonly string[]).includes(r.type ?? '')) throw new BulkLoadError(`unknown type ${r.type}`);
  }
}

/** Removes every entity whose id starts with `prefix`, a batch at a time. */
export async function deletePrefixed(db: Database, prefix: string, batch = 5_000): Promise<number> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*-$/.test(prefix)) throw new BulkLoadError(`refusing to delete by prefix "${prefix}": expected kebab-case ending in "-"`);
  let total = 0;
  for (;;) {
    const [row] = await db.write('bulk/delete-prefixed', { prefix, limit: batch }, { timeoutMs: 120_000 });
    const n = Number(row?.deleted ?? 0);
    total += n;
    if (n < batch) return total;
  }
}
