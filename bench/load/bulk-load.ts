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
// (:BulkLoadBatch {key, phase, index}), so after a crash or Ctrl-C the next run skips exactly
// the committed batches; a finished load (:BulkLoad {key, complete}) is not repeated.
// Nodes go in with a few batches in flight at once. Relationships too on large inputs, but one
// at a time on small ones, with the next batch parsed meanwhile: concurrent batches lock the
// same hubs, and while Neo4j's JIT is still warming up that costs more than it gains.
// Measured (relationships/s, 1 vs 3 in flight): 100k nodes 16–17k vs 11k; 1M 20k vs 29k.
// Into an empty database the secondary indexes (full-text above all) are dropped first and
// built once at the end, which costs less than updating them per node (nodes/s ×1.6 at 100k).
// In create mode the loader remembers each new node's element id, and relationship batches
// find their ends by it rather than through the entity_id index (relationships/s ×1.14 at 1M).
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, statSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Database, NamedTransaction } from '../../server/db/database.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import { toNodeRow, toRelationshipRow } from '../../seed/rows.ts';
import { NodeRecord, QUALIFIER_FIELDS, RelationshipRecord, relationshipKey } from '../../seed/schema.ts';
import { firstDay, lastDay } from '../../server/model/dates.ts';
import { NODES_FILE, RELATIONSHIPS_FILE } from '../../seed/validate.ts';

export type BulkMode = 'create' | 'merge';

/** From this many relationships on, several relationship batches are written at once. */
const LARGE_LOAD_RELATIONSHIPS = 1_000_000;
/**
 * Element ids kept in memory (~130 bytes each); ids beyond are looked up per batch, which
 * costs what the entity_id index costs, so a larger load is slower but never runs out of heap.
 */
const REMEMBERED_ELEMENT_IDS = 2_000_000;
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
  /** Node batches in flight at once (default 2). */
  concurrency?: number;
  /** Relationship batches in flight at once (default 3 from a million relationships, else 1). */
  relationshipConcurrency?: number;
  /** Into an empty database, drop secondary indexes before and rebuild them after (default true). */
  deferIndexes?: boolean;
  /** Stop after this many batches in all (tests interrupt a load with it). */
  stopAfterBatches?: number;
}

export interface BulkPlan {
  key: string;
  mode: BulkMode;
  resumed: boolean;
  alreadyComplete: boolean;
  /** Batches already committed by an earlier run, skipped now. */
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
  /** Building the deferred indexes after the load (0 when none were deferred). */
  indexSeconds: number;
  /** Whole load, markers and index builds included. */
  totalSeconds: number;
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
    if (!existsSync(nodes) && !existsSync(rels))
      throw new BulkLoadError(`${path}: expected ${NODES_FILE} and/or ${RELATIONSHIPS_FILE} in this directory`);
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

/** Batches of rows for one phase; lines of batches already committed are counted, not parsed. */
async function* batches(
  files: string[],
  phase: Phase,
  size: number,
  compact: boolean,
  committed: ReadonlySet<number>,
): AsyncGenerator<Batch> {
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
      if (!committed.has(index)) rows.push(parseRow(line, phase, file, lineNo, compact));
      if (++inBatch === size) {
        if (rows.length > 0) yield { index, rows };
        rows = [];
        index++;
        inBatch = 0;
      }
    }
  }
  if (rows.length > 0) yield { index, rows };
}

function parseRow(line: string, phase: Phase, file: string, lineNo: number, compact: boolean): unknown {
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
    const row = toNodeRow(parsed.data);
    return compact ? [row.label, row.properties, row.validFromDay, row.validToDay] : row;
  }
  const parsed = RelationshipRecord.safeParse(value);
  if (!parsed.success) throw new BulkLoadError(`${file}:${lineNo}: ${describe(parsed.error.issues)}`);
  if (compact) return relationshipFields(parsed.data, file, lineNo);
  return toRelationshipRow(parsed.data);
}

