// `npm run bench:recorded -- [--port 7697] [--changes 50] [--iterations 40]`: what a read "as
// recorded at" costs against the same read of the current graph. On its own Neo4j (store
// .neo4j/bench-recorded, emptied first) it loads the seed, applies --changes small change sets
// (one node's description each), then asks the chain and the representation question through
// the API, now and as recorded at version 1 (every change set undone) and at the version before
// the last ten, in alternation. Prints medians and 90th percentiles; asserts nothing.
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
import { ensureLocalNeo4j, stopLocalNeo4j } from '../neo4j-local/launcher.ts';
import { benchDataDir } from './lib/instance.ts';
import { BENCH_READ_LIMITS } from './lib/open-lanes.ts';

const Flags = z.object({
  port: z.coerce.number().int().min(1024).max(65535).default(7697),
  changes: z.coerce.number().int().min(1).max(1000).default(50),
  iterations: z.coerce.number().int().min(1).max(1000).default(40),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  port: { type: 'string' },
  changes: { type: 'string' },
  iterations: { type: 'string' },
});
const log = (line: string) => process.stdout.write(`${line}\n`);

const dataDir = benchDataDir('recorded');
await stopLocalNeo4j({ port: flags.port, dataDir });
rmSync(dataDir, { recursive: true, force: true });
const handle = await ensureLocalNeo4j({ port: flags.port, dataDir });
const db = new Database({ uri: handle.uri, queryTimeoutMs: 60_000 });

// The chain's nodes and the representation's ends are among the ones edited, so the rewind
// writes back elements the reads then meet.
const EDITED = [
  'post-sweden-chief-nurse-officer',
  'socialstyrelsen',
  'socialdepartementet',
  'swedish-government',
  'sweden',
  'who',
  'post-socialstyrelsen-director-general',
  'regeringskansliet',
];

try {
  await db.applySchema();
  await loadSeed(db);
  const app = createApp({
    db,
    config: loadConfig({ ...process.env, SERVE_WEB: '0', ...BENCH_READ_LIMITS }),
    log: pino({ level: 'silent' }),
    version: 'bench',
  });
  for (let i = 0; i < flags.changes; i++) {
    const id = EDITED[i % EDITED.length]!;
    const [row] = await db.read('curation/node-states', { ids: [id] });
    const props = row!.props as { rev: number; description?: string };
    await applyChangeSet(
      db,
      {
        reason: `Benchmark: small edit ${i + 1}`,
        sources: [{ file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' }],
        ops: [
          {
            op: 'updateNode',
            id,
            rev: props.rev,
            set: { description: `${(props.description ?? '').split(' (bench')[0]} (bench ${i + 1})` },
          },
        ],
      },
      AUTOMATION,
    );
  }
  const current = Number((await db.read('curation/graph-version'))[0]?.version);
  log(`seed graph, ${flags.changes} change sets of one operation each; current version ${current}`);

  const reads = {
    'mandate chain': ['/api/nodes/post-sweden-chief-nurse-officer/mandate-chain', { direction: 'up' }],
    representation: ['/api/representation', { principal: 'sweden', forum: 'who' }],
  } as const;
  const at = { now: undefined, [`version ${current - 10} (10 undone)`]: current - 10, [`version 1 (${flags.changes} undone)`]: 1 };
  const stats = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1);
    return `${q(0.5)} | ${q(0.9)}`;
  };
  log('');
  log('| read | as of | p50 (ms) | p90 (ms) |');
  log('|---|---|---:|---:|');
  for (const [name, [path, query]] of Object.entries(reads)) {
    const times = new Map<string, number[]>(Object.keys(at).map((k) => [k, []]));
    // One warm-up round plans every query; then the variants take turns, so load from other
    // work on the machine falls on all of them alike.
    for (let i = -1; i < flags.iterations; i++)
      for (const [label, version] of Object.entries(at)) {
        const t = performance.now();
        const res = await request(app)
          .get(path)
          .query(version === undefined ? query : { ...query, recordedAt: String(version) });
        if (res.status !== 200) throw new Error(`${path} ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (i >= 0) times.get(label)!.push(performance.now() - t);
      }
    for (const [label, ms] of times) log(`| ${name} | ${label} | ${stats(ms)} |`);
  }
} finally {
  await db.close();
  if (handle.startedHere) await handle.stop();
}
