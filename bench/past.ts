// `npm run bench:past -- [--port 7698] [--edits 40] [--readers 16] [--import 100000] [--iterations 30]
//  [--past-concurrency N] [--editors-first-ms N]`:
// what reads of the past cost now that they read the recorded states (docs/curation.md §3). On
// its own Neo4j (store .neo4j/bench-past, emptied first) it loads the seed and then measures
//   1. an editor's change set (one node's description, POST /api/changes), p50 and p95, with no
//      readers and then while --readers clients (each its own address) repeat a read of the past
//      (a neighbourhood as recorded at version 1), with the server's lanes as configured: by
//      default PAST_READ_CONCURRENCY and EDITORS_FIRST_MS are the server's own defaults;
//   2. a read of the past at the version before an import of --import elements (half nodes, half
//      ties, one change set written in batches) against the same read now, in alternation;
//   3. the layer's nodes and relationships against the live graph's, after the edits and the import.
// Prints the figures and their ratios; asserts nothing. The targets: (1) p95 at most 1.5×, (2) at most 3×.
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import request from 'supertest';
import { pino } from 'pino';
import { z } from 'zod';
import { createApp } from '../server/app.ts';
import { loadSeed } from '../server/bootstrap.ts';
import { parseFlags } from '../server/cli/args.ts';
import { loadConfig } from '../server/config.ts';
import { AUTOMATION } from '../server/curation/actor.ts';
import { Database } from '../server/db/database.ts';
import { loadRecords } from '../seed/load.ts';
import type { NodeRecord, RelationshipRecord } from '../seed/schema.ts';
import { ensureLocalNeo4j, stopLocalNeo4j } from '../neo4j-local/launcher.ts';
import { benchDataDir } from './lib/instance.ts';

const Flags = z.object({
  port: z.coerce.number().int().min(1024).max(65535).default(7698),
  edits: z.coerce.number().int().min(5).max(1000).default(40),
  readers: z.coerce.number().int().min(1).max(256).default(16),
  import: z.coerce.number().int().min(2).max(1_000_000).default(100_000),
  iterations: z.coerce.number().int().min(1).max(1000).default(30),
  /** The server's PAST_READ_CONCURRENCY; its default when absent. */
  'past-concurrency': z.coerce.number().int().min(1).max(1000).optional(),
  /** The server's EDITORS_FIRST_MS; its default when absent (0: editors do not go first). */
  'editors-first-ms': z.coerce.number().int().min(0).max(600_000).optional(),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  port: { type: 'string' },
  edits: { type: 'string' },
  readers: { type: 'string' },
  import: { type: 'string' },
  iterations: { type: 'string' },
  'past-concurrency': { type: 'string' },
  'editors-first-ms': { type: 'string' },
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
const WRITE_TOKEN = 'bench-past-write-token-0123456789';

try {
  await db.applySchema();
  await loadSeed(db);
  // The server's own lanes: every reader below is a client of its own (X-Forwarded-For from
  // loopback is trusted), so nothing needs opening. No answers kept: every read runs its queries.
  const config = loadConfig({
    ...process.env,
    SERVE_WEB: '0',
    WRITE_TOKEN,
    RATE_LIMIT_PER_MINUTE: '1000000',
    ANSWER_CACHE_BYTES: '0',
    ...(flags['past-concurrency'] ? { PAST_READ_CONCURRENCY: String(flags['past-concurrency']) } : {}),
    ...(flags['editors-first-ms'] !== undefined ? { EDITORS_FIRST_MS: String(flags['editors-first-ms']) } : {}),
  });
  const app = createApp({ db, config, log: pino({ level: 'silent' }), version: 'bench' });

  let n = 0;
  const edit = async () => {
    const [row] = await db.read('curation/node-states', { ids: ['socialstyrelsen'] });
    const rev = (row!.props as { rev: number }).rev;
    const t = performance.now();
    const res = await request(app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${WRITE_TOKEN}`)
      .send({
        reason: `Benchmark: small edit ${++n}`,
        sources: [SOURCE],
        ops: [{ op: 'updateNode', id: 'socialstyrelsen', rev, set: { description: `Bench ${n}` } }],
      });
    if (res.status !== 201) throw new Error(`change set: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return performance.now() - t;
  };

  // 1. An editor's change set, without and with readers of the past.
  log(`## Reads of the past (bench/past.ts): ${flags.edits} edits, ${flags.readers} readers, an import of ${flags.import} elements`);
  log(
    `Reads of the past at once: ${config.PAST_READ_CONCURRENCY} (${availableParallelism()} cores here); editors first: ${config.EDITORS_FIRST_MS ? `${config.EDITORS_FIRST_MS} ms at most per write` : 'off'}`,
  );
  // Warm-up: plans every query of the funnel and lets the JIT settle, which moved the first
  // edits' times by ×2. Then blocks without and with readers take turns, so that drift over the
  // run (the layer growing, the JIT, the machine) falls on both sides alike.
  for (let i = 0; i < 10; i++) await edit();
  const BLOCKS = 4;
  const alone: number[] = [];
  const withReaders: number[] = [];
  let reads = 0;
  let readingSeconds = 0;
  const readErrors: number[] = [];
  for (let block = 0; block < BLOCKS; block++) {
    const edits = Math.ceil(flags.edits / BLOCKS);
    for (let i = 0; i < edits; i++) alone.push(await edit());
    let reading = true;
    const reader = async (_: unknown, i: number) => {
      while (reading) {
        const res = await request(app)
          .get('/api/nodes/who/neighborhood')
          .set('X-Forwarded-For', `10.22.0.${i + 1}`)
          .query({ depth: '1', recordedAt: '1' });
        if (res.status !== 200) readErrors.push(res.status);
        reads++;
      }
    };
    const readers = Array.from({ length: flags.readers }, reader);
    await new Promise((r) => setTimeout(r, 1000));
    const started = performance.now();
    for (let i = 0; i < edits; i++) withReaders.push(await edit());
    readingSeconds += (performance.now() - started) / 1000;
    reading = false;
    await Promise.all(readers);
    // The readers' garbage is Neo4j's and Node's to collect before "no readers" is timed again.
    await new Promise((r) => setTimeout(r, 2000));
  }
  const seconds = readingSeconds;
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