const FIELD = '\u001f';
const RECORD = '\u001e';
const ITEM = '\u001d';
// eslint-disable-next-line no-control-regex -- these control characters are the format's separators
const SEPARATORS = /[\u001d-\u001f]/;
// The text format lists the qualifiers by position; a new one in the schema must be added there.
const ENCODED_QUALIFIERS = ['forum', 'capacity', 'principal', 'task', 'role', 'subject', 'agreement', 'chain', 'step'];
if (QUALIFIER_FIELDS.join() !== ENCODED_QUALIFIERS.join()) {
  throw new Error(
    `bench/load: QUALIFIER_FIELDS changed (${QUALIFIER_FIELDS.join(', ')}); update relationshipLine and cypher/bulk/create-relationships.cypher`,
  );
}

/** One relationship as a line of bulk/create-relationships' text format (see that file). */
export function relationshipLine(r: RelationshipRecord, file = 'input', lineNo = 0): string {
  return relationshipFields(r, file, lineNo).join(FIELD);
}

/** The fields of that line, with the ends still as entity ids (element ids replace them when sent). */
function relationshipFields(r: RelationshipRecord, file: string, lineNo: number): string[] {
  const fields = [
    r.type,
    r.from,
    r.to,
    relationshipKey(r),
    r.sources.join(ITEM),
    r.evidence,
    r.certainty,
    r.validFrom ?? '',
    r.validTo ?? '',
    r.validFrom ? firstDay(r.validFrom) : '',
    r.validTo ? lastDay(r.validTo) : '',
    r.forum ?? '',
    r.capacity ?? '',
    r.principal ?? '',
    r.task ?? '',
    r.role ?? '',
    r.subject ?? '',
    r.agreement ?? '',
    r.chain ?? '',
    r.step === undefined ? '' : String(r.step),
    r.id,
    r.hedge ?? '',
    (r.inferredFrom ?? []).join(ITEM),
    r.outsideKnowledge ?? '',
    r.scope ?? '',
    r.basisKind ?? '',
    r.basisRef ?? '',
    r.basisNote ?? '',
    r.basisCertainty ?? '',
  ];
  for (const f of fields)
    if (SEPARATORS.test(f))
      throw new BulkLoadError(`${file}:${lineNo}: a value holds a control character (U+001D–U+001F) that no seed value may contain`);
  return fields;
}

/** Entity id → element id of the nodes this load created or has looked up, up to a cap. */
class ElementIds {
  private readonly known = new Map<string, string>();

  remember(pairs: ReadonlyArray<readonly [string, string]>): void {
    for (const [id, elementId] of pairs) {
      if (this.known.size >= REMEMBERED_ELEMENT_IDS) return;
      this.known.set(id, elementId);
    }
  }

  /** The batch as bulk/create-relationships' text, its ends turned into element ids. */
  async encode(tx: NamedTransaction, rows: string[][]): Promise<string> {
    const missing = new Set<string>();
    for (const f of rows) {
      if (!this.known.has(f[1]!)) missing.add(f[1]!);
      if (!this.known.has(f[2]!)) missing.add(f[2]!);
    }
    // Only after a resumed load or past the cap: the nodes were created by another run.
    const found = new Map<string, string>();
    if (missing.size > 0) {
      for (const r of await tx.run('bulk/element-ids', { ids: [...missing] })) found.set(String(r.id), String(r.elementId));
      this.remember([...found]);
    }
    const end = (id: string) => this.known.get(id) ?? found.get(id) ?? '';
    return rows.map((f) => [f[0], end(f[1]!), end(f[2]!), ...f.slice(3)].join(FIELD)).join(RECORD);
  }
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
  complete: boolean;
}

type WriteQuery = 'bulk/create-nodes' | 'bulk/create-relationships' | 'seed/merge-nodes' | 'seed/merge-relationships';

