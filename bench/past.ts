// `npm run bench:past -- [--port 7698] [--edits 40] [--readers 16] [--import 100000] [--iterations 30]`:
// what reads of the past cost now that they read the recorded states (docs/curation.md §3). On
// its own Neo4j (store .neo4j/bench-past, emptied first) it loads the seed and then measures
//   1. an editor's change set (one node's description), p50 and p95, with no readers and then
//      while --readers clients repeat a read of the past (a neighbourhood as recorded at version 1);
//   2. a read of the past at the version before an import of --import elements (half nodes, half
//      ties, one change set written in batches) against the same read now, in alternation;
//   3. the layer's nodes and relationships against the live graph's, after the edits and the import.
// Prints the figures and their ratios; asserts nothing. The targets: (1) p95 at most 1.5×, (2) at most 3×.
import { rmSync } from 'node:fs';
import request from 'supertest';
import { pino } from 'pino';
import { z } from 'zod';
import { createApp } from '../server/app.ts';
import { loadSeed } from '../server/bootstrap.ts';
import { parseFlags } from '../server/cli/args.ts';
import { loadConfig } from '../server/config.ts';
import { AUTOMATION } from '../server/curation/actor.ts';
import { applyChangeSet } from '../server/curation/apply.ts';
import { Database } from '../server/db/database.ts';
import { loadRecords } from '../seed/load.ts';
import type { NodeRecord, RelationshipRecord } from '../seed/schema.ts';
import { ensureLocalNeo4j, stopLocalNeo4j } from '../neo4j-local/launcher.ts';
import { benchDataDir } from './lib/instance.ts';
import { BENCH_READ_LIMITS } from './lib/open-lanes.ts';

const Flags = z.object({
  port: z.coerce.number().int().min(1024).max(65535).default(7698),
  edits: z.coerce.number().int().min(5).max(1000).default(40),
  readers: z.coerce.number().int().min(1).max(256).default(16),
  import: z.coerce.number().int().min(2).max(1_000_000).default(100_000),
  iterations: z.coerce.number().int().min(1).max(1000).default(30),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  port: { type: 'string' },
  edits: { type: 'string' },
  readers: { type: 'string' },
  import: { type: 'string' },
  iterations: { type: 'string' },
});
const log = (line: string) => process.stdout.write(`${line}\n`);
const quantile = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const f1 = (n: number) => n.toFixed(1);

const dataDir = benchDataDir('past');
await stopLocalNeo4j({ port: flags.port, dataDir });
rmSync(dataDir, { recursive: true, force: true });
const handle = await ensureLocalNeo4j({ port: flags.port, dataDir });
const db = new Database({ uri: handle.uri, queryTimeoutMs: 120_000 });
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };

try {
  await db.applySchema();
  await loadSeed(db);
  const app = createApp({
    db,
    config: loadConfig({ ...process.env, SERVE_WEB: '0', ...BENCH_READ_LIMITS }),
    log: pino({ level: 'silent' }),
    version: 'bench',
  });

  let n = 0;
  const edit = async () => {
    const [row] = await db.read('curation/node-states', { ids: ['socialstyrelsen'] });
    const rev = (row!.props as { rev: number }).rev;
    const t = performance.now();
    await applyChangeSet(
      db,
      {
        reason: `Benchmark: small edit ${++n}`,
        sources: [SOURCE],
        ops: [{ op: 'updateNode', id: 'socialstyrelsen', rev, set: { description: `Bench ${n}` } }],
      },
      AUTOMATION,
    );
    return performance.now() - t;
  };

  // 1. An editor's change set, without and with readers of the past.
  log(`## Reads of the past (bench/past.ts): ${flags.edits} edits, ${flags.readers} readers, an import of ${flags.import} elements`);
  for (let i = 0; i < 3; i++) await edit(); // warm-up: plans every query of the funnel
  const alone: number[] = [];
  for (let i = 0; i < flags.edits; i++) alone.push(await edit());
  let reading = true;
  let reads = 0;
  const readErrors: number[] = [];
  const reader = async () => {
    while (reading) {
      const res = await request(app).get('/api/nodes/who/neighborhood').query({ depth: '1', recordedAt: '1' });
      if (res.status !== 200) readErrors.push(res.status);
      reads++;
    }
  };
  const readers = Array.from({ length: flags.readers }, reader);
  await new Promise((r) => setTimeout(r, 1000));
  const started = performance.now();
  const withReaders: number[] = [];
  for (let i = 0; i < flags.edits; i++) withReaders.push(await edit());
  const seconds = (performance.now() - started) / 1000;
  reading = false;
  await Promise.all(readers);
  if (readErrors.length) throw new Error(`reads of the past failed: ${readErrors.slice(0, 5).join(', ')}`);
  log('');
  log('| change set | p50 (ms) | p95 (ms) |');
  log('|---|---:|---:|');
  log(`| no readers | ${f1(quantile(alone, 0.5))} | ${f1(quantile(alone, 0.95))} |`);
  log(
    `| ${flags.readers} clients reading the past (${f1(reads / seconds)} reads/s) | ${f1(quantile(withReaders, 0.5))} | ${f1(quantile(withReaders, 0.95))} |`,
  );
  log(
    `| ratio | ×${(quantile(withReaders, 0.5) / quantile(alone, 0.5)).toFixed(2)} | ×${(quantile(withReaders, 0.95) / quantile(alone, 0.95)).toFixed(2)} |`,
  );

  // 3a. Storage after the edits.
  const storage = async (when: string) => {
    const [row] = await db.read('curation/count-layer');
    const r = row as { liveNodes: number; liveTies: number; recNodes: number; recTies: number };
    log(
      `| ${when} | ${r.liveNodes} | ${r.liveTies} | ${r.recNodes} | ${r.recTies} | ×${(r.recNodes / r.liveNodes).toFixed(2)} | ×${(r.recTies / r.liveTies).toFixed(2)} |`,
    );
  };
  log('');
  log('| storage | live nodes | live ties | layer nodes | layer ties | nodes ratio | ties ratio |');
  log('|---|---:|---:|---:|---:|---:|---:|');
  await storage(`seed and ${n} edits of one node`);

  // 2. A read of the past at the version before a large import, against the same read now.
  const before = Number((await db.read('curation/graph-version'))[0]?.version);
  const half = Math.floor(flags.import / 2);
  const nodes: NodeRecord[] = [];
  const ties: RelationshipRecord[] = [];
  const fact = {
    properties: {},
    sources: ['001_1c1597dd7120e666.txt#L3-L3'],
    evidence: 'Invented for the bench.',
    certainty: 'inferred' as const,
    outsideKnowledge: 'outside knowledge: bench data',
  };
  for (let i = 0; i < half; i++)
    nodes.push({ id: `bench-past-${i}`, label: 'Agency', name: `Bench agency ${i}`, aliases: [], ...fact } as NodeRecord);
  for (let i = 0; i < flags.import - half; i++)
    ties.push({
      id: `bench-past-tie-${i}`,
      type: 'COOPERATES_WITH',
      from: `bench-past-${i % half}`,
      to: `bench-past-${(i + 1) % half}`,
      ...fact,
    } as RelationshipRecord);
  const t0 = performance.now();
  await loadRecords(db, nodes, ties, {
    atomic: false,
    batchSize: 5000,
    history: { kind: 'import', reason: 'Benchmark: a large import', author: AUTOMATION, sources: [] },
  });
  log('');
  log(`import of ${flags.import} elements: ${f1((performance.now() - t0) / 1000)} s, as version ${before + 1}`);
  const questions = {
    neighbourhood: ['/api/nodes/socialstyrelsen/neighborhood', { depth: '2' }],
    representation: ['/api/representation', { principal: 'sweden', forum: 'who' }],
    search: ['/api/search', { q: 'Socialstyrelsen' }],
  } as const;
  log('');
  log(`| read | now p50 (ms) | as recorded at version ${before} p50 (ms) | ratio |`);
  log('|---|---:|---:|---:|');
  for (const [name, [path, query]] of Object.entries(questions)) {
    const now: number[] = [];
    const past: number[] = [];
    for (let i = -1; i < flags.iterations; i++)
      for (const [list, q] of [
        [now, query],
        [past, { ...query, recordedAt: String(before) }],
      ] as const) {
        const t = performance.now();
        const res = await request(app).get(path).query(q);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (i >= 0) list.push(performance.now() - t);
      }
    log(`| ${name} | ${f1(quantile(now, 0.5))} | ${f1(quantile(past, 0.5))} | ×${(quantile(past, 0.5) / quantile(now, 0.5)).toFixed(2)} |`);
  }
  log('');
  log('| storage | live nodes | live ties | layer nodes | layer ties | nodes ratio | ties ratio |');
  log('|---|---:|---:|---:|---:|---:|---:|');
  await storage(`and the import of ${flags.import}`);
} finally {
  await db.close();
  if (handle.startedHere) await handle.stop();
}
