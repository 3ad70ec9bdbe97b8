// `npm run bench:curation-scale -- [--nodes 100k] [--port 7697] [--changes 1000] [--empty-restore]`:
// what restores and diffs cost on a large graph. On its own Neo4j (store
// .neo4j/bench-curation-scale, emptied first) it loads the synthetic graph with a seed change set
// of one Op per element (or, with --empty-restore, restores it from a backup file into the empty
// store: every element an Op, the largest change set there is), diffs from version 0 the way the server did before
// (every Op of the span read into the server and folded there) and the way it does now (folded
// by Neo4j, one page), then changes --changes nodes behind the log's back and restores the
// backup again (only those are written), and restores once more (nothing differs). Prints
// times and the Node process's peak memory for each step.
import { rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseFlags } from '../server/cli/args.ts';
import { diffVersions } from '../server/curation/diff.ts';
import { opOf, type OpRecord } from '../server/curation/log.ts';
import { restoreGraph } from '../server/data-io/backup.ts';
import type { Row } from '../server/db/database.ts';
import { Database } from '../server/db/database.ts';
import { writeRows } from '../seed/load.ts';
import { toNodeRow, toRelationshipRow } from '../seed/rows.ts';
import { NodeRecord, RelationshipRecord } from '../seed/schema.ts';
import { benchDataDir } from './lib/instance.ts';
import { ensureLocalNeo4j, stopLocalNeo4j } from '../neo4j-local/launcher.ts';
import { parseCount, writeSynth } from './synth/write.ts';

const Flags = z.object({
  nodes: z.string().default('100k'),
  port: z.coerce.number().int().min(1024).max(65535).default(7697),
  changes: z.coerce.number().int().min(1).default(1000),
  'empty-restore': z.boolean().default(false),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  nodes: { type: 'string' },
  port: { type: 'string' },
  changes: { type: 'string' },
  'empty-restore': { type: 'boolean' },
});
const log = (line: string) => process.stdout.write(`${line}\n`);
const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;

/** Runs a step, sampling the process's memory every 20 ms: time, peak RSS and peak JS heap above the start. */
async function measure<T>(name: string, step: () => Promise<T>, describe: (r: T) => string = () => ''): Promise<T> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const t = performance.now();
  try {
    const result = await step();
    const ms = performance.now() - t;
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
    log(
      `${name}: ${(ms / 1000).toFixed(1)} s, peak RSS ${mib(rss)} (+${mib(rss - start.rss)}), peak heap +${mib(heap - start.heapUsed)} ${describe(result)}`,
    );
    return result;
  } finally {
    clearInterval(timer);
  }
}

const { dir, manifest } = await writeSynth({ nodes: parseCount(flags.nodes), seed: 1 });
const lines = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean);
// The backup file a `npm run backup` of this graph would write (the whole-graph JSON).
const backup = join(dir, 'backup.json');
{
  const nodes = lines('nodes.jsonl').map((l) => {
    const row = toNodeRow(NodeRecord.parse(JSON.parse(l)));
    return { id: row.id, labels: ['Entity', row.label], properties: row.properties };
  });
  const relationships = lines('relationships.jsonl').map((l) => {
    const row = toRelationshipRow(RelationshipRecord.parse(JSON.parse(l)));
    return { type: row.type, start: row.from, end: row.to, properties: row.properties };
  });
  writeFileSync(backup, JSON.stringify({ nodes, relationships }));
}
log(`graph: ${manifest.nodes.toLocaleString('en')} nodes, ${manifest.relationships.toLocaleString('en')} relationships (${backup})`);

const dataDir = benchDataDir('curation-scale');
await stopLocalNeo4j({ port: flags.port, dataDir });
rmSync(dataDir, { recursive: true, force: true });
const handle = await ensureLocalNeo4j({ port: flags.port, dataDir });
const db = new Database({ uri: handle.uri, queryTimeoutMs: 600_000, retryMs: 30_000 });

// The server's diff before this change: ops-between, then a fold in memory.
const OLD_OPS_BETWEEN = `MATCH (c:ChangeSet)
WHERE c.version > $from AND c.version <= $to
MATCH (c)-[:HAS_OP]->(o:Op)
RETURN o {.*} AS op
ORDER BY o.version, o.seq`;
function oldFold(ops: OpRecord[]) {
  const span = new Map<string, { before: OpRecord['before']; after: OpRecord['after'] }>();
  for (const op of ops) {
    if (op.elementKind === 'source') continue;
    const key = `${op.elementKind}:${op.elementId}`;
    const seen = span.get(key);
    if (seen) seen.after = op.after;
    else span.set(key, { before: op.before, after: op.after });
  }
  let added = 0;
  for (const e of span.values()) if (!e.before && e.after) added++;
  return added;
}