export async function bulkLoad(db: Database, path: string | BulkInput, options: BulkLoadOptions = {}): Promise<BulkLoadReport> {
  const input = typeof path === 'string' ? resolveInput(path) : path;
  const key = inputKey(input);
  const [markerRow] = await db.read('bulk/get-marker', { key });
  const marker = (markerRow?.marker ?? null) as (MarkerState & { key: string }) | null;
  const committed = { nodes: new Set<number>(), relationships: new Set<number>() };
  const [countRow] = await db.read('seed/count-entities');
  const empty = Number(countRow?.nodes ?? 0) === 0;

  let state: MarkerState;
  let resumed = false;
  const alreadyComplete = Boolean(marker?.complete) && !options.force;
  if (marker && !marker.complete && !options.force) {
    // Carry on where the last run stopped, in its mode and with its batch sizes.
    state = {
      mode: marker.mode,
      nodeBatchSize: marker.nodeBatchSize,
      relationshipBatchSize: marker.relationshipBatchSize,
      complete: false,
    };
    for (const b of (markerRow?.batches ?? []) as string[]) {
      const [phase, index] = b.split(':') as [Phase, string];
      committed[phase]?.add(Number(index));
    }
    resumed = true;
  } else {
    if (marker) await db.write('bulk/delete-marker', { key, all: true });
    state = {
      mode: options.mode && options.mode !== 'auto' ? options.mode : empty ? 'create' : 'merge',
      nodeBatchSize: options.nodeBatchSize ?? 5_000,
      relationshipBatchSize: options.relationshipBatchSize ?? 10_000,
      complete: false,
    };
  }
  const { mode } = state;
  const totals = {
    nodes: await countLines(input.nodeFiles, 'nodes'),
    relationships: await countLines(input.relationshipFiles, 'relationships'),
  };
  const skip = { nodes: committed.nodes.size, relationships: committed.relationships.size };
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
    indexSeconds: 0,
    totalSeconds: 0,
    nodesPerSecond: 0,
    relationshipsPerSecond: 0,
  };
  if (alreadyComplete) return report;
  const loadStarted = performance.now();
  await db.write('bulk/save-marker', { key, state: { ...state, startedAt: new Date().toISOString() } });
  // Only into an empty database: over an existing graph, queries rely on the indexes meanwhile.
  if (mode === 'create' && empty && options.deferIndexes !== false) await dropDeferrableIndexes(db);

  const concurrency = Math.max(1, options.concurrency ?? 2);
  let batchesLeft = options.stopAfterBatches ?? Infinity;
  const create = mode === 'create';
  const elementIds = new ElementIds();
  const phases: Array<{ phase: Phase; files: string[]; size: number; query: WriteQuery }> = [
    { phase: 'nodes', files: input.nodeFiles, size: state.nodeBatchSize, query: create ? 'bulk/create-nodes' : 'seed/merge-nodes' },
    {
      phase: 'relationships',
      files: input.relationshipFiles,
      size: state.relationshipBatchSize,
      query: create ? 'bulk/create-relationships' : 'seed/merge-relationships',
    },
  ];
  // A create-mode load (this one, or an earlier one it resumes) may have dropped indexes: they
  // are built again however it ends, and by the next start of the server at the latest.
  const restoreIndexes = () => (create ? rebuildIndexes(db) : Promise.resolve(0));
  try {
    for (const { phase, files, size, query } of phases) {
      const started = performance.now();
      let done = Math.min(totals[phase], committed[phase].size * size);
      options.onProgress?.({ phase, done, total: totals[phase] });
      const writeBatch = async (batch: Batch): Promise<void> => {
        checkVocabulary(batch.rows, phase, create);
        const result = await db
          .writeTransaction(
            async (tx) => {
              const params =
                create && phase === 'relationships'
                  ? { text: await elementIds.encode(tx, batch.rows as string[][]) }
                  : { rows: batch.rows };
              const [row] = await tx.run(query, params);
              await tx.run('bulk/create-batch-marker', { key, phase, index: batch.index });
              return { count: Number(row?.[phase] ?? 0), created: (row?.created ?? []) as Array<[string, string]> };
            },
            { timeoutMs: 300_000 },
          )
          .catch((err: Error) => {
            throw new BulkLoadError(
              `${phase} batch ${batch.index + 1} (${mode} mode) failed: ${err.message}` +
                (create ? '. If the graph already holds some of these records, run again with --mode merge.' : ''),
            );
          });
        // Kept only once committed: a retried transaction gives its nodes new element ids.
        elementIds.remember(result.created);
        const written = result.count;
        if (phase === 'relationships') report.unmatchedRelationships += batch.rows.length - written;
        done += batch.rows.length;
        report[phase] += written;
        options.onProgress?.({ phase, done, total: totals[phase] });
      };
      // A small pool: reading and parsing stay sequential, writes overlap; the next batch is
      // parsed while the last one is written.
      const inFlight = new Set<Promise<void>>();
      const limit =
        phase === 'nodes'
          ? concurrency
          : Math.max(1, options.relationshipConcurrency ?? (totals.relationships >= LARGE_LOAD_RELATIONSHIPS ? 3 : 1));
      let failure: unknown = null;
      for await (const batch of readAhead(batches(files, phase, size, create, committed[phase]))) {
        if (batchesLeft-- <= 0) {
          report.interrupted = true;
          break;
        }
        const p: Promise<void> = writeBatch(batch).then(
          () => void inFlight.delete(p),
          (err) => {
            inFlight.delete(p);
            failure ??= err;
          },
        );
        inFlight.add(p);
        if (inFlight.size >= limit) await Promise.race(inFlight);
        if (failure) break;
      }
      await Promise.all(inFlight);
      if (failure) throw failure;
      const seconds = (performance.now() - started) / 1000;
      if (phase === 'nodes') {
        report.nodeSeconds = seconds;
        report.nodesPerSecond = report.nodes / Math.max(seconds, 1e-6);
      } else {
        report.relationshipSeconds = seconds;
        report.relationshipsPerSecond = report.relationships / Math.max(seconds, 1e-6);
      }
      if (report.interrupted) break;
    }
  } catch (err) {
    await restoreIndexes().catch(() => undefined);
    throw err;
  }
  report.indexSeconds = await restoreIndexes();
  if (report.interrupted) {
    report.totalSeconds = (performance.now() - loadStarted) / 1000;
    return report;
  }
  // Written around the change-set funnel: the recorded-states layer no longer matches the live
  // graph, so it answers nothing until it is built again (the next change set or start-up does).
  await db.write('curation/save-layer-span', { from: null, at: null, format: null });
  // Done: the per-batch notes have served their purpose; the load marker remembers the rest.
  await db.write('bulk/delete-marker', { key, all: false });
  await db.write('bulk/save-marker', { key, state: { ...state, complete: true, finishedAt: new Date().toISOString() } });
  report.totalSeconds = (performance.now() - loadStarted) / 1000;
  return report;
}