try {
  await db.applySchema();
  let to: number;
  if (flags['empty-restore']) {
    // The largest change set there is: every element added, in the one transaction a restore is.
    const first = await measure(
      'restore into the empty store',
      () => restoreGraph(db, backup),
      (r) => `(${r.added.toLocaleString('en')} added, change set ${r.changeSet})`,
    ).catch((err: Error) => {
      log(`restore into the empty store refused: ${err.message} (nothing written: ${err.constructor.name})`);
      return null;
    });
    // Thrown inside the try, so the Neo4j started here is stopped on the way out.
    if (!first) throw new Error('the restore into the empty store did not fit in one transaction');
    to = Number(first.changeSet?.slice(3));
  } else {
    // The graph and a change set with one Op per element, recorded batch by batch as the seed
    // load did before it became one transaction: the history a diff from version 0 reads.
    const nodeRows = lines('nodes.jsonl').map((l) => toNodeRow(NodeRecord.parse(JSON.parse(l))));
    const relRows = lines('relationships.jsonl').map((l) => toRelationshipRow(RelationshipRecord.parse(JSON.parse(l))));
    await measure('load without history (batched MERGE)', () => writeRows(db, nodeRows, relRows, { batchSize: 2000 }));
    to = 1;
    await measure('record a seed change set, one Op per element, in batches', async () => {
      await db.writeTransaction(async (tx) => {
        await tx.run('curation/merge-version-lock');
        await tx.run('curation/create-bulk-change-set', {
          changeSet: {
            id: 'cs-1',
            version: 1,
            author: 'automation',
            at: new Date().toISOString(),
            reason: 'Benchmark: the synthetic graph as a seed',
            kind: 'seed',
            sources: '[]',
            opCount: nodeRows.length + relRows.length,
          },
        });
      });
      const states = [
        ...nodeRows.map((r) => ({ kind: 'node', id: r.id, after: { label: r.label, id: r.id, properties: r.properties } })),
        ...relRows.map((r) => ({
          kind: 'tie',
          id: String(r.properties.id),
          after: { type: r.type, id: r.properties.id, from: r.from, to: r.to, properties: r.properties },
        })),
      ];
      for (let i = 0; i < states.length; i += 5000) {
        const ops = states.slice(i, i + 5000).map((e, k) => ({
          changeSet: 'cs-1',
          version: 1,
          seq: i + k,
          elementId: e.id,
          elementKind: e.kind,
          action: e.kind === 'node' ? 'addNode' : 'addTie',
          before: null,
          after: JSON.stringify(e.after),
        }));
        await db.writeTransaction((tx) => tx.run('curation/create-ops', { changeSet: 'cs-1', ops }));
      }
    });
  }
  for (const round of ['warm', 'timed']) {
    await measure(
      `${round}: diff from 0, before (every Op read and folded in the server)`,
      async () =>
        oldFold(
          (await db.readText(OLD_OPS_BETWEEN, { from: 0, to }, { rowLimit: Number.MAX_SAFE_INTEGER, timeoutMs: 600_000 })).rows.map((r) =>
            opOf(r.op as Row),
          ),
        ),
      (added) => `(${added.toLocaleString('en')} added)`,
    );
    await measure(
      `${round}: diff from 0, now (folded by Neo4j, one page of 1,000)`,
      () => diffVersions(db, 0, to),
      (d) => `(counts ${JSON.stringify(d.counts)}, ${d.added.length} listed, truncated ${d.truncated})`,
    );
  }
  await db.replayStatement(
    `MATCH (n:Entity) WITH n ORDER BY n.id LIMIT ${flags.changes} SET n.description = 'changed behind the log for the benchmark'`,
  );
  await measure(
    `restore after ${flags.changes} nodes changed`,
    () => restoreGraph(db, backup),
    (r) => `(${r.changed} changed, ${r.added} added, ${r.retired} retired)`,
  );
  await measure(
    'restore when nothing differs',
    () => restoreGraph(db, backup),
    (r) => `(change set ${r.changeSet})`,
  );
} finally {
  await db.close();
  if (handle.startedHere) await handle.stop();
}