async function dropDeferrableIndexes(db: Database): Promise<void> {
  const names = (await db.read('bulk/list-deferrable-indexes')).map((r) => String(r.name));
  for (const name of names) await db.write('bulk/drop-index', { name });
}

/** Builds the schema's indexes again (schema.cypher is idempotent) and waits for them. */
async function rebuildIndexes(db: Database): Promise<number> {
  const started = performance.now();
  await db.applySchema();
  return (performance.now() - started) / 1000;
}

/** Yields what `source` yields, asking it for the next item as soon as one is taken. */
async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const item = await next;
      if (item.done) return;
      next = source.next();
      // A failure of the item read ahead surfaces when it is awaited, not as an unhandled rejection.
      next.catch(() => undefined);
      yield item.value;
    }
  } finally {
    await source.return(undefined);
  }
}

function checkVocabulary(rows: unknown[], phase: Phase, compact: boolean): void {
  // The schema parse already holds labels and types to the vocabulary; this guards the one
  // place they become Cypher identifiers, in case rows ever come from elsewhere.
  const allowed: readonly string[] = phase === 'nodes' ? NODE_LABELS : RELATIONSHIP_TYPES;
  for (const r of rows) {
    const name = !compact
      ? (r as { label?: unknown; type?: unknown })[phase === 'nodes' ? 'label' : 'type']
      : typeof r === 'string'
        ? r.slice(0, r.indexOf(FIELD))
        : (r as unknown[])[0];
    if (typeof name !== 'string' || !allowed.includes(name))
      throw new BulkLoadError(`unknown ${phase === 'nodes' ? 'label' : 'type'} ${String(name)}`);
  }
}

/** Removes every entity whose id starts with `prefix`, a batch at a time. */
export async function deletePrefixed(db: Database, prefix: string, batch = 5_000): Promise<number> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*-$/.test(prefix))
    throw new BulkLoadError(`refusing to delete by prefix "${prefix}": expected kebab-case ending in "-"`);
  let total = 0;
  for (;;) {
    const [row] = await db.write('bulk/delete-prefixed', { prefix, limit: batch }, { timeoutMs: 120_000 });
    const n = Number(row?.deleted ?? 0);
    total += n;
    if (n < batch) return total;
  }
}
